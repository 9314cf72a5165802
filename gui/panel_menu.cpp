// The main menu bar: panels shown, large font, language, map view.
#include "panels.hpp"

#include <imgui.h>

#include <string>

namespace riposte::gui {

void draw_menu_bar(const Snapshot& snapshot, UiState& ui, Commands& commands) {
    if (!ImGui::BeginMainMenuBar()) return;
    const Lang lang = ui.lang;
    draw_file_menu(snapshot, ui, commands);
    if (ImGui::BeginMenu(tr(lang, Text::MenuView))) {
        ImGui::MenuItem(tr(lang, Text::PanelScenario), nullptr, &ui.show_scenario);
        ImGui::MenuItem(tr(lang, Text::PanelRun), nullptr, &ui.show_run);
        ImGui::MenuItem(tr(lang, Text::PanelCharts), nullptr, &ui.show_charts);
        ImGui::MenuItem(tr(lang, Text::PanelLegend), nullptr, &ui.show_legend);
        if (ImGui::MenuItem(tr(lang, Text::MenuCompare), nullptr, &ui.show_compare) &&
            ui.show_compare)
            ui.compare_focus = true;
        ImGui::MenuItem(tr(lang, Text::MenuPlanEditor), nullptr, &ui.show_editor);
        ImGui::MenuItem(tr(lang, Text::MenuValidation), nullptr, &ui.show_validation);
        if (snapshot.frame->session) {
            ImGui::MenuItem(tr(lang, Text::PanelConsole), nullptr, &ui.show_console);
            ImGui::MenuItem(tr(lang, Text::PanelCourse), nullptr, &ui.show_course);
        }
        ImGui::Separator();
        ImGui::MenuItem(tr(lang, Text::PanelEditor), nullptr, &ui.show_exercise_editor);
        ImGui::MenuItem(tr(lang, Text::LargeFont), nullptr, &ui.large_font);
        if (ImGui::MenuItem(tr(lang, Text::ResetMapView), "R")) commands.push(ResetMapView{});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr(lang, Text::MenuLanguage))) {
        // Each language named in itself.
        if (ImGui::MenuItem(tr(Lang::Fr, Text::LanguageFrench), nullptr, lang == Lang::Fr))
            ui.lang = Lang::Fr;
        if (ImGui::MenuItem(tr(Lang::En, Text::LanguageEnglish), nullptr, lang == Lang::En))
            ui.lang = Lang::En;
        ImGui::EndMenu();
    }
    // Right-aligned: what is loaded, and the frame rate.
    if (snapshot.loaded->scenario) {
        const Scenario& s = *snapshot.loaded->scenario;
        std::string text = s.world.name + " — " + s.plan.name;
        if (snapshot.frames_per_second > 0)
            text += "    " + format_decimal(ui.lang, snapshot.frames_per_second, 0) + " fps";
        const float w = ImGui::CalcTextSize(text.c_str()).x + ImGui::GetStyle().ItemSpacing.x * 2;
        // Only when it fits after the menus.
        if (ImGui::GetWindowWidth() - w > ImGui::GetCursorPosX()) {
            ImGui::SameLine(ImGui::GetWindowWidth() - w);
            ImGui::TextDisabled("%s", text.c_str());
        }
    }
    ImGui::EndMainMenuBar();
}

} // namespace riposte::gui
