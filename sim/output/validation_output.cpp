// riposte validate: the verdict of every rule as terminal text and as validation.json.
#include "output/json_writer.hpp"
#include "riposte/output.hpp"

#include <algorithm>
#include <filesystem>

namespace riposte {

namespace {

using namespace output_detail;

std::string file_name_only(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

int failed_rules(const ValidationReport& report) {
    int n = 0;
    for (const RuleVerdict& r : report.rules) n += r.pass ? 0 : 1;
    return n;
}

} // namespace

std::string validation_json(const Scenario& s, const ValidationReport& report, std::uint64_t seed) {
    JsonWriter j;
    j.begin_object();
    j.field("format", "riposte-validation/1");
    j.field("world", s.world.name);
    j.field("world_file", file_name_only(s.world.file));
    j.field("plan", s.plan.name);
    j.field("plan_file", file_name_only(s.plan.file));
    j.key("seed");
    j.unsigned_integer(seed);
    j.field("replications", report.replications);
    j.key("partial");
    j.boolean(report.partial);
    j.key("pass");
    j.boolean(report.all_pass());
    bool targets_checked = false;
    for (const RuleVerdict& r : report.rules) targets_checked = targets_checked || !r.structural;
    j.key("targets_checked");
    j.boolean(targets_checked);
    const int failed = failed_rules(report);
    j.field("rules_passed", static_cast<int>(report.rules.size()) - failed);
    j.field("rules_failed", failed);
    j.key("rules");
    j.begin_array();
    for (const RuleVerdict& r : report.rules) {
        j.begin_object();
        j.field("id", r.id);
        j.field("title", r.title);
        j.key("structural");
        j.boolean(r.structural);
        j.key("pass");
        j.boolean(r.pass);
        j.key("warning");
        j.boolean(r.warning);
        j.field("measured", r.measured);
        j.field("threshold", r.threshold);
        j.key("where");
        j.begin_array();
        for (const std::string& w : r.where) j.string(w);
        j.end_array();
        j.field("where_total", std::max(r.where_total, static_cast<int>(r.where.size())));
        j.end_object();
    }
    j.end_array();
    j.end_object();
    return j.take();
}

std::string format_validation(const Scenario& s, const ValidationReport& report,
                              std::uint64_t seed) {
    std::string out = "riposte validate: plan " + s.plan.name + " (" + file_name_only(s.plan.file) +
                      ") against " + s.world.name + "\n  ";
    bool targets = false;
    for (const RuleVerdict& r : report.rules) targets = targets || !r.structural;
    if (!targets) {
        out += "structural rules only (no simulation)";
    } else {
        out += "target rules judged over " + std::to_string(report.replications) +
               (report.replications == 1 ? " replication" : " replications") + ", seed " +
               std::to_string(seed);
        if (report.partial) out += " (PARTIAL: interrupted before all replications were done)";
    }
    out += "\n\n";
    const std::string pad(6, ' ');
    for (const RuleVerdict& r : report.rules) {
        out += !r.pass ? "FAIL  " : r.warning ? "WARN  " : "PASS  ";
        out += r.id + ": " + r.title + "\n";
        out += pad + "measured: " + r.measured + "; required: " + r.threshold + "\n";
        if (r.pass && !r.warning) continue;
        for (std::size_t i = 0; i < r.where.size(); ++i) {
            out += pad + (i == 0 ? "where: " : "       ") + r.where[i] + "\n";
        }
        const int total = std::max(r.where_total, static_cast<int>(r.where.size()));
        const int more = total - static_cast<int>(r.where.size());
        if (more > 0) {
            out += pad + (r.where.empty() ? "where: " : "       ") + "and " + std::to_string(more) +
                   " more\n";
        }
    }
    const int failed = failed_rules(report);
    out += "\n";
    if (failed == 0) {
        if (targets) {
            out += "RESULT: PASS (all " + std::to_string(report.rules.size()) + " rules pass)\n";
        } else if (!s.plan.targets.empty()) {
            out += "RESULT: STRUCTURE OK, TARGETS NOT CHECKED (the " +
                   std::to_string(report.rules.size()) +
                   " structural rules pass; run without --structural-only to judge the plan's " +
                   std::to_string(s.plan.targets.size()) + " targets)\n";
        } else {
            // a plan without targets is not "validated": only its structure was checked
            out +=
                "RESULT: STRUCTURE OK, NO TARGETS CHECKED (the " +
                std::to_string(report.rules.size()) +
                " structural rules pass; the plan states no target)\n"
                "  A plan sent to the ARS usually states targets in [[validation.target]]:\n"
                "  kind = \"wait_p90\" (max_minutes), \"coverage\" (min_percent of a group by a\n"
                "  day), \"wasted_doses\" (max_percent), \"unmet_demand\" (max_people).\n"
                "  See docs/scenario-format.md.\n";
        }
    } else {
        out += "RESULT: FAIL (" + std::to_string(failed) + " of " +
               std::to_string(report.rules.size()) + " rules fail:";
        for (const RuleVerdict& r : report.rules)
            if (!r.pass) out += " " + r.id;
        out += ")\n";
    }
    return out;
}

} // namespace riposte
