// What a run of several replications writes: the tidy tables of every replication with a
// `replication` column, the KPI summary (mean, 95% CI, min, max), the KPIs of every
// replication and summary.json (riposte-summary/2).
#include "output/atomic_stream.hpp"
#include "output/json_writer.hpp"
#include "output/output_common.hpp"
#include "output/summary_parts.hpp"
#include "riposte/output.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <system_error>

namespace riposte {

namespace {

using namespace output_detail;

constexpr int kpi_decimals = 4;

std::string_view target_kind_name(TargetKind k) {
    switch (k) {
    case TargetKind::WaitP90:
        return "wait_p90";
    case TargetKind::Coverage:
        return "coverage";
    case TargetKind::WastedDoses:
        return "wasted_doses";
    case TargetKind::UnmetDemand:
        return "unmet_demand";
    }
    return "unknown";
}

double min_of(const std::vector<double>& v) {
    return v.empty() ? std::nan("") : *std::min_element(v.begin(), v.end());
}
double max_of(const std::vector<double>& v) {
    return v.empty() ? std::nan("") : *std::max_element(v.begin(), v.end());
}

using DocumentWriter = std::string (*)(const Scenario&, const Results&);

struct TableFile {
    std::string_view name;
    DocumentWriter write;
};

constexpr TableFile table_files[] = {
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
};

void write_targets(JsonWriter& j, const Scenario& s) {
    j.key("targets");
    j.begin_array();
    for (const Target& t : s.plan.targets) {
        j.begin_object();
        j.field("kind", target_kind_name(t.kind));
        j.field("threshold", t.threshold, kpi_decimals);
        if (t.kind == TargetKind::WaitP90) {
            j.field("share_of_replications", t.share_of_replications, kpi_decimals);
        }
        if (t.kind == TargetKind::Coverage) {
            j.key("group");
            if (t.group >= 0) {
                j.string(group_name(s, t.group));
            } else {
                j.null();
            }
            j.field("dose", t.complete_schedule ? "complete" : "first");
            const int day = t.by_day >= 0 ? std::min(t.by_day, s.world.days - 1) : s.world.days - 1;
            j.field("by_day", day);
            j.field("by_date", date_of(s, day));
        }
        j.end_object();
    }
    j.end_array();
}

} // namespace

std::string with_replication_column(std::string_view csv, int replication, bool keep_header) {
    const std::string prefix = std::to_string(replication) + ",";
    std::string out;
    out.reserve(csv.size() + csv.size() / 8);
    bool at_record_start = true;
    bool in_quotes = false;
    bool in_header = true;
    for (char c : csv) {
        if (at_record_start) {
            at_record_start = false;
            if (in_header && keep_header) out += "replication,";
            if (!in_header) out += prefix;
        }
        if (in_header && !keep_header) {
            // skip the header record (it holds no quoted line break: names are plain)
            if (c == '\n') {
                in_header = false;
                at_record_start = true;
            }
            continue;
        }
        out += c;
        if (c == '"') in_quotes = !in_quotes;
        if (c == '\n' && !in_quotes) {
            in_header = false;
            at_record_start = true;
        }
    }
    return out;
}

std::string kpi_summary_csv(const std::vector<KpiSummary>& kpis) {
    std::string out = "kpi,higher_is_better,replications,mean,ci95,ci_low,ci_high,min,max\n";
    for (const KpiSummary& k : kpis) {
        out += csv_field(k.name);
        out += k.higher_is_better ? ",true," : ",false,";
        out += std::to_string(k.values.size());
        for (double v : {k.mean, k.ci95, k.mean - k.ci95, k.mean + k.ci95, min_of(k.values),
                         max_of(k.values)}) {
            out += ',';
            out += format_decimal(v, kpi_decimals);
        }
        out += '\n';
    }
    return out;
}

std::string kpi_replications_csv(const ReplicationSet& set, const std::vector<KpiSummary>& kpis) {
    std::string out = "replication,kpi,value\n";
    for (std::size_t i = 0; i < set.runs.size(); ++i) {
        const std::string rep = std::to_string(set.runs[i].replication);
        for (const KpiSummary& k : kpis) {
            if (i >= k.values.size()) continue;
            out += rep;
            out += ',';
            out += csv_field(k.name);
            out += ',';
            out += format_decimal(k.values[i], kpi_decimals);
            out += '\n';
        }
    }
    return out;
}

namespace {

/// Runs whose totals are written between two drains of the JSON text to `sink`.
constexpr std::size_t runs_per_piece = 256;

/// summary.json of a set of replications, handed to `sink` piece by piece (false: stop).
bool replications_summary_json_to(const Scenario& s, const ReplicationSet& set,
                                  const std::vector<KpiSummary>& kpis,
                                  const std::function<bool(std::string_view)>& sink) {
    JsonWriter j;
    j.begin_object();
    j.field("format", "riposte-summary/2");
    write_scenario(j, s);
    j.key("seed");
    j.unsigned_integer(set.runs.empty() ? 0 : set.runs.front().seed);
    j.key("replications");
    j.begin_object();
    j.field("requested", set.requested);
    j.field("completed", static_cast<std::int64_t>(set.runs.size()));
    j.end_object();
    j.key("partial");
    j.boolean(set.partial);
    j.key("max_travel_minutes");
    j.number(s.plan.max_travel_minutes >= 0 ? s.plan.max_travel_minutes
                                            : s.world.behaviour.max_travel_minutes,
             2);
    write_targets(j, s);
    j.key("plan_centres");
    j.begin_array();
    for (const Centre& c : s.plan.centres) {
        j.begin_object();
        j.field("name", c.name);
        j.field("kind", centre_kind_name(c.kind));
        j.field("commune_insee", commune_insee(s, c.commune));
        j.field("commune", commune_name(s, c.commune));
        j.field("waiting_room", c.waiting_room);
        j.end_object();
    }
    j.end_array();
    j.key("groups");
    j.begin_array();
    for (const PopulationGroup& g : s.world.groups) j.string(g.name);
    j.end_array();
    j.key("kpis");
    j.begin_array();
    for (const KpiSummary& k : kpis) {
        j.begin_object();
        j.field("name", k.name);
        j.key("higher_is_better");
        j.boolean(k.higher_is_better);
        j.field("replications", static_cast<std::int64_t>(k.values.size()));
        j.key("mean");
        j.decimal(k.mean, kpi_decimals);
        j.key("ci95");
        j.decimal(k.ci95, kpi_decimals);
        j.key("min");
        j.decimal(min_of(k.values), kpi_decimals);
        j.key("max");
        j.decimal(max_of(k.values), kpi_decimals);
        j.end_object();
    }
    j.end_array();
    j.key("runs");
    j.begin_array();
    std::size_t written = 0;
    for (const ReplicationRecord& r : set.runs) {
        j.begin_object();
        j.field("replication", r.replication);
        j.key("events");
        j.unsigned_integer(r.events);
        write_totals(j, s, r.totals);
        j.end_object();
        if (++written % runs_per_piece == 0 && !sink(j.drain())) return false;
    }
    j.end_array();
    j.end_object();
    return sink(j.take());
}

} // namespace

std::string replications_summary_json(const Scenario& s, const ReplicationSet& set,
                                      const std::vector<KpiSummary>& kpis) {
    std::string out;
    replications_summary_json_to(s, set, kpis, [&out](std::string_view piece) {
        out += piece;
        return true;
    });
    return out;
}

const std::vector<std::string>& replication_result_file_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const TableFile& f : table_files) v.emplace_back(f.name);
        v.emplace_back("station_summary.csv");
        v.emplace_back("kpi_summary.csv");
        v.emplace_back("kpi_replications.csv");
        v.emplace_back("summary.json");
        return v;
    }();
    return names;
}

struct ReplicationFiles::State {
    const Scenario* scenario = nullptr;
    std::filesystem::path dir;
    CsvStyle style = CsvStyle::Standard;
    std::array<AtomicFileStream, std::size(table_files)> tables;
    AtomicFileStream kpi_replications;
    StationSummary stations;
    std::size_t kpi_count = 0; ///< KPIs of the first replication (kpi_replications.csv)
    bool any = false;          ///< a replication was added
    bool finished = false;
    std::string error;

    /// `csv` in the chosen style; `first` keeps the byte order mark of an Excel document.
    std::string styled(const std::string& csv, bool first) const {
        if (style == CsvStyle::Standard) return csv;
        std::string excel = excel_csv(csv);
        return first ? excel : excel.substr(excel_bom_size);
    }
    bool put(AtomicFileStream& file, const std::string& csv, bool first) {
        return file.write(styled(csv, first), error);
    }
    static constexpr std::size_t excel_bom_size = 3;
};

ReplicationFiles::ReplicationFiles(const Scenario& scenario, std::filesystem::path dir,
                                   CsvStyle style)
    : state_(std::make_unique<State>()) {
    State& st = *state_;
    st.scenario = &scenario;
    st.dir = std::move(dir);
    st.style = style;
    std::error_code ec;
    std::filesystem::create_directories(st.dir, ec);
    if (ec) {
        st.error = st.dir.string() + ": cannot create the output directory: " + ec.message();
        return;
    }
    if (!std::filesystem::is_directory(st.dir, ec)) {
        st.error = st.dir.string() + ": not a directory; choose another --out";
        return;
    }
    for (std::size_t i = 0; i < std::size(table_files); ++i)
        if (!st.tables[i].open(st.dir / table_files[i].name, st.error)) return;
    if (!st.kpi_replications.open(st.dir / "kpi_replications.csv", st.error)) return;
    (void)st.put(st.kpi_replications, "replication,kpi,value\n", true);
}

ReplicationFiles::~ReplicationFiles() = default;

bool ReplicationFiles::ok() const {
    return state_->error.empty();
}

const std::string& ReplicationFiles::error() const {
    return state_->error;
}

bool ReplicationFiles::add(const Results& r) {
    State& st = *state_;
    if (!st.error.empty() || st.finished) return false;
    const Scenario& s = *st.scenario;
    const bool first = !st.any;
    st.any = true;
    for (std::size_t i = 0; i < std::size(table_files); ++i) {
        const std::string rows =
            with_replication_column(table_files[i].write(s, r), r.replication, first);
        if (!st.put(st.tables[i], rows, first)) return false;
    }
    // kpi_replications.csv: as kpi_replications_csv() writes it from the whole set
    const std::vector<KpiValue> values = main_kpis(s, r);
    if (first) st.kpi_count = values.size();
    std::string rows;
    const std::string rep = std::to_string(r.replication);
    for (std::size_t k = 0; k < values.size() && k < st.kpi_count; ++k) {
        rows += rep;
        rows += ',';
        rows += csv_field(values[k].name);
        rows += ',';
        rows += format_decimal(values[k].value, kpi_decimals);
        rows += '\n';
    }
    if (!st.put(st.kpi_replications, rows, false)) return false;
    st.stations.add(r);
    return true;
}

WriteReport ReplicationFiles::finish(const ReplicationSet& set,
                                     const std::vector<KpiSummary>& kpis) {
    State& st = *state_;
    WriteReport report;
    if (st.finished) {
        report.error = st.dir.string() + ": the results were already written";
        return report;
    }
    st.finished = true;
    if (!st.error.empty()) {
        report.error = st.error;
        return report;
    }
    const Scenario& s = *st.scenario;
    const auto fail = [&](const std::string& error) {
        report.error = error;
        st.error = error;
        return report;
    };
    for (std::size_t i = 0; i < std::size(table_files); ++i) {
        // no replication: the header alone, as the tables of an empty set
        if (!st.any &&
            !st.put(st.tables[i],
                    with_replication_column(table_files[i].write(s, Results{}), 0, true), true))
            return fail(st.error);
        if (!st.tables[i].commit(st.error)) return fail(st.error);
        report.files.push_back(st.dir / table_files[i].name);
    }
    const auto write = [&](std::string_view name, const std::string& content) {
        const std::filesystem::path path = st.dir / name;
        const WriteStatus status = write_file_atomic(path, content);
        if (!status.ok()) {
            fail(status.error);
            return false;
        }
        report.files.push_back(path);
        return true;
    };
    if (!write("station_summary.csv", st.styled(st.stations.csv(s), true))) return report;
    if (!write("kpi_summary.csv", st.styled(kpi_summary_csv(kpis), true))) return report;
    if (!st.kpi_replications.commit(st.error)) return fail(st.error);
    report.files.push_back(st.dir / "kpi_replications.csv");
    AtomicFileStream summary;
    const std::filesystem::path summary_path = st.dir / "summary.json";
    if (!summary.open(summary_path, st.error)) return fail(st.error);
    const bool written = replications_summary_json_to(
        s, set, kpis, [&](std::string_view piece) { return summary.write(piece, st.error); });
    if (!written || !summary.commit(st.error)) return fail(st.error);
    report.files.push_back(summary_path);
    return report;
}

} // namespace riposte
