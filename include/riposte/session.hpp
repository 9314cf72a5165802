#pragma once
// A live session (an exercise, a crisis-cell meeting): one replication driven by people, every
// live change journaled and fsync'ed before it takes effect (DESIGN.md "The journal").
// Resuming after a crash, rewinding and replaying are one mechanism: a new Simulation that
// replays a prefix of the journal. A replay that cannot follow the journal stops at the entry
// and names it (a Divergence), never silently.
#include "riposte/diagnostics.hpp"
#include "riposte/exercise.hpp"
#include "riposte/journal.hpp"
#include "riposte/simulation.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace riposte {

struct SessionInputs {
    std::shared_ptr<const Scenario> scenario;
    std::shared_ptr<const Exercise> exercise; ///< may be null
    std::uint64_t seed = 1;
    int replication = 0;
    /// the files, for the journal's header (paths and SHA-256)
    std::filesystem::path world_file, plan_file, exercise_file;
};

/// Where a replay stopped following its journal.
struct Divergence {
    std::uint64_t entry = 0; ///< journal entry ordinal
    int line = 0;            ///< its line in the journal file
    Bilingual what;          ///< what differs, in French and in English
};

/// The random-stream identity of a journal entry's change: the same live and in replay.
std::uint64_t entry_identity(std::uint64_t ordinal);

/// Replays `entries` on `sim` (fresh, with the session's exercise set) in order, stopping
/// before the first entry stamped after `until`. Returns the first divergence, if any.
/// Refused decisions and ad-hoc injects (`refused`) are records only: never applied.
std::optional<Divergence> replay_entries(Simulation& sim, const std::vector<JournalEntry>& entries,
                                         SimTime until = SimTime::max());

/// The header a new journal gets for these inputs (paths relative to the journal's folder).
JournalHeader journal_header_for(const SessionInputs& in, const std::filesystem::path& journal);

/// Checks a journal's header against the inputs; an error message when they differ.
std::optional<Bilingual> check_journal_inputs(const JournalHeader& h, const SessionInputs& in,
                                              const std::filesystem::path& journal);

class LiveSession {
  public:
    /// A new session writing a new journal (refused if the file exists).
    static std::optional<LiveSession>
    start(const SessionInputs& in, const std::filesystem::path& journal, std::string* error);
    /// Rebuilds a session from its journal (after a crash, or to go on later) and appends to
    /// it. A torn last entry is dropped.
    static std::optional<LiveSession>
    resume(const SessionInputs& in, const std::filesystem::path& journal, std::string* error);
    /// A branch (a rewind, a what-if): a new journal at `journal` whose header names `parent`
    /// and `after_entry`, holding the parent's entries 1..after_entry (so that it replays on
    /// its own), rebuilt by replaying them. Refused if `journal` exists.
    static std::optional<LiveSession>
    branch(const SessionInputs& in, const std::filesystem::path& parent, std::uint64_t after_entry,
           const std::filesystem::path& journal, std::string* error);

    /// Journals then applies a decision or an ad-hoc inject. It is checked on a fork first: one
    /// the engine refuses is journaled as refused, with its reason (`record_refused`), and not
    /// applied; `outcome.refusal` says why. `journaled` is false (with `error`) only when the
    /// journal cannot be written: then nothing is applied.
    struct Decided {
        bool journaled = false;
        ChangeOutcome outcome;
    };
    Decided decide(const Change& change, EntrySource source, const std::string& author,
                   const std::string& text, std::string* error);
    /// Journals a decision or an ad-hoc inject the engine refused (checked on a fork first):
    /// recorded as refused with the reason, never applied; replays and counterfactuals pass
    /// over it. False (with `error`) when the journal cannot be written.
    bool record_refused(const Change& change, EntrySource source, const std::string& author,
                        const std::string& text, const Refusal& refusal, std::string* error);
    bool skip_inject(const std::string& id, const std::string& author, std::string* error);
    bool delay_inject(const std::string& id, SimTime at, const std::string& author,
                      std::string* error);
    bool edit_inject(const std::string& id, const Change& change, const std::string& author,
                     std::string* error);
    bool observe(const std::string& author, const std::string& text, std::string* error);
    /// An observation about an objective (its id), rated on the HSEEP scale: "P" performed
    /// without challenges, "S" with some, "M" with major challenges, "U" unable to perform.
    bool observe(const std::string& author, const std::string& text, const std::string& objective,
                 const std::string& rating, std::string* error);
    /// Fires a scripted inject now: moves it to now (journaled as a delay) and runs the events
    /// due now, so that it fires and is journaled. False when no such inject is to come.
    bool fire_inject_now(const std::string& id, const std::string& author, std::string* error);
    /// What `change` would do if decided now, tried on a fork (the session is not touched, the
    /// journal not written): a refusal comes back with its reason.
    [[nodiscard]] ChangeOutcome check(const Change& change) const;
    /// Journals the scripted injects and triggers the engine fired since the last call (the
    /// other calls do it too; a caller that steps sim() itself calls this after).
    bool record_fired(std::string* error = nullptr);

    /// Advancing the run: fired scripted injects and triggers are recorded in the journal.
    bool advance_to(SimTime t, std::string* error = nullptr);
    bool step(std::string* error = nullptr);
    Results finish(std::string* error = nullptr);

    [[nodiscard]] Simulation& sim() { return *sim_; }
    [[nodiscard]] const Simulation& sim() const { return *sim_; }
    [[nodiscard]] std::uint64_t entries() const { return next_entry_ - 1; }
    /// Entries of the journal, as written or replayed.
    [[nodiscard]] const std::vector<JournalEntry>& journal_entries() const { return written_; }
    [[nodiscard]] const std::filesystem::path& journal_file() const { return journal_; }
    /// The journal's header (a branch names its parent and the entry it follows).
    [[nodiscard]] const JournalHeader& header() const { return header_; }
    [[nodiscard]] const SessionInputs& inputs() const { return in_; }

  private:
    LiveSession() = default;
    bool write(JournalEntry e, std::string* error);
    /// Journals a facilitator's action on an upcoming scripted inject (false: no such inject,
    /// or the journal could not be written).
    bool inject_action(EntrySource source, const std::string& id, SimTime new_time,
                       const std::optional<Change>& change, const std::string& author,
                       std::string* error);

    SessionInputs in_;
    std::filesystem::path journal_;
    JournalHeader header_;
    std::unique_ptr<Simulation> sim_;
    std::optional<JournalWriter> writer_;
    std::vector<JournalEntry> written_;
    std::uint64_t next_entry_ = 1;
    std::size_t changes_seen_ = 0; ///< Simulation::changes() already looked at
};

} // namespace riposte
