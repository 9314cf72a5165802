#pragma once
// Writing what a replication produced: tidy CSV tables, a JSON summary and a plain-text KPI
// summary for the terminal. Nothing here throws across the API: failures are returned as values.
// Every number is formatted without the C locale (std::to_chars), so files are byte-identical
// for identical results on every machine.
#include "riposte/core/stats.hpp"
#include "riposte/core/text_format.hpp"
#include "riposte/results.hpp"
#include "riposte/runner.hpp"
#include "riposte/scenario.hpp"
#include "riposte/text/strings.hpp"
#include "riposte/validation.hpp"

#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace riposte {

/// Outcome of a file operation: empty `error` means success.
struct WriteStatus {
    std::string error; ///< "path: what went wrong" when the operation failed
    [[nodiscard]] bool ok() const { return error.empty(); }
};

/// Writes `content` to `path` atomically: a temporary file in the same directory is written,
/// flushed to disk (fsync) and renamed over `path`. On failure the temporary file is removed
/// and any previous content of `path` is left untouched; a partial file is never visible.
[[nodiscard]] WriteStatus write_file_atomic(const std::filesystem::path& path,
                                            std::string_view content);

/// What write_results() produced.
struct WriteReport {
    std::vector<std::filesystem::path> files; ///< files written, in writing order
    std::string error;                        ///< first failure (empty: all written)
    [[nodiscard]] bool ok() const { return error.empty(); }
};

/// Names of the files write_results() writes, in order.
const std::vector<std::string>& result_file_names();

/// Writes every table of `results` as CSV (one tidy table per kind) plus summary.json into
/// `dir` (created if missing). See docs/cli.md for the columns.
[[nodiscard]] WriteReport write_results(const Scenario& scenario, const Results& results,
                                        const std::filesystem::path& dir);

// ---- the individual documents (pure functions, used by write_results and the tests) ----

std::string centre_day_csv(const Scenario& scenario, const Results& results);
std::string role_day_csv(const Scenario& scenario, const Results& results);
std::string queue_csv(const Scenario& scenario, const Results& results);
std::string coverage_csv(const Scenario& scenario, const Results& results);
std::string commune_group_csv(const Scenario& scenario, const Results& results);
std::string profession_csv(const Scenario& scenario, const Results& results);
std::string shortfall_csv(const Scenario& scenario, const Results& results);
std::string testing_day_csv(const Scenario& scenario, const Results& results);
std::string mobile_day_csv(const Scenario& scenario, const Results& results);
std::string events_csv(const Scenario& scenario, const Results& results);
/// Queueing figures per centre, day and station: arrivals, P(wait > 0), mean and p90 wait,
/// utilisation (servers), mean occupancy (areas).
std::string station_day_csv(const Scenario& scenario, const Results& results);
/// Whole-run queueing figures per station (warm-up days excluded), one row per station and
/// figure, with the mean over the replications and the half-width of its 95% CI.
std::string station_summary_csv(const Scenario& scenario, const std::vector<const Results*>& runs);

/// station_summary_csv() built one replication at a time: it keeps a running mean and
/// variance per station and figure, not the replications.
class StationSummary {
  public:
    void add(const Results& replication);
    [[nodiscard]] std::string csv(const Scenario& scenario) const;

  private:
    struct StationFigures {
        int centre = 0, station = 0;
        RunningStats arrivals;
        std::array<RunningStats, 6> figures; ///< p_wait ... mean_busy
    };
    std::vector<StationFigures> stations_; ///< as in the first replication added
    bool started_ = false;
};

std::string summary_json(const Scenario& scenario, const Results& results);

/// Readable plain-text KPI summary (overall, per centre, coverage, staff, shortfalls).
std::string format_summary(const Scenario& scenario, const Results& results,
                           Language language = Language::French);

// ---- names for people (summaries, reports, the dashboard) ----

/// A role, profession or population group as a person reads it: the scenario's display_name,
/// else the string table's words ("entretien médical", "sage-femme", "75 ans et plus"), else
/// the identifier. Out-of-range indices give "#<index>".
std::string role_words(const Scenario& scenario, int role, Language language);
std::string profession_words(const Scenario& scenario, int profession, Language language);
std::string group_words(const Scenario& scenario, int group, Language language);

// ---- CSV for French Excel (--csv excel) ----

/// The same table as French Excel opens it: a UTF-8 byte order mark, ';' between fields and a
/// decimal comma in numbers (names and dates unchanged, quoted where needed).
std::string excel_csv(std::string_view csv);
/// True for a document written by excel_csv (byte order mark and ';' in the header).
bool is_excel_csv(std::string_view csv);
/// Back to the tidy form (',' and '.'); a standard document is returned unchanged.
std::string standard_csv(std::string_view csv);

// ---- formatting helpers (deterministic, locale-independent) ----

/// A JSON string literal, quotes included. UTF-8 passes through; control characters, '"' and
/// '\\' are escaped; invalid UTF-8 bytes are replaced by U+FFFD so the output stays valid.
std::string json_string(std::string_view text);
/// ISO date (YYYY-MM-DD) of day `day` after the ISO date `start_date`; "day N" when
/// `start_date` is not a valid date.
std::string iso_date(std::string_view start_date, int day);
/// "HH:MM" of a time of day (seconds since midnight; may exceed 24 h, e.g. "25:30").
std::string clock_hhmm(std::int64_t second_of_day);
/// Name of a log kind as written in events.csv ("info", "warning", ...).
std::string_view log_kind_name(LogKind kind);
/// A log entry as a sentence in `language`. With `words`, professions and roles are words
/// ("infirmier", "entretien médical"); without, they are the scenario's ids, as events.csv
/// writes them (English, stable from version to version).
std::string log_text(const Scenario& scenario, const LogEntry& entry, Language language,
                     bool words = true);
/// `value` with at most `max_decimals` digits after the point, trailing zeros (and a trailing
/// point) removed: 12.5000 -> "12.5", 3.0 -> "3". Non-finite values give an empty string.
std::string format_decimal(double value, int max_decimals);

// ---- several replications (riposte run --replications N) ----
//
// A run of N replications writes every tidy table of write_results() with a first column
// `replication` (the rows of all replications, in replication order), plus kpi_summary.csv,
// kpi_replications.csv and a summary.json of format riposte-summary/2. See docs/cli.md.

/// `csv` (a tidy table with a header row, as written by the *_csv functions) with a first
/// column `replication` set to `replication` on every row. The header row is kept only when
/// `keep_header`. Quoted fields holding line breaks are handled.
std::string with_replication_column(std::string_view csv, int replication, bool keep_header);

/// One row per KPI: kpi, higher_is_better, replications, mean, ci95, ci_low, ci_high, min, max.
std::string kpi_summary_csv(const std::vector<KpiSummary>& kpis);
/// One row per replication and KPI (long format): replication, kpi, value.
std::string kpi_replications_csv(const ReplicationSet& set, const std::vector<KpiSummary>& kpis);
/// summary.json of a set of replications (format "riposte-summary/2"): scenario, seed,
/// replications requested / completed, "partial", the plan's targets, the KPIs with mean, 95%
/// CI, min and max, and the totals of every replication.
std::string replications_summary_json(const Scenario& scenario, const ReplicationSet& set,
                                      const std::vector<KpiSummary>& kpis);
/// Names of the files ReplicationFiles writes, in order.
const std::vector<std::string>& replication_result_file_names();

enum class CsvStyle {
    Standard, ///< ',' between fields, '.' for decimals
    Excel,    ///< as excel_csv(): BOM, ';' and a decimal comma
};

/// Writes the files of replication_result_file_names() into `dir` while the replications
/// run: each replication's rows go to the open tables as soon as it is added (in replication
/// order, as stream_replications() hands them over) and are not kept. finish() writes the
/// summaries and puts every table in place (each file is written to a temporary name, flushed
/// to disk and renamed). A writer destroyed before finish() removes its temporary files.
/// The files are byte-identical to those of a run that kept every replication in memory.
class ReplicationFiles {
  public:
    /// Creates `dir` if missing and opens the tables; ok() says whether that worked.
    /// `scenario` must outlive the writer.
    ReplicationFiles(const Scenario& scenario, std::filesystem::path dir,
                     CsvStyle style = CsvStyle::Standard);
    ~ReplicationFiles();
    ReplicationFiles(const ReplicationFiles&) = delete;
    ReplicationFiles& operator=(const ReplicationFiles&) = delete;

    /// Appends the rows of one replication. False (and error()) once a write failed.
    [[nodiscard]] bool add(const Results& replication);
    /// Writes station_summary.csv, kpi_summary.csv, kpi_replications.csv and summary.json for
    /// `set` (the replications added, in the same order) and closes the tables.
    [[nodiscard]] WriteReport finish(const ReplicationSet& set,
                                     const std::vector<KpiSummary>& kpis);
    [[nodiscard]] bool ok() const;
    [[nodiscard]] const std::string& error() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

/// Terminal text: one line per KPI with mean, ± 95% CI half-width, min and max.
std::string format_kpi_table(const std::vector<KpiSummary>& kpis,
                             Language language = Language::French);
/// Terminal text for N replications: heading (world, plan, seed, replications, partial) and
/// the KPI table.
std::string format_replications_summary(const Scenario& scenario, const ReplicationSet& set,
                                        const std::vector<KpiSummary>& kpis,
                                        Language language = Language::French);

// ---- plan comparison (riposte compare) ----

/// One plan of a comparison: its replications summarised.
struct ComparedPlan {
    std::string label;    ///< "A", "B", ... (A is the reference)
    std::string name;     ///< the plan's name
    std::string file;     ///< the plan file as given
    int replications = 0; ///< replications completed
    int requested = 0;    ///< replications asked for
    std::vector<KpiSummary> kpis;
};

/// One KPI across the plans; `diffs[k]` is plan k minus the reference plan (index 0), paired
/// replication by replication; `present[k]` is false when plan k has no such KPI (e.g. a
/// centre that only one plan opens).
struct ComparedKpi {
    std::string name;
    bool higher_is_better = true;
    std::vector<bool> present;
    std::vector<double> mean, ci95;
    std::vector<PairedDifference> diffs; ///< diffs[0] is unused (the reference itself)
};

struct Comparison {
    std::string world; ///< the world's name
    std::string world_file;
    std::uint64_t seed = 1;
    bool partial = false; ///< a plan stopped before all its replications were done
    std::vector<ComparedPlan> plans;
    std::vector<ComparedKpi> kpis; ///< union of the plans' KPIs, in first-seen order
};

/// Joins the plans' summaries KPI by KPI and computes the paired differences to plans[0].
Comparison compare_plans(std::string world, std::string world_file, std::uint64_t seed,
                         std::vector<ComparedPlan> plans);
/// A plan of a finished batch of replications, as the comparison names it.
struct BatchPlanName {
    std::string label; ///< "A", "B", ...
    std::string name;  ///< the plan's name
    std::string file;  ///< the plan file as given
};
/// The comparison of a batch of replications (BatchRun's sets and summaries, one per plan, in
/// the order of `plans`): `riposte compare` and the dashboard's comparison view build it with
/// this one function, so both show the same numbers.
Comparison compare_batch(std::string world, std::string world_file, std::uint64_t seed,
                         int requested, const std::vector<BatchPlanName>& plans,
                         const std::vector<ReplicationSet>& sets,
                         const std::vector<std::vector<KpiSummary>>& summaries);
/// "better", "worse" or "" (not significant, or no difference) for a paired difference.
std::string_view difference_verdict(const PairedDifference& d);
/// One row per KPI and plan: kpi, higher_is_better, plan, plan_name, plan_file, replications,
/// mean, ci95, diff, diff_ci95, significant, verdict (diff fields empty for the reference).
std::string compare_csv(const Comparison& comparison);
/// compare.json (format "riposte-compare/1").
std::string compare_json(const Comparison& comparison);
/// Terminal text: the plans (labels and names), then a side-by-side table of the KPIs (mean ±
/// CI per plan) with the paired difference to plan A, significant ones marked '*'.
std::string format_comparison(const Comparison& comparison, Language language = Language::French);

// ---- plan validation (riposte validate) ----

/// validation.json (format "riposte-validation/1").
std::string validation_json(const Scenario& scenario, const ValidationReport& report,
                            std::uint64_t seed);
/// Terminal text: a heading, then per rule a line "PASS|FAIL  id: title", the measured value
/// and the threshold, and for a failing rule where it fails ("... and N more" when only the
/// first places are listed); last a one-line verdict.
std::string format_validation(const Scenario& scenario, const ValidationReport& report,
                              std::uint64_t seed, Language language = Language::French);

} // namespace riposte
