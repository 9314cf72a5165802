// The exercise editor's window (gui/exercise_editor.hpp): the chronogramme as a timeline of the
// scripted injects, the lists of injects, conditional injects and objectives, the selected
// block's form, the stress library, and "Enregistrer" (atomic, only a file riposte check
// accepts).
#include "exercise_editor.hpp"
#include "panels.hpp"

#include "riposte/change_toml.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace riposte::gui {
namespace {

const ImVec4 colour_problem{1.0f, 0.45f, 0.4f, 1.0f};
const ImVec4 colour_ok{0.45f, 0.85f, 0.5f, 1.0f};

/// Marker colours: the world changes (injects), the plan changes (decisions), a message.
ImU32 marker_colour(const Change& c) {
    if (std::holds_alternative<Message>(c)) return IM_COL32(150, 150, 150, 255);
    if (is_inject(c)) return IM_COL32(230, 120, 20, 255);
    return IM_COL32(40, 110, 220, 255);
}

void draw_timeline(ExerciseEditor& ed, int n_days, Lang lang) {
    ImGui::TextUnformatted(tr(lang, Text::EdTimeline));
    ImGui::TextDisabled("%s", tr(lang, Text::EdLegend));
    const float height = 70;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
    ImGui::InvisibleButton("timeline", ImVec2(width, height));
    const bool clicked = ImGui::IsItemClicked();
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                      IM_COL32(30, 34, 42, 255));
    const float left = origin.x + 8, right = origin.x + width - 8;
    const float axis = origin.y + height - 18;
    const double span = std::max(1, n_days) * 86400.0;
    auto x_of = [&](SimTime t) {
        return left + static_cast<float>(static_cast<double>(t.seconds()) / span) * (right - left);
    };
    dl->AddLine(ImVec2(left, axis), ImVec2(right, axis), IM_COL32(200, 200, 200, 255));
    const int step = n_days > 28 ? 7 : 1;
    for (int d = 0; d <= n_days; d += step) {
        const float x = x_of(days(d));
        dl->AddLine(ImVec2(x, axis - 4), ImVec2(x, axis + 4), IM_COL32(200, 200, 200, 255));
        const std::string label = "J" + std::to_string(d);
        if (d < n_days)
            dl->AddText(ImVec2(x + 2, axis + 3), IM_COL32(200, 200, 200, 255), label.c_str());
    }
    ed.marker_at.clear();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered_inject = -1;
    float best = 9;
    // injects at the same moment stack upwards
    SimTime last_at = SimTime::max();
    int stack = 0;
    for (std::size_t k = 0; k < ed.exercise.injects.size(); ++k) {
        const ScriptedInject& in = ed.exercise.injects[k];
        stack = in.at == last_at ? stack + 1 : 0;
        last_at = in.at;
        const float x = x_of(in.at);
        const float y = axis - 14 - 13.0f * static_cast<float>(stack % 3);
        const bool selected =
            ed.selected == ExerciseEditor::Block::Inject && ed.index == static_cast<int>(k);
        dl->AddLine(ImVec2(x, y), ImVec2(x, axis), marker_colour(in.change));
        dl->AddCircleFilled(ImVec2(x, y), selected ? 7.0f : 5.5f, marker_colour(in.change));
        if (selected) dl->AddCircle(ImVec2(x, y), 9.0f, IM_COL32(255, 255, 255, 255), 0, 2.0f);
        ed.marker_at.push_back({x, y});
        const float d = std::hypot(mouse.x - x, mouse.y - y);
        if (hovered && d < best) {
            best = d;
            hovered_inject = static_cast<int>(k);
        }
    }
    if (hovered_inject >= 0) {
        const ScriptedInject& in = ed.exercise.injects[static_cast<std::size_t>(hovered_inject)];
        ImGui::SetTooltip("%s  [%s]  %s\n%s", format_day_time(in.at).c_str(), in.id.c_str(),
                          change_kind_name(in.change), in.text.c_str());
        if (clicked) editor_select(ed, ExerciseEditor::Block::Inject, hovered_inject);
    }
}

template <typename T, typename Label>
void block_list(ExerciseEditor& ed, const char* id, ExerciseEditor::Block block,
                const std::vector<T>& items, Label label) {
    ImGui::PushID(id);
    if (ImGui::BeginListBox("##list", ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 6))) {
        for (std::size_t k = 0; k < items.size(); ++k) {
            const bool selected = ed.selected == block && ed.index == static_cast<int>(k);
            const std::string text = label(items[k]);
            ImGui::PushID(static_cast<int>(k));
            if (ImGui::Selectable(text.c_str(), selected))
                editor_select(ed, block, static_cast<int>(k));
            ImGui::PopID();
        }
        ImGui::EndListBox();
    }
    ImGui::PopID();
}

void draw_form(ExerciseEditor& ed, const Scenario* sc, Lang lang) {
    using Block = ExerciseEditor::Block;
    if (ed.selected == Block::None) return;
    ImGui::Separator();
    ImGui::PushID("form");
    ImGui::InputText(tr(lang, Text::EdId), ed.id.data(), ed.id.size());
    const float lines = ImGui::GetTextLineHeight();
    if (ed.selected == Block::Objective) {
        ImGui::TextUnformatted(tr(lang, Text::EdObjectiveText));
        ImGui::InputTextMultiline("##text", ed.text.data(), ed.text.size(),
                                  ImVec2(-1, lines * 2.5f));
        ImGui::TextUnformatted(tr(lang, Text::EdObserve));
        ImGui::InputTextMultiline("##observe", ed.observe.data(), ed.observe.size(),
                                  ImVec2(-1, lines * 5));
        ImGui::TextUnformatted(tr(lang, Text::EdChecks));
        ImGui::InputTextMultiline("##checks", ed.checks.data(), ed.checks.size(),
                                  ImVec2(-1, lines * 6));
    } else {
        if (ed.selected == Block::Inject)
            ImGui::InputText(tr(lang, Text::InjectTime), ed.at.data(), ed.at.size());
        else {
            ImGui::InputText(tr(lang, Text::EdWhen), ed.when.data(), ed.when.size());
            ImGui::Checkbox(tr(lang, Text::EdOnce), &ed.once);
        }
        ImGui::TextUnformatted(tr(lang, Text::EffectToml));
        ImGui::InputTextMultiline("##change", ed.change.data(), ed.change.size(),
                                  ImVec2(-1, lines * 6));
        ImGui::TextUnformatted(tr(lang, Text::InjectText));
        ImGui::InputTextMultiline("##text", ed.text.data(), ed.text.size(), ImVec2(-1, lines * 3));
        ImGui::TextUnformatted(tr(lang, Text::ControllerNotes));
        ImGui::InputTextMultiline("##notes", ed.notes.data(), ed.notes.size(),
                                  ImVec2(-1, lines * 3));
    }
    if (ImGui::Button(tr(lang, Text::EdApply))) editor_apply(ed, sc, lang);
    ImGui::SameLine();
    if (ImGui::Button(tr(lang, Text::EdRemove))) editor_remove(ed);
    ImGui::PopID();
}

} // namespace

void draw_exercise_editor(const Snapshot& s, ExerciseEditor& ed, Lang lang) {
    const Scenario* sc = s.loaded && s.loaded->scenario ? s.loaded->scenario.get() : nullptr;
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const float width = std::min(1000.0f, size.x - 40);
    ImGui::SetNextWindowSize(ImVec2(width, size.y - 80), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(std::max(20.0f, size.x - width - 20), 40),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(1.0f); // a form to read, not an overlay on the map
    if (!ImGui::Begin(window_title(lang, Text::PanelEditor, "editor").c_str(), &ed.open)) {
        ImGui::End();
        return;
    }
    using Block = ExerciseEditor::Block;
    ImGui::InputText(tr(lang, Text::EdFile), ed.path.data(), ed.path.size());
    ImGui::SameLine();
    if (ImGui::Button(tr(lang, Text::EdSave))) editor_save(ed, sc, lang);
    if (ed.dirty)
        ImGui::TextDisabled("%s", tr(lang, Text::EdUnsaved));
    else if (!ed.status.empty())
        ImGui::TextColored(colour_ok, "%s %s", tr(lang, Text::EdSaved), ed.status.c_str());
    if (!ed.problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour_problem);
        ImGui::TextWrapped("%s", ed.problem.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::InputText(tr(lang, Text::EdName), ed.name.data(), ed.name.size());
    ImGui::TextUnformatted(tr(lang, Text::EdSynopsis));
    ImGui::InputTextMultiline("##synopsis", ed.synopsis.data(), ed.synopsis.size(),
                              ImVec2(-1, ImGui::GetTextLineHeight() * 2.5f));
    ImGui::Separator();
    draw_timeline(ed, sc ? sc->world.days : 28, lang);

    // the stress library: a starting point
    if (!ed.library.empty()) {
        ed.library_pick = std::clamp(ed.library_pick, 0, static_cast<int>(ed.library.size()) - 1);
        const std::string pick =
            ed.library[static_cast<std::size_t>(ed.library_pick)].filename().string();
        ImGui::SetNextItemWidth(260);
        if (ImGui::BeginCombo(tr(lang, Text::EdLibrary), pick.c_str())) {
            for (std::size_t k = 0; k < ed.library.size(); ++k)
                if (ImGui::Selectable(ed.library[k].filename().string().c_str(),
                                      static_cast<int>(k) == ed.library_pick))
                    ed.library_pick = static_cast<int>(k);
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, Text::EdAddLibrary)))
            editor_add_from_library(ed, ed.library[static_cast<std::size_t>(ed.library_pick)]);
    }

    const SimTime now = s.frame ? s.frame->state.now : SimTime{};
    const SimTime next_hour = SimTime{(now.seconds() / 3600 + 1) * 3600};
    if (ImGui::BeginTable("blocks", 3, ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(lang, Text::EdInjects));
        block_list(ed, "injects", Block::Inject, ed.exercise.injects, [](const ScriptedInject& in) {
            return format_day_time(in.at) + "  " + in.id + "  (" + change_kind_name(in.change) +
                   ")";
        });
        if (ImGui::SmallButton((std::string(tr(lang, Text::EdAdd)) + "##inj").c_str()))
            editor_add(ed, Block::Inject, next_hour);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(lang, Text::EdTriggers));
        block_list(ed, "triggers", Block::Trigger, ed.exercise.triggers,
                   [](const TriggeredInject& t) {
                       return t.id + "  (" + change_kind_name(t.change) + ")";
                   });
        if (ImGui::SmallButton((std::string(tr(lang, Text::EdAdd)) + "##trig").c_str()))
            editor_add(ed, Block::Trigger, next_hour);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(lang, Text::EdObjectives));
        block_list(
            ed, "objectives", Block::Objective, ed.exercise.objectives, [](const Objective& o) {
                return o.id + " — " + o.text + " (" + std::to_string(o.observations.size()) + ")";
            });
        if (ImGui::SmallButton((std::string(tr(lang, Text::EdAdd)) + "##obj").c_str()))
            editor_add(ed, Block::Objective, next_hour);
        ImGui::EndTable();
    }
    draw_form(ed, sc, lang);
    ImGui::End();
}

} // namespace riposte::gui
