// The plan editor: a draft copy of the open plan (staffing per shift and role, hours and days,
// slots and booking policy, dose allocation shares, mobile teams). After each change the
// structural rules of `validate` (sim/model/validation.cpp) are checked again and the draft is
// written as plan TOML and read back by the loader (what `riposte check` does), both shown
// inline. "Save as" writes the plan TOML (atomically, never over an existing file without
// asking); the saved plan can then be opened and run, or compared with the open plan.
#include "panels.hpp"

#include "riposte/output.hpp"
#include "riposte/plan_toml.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/text/names_texts.hpp"
#include "riposte/text/validation_texts.hpp"

#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace riposte::gui {
namespace {

const ImVec4 pass_colour{0.40f, 0.85f, 0.50f, 1.0f};
const ImVec4 fail_colour{1.0f, 0.45f, 0.40f, 1.0f};
const ImVec4 warn_colour{1.0f, 0.8f, 0.35f, 1.0f};

constexpr Text weekday_texts[] = {Text::WeekdayMon, Text::WeekdayTue, Text::WeekdayWed,
                                  Text::WeekdayThu, Text::WeekdayFri, Text::WeekdaySat,
                                  Text::WeekdaySun};

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The draft copied from the loaded scenario (again when another plan was loaded).
void ensure_draft(const Snapshot& snapshot, PlanEditorState& e) {
    const Scenario* loaded = snapshot.loaded->scenario.get();
    if (e.draft && e.source == loaded) return;
    e = PlanEditorState{};
    if (!loaded) return;
    e.draft = std::make_shared<Scenario>(*loaded);
    e.source = loaded;
    const std::filesystem::path plan = snapshot.loaded->plan_file;
    const std::string suggested =
        (plan.parent_path() / (plan.stem().string() + "-modifie.toml")).string();
    std::copy_n(suggested.begin(), std::min(suggested.size(), e.save_as.size() - 1),
                e.save_as.begin());
}

/// The verdicts of the draft, once per change (not while a field is being dragged or typed).
void check_draft(const Snapshot& snapshot, PlanEditorState& e) {
    if (e.checked == e.version || ImGui::IsAnyItemActive()) return;
    e.checked = e.version;
    e.rules = validate_structure(*e.draft);
    e.difference = plan_difference(e.draft->world, snapshot.loaded->scenario->plan, e.draft->plan);
    e.read_back.clear();
    e.write_error.clear();
    PlanOrigin origin;
    origin.program = "riposte-gui";
    origin.plan_file = snapshot.loaded->plan_file;
    origin.world_file = snapshot.loaded->world_file;
    origin.save_to = snapshot.loaded->plan_file; // read back from the plan's folder
    const PlanText text = plan_to_toml(*e.draft, origin);
    if (!text.ok()) {
        e.write_error = text.error;
        return;
    }
    const std::filesystem::path world = snapshot.loaded->world_file;
    const LoadResult r = load_scenario_text(
        read_text(world), world.filename().string(), text.text,
        std::filesystem::path(e.save_as.data()).filename().string(),
        world.has_parent_path() ? world.parent_path() : std::filesystem::path{"."});
    e.read_back = r.diagnostics.items();
}

bool edit_clock(const char* label, SimTime& t, bool allow_24) {
    const auto s = t.seconds();
    int hm[2] = {static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60)};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (!ImGui::InputInt2(label, hm)) return false;
    hm[0] = std::clamp(hm[0], 0, allow_24 ? 24 : 23);
    hm[1] = std::clamp(hm[1], 0, 59);
    if (hm[0] == 24) hm[1] = 0;
    t = hours(hm[0]) + minutes(hm[1]);
    return true;
}

bool edit_days(const char* id, WeekdayMask& mask, Lang lang) {
    bool changed = false;
    ImGui::PushID(id);
    for (int d = 0; d < 7; ++d) {
        if (d) ImGui::SameLine();
        bool on = (mask >> d) & 1;
        if (ImGui::Checkbox(tr(lang, weekday_texts[d]), &on)) {
            const auto bit = static_cast<WeekdayMask>(1u << d);
            const auto next = static_cast<WeekdayMask>(on ? (mask | bit) : (mask & ~bit));
            if (next != 0) { // never an empty week (the file format has no such value)
                mask = next;
                changed = true;
            }
        }
    }
    ImGui::PopID();
    return changed;
}

bool edit_int(const char* label, int& v, int lo, int hi) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (!ImGui::InputInt(label, &v)) return false;
    v = std::clamp(v, lo, hi);
    return true;
}

bool edit_double(const char* label, double& v, double lo, double hi, const char* format) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (!ImGui::InputDouble(label, &v, 0, 0, format)) return false;
    v = std::clamp(v, lo, hi);
    return true;
}

/// The roles a unit's staff table offers: those of its stations, those staffed, supervision.
std::vector<int> roles_offered(const World& w, const Centre* c, const std::vector<int>& staff) {
    std::vector<int> out;
    for (std::size_t r = 0; r < w.roles.size(); ++r) {
        bool used = r < staff.size() && staff[r] > 0;
        if (c)
            for (const Station& s : c->stations) used = used || s.role == static_cast<int>(r);
        used = used || static_cast<int>(r) == w.supervision_role();
        if (used) out.push_back(static_cast<int>(r));
    }
    return out;
}

bool edit_staff(const Scenario& sc, const Centre* c, Shift* shift, std::vector<int>& staff,
                Lang lang) {
    bool changed = false;
    for (int r : roles_offered(sc.world, c, staff)) {
        const auto ru = static_cast<std::size_t>(r);
        if (ru >= staff.size()) continue;
        const std::string label =
            role_words(sc, r, language_of(lang)) + "##role" + std::to_string(r);
        int v = staff[ru];
        if (edit_int(label.c_str(), v, 0, 500)) {
            staff[ru] = v;
            changed = true;
            // people per station stay consistent: one station of the role takes the change
            if (shift && c) {
                int named = -1, sum = 0;
                for (std::size_t k = 0; k < c->stations.size() && k < shift->station_staff.size();
                     ++k)
                    if (c->stations[k].role == r && shift->station_staff[k] >= 0) {
                        if (named < 0) named = static_cast<int>(k);
                        sum += shift->station_staff[k];
                    }
                if (named >= 0) {
                    auto& first = shift->station_staff[static_cast<std::size_t>(named)];
                    first = std::max(0, first + v - sum);
                    int total = 0;
                    for (std::size_t k = 0; k < c->stations.size(); ++k)
                        if (c->stations[k].role == r && shift->station_staff[k] >= 0)
                            total += shift->station_staff[k];
                    staff[ru] = total;
                }
            }
        }
    }
    return changed;
}

bool edit_centre(Scenario& sc, Centre& c, Lang lang) {
    bool changed = false;
    changed |= edit_days("days", c.weekdays, lang);
    if (!c.continuous) {
        changed |= edit_clock(tr(lang, Text::EditorOpens), c.opens, false);
        ImGui::SameLine();
        changed |= edit_clock(tr(lang, Text::EditorCloses), c.closes, true);
    }
    changed |= edit_int(tr(lang, Text::EditorWaitingRoom), c.waiting_room, 0, 100000);
    if (c.vaccinates()) {
        if (!c.walk_in_only) {
            double slot = static_cast<double>(c.slot_length.seconds()) / 60.0;
            if (edit_double(tr(lang, Text::EditorSlotMinutes), slot, 1, 240, "%.1f")) {
                c.slot_length = SimTime{static_cast<std::int64_t>(slot * 60.0 + 0.5)};
                changed = true;
            }
            changed |= edit_int(tr(lang, Text::EditorDosesPerSlot), c.doses_per_slot, 1, 100);
            changed |=
                edit_double(tr(lang, Text::EditorWalkIns), c.walk_ins_per_hour, 0, 1000, "%.1f");
        }
        changed |= edit_double(tr(lang, Text::EditorAllocation), c.allocation_share, 0, 1, "%.3f");
    }
    ImGui::TextUnformatted(tr(lang, Text::EditorShifts));
    int remove = -1;
    for (std::size_t k = 0; k < c.shifts.size(); ++k) {
        Shift& s = c.shifts[k];
        ImGui::PushID(static_cast<int>(k));
        const std::string title =
            std::string{tr(lang, Text::EditorShift)} + " " + std::to_string(k + 1);
        if (ImGui::TreeNode(title.c_str())) {
            changed |= edit_clock(tr(lang, Text::EditorStart), s.start, false);
            ImGui::SameLine();
            SimTime end = s.end > hours(24) ? s.end - hours(24) : s.end;
            if (edit_clock(tr(lang, Text::EditorEnd), end, true)) {
                s.end = c.continuous && end <= s.start ? end + hours(24) : end;
                changed = true;
            }
            changed |= edit_days("shift_days", s.weekdays, lang);
            ImGui::TextDisabled("%s", tr(lang, Text::EditorStaff));
            changed |= edit_staff(sc, &c, &s, s.staff, lang);
            if (c.shifts.size() > 1 && ImGui::SmallButton(tr(lang, Text::EditorRemoveShift)))
                remove = static_cast<int>(k);
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    if (remove >= 0) {
        c.shifts.erase(c.shifts.begin() + remove);
        changed = true;
    }
    if (!c.shifts.empty() && ImGui::SmallButton(tr(lang, Text::EditorAddShift))) {
        c.shifts.push_back(c.shifts.back());
        changed = true;
    }
    return changed;
}

bool edit_team(Scenario& sc, MobileTeam& m, Lang lang) {
    bool changed = false;
    changed |= edit_days("days", m.weekdays, lang);
    changed |= edit_clock(tr(lang, Text::EditorStart), m.start, false);
    ImGui::SameLine();
    changed |= edit_clock(tr(lang, Text::EditorEnd), m.end, true);
    changed |= edit_double(tr(lang, Text::EditorAllocation), m.allocation_share, 0, 1, "%.3f");
    ImGui::TextDisabled("%s", tr(lang, Text::EditorStaff));
    changed |= edit_staff(sc, nullptr, nullptr, m.staff, lang);
    return changed;
}

void draw_rules(const PlanEditorState& e, Lang lang) {
    const Language language = language_of(lang);
    ImGui::TextUnformatted(tr(lang, Text::EditorRules));
    for (const RuleVerdict& r : e.rules.rules) {
        const ImVec4 colour = !r.pass ? fail_colour : r.warning ? warn_colour : pass_colour;
        const Text word = !r.pass ? Text::RuleFail : r.warning ? Text::RuleWarn : Text::RulePass;
        const std::string title = text::name_in(text::rule_titles, r.id, language);
        const std::string measured =
            text::phrase_text(language, r.measured_phrase.id, r.measured_phrase.args, r.measured);
        ImGui::TextColored(colour, "[%s]", tr(lang, word));
        ImGui::SameLine();
        ImGui::TextWrapped("%s — %s", title.c_str(), measured.c_str());
        if (r.pass && !r.warning) continue;
        for (std::size_t k = 0; k < r.where_phrases.size() && k < 5; ++k) {
            const Phrase& p = r.where_phrases[k];
            const std::string where =
                text::phrase_text(language, p.id, p.args, k < r.where.size() ? r.where[k] : "");
            ImGui::BulletText("%s", where.c_str());
        }
    }
    ImGui::TextUnformatted(tr(lang, Text::EditorReadBack));
    if (!e.write_error.empty()) {
        ImGui::TextColored(fail_colour, "%s %s", tr(lang, Text::EditorCannotWrite),
                           e.write_error.c_str());
        return;
    }
    if (e.read_back.empty())
        ImGui::TextColored(pass_colour, "%s", tr(lang, Text::EditorReadBackOk));
    for (const Diagnostic& d : e.read_back)
        ImGui::TextColored(d.severity == Severity::Error ? fail_colour : warn_colour, "%s",
                           d.message.c_str());
}

void draw_save(const Snapshot& snapshot, UiState& ui, Commands& commands) {
    PlanEditorState& e = ui.editor;
    const Lang lang = ui.lang;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.65f);
    ImGui::InputText("##save_as", e.save_as.data(), e.save_as.size());
    ImGui::SameLine();
    const std::string file{e.save_as.data()};
    ImGui::BeginDisabled(file.empty() || !e.write_error.empty());
    if (ImGui::Button(tr(lang, Text::EditorSaveAs))) {
        std::error_code ec;
        if (std::filesystem::exists(file, ec))
            e.confirm = true;
        else
            commands.push(SavePlan{file, false});
    }
    ImGui::EndDisabled();
    if (e.confirm) {
        std::error_code ec;
        const bool original = std::filesystem::equivalent(file, snapshot.loaded->plan_file, ec);
        ImGui::TextColored(warn_colour, "%s",
                           tr(lang, original ? Text::EditorExistsOriginal : Text::EditorExists));
        if (ImGui::Button(tr(lang, Text::EditorReplace))) {
            commands.push(SavePlan{file, true});
            e.confirm = false;
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, Text::EditorCancel))) e.confirm = false;
    }
    if (!e.message.empty()) ImGui::TextWrapped("%s", e.message.c_str());
    if (!e.saved_file.empty()) {
        if (ImGui::Button(tr(lang, Text::EditorRunSaved))) commands.push(OpenPlan{e.saved_file});
        ImGui::SameLine();
        if (ImGui::Button(tr(lang, Text::EditorCompareSaved)))
            commands.push(StartCompare{{snapshot.loaded->plan_file.string(), e.saved_file},
                                       ui.compare_replications,
                                       ui.seed});
    }
}

} // namespace

void draw_editor_panel(const Snapshot& snapshot, UiState& ui, Commands& commands) {
    const Lang lang = ui.lang;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float side = side_panel_width(ui, display.x);
    const float top = menu_bar_height(ui) + panel_margin;
    ImGui::SetNextWindowPos({panel_margin, top}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({std::max(side * 1.4f, 420.0f), display.y - top - panel_margin},
                             ImGuiCond_FirstUseEver);
    if (ui.editor_focus) {
        ImGui::SetNextWindowFocus();
        ui.editor_focus = false;
    }
    ImGui::SetNextWindowBgAlpha(1.0f); // opaque over the panels it may cover
    const std::string title = window_title(lang, Text::PanelPlanEditor, "editor");
    if (!ImGui::Begin(title.c_str(), &ui.show_editor)) {
        ImGui::End();
        return;
    }
    PlanEditorState& e = ui.editor;
    ensure_draft(snapshot, e);
    if (!e.draft) {
        ImGui::TextUnformatted(tr(lang, Text::EditorNothing));
        ImGui::End();
        return;
    }
    check_draft(snapshot, e);
    Scenario& sc = *e.draft;
    ImGui::TextUnformatted(sc.plan.name.c_str());
    ImGui::SameLine();
    if (e.difference)
        ImGui::TextColored(warn_colour, "(%s)", tr(lang, Text::EditorModified));
    else
        ImGui::TextDisabled("(%s)", tr(lang, Text::EditorUnchanged));
    if (e.difference && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.difference->c_str());
    if (e.difference) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(lang, Text::EditorReset))) {
            *e.draft = *snapshot.loaded->scenario;
            ++e.version;
        }
    }
    draw_save(snapshot, ui, commands);
    ImGui::Separator();

    bool changed = false;
    if (ImGui::BeginChild("editor_body", {0, ImGui::GetContentRegionAvail().y * 0.62f}, false)) {
        if (ImGui::CollapsingHeader(tr(lang, Text::EditorBooking),
                                    ImGuiTreeNodeFlags_DefaultOpen)) {
            changed |=
                edit_int(tr(lang, Text::EditorHorizon), sc.plan.booking.horizon_days, 1, 365);
            changed |= edit_double(tr(lang, Text::EditorOverbooking), sc.plan.booking.overbooking,
                                   0, 1, "%.2f");
        }
        if (ImGui::CollapsingHeader(tr(lang, Text::EditorCentres),
                                    ImGuiTreeNodeFlags_DefaultOpen)) {
            for (std::size_t i = 0; i < sc.plan.centres.size(); ++i) {
                Centre& c = sc.plan.centres[i];
                ImGui::PushID(static_cast<int>(i));
                if (ImGui::TreeNode(c.name.c_str())) {
                    changed |= edit_centre(sc, c, lang);
                    ImGui::TreePop();
                }
                ImGui::PopID();
            }
        }
        if (!sc.plan.mobile_teams.empty() && ImGui::CollapsingHeader(tr(lang, Text::EditorTeams))) {
            for (std::size_t i = 0; i < sc.plan.mobile_teams.size(); ++i) {
                ImGui::PushID(static_cast<int>(1000 + i));
                if (ImGui::TreeNode(sc.plan.mobile_teams[i].name.c_str())) {
                    changed |= edit_team(sc, sc.plan.mobile_teams[i], lang);
                    ImGui::TreePop();
                }
                ImGui::PopID();
            }
        }
    }
    ImGui::EndChild();
    if (changed) ++e.version;
    ImGui::Separator();
    if (ImGui::BeginChild("editor_rules", {0, 0}, false)) draw_rules(e, lang);
    ImGui::EndChild();
    ImGui::End();
}

} // namespace riposte::gui
