#pragma once
// The RETEX (after-action report) of an exercise session: one self-contained HTML page, French
// by default, joining the journal's timeline of injects and decisions with the KPI charts of the
// replayed run, the objectives met or not, what broke, staff hours by profession, the
// evaluators' observations and a plan d'actions correctives pre-filled from the decisions.
#include "riposte/exercise.hpp"
#include "riposte/journal.hpp"
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace riposte {

/// One decision's counterfactual, computed by the runner (riposte/counterfactual.hpp): the run
/// with every entry, and without this one.
struct Counterfactual {
    std::uint64_t entry = 0; ///< the decision's ordinal
    Totals with, without;
    std::vector<std::pair<std::uint64_t, std::string>> no_longer_apply;
};

struct RetexInputs {
    const Scenario* scenario = nullptr;
    const Exercise* exercise = nullptr; ///< may be null (a session without a chronogramme)
    const Journal* journal = nullptr;
    const Results* results = nullptr; ///< the run replayed from the journal, to its end
    std::string lang = "fr";          ///< "fr" or "en"
    /// Each decision left out (decision_counterfactuals); null or empty: no such section.
    const std::vector<Counterfactual>* counterfactuals = nullptr;
};

/// The report as one HTML page (inline CSS and SVG, no external resource).
std::string retex_html(const RetexInputs& in);

} // namespace riposte
