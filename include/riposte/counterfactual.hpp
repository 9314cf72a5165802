#pragma once
// Counterfactuals for the RETEX: the session replayed with one decision left out. Without it
// the run's events differ, so the later entries cannot be replayed at their event ordinals:
// they are applied at their simulated times instead ("replay by time"), and those the engine
// now refuses are reported with the reason. The baseline of a comparison is the same replay by
// time with every entry, so that the difference is the decision's, not the method's.
#include "riposte/journal.hpp"
#include "riposte/results.hpp"
#include "riposte/retex.hpp"
#include "riposte/scenario.hpp"
#include "riposte/simulation.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace riposte {

struct TimeReplay {
    Totals totals;
    std::vector<CentreDayRow> centre_days;
    /// Later entries the engine refused in this replay: (ordinal, reason in `lang`).
    std::vector<std::pair<std::uint64_t, std::string>> refused;
};

/// Replays `entries` by time on a fresh run of `scenario` with `options` (exercise included),
/// leaving out the entry `left_out` (0: none), and runs to the end.
TimeReplay replay_by_time(std::shared_ptr<const Scenario> scenario, const RunOptions& options,
                          const std::vector<JournalEntry>& entries, std::uint64_t left_out,
                          const std::string& lang = "fr");

/// The counterfactual of every applied decision of the journal (messages excluded).
std::vector<Counterfactual> decision_counterfactuals(std::shared_ptr<const Scenario> scenario,
                                                     const RunOptions& options,
                                                     const std::vector<JournalEntry>& entries,
                                                     const std::string& lang = "fr");

} // namespace riposte
