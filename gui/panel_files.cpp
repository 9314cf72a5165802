// The File menu (open a scenario folder, a plan against the loaded world, a world with the
// loaded plan; recent files), its file dialog built with ImGui (no system dialog), and the
// load-problems panel: a file that does not load leaves the open scenario as it was and its
// problems show as file:line:column: message.
#include "panels.hpp"
#include "user_config.hpp"

#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <string>

namespace riposte::gui {
namespace {

namespace fs = std::filesystem;

void set_field(std::array<char, 1024>& field, const std::string& text) {
    field.fill('\0');
    std::copy_n(text.begin(), std::min(text.size(), field.size() - 1), field.begin());
}

} // namespace

void open_file_dialog(const LoadedScenario& loaded, UiState& ui, int mode) {
    FileDialogState& d = ui.file_dialog;
    d.open = true;
    d.mode = mode;
    const fs::path from = mode == FileDialogState::World ? loaded.world_file : loaded.plan_file;
    std::error_code ec;
    fs::path dir = from.has_parent_path() ? from.parent_path() : fs::current_path(ec);
    if (mode == FileDialogState::Folder && dir.has_parent_path()) dir = dir.parent_path();
    d.dir = fs::absolute(dir, ec).lexically_normal().string();
    set_field(d.path, mode == FileDialogState::Folder ? d.dir : from.string());
}

namespace {

/// What "Open" sends for the dialog's path.
void open_path(const Snapshot& snapshot, UiState& ui, Commands& commands) {
    FileDialogState& d = ui.file_dialog;
    const fs::path p{std::string{d.path.data()}};
    switch (d.mode) {
    case FileDialogState::Folder:
        commands.push(OpenScenario{(p / "world.toml").string(), (p / "plan.toml").string()});
        break;
    case FileDialogState::Plan:
        commands.push(OpenScenario{snapshot.loaded->world_file.string(), p.string()});
        break;
    case FileDialogState::World:
        commands.push(OpenScenario{p.string(), snapshot.loaded->plan_file.string()});
        break;
    }
    d.open = false;
}

} // namespace

void draw_file_menu(const Snapshot& snapshot, UiState& ui, Commands& commands) {
    const Lang lang = ui.lang;
    if (!ImGui::BeginMenu(tr(lang, Text::MenuFile))) return;
    if (ImGui::MenuItem(tr(lang, Text::FileOpenFolder)))
        open_file_dialog(*snapshot.loaded, ui, FileDialogState::Folder);
    if (ImGui::MenuItem(tr(lang, Text::FileOpenPlan)))
        open_file_dialog(*snapshot.loaded, ui, FileDialogState::Plan);
    if (ImGui::MenuItem(tr(lang, Text::FileOpenWorld)))
        open_file_dialog(*snapshot.loaded, ui, FileDialogState::World);
    ImGui::Separator();
    if (ImGui::BeginMenu(tr(lang, Text::FileRecent))) {
        if (ui.recent.empty()) ImGui::TextDisabled("%s", tr(lang, Text::FileNoRecent));
        for (std::size_t i = 0; i < ui.recent.size(); ++i) {
            const auto& [world, plan] = ui.recent[i];
            const fs::path w{world}, p{plan};
            const std::string label = w.parent_path().filename().string() + " — " +
                                      p.filename().string() + "##recent" + std::to_string(i);
            if (ImGui::MenuItem(label.c_str())) commands.push(OpenScenario{world, plan});
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", world.c_str(), plan.c_str());
        }
        ImGui::EndMenu();
    }
    ImGui::EndMenu();
}

void draw_file_dialog(const Snapshot& snapshot, UiState& ui, Commands& commands) {
    FileDialogState& d = ui.file_dialog;
    if (!d.open) return;
    const Lang lang = ui.lang;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const ImVec2 size{std::min(display.x * 0.6f, 760.0f), std::min(display.y * 0.7f, 620.0f)};
    ImGui::SetNextWindowPos({(display.x - size.x) / 2, (display.y - size.y) / 2},
                            ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
    ImGui::SetNextWindowBgAlpha(1.0f);
    ImGui::SetNextWindowFocus();
    const Text title = d.mode == FileDialogState::Folder ? Text::FileDialogFolder
                       : d.mode == FileDialogState::Plan ? Text::FileDialogPlan
                                                         : Text::FileDialogWorld;
    const std::string window = window_title(lang, title, "file_dialog");
    if (!ImGui::Begin(window.c_str(), &d.open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    if (d.listed != d.dir) {
        const DirListing l =
            list_directory(d.dir, d.mode == FileDialogState::Folder ? "/" : ".toml");
        d.names.clear();
        for (const DirEntry& e : l.entries) d.names.push_back(e.folder ? e.name + "/" : e.name);
        d.error = l.error;
        d.listed = d.dir;
    }
    if (ImGui::Button(tr(lang, Text::FileUp))) {
        const fs::path parent = fs::path(d.dir).parent_path();
        if (!parent.empty()) {
            d.dir = parent.string();
            if (d.mode == FileDialogState::Folder) set_field(d.path, d.dir);
        }
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", d.dir.c_str());
    if (!d.error.empty())
        ImGui::TextColored({1.0f, 0.45f, 0.40f, 1.0f}, "%s %s", tr(lang, Text::FileCannotRead),
                           d.error.c_str());
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.2f;
    if (ImGui::BeginChild("entries", {0, -footer}, true)) {
        for (const std::string& name : d.names) {
            const bool folder = !name.empty() && name.back() == '/';
            const fs::path full =
                fs::path(d.dir) / (folder ? name.substr(0, name.size() - 1) : name);
            const bool selected = std::string{d.path.data()} == full.string();
            if (ImGui::Selectable(name.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
                if (folder) {
                    d.dir = full.string();
                    if (d.mode == FileDialogState::Folder) set_field(d.path, d.dir);
                } else {
                    set_field(d.path, full.string());
                    if (ImGui::IsMouseDoubleClicked(0)) open_path(snapshot, ui, commands);
                }
            }
        }
    }
    ImGui::EndChild();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##path", d.path.data(), d.path.size());
    const Text open = d.mode == FileDialogState::Folder ? Text::FileThisFolder : Text::FileOpen;
    ImGui::BeginDisabled(d.path[0] == '\0' || !snapshot.loaded);
    if (ImGui::Button(tr(lang, open))) open_path(snapshot, ui, commands);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr(lang, Text::FileCancel))) d.open = false;
    ImGui::End();
}

void draw_load_problems(const Snapshot& /*snapshot*/, UiState& ui, Commands& /*commands*/) {
    if (!ui.show_load_problems || ui.load_problems.empty()) return;
    const Lang lang = ui.lang;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos({display.x * 0.2f, display.y * 0.25f}, ImGuiCond_Appearing);
    ImGui::SetNextWindowSize({display.x * 0.6f, display.y * 0.4f}, ImGuiCond_Appearing);
    ImGui::SetNextWindowBgAlpha(1.0f);
    const std::string title = window_title(lang, Text::PanelLoadProblems, "load_problems");
    if (!ImGui::Begin(title.c_str(), &ui.show_load_problems)) {
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("%s", tr(lang, Text::LoadProblemsIntro));
    ImGui::Separator();
    for (const std::string& line : ui.load_problems)
        ImGui::TextColored({1.0f, 0.45f, 0.40f, 1.0f}, "%s", line.c_str());
    ImGui::End();
}

} // namespace riposte::gui
