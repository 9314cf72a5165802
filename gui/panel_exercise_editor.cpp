// The exercise editor's window (gui/exercise_editor.hpp): the chronogramme as a timeline of the
// scripted injects and, in a lane of their own, the conditional injects (a band over the window
// where each can fire, a diamond at its earliest moment), the lists of injects, conditional
// injects and objectives, the selected block's form (the change and the condition through
// structured fields, change_form.hpp; the TOML text as an "advanced" toggle), undo/redo (Edit
// menu, Ctrl+Z / Ctrl+Y), the stress library, and "Enregistrer" (atomic, only a file riposte
// check accepts).
#include "change_form.hpp"
#include "exercise_editor.hpp"
#include "fit.hpp"
#include "panels.hpp"

#include "riposte/change_toml.hpp"
#include "riposte/exercise_toml.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>
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

void record(ExerciseEditor& ed, const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    for (auto& w : ed.widget_at)
        if (w.first == name) {
            w.second = {a.x, a.y, b.x - a.x, b.y - a.y};
            return;
        }
    ed.widget_at.push_back({name, {a.x, a.y, b.x - a.x, b.y - a.y}});
}

void draw_timeline(ExerciseEditor& ed, const Scenario* sc, int n_days, Lang lang) {
    ImGui::TextUnformatted(tr(lang, Text::EdTimeline));
    ImGui::TextDisabled("%s", tr(lang, Text::EdLegend));
    const float row = 12.0f;
    const int trigger_rows = std::max(1, static_cast<int>(ed.exercise.triggers.size()));
    const float scripted_h = 70;
    const float height = scripted_h + 10 + row * static_cast<float>(trigger_rows) + 8;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
    ImGui::InvisibleButton("timeline", ImVec2(width, height));
    const bool clicked = ImGui::IsItemClicked();
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                      IM_COL32(30, 34, 42, 255));
    const float label_w = ImGui::CalcTextSize(tr(lang, Text::EdTriggerLane)).x + 12;
    const float left = origin.x + label_w, right = origin.x + width - 8;
    const float axis = origin.y + scripted_h - 18;
    const float lane_top = origin.y + scripted_h + 6;
    const double span = std::max(1, n_days) * 86400.0;
    auto x_of = [&](SimTime t) {
        const double f = std::clamp(static_cast<double>(t.seconds()) / span, 0.0, 1.0);
        return left + static_cast<float>(f) * (right - left);
    };
    // lane names and the conditional lane's background
    dl->AddText(ImVec2(origin.x + 4, axis - 30), IM_COL32(170, 170, 170, 255),
                tr(lang, Text::EdScriptedLane));
    dl->AddRectFilled(ImVec2(left, lane_top - 2),
                      ImVec2(right, lane_top + row * static_cast<float>(trigger_rows) + 2),
                      IM_COL32(40, 44, 56, 255));
    dl->AddText(ImVec2(origin.x + 4, lane_top - 2), IM_COL32(170, 170, 170, 255),
                tr(lang, Text::EdTriggerLane));
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
    ed.trigger_at.clear();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered_inject = -1, hovered_trigger = -1;
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
    // conditional injects: one row each, a band over the window where they can fire and a
    // diamond at the earliest moment (a date: the diamond alone)
    for (std::size_t k = 0; k < ed.exercise.triggers.size(); ++k) {
        const TriggeredInject& t = ed.exercise.triggers[k];
        const TriggerWindow w = trigger_window(t, sc, n_days);
        const float y = lane_top + row * (static_cast<float>(k) + 0.5f);
        const float x0 = x_of(w.earliest), x1 = x_of(w.end);
        const ImU32 colour = marker_colour(t.change);
        const ImU32 band = (colour & 0x00FFFFFFu) | (0x55u << IM_COL32_A_SHIFT);
        if (t.when.kind != Condition::Kind::At)
            dl->AddRectFilled(ImVec2(x0, y - 3), ImVec2(x1, y + 3), band, 2.0f);
        const bool selected =
            ed.selected == ExerciseEditor::Block::Trigger && ed.index == static_cast<int>(k);
        const float r = selected ? 7.0f : 5.5f;
        dl->AddQuadFilled(ImVec2(x0, y - r), ImVec2(x0 + r, y), ImVec2(x0, y + r),
                          ImVec2(x0 - r, y), colour);
        if (selected)
            dl->AddQuad(ImVec2(x0, y - r - 3), ImVec2(x0 + r + 3, y), ImVec2(x0, y + r + 3),
                        ImVec2(x0 - r - 3, y), IM_COL32(255, 255, 255, 255), 2.0f);
        ed.trigger_at.push_back({x0, y});
        const bool on_band = t.when.kind != Condition::Kind::At && mouse.x >= x0 && mouse.x <= x1 &&
                             std::fabs(mouse.y - y) <= row / 2;
        const float d = std::hypot(mouse.x - x0, mouse.y - y);
        if (hovered && (d < best || (on_band && hovered_inject < 0 && hovered_trigger < 0))) {
            best = std::min(best, d);
            hovered_trigger = static_cast<int>(k);
            hovered_inject = -1;
        }
    }
    if (hovered_inject >= 0) {
        const ScriptedInject& in = ed.exercise.injects[static_cast<std::size_t>(hovered_inject)];
        ImGui::SetTooltip("%s  [%s]  %s\n%s", format_day_time(in.at).c_str(), in.id.c_str(),
                          change_kind_name(in.change), in.text.c_str());
        if (clicked) editor_select(ed, ExerciseEditor::Block::Inject, hovered_inject);
    } else if (hovered_trigger >= 0) {
        const TriggeredInject& t = ed.exercise.triggers[static_cast<std::size_t>(hovered_trigger)];
        const TriggerWindow w = trigger_window(t, sc, n_days);
        ImGui::SetTooltip("%s %s  [%s]  %s\n%s\n%s", tr(lang, Text::EdEarliest),
                          format_day_time(w.earliest).c_str(), t.id.c_str(),
                          change_kind_name(t.change), condition_to_toml(t.when).c_str(),
                          t.text.c_str());
        if (clicked) editor_select(ed, ExerciseEditor::Block::Trigger, hovered_trigger);
    }
}

/// The trigger's `when` as a form: the condition's kind, its threshold (or date), how long a
/// queue must last, the centre it is read at. Writes `ed.when`.
void draw_when_form(ExerciseEditor& ed, const Scenario* sc, Lang lang) {
    ChangeFields f = split_inline_table(ed.when.data());
    static const char* const keys[] = {"queue_above", "stock_below_days", "at"};
    static const Text labels[] = {Text::EdWhenQueue, Text::EdWhenStock, Text::EdWhenAt};
    int kind = 0;
    for (int k = 0; k < 3; ++k)
        if (f.find(keys[k])) kind = k;
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo(tr(lang, Text::EdWhenKind), tr(lang, labels[kind]))) {
        for (int k = 0; k < 3; ++k)
            if (ImGui::Selectable(tr(lang, labels[k]), k == kind) && k != kind) {
                ChangeFields next;
                next.set(keys[k], k == 2 ? std::string{"\"J1 08:00\""} : std::string{"40"});
                if (const std::string* c = f.find("centre")) next.set("centre", *c);
                f = next;
                kind = k;
                changed = true;
            }
        ImGui::EndCombo();
    }
    std::array<char, 64> buf{};
    const std::string* v = f.find(keys[kind]);
    std::string value = v ? *v : std::string{};
    if (kind == 2) value = toml_unquote(value).value_or(value);
    std::memcpy(buf.data(), value.data(), std::min(value.size(), buf.size() - 1));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::InputText(tr(lang, kind == 2 ? Text::EdAtTime : Text::EdThreshold), buf.data(),
                         buf.size())) {
        f.set(keys[kind], kind == 2 ? toml_quote(buf.data()) : std::string(buf.data()));
        changed = true;
    }
    record(ed, "threshold");
    if (kind == 0) {
        std::array<char, 32> m{};
        const std::string* fm = f.find("for_minutes");
        if (fm) std::memcpy(m.data(), fm->data(), std::min(fm->size(), m.size() - 1));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        if (ImGui::InputText(tr(lang, Text::EdForMinutes), m.data(), m.size())) {
            f.set("for_minutes", m.data());
            changed = true;
        }
    }
    if (sc) {
        const auto choices = centre_choices(sc->plan, false, lang);
        const std::string* c = f.find("centre");
        const std::string current = c ? *c : centre_ref_to_toml(CentreRef::all());
        std::string preview = current;
        for (const CentreChoice& ch : choices)
            if (ch.value == current) preview = ch.label;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
        if (ImGui::BeginCombo(tr(lang, Text::EdWhereRead), preview.c_str())) {
            for (const CentreChoice& ch : choices)
                if (ImGui::Selectable(ch.label.c_str(), ch.value == current)) {
                    f.set("centre",
                          ch.value == centre_ref_to_toml(CentreRef::all()) ? "" : ch.value);
                    changed = true;
                }
            ImGui::EndCombo();
        }
    }
    if (changed) {
        const std::string text = join_inline_table(f);
        std::memset(ed.when.data(), 0, ed.when.size());
        std::memcpy(ed.when.data(), text.data(), std::min(text.size(), ed.when.size() - 1));
    }
}

/// The change of the selected inject or trigger: its form, or its TOML text ("advanced").
void draw_change(ExerciseEditor& ed, const Scenario* sc, bool triggered, Lang lang) {
    ImGui::Checkbox(tr(lang, Text::EdAdvanced), &ed.advanced);
    if (ed.advanced) {
        ImGui::TextUnformatted(tr(lang, Text::EffectToml));
        ImGui::InputTextMultiline("##change", ed.change.data(), ed.change.size(),
                                  ImVec2(-1, ImGui::GetTextLineHeight() * 6));
        return;
    }
    std::string text = ed.change.data();
    if (draw_change_form("change", text, sc, triggered, lang)) {
        std::memset(ed.change.data(), 0, ed.change.size());
        std::memcpy(ed.change.data(), text.data(), std::min(text.size(), ed.change.size() - 1));
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
    // the block's buttons first: the form may be longer than the window
    if (ImGui::Button(tr(lang, Text::EdApply))) editor_apply(ed, sc, lang);
    record(ed, "apply");
    ImGui::SameLine();
    if (ImGui::Button(tr(lang, Text::EdRemove))) {
        editor_remove(ed);
        ImGui::PopID();
        return;
    }
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
        if (ed.selected == Block::Inject) {
            ImGui::InputText(tr(lang, Text::InjectTime), ed.at.data(), ed.at.size());
            if (!parse_day_time(ed.at.data()).value) {
                ImGui::SameLine();
                ImGui::TextColored(colour_problem, "%s", tr(lang, Text::CfBadTime));
            }
        } else {
            if (ed.advanced)
                ImGui::InputText(tr(lang, Text::EdWhen), ed.when.data(), ed.when.size());
            else
                draw_when_form(ed, sc, lang);
            ImGui::Checkbox(tr(lang, Text::EdOnce), &ed.once);
        }
        draw_change(ed, sc, ed.selected == Block::Trigger, lang);
        ImGui::TextUnformatted(tr(lang, Text::InjectText));
        ImGui::InputTextMultiline("##text", ed.text.data(), ed.text.size(), ImVec2(-1, lines * 3));
        ImGui::TextUnformatted(tr(lang, Text::ControllerNotes));
        ImGui::InputTextMultiline("##notes", ed.notes.data(), ed.notes.size(),
                                  ImVec2(-1, lines * 3));
    }
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
    if (!ImGui::Begin(window_title(lang, Text::PanelEditor, "exercise_editor").c_str(), &ed.open,
                      ImGuiWindowFlags_MenuBar)) {
        ImGui::End();
        return;
    }
    using Block = ExerciseEditor::Block;
    if (ImGui::BeginMenuBar()) {
        if (ImGui::BeginMenu(tr(lang, Text::EdEditMenu))) {
            if (ImGui::MenuItem(tr(lang, Text::EdUndo), "Ctrl+Z", false, !ed.undo.empty()))
                editor_undo(ed);
            if (ImGui::MenuItem(tr(lang, Text::EdRedo), "Ctrl+Y", false, !ed.redo.empty()))
                editor_redo(ed);
            ImGui::EndMenu();
        }
        ImGui::EndMenuBar();
    }
    // Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) over the document, when no text field takes them for its
    // own undo
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && io.KeyCtrl &&
        !ImGui::IsAnyItemActive()) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
            if (io.KeyShift)
                editor_redo(ed);
            else
                editor_undo(ed);
        } else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false)) {
            editor_redo(ed);
        }
    }
    ImGui::InputText(tr(lang, Text::EdFile), ed.path.data(), ed.path.size());
    ImGui::SameLine();
    if (ImGui::Button(tr(lang, Text::EdSave))) editor_save(ed, sc, lang);
    record(ed, "save");
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
    if (ImGui::IsItemDeactivatedAfterEdit()) editor_set_meta(ed);
    ImGui::TextUnformatted(tr(lang, Text::EdSynopsis));
    ImGui::InputTextMultiline("##synopsis", ed.synopsis.data(), ed.synopsis.size(),
                              ImVec2(-1, ImGui::GetTextLineHeight() * 2.5f));
    if (ImGui::IsItemDeactivatedAfterEdit()) editor_set_meta(ed);
    ImGui::Separator();
    draw_timeline(ed, sc, sc ? sc->world.days : 28, lang);

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
        if (small_button((std::string(tr(lang, Text::EdAdd)) + "##inj").c_str()))
            editor_add(ed, Block::Inject, next_hour);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(lang, Text::EdTriggers));
        block_list(ed, "triggers", Block::Trigger, ed.exercise.triggers,
                   [](const TriggeredInject& t) {
                       return t.id + "  (" + change_kind_name(t.change) + ")";
                   });
        if (small_button((std::string(tr(lang, Text::EdAdd)) + "##trig").c_str()))
            editor_add(ed, Block::Trigger, next_hour);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(lang, Text::EdObjectives));
        block_list(
            ed, "objectives", Block::Objective, ed.exercise.objectives, [](const Objective& o) {
                return o.id + " — " + o.text + " (" + std::to_string(o.observations.size()) + ")";
            });
        if (small_button((std::string(tr(lang, Text::EdAdd)) + "##obj").c_str()))
            editor_add(ed, Block::Objective, next_hour);
        ImGui::EndTable();
    }
    draw_form(ed, sc, lang);
    ImGui::End();
}

} // namespace riposte::gui
