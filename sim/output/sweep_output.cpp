// riposte sweep: the KPI means and CIs of every variant, with the paired difference to the
// baseline variant (riposte/sweep.hpp), as CSV and terminal text.
#include "output/text_table.hpp"
#include "riposte/core/stats.hpp"
#include "riposte/output.hpp"
#include "riposte/sweep.hpp"
#include "riposte/text/cli_texts.hpp"
#include "riposte/text/names_texts.hpp"

#include <cmath>
#include <map>

namespace riposte {

namespace {

using namespace output_detail;

constexpr int kpi_decimals = 4;

/// Mean and CI of every KPI of a set (the set's KPI values in replication order).
std::vector<KpiSummary> summaries(const ReplicationSet& set) {
    std::vector<KpiSummary> out = set.kpis;
    for (auto& s : out) {
        RunningStats st;
        for (double v : s.values) st.add(v);
        s.mean = st.mean();
        s.ci95 = s.values.size() >= 2 ? st.ci95_halfwidth() : std::nan("");
    }
    return out;
}

std::string readable(Language lang, double v) {
    if (!std::isfinite(v)) return "-";
    const bool whole = std::abs(v - std::round(v)) < 1e-9;
    const int decimals = whole ? 0 : std::abs(v) < 10 ? 2 : 1;
    return lang == Language::French ? text::format_decimal(lang, v, decimals)
                                    : format_fixed(v, decimals);
}

} // namespace

std::string sweep_csv(const SweepInfo& info, const std::vector<ReplicationSet>& sets) {
    std::string out = "variant,label,baseline,kpi,higher_is_better,replications,mean,ci95,diff,"
                      "diff_ci95,significant,verdict\n";
    const auto b = static_cast<std::size_t>(info.baseline);
    const std::vector<KpiSummary> base =
        b < sets.size() ? summaries(sets[b]) : std::vector<KpiSummary>{};
    std::map<std::string, const KpiSummary*> base_by_name;
    for (const KpiSummary& k : base) base_by_name[k.name] = &k;
    for (std::size_t v = 0; v < sets.size() && v < info.variants.size(); ++v) {
        const std::vector<KpiSummary> mine = summaries(sets[v]);
        for (const KpiSummary& k : mine) {
            out += std::to_string(v + 1) + ',' + csv_field(info.variants[v].label) + ',' +
                   (v == b ? "true" : "false") + ',' + csv_field(k.name) + ',' +
                   (k.higher_is_better ? "true" : "false") + ',' + std::to_string(k.values.size()) +
                   ',' + format_decimal(k.mean, kpi_decimals) + ',' +
                   format_decimal(k.ci95, kpi_decimals) + ',';
            const auto it = base_by_name.find(k.name);
            if (v != b && it != base_by_name.end()) {
                const auto d = paired_differences({*it->second}, {k});
                if (!d.empty()) {
                    out += format_decimal(d.front().diff, kpi_decimals) + ',' +
                           format_decimal(d.front().ci95, kpi_decimals) + ',' +
                           (d.front().significant ? "true" : "false") + ',' +
                           std::string(difference_verdict(d.front()));
                } else {
                    out += ",,,";
                }
            } else {
                out += ",,,";
            }
            out += '\n';
        }
    }
    return out;
}

std::string sweep_variants_csv(const SweepInfo& info) {
    std::string out = "variant,label,baseline,world_file,plan_file,exercise_file,staff_factors,"
                      "uptake,absence_rate\n";
    for (std::size_t v = 0; v < info.variants.size(); ++v) {
        const SweepVariantInfo& x = info.variants[v];
        out += std::to_string(v + 1) + ',' + csv_field(x.label) + ',' +
               (static_cast<int>(v) == info.baseline ? "true" : "false") + ',' +
               csv_field(x.world_file) + ',' + csv_field(x.plan_file) + ',' +
               csv_field(x.exercise_file) + ',' + csv_field(x.staff) + ',' + csv_field(x.uptake) +
               ',' + csv_field(x.absence) + '\n';
    }
    return out;
}

std::string format_sweep(const SweepInfo& info, const std::vector<ReplicationSet>& sets,
                         Language lang) {
    static constexpr std::string_view headline[] = {"vaccinations", "coverage_first_dose_pct",
                                                    "wait_p90_min", "turned_away", "staff_hours"};
    const text::CliTexts& t = text::cli;
    std::string out = text::fill(lang, t.sweep_heading,
                                 {info.name.empty() ? std::string("-") : info.name,
                                  std::to_string(info.variants.size()),
                                  std::to_string(info.replications), std::to_string(info.seed)});
    out += "\n";
    std::vector<Column> cols{{std::string(t.sweep_variant.in(lang)), Align::Left}};
    for (const auto k : headline) cols.push_back({text::kpi_label(lang, k), Align::Right});
    TextTable table(std::move(cols));
    const auto b = static_cast<std::size_t>(info.baseline);
    const std::vector<KpiSummary> base =
        b < sets.size() ? summaries(sets[b]) : std::vector<KpiSummary>{};
    for (std::size_t v = 0; v < sets.size() && v < info.variants.size(); ++v) {
        const std::vector<KpiSummary> mine = summaries(sets[v]);
        std::vector<std::string> row{info.variants[v].label + (v == b ? " *" : "")};
        for (const auto name : headline) {
            std::string cell = "-";
            for (const KpiSummary& k : mine) {
                if (k.name != name) continue;
                cell = readable(lang, k.mean);
                if (std::isfinite(k.ci95)) cell += " ±" + readable(lang, k.ci95);
                if (v != b) {
                    for (const KpiSummary& kb : base) {
                        if (kb.name != name) continue;
                        const auto d = paired_differences({kb}, {k});
                        if (d.empty()) continue;
                        const std::string verdict(difference_verdict(d.front()));
                        if (verdict.empty()) continue;
                        cell += verdict == "better" ? " (+)" : " (-)";
                    }
                }
            }
            row.push_back(std::move(cell));
        }
        table.add_row(std::move(row));
    }
    out += table.render(2);
    out += t.sweep_note.in(lang);
    return out;
}

} // namespace riposte
