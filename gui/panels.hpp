#pragma once
// One function per panel (ImGui only, no SFML), dispatched from App::draw(). Each reads the
// frame's Snapshot, keeps its state in UiState and asks for changes through Commands.
#include "commands.hpp"
#include "snapshot.hpp"
#include "ui_state.hpp"

namespace riposte::gui {

void draw_menu_bar(const Snapshot& snapshot, UiState& ui, Commands& commands);
void draw_scenario_panel(const Snapshot& snapshot, UiState& ui, Commands& commands);
void draw_run_panel(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// Live charts of the run (vaccinations, waits, queues, utilisation, coverage, stock, hours).
void draw_charts_panel(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// The centre clicked on the map: stations, queues, staff, shifts, stock and open vial.
void draw_centre_panel(const Snapshot& snapshot, UiState& ui, Commands& commands);
/// Labels, hover ring and tooltip over the SFML map, and the legend window.
void draw_map_overlay(const Snapshot& snapshot, UiState& ui, Commands& commands);

} // namespace riposte::gui
