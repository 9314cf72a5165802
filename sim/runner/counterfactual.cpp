// The session replayed by time with one decision left out (include/riposte/counterfactual.hpp).
#include "riposte/counterfactual.hpp"

#include "riposte/session.hpp"

namespace riposte {

TimeReplay replay_by_time(std::shared_ptr<const Scenario> scenario, const RunOptions& options,
                          const std::vector<JournalEntry>& entries, std::uint64_t left_out,
                          const std::string& lang) {
    TimeReplay out;
    Simulation sim(std::move(scenario), options);
    for (const JournalEntry& e : entries) {
        if (e.ordinal == left_out) continue;
        if (is_refused_decision(e)) continue; // refused live: never applied
        if (e.source == EntrySource::Observation || e.source == EntrySource::ScriptedFired ||
            e.source == EntrySource::TriggerFired)
            continue; // the engine fires its own injects; observations change nothing
        if (sim.now() < e.stamp.time) sim.advance_to(e.stamp.time);
        switch (e.source) {
        case EntrySource::Decision:
        case EntrySource::AdHocInject:
            if (e.change) {
                const ChangeOutcome o = sim.apply(*e.change, entry_identity(e.ordinal));
                if (o.refusal)
                    out.refused.emplace_back(e.ordinal, describe_refusal(*o.refusal, lang));
            }
            break;
        case EntrySource::ScriptedSkipped:
            if (!sim.skip_inject(e.inject_id)) out.refused.emplace_back(e.ordinal, e.inject_id);
            break;
        case EntrySource::ScriptedDelayed:
            if (!sim.delay_inject(e.inject_id, std::max(e.new_time, sim.now())))
                out.refused.emplace_back(e.ordinal, e.inject_id);
            break;
        case EntrySource::ScriptedEdited:
            if (!e.change || !sim.edit_inject(e.inject_id, *e.change))
                out.refused.emplace_back(e.ordinal, e.inject_id);
            break;
        default:
            break;
        }
    }
    const Results r = sim.run();
    out.totals = r.totals;
    out.centre_days = r.centre_days;
    return out;
}

std::vector<Counterfactual> decision_counterfactuals(std::shared_ptr<const Scenario> scenario,
                                                     const RunOptions& options,
                                                     const std::vector<JournalEntry>& entries,
                                                     const std::string& lang) {
    std::vector<Counterfactual> out;
    const TimeReplay all = replay_by_time(scenario, options, entries, 0, lang);
    for (const JournalEntry& e : entries) {
        if (e.source != EntrySource::Decision || e.refused || !e.change ||
            std::holds_alternative<Message>(*e.change))
            continue;
        const TimeReplay without = replay_by_time(scenario, options, entries, e.ordinal, lang);
        Counterfactual c;
        c.entry = e.ordinal;
        c.with = all.totals;
        c.without = without.totals;
        // what no longer applies without it: refused now, applied with every entry
        for (const auto& [ordinal, why] : without.refused) {
            bool refused_anyway = false;
            for (const auto& [o, w] : all.refused) refused_anyway |= o == ordinal;
            if (!refused_anyway && ordinal > e.ordinal)
                c.no_longer_apply.emplace_back(ordinal, why);
        }
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace riposte
