// One tidy CSV table per kind of result: first row the header, one row per observation,
// names next to indices, dates in ISO form, numbers with a fixed number of decimals.
#include "output/output_common.hpp"
#include "riposte/core/stats.hpp"
#include "riposte/output.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <system_error>

namespace riposte {

namespace {

using namespace output_detail;

constexpr int minutes_decimals = 2;
constexpr int hours_decimals = 2;
constexpr int money_decimals = 2;
constexpr int share_decimals = 4;

/// Builds a CSV document row by row (LF line endings, RFC 4180 quoting).
class Csv {
  public:
    explicit Csv(std::initializer_list<std::string_view> header) {
        for (std::string_view h : header) text(h);
        end_row();
    }
    Csv& text(std::string_view v) {
        separate();
        out_ += csv_field(v);
        return *this;
    }
    Csv& integer(std::int64_t v) {
        separate();
        char buf[24];
        const auto res = std::to_chars(buf, buf + sizeof buf, v);
        out_.append(buf, res.ptr);
        return *this;
    }
    /// Fixed decimals; non-finite values give an empty field (missing).
    Csv& number(double v, int decimals) {
        separate();
        out_ += format_fixed(v, decimals);
        return *this;
    }
    void end_row() {
        out_ += '\n';
        first_ = true;
    }
    std::string take() { return std::move(out_); }

  private:
    void separate() {
        if (!first_) out_ += ',';
        first_ = false;
    }
    std::string out_;
    bool first_ = true;
};

std::string time_of_day(SimTime t) {
    return clock_hhmm(t.second_of_day());
}

} // namespace

std::string centre_day_csv(const Scenario& s, const Results& r) {
    Csv csv{"centre",        "commune_insee",  "commune",
            "day",           "date",           "arrivals",
            "served",        "no_shows",       "turned_away",
            "walk_ins",      "vaccinations",   "tests",
            "wait_mean_min", "wait_p50_min",   "wait_p90_min",
            "wait_p95_min",  "wait_max_min",   "time_in_centre_mean_min",
            "max_waiting",   "overtime_hours", "doses_used",
            "vials_opened",  "doses_wasted",   "stock_end",
            "slots_opened",  "slots_booked"};
    for (const CentreDayRow& row : r.centre_days) {
        const int commune = centre_commune(s, row.centre);
        csv.text(centre_name(s, row.centre))
            .text(commune_insee(s, commune))
            .text(commune >= 0 ? commune_name(s, commune) : std::string{})
            .integer(row.day)
            .text(date_of(s, row.day))
            .integer(row.arrivals)
            .integer(row.served)
            .integer(row.no_shows)
            .integer(row.turned_away)
            .integer(row.walk_ins)
            .integer(row.vaccinations)
            .integer(row.tests)
            .number(row.wait_mean_min, minutes_decimals)
            .number(row.wait_p50_min, minutes_decimals)
            .number(row.wait_p90_min, minutes_decimals)
            .number(row.wait_p95_min, minutes_decimals)
            .number(row.wait_max_min, minutes_decimals)
            .number(row.time_in_centre_mean_min, minutes_decimals)
            .integer(row.max_waiting)
            .number(row.overtime_hours, hours_decimals)
            .integer(row.doses_used)
            .integer(row.vials_opened)
            .integer(row.doses_wasted)
            .integer(row.stock_end)
            .integer(row.slots_opened)
            .integer(row.slots_booked)
            .end_row();
    }
    return csv.take();
}

std::string role_day_csv(const Scenario& s, const Results& r) {
    Csv csv{"centre",
            "day",
            "date",
            "role",
            "staffed_hours",
            "busy_hours",
            "utilisation",
            "overtime_hours",
            "busy_overtime_hours",
            "utilisation_incl_overtime",
            "required",
            "present"};
    for (const RoleDayRow& row : r.role_days) {
        csv.text(centre_name(s, row.centre))
            .integer(row.day)
            .text(date_of(s, row.day))
            .text(role_name(s, row.role))
            .number(row.staffed_hours, hours_decimals)
            .number(row.busy_hours, hours_decimals)
            .number(ratio(row.busy_hours, row.staffed_hours), share_decimals)
            .number(row.overtime_hours, hours_decimals)
            .number(row.busy_overtime_hours, hours_decimals)
            .number(ratio(row.busy_hours + row.busy_overtime_hours,
                          row.staffed_hours + row.overtime_hours),
                    share_decimals)
            .integer(row.required)
            .integer(row.present)
            .end_row();
    }
    return csv.take();
}

std::string queue_csv(const Scenario& s, const Results& r) {
    Csv csv{"centre", "time_s", "day", "date", "time", "waiting", "in_centre"};
    for (const QueueSample& row : r.queue) {
        csv.text(centre_name(s, row.centre))
            .integer(row.time.seconds())
            .integer(row.time.day())
            .text(date_of(s, row.time.day()))
            .text(time_of_day(row.time))
            .integer(row.waiting)
            .integer(row.in_centre)
            .end_row();
    }
    return csv.take();
}

std::string coverage_csv(const Scenario& s, const Results& r) {
    Csv csv{"day",
            "date",
            "group",
            "population",
            "target",
            "first_dose",
            "complete",
            "first_dose_share",
            "complete_share",
            "complete_share_of_target"};
    for (const CoverageRow& row : r.coverage) {
        const auto pop = static_cast<double>(row.population);
        csv.integer(row.day)
            .text(date_of(s, row.day))
            .text(group_name(s, row.group))
            .integer(row.population)
            .integer(row.target)
            .integer(row.first_dose)
            .integer(row.complete)
            .number(ratio(static_cast<double>(row.first_dose), pop), share_decimals)
            .number(ratio(static_cast<double>(row.complete), pop), share_decimals)
            .number(ratio(static_cast<double>(row.complete), static_cast<double>(row.target)),
                    share_decimals)
            .end_row();
    }
    return csv.take();
}

std::string commune_group_csv(const Scenario& s, const Results& r) {
    Csv csv{"commune_insee", "commune",         "group",         "population",
            "wanting",       "first_dose",      "complete",      "unmet",
            "cannot_travel", "home_first_dose", "travel_minutes"};
    for (const CommuneGroupRow& row : r.communes) {
        csv.text(commune_insee(s, row.commune))
            .text(commune_name(s, row.commune))
            .text(group_name(s, row.group))
            .integer(row.population)
            .integer(row.wanting)
            .integer(row.first_dose)
            .integer(row.complete)
            .integer(row.unmet)
            .integer(row.cannot_travel)
            .integer(row.home_first_dose);
        if (row.travel_minutes < 0) {
            csv.text(""); // no open vaccination centre reachable: missing
        } else {
            csv.number(row.travel_minutes, minutes_decimals);
        }
        csv.end_row();
    }
    return csv.take();
}

std::string profession_csv(const Scenario& s, const Results& r) {
    Csv csv{"profession",     "people_in_pool", "people_used",   "rostered_hours", "worked_hours",
            "overtime_hours", "absent_hours",   "commute_hours", "cost_eur"};
    for (const ProfessionRow& row : r.professions) {
        csv.text(profession_name(s, row.profession))
            .integer(row.people_in_pool)
            .integer(row.people_used)
            .number(row.rostered_hours, hours_decimals)
            .number(row.worked_hours, hours_decimals)
            .number(row.overtime_hours, hours_decimals)
            .number(row.absent_hours, hours_decimals)
            .number(row.commute_hours, hours_decimals)
            .number(row.cost_eur, money_decimals)
            .end_row();
    }
    return csv.take();
}

std::string shortfall_csv(const Scenario& s, const Results& r) {
    Csv csv{"centre", "day",      "date",     "shift_start", "shift_end",
            "role",   "required", "rostered", "missing",     "reason"};
    for (const ShortfallRow& row : r.shortfalls) {
        csv.text(centre_name(s, row.centre))
            .integer(row.day)
            .text(date_of(s, row.day))
            .text(clock_hhmm(row.start.seconds()))
            .text(clock_hhmm(row.end.seconds()))
            .text(role_name(s, row.role))
            .integer(row.required)
            .integer(row.rostered)
            .integer(row.required - row.rostered)
            .text(row.reason)
            .end_row();
    }
    return csv.take();
}

std::string testing_day_csv(const Scenario& s, const Results& r) {
    Csv csv{"centre",  "day", "date",   "demand",
            "antigen", "pcr", "no_kit", "result_delay_mean_hours",
            "kits_end"};
    for (const TestingDayRow& row : r.testing_days) {
        csv.text(centre_name(s, row.centre))
            .integer(row.day)
            .text(date_of(s, row.day))
            .integer(row.demand)
            .integer(row.antigen)
            .integer(row.pcr)
            .integer(row.no_kit)
            .number(row.result_delay_mean_hours, hours_decimals)
            .integer(row.kits_end)
            .end_row();
    }
    return csv.take();
}

std::string mobile_day_csv(const Scenario& s, const Results& r) {
    Csv csv{"team",
            "base_commune_insee",
            "base_commune",
            "day",
            "date",
            "staff_present",
            "first_doses",
            "second_doses",
            "communes_visited",
            "drive_minutes",
            "doses_used",
            "vials_opened",
            "doses_wasted",
            "stock_end"};
    for (const MobileDayRow& row : r.mobile_days) {
        const int commune = team_commune(s, row.team);
        csv.text(team_name(s, row.team))
            .text(commune_insee(s, commune))
            .text(commune >= 0 ? commune_name(s, commune) : std::string{})
            .integer(row.day)
            .text(date_of(s, row.day))
            .integer(row.staff_present)
            .integer(row.first_doses)
            .integer(row.second_doses)
            .integer(row.communes_visited)
            .number(row.drive_minutes, minutes_decimals)
            .integer(row.doses_used)
            .integer(row.vials_opened)
            .integer(row.doses_wasted)
            .integer(row.stock_end)
            .end_row();
    }
    return csv.take();
}

std::string events_csv(const Scenario& s, const Results& r) {
    Csv csv{"time_s", "day", "date", "time", "kind", "text"};
    for (const LogEntry& e : r.log) {
        csv.integer(e.time.seconds())
            .integer(e.time.day())
            .text(date_of(s, e.time.day()))
            .text(time_of_day(e.time))
            .text(log_kind_name(e.kind))
            .text(log_text(s, e, Language::English, false))
            .end_row();
    }
    return csv.take();
}

namespace {

const Station& station_of(const Scenario& s, int centre, int station) {
    return s.plan.centres[static_cast<std::size_t>(centre)]
        .stations[static_cast<std::size_t>(station)];
}

} // namespace

std::string station_day_csv(const Scenario& s, const Results& r) {
    Csv csv{"centre",       "day",           "date",       "station",     "kind",
            "arrivals",     "started",       "waited",     "p_wait",      "wait_mean_min",
            "wait_p90_min", "staffed_hours", "busy_hours", "utilisation", "mean_occupancy"};
    for (const StationDayRow& row : r.station_days) {
        const Station& st = station_of(s, row.centre, row.station);
        const bool area = st.kind == StationKind::Area;
        csv.text(centre_name(s, row.centre))
            .integer(row.day)
            .text(date_of(s, row.day))
            .text(st.name)
            .text(area ? "area" : "servers")
            .integer(row.arrivals)
            .integer(row.started)
            .integer(row.waited)
            .number(ratio(static_cast<double>(row.waited), static_cast<double>(row.started)),
                    share_decimals)
            .number(row.started > 0 ? row.wait_mean_min : std::nan(""), minutes_decimals)
            .number(row.started > 0 ? row.wait_p90_min : std::nan(""), minutes_decimals)
            .number(row.staffed_hours, hours_decimals)
            .number(row.busy_hours, hours_decimals)
            .number(area ? std::nan("") : ratio(row.busy_hours, row.staffed_hours), share_decimals)
            .number(area ? ratio(row.place_hours, row.open_hours) : std::nan(""), share_decimals)
            .end_row();
    }
    return csv.take();
}

namespace {

/// The figures of station_summary.csv after "arrivals", and the stations they apply to.
struct StationFigure {
    std::string_view name;
    double StationRunRow::*field;
    bool areas, servers;
};

constexpr StationFigure station_figures[] = {
    {"p_wait", &StationRunRow::p_wait, true, true},
    {"wait_mean_min", &StationRunRow::wait_mean_min, true, true},
    {"wait_p90_min", &StationRunRow::wait_p90_min, true, true},
    {"utilisation", &StationRunRow::utilisation, true, true},
    {"mean_occupancy", &StationRunRow::mean_occupancy, true, false},
    {"mean_busy", &StationRunRow::mean_busy, false, true},
};

} // namespace

void StationSummary::add(const Results& r) {
    if (!started_) {
        started_ = true;
        for (const StationRunRow& row : r.stations)
            stations_.push_back({row.centre, row.station, {}, {}});
    }
    const std::size_t n = std::min(stations_.size(), r.stations.size());
    for (std::size_t i = 0; i < n; ++i) {
        const StationRunRow& row = r.stations[i];
        StationFigures& figures = stations_[i];
        figures.arrivals.add(static_cast<double>(row.arrivals));
        for (std::size_t f = 0; f < std::size(station_figures); ++f)
            figures.figures[f].add(row.*(station_figures[f].field));
    }
}

std::string StationSummary::csv(const Scenario& s) const {
    Csv csv{"centre", "station", "figure", "replications", "mean", "ci95"};
    for (const StationFigures& figures : stations_) {
        const Station& st = station_of(s, figures.centre, figures.station);
        const bool area = st.kind == StationKind::Area;
        auto row = [&](std::string_view name, const RunningStats& stats) {
            csv.text(centre_name(s, figures.centre))
                .text(st.name)
                .text(name)
                .integer(stats.count())
                .number(stats.mean(), share_decimals)
                .number(stats.count() >= 2 ? stats.ci95_halfwidth() : std::nan(""), share_decimals)
                .end_row();
        };
        row("arrivals", figures.arrivals);
        for (std::size_t f = 0; f < std::size(station_figures); ++f)
            if (area ? station_figures[f].areas : station_figures[f].servers)
                row(station_figures[f].name, figures.figures[f]);
    }
    return csv.take();
}

std::string station_summary_csv(const Scenario& s, const std::vector<const Results*>& runs) {
    StationSummary summary;
    for (const Results* r : runs) summary.add(*r);
    return summary.csv(s);
}

namespace {

using DocumentWriter = std::string (*)(const Scenario&, const Results&);

struct ResultFile {
    std::string_view name;
    DocumentWriter write;
};

constexpr ResultFile result_files[] = {
    {"centre_day.csv", centre_day_csv},
    {"role_day.csv", role_day_csv},
    {"queue.csv", queue_csv},
    {"coverage.csv", coverage_csv},
    {"commune_group.csv", commune_group_csv},
    {"profession.csv", profession_csv},
    {"shortfall.csv", shortfall_csv},
    {"testing_day.csv", testing_day_csv},
    {"mobile_day.csv", mobile_day_csv},
    {"events.csv", events_csv},
    {"station_day.csv", station_day_csv},
    {"station_summary.csv",
     [](const Scenario& s, const Results& r) { return station_summary_csv(s, {&r}); }},
    {"summary.json", summary_json},
};

} // namespace

const std::vector<std::string>& result_file_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const ResultFile& f : result_files) v.emplace_back(f.name);
        return v;
    }();
    return names;
}

WriteReport write_results(const Scenario& s, const Results& r, const std::filesystem::path& dir) {
    WriteReport report;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        report.error = dir.string() + ": cannot create the output directory: " + ec.message();
        return report;
    }
    if (!std::filesystem::is_directory(dir, ec)) {
        report.error = dir.string() + ": not a directory; choose another --out";
        return report;
    }
    for (const ResultFile& f : result_files) {
        const std::filesystem::path path = dir / f.name;
        const WriteStatus status = write_file_atomic(path, f.write(s, r));
        if (!status.ok()) {
            report.error = status.error;
            return report;
        }
        report.files.push_back(path);
    }
    return report;
}

} // namespace riposte
