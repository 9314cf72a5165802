// What a run of several replications writes: the tidy tables of every replication with a
// `replication` column, the KPI summary (mean, 95% CI, min, max), the KPIs of every
// replication and summary.json (riposte-summary/2).
#include "output/json_writer.hpp"
#include "output/output_common.hpp"
#include "output/summary_parts.hpp"
#include "riposte/output.hpp"

#include <algorithm>
#include <cmath>
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

std::string replications_summary_json(const Scenario& s, const ReplicationSet& set,
                                      const std::vector<KpiSummary>& kpis) {
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
    for (const Results& r : set.runs) {
        j.begin_object();
        j.field("replication", r.replication);
        j.key("events");
        j.unsigned_integer(r.events);
        write_totals(j, s, r.totals);
        j.end_object();
    }
    j.end_array();
    j.end_object();
    return j.take();
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

WriteReport write_replication_results(const Scenario& s, const ReplicationSet& set,
                                      const std::vector<KpiSummary>& kpis,
                                      const std::filesystem::path& dir) {
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
    const auto write = [&](std::string_view name, const std::string& content) {
        const std::filesystem::path path = dir / name;
        const WriteStatus status = write_file_atomic(path, content);
        if (!status.ok()) {
            report.error = status.error;
            return false;
        }
        report.files.push_back(path);
        return true;
    };
    for (const TableFile& f : table_files) {
        std::string doc;
        for (std::size_t i = 0; i < set.runs.size(); ++i) {
            doc +=
                with_replication_column(f.write(s, set.runs[i]), set.runs[i].replication, i == 0);
        }
        if (set.runs.empty()) doc = with_replication_column(f.write(s, Results{}), 0, true);
        if (!write(f.name, doc)) return report;
    }
    std::vector<const Results*> runs;
    for (const Results& r : set.runs) runs.push_back(&r);
    if (!write("station_summary.csv", station_summary_csv(s, runs))) return report;
    if (!write("kpi_summary.csv", kpi_summary_csv(kpis))) return report;
    if (!write("kpi_replications.csv", kpi_replications_csv(set, kpis))) return report;
    write("summary.json", replications_summary_json(s, set, kpis));
    return report;
}

} // namespace riposte
