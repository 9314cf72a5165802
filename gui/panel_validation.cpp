// The "Plan validation" panel: the verdict of `validate` for the open plan (ValidateJob):
// the structural rules at once, the plan's targets after N replications run in the background
// as `riposte validate` runs them. Each rule with its measured value and requirement, and where
// it fails; a click on a failing place opens that centre and jumps the run to that day.
#include "fit.hpp"
#include "panels.hpp"

#include "riposte/text/names_texts.hpp"
#include "riposte/text/validation_texts.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace riposte::gui {
namespace {

const ImVec4 pass_colour{0.40f, 0.85f, 0.50f, 1.0f};
const ImVec4 fail_colour{1.0f, 0.45f, 0.40f, 1.0f};
const ImVec4 warn_colour{1.0f, 0.8f, 0.35f, 1.0f};

} // namespace

void draw_validation_panel(const Snapshot& snapshot, UiState& ui, Commands& commands) {
    const Lang lang = ui.lang;
    const Language language = language_of(lang);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float w = side_panel_width(ui, display.x) * 1.3f;
    const float top = menu_bar_height(ui) + panel_margin;
    ImGui::SetNextWindowPos({display.x - w - panel_margin, top}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({w, display.y - top - panel_margin}, ImGuiCond_FirstUseEver);
    if (ui.validation_focus) {
        ImGui::SetNextWindowFocus();
        ui.validation_focus = false;
    }
    ImGui::SetNextWindowBgAlpha(1.0f); // opaque over the panels it may cover
    const std::string title = window_title(lang, Text::PanelValidation, "validation");
    if (!ImGui::Begin(title.c_str(), &ui.show_validation)) {
        ImGui::End();
        return;
    }
    const ValidateView& v = *snapshot.validation;
    const Scenario* sc = snapshot.loaded->scenario.get();
    if (!sc) {
        ImGui::TextUnformatted(tr(lang, Text::EditorNothing));
        ImGui::End();
        return;
    }
    wrapped(sc->plan.name.c_str());
    const bool busy = v.status == ValidateStatus::Running;
    ImGui::BeginDisabled(busy);
    ImGui::TextUnformatted(tr(lang, Text::ValidationRun));
    same_line_if_room(ImGui::GetFontSize() * 7, ImGui::GetStyle().ItemSpacing.x);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (ImGui::InputInt("##reps", &ui.validation_replications))
        ui.validation_replications = std::clamp(ui.validation_replications, 1, 1000);
    same_line_if_room(ImGui::CalcTextSize(tr(lang, Text::ValidationReplications)).x +
                          ImGui::GetStyle().FramePadding.x * 2,
                      ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button(tr(lang, Text::ValidationReplications)))
        commands.push(StartValidate{ui.validation_replications});
    ImGui::EndDisabled();
    if (busy) {
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, Text::ValidationCancel))) commands.push(CancelValidate{});
        const float f =
            v.total > 0 ? static_cast<float>(v.done) / static_cast<float>(v.total) : 0.0f;
        const std::string text = std::to_string(v.done) + " / " + std::to_string(v.total);
        ImGui::ProgressBar(f, {-1, 0}, text.c_str());
    }
    if (v.status == ValidateStatus::Failed) wrapped_coloured(fail_colour, v.error.c_str());
    if (!v.report || v.scenario != sc) {
        ImGui::End();
        return;
    }
    const ValidationReport& report = *v.report;
    if (report.replications > 0)
        wrapped_disabled((std::string{tr(lang, Text::ValidationOver)} + " " +
                          std::to_string(report.replications) + " " +
                          tr(lang, Text::ValidationReplications))
                             .c_str());
    else
        wrapped_disabled(tr(lang, Text::ValidationStructural));
    wrapped_coloured(
        report.all_pass() ? pass_colour : fail_colour,
        tr(lang, report.all_pass() ? Text::ValidationAllPass : Text::ValidationSomeFail));
    wrapped_disabled(tr(lang, Text::ValidationClickHint));
    ImGui::Separator();
    if (ImGui::BeginChild("rules")) {
        for (std::size_t i = 0; i < report.rules.size(); ++i) {
            const RuleVerdict& r = report.rules[i];
            ImGui::PushID(static_cast<int>(i));
            const ImVec4 colour = !r.pass ? fail_colour : r.warning ? warn_colour : pass_colour;
            const Text word = !r.pass     ? Text::RuleFail
                              : r.warning ? Text::RuleWarn
                                          : Text::RulePass;
            ImGui::TextColored(colour, "[%s]", tr(lang, word));
            ImGui::SameLine();
            const std::string rule_title = text::name_in(text::rule_titles, r.id, language);
            wrapped(rule_title.c_str());
            const std::string measured = text::phrase_text(language, r.measured_phrase.id,
                                                           r.measured_phrase.args, r.measured);
            const std::string required = text::phrase_text(language, r.threshold_phrase.id,
                                                           r.threshold_phrase.args, r.threshold);
            ImGui::Indent();
            wrapped(measured.c_str());
            wrapped_disabled(
                (std::string{tr(lang, Text::ValidationRequired)} + " " + required).c_str());
            for (std::size_t k = 0; k < r.where_phrases.size(); ++k) {
                const Phrase& p = r.where_phrases[k];
                const std::string where =
                    text::phrase_text(language, p.id, p.args, k < r.where.size() ? r.where[k] : "");
                const RulePlace place = rule_place(*sc, p);
                ImGui::PushID(static_cast<int>(k));
                if (place.centre >= 0 || place.day >= 0) {
                    ImGui::PushStyleColor(ImGuiCol_Text, r.pass ? warn_colour : fail_colour);
                    if (wrapped_selectable(where.c_str()))
                        commands.push(GoToPlace{place.centre, place.day});
                    ImGui::PopStyleColor();
                } else {
                    wrapped_bullet(where.c_str());
                }
                ImGui::PopID();
            }
            if (r.where_total > static_cast<int>(r.where_phrases.size()))
                wrapped_disabled(
                    ("+ " +
                     std::to_string(r.where_total - static_cast<int>(r.where_phrases.size())) +
                     " " + tr(lang, Text::ValidationMore))
                        .c_str());
            ImGui::Unindent();
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    ImGui::End();
}

} // namespace riposte::gui
