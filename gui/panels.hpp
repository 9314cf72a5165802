#pragma once
// One function per panel (ImGui only, no SFML), dispatched from App::draw(). Each reads the
// frame's Snapshot, keeps its state in UiState and asks for changes through Commands.
#include "commands.hpp"
#include "snapshot.hpp"
#include "ui_state.hpp"

#include <string>
#include <vector>

namespace riposte::gui {

void draw_menu_bar(const Snapshot& snapshot, UiState& ui, Commands& commands);
void draw_scenario_panel(const Snapshot& snapshot, UiState& ui, Commands& commands);
void draw_run_panel(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// Live charts of the run (vaccinations, waits, queues, utilisation, coverage, stock, hours).
void draw_charts_panel(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// The centre clicked on the map: stations, queues, staff, shifts, stock and open vial.
void draw_centre_panel(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// The comparison of plans: pick plans, run N replications each (common random numbers), charts
/// side by side and the table of paired differences with their CIs.
void draw_compare_panel(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// The plan editor: staffing per shift and role, hours and days, slots and booking, dose
/// shares, mobile teams; the structural rules checked again at each change; save as.
void draw_editor_panel(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// The verdict of validate for the open plan: structural rules now, targets after N
/// replications; a click on a failing place goes to that centre and day.
void draw_validation_panel(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// The File menu's items (open a scenario folder, a plan, a world; recent files).
void draw_file_menu(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// Opens the file dialog (FileDialogState::Mode) next to the loaded files.
void open_file_dialog(const LoadedScenario& loaded, UiState& ui, int mode);
/// The file dialog (built with ImGui) and the load-problems panel.
void draw_file_dialog(const Snapshot& snapshot, UiState& ui, Commands& commands);
void draw_load_problems(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// Hover ring and tooltip over the SFML map, clicks on it, and the legend window.
void draw_map_overlay(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// The map's texts (inset titles, commune names, centre counts, live queue and staff numbers)
/// on the background layer, none under a window drawn so far this frame: call after the panels.
void draw_map_labels(const Snapshot& snapshot, UiState& ui);

/// The world's population groups, professions and roles as a person reads them (the
/// scenario's display_name, else the string table's words, else the id), in the world's order:
/// what legends, tables and lists show, never the ids.
std::vector<std::string> group_words_of(const Scenario& scenario, Lang lang);
std::vector<std::string> profession_words_of(const Scenario& scenario, Lang lang);
std::vector<std::string> role_words_of(const Scenario& scenario, Lang lang);
/// The map's texts only (inset titles, names, centre counts) for another window's map (the
/// players' screen): brings `cache` up to date with `camera` first; call after its panels.
void draw_map_layer_texts(const LoadedScenario& loaded, MapSceneCache& cache,
                          const MapCamera& camera, Lang lang);

// ---- exercise session (panel_exercise.cpp)
/// The facilitator console: upcoming injects with texts and controller notes, fire now / skip /
/// delay / edit, ad-hoc inject, pause at each inject, run to the next, rewind, observations.
void draw_console_panel(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// The main courante: every journal line (and refused decisions), newest first, filterable.
void draw_course_panel(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// The lines of the main courante, newest first (filter: 0 all, else EntrySource + 1).
void draw_course_lines(const Snapshot& snapshot, Lang lang, int filter);
/// A decision form (players' screen, console): checked by the engine, journaled, applied.
void draw_decision_form(const Snapshot& snapshot, DecisionForm& form, Lang lang,
                        std::uint64_t& next_request, Commands& commands);
/// The players' window: messages received, the objectives' KPIs, the decision form.
void draw_players_panels(const Snapshot& snapshot, PlayersUi& ui, std::uint64_t& next_request,
                         Commands& commands);

} // namespace riposte::gui
