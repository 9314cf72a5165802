// A live session: journal first, then the change; resume and replay rebuild from the journal.
#include "riposte/session.hpp"

#include "riposte/diagnostics.hpp"
#include "riposte/text/diagnostic_texts.hpp"

#include <algorithm>

namespace riposte {

namespace fs = std::filesystem;

std::uint64_t entry_identity(std::uint64_t ordinal) {
    return change_identity("journal-entry:" + std::to_string(ordinal));
}

namespace {

bool applies_change(EntrySource s) {
    return s == EntrySource::Decision || s == EntrySource::AdHocInject;
}

Bilingual stamp_text(const ChangeStamp& s) {
    return say(text::diag.stamp, {std::to_string(s.time.seconds()), std::to_string(s.ordinal),
                                  std::to_string(s.order)});
}

std::string relative_to(const fs::path& file, const fs::path& journal) {
    if (file.empty()) return {};
    std::error_code ec;
    const fs::path base = fs::absolute(journal, ec).parent_path();
    const fs::path rel = fs::relative(fs::absolute(file, ec), base, ec);
    return (ec || rel.empty() ? file : rel).generic_string();
}

RunOptions run_options(const SessionInputs& in) {
    RunOptions o;
    o.seed = in.seed;
    o.replication = in.replication;
    o.exercise = in.exercise;
    return o;
}

} // namespace

JournalHeader journal_header_for(const SessionInputs& in, const fs::path& journal) {
    JournalHeader h;
    h.world = relative_to(in.world_file, journal);
    h.plan = relative_to(in.plan_file, journal);
    h.exercise = relative_to(in.exercise_file, journal);
    if (!in.world_file.empty()) h.world_sha256 = sha256_file(in.world_file);
    if (!in.plan_file.empty()) h.plan_sha256 = sha256_file(in.plan_file);
    if (!in.exercise_file.empty()) h.exercise_sha256 = sha256_file(in.exercise_file);
    h.seed = in.seed;
    h.replication = in.replication;
    return h;
}

std::optional<Bilingual> check_journal_inputs(const JournalHeader& h, const SessionInputs& in,
                                              const fs::path& journal) {
    const JournalHeader now = journal_header_for(in, journal);
    auto differ = [](const text::Text& what, const std::string& a, const std::string& b) {
        return say(text::diag.inputs_differ, {say(what), a.substr(0, 12), b.substr(0, 12)});
    };
    if (h.world_sha256 != now.world_sha256)
        return differ(text::diag.inputs_world, h.world_sha256, now.world_sha256);
    if (h.plan_sha256 != now.plan_sha256)
        return differ(text::diag.inputs_plan, h.plan_sha256, now.plan_sha256);
    if (h.exercise_sha256 != now.exercise_sha256)
        return differ(text::diag.inputs_exercise, h.exercise_sha256, now.exercise_sha256);
    if (h.seed != in.seed) return say(text::diag.inputs_seed, {std::to_string(h.seed)});
    if (h.replication != in.replication)
        return say(text::diag.inputs_replication, {std::to_string(h.replication)});
    return std::nullopt;
}

std::optional<Divergence> replay_entries(Simulation& sim, const std::vector<JournalEntry>& entries,
                                         SimTime until) {
    std::size_t seen = 0; // engine changes already matched
    for (const JournalEntry& e : entries) {
        if (e.stamp.time > until) break;
        auto diverge = [&](Bilingual what) {
            return Divergence{e.ordinal, e.line, std::move(what)};
        };
        if (e.source == EntrySource::Observation) continue;
        // a decision the engine refused live was never applied: a record, not a change
        if (is_refused_decision(e)) continue;
        // run to the entry's event, then move the clock to its time without another event
        if (sim.events_processed() > e.stamp.ordinal)
            return diverge(say(text::diag.div_out_of_order, {stamp_text(e.stamp)}));
        if (!sim.run_to_event(e.stamp.ordinal) && sim.events_processed() < e.stamp.ordinal)
            return diverge(say(text::diag.div_run_ended, {std::to_string(e.stamp.ordinal)}));
        if (sim.now() > e.stamp.time)
            return diverge(
                say(text::diag.div_event_after,
                    {std::to_string(e.stamp.ordinal), std::to_string(sim.now().seconds()),
                     std::to_string(e.stamp.time.seconds())}));
        if (sim.now() < e.stamp.time && sim.next_event_time() <= e.stamp.time)
            return diverge(
                say(text::diag.div_event_before,
                    {std::to_string(sim.next_event_time().seconds()),
                     std::to_string(e.stamp.time.seconds()), std::to_string(e.stamp.ordinal)}));
        if (sim.now() < e.stamp.time) sim.advance_to(e.stamp.time);
        switch (e.source) {
        case EntrySource::Decision:
        case EntrySource::AdHocInject: {
            if (!e.change) return diverge(say(text::diag.div_no_change));
            const ChangeStamp expect = sim.next_stamp();
            if (expect != e.stamp)
                return diverge(
                    say(text::diag.div_stamp, {stamp_text(expect), stamp_text(e.stamp)}));
            (void)sim.apply(*e.change, entry_identity(e.ordinal));
            break;
        }
        case EntrySource::ScriptedSkipped:
            if (!sim.skip_inject(e.inject_id))
                return diverge(say(text::diag.div_no_skip, {e.inject_id}));
            break;
        case EntrySource::ScriptedDelayed:
            if (!sim.delay_inject(e.inject_id, e.new_time))
                return diverge(say(text::diag.div_no_delay, {e.inject_id}));
            break;
        case EntrySource::ScriptedEdited:
            if (!e.change || !sim.edit_inject(e.inject_id, *e.change))
                return diverge(say(text::diag.div_no_edit, {e.inject_id}));
            break;
        case EntrySource::ScriptedFired:
        case EntrySource::TriggerFired: {
            // the engine fires these itself: check it did, at the same stamp
            const auto& ch = sim.changes();
            bool found = false;
            for (std::size_t k = seen; k < ch.size(); ++k)
                if (ch[k].inject_id == e.inject_id && ch[k].outcome.stamp == e.stamp) {
                    found = true;
                    seen = k + 1;
                    break;
                }
            if (!found)
                return diverge(say(text::diag.div_not_fired, {e.inject_id, stamp_text(e.stamp)}));
            break;
        }
        case EntrySource::Observation:
            break;
        }
    }
    return std::nullopt;
}

std::optional<LiveSession> LiveSession::start(const SessionInputs& in, const fs::path& journal,
                                              std::string* error) {
    const JournalHeader header = journal_header_for(in, journal);
    auto writer = JournalWriter::create(journal, header, error);
    if (!writer) return std::nullopt;
    LiveSession s;
    s.in_ = in;
    s.journal_ = journal;
    s.header_ = header;
    s.sim_ = std::make_unique<Simulation>(in.scenario, run_options(in));
    s.writer_ = std::move(writer);
    return s;
}

std::optional<LiveSession> LiveSession::resume(const SessionInputs& in, const fs::path& journal,
                                               std::string* error) {
    JournalReadResult r = read_journal(journal);
    if (!r.journal) {
        if (error) {
            *error = "cannot read the journal";
            for (const auto& d : r.diagnostics.items())
                if (d.severity == Severity::Error) {
                    *error = format_diagnostic(d);
                    break;
                }
        }
        return std::nullopt;
    }
    if (auto bad = check_journal_inputs(r.journal->header, in, journal)) {
        if (error) *error = journal.string() + ": " + bad->en;
        return std::nullopt;
    }
    LiveSession s;
    s.in_ = in;
    s.journal_ = journal;
    s.sim_ = std::make_unique<Simulation>(in.scenario, run_options(in));
    if (auto d = replay_entries(*s.sim_, r.journal->entries)) {
        if (error)
            *error = journal.string() + ":" + std::to_string(d->line) + ": entry " +
                     std::to_string(d->entry) + ": " + d->what.en;
        return std::nullopt;
    }
    s.written_ = r.journal->entries;
    s.header_ = r.journal->header;
    s.next_entry_ = s.written_.empty() ? 1 : s.written_.back().ordinal + 1;
    // the engine's fired injects up to here are in the journal already
    s.changes_seen_ = s.sim_->changes().size();
    s.writer_ = JournalWriter::resume(journal, error);
    if (!s.writer_) return std::nullopt;
    return s;
}

std::optional<LiveSession> LiveSession::branch(const SessionInputs& in, const fs::path& parent,
                                               std::uint64_t after_entry, const fs::path& journal,
                                               std::string* error) {
    JournalReadResult r = read_journal(parent);
    if (!r.journal) {
        if (error) *error = parent.string() + ": cannot read the parent journal";
        return std::nullopt;
    }
    if (auto bad = check_journal_inputs(r.journal->header, in, parent)) {
        if (error) *error = parent.string() + ": " + bad->en;
        return std::nullopt;
    }
    std::vector<JournalEntry> kept;
    for (const JournalEntry& e : r.journal->entries)
        if (e.ordinal <= after_entry) kept.push_back(e);
    if (kept.size() != after_entry) {
        if (error)
            *error = parent.string() + ": the journal has no entry " + std::to_string(after_entry);
        return std::nullopt;
    }
    LiveSession s;
    s.in_ = in;
    s.journal_ = journal;
    s.sim_ = std::make_unique<Simulation>(in.scenario, run_options(in));
    if (auto d = replay_entries(*s.sim_, kept)) {
        if (error)
            *error = parent.string() + ":" + std::to_string(d->line) + ": entry " +
                     std::to_string(d->entry) + ": " + d->what.en;
        return std::nullopt;
    }
    JournalHeader h = journal_header_for(in, journal);
    h.parent = relative_to(parent, journal);
    h.parent_entry = after_entry;
    auto writer = JournalWriter::create(journal, h, error);
    if (!writer) return std::nullopt;
    s.writer_ = std::move(writer);
    s.header_ = h;
    for (JournalEntry e : kept) {
        e.line = 0;
        if (!s.write(std::move(e), error)) return std::nullopt;
    }
    s.changes_seen_ = s.sim_->changes().size();
    return s;
}

bool LiveSession::write(JournalEntry e, std::string* error) {
    e.ordinal = next_entry_;
    if (!writer_->append(e, error)) return false;
    ++next_entry_;
    written_.push_back(std::move(e));
    return true;
}

bool LiveSession::record_fired(std::string* error) {
    const auto& ch = sim_->changes();
    for (; changes_seen_ < ch.size(); ++changes_seen_) {
        const AppliedChange& a = ch[changes_seen_];
        if (a.source == ChangeSource::Api) continue; // journaled before it applied
        JournalEntry e;
        e.source = a.source == ChangeSource::Scripted ? EntrySource::ScriptedFired
                                                      : EntrySource::TriggerFired;
        e.stamp = a.outcome.stamp;
        e.change = a.change;
        e.inject_id = a.inject_id;
        e.refused = !a.outcome.applied();
        if (e.refused) e.refusal = describe_refusal(*a.outcome.refusal);
        if (!write(std::move(e), error)) return false;
    }
    return true;
}

LiveSession::Decided LiveSession::decide(const Change& change, EntrySource source,
                                         const std::string& author, const std::string& text,
                                         std::string* error) {
    Decided d;
    if (!applies_change(source) || !record_fired(error)) return d;
    // Checked on a fork first: a change the engine refuses is journaled as refused, with its
    // reason, and never applied (replays and counterfactuals pass over it).
    ChangeOutcome checked = check(change);
    if (checked.refusal) {
        d.journaled = record_refused(change, source, author, text, *checked.refusal, error);
        d.outcome = std::move(checked);
        return d;
    }
    JournalEntry e;
    e.source = source;
    e.stamp = sim_->next_stamp();
    e.change = change;
    e.author = author;
    e.text = text;
    const std::uint64_t ordinal = next_entry_;
    if (!write(std::move(e), error)) return d; // not journaled: not applied
    d.journaled = true;
    d.outcome = sim_->apply(change, entry_identity(ordinal));
    changes_seen_ = sim_->changes().size();
    return d;
}

bool LiveSession::record_refused(const Change& change, EntrySource source,
                                 const std::string& author, const std::string& text,
                                 const Refusal& refusal, std::string* error) {
    if (!applies_change(source) || !record_fired(error)) return false;
    JournalEntry e;
    e.source = source;
    e.stamp = sim_->next_stamp(); // where it would have applied (nothing is stamped by it)
    e.change = change;
    e.author = author;
    e.text = text;
    e.refused = true;
    e.refusal = describe_refusal(refusal);
    return write(std::move(e), error);
}

bool LiveSession::inject_action(EntrySource source, const std::string& id, SimTime new_time,
                                const std::optional<Change>& change, const std::string& author,
                                std::string* error) {
    if (!record_fired(error)) return false;
    const auto up = sim_->upcoming_injects();
    if (std::none_of(up.begin(), up.end(), [&](const UpcomingInject& u) { return u.id == id; }))
        return false;
    JournalEntry e;
    e.source = source;
    e.stamp = sim_->next_stamp();
    e.inject_id = id;
    e.new_time = new_time;
    e.change = change;
    e.author = author;
    return write(std::move(e), error); // journaled before it takes effect
}

bool LiveSession::skip_inject(const std::string& id, const std::string& author,
                              std::string* error) {
    return inject_action(EntrySource::ScriptedSkipped, id, {}, std::nullopt, author, error) &&
           sim_->skip_inject(id);
}

bool LiveSession::delay_inject(const std::string& id, SimTime at, const std::string& author,
                               std::string* error) {
    return at >= sim_->now() &&
           inject_action(EntrySource::ScriptedDelayed, id, at, std::nullopt, author, error) &&
           sim_->delay_inject(id, at);
}

bool LiveSession::edit_inject(const std::string& id, const Change& change,
                              const std::string& author, std::string* error) {
    return inject_action(EntrySource::ScriptedEdited, id, {}, change, author, error) &&
           sim_->edit_inject(id, change);
}

bool LiveSession::observe(const std::string& author, const std::string& text, std::string* error) {
    return observe(author, text, {}, {}, error);
}

bool LiveSession::observe(const std::string& author, const std::string& text,
                          const std::string& objective, const std::string& rating,
                          std::string* error) {
    if (!rating.empty() && rating != "P" && rating != "S" && rating != "M" && rating != "U") {
        if (error) *error = "the rating '" + rating + "' is not one of P, S, M, U";
        return false;
    }
    if (!record_fired(error)) return false;
    JournalEntry e;
    e.source = EntrySource::Observation;
    e.stamp = sim_->next_stamp();
    e.author = author;
    e.text = text;
    e.objective = objective;
    e.rating = rating;
    return write(std::move(e), error);
}

bool LiveSession::fire_inject_now(const std::string& id, const std::string& author,
                                  std::string* error) {
    if (!delay_inject(id, sim_->now(), author, error)) return false;
    sim_->advance_to(sim_->now()); // the events due now, the inject among them
    return record_fired(error);
}

ChangeOutcome LiveSession::check(const Change& change) const {
    Simulation fork(*sim_);
    return fork.apply(change, entry_identity(next_entry_));
}

bool LiveSession::advance_to(SimTime t, std::string* error) {
    const bool more = sim_->advance_to(t);
    return record_fired(error) && more;
}

bool LiveSession::step(std::string* error) {
    const bool more = sim_->step();
    return record_fired(error) && more;
}

Results LiveSession::finish(std::string* error) {
    Results r = sim_->run();
    record_fired(error);
    return r;
}

} // namespace riposte
