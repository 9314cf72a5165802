// The plain-text KPI summary printed by `riposte run`.
#include "output/output_common.hpp"
#include "output/text_table.hpp"
#include "output/verdict.hpp"
#include "riposte/output.hpp"
#include "riposte/text/cli_texts.hpp"
#include "riposte/text/names_texts.hpp"
#include "riposte/text/summary_texts.hpp"
#include "riposte/text/validation_texts.hpp"

#include <algorithm>
#include <cmath>

namespace riposte {

namespace {

using namespace output_detail;

constexpr std::size_t shortfalls_listed = 10;
constexpr std::size_t indent = 2;

class SummaryWriter {
  public:
    SummaryWriter(const Scenario& s, const Results& r, Language lang) : s_(s), r_(r), lang_(lang) {}

    std::string write() {
        heading();
        overall();
        centres();
        roles();
        testing();
        mobile_teams();
        coverage();
        staff();
        shortfalls();
        out_ += verdict_block(lang_, run_facts(s_, r_), verdict_thresholds(s_.plan));
        return std::move(out_);
    }

  private:
    [[nodiscard]] std::string_view tx(const text::Text& t) const { return t.in(lang_); }
    [[nodiscard]] std::string num(double v, int decimals) const {
        if (!std::isfinite(v)) return std::string(tx(t_.missing));
        return lang_ == Language::French ? text::format_decimal(lang_, v, decimals)
                                         : format_fixed(v, decimals);
    }
    [[nodiscard]] std::string integer(std::int64_t v) const {
        return lang_ == Language::French ? text::format_count(lang_, v) : std::to_string(v);
    }
    [[nodiscard]] std::string pct(double share) const {
        if (!std::isfinite(share)) return std::string(tx(t_.missing));
        return num(100.0 * share, 1) + (lang_ == Language::French ? "\u00a0%" : "%");
    }
    [[nodiscard]] std::string minutes(double v) const { return num(v, 1); }
    [[nodiscard]] std::string hours(double v) const { return num(v, 1); }

    void section(std::string_view title) {
        out_ += '\n';
        out_ += title;
        out_ += '\n';
    }
    void line(std::string_view text) {
        out_.append(indent, ' ');
        out_ += text;
        out_ += '\n';
    }

    void heading() {
        out_ += "riposte";
        out_ += colon();
        out_ += s_.world.name;
        out_ += " / ";
        out_ += tx(t_.plan);
        out_ += ' ';
        out_ += s_.plan.name;
        out_ += '\n';
        const int last_day = s_.world.days > 0 ? s_.world.days - 1 : 0;
        const std::string period =
            lang_ == Language::French
                ? std::string(tx(t_.from)) + ' ' + date_of(s_, 0) + ' ' + std::string(tx(t_.to)) +
                      ' ' + date_of(s_, last_day)
                : date_of(s_, 0) + ' ' + std::string(tx(t_.to)) + ' ' + date_of(s_, last_day);
        line(std::string(tx(t_.seed)) + ' ' + std::to_string(r_.seed) + ", " +
             std::string(tx(t_.replication)) + ' ' + std::to_string(r_.replication) + ", " +
             integer(s_.world.days) + ' ' + std::string(tx(t_.days)) + " (" + period + "), " +
             integer(static_cast<std::int64_t>(r_.events)) + ' ' + std::string(tx(t_.events)));
    }

    /// ": " in English, " : " in French.
    [[nodiscard]] std::string_view colon() const {
        return lang_ == Language::French ? " : " : ": ";
    }

    void overall() {
        const Totals& x = r_.totals;
        section(tx(t_.overall));
        TextTable tab({{"", Align::Left}, {"", Align::Left}});
        const auto row = [&](std::string_view label, std::string value) {
            tab.add_row({std::string(label), std::move(value)});
        };
        row(tx(t_.vaccinations), integer(x.vaccinations));
        row(tx(t_.first_doses), integer(x.first_doses));
        row(tx(t_.complete), integer(x.complete));
        row(tx(t_.tests), integer(x.tests));
        row(tx(t_.wanting), integer(x.wanting));
        row(tx(t_.unmet),
            integer(x.unmet) + " (" +
                pct(ratio(static_cast<double>(x.unmet), static_cast<double>(x.wanting))) + ' ' +
                std::string(tx(t_.of_wanting)) + "), " + integer(x.unmet_cannot_travel) + ' ' +
                std::string(tx(t_.cannot_travel)));
        if (x.tests > 0 || x.unmet_tests > 0) {
            row(tx(t_.unmet_tests),
                integer(x.unmet_tests) + " (" + std::string(tx(t_.unmet_tests_note)) + ')');
        }
        if (!s_.plan.mobile_teams.empty() || x.home_vaccinations > 0) {
            row(tx(t_.home_vaccinations),
                integer(x.home_vaccinations) + " (" + std::string(tx(t_.by_mobile_teams)) + ')');
        }
        row(tx(t_.no_shows), integer(x.no_shows));
        row(tx(t_.turned_away), integer(x.turned_away));
        row(tx(t_.doses_delivered), integer(x.doses_delivered));
        row(tx(t_.doses_used), integer(x.doses_used));
        row(tx(t_.doses_wasted), integer(x.doses_wasted) + " (" +
                                     pct(waste_share(x.doses_used, x.doses_wasted)) + ' ' +
                                     std::string(tx(t_.of_doses_drawn)) + ')');
        row(tx(t_.vials_opened), integer(x.vials_opened));
        row(tx(t_.wait_minutes), std::string(tx(t_.mean)) + ' ' + minutes(x.wait_mean_min) + "   " +
                                     std::string(tx(t_.p90)) + ' ' + minutes(x.wait_p90_min) +
                                     "   " + std::string(tx(t_.p95)) + ' ' +
                                     minutes(x.wait_p95_min) + "   " + std::string(tx(t_.max)) +
                                     ' ' + minutes(x.wait_max_min));
        row(tx(t_.staff_hours), hours(x.staff_hours));
        row(tx(t_.overtime_hours), hours(x.overtime_hours));
        row(tx(t_.cost), num(x.cost_eur, 0) + ' ' + std::string(tx(t_.eur)));
        row(tx(t_.target_reached), x.day_coverage_target_reached >= 0
                                       ? std::string(tx(t_.on_day)) + ' ' +
                                             integer(x.day_coverage_target_reached) + " (" +
                                             date_of(s_, x.day_coverage_target_reached) + ')'
                                       : std::string(tx(t_.not_reached)));
        out_ += tab.render(indent, false);
    }

    void centres() {
        section(tx(t_.centres));
        const std::vector<CentreTotals> totals = centre_totals(s_, r_);
        if (totals.empty()) {
            line(tx(t_.no_centres));
            return;
        }
        TextTable activity({{std::string(tx(t_.col_centre)), Align::Left},
                            {std::string(tx(t_.col_arrivals))},
                            {std::string(tx(t_.col_served))},
                            {std::string(tx(t_.col_no_shows))},
                            {std::string(tx(t_.col_turned_away))},
                            {std::string(tx(t_.col_doses_used))},
                            {std::string(tx(t_.col_wasted))},
                            {std::string(tx(t_.col_overtime_h))},
                            {std::string(tx(t_.col_utilisation))}});
        TextTable waits({{std::string(tx(t_.col_centre)), Align::Left},
                         {std::string(tx(t_.col_mean))},
                         {std::string(tx(t_.col_p90_worst))},
                         {std::string(tx(t_.col_p95_worst))},
                         {std::string(tx(t_.col_max))},
                         {std::string(tx(t_.col_time_in_centre))},
                         {std::string(tx(t_.col_peak_queue))}});
        for (const CentreTotals& c : totals) {
            const std::string name = centre_label(s_, c.centre);
            activity.add_row({name, integer(c.arrivals), integer(c.served), integer(c.no_shows),
                              integer(c.turned_away), integer(c.doses_used),
                              integer(c.doses_wasted) + " (" +
                                  pct(waste_share(c.doses_used, c.doses_wasted)) + ')',
                              hours(c.overtime_hours), pct(ratio(c.busy_hours, c.staffed_hours))});
            waits.add_row({name, minutes(c.wait_mean_min), minutes(c.wait_p90_worst_min),
                           minutes(c.wait_p95_worst_min), minutes(c.wait_max_min),
                           minutes(c.time_in_centre_mean_min), integer(c.max_waiting)});
        }
        out_ += activity.render(indent);
        line(tx(t_.centres_note));
        section(tx(t_.waits));
        out_ += waits.render(indent);
        line(tx(t_.waits_note));
    }

    void roles() {
        const std::vector<RoleUse> uses = role_use(r_);
        if (uses.empty()) return;
        section(tx(t_.roles));
        TextTable tab({{std::string(tx(t_.col_centre)), Align::Left},
                       {std::string(tx(t_.col_role)), Align::Left},
                       {std::string(tx(t_.col_staffed_h))},
                       {std::string(tx(t_.col_busy_h))},
                       {std::string(tx(t_.col_utilisation))},
                       {std::string(tx(t_.col_peak_required))},
                       {std::string(tx(t_.col_peak_present))}});
        for (const RoleUse& u : uses) {
            tab.add_row({centre_label(s_, u.centre), role_label(s_, u.role, lang_),
                         hours(u.staffed_hours), hours(u.busy_hours),
                         pct(ratio(u.busy_hours, u.staffed_hours)), integer(u.max_required),
                         integer(u.max_present)});
        }
        out_ += tab.render(indent);
    }

    void testing() {
        const std::vector<CentreTotals> totals = centre_totals(s_, r_);
        const bool any = std::any_of(totals.begin(), totals.end(),
                                     [](const CentreTotals& c) { return c.has_testing; });
        if (!any) return;
        section(tx(t_.testing));
        TextTable tab({{std::string(tx(t_.col_centre)), Align::Left},
                       {std::string(tx(t_.col_demand))},
                       {std::string(tx(t_.col_antigen))},
                       {std::string(tx(t_.col_pcr))},
                       {std::string(tx(t_.col_no_kit))},
                       {std::string(tx(t_.col_result_delay_h))},
                       {std::string(tx(t_.col_kits_left))}});
        for (const CentreTotals& c : totals) {
            if (!c.has_testing) continue;
            tab.add_row({centre_label(s_, c.centre), integer(c.test_demand), integer(c.antigen),
                         integer(c.pcr), integer(c.no_kit), hours(c.result_delay_mean_hours),
                         integer(c.kits_end)});
        }
        out_ += tab.render(indent);
    }

    void mobile_teams() {
        const std::vector<TeamTotals> totals = team_totals(s_, r_);
        if (totals.empty()) return;
        section(tx(t_.mobile_teams));
        TextTable tab({{std::string(tx(t_.col_team)), Align::Left},
                       {std::string(tx(t_.col_base)), Align::Left},
                       {std::string(tx(t_.col_days_out))},
                       {std::string(tx(t_.col_first_doses))},
                       {std::string(tx(t_.col_second_doses))},
                       {std::string(tx(t_.col_visits))},
                       {std::string(tx(t_.col_drive_h))},
                       {std::string(tx(t_.col_doses_used))},
                       {std::string(tx(t_.col_wasted))}});
        for (const TeamTotals& t : totals) {
            tab.add_row({team_name(s_, t.team), commune_name(s_, team_commune(s_, t.team)),
                         integer(t.days_out), integer(t.first_doses), integer(t.second_doses),
                         integer(t.communes_visited), hours(t.drive_minutes / 60.0),
                         integer(t.doses_used),
                         integer(t.doses_wasted) + " (" +
                             pct(waste_share(t.doses_used, t.doses_wasted)) + ')'});
        }
        out_ += tab.render(indent);
    }

    void coverage() {
        const std::vector<CoverageRow> rows = coverage_at_end(r_);
        int last_day = -1;
        for (const CoverageRow& row : rows) last_day = std::max(last_day, row.day);
        if (rows.empty()) {
            section(tx(t_.coverage));
            line(tx(t_.no_coverage));
            return;
        }
        section(std::string(tx(t_.coverage)) + " (" + std::string(tx(t_.as_of)) + ' ' +
                date_of(s_, last_day) + ')');
        TextTable tab({{std::string(tx(t_.col_group)), Align::Left},
                       {std::string(tx(t_.col_population))},
                       {std::string(tx(t_.col_target))},
                       {std::string(tx(t_.col_first_dose))},
                       {std::string(tx(t_.col_pct))},
                       {std::string(tx(t_.col_complete))},
                       {std::string(tx(t_.col_pct))},
                       {std::string(tx(t_.col_pct_target))}});
        for (const CoverageRow& row : rows) {
            const auto pop = static_cast<double>(row.population);
            tab.add_row(
                {group_label(s_, row.group, lang_), integer(row.population), integer(row.target),
                 integer(row.first_dose), pct(ratio(static_cast<double>(row.first_dose), pop)),
                 integer(row.complete), pct(ratio(static_cast<double>(row.complete), pop)),
                 pct(ratio(static_cast<double>(row.complete), static_cast<double>(row.target)))});
        }
        out_ += tab.render(indent);
        line(tx(t_.coverage_note));
    }

    void staff() {
        section(tx(t_.staff));
        if (r_.professions.empty()) {
            line(tx(t_.no_staff));
            return;
        }
        TextTable tab({{std::string(tx(t_.col_profession)), Align::Left},
                       {std::string(tx(t_.col_pool))},
                       {std::string(tx(t_.col_used))},
                       {std::string(tx(t_.col_rostered_h))},
                       {std::string(tx(t_.col_worked_h))},
                       {std::string(tx(t_.col_overtime_h))},
                       {std::string(tx(t_.col_absent_h))},
                       {std::string(tx(t_.col_commute_h))},
                       {std::string(tx(t_.col_cost))}});
        ProfessionRow sum;
        for (const ProfessionRow& p : r_.professions) {
            tab.add_row({profession_label(s_, p.profession, lang_), integer(p.people_in_pool),
                         integer(p.people_used), hours(p.rostered_hours), hours(p.worked_hours),
                         hours(p.overtime_hours), hours(p.absent_hours), hours(p.commute_hours),
                         num(p.cost_eur, 0)});
            sum.people_in_pool += p.people_in_pool;
            sum.people_used += p.people_used;
            sum.rostered_hours += p.rostered_hours;
            sum.worked_hours += p.worked_hours;
            sum.overtime_hours += p.overtime_hours;
            sum.absent_hours += p.absent_hours;
            sum.commute_hours += p.commute_hours;
            sum.cost_eur += p.cost_eur;
        }
        if (r_.professions.size() > 1) {
            tab.add_row({std::string(tx(t_.total)), integer(sum.people_in_pool),
                         integer(sum.people_used), hours(sum.rostered_hours),
                         hours(sum.worked_hours), hours(sum.overtime_hours),
                         hours(sum.absent_hours), hours(sum.commute_hours), num(sum.cost_eur, 0)});
        }
        out_ += tab.render(indent);
        line(tx(t_.staff_note));
    }

    void shortfalls() {
        const std::size_t n = r_.shortfalls.size();
        if (n == 0) {
            section(std::string(tx(t_.shortfalls)) + std::string(colon()) +
                    std::string(tx(t_.none)));
            return;
        }
        section(std::string(tx(t_.shortfalls)) + std::string(colon()) +
                integer(static_cast<std::int64_t>(n)) + ' ' + std::string(tx(t_.shortfalls_count)));
        TextTable tab({{std::string(tx(t_.col_centre)), Align::Left},
                       {std::string(tx(t_.col_date)), Align::Left},
                       {std::string(tx(t_.col_shift)), Align::Left},
                       {std::string(tx(t_.col_role)), Align::Left},
                       {std::string(tx(t_.col_required))},
                       {std::string(tx(t_.col_rostered))},
                       {std::string(tx(t_.col_reason)), Align::Left}});
        for (std::size_t i = 0; i < std::min(n, shortfalls_listed); ++i) {
            const ShortfallRow& row = r_.shortfalls[i];
            tab.add_row({centre_label(s_, row.centre), date_of(s_, row.day),
                         clock_hhmm(row.start.seconds()) + "-" + clock_hhmm(row.end.seconds()),
                         role_label(s_, row.role, lang_), integer(row.required),
                         integer(row.rostered),
                         text::name_in(text::shortfall_reasons, row.reason, lang_)});
        }
        out_ += tab.render(indent);
        if (n > shortfalls_listed) {
            line(std::string(tx(t_.and_more)) + ' ' + std::to_string(n - shortfalls_listed) + ' ' +
                 std::string(tx(t_.more_see_csv)));
        }
    }

    const Scenario& s_;
    const Results& r_;
    Language lang_;
    const text::SummaryTexts& t_ = text::summary;
    std::string out_;
};

/// A number for people in `lang`: French decimal comma and grouped thousands; English as in the
/// files (a point, no grouping). Non-finite values give "-".
std::string number(Language lang, double v, int decimals) {
    if (!std::isfinite(v)) return "-";
    return lang == Language::French ? text::format_decimal(lang, v, decimals)
                                    : format_fixed(v, decimals);
}

/// Mean and CI half-width for the terminal: 2 decimals below 10, else 1; whole numbers (counts
/// that agree in every replication) without decimals.
std::string short_number(Language lang, double v) {
    if (!std::isfinite(v)) return "-";
    if (std::abs(v - std::round(v)) < 1e-9) return number(lang, v, 0);
    return number(lang, v, std::abs(v) < 10 ? 2 : 1);
}

double min_of(const std::vector<double>& v) {
    return v.empty() ? std::nan("") : *std::min_element(v.begin(), v.end());
}
double max_of(const std::vector<double>& v) {
    return v.empty() ? std::nan("") : *std::max_element(v.begin(), v.end());
}

} // namespace

std::string format_kpi_table(const std::vector<KpiSummary>& kpis, Language lang) {
    const text::CliTexts& t = text::cli;
    TextTable tab({{std::string(t.col_kpi.in(lang)), Align::Left},
                   {std::string(t.col_mean.in(lang)), Align::Right},
                   {std::string(t.col_ci.in(lang)), Align::Right},
                   {"Min", Align::Right},
                   {"Max", Align::Right},
                   {std::string(t.col_better.in(lang)), Align::Left}});
    for (const KpiSummary& k : kpis) {
        tab.add_row({text::kpi_label(lang, k.name), short_number(lang, k.mean),
                     k.values.size() >= 2 ? short_number(lang, k.ci95) : std::string("-"),
                     short_number(lang, min_of(k.values)), short_number(lang, max_of(k.values)),
                     std::string((k.higher_is_better ? t.higher : t.lower).in(lang))});
    }
    return tab.render(2);
}

std::string format_replications_summary(const Scenario& s, const ReplicationSet& set,
                                        const std::vector<KpiSummary>& kpis, Language lang) {
    const text::CliTexts& t = text::cli;
    const bool fr = lang == Language::French;
    std::string out =
        "riposte" + std::string(fr ? " : " : ": ") + s.world.name + " / plan " + s.plan.name + "\n";
    const int last_day = s.world.days > 0 ? s.world.days - 1 : 0;
    out += "  " +
           text::fill(lang, t.replications_heading,
                      {std::to_string(set.runs.empty() ? 0 : set.runs.front().seed),
                       std::to_string(set.runs.size()), std::to_string(set.requested),
                       set.partial ? t.partial_tag.in(lang) : std::string_view{},
                       std::to_string(s.world.days), date_of(s, 0), date_of(s, last_day)}) +
           "\n";
    out +=
        "\n" +
        text::fill(lang, t.kpis_over,
                   {std::to_string(set.runs.size()),
                    (set.runs.size() == 1 ? t.replication_caps : t.replications_caps).in(lang)}) +
        "\n";
    out += format_kpi_table(kpis, lang);
    out += t.kpis_note.in(lang);
    out += verdict_block(lang, mean_facts(set.facts), verdict_thresholds(s.plan));
    return out;
}

std::string format_summary(const Scenario& scenario, const Results& results, Language language) {
    return SummaryWriter(scenario, results, language).write();
}

} // namespace riposte
