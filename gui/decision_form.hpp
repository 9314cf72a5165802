#pragma once
// The decision form's values → a Change, and the journal's entries → words (main courante,
// players' messages). Plain C++ over the public API (no ImGui, no SFML), so that the tests
// take a decision through the very code the form's button runs.
#include "commands.hpp"
#include "i18n.hpp"
#include "ui_state.hpp"

#include "riposte/exercise.hpp"
#include "riposte/live_run.hpp"
#include "riposte/scenario.hpp"

#include <optional>
#include <string>

namespace riposte::gui {

/// The kinds a decision form offers, in its combo's order.
Text decision_kind_text(int kind);

/// Fills the form's empty fields with sensible values for `now` (from: the next full hour,
/// until: eight hours later; author: "référent SSE"/"SSE referent").
void prefill_decision_form(DecisionForm& form, Lang lang, SimTime now);

/// The change the form describes, or nullopt with `problem` set (a time that does not read, the
/// same centre twice, ...).
std::optional<Change> decision_from_form(const DecisionForm& form, const Scenario& scenario,
                                         Lang lang, std::string* problem);

/// What the form's "Décider" button does: builds the change and pushes a Decide command
/// numbered from `next_request`; false (form.problem set) when the form does not read.
bool submit_decision(DecisionForm& form, const Scenario& scenario, Lang lang,
                     std::uint64_t& next_request, Commands& commands);

/// The ad-hoc inject form's kinds, in its combo's order (the kind names of exercise files).
const char* inject_kind_name(int kind);
/// The inject the form describes, or nullopt with `problem` set. `now` fills an empty until
/// (now + 4 h).
std::optional<Change> inject_from_form(InjectForm& form, const Scenario& scenario, Lang lang,
                                       SimTime now, std::string* problem);

/// The session's reply to `request`, if it has come.
const SessionReply* find_reply(const LiveFrame& frame, std::uint64_t request);

/// Words for a main courante line's source ("Décision", "Stimulus", ...).
Text entry_source_text(EntrySource source);

/// One line of text for a journal entry: the text for players of a fired inject, the wording
/// of a decision (or its kind), an observation's text. `for_players` leaves out controller
/// notes (they are never shown to players).
std::string describe_entry(const JournalEntry& entry, const Exercise* exercise, Lang lang,
                           bool for_players);

/// Whether the players see this line: fired injects (scripted, conditional, ad hoc) and
/// decisions; never what the facilitator did to upcoming injects, nor observations.
bool players_see(const JournalEntry& entry);

} // namespace riposte::gui
