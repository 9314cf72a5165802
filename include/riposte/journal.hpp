#pragma once
// The journal of a live session (DESIGN.md "The journal", SPEC §2): append-only, one TOML
// [[entry]] block per change applied live, written and fsync'ed before the change takes effect.
// Its header binds it to its inputs (SHA-256 of world, plan and exercise, the seed as text).
// Reading gives file:line:column diagnostics and drops a torn last entry with a warning.
#include "riposte/core/sha256.hpp"
#include "riposte/diagnostics.hpp"
#include "riposte/intervention.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riposte {

struct JournalHeader {
    int version = 1;
    /// Paths of the inputs relative to the journal's folder, and their SHA-256 (hex).
    std::string world, plan, exercise;
    std::string world_sha256, plan_sha256, exercise_sha256;
    std::uint64_t seed = 1; ///< written as text, never through a double
    int replication = 0;
    /// A rewind or what-if branch: the parent journal (relative path) and the entry ordinal
    /// (1-based) after which this branch starts; empty / 0 for a root journal.
    std::string parent;
    std::uint64_t parent_entry = 0;
};

enum class EntrySource : std::uint8_t {
    Decision,        ///< a players' decision (applied, or a message only)
    AdHocInject,     ///< an inject fired by the facilitator from a form
    ScriptedFired,   ///< a scripted inject of the exercise fired (for the record)
    ScriptedSkipped, ///< the facilitator skipped a scripted inject
    ScriptedDelayed, ///< the facilitator moved a scripted inject to `new_time`
    ScriptedEdited,  ///< the facilitator edited a scripted inject before it fired (`change`)
    TriggerFired,    ///< a conditional inject fired (for the record)
    Observation,     ///< an evaluator's observation (text only)
};

struct JournalEntry {
    std::uint64_t ordinal = 0; ///< 1-based position in the journal
    EntrySource source = EntrySource::Decision;
    ChangeStamp stamp;            ///< where it applies (time, event ordinal, order)
    std::optional<Change> change; ///< what it does (none for observations and skips)
    std::string inject_id;        ///< scripted / triggered inject concerned
    SimTime new_time;             ///< ScriptedDelayed: the new firing time
    std::string author;           ///< "décidé par": a role such as "référent SSE"
    std::string text;             ///< text for players / the decision as written
    std::string notes;            ///< controllers' notes
    std::string objective;        ///< Observation: the objective it is about (its id), if any
    std::string rating;           ///< Observation: HSEEP rating "P", "S", "M" or "U", if any
    bool refused = false;         ///< the engine refused it (recorded, not applied)
    std::string refusal;          ///< why, as shown
    int line = 0;                 ///< line of its [[entry]] in the file (diagnostics)
};

/// A decision or an ad-hoc inject the engine refused when it was taken: journaled with its
/// reason for the record (main courante, RETEX), never applied, in a replay neither.
inline bool is_refused_decision(const JournalEntry& e) {
    return e.refused && (e.source == EntrySource::Decision || e.source == EntrySource::AdHocInject);
}

struct Journal {
    std::filesystem::path file;
    JournalHeader header;
    std::vector<JournalEntry> entries;
};

struct JournalReadResult {
    std::optional<Journal> journal; ///< set unless the file is unusable (bad header, ...)
    Diagnostics diagnostics;        ///< a torn last entry is a warning, not an error
};

/// Reads a journal; a torn last entry (cut before its end line: a crash while writing it) is
/// dropped with a warning. Any other problem is an error naming its line, and leaves
/// `journal` unset.
JournalReadResult read_journal(const std::filesystem::path& file);
/// Same, from text in memory (`name` is used in diagnostics).
JournalReadResult read_journal_text(std::string_view text, std::string name);

/// The stable names of the entry sources ("decision", "adhoc_inject", ...), as written in the
/// journal's `source` key.
const char* entry_source_name(EntrySource source);

/// The header block as the writer writes it (ends with the line "# end of header").
std::string journal_header_to_toml(const JournalHeader& header);
/// One entry block as the writer writes it (a blank line, [[entry]], its keys, and the line
/// "# end of entry N" that marks it complete).
std::string journal_entry_to_toml(const JournalEntry& entry);

/// A header for a journal at `journal`: the inputs' paths relative to the journal's folder and
/// their SHA-256 (`exercise` may be empty).
JournalHeader make_journal_header(const std::filesystem::path& journal,
                                  const std::filesystem::path& world,
                                  const std::filesystem::path& plan,
                                  const std::filesystem::path& exercise, std::uint64_t seed,
                                  int replication);

/// Appends entries to a journal file, each fsync'ed before append() returns.
class JournalWriter {
  public:
    /// Creates `file` with `header` (fails if it exists), or, with `resume`, opens an existing
    /// journal for appending after checking its header matches.
    static std::optional<JournalWriter> create(const std::filesystem::path& file,
                                               const JournalHeader& header, std::string* error);
    /// Resuming drops a torn last entry (truncates the file after the last complete one).
    static std::optional<JournalWriter> resume(const std::filesystem::path& file,
                                               std::string* error);
    /// Same, and fails unless the journal's header is exactly `expected`'s.
    static std::optional<JournalWriter> resume(const std::filesystem::path& file,
                                               const JournalHeader& expected, std::string* error);
    JournalWriter(JournalWriter&&) noexcept;
    JournalWriter& operator=(JournalWriter&&) noexcept;
    ~JournalWriter();
    /// Writes one [[entry]] block and fsyncs it; returns false (with `error`) on failure, after
    /// cutting the file back to its last complete entry. The entry's ordinal is the next one
    /// (an `entry.ordinal` other than 0 must be it).
    bool append(const JournalEntry& entry, std::string* error);
    [[nodiscard]] std::uint64_t entries_written() const { return count_; }

  private:
    JournalWriter() = default;
    int fd_ = -1;
    std::uint64_t count_ = 0;
    std::uint64_t size_ = 0; ///< bytes of the file up to its last complete entry
};

} // namespace riposte
