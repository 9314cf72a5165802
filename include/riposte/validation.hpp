#pragma once
// Plan validation (SPEC §6): structural rules that need no simulation, and the plan's target
// rules judged over replications. One verdict per rule with the measured value, the threshold
// and where it fails.
#include "riposte/core/stats.hpp"
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace riposte {

/// A sentence for people as a phrase id and its values, worded by the CLI and the report from
/// the string table (riposte/text/validation_texts.hpp). Numbers are written with a '.' and
/// re-written in the reader's language ("245.5" → "245,5"); "role:ID" is a role, "reason:TEXT" a
/// roster reason (both worded from the table), "text:..." is kept as written (an INSEE code).
struct Phrase {
    std::string id;
    std::vector<std::string> args;
};

struct RuleVerdict {
    std::string id;         ///< stable identifier, e.g. "staffing.qualified"
    std::string title;      ///< one line saying what is checked
    bool structural = true; ///< needs no simulation
    bool pass = true;
    bool warning = false;              ///< passes, but `where` lists what deserves a look
    std::string measured;              ///< measured value (with its 95% CI for target rules)
    std::string threshold;             ///< what is required
    Phrase measured_phrase;            ///< `measured` for the string table
    Phrase threshold_phrase;           ///< `threshold` for the string table
    std::vector<std::string> where;    ///< where it fails: centre, date, commune, profession
    std::vector<Phrase> where_phrases; ///< `where` for the string table, one per place
    int where_total = 0; ///< number of failing places (where may list only the first ones)
};

struct ValidationReport {
    std::vector<RuleVerdict> rules;
    int replications = 0;
    bool partial = false;
    [[nodiscard]] bool all_pass() const {
        for (const auto& r : rules)
            if (!r.pass) return false;
        return true;
    }
};

/// Structural rules only.
ValidationReport validate_structure(const Scenario& scenario);

struct Roster;
/// The roster of the scenario's plan as validate_structure checks it: each centre's and mobile
/// team's travel times up to the longest travel or commute limit (see roster.hpp).
Roster validation_roster(const Scenario& scenario);

/// Structural rules plus the plan's targets judged over the given replications.
ValidationReport validate(const Scenario& scenario, const std::vector<Results>& replications);

/// The plan's target rules judged one replication at a time, keeping only what the verdicts
/// need (a few numbers per target and per failing centre-day), never the replications' tables.
/// Replications must come in replication order: the "first replication" details come from the
/// first one added. `scenario` must outlive the validator.
class TargetValidator {
  public:
    explicit TargetValidator(const Scenario& scenario);
    void add(const Results& replication);
    /// Structural rules plus the targets judged over the replications added so far (the same
    /// report as validate() given them all).
    [[nodiscard]] ValidationReport report() const;
    [[nodiscard]] int replications() const { return count_; }

  private:
    struct Evidence {
        RunningStats stat;
        int ok = 0; ///< wait_p90: replications meeting the threshold everywhere
        std::map<std::pair<int, int>, int> fails;   ///< wait_p90: (centre, day) → replications
        std::map<int, std::int64_t> wasted;         ///< wasted doses by centre
        std::vector<std::pair<double, int>> behind; ///< coverage % by commune, 1st replication
        std::vector<std::pair<std::int64_t, int>> unmet; ///< −unmet by commune, 1st replication
    };
    const Scenario* scenario_;
    std::vector<Evidence> evidence_; ///< one per plan target
    int count_ = 0;
};

/// ISO date (YYYY-MM-DD) of a day index given the world's start date.
std::string date_of_day(const World& world, int day);

} // namespace riposte
