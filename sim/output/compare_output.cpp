// riposte compare: the plans' KPI summaries side by side with the paired difference to the
// first plan (common random numbers), as CSV, JSON and terminal text.
#include "output/json_writer.hpp"
#include "output/text_table.hpp"
#include "riposte/output.hpp"
#include "riposte/text/cli_texts.hpp"
#include "riposte/text/names_texts.hpp"

#include <cmath>
#include <filesystem>
#include <map>

namespace riposte {

namespace {

using namespace output_detail;

constexpr int kpi_decimals = 4;

/// For people: French decimal comma and grouped thousands; English as in the files.
std::string plain_number(Language lang, double v) {
    if (!std::isfinite(v)) return "-";
    // a whole number (a count that every replication agrees on, a zero CI) has no decimals
    const bool whole = std::abs(v - std::round(v)) < 1e-9;
    const int decimals = whole ? 0 : std::abs(v) < 10 ? 2 : 1;
    return lang == Language::French ? text::format_decimal(lang, v, decimals)
                                    : format_fixed(v, decimals);
}

std::string signed_number(Language lang, double v) {
    std::string text = plain_number(lang, v);
    if (text != "-" && text.front() != '-' && v != 0) text.insert(0, "+");
    return text;
}

} // namespace

Comparison compare_batch(std::string world, std::string world_file, std::uint64_t seed,
                         int requested, const std::vector<BatchPlanName>& plans,
                         const std::vector<ReplicationSet>& sets,
                         const std::vector<std::vector<KpiSummary>>& summaries) {
    std::vector<ComparedPlan> compared;
    for (std::size_t p = 0; p < plans.size() && p < sets.size() && p < summaries.size(); ++p) {
        ComparedPlan cp;
        cp.label = plans[p].label;
        cp.name = plans[p].name;
        cp.file = plans[p].file;
        cp.replications = static_cast<int>(sets[p].runs.size());
        cp.requested = requested;
        cp.kpis = summaries[p];
        compared.push_back(std::move(cp));
    }
    return compare_plans(std::move(world), std::move(world_file), seed, std::move(compared));
}

Comparison compare_plans(std::string world, std::string world_file, std::uint64_t seed,
                         std::vector<ComparedPlan> plans) {
    Comparison c;
    c.world = std::move(world);
    c.world_file = std::move(world_file);
    c.seed = seed;
    c.plans = std::move(plans);
    const std::size_t n = c.plans.size();
    for (const ComparedPlan& p : c.plans) c.partial = c.partial || p.replications < p.requested;

    std::map<std::string, std::size_t> index;
    for (const ComparedPlan& p : c.plans) {
        for (const KpiSummary& k : p.kpis) {
            if (index.count(k.name) > 0) continue;
            index[k.name] = c.kpis.size();
            ComparedKpi row;
            row.name = k.name;
            row.higher_is_better = k.higher_is_better;
            row.present.assign(n, false);
            row.mean.assign(n, std::nan(""));
            row.ci95.assign(n, std::nan(""));
            row.diffs.assign(n, PairedDifference{});
            c.kpis.push_back(std::move(row));
        }
    }
    for (std::size_t p = 0; p < n; ++p) {
        for (const KpiSummary& k : c.plans[p].kpis) {
            ComparedKpi& row = c.kpis[index[k.name]];
            row.present[p] = true;
            row.mean[p] = k.mean;
            row.ci95[p] = k.values.size() >= 2 ? k.ci95 : std::nan("");
        }
    }
    if (n == 0) return c;
    for (ComparedKpi& row : c.kpis) {
        if (!row.present[0]) continue;
        const KpiSummary* ref = nullptr;
        for (const KpiSummary& k : c.plans[0].kpis)
            if (k.name == row.name) ref = &k;
        for (std::size_t p = 1; p < n; ++p) {
            if (!row.present[p]) continue;
            for (const KpiSummary& k : c.plans[p].kpis) {
                if (k.name != row.name) continue;
                const auto d = paired_differences({*ref}, {k});
                if (!d.empty()) row.diffs[p] = d.front();
            }
        }
    }
    return c;
}

std::string_view difference_verdict(const PairedDifference& d) {
    if (!d.significant || d.diff == 0) return "";
    return (d.diff > 0) == d.higher_is_better ? "better" : "worse";
}

std::string compare_csv(const Comparison& c) {
    std::string out = "kpi,higher_is_better,plan,plan_name,plan_file,replications,mean,ci95,diff,"
                      "diff_ci95,significant,verdict\n";
    for (const ComparedKpi& k : c.kpis) {
        for (std::size_t p = 0; p < c.plans.size(); ++p) {
            if (!k.present[p]) continue;
            const ComparedPlan& plan = c.plans[p];
            out += csv_field(k.name);
            out += k.higher_is_better ? ",true," : ",false,";
            out += csv_field(plan.label) + ',' + csv_field(plan.name) + ',' + csv_field(plan.file) +
                   ',' + std::to_string(plan.replications) + ',' +
                   format_decimal(k.mean[p], kpi_decimals) + ',' +
                   format_decimal(k.ci95[p], kpi_decimals) + ',';
            const bool paired = p > 0 && k.present[0];
            if (paired) {
                const PairedDifference& d = k.diffs[p];
                out += format_decimal(d.diff, kpi_decimals) + ',' +
                       format_decimal(d.ci95, kpi_decimals) + ',' +
                       (d.significant ? "true" : "false") + ',' +
                       std::string(difference_verdict(d));
            } else {
                out += ",,,";
            }
            out += '\n';
        }
    }
    return out;
}

std::string compare_json(const Comparison& c) {
    JsonWriter j;
    j.begin_object();
    j.field("format", "riposte-compare/1");
    j.field("world", c.world);
    j.field("world_file", std::filesystem::path(c.world_file).filename().string());
    j.key("seed");
    j.unsigned_integer(c.seed);
    j.key("partial");
    j.boolean(c.partial);
    j.key("plans");
    j.begin_array();
    for (const ComparedPlan& p : c.plans) {
        j.begin_object();
        j.field("label", p.label);
        j.field("name", p.name);
        j.field("file", std::filesystem::path(p.file).filename().string());
        j.field("replications", p.replications);
        j.field("requested", p.requested);
        j.end_object();
    }
    j.end_array();
    j.key("kpis");
    j.begin_array();
    for (const ComparedKpi& k : c.kpis) {
        j.begin_object();
        j.field("name", k.name);
        j.key("higher_is_better");
        j.boolean(k.higher_is_better);
        j.key("plans");
        j.begin_array();
        for (std::size_t p = 0; p < c.plans.size(); ++p) {
            j.begin_object();
            j.field("label", c.plans[p].label);
            j.key("present");
            j.boolean(k.present[p]);
            j.key("mean");
            j.decimal(k.mean[p], kpi_decimals);
            j.key("ci95");
            j.decimal(k.ci95[p], kpi_decimals);
            if (p > 0) {
                const bool paired = k.present[p] && k.present[0];
                const PairedDifference& d = k.diffs[p];
                j.key("diff");
                if (paired) {
                    j.decimal(d.diff, kpi_decimals);
                } else {
                    j.null();
                }
                j.key("diff_ci95");
                if (paired) {
                    j.decimal(d.ci95, kpi_decimals);
                } else {
                    j.null();
                }
                j.key("significant");
                j.boolean(paired && d.significant);
                j.field("verdict", paired ? difference_verdict(d) : std::string_view{});
            }
            j.end_object();
        }
        j.end_array();
        j.end_object();
    }
    j.end_array();
    j.end_object();
    return j.take();
}

std::string format_comparison(const Comparison& c, Language lang) {
    const text::CliTexts& t = text::cli;
    std::string out = text::fill(lang, t.compare_heading, {c.world, std::to_string(c.seed)}) + "\n";
    const std::string colon = lang == Language::French ? " : " : ": ";
    for (std::size_t p = 0; p < c.plans.size(); ++p) {
        const ComparedPlan& plan = c.plans[p];
        const std::string reps =
            plan.replications < plan.requested
                ? text::fill(lang, t.n_of_replications_partial,
                             {std::to_string(plan.replications), std::to_string(plan.requested)})
                : std::to_string(plan.replications) + ' ' +
                      std::string(
                          (plan.replications == 1 ? t.replication_word : t.replications_word)
                              .in(lang));
        out += "  " + plan.label + "  " + std::filesystem::path(plan.file).filename().string() +
               colon + plan.name + " (" + reps +
               (p == 0 ? std::string(t.reference.in(lang)) : std::string()) + ")\n";
    }
    std::vector<Column> cols{{std::string(t.col_kpi.in(lang)), Align::Left}};
    for (const ComparedPlan& plan : c.plans)
        cols.push_back({text::fill(lang, t.col_mean_ci, {plan.label}), Align::Right});
    for (std::size_t p = 1; p < c.plans.size(); ++p) {
        cols.push_back({c.plans[p].label + " - " + c.plans[0].label, Align::Right});
        cols.push_back({"", Align::Left});
    }
    TextTable tab(std::move(cols));
    for (const ComparedKpi& k : c.kpis) {
        std::vector<std::string> cells{text::kpi_label(lang, k.name)};
        for (std::size_t p = 0; p < c.plans.size(); ++p) {
            if (!k.present[p]) {
                cells.emplace_back("-");
                continue;
            }
            cells.push_back(
                plain_number(lang, k.mean[p]) +
                (std::isfinite(k.ci95[p]) ? " ± " + plain_number(lang, k.ci95[p]) : ""));
        }
        for (std::size_t p = 1; p < c.plans.size(); ++p) {
            if (!k.present[p] || !k.present[0]) {
                cells.emplace_back("-");
                cells.emplace_back("");
                continue;
            }
            const PairedDifference& d = k.diffs[p];
            cells.push_back(signed_number(lang, d.diff) + " ± " + plain_number(lang, d.ci95));
            const std::string_view verdict = difference_verdict(d);
            const std::string words(verdict == "better"  ? t.better.in(lang)
                                    : verdict == "worse" ? t.worse.in(lang)
                                                         : std::string_view{});
            cells.push_back(d.significant ? "* " + words : std::string());
        }
        tab.add_row(std::move(cells));
    }
    out += "\n";
    out += tab.render(2);
    out += t.compare_note.in(lang);
    return out;
}

} // namespace riposte
