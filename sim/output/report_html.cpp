// The HTML report of a results directory: reads the files riposte writes (run, compare,
// validate) and draws the charts that show a plan's weak points, in French or English. One
// self-contained file: inline CSS and inline SVG, no script, no external resource.
#include "core/file_input.hpp"
#include "output/verdict.hpp"
#include "riposte/core/calendar.hpp"
#include "riposte/output.hpp"
#include "riposte/report.hpp"
#include "riposte/text/names_texts.hpp"
#include "riposte/text/report_texts.hpp"
#include "riposte/text/validation_texts.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <iterator>
#include <map>
#include <set>
#include <system_error>

namespace riposte {

namespace {

namespace fs = std::filesystem;
using text::Text;
constexpr const text::ReportTexts& rt = text::report;

constexpr std::string_view riposte_version = "0.1.0";

constexpr std::string_view colours[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                        "#56B4E9", "#D55E00", "#7F7F7F", "#8C564B"};
constexpr std::string_view red = "#c62828";
constexpr std::string_view green = "#2e7d32";
constexpr std::string_view grey = "#9e9e9e";

std::string colour(std::size_t i) {
    return std::string(colours[i % std::size(colours)]);
}

double to_number(std::string_view text) {
    if (text.empty()) return std::nan("");
    double v = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc{} || res.ptr != text.data() + text.size()) return std::nan("");
    return v;
}

/// A CSV table with named-column access.
struct Table {
    CsvTable csv;
    [[nodiscard]] int col(std::string_view name) const { return csv.column(name); }
    [[nodiscard]] std::string str(const std::vector<std::string>& row, int c) const {
        return c >= 0 && static_cast<std::size_t>(c) < row.size() ? row[static_cast<std::size_t>(c)]
                                                                  : std::string{};
    }
    [[nodiscard]] double num(const std::vector<std::string>& row, int c) const {
        return c >= 0 && static_cast<std::size_t>(c) < row.size()
                   ? to_number(row[static_cast<std::size_t>(c)])
                   : std::nan("");
    }
    /// Replication of a row (0 when the table has no replication column).
    [[nodiscard]] int rep(const std::vector<std::string>& row) const {
        const double v = num(row, col("replication"));
        return std::isfinite(v) ? static_cast<int>(v) : 0;
    }
};

/// Sum and count, for means over replications.
struct Acc {
    double sum = 0;
    int count = 0;
    void add(double v) {
        if (!std::isfinite(v)) return;
        sum += v;
        ++count;
    }
    [[nodiscard]] double mean() const { return count > 0 ? sum / count : std::nan(""); }
};

struct CivilDate {
    int y = 0;
    unsigned m = 0, d = 0;
    int weekday = 0; ///< 0 = Monday
    bool ok = false;
};

CivilDate parse_date(std::string_view iso) {
    CivilDate c;
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return c;
    const auto part = [&](std::size_t pos, std::size_t len, auto& out) {
        const auto res = std::from_chars(iso.data() + pos, iso.data() + pos + len, out);
        return res.ec == std::errc{} && res.ptr == iso.data() + pos + len;
    };
    if (!part(0, 4, c.y) || !part(5, 2, c.m) || !part(8, 2, c.d)) return c;
    const auto weekday = weekday_of_iso(iso);
    if (!weekday) return c;
    c.weekday = *weekday;
    c.ok = true;
    return c;
}

class ReportBuilder {
  public:
    ReportBuilder(fs::path dir, Language lang) : dir_(std::move(dir)), lang_(lang) {}

    ReportResult build() {
        ReportResult result;
        std::error_code ec;
        if (!fs::is_directory(dir_, ec)) {
            result.error = text::fill(lang_, text::report.not_a_directory, {dir_.string()});
            return result;
        }
        summary_ = json("summary.json");
        compare_ = json("compare.json");
        validation_ = json("validation.json");
        if (!error_.empty()) {
            result.error = error_;
            return result;
        }
        if (!summary_ && !compare_ && !validation_) {
            result.error = text::fill(lang_, text::report.no_results, {dir_.string()});
            return result;
        }
        if (summary_) load_run_tables();
        if (!error_.empty()) {
            result.error = error_;
            return result;
        }
        result.html = document();
        result.notes = notes_;
        return result;
    }

  private:
    // ---- text ----
    [[nodiscard]] std::string_view t(const Text& x) const {
        return lang_ == Language::French ? x.fr : x.en;
    }
    [[nodiscard]] std::string f(const Text& x, std::initializer_list<std::string> args) const {
        std::string out(t(x));
        std::size_t k = 0;
        for (const std::string& a : args) {
            const std::string key = "{" + std::to_string(k++) + "}";
            for (std::size_t pos = out.find(key); pos != std::string::npos;
                 pos = out.find(key, pos + a.size()))
                out.replace(pos, key.size(), a);
        }
        return out;
    }
    [[nodiscard]] std::string e(const Text& x) const { return html_escape(t(x)); }
    /// A number for people: French decimal comma and thin-space thousands.
    [[nodiscard]] std::string num(double v, int decimals) const {
        std::string s = format_fixed(v, decimals);
        if (s.empty()) return "–";
        const bool neg = s.front() == '-';
        const std::size_t dot = s.find('.');
        const std::size_t ie = dot == std::string::npos ? s.size() : dot;
        const std::size_t ib = neg ? 1 : 0;
        std::string out = s.substr(0, ib);
        for (std::size_t i = ib; i < ie; ++i) {
            out += s[i];
            const std::size_t left = ie - i - 1;
            if (ie - ib > 4 && left > 0 && left % 3 == 0) out += "\u2009";
        }
        if (dot != std::string::npos) {
            out += lang_ == Language::French ? ',' : '.';
            out += s.substr(dot + 1);
        }
        return out;
    }
    /// 2 decimals below 10, 1 below 100, else 0.
    [[nodiscard]] std::string auto_num(double v) const {
        const double a = std::abs(v);
        // a whole number (a count, or a mean of counts that all agree) has no decimals
        if (std::isfinite(v) && std::abs(v - std::round(v)) < 1e-9) return num(v, 0);
        return num(v, a < 10 ? 2 : (a < 100 ? 1 : 0));
    }
    [[nodiscard]] char mark() const { return lang_ == Language::French ? ',' : '.'; }

    [[nodiscard]] std::string short_date(std::string_view iso) const {
        static constexpr std::string_view fr_days[] = {"lun.", "mar.", "mer.", "jeu.",
                                                       "ven.", "sam.", "dim."};
        static constexpr std::string_view en_days[] = {"Mon", "Tue", "Wed", "Thu",
                                                       "Fri", "Sat", "Sun"};
        static constexpr std::string_view en_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        const CivilDate c = parse_date(iso);
        if (!c.ok) return std::string(iso);
        const auto w = static_cast<std::size_t>(c.weekday);
        char buf[32];
        if (lang_ == Language::French) {
            std::snprintf(buf, sizeof buf, "%s %02u/%02u", std::string(fr_days[w]).c_str(), c.d,
                          c.m);
        } else {
            std::snprintf(buf, sizeof buf, "%s %u %s", std::string(en_days[w]).c_str(), c.d,
                          std::string(en_months[c.m - 1]).c_str());
        }
        return buf;
    }
    [[nodiscard]] std::string date_of(int day) const { return iso_date(start_date_, day); }
    /// A group or profession identifier of the files as words: the scenario's display_name
    /// (summary.json "display_names"), else the string table, else the identifier.
    [[nodiscard]] std::string group_word(const std::string& id) const {
        const auto it = display_groups_.find(id);
        return it != display_groups_.end() ? it->second
                                           : text::name_in(text::group_names, id, lang_);
    }
    [[nodiscard]] std::string profession_word(const std::string& id) const {
        const auto it = display_professions_.find(id);
        return it != display_professions_.end() ? it->second
                                                : text::name_in(text::profession_names, id, lang_);
    }
    [[nodiscard]] std::string kpi_label(const std::string& name) const {
        return text::kpi_label(lang_, name);
    }
    [[nodiscard]] std::string rule_label(const std::string& id) const {
        return text::name_in(text::rule_titles, id, lang_);
    }

    // ---- files ----
    std::optional<std::string> read(std::string_view name) {
        const fs::path p = dir_ / name;
        loader::FileRead r = loader::read_input_file(p);
        if (!r.text && r.failure != loader::FileReadFailure::Missing)
            notes_.push_back(p.string() + ": cannot be read: " + r.reason);
        return std::move(r.text);
    }
    std::optional<JsonValue> json(std::string_view name) {
        const auto text = read(name);
        if (!text) return std::nullopt;
        std::string err;
        auto v = parse_json(*text, (dir_ / name).string(), err);
        if (!v) {
            if (error_.empty()) error_ = err + "; write the folder again with riposte";
            return std::nullopt;
        }
        return v;
    }
    std::optional<Table> csv(std::string_view name) {
        const auto text = read(name);
        if (!text) {
            missing_.push_back(std::string(name));
            return std::nullopt;
        }
        std::string err;
        auto c = parse_csv(standard_csv(*text), (dir_ / name).string(), err);
        if (!c) {
            if (error_.empty()) error_ = err + "; write the folder again with riposte";
            return std::nullopt;
        }
        return Table{std::move(*c)};
    }

    void load_run_tables() {
        const JsonValue& s = *summary_;
        if (const JsonValue* sc = s.find("scenario")) {
            world_ = sc->text("world");
            population_source_ = sc->text("population_source");
            plan_ = sc->text("plan");
            plan_file_ = sc->text("plan_file");
            start_date_ = sc->text("start_date");
            end_date_ = sc->text("end_date");
            days_ = static_cast<int>(sc->num("days", 0));
        }
        seed_ = s.num("seed", 0);
        if (const JsonValue* r = s.find("replications"); r && r->type == JsonValue::Type::Object) {
            requested_ = static_cast<int>(r->num("requested", 1));
            completed_ = static_cast<int>(r->num("completed", 1));
        }
        partial_ = s.flag("partial");
        max_travel_ = s.num("max_travel_minutes", std::nan(""));
        if (const JsonValue* pc = s.find("plan_centres"))
            for (const JsonValue& c : pc->array) {
                centres_.push_back(c.text("name"));
                centre_kind_[c.text("name")] = c.text("kind");
                waiting_room_[c.text("name")] = c.num("waiting_room", 0);
            }
        if (const JsonValue* g = s.find("groups"))
            for (const JsonValue& v : g->array) groups_.push_back(v.string);
        const JsonValue* sc = s.find("scenario");
        if (const JsonValue* d = sc ? sc->find("display_names") : nullptr) {
            for (const auto& [key, into] :
                 {std::pair<const char*, std::map<std::string, std::string>*>{"groups",
                                                                              &display_groups_},
                  {"professions", &display_professions_}})
                if (const JsonValue* m = d->find(key))
                    for (const JsonMember& member : m->object)
                        (*into)[member.key] = member.value.string;
        }
        if (const JsonValue* tg = s.find("targets"))
            for (const JsonValue& v : tg->array) targets_.push_back(v);
        centre_day_ = csv("centre_day.csv");
        queue_ = csv("queue.csv");
        coverage_ = csv("coverage.csv");
        commune_group_ = csv("commune_group.csv");
        profession_ = csv("profession.csv");
        shortfall_ = csv("shortfall.csv");
        mobile_day_ = csv("mobile_day.csv");
        kpi_summary_ = csv("kpi_summary.csv");
        role_day_ = csv("role_day.csv");
        // replications present in the tables
        std::set<int> reps;
        if (centre_day_)
            for (const auto& row : centre_day_->csv.rows) reps.insert(centre_day_->rep(row));
        reps_ = std::max<int>(1, static_cast<int>(reps.size()));
        if (completed_ <= 0) completed_ = reps_;
        if (centres_.empty() && centre_day_) {
            const int c = centre_day_->col("centre");
            for (const auto& row : centre_day_->csv.rows) {
                const std::string name = centre_day_->str(row, c);
                if (std::find(centres_.begin(), centres_.end(), name) == centres_.end())
                    centres_.push_back(name);
            }
        }
        if (days_ <= 0 && centre_day_) {
            const int c = centre_day_->col("day");
            for (const auto& row : centre_day_->csv.rows)
                days_ = std::max(days_, static_cast<int>(centre_day_->num(row, c)) + 1);
        }
    }

    // ---- targets ----
    [[nodiscard]] std::optional<double> wait_target() const {
        for (const JsonValue& tg : targets_)
            if (tg.text("kind") == "wait_p90") return tg.num("threshold");
        return std::nullopt;
    }
    [[nodiscard]] std::optional<double> waste_target() const {
        for (const JsonValue& tg : targets_)
            if (tg.text("kind") == "wasted_doses") return tg.num("threshold");
        return std::nullopt;
    }

    // ---- x axis of days: Mondays labelled ----
    [[nodiscard]] std::vector<std::pair<double, std::string>> day_ticks(double offset) const {
        std::vector<std::pair<double, std::string>> ticks;
        const CivilDate start = parse_date(start_date_);
        const int step = days_ > 70 ? 14 : 7;
        for (int d = 0; d < days_; ++d) {
            const int wd = start.ok ? (start.weekday + d) % 7 : d % 7;
            if (wd == 0 && (d / 7) % (step / 7) == 0)
                ticks.emplace_back(d + offset, short_date(date_of(d)));
        }
        if (ticks.empty()) ticks.emplace_back(offset, short_date(date_of(0)));
        return ticks;
    }

    // ---- per centre and day means ----
    struct CentreDay {
        Acc served, p50, p90, p95, used, wasted, vaccinations, tests;
    };
    std::map<std::pair<std::string, int>, CentreDay> centre_days() const {
        std::map<std::pair<std::string, int>, CentreDay> m;
        if (!centre_day_) return m;
        const Table& tb = *centre_day_;
        const int c = tb.col("centre"), d = tb.col("day"), sv = tb.col("served"),
                  p50 = tb.col("wait_p50_min"), p90 = tb.col("wait_p90_min"),
                  p95 = tb.col("wait_p95_min"), used = tb.col("doses_used"),
                  wasted = tb.col("doses_wasted");
        for (const auto& row : tb.csv.rows) {
            CentreDay& x = m[{tb.str(row, c), static_cast<int>(tb.num(row, d))}];
            const double served = tb.num(row, sv);
            x.served.add(served);
            if (served > 0) {
                x.p50.add(tb.num(row, p50));
                x.p90.add(tb.num(row, p90));
                x.p95.add(tb.num(row, p95));
            }
            x.used.add(tb.num(row, used));
            x.wasted.add(tb.num(row, wasted));
        }
        return m;
    }

    // ---- HTML pieces ----
    std::string figure(const std::string& svg, const std::string& caption) {
        ++charts_;
        if (caption.empty()) return "<figure>" + svg + "</figure>\n";
        return "<figure>" + svg + "<figcaption>" + html_escape(caption) +
               "</figcaption></figure>\n";
    }
    void section(std::string& out, std::string_view id, std::string_view heading) {
        out += "<section id=\"" + std::string(id) + "\"><h2>" + html_escape(heading) + "</h2>\n";
        toc_.emplace_back(std::string(id), std::string(heading));
    }
    struct Point {
        char level; ///< 'r' red, 'a' amber, 'g' green, 'i' info
        std::string text;
    };

    // ---- sections ----
    std::string document() {
        std::string body;
        std::vector<Point> points;
        if (summary_) run_points(points);
        if (validation_) validation_points(points);
        if (compare_) compare_points(points);
        if (!points.empty()) {
            section(body, "weak", t(rt.weak_points));
            body += "<p class=\"note\">" + e(rt.weak_points_intro) + "</p><ul class=\"points\">";
            std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
                const auto rank = [](char l) {
                    return l == 'r' ? 0 : l == 'a' ? 1 : l == 'g' ? 2 : 3;
                };
                return rank(a.level) < rank(b.level);
            });
            for (const Point& p : points)
                body += "<li class=\"p" + std::string(1, p.level) + "\">" + html_escape(p.text) +
                        "</li>";
            body += "</ul></section>\n";
        }
        if (validation_) validation_section(body);
        if (compare_) compare_section(body);
        if (summary_) {
            kpi_section(body);
            throughput_section(body);
            waits_section(body);
            queue_section(body);
            coverage_section(body);
            staff_section(body);
            doses_section(body);
            travel_section(body);
        }
        std::string head = header();
        std::string html = "<!DOCTYPE html>\n<html lang=\"" + std::string(t(rt.lang_code)) +
                           "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                           "content=\"width=device-width, initial-scale=1\">\n<title>" +
                           html_escape(page_title()) + "</title>\n<style>" + css() +
                           "</style>\n</head>\n<body>\n<main>\n" + head;
        if (toc_.size() > 2) {
            html += "<nav><strong>" + e(rt.contents) + "</strong> ";
            for (std::size_t i = 0; i < toc_.size(); ++i) {
                if (i > 0) html += " · ";
                html +=
                    "<a href=\"#" + toc_[i].first + "\">" + html_escape(toc_[i].second) + "</a>";
            }
            html += "</nav>\n";
        }
        html += body;
        if (!missing_.empty()) {
            std::string list;
            for (const std::string& m : missing_) list += (list.empty() ? "" : ", ") + m;
            html += "<p class=\"note\">" + html_escape(f(rt.missing_files, {list})) + "</p>\n";
        }
        html += "<footer>" +
                html_escape(f(rt.generated_by, {std::string(riposte_version), dir_.string()}));
        if (!population_source_.empty())
            html += " " + html_escape(f(rt.population_source, {population_source_}));
        html += "</footer>\n</main>\n</body>\n</html>\n";
        return html;
    }

    [[nodiscard]] std::string page_title() const {
        std::string title(t(rt.title));
        if (summary_ && !plan_.empty()) return title + " — " + plan_;
        if (validation_) return title + " — " + validation_->text("plan");
        if (compare_) return title + " — " + std::string(t(rt.comparison));
        return title;
    }

    static std::string css() {
        return "body{font-family:sans-serif;color:#222;background:#f4f4f2;margin:0}"
               "main{max-width:980px;margin:0 auto;padding:16px 24px;background:#fff}"
               "h1{font-size:26px;margin:8px 0}h2{font-size:20px;border-bottom:2px solid #0072B2;"
               "padding-bottom:4px;margin-top:32px}h3{font-size:16px}"
               "dl.meta{display:grid;grid-template-columns:max-content auto;gap:2px "
               "16px;margin:8px 0}"
               "dl.meta dt{font-weight:bold}dl.meta dd{margin:0}"
               ".banner{padding:10px 14px;border-radius:4px;margin:12px 0;font-weight:bold}"
               ".partial{background:#fff3cd;border:1px solid #e0a800}"
               ".bpass{background:#e8f5e9;border:1px solid #2e7d32;color:#1b5e20}"
               ".bfail{background:#fdecea;border:1px solid #c62828;color:#8e0000}"
               "nav{font-size:14px;margin:12px 0;line-height:1.6}nav a{color:#0056a0}"
               "ul.points{list-style:none;padding:0}ul.points li{padding:6px 10px;margin:4px 0;"
               "border-left:6px solid #9e9e9e;background:#fafafa}"
               "li.pr{border-left-color:#c62828!important;background:#fdecea!important}"
               "li.pa{border-left-color:#e69f00!important;background:#fff8e1!important}"
               "li.pg{border-left-color:#2e7d32!important;background:#f1f8f1!important}"
               "figure{margin:16px 0;page-break-inside:avoid}figure svg{max-width:100%;height:auto;"
               "border:1px solid #ddd}figcaption{font-size:13px;color:#444;margin-top:4px}"
               "table{border-collapse:collapse;font-size:13px;margin:8px 0;width:100%}"
               "th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top}"
               "th{background:#eef3f8;text-align:left}td.n{text-align:right;white-space:nowrap}"
               ".tag{display:inline-block;padding:1px 6px;border-radius:3px;font-weight:bold;"
               "font-size:12px;color:#fff}.tpass{background:#2e7d32}.twarn{background:#ef6c00}."
               "tfail{background:#c62828}"
               ".tbetter{background:#2e7d32}.tworse{background:#c62828}.tns{background:#9e9e9e}"
               ".note{font-size:13px;color:#555}.small{font-size:12px;color:#555}"
               ".grid{display:grid;grid-template-columns:1fr 1fr;gap:8px}"
               "footer{font-size:12px;color:#777;margin-top:32px;border-top:1px solid #ddd;"
               "padding-top:8px}@media print{body{background:#fff}main{max-width:none}}";
    }

    std::string header() {
        std::string h = "<header><h1>" + html_escape(page_title()) + "</h1><dl class=\"meta\">";
        const auto item = [&](const Text& k, const std::string& v) {
            h += "<dt>" + e(k) + "</dt><dd>" + html_escape(v) + "</dd>";
        };
        if (summary_) {
            item(rt.world, world_);
            item(rt.plan, plan_ + (plan_file_.empty() ? "" : " (" + plan_file_ + ")"));
            item(rt.period, f(rt.from_to, {short_date(start_date_), short_date(end_date_),
                                           std::to_string(days_)}));
            item(rt.replications, std::to_string(completed_) +
                                      (completed_ < requested_ ? " / " + std::to_string(requested_)
                                                               : std::string()));
            item(rt.seed, num(seed_, 0));
        } else if (validation_) {
            item(rt.world, validation_->text("world"));
            item(rt.plan, validation_->text("plan") + " (" + validation_->text("plan_file") + ")");
        } else if (compare_) {
            item(rt.world, compare_->text("world"));
            item(rt.seed, num(compare_->num("seed"), 0));
        }
        h += "</dl>";
        const bool partial = (summary_ && partial_) || (compare_ && compare_->flag("partial")) ||
                             (validation_ && validation_->flag("partial"));
        if (partial) {
            h += "<div class=\"banner partial\">" +
                 html_escape(f(rt.partial, {std::to_string(completed_),
                                            std::to_string(std::max(requested_, completed_))})) +
                 "</div>";
        }
        if (summary_)
            h += "<p class=\"note\">" + html_escape(f(rt.means_note, {std::to_string(reps_)})) +
                 "</p>";
        h += "</header>\n";
        return h;
    }

    // ---- weak points ----
    /// "HH:MM" → seconds (hours may pass 24); NaN when malformed.
    static double clock_seconds(const std::string& hhmm) {
        const std::size_t colon = hhmm.find(':');
        if (colon == std::string::npos) return std::nan("");
        return 3600 * to_number(hhmm.substr(0, colon)) + 60 * to_number(hhmm.substr(colon + 1));
    }

    /// The verdict's facts read from the result files, replication by replication, then
    /// averaged: the same as the terminal summary computes from the run (output/verdict.cpp).
    [[nodiscard]] output_detail::RunFacts file_facts() const {
        using output_detail::RunFacts;
        std::map<int, RunFacts> by_rep;
        std::map<int, double> cannot_travel;
        const auto totals = [&](const JsonValue& t, int rep) {
            RunFacts& f = by_rep[rep];
            f.wanting = t.num("wanting");
            f.unmet = t.num("unmet");
            f.doses_delivered = t.num("doses_delivered");
            f.doses_used = t.num("doses_used");
            f.doses_wasted = t.num("doses_wasted");
            cannot_travel[rep] = t.num("unmet_cannot_travel");
        };
        if (const JsonValue* runs = summary_->find("runs")) {
            for (const JsonValue& r : runs->array)
                if (const JsonValue* t = r.find("totals"))
                    totals(*t, static_cast<int>(r.num("replication", 0)));
        } else if (const JsonValue* t = summary_->find("totals")) {
            totals(*t, static_cast<int>(summary_->num("replication", 0)));
        }
        std::map<int, double> far;
        if (commune_group_ && std::isfinite(max_travel_)) {
            const Table& g = *commune_group_;
            const int tm = g.col("travel_minutes"), un = g.col("unmet"),
                      ct = g.col("cannot_travel"), hf = g.col("home_first_dose");
            for (const auto& row : g.csv.rows) {
                const double minutes = g.num(row, tm);
                if (minutes >= 0 && minutes <= max_travel_) continue;
                const double home_unmet = std::max(0.0, g.num(row, ct) - g.num(row, hf));
                far[g.rep(row)] += std::max(0.0, g.num(row, un) - home_unmet);
            }
        }
        std::map<int, int> last_day, worst_day;
        std::map<int, double> worst;
        if (centre_day_) {
            const Table& c = *centre_day_;
            const int dc = c.col("day");
            for (const auto& row : c.csv.rows) {
                const int rep = c.rep(row);
                const int day = static_cast<int>(c.num(row, dc));
                last_day[rep] = std::max(last_day.count(rep) ? last_day[rep] : -1, day);
            }
            for (const auto& row : c.csv.rows) {
                const int rep = c.rep(row);
                RunFacts& f = by_rep[rep];
                const int day = static_cast<int>(c.num(row, dc));
                if (day == last_day[rep]) f.stock_left += c.num(row, c.col("stock_end"));
                f.slots_opened += c.num(row, c.col("slots_opened"));
                f.slots_booked += c.num(row, c.col("slots_booked"));
                const double p90 = c.num(row, c.col("wait_p90_min"));
                if (c.num(row, c.col("served")) > 0 &&
                    p90 > (worst.count(rep) ? worst[rep] : -1.0)) {
                    worst[rep] = p90;
                    worst_day[rep] = day;
                    f.worst_p90_min = p90;
                    f.worst_centre = c.str(row, c.col("centre"));
                    f.worst_date = c.str(row, c.col("date"));
                }
            }
        }
        if (shortfall_) {
            const Table& sf = *shortfall_;
            for (const auto& row : sf.csv.rows) {
                RunFacts& f = by_rep[sf.rep(row)];
                const double hours =
                    std::max(0.0, (clock_seconds(sf.str(row, sf.col("shift_end"))) -
                                   clock_seconds(sf.str(row, sf.col("shift_start")))) /
                                      3600.0);
                const double missing = std::max(0.0, sf.num(row, sf.col("missing"))) *
                                       (std::isfinite(hours) ? hours : 0.0);
                f.short_staff_hours += missing;
                f.short_role_shifts += 1;
                if (sf.str(row, sf.col("centre")) == f.worst_centre)
                    f.worst_centre_short_hours += missing;
            }
        }
        std::map<int, std::pair<double, double>> use; // staffed, busy at the worst centre and day
        if (role_day_) {
            const Table& rd = *role_day_;
            for (const auto& row : rd.csv.rows) {
                const int rep = rd.rep(row);
                const RunFacts& f = by_rep[rep];
                if (rd.str(row, rd.col("centre")) != f.worst_centre ||
                    static_cast<int>(rd.num(row, rd.col("day"))) != worst_day[rep])
                    continue;
                use[rep].first += rd.num(row, rd.col("staffed_hours"));
                use[rep].second += rd.num(row, rd.col("busy_hours"));
            }
        }
        std::map<int, output_detail::WorstDayFacts> day;
        if (role_day_) {
            const Table& rd = *role_day_;
            const int ce = rd.col("centre"), dy = rd.col("day"), ro = rd.col("role"),
                      st = rd.col("staffed_hours"), bu = rd.col("busy_hours"),
                      rq = rd.col("required"), pr = rd.col("present");
            for (const auto& row : rd.csv.rows) {
                const int rep = rd.rep(row);
                if (rd.str(row, ce) != by_rep[rep].worst_centre ||
                    static_cast<int>(rd.num(row, dy)) != worst_day[rep])
                    continue;
                day[rep].role(rd.str(row, ro), rd.num(row, st), rd.num(row, bu),
                              static_cast<int>(rd.num(row, rq)), static_cast<int>(rd.num(row, pr)));
            }
        }
        if (queue_) {
            const Table& q = *queue_;
            const int ce = q.col("centre"), dy = q.col("day"), ts = q.col("time_s"),
                      wa = q.col("waiting");
            for (const auto& row : q.csv.rows) {
                const int rep = q.rep(row);
                if (q.str(row, ce) != by_rep[rep].worst_centre ||
                    static_cast<int>(q.num(row, dy)) != worst_day[rep])
                    continue;
                day[rep].queue(q.num(row, wa), static_cast<std::int64_t>(q.num(row, ts)));
            }
        }
        std::vector<RunFacts> facts;
        for (auto& [rep, f] : by_rep) {
            f.unmet_travel = std::min(f.unmet, cannot_travel[rep] + far[rep]);
            const auto& [staffed, busy] = use[rep];
            f.worst_centre_utilisation = staffed > 0 ? busy / staffed : 0;
            day[rep].into(f);
            facts.push_back(f);
        }
        return output_detail::mean_facts(facts);
    }

    [[nodiscard]] output_detail::VerdictThresholds file_thresholds() const {
        output_detail::VerdictThresholds t;
        for (const JsonValue& tg : targets_) {
            const std::string kind = tg.text("kind");
            if (kind == "wait_p90") t.wait_p90_min = tg.num("threshold");
            if (kind == "wasted_doses") t.waste_pct = tg.num("threshold");
            if (kind == "unmet_demand") t.unmet_people = tg.num("threshold");
        }
        return t;
    }

    void run_points(std::vector<Point>& points) {
        // what is off and why, the same sentences as the terminal summary
        for (const std::string& sentence :
             output_detail::verdict_sentences(lang_, file_facts(), file_thresholds()))
            points.push_back({'r', sentence});
        const auto cd = centre_days();
        const auto target = wait_target();
        for (const std::string& centre : centres_) {
            double worst = -1;
            int worst_day = -1, over = 0;
            for (const auto& [key, x] : cd) {
                if (key.first != centre) continue;
                const double p90 = x.p90.mean();
                if (!std::isfinite(p90)) continue;
                if (p90 > worst) {
                    worst = p90;
                    worst_day = key.second;
                }
                if (target && p90 > *target) ++over;
            }
            if (worst_day < 0) continue;
            const std::string when = short_date(date_of(worst_day));
            // the worst day of the worst replication (an absence, a late delivery...)
            const double worst_rep = kpi_max("worst_day_wait_p90_min[" + centre + "]");
            std::string tail;
            if (reps_ > 1 && std::isfinite(worst_rep))
                tail = f(rt.wp_wait_worst_rep, {num(worst_rep, 0)});
            if (target && over > 0) {
                points.push_back(
                    {'r', f(rt.wp_wait_over,
                            {centre, num(*target, 0), std::to_string(over), when, num(worst, 1)}) +
                              tail});
            } else {
                const bool spikes = std::isfinite(worst_rep) && reps_ > 1 &&
                                    worst_rep > (target ? *target : 2 * std::max(worst, 15.0));
                points.push_back({spikes ? 'a' : (target ? 'g' : 'i'),
                                  f(rt.wp_wait_ok, {centre, num(worst, 1), when}) + tail});
            }
        }
        // queue peak
        if (queue_) {
            const Table& q = *queue_;
            const int c = q.col("centre"), ts = q.col("time_s"), w = q.col("waiting");
            std::map<std::pair<std::string, double>, Acc> m;
            for (const auto& row : q.csv.rows)
                m[{q.str(row, c), q.num(row, ts)}].add(q.num(row, w));
            double peak = -1;
            std::pair<std::string, double> at;
            for (const auto& [key, acc] : m) {
                const double v = acc.sum / reps_;
                if (v > peak) {
                    peak = v;
                    at = key;
                }
            }
            if (peak > 0) {
                const auto secs = static_cast<std::int64_t>(at.second);
                const std::string when = short_date(date_of(static_cast<int>(secs / 86400))) + " " +
                                         clock_hhmm(secs % 86400);
                const double room = waiting_room_.count(at.first) ? waiting_room_[at.first] : 0;
                points.push_back({room > 0 && peak >= 0.8 * room ? 'a' : 'i',
                                  f(rt.wp_queue_peak, {num(peak, 1), at.first, when})});
            }
        }
        // unmet demand
        if (kpi_summary_) {
            const double unmet = kpi_mean("unmet_demand");
            const double cov = kpi_mean("coverage_first_dose_pct");
            if (std::isfinite(unmet) && std::isfinite(cov))
                points.push_back(
                    {unmet > 0.5 ? 'a' : 'g', f(rt.wp_unmet, {num(unmet, 0), num(100 - cov, 1)})});
        }
        // coverage targets and end coverage
        if (coverage_) {
            const auto cov = coverage_means();
            for (const JsonValue& tg : targets_) {
                if (tg.text("kind") != "coverage") continue;
                const JsonValue* g = tg.find("group");
                const std::string group =
                    g && g->type == JsonValue::Type::String ? g->string : std::string();
                const int day = static_cast<int>(tg.num("by_day", days_ - 1));
                const bool complete = tg.text("dose") == "complete";
                double got = 0, pop = 0;
                for (const auto& [key, x] : cov) {
                    if (key.second != day || (!group.empty() && key.first != group)) continue;
                    got += complete ? x.complete : x.first;
                    pop += x.population;
                }
                const double pct = pop > 0 ? 100 * got / pop : 0;
                const double want = tg.num("threshold");
                points.push_back(
                    {pct >= want ? 'g' : 'r',
                     f(pct >= want ? rt.wp_target_met : rt.wp_target_missed,
                       {group.empty() ? std::string(t(rt.everyone)) : group_word(group),
                        num(pct, 1), short_date(date_of(day)), num(want, 0)})});
            }
            std::string items;
            int last = -1;
            for (const auto& [key, x] : cov) last = std::max(last, key.second);
            for (const std::string& g : groups_) {
                const auto it = cov.find({g, last});
                if (it == cov.end() || it->second.population <= 0) continue;
                if (!items.empty()) items += " ; ";
                items += f(rt.wp_coverage_item,
                           {group_word(g), num(100 * it->second.first / it->second.population, 1),
                            num(100 * it->second.complete / it->second.population, 1)});
            }
            if (!items.empty()) points.push_back({'i', f(rt.wp_coverage, {items})});
        }
        // waste
        {
            const auto cd2 = centre_days();
            double used = 0, wasted = 0;
            std::map<std::string, double> by_centre;
            for (const auto& [key, x] : cd2) {
                used += x.used.sum / reps_;
                wasted += x.wasted.sum / reps_;
                by_centre[key.first] += x.wasted.sum / reps_;
            }
            if (used + wasted > 0) {
                const double pct = 100 * wasted / (used + wasted);
                const auto limit = waste_target();
                char level = limit ? (pct <= *limit ? 'g' : 'r') : (pct > 1 ? 'a' : 'g');
                std::string text = f(rt.wp_waste, {num(pct, 2), num(wasted, 0)});
                std::string worst;
                double most = 0;
                for (const auto& [name, w] : by_centre)
                    if (w > most) {
                        most = w;
                        worst = name;
                    }
                if (most > 0) text += f(rt.wp_waste_worst, {worst, num(most, 0)});
                points.push_back({level, text});
            }
        }
        // travel
        if (commune_group_ && std::isfinite(max_travel_)) {
            const auto communes = commune_travel();
            int beyond = 0;
            double people = 0, far = -1;
            std::string far_name;
            for (const auto& c : communes) {
                const double tmin = std::isfinite(c.minutes) ? c.minutes : 1e9;
                if (tmin > max_travel_) {
                    ++beyond;
                    people += c.population;
                }
                if (tmin > far) {
                    far = tmin;
                    far_name = c.name;
                }
            }
            if (!communes.empty()) {
                const std::string far_text =
                    far >= 1e9 ? std::string(t(rt.unreachable)) : num(far, 0);
                if (beyond > 0) {
                    points.push_back(
                        {'r', f(rt.wp_travel_far, {std::to_string(beyond), num(people, 0),
                                                   num(max_travel_, 0), far_name, far_text})});
                } else {
                    points.push_back(
                        {'g', f(rt.wp_travel_ok, {num(max_travel_, 0), far_name, far_text})});
                }
            }
        }
        // shortfalls
        if (shortfall_) {
            const double per_rep = static_cast<double>(shortfall_->csv.rows.size()) / reps_;
            if (per_rep > 0) {
                points.push_back({'r', f(rt.wp_shortfalls, {num(per_rep, 1)})});
            } else {
                points.push_back({'g', std::string(t(rt.wp_no_shortfalls))});
            }
        }
    }

    void validation_points(std::vector<Point>& points) {
        const JsonValue* rules = validation_->find("rules");
        if (rules == nullptr) return;
        int failed = 0;
        std::string list;
        for (const JsonValue& r : rules->array) {
            if (r.flag("pass", true)) continue;
            ++failed;
            list += (list.empty() ? "" : ", ") + rule_label(r.text("id"));
        }
        const std::string total = std::to_string(rules->array.size());
        if (failed > 0) {
            points.push_back(
                {'r', f(rt.wp_validation_fail, {std::to_string(failed), total, list})});
        } else {
            points.push_back({'g', f(rt.wp_validation_pass, {total})});
        }
    }

    void compare_points(std::vector<Point>& points) {
        const JsonValue* plans = compare_->find("plans");
        const JsonValue* kpis = compare_->find("kpis");
        if (!plans || !kpis || plans->array.empty()) return;
        const std::string ref = plans->array.front().text("label");
        for (std::size_t p = 1; p < plans->array.size(); ++p) {
            const std::string label = plans->array[p].text("label");
            std::string better, worse;
            for (const JsonValue& k : kpis->array) {
                const JsonValue* ps = k.find("plans");
                if (!ps || p >= ps->array.size()) continue;
                const std::string verdict = ps->array[p].text("verdict");
                const std::string item = kpi_label(k.text("name")) + " " +
                                         (ps->array[p].num("diff") > 0 ? "+" : "") +
                                         auto_num(ps->array[p].num("diff"));
                if (verdict == "better") better += (better.empty() ? "" : ", ") + item;
                if (verdict == "worse") worse += (worse.empty() ? "" : ", ") + item;
            }
            if (!better.empty())
                points.push_back({'g', f(rt.cmp_summary_better, {label, ref, better})});
            if (!worse.empty())
                points.push_back({'r', f(rt.cmp_summary_worse, {label, ref, worse})});
            if (better.empty() && worse.empty())
                points.push_back({'i', f(rt.cmp_summary_none, {label, ref})});
        }
    }

    [[nodiscard]] double kpi_max(std::string_view name) const {
        if (!kpi_summary_) return std::nan("");
        const Table& k = *kpi_summary_;
        const int c = k.col("kpi"), m = k.col("max");
        for (const auto& row : k.csv.rows)
            if (k.str(row, c) == name) return k.num(row, m);
        return std::nan("");
    }
    [[nodiscard]] double kpi_mean(std::string_view name) const {
        if (!kpi_summary_) return std::nan("");
        const Table& k = *kpi_summary_;
        const int c = k.col("kpi"), m = k.col("mean");
        for (const auto& row : k.csv.rows)
            if (k.str(row, c) == name) return k.num(row, m);
        return std::nan("");
    }

    struct CoverageMean {
        double first = 0, complete = 0, population = 0;
    };
    /// (group, day) -> means over replications.
    std::map<std::pair<std::string, int>, CoverageMean> coverage_means() const {
        std::map<std::pair<std::string, int>, CoverageMean> m;
        if (!coverage_) return m;
        const Table& tb = *coverage_;
        const int g = tb.col("group"), d = tb.col("day"), fd = tb.col("first_dose"),
                  cp = tb.col("complete"), pop = tb.col("population");
        for (const auto& row : tb.csv.rows) {
            CoverageMean& x = m[{tb.str(row, g), static_cast<int>(tb.num(row, d))}];
            x.first += tb.num(row, fd) / reps_;
            x.complete += tb.num(row, cp) / reps_;
            x.population += tb.num(row, pop) / reps_;
        }
        return m;
    }

    struct CommuneTravel {
        std::string name;
        double minutes = 0, population = 0;
    };
    std::vector<CommuneTravel> commune_travel() const {
        std::vector<CommuneTravel> out;
        if (!commune_group_) return out;
        const Table& tb = *commune_group_;
        const int insee = tb.col("commune_insee"), name = tb.col("commune"),
                  pop = tb.col("population"), tm = tb.col("travel_minutes");
        std::map<std::string, std::size_t> index;
        int first_rep = -1;
        for (const auto& row : tb.csv.rows) {
            const int rep = tb.rep(row);
            if (first_rep < 0) first_rep = rep;
            if (rep != first_rep) continue;
            const std::string key = tb.str(row, insee) + "|" + tb.str(row, name);
            auto it = index.find(key);
            if (it == index.end()) {
                index[key] = out.size();
                out.push_back({tb.str(row, name), tb.num(row, tm), 0});
                it = index.find(key);
            }
            const double p = tb.num(row, pop);
            if (std::isfinite(p)) out[it->second].population += p;
        }
        return out;
    }

    // ---- validation ----
    void validation_section(std::string& out) {
        const JsonValue& v = *validation_;
        const JsonValue* rules = v.find("rules");
        section(out, "validation", t(rt.validation));
        bool targets = false;
        if (rules)
            for (const JsonValue& r : rules->array)
                targets = targets || !r.flag("structural", true);
        out += "<p>" +
               (targets ? html_escape(f(rt.validation_intro_targets,
                                        {num(v.num("replications"), 0), num(v.num("seed"), 0)}))
                        : e(rt.validation_intro_structural)) +
               "</p>";
        const int failed = static_cast<int>(v.num("rules_failed", 0));
        const int total = rules ? static_cast<int>(rules->array.size()) : 0;
        if (failed == 0 && !targets) {
            out += "<div class=\"banner bpass\">" + e(rt.overall_structure_only) + "</div>";
        } else if (failed == 0) {
            out += "<div class=\"banner bpass\">" + e(rt.overall_pass) + "</div>";
        } else {
            out +=
                "<div class=\"banner bfail\">" +
                html_escape(f(rt.overall_fail, {std::to_string(failed), std::to_string(total)})) +
                "</div>";
        }
        if (!rules) {
            out += "</section>\n";
            return;
        }
        out += figure(verdict_strip(rules->array), std::string(t(rt.verdict_chart)));
        out += "<table><tr><th>" + e(rt.col_rule) + "</th><th>" + e(rt.col_verdict) + "</th><th>" +
               e(rt.col_measured) + "</th><th>" + e(rt.col_required) + "</th><th>" +
               e(rt.col_where) + "</th></tr>";
        for (const JsonValue& r : rules->array) {
            const bool pass = r.flag("pass", true);
            const bool warning = pass && r.flag("warning", false);
            // the engine's own title is English: shown in the English report only
            const std::string title = lang_ == Language::English ? " — " + r.text("title") : "";
            out += "<tr><td><strong>" + html_escape(rule_label(r.text("id"))) +
                   "</strong><br><span class=\"small\">" + html_escape(r.text("id") + title) +
                   "</span></td><td><span class=\"tag " +
                   (warning ? "twarn\">" + e(rt.warn)
                    : pass  ? "tpass\">" + e(rt.pass)
                            : "tfail\">" + e(rt.fail)) +
                   "</span></td><td>" + html_escape(phrase(r, "measured")) + "</td><td>" +
                   html_escape(phrase(r, "threshold")) + "</td><td>";
            if (const JsonValue* w = r.find("where")) {
                const JsonValue* phrases = r.find("where_phrases");
                for (std::size_t i = 0; i < w->array.size(); ++i) {
                    const bool worded = phrases != nullptr && i < phrases->array.size();
                    out += (i > 0 ? "<br>" : "") +
                           html_escape(worded ? phrase_of(phrases->array[i], w->array[i].string)
                                              : w->array[i].string);
                }
                const int more =
                    static_cast<int>(r.num("where_total", 0)) - static_cast<int>(w->array.size());
                if (more > 0)
                    out += (w->array.empty() ? "" : "<br>") +
                           html_escape(f(rt.and_more, {std::to_string(more)}));
            }
            out += "</td></tr>";
        }
        out += "</table><p class=\"note\">" + e(rt.validation_details_note) + "</p></section>\n";
    }

    /// A rule's "measured" or "threshold" worded from its phrase (validation.json
    /// "<key>_phrase"); the English wording when the file has no phrase (an older file).
    [[nodiscard]] std::string phrase(const JsonValue& rule, const std::string& key) const {
        const JsonValue* p = rule.find(key + "_phrase");
        return p == nullptr ? rule.text(key) : phrase_of(*p, rule.text(key));
    }
    /// A phrase object {"id", "args"} worded in the report's language; `english` in English.
    [[nodiscard]] std::string phrase_of(const JsonValue& p, const std::string& english) const {
        if (lang_ == Language::English) return english;
        std::vector<std::string> args;
        if (const JsonValue* a = p.find("args"))
            for (const JsonValue& v : a->array) args.push_back(v.string);
        return text::phrase_text(lang_, p.text("id"), args, english);
    }

    /// `label` cut at spaces into lines of at most `width` characters (code points).
    static std::vector<std::string> wrap(const std::string& label, std::size_t width) {
        std::vector<std::string> lines;
        std::string line;
        std::size_t line_width = 0, start = 0;
        const auto chars = [](std::string_view s) {
            std::size_t n = 0;
            for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0u) != 0x80u ? 1 : 0;
            return n;
        };
        while (start <= label.size()) {
            std::size_t end = label.find(' ', start);
            if (end == std::string::npos) end = label.size();
            const std::string word = label.substr(start, end - start);
            const std::size_t n = chars(word);
            if (!line.empty() && line_width + 1 + n > width) {
                lines.push_back(line);
                line.clear();
                line_width = 0;
            }
            if (!line.empty()) {
                line += ' ';
                ++line_width;
            }
            line += word;
            line_width += n;
            start = end + 1;
        }
        if (!line.empty()) lines.push_back(line);
        return lines;
    }

    std::string verdict_strip(const std::vector<JsonValue>& rules) const {
        const int cols = 2;
        // whole titles, never cut: a tile is as tall as its longest title needs
        constexpr std::size_t chars_per_line = 70;
        std::size_t max_lines = 1;
        for (const JsonValue& r : rules)
            max_lines = std::max(max_lines, wrap(rule_label(r.text("id")), chars_per_line).size());
        const int w = 900, tile_w = 435;
        const int tile_h = 26 + 14 * static_cast<int>(max_lines);
        const int rows = (static_cast<int>(rules.size()) + cols - 1) / cols;
        const int h = 40 + rows * (tile_h + 8) + 8;
        const std::string title(t(rt.verdict_chart));
        std::string s = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(w) + " " +
                        std::to_string(h) + "\" width=\"" + std::to_string(w) + "\" height=\"" +
                        std::to_string(h) + "\" role=\"img\" aria-label=\"" + html_escape(title) +
                        "\"><title>" + html_escape(title) + "</title><rect width=\"" +
                        std::to_string(w) + "\" height=\"" + std::to_string(h) +
                        "\" fill=\"#ffffff\"/><text x=\"16\" y=\"22\" "
                        "style=\"font:bold 15px sans-serif;fill:#222\">" +
                        html_escape(title) + "</text>";
        for (std::size_t i = 0; i < rules.size(); ++i) {
            const bool pass = rules[i].flag("pass", true);
            const int x = 12 + static_cast<int>(i % cols) * (tile_w + 6);
            const int y = 36 + static_cast<int>(i / cols) * (tile_h + 8);
            const std::vector<std::string> lines =
                wrap(rule_label(rules[i].text("id")), chars_per_line);
            s += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
                 std::to_string(tile_w) + "\" height=\"" + std::to_string(tile_h) +
                 "\" rx=\"4\" fill=\"" + std::string(pass ? "#e8f5e9" : "#fdecea") +
                 "\" stroke=\"" + std::string(pass ? green : red) + "\" stroke-width=\"2\"/>";
            s += "<text x=\"" + std::to_string(x + 8) + "\" y=\"" + std::to_string(y + 16) +
                 "\" style=\"font:bold 12px sans-serif;fill:" + std::string(pass ? green : red) +
                 "\">" + (pass ? e(rt.pass) : e(rt.fail)) + "</text>";
            for (std::size_t k = 0; k < lines.size(); ++k) {
                s += "<text x=\"" + std::to_string(x + 8) + "\" y=\"" +
                     std::to_string(y + 32 + 14 * static_cast<int>(k)) +
                     "\" style=\"font:11px sans-serif;fill:#222\">" + html_escape(lines[k]) +
                     "</text>";
            }
        }
        s += "</svg>";
        return s;
    }

    // ---- comparison ----
    void compare_section(std::string& out) {
        const JsonValue& c = *compare_;
        const JsonValue* plans = c.find("plans");
        const JsonValue* kpis = c.find("kpis");
        if (!plans || !kpis || plans->array.empty()) return;
        section(out, "comparison", t(rt.comparison));
        const int reps = static_cast<int>(plans->array.front().num("replications", 0));
        out += "<p>" +
               html_escape(f(rt.comparison_intro,
                             {std::to_string(plans->array.size()), std::to_string(reps)})) +
               "</p>";
        out += "<table><tr><th>" + e(rt.col_plan) + "</th><th>" + e(rt.col_name) + "</th><th>" +
               e(rt.col_file) + "</th><th>" + e(rt.replications) + "</th></tr>";
        for (std::size_t p = 0; p < plans->array.size(); ++p) {
            const JsonValue& pl = plans->array[p];
            out += "<tr><td><strong>" + html_escape(pl.text("label")) + "</strong>" +
                   (p == 0 ? " (" + e(rt.reference) + ")" : "") + "</td><td>" +
                   html_escape(pl.text("name")) + "</td><td>" + html_escape(pl.text("file")) +
                   "</td><td class=\"n\">" + num(pl.num("replications"), 0) + "</td></tr>";
        }
        out += "</table>";
        const std::string ref = plans->array.front().text("label");
        // table of KPIs
        out += "<table><tr><th>" + e(rt.col_kpi) + "</th>";
        for (const JsonValue& pl : plans->array)
            out += "<th>" + html_escape(pl.text("label")) + " " + e(rt.col_mean) + " " +
                   e(rt.col_ci) + "</th>";
        for (std::size_t p = 1; p < plans->array.size(); ++p)
            out += "<th>" + html_escape(f(rt.col_diff, {plans->array[p].text("label"), ref})) +
                   "</th>";
        out += "</tr>";
        for (const JsonValue& k : kpis->array) {
            const JsonValue* ps = k.find("plans");
            if (!ps) continue;
            out += "<tr><td>" + html_escape(kpi_label(k.text("name"))) + "</td>";
            for (const JsonValue& pv : ps->array) {
                if (!pv.flag("present")) {
                    out += "<td class=\"n\">–</td>";
                    continue;
                }
                const JsonValue* ci = pv.find("ci95");
                out += "<td class=\"n\">" + auto_num(pv.num("mean")) +
                       (ci && ci->type == JsonValue::Type::Number ? " ± " + auto_num(ci->number)
                                                                  : "") +
                       "</td>";
            }
            for (std::size_t p = 1; p < ps->array.size(); ++p) {
                const JsonValue& pv = ps->array[p];
                const JsonValue* d = pv.find("diff");
                if (!d || d->type != JsonValue::Type::Number) {
                    out += "<td class=\"n\">–</td>";
                    continue;
                }
                const std::string verdict = pv.text("verdict");
                const std::string cls = verdict == "better"  ? "tbetter"
                                        : verdict == "worse" ? "tworse"
                                                             : "tns";
                const std::string word = verdict == "better"  ? e(rt.better)
                                         : verdict == "worse" ? e(rt.worse)
                                                              : e(rt.not_significant);
                out += "<td class=\"n\">" + std::string(d->number > 0 ? "+" : "") +
                       auto_num(d->number) + " ± " + auto_num(pv.num("diff_ci95")) +
                       " <span class=\"tag " + cls + "\">" + word + "</span></td>";
            }
            out += "</tr>";
        }
        out += "</table>";
        // relative differences per plan
        for (std::size_t p = 1; p < plans->array.size(); ++p) {
            BarChart bc;
            const std::string label = plans->array[p].text("label");
            bc.title = f(rt.diff_chart, {label, ref});
            bc.y_label = f(rt.pct_difference, {ref});
            bc.horizontal = true;
            bc.decimal_mark = mark();
            ChartSeries s;
            s.name = label;
            for (const JsonValue& k : kpis->array) {
                const JsonValue* ps = k.find("plans");
                if (!ps || p >= ps->array.size()) continue;
                const JsonValue& a = ps->array.front();
                const JsonValue& b = ps->array[p];
                const JsonValue* d = b.find("diff");
                const double ma = a.num("mean", 0);
                if (!d || d->type != JsonValue::Type::Number || std::abs(ma) < 1e-9) continue;
                bc.categories.push_back(kpi_label(k.text("name")));
                s.y.push_back(100 * d->number / std::abs(ma));
                s.error.push_back(100 * b.num("diff_ci95") / std::abs(ma));
                const std::string verdict = b.text("verdict");
                bc.category_colours.emplace_back(verdict == "better"  ? green
                                                 : verdict == "worse" ? red
                                                                      : grey);
                bc.bar_labels.push_back((s.y.back() > 0 ? "+" : "") + num(s.y.back(), 1) + " %");
            }
            bc.series.push_back(std::move(s));
            if (!bc.categories.empty()) out += figure(svg_bar_chart(bc), f(rt.diff_caption, {ref}));
        }
        // worst daily p90 per centre and plan
        {
            BarChart bc;
            bc.title = t(rt.worst_p90_chart);
            bc.y_label = t(rt.minutes);
            bc.decimal_mark = mark();
            std::vector<ChartSeries> series(plans->array.size());
            for (std::size_t p = 0; p < plans->array.size(); ++p) {
                series[p].name =
                    plans->array[p].text("label") + " — " + plans->array[p].text("name");
                series[p].colour = colour(p);
            }
            const std::string prefix = "worst_day_wait_p90_min[";
            for (const JsonValue& k : kpis->array) {
                const std::string name = k.text("name");
                if (name.rfind(prefix, 0) != 0) continue;
                bc.categories.push_back(
                    name.substr(prefix.size(), name.size() - prefix.size() - 1));
                const JsonValue* ps = k.find("plans");
                for (std::size_t p = 0; p < series.size(); ++p) {
                    const JsonValue* pv = ps && p < ps->array.size() ? &ps->array[p] : nullptr;
                    const bool present = pv && pv->flag("present");
                    series[p].y.push_back(present ? pv->num("mean") : std::nan(""));
                    series[p].error.push_back(present ? pv->num("ci95", 0) : 0);
                }
            }
            bc.series = std::move(series);
            if (!bc.categories.empty())
                out += figure(svg_bar_chart(bc), std::string(t(rt.worst_p90_caption)));
        }
        out += "</section>\n";
    }

    // ---- run sections ----
    void kpi_section(std::string& out) {
        if (!kpi_summary_) return;
        const Table& k = *kpi_summary_;
        section(out, "kpis", t(rt.kpis));
        out += "<table><tr><th>" + e(rt.col_kpi) + "</th><th>" + e(rt.col_mean) + "</th><th>" +
               e(rt.col_ci) + "</th><th>" + e(rt.col_min) + "</th><th>" + e(rt.col_max) +
               "</th><th>" + e(rt.col_direction) + "</th></tr>";
        const int name = k.col("kpi"), hib = k.col("higher_is_better"), mean = k.col("mean"),
                  ci = k.col("ci95"), mn = k.col("min"), mx = k.col("max"),
                  n = k.col("replications");
        for (const auto& row : k.csv.rows) {
            const bool several = k.num(row, n) >= 2;
            out += "<tr><td>" + html_escape(kpi_label(k.str(row, name))) + "</td><td class=\"n\">" +
                   auto_num(k.num(row, mean)) + "</td><td class=\"n\">" +
                   (several ? auto_num(k.num(row, ci)) : "–") + "</td><td class=\"n\">" +
                   auto_num(k.num(row, mn)) + "</td><td class=\"n\">" + auto_num(k.num(row, mx)) +
                   "</td><td>" + (k.str(row, hib) == "true" ? e(rt.higher) : e(rt.lower)) +
                   "</td></tr>";
        }
        out += "</table></section>\n";
    }

    void throughput_section(std::string& out) {
        if (!centre_day_) return;
        const auto cd = centre_days();
        section(out, "throughput", t(rt.throughput));
        BarChart bc;
        bc.title = t(rt.throughput);
        bc.y_label = t(rt.people_served);
        bc.stacked = true;
        bc.decimal_mark = mark();
        for (int d = 0; d < days_; ++d) bc.categories.push_back(short_date(date_of(d)));
        bc.label_every = days_ > 14 ? 7 : 1;
        for (std::size_t c = 0; c < centres_.size(); ++c) {
            ChartSeries s;
            s.name = centres_[c];
            s.colour = colour(c);
            for (int d = 0; d < days_; ++d) {
                const auto it = cd.find({centres_[c], d});
                s.y.push_back(it == cd.end() ? 0 : it->second.served.sum / reps_);
            }
            bc.series.push_back(std::move(s));
        }
        out += figure(svg_bar_chart(bc), std::string(t(rt.throughput_caption)));
        out += "</section>\n";
    }

    void waits_section(std::string& out) {
        if (!centre_day_) return;
        const auto cd = centre_days();
        const auto target = wait_target();
        section(out, "waits", t(rt.waits));
        double ymax = target ? *target * 1.1 : 0;
        for (const auto& [key, x] : cd) {
            const double v = x.p95.mean();
            if (std::isfinite(v)) ymax = std::max(ymax, v);
        }
        out += "<div class=\"grid\">";
        for (const std::string& centre : centres_) {
            LineChart lc;
            lc.title = centre;
            lc.y_label = t(rt.minutes);
            lc.width = 480;
            lc.height = 300;
            lc.y_max = ymax;
            lc.decimal_mark = mark();
            ChartSeries s50, s90, s95;
            s50.name = t(rt.p50);
            s50.colour = "#56B4E9";
            s90.name = t(rt.p90);
            s90.colour = "#0072B2";
            s95.name = t(rt.p95);
            s95.colour = "#CC79A7";
            s95.dashed = true;
            double worst = -1;
            int worst_day = -1;
            bool any = false;
            for (int d = 0; d < days_; ++d) {
                const auto it = cd.find({centre, d});
                const bool has = it != cd.end() && std::isfinite(it->second.p90.mean());
                for (ChartSeries* s : {&s50, &s90, &s95}) s->x.push_back(d);
                s50.y.push_back(has ? it->second.p50.mean() : std::nan(""));
                s90.y.push_back(has ? it->second.p90.mean() : std::nan(""));
                s95.y.push_back(has ? it->second.p95.mean() : std::nan(""));
                if (has) {
                    any = true;
                    if (it->second.p90.mean() > worst) {
                        worst = it->second.p90.mean();
                        worst_day = d;
                    }
                }
            }
            if (!any) continue;
            lc.series = {s50, s90, s95};
            if (target)
                lc.lines.push_back(
                    {*target, f(rt.target_p90, {num(*target, 0)}), std::string(red)});
            if (worst_day >= 0 && (!target || worst > *target)) {
                lc.highlight_from = worst_day - 0.5;
                lc.highlight_to = worst_day + 0.5;
                lc.highlight_label =
                    f(rt.worst_day, {short_date(date_of(worst_day)), num(worst, 1)});
            }
            lc.x_ticks = day_ticks(0);
            out += figure(svg_line_chart(lc), "");
        }
        // the caption describes only what is drawn: no target line without a target
        out += "</div><p class=\"note\">" +
               e(target ? rt.waits_caption : rt.waits_caption_no_target) + "</p></section>\n";
    }

    void queue_section(std::string& out) {
        if (!queue_ || queue_->csv.rows.empty()) return;
        const Table& q = *queue_;
        section(out, "queue", t(rt.queue));
        const int c = q.col("centre"), ts = q.col("time_s"), w = q.col("waiting");
        std::map<std::string, std::map<double, double>> by_centre;
        for (const auto& row : q.csv.rows) {
            const double v = q.num(row, w);
            if (std::isfinite(v)) by_centre[q.str(row, c)][q.num(row, ts)] += v / reps_;
        }
        LineChart lc;
        lc.title = t(rt.queue);
        lc.y_label = t(rt.people_waiting);
        lc.decimal_mark = mark();
        double peak = -1, peak_t = 0;
        std::string peak_centre;
        for (std::size_t i = 0; i < centres_.size(); ++i) {
            const auto it = by_centre.find(centres_[i]);
            if (it == by_centre.end()) continue;
            ChartSeries s;
            s.name = centres_[i];
            s.colour = colour(i);
            double prev = -1e18;
            for (const auto& [time, v] : it->second) {
                if (time - prev > 3600) { // closed in between: break the line
                    s.x.push_back(time / 86400.0);
                    s.y.push_back(std::nan(""));
                }
                s.x.push_back(time / 86400.0);
                s.y.push_back(v);
                prev = time;
                if (v > peak) {
                    peak = v;
                    peak_t = time;
                    peak_centre = centres_[i];
                }
            }
            lc.series.push_back(std::move(s));
        }
        lc.x_ticks = day_ticks(0);
        if (peak > 0) {
            const double day = std::floor(peak_t / 86400.0);
            lc.highlight_from = day;
            lc.highlight_to = day + 1;
            lc.highlight_label =
                f(rt.peak,
                  {num(peak, 1), peak_centre + ", " + short_date(date_of(static_cast<int>(day))) +
                                     " " + clock_hhmm(static_cast<std::int64_t>(peak_t) % 86400)});
        }
        out += figure(svg_line_chart(lc), std::string(t(rt.queue_caption)));
        out += "</section>\n";
    }

    void coverage_section(std::string& out) {
        if (!coverage_ || coverage_->csv.rows.empty()) return;
        const auto cov = coverage_means();
        section(out, "coverage", t(rt.coverage));
        LineChart lc;
        lc.title = t(rt.coverage);
        lc.y_label = t(rt.pct_of_group);
        lc.decimal_mark = mark();
        lc.height = 380;
        std::vector<std::string> groups = groups_;
        for (const auto& [key, x] : cov)
            if (std::find(groups.begin(), groups.end(), key.first) == groups.end())
                groups.push_back(key.first);
        for (std::size_t g = 0; g < groups.size(); ++g) {
            ChartSeries first, complete;
            first.name = f(rt.first_dose_of, {group_word(groups[g])});
            complete.name = f(rt.complete_of, {group_word(groups[g])});
            first.colour = complete.colour = colour(g);
            complete.dashed = true;
            for (const auto& [key, x] : cov) {
                if (key.first != groups[g] || x.population <= 0) continue;
                first.x.push_back(key.second);
                first.y.push_back(100 * x.first / x.population);
                complete.x.push_back(key.second);
                complete.y.push_back(100 * x.complete / x.population);
            }
            if (first.y.empty()) continue;
            lc.series.push_back(std::move(first));
            lc.series.push_back(std::move(complete));
        }
        for (const JsonValue& tg : targets_) {
            if (tg.text("kind") != "coverage") continue;
            const JsonValue* gv = tg.find("group");
            const std::string group =
                gv && gv->type == JsonValue::Type::String ? gv->string : std::string();
            ChartSeries m;
            m.markers = true;
            m.name =
                f(rt.target_of, {group.empty() ? std::string(t(rt.everyone)) : group_word(group)});
            const auto it = std::find(groups.begin(), groups.end(), group);
            m.colour = it == groups.end() ? std::string(red)
                                          : colour(static_cast<std::size_t>(it - groups.begin()));
            m.x.push_back(tg.num("by_day"));
            m.y.push_back(tg.num("threshold"));
            lc.series.push_back(std::move(m));
        }
        lc.x_ticks = day_ticks(0);
        lc.y_max = 100;
        out += figure(svg_line_chart(lc), std::string(t(rt.coverage_caption)));
        out += "</section>\n";
    }

    void staff_section(std::string& out) {
        if (!profession_ || profession_->csv.rows.empty()) return;
        const Table& p = *profession_;
        section(out, "staff", t(rt.staff_hours));
        const int name = p.col("profession"), worked = p.col("worked_hours"),
                  ot = p.col("overtime_hours"), absent = p.col("absent_hours"),
                  commute = p.col("commute_hours");
        std::vector<std::string> names;
        std::map<std::string, std::array<double, 4>> sums;
        for (const auto& row : p.csv.rows) {
            const std::string n = p.str(row, name);
            if (!sums.count(n)) names.push_back(n);
            auto& s = sums[n];
            const double wk = p.num(row, worked), o = p.num(row, ot);
            s[0] += (std::isfinite(wk) ? wk : 0) - (std::isfinite(o) ? o : 0);
            s[1] += std::isfinite(o) ? o : 0;
            s[2] += std::isfinite(p.num(row, commute)) ? p.num(row, commute) : 0;
            s[3] += std::isfinite(p.num(row, absent)) ? p.num(row, absent) : 0;
        }
        BarChart bc;
        bc.title = t(rt.staff_hours);
        bc.y_label = t(rt.hours);
        bc.horizontal = true;
        bc.stacked = true;
        bc.decimal_mark = mark();
        ChartSeries a{std::string(t(rt.on_shift)), "#0072B2", {}, {}, {}, false, false};
        ChartSeries b{std::string(t(rt.overtime)), "#D55E00", {}, {}, {}, false, false};
        ChartSeries c{std::string(t(rt.commute)), "#E69F00", {}, {}, {}, false, false};
        ChartSeries d{std::string(t(rt.absent)), "#d0d0d0", {}, {}, {}, false, false};
        for (const std::string& n : names) {
            const auto& s = sums[n];
            if (s[0] + s[1] + s[2] + s[3] <= 0) continue;
            bc.categories.push_back(profession_word(n));
            a.y.push_back(s[0] / reps_);
            b.y.push_back(s[1] / reps_);
            c.y.push_back(s[2] / reps_);
            d.y.push_back(s[3] / reps_);
            bc.bar_labels.push_back(num((s[0] + s[1]) / reps_, 0) + " h");
        }
        bc.series = {a, b, c, d};
        if (!bc.categories.empty())
            out += figure(svg_bar_chart(bc), std::string(t(rt.staff_caption)));
        out += "</section>\n";
    }

    void doses_section(std::string& out) {
        if (!centre_day_) return;
        const auto cd = centre_days();
        std::vector<std::string> names;
        std::map<std::string, std::pair<double, double>> sums;
        for (const std::string& c : centres_) {
            if (centre_kind_.count(c) && centre_kind_[c] == "testing") continue;
            double used = 0, wasted = 0;
            for (const auto& [key, x] : cd)
                if (key.first == c) {
                    used += x.used.sum / reps_;
                    wasted += x.wasted.sum / reps_;
                }
            if (used + wasted <= 0 && centre_kind_.empty()) continue;
            names.push_back(c);
            sums[c] = {used, wasted};
        }
        if (mobile_day_) {
            const Table& m = *mobile_day_;
            const int team = m.col("team"), used = m.col("doses_used"),
                      wasted = m.col("doses_wasted");
            for (const auto& row : m.csv.rows) {
                const std::string n = m.str(row, team);
                if (!sums.count(n)) names.push_back(n);
                auto& s = sums[n];
                const double u = m.num(row, used), w = m.num(row, wasted);
                s.first += std::isfinite(u) ? u / reps_ : 0;
                s.second += std::isfinite(w) ? w / reps_ : 0;
            }
        }
        if (names.empty()) return;
        section(out, "doses", t(rt.doses));
        BarChart bc;
        bc.title = t(rt.doses);
        bc.y_label = t(rt.doses_unit);
        bc.horizontal = true;
        bc.stacked = true;
        bc.decimal_mark = mark();
        ChartSeries u{std::string(t(rt.used)), "#0072B2", {}, {}, {}, false, false};
        ChartSeries w{std::string(t(rt.wasted)), "#D55E00", {}, {}, {}, false, false};
        const auto limit = waste_target();
        for (const std::string& n : names) {
            const auto [used, wasted] = sums[n];
            bc.categories.push_back(n);
            u.y.push_back(used);
            w.y.push_back(wasted);
            const double pct = used + wasted > 0 ? 100 * wasted / (used + wasted) : 0;
            bc.bar_labels.push_back(f(rt.wasted_pct, {num(pct, 1)}));
            if (limit && pct > *limit) bc.highlight.push_back(bc.categories.size() - 1);
        }
        bc.series = {u, w};
        out += figure(svg_bar_chart(bc), std::string(t(rt.doses_caption)));
        out += "</section>\n";
    }

    void travel_section(std::string& out) {
        const auto communes = commune_travel();
        if (communes.empty()) return;
        section(out, "travel", t(rt.travel));
        const double limit = std::isfinite(max_travel_) ? max_travel_ : 1e18;
        double far = 0;
        bool unreachable = false;
        for (const auto& c : communes) {
            if (std::isfinite(c.minutes)) {
                far = std::max(far, c.minutes);
            } else {
                unreachable = true;
            }
        }
        const int bins = std::max(1, static_cast<int>(std::floor(far / 5)) + 1);
        std::vector<double> people(static_cast<std::size_t>(bins) + 1, 0);
        std::vector<int> count(static_cast<std::size_t>(bins) + 1, 0);
        for (const auto& c : communes) {
            const std::size_t b = std::isfinite(c.minutes)
                                      ? static_cast<std::size_t>(std::floor(c.minutes / 5))
                                      : static_cast<std::size_t>(bins);
            people[std::min(b, static_cast<std::size_t>(bins))] += c.population;
            ++count[std::min(b, static_cast<std::size_t>(bins))];
        }
        BarChart bc;
        bc.title = t(rt.travel);
        bc.y_label = t(rt.inhabitants);
        bc.x_label = t(rt.travel_minutes);
        bc.decimal_mark = mark();
        ChartSeries s;
        s.name = t(rt.inhabitants);
        s.colour = "#0072B2";
        for (int b = 0; b <= bins; ++b) {
            const bool last = b == bins;
            if (last && !unreachable) break;
            bc.categories.push_back(last ? std::string(t(rt.unreachable))
                                         : std::to_string(b * 5) + "–" + std::to_string(b * 5 + 5));
            s.y.push_back(people[static_cast<std::size_t>(b)]);
            bc.bar_labels.push_back(
                count[static_cast<std::size_t>(b)] > 0
                    ? f(rt.communes_n, {std::to_string(count[static_cast<std::size_t>(b)])})
                    : std::string());
            bc.category_colours.emplace_back(last || b * 5 + 5 > limit + 1e-9 ? red : "#0072B2");
        }
        bc.series.push_back(std::move(s));
        std::string caption =
            f(rt.travel_caption, {num(std::isfinite(max_travel_) ? max_travel_ : 0, 0)});
        std::vector<CommuneTravel> sorted = communes;
        std::sort(sorted.begin(), sorted.end(), [](const CommuneTravel& a, const CommuneTravel& b) {
            const double ta = std::isfinite(a.minutes) ? a.minutes : 1e18;
            const double tb = std::isfinite(b.minutes) ? b.minutes : 1e18;
            return ta != tb ? ta > tb : a.name < b.name;
        });
        std::string list;
        for (std::size_t i = 0; i < sorted.size() && i < 5; ++i)
            list += (i > 0 ? ", " : "") + sorted[i].name + " (" +
                    (std::isfinite(sorted[i].minutes) ? num(sorted[i].minutes, 0) + " min"
                                                      : std::string(t(rt.unreachable))) +
                    ")";
        caption += " " + f(rt.farthest, {list});
        out += figure(svg_bar_chart(bc), caption);
        out += "</section>\n";
    }

    fs::path dir_;
    Language lang_;
    std::string error_;
    std::vector<std::string> notes_, missing_;
    std::vector<std::pair<std::string, std::string>> toc_;
    int charts_ = 0;

    std::optional<JsonValue> summary_, compare_, validation_;
    std::optional<Table> centre_day_, queue_, coverage_, commune_group_, profession_, shortfall_,
        mobile_day_, kpi_summary_, role_day_;
    std::string world_, plan_, plan_file_, start_date_, end_date_;
    std::string population_source_; ///< summary.json scenario.population_source (may be empty)
    int days_ = 0, requested_ = 1, completed_ = 0, reps_ = 1;
    double seed_ = 0, max_travel_ = std::nan("");
    bool partial_ = false;
    std::vector<std::string> centres_, groups_;
    std::map<std::string, std::string> display_groups_, display_professions_;
    std::map<std::string, std::string> centre_kind_;
    std::map<std::string, double> waiting_room_;
    std::vector<JsonValue> targets_;
};

} // namespace

ReportResult build_report(const std::filesystem::path& results_dir, Language language) {
    return ReportBuilder(results_dir, language).build();
}

} // namespace riposte
