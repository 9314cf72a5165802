// The exercise panels: the facilitator console (upcoming injects, fire / skip / delay / edit,
// ad-hoc inject, pause at each inject, rewind, observations), the main courante, the decision
// form, and the players' screen (messages received, the objectives' KPIs, the decision form).
#include "decision_form.hpp"
#include "fit.hpp"
#include "panels.hpp"

#include "riposte/change_toml.hpp"
#include "riposte/exercise_loader.hpp"
#include "riposte/objectives.hpp"
#include "riposte/output.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace riposte::gui {
namespace {

const ImVec4 colour_refused{1.0f, 0.45f, 0.4f, 1.0f};
const ImVec4 colour_ok{0.45f, 0.85f, 0.5f, 1.0f};
const ImVec4 colour_notes{1.0f, 0.8f, 0.35f, 1.0f};
/// The main courante's filter value for the model's notable events.
constexpr int model_events_filter = 100;

template <std::size_t N> std::string text_of(const std::array<char, N>& buf) {
    return std::string(buf.data(), strnlen(buf.data(), N));
}
template <std::size_t N> void set_text(std::array<char, N>& buf, const std::string& s) {
    const std::size_t n = std::min(s.size(), N - 1);
    std::memcpy(buf.data(), s.data(), n);
    buf[n] = '\0';
}

/// The reply to the last request a form sent: journaled, refused (with why), or an error.
void draw_reply(const LiveFrame& frame, std::uint64_t request, Lang lang) {
    const SessionReply* r = find_reply(frame, request);
    if (!r) return;
    if (r->refusal) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour_refused);
        ImGui::TextWrapped("%s %s", tr(lang, Text::RefusedPrefix),
                           describe_refusal(*r->refusal, lang_code(lang)).c_str());
        ImGui::PopStyleColor();
    } else if (r->journaled) {
        ImGui::TextColored(colour_ok, "%s", tr(lang, Text::Journaled));
    } else if (!r->error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour_refused);
        ImGui::TextWrapped("%s", r->error.c_str());
        ImGui::PopStyleColor();
    }
}

bool centre_combo(const char* label, int& index, const Scenario& sc) {
    const auto& centres = sc.plan.centres;
    if (centres.empty()) return false;
    index = std::clamp(index, 0, static_cast<int>(centres.size()) - 1);
    bool changed = false;
    if (ImGui::BeginCombo(label, centres[static_cast<std::size_t>(index)].name.c_str())) {
        for (std::size_t c = 0; c < centres.size(); ++c) {
            const bool selected = static_cast<int>(c) == index;
            if (ImGui::Selectable(centres[c].name.c_str(), selected)) {
                index = static_cast<int>(c);
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

const Exercise* exercise_of(const Snapshot& s) {
    return s.frame->session && s.frame->session->exercise ? s.frame->session->exercise.get()
                                                          : nullptr;
}

const ScriptedInject* scripted(const Exercise* ex, const std::string& id) {
    if (!ex) return nullptr;
    for (const ScriptedInject& in : ex->injects)
        if (in.id == id) return &in;
    return nullptr;
}

void draw_upcoming(const Snapshot& s, UiState& ui, Commands& commands, Lang lang) {
    const SessionView& session = *s.frame->session;
    const Exercise* ex = exercise_of(s);
    ImGui::TextUnformatted(tr(lang, Text::UpcomingInjects));
    if (session.upcoming.empty()) {
        ImGui::TextDisabled("%s", tr(lang, Text::NoUpcomingInjects));
        return;
    }
    const std::string author = text_of(ui.console.author);
    for (const UpcomingInject& u : session.upcoming) {
        ImGui::PushID(u.id.c_str());
        ImGui::Separator();
        wrapped(
            (format_day_time(u.at) + "  [" + u.id + "]  " + change_kind_name(u.change)).c_str());
        if (const ScriptedInject* in = scripted(ex, u.id)) {
            if (!in->text.empty()) ImGui::TextWrapped("%s", in->text.c_str());
            if (!in->notes.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, colour_notes);
                ImGui::TextWrapped("%s : %s", tr(lang, Text::ControllerNotes), in->notes.c_str());
                ImGui::PopStyleColor();
            }
        }
        if (small_button(tr(lang, Text::FireNow))) {
            InjectAction a{InjectAction::Kind::FireNow, ui.next_request++, u.id, {}, {}, author};
            ui.console.sent = a.request;
            commands.push(std::move(a));
        }
        same_line_for_button(tr(lang, Text::SkipInject));
        if (small_button(tr(lang, Text::SkipInject))) {
            InjectAction a{InjectAction::Kind::Skip, ui.next_request++, u.id, {}, {}, author};
            ui.console.sent = a.request;
            commands.push(std::move(a));
        }
        ImGui::SameLine();
        if (small_button("…")) {
            ui.console.selected = ui.console.selected == u.id ? std::string{} : u.id;
            set_text(ui.console.delay_to, format_day_time(u.at + hours(1)));
            set_text(ui.console.edit, change_to_toml(u.change));
        }
        if (ui.console.selected == u.id) {
            ImGui::SetNextItemWidth(140);
            ImGui::InputText("##delay", ui.console.delay_to.data(), ui.console.delay_to.size());
            ImGui::SameLine();
            if (ImGui::Button(tr(lang, Text::DelayInject))) {
                const TimeText t = parse_day_time(text_of(ui.console.delay_to));
                if (t.value) {
                    InjectAction a{
                        InjectAction::Kind::Delay, ui.next_request++, u.id, *t.value, {}, author};
                    ui.console.sent = a.request;
                    commands.push(std::move(a));
                    ui.console.problem.clear();
                } else {
                    ui.console.problem = std::string{tr(lang, Text::InvalidTime)} + " : " + t.error;
                }
            }
            ImGui::TextUnformatted(tr(lang, Text::EffectToml));
            ImGui::InputTextMultiline("##edit", ui.console.edit.data(), ui.console.edit.size(),
                                      ImVec2(-1, ImGui::GetTextLineHeight() * 6));
            if (ImGui::Button(tr(lang, Text::EditInject))) {
                ChangeParse p = parse_change_toml(text_of(ui.console.edit), "edit", u.at);
                if (p.change) {
                    InjectAction a{
                        InjectAction::Kind::Edit, ui.next_request++, u.id, {}, *p.change, author};
                    ui.console.sent = a.request;
                    commands.push(std::move(a));
                    ui.console.problem.clear();
                } else {
                    ui.console.problem.clear();
                    for (const Diagnostic& d : p.diagnostics.items())
                        ui.console.problem += format_diagnostic(d) + "\n";
                }
            }
        }
        ImGui::PopID();
    }
}

/// A combo over `names` (index `i`, -1 allowed with `none`).
bool name_combo(const char* label, int& i, const std::vector<std::string>& names,
                const char* none = nullptr) {
    if (names.empty()) return false;
    const int lo = none ? -1 : 0;
    i = std::clamp(i, lo, static_cast<int>(names.size()) - 1);
    bool changed = false;
    const char* shown = i < 0 ? none : names[static_cast<std::size_t>(i)].c_str();
    if (ImGui::BeginCombo(label, shown)) {
        if (none && ImGui::Selectable(none, i < 0)) {
            i = -1;
            changed = true;
        }
        for (std::size_t k = 0; k < names.size(); ++k)
            if (ImGui::Selectable(names[k].c_str(), static_cast<int>(k) == i)) {
                i = static_cast<int>(k);
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

void push_adhoc(UiState& ui, Commands& commands, Change change, std::string text) {
    Decide d{ui.next_request++, std::move(change), EntrySource::AdHocInject,
             text_of(ui.console.author), std::move(text)};
    ui.console.sent = d.request;
    commands.push(std::move(d));
    ui.console.problem.clear();
}

void draw_adhoc(const Snapshot& s, UiState& ui, Commands& commands, Lang lang) {
    if (!ImGui::CollapsingHeader(tr(lang, Text::AdHocInject))) return;
    if (!s.loaded->scenario) return;
    const Scenario& sc = *s.loaded->scenario;
    InjectForm& f = ui.console.inject;
    ImGui::PushID("adhoc");
    if (ImGui::BeginCombo(tr(lang, Text::Kind), inject_kind_name(f.kind))) {
        for (int k = 0; k < InjectForm::KindCount; ++k)
            if (ImGui::Selectable(inject_kind_name(k), k == f.kind)) f.kind = k;
        ImGui::EndCombo();
    }
    const bool centred = f.kind != InjectForm::AbsenceWave && f.kind != InjectForm::Message &&
                         f.kind != InjectForm::RoadCut && f.kind != InjectForm::GroupEligible;
    if (centred) centre_combo(tr(lang, Text::Centre), f.centre, sc);
    switch (f.kind) {
    case InjectForm::StaffIll:
        name_combo(tr(lang, Text::Profession), f.profession, profession_words_of(sc, lang));
        ImGui::InputInt(tr(lang, Text::PeopleCount), &f.people);
        ImGui::InputInt(tr(lang, Text::Days), &f.days);
        break;
    case InjectForm::AbsenceWave:
        name_combo(tr(lang, Text::Profession), f.profession, profession_words_of(sc, lang));
        ImGui::SliderFloat(tr(lang, Text::ShareOfStaff), &f.share, 0.0f, 1.0f, "%.2f");
        ImGui::InputInt(tr(lang, Text::Days), &f.days);
        break;
    case InjectForm::DeliveryLate:
        ImGui::InputInt(tr(lang, Text::DelayDays), &f.delay_days);
        ImGui::SliderFloat(tr(lang, Text::LostShare), &f.lost_share, 0.0f, 1.0f, "%.2f");
        break;
    case InjectForm::DemandSurge:
        ImGui::InputFloat(tr(lang, Text::Factor), &f.factor, 0.5f, 1.0f, "%.1f");
        ImGui::InputInt(tr(lang, Text::Days), &f.days);
        ImGui::InputFloat(tr(lang, Text::ExtraWalkIns), &f.walk_ins_per_hour, 1.0f, 5.0f, "%.0f");
        break;
    case InjectForm::CentreClosed:
        ImGui::InputText(tr(lang, Text::UntilTime), f.until.data(), f.until.size());
        break;
    case InjectForm::StationSlowed: {
        std::vector<std::string> stations;
        if (f.centre >= 0 && static_cast<std::size_t>(f.centre) < sc.plan.centres.size())
            for (const auto& st : sc.plan.centres[static_cast<std::size_t>(f.centre)].stations)
                stations.push_back(st.name);
        name_combo(tr(lang, Text::Station), f.station, stations, "*");
        ImGui::InputFloat(tr(lang, Text::Factor), &f.factor, 0.5f, 1.0f, "%.1f");
        ImGui::InputText(tr(lang, Text::UntilTime), f.until.data(), f.until.size());
        break;
    }
    case InjectForm::RoadCut:
        ImGui::InputText(tr(lang, Text::CommuneA), f.commune_a.data(), f.commune_a.size());
        ImGui::InputText(tr(lang, Text::CommuneB), f.commune_b.data(), f.commune_b.size());
        ImGui::TextDisabled("%s", tr(lang, Text::CommuneHint));
        ImGui::InputText(tr(lang, Text::UntilTime), f.until.data(), f.until.size());
        break;
    case InjectForm::GroupEligible: {
        name_combo(tr(lang, Text::Group), f.group, group_words_of(sc, lang));
        break;
    }
    default:
        break;
    }
    ImGui::TextUnformatted(tr(lang, Text::InjectText));
    ImGui::InputTextMultiline("##adhoctext", f.text.data(), f.text.size(),
                              ImVec2(-1, ImGui::GetTextLineHeight() * 2.5f));
    if (ImGui::Button(tr(lang, Text::FireAdHoc))) {
        std::string problem;
        if (auto change = inject_from_form(f, sc, lang, s.frame->state.now, &problem))
            push_adhoc(ui, commands, std::move(*change), text_of(f.text));
        else
            ui.console.problem = problem;
    }
    // any change, written as in an exercise file
    if (ImGui::TreeNode(tr(lang, Text::EffectToml))) {
        if (ui.console.adhoc[0] == '\0')
            set_text(ui.console.adhoc, "kind = \"demand_surge\"\ncentre = \"*\"\nfactor = 1.5\n"
                                       "days = 2\n");
        ImGui::InputTextMultiline("##adhoc", ui.console.adhoc.data(), ui.console.adhoc.size(),
                                  ImVec2(-1, ImGui::GetTextLineHeight() * 5));
        if (ImGui::Button(tr(lang, Text::FireAdHoc))) {
            ChangeParse p =
                parse_change_toml(text_of(ui.console.adhoc), "ad hoc", s.frame->state.now);
            if (p.change) {
                push_adhoc(ui, commands, *p.change, text_of(f.text));
            } else {
                ui.console.problem.clear();
                for (const Diagnostic& d : p.diagnostics.items())
                    ui.console.problem += format_diagnostic(d) + "\n";
            }
        }
        ImGui::TreePop();
    }
    ImGui::PopID();
}

} // namespace

void draw_decision_form(const Snapshot& s, DecisionForm& f, Lang lang, std::uint64_t& next_request,
                        Commands& commands) {
    if (!s.loaded->scenario) return;
    const Scenario& sc = *s.loaded->scenario;
    prefill_decision_form(f, lang, s.frame->state.now);
    ImGui::PushID(&f);
    // the fields end where the longest label of the form still fits at their right
    float label_w = 0;
    for (const Text t :
         {Text::DecisionKind, Text::Role, Text::PeopleCount, Text::FromTime, Text::UntilTime,
          Text::Doses, Text::LeaveAt, Text::FromDay, Text::CommunesList, Text::ToDay, Text::OpensAt,
          Text::ClosesAt, Text::HorizonDays, Text::SlotMinutes, Text::DosesPerSlot, Text::Wording,
          Text::DecidedBy})
        label_w = std::max(label_w, ImGui::CalcTextSize(tr(lang, t)).x);
    ImGui::PushItemWidth(-(label_w + ImGui::GetStyle().ItemInnerSpacing.x));
    const char* kind = tr(lang, decision_kind_text(f.kind));
    if (ImGui::BeginCombo(tr(lang, Text::DecisionKind), kind)) {
        for (int k = 0; k < DecisionForm::KindCount; ++k)
            if (ImGui::Selectable(tr(lang, decision_kind_text(k)), k == f.kind)) f.kind = k;
        ImGui::EndCombo();
    }
    switch (f.kind) {
    case DecisionForm::CloseCentre:
        centre_combo(tr(lang, Text::Centre), f.centre, sc);
        ImGui::InputText(tr(lang, Text::UntilTime), f.until.data(), f.until.size());
        break;
    case DecisionForm::OpenCentre:
        centre_combo(tr(lang, Text::Centre), f.centre, sc);
        break;
    case DecisionForm::AddLine:
    case DecisionForm::CallReserve: {
        centre_combo(tr(lang, Text::Centre), f.centre, sc);
        const std::vector<std::string> roles = role_words_of(sc, lang);
        if (!roles.empty()) {
            f.role = std::clamp(f.role, 0, static_cast<int>(roles.size()) - 1);
            if (ImGui::BeginCombo(tr(lang, Text::Role),
                                  roles[static_cast<std::size_t>(f.role)].c_str())) {
                for (std::size_t r = 0; r < roles.size(); ++r)
                    if (ImGui::Selectable(roles[r].c_str(), static_cast<int>(r) == f.role))
                        f.role = static_cast<int>(r);
                ImGui::EndCombo();
            }
        }
        ImGui::InputInt(tr(lang, Text::PeopleCount), &f.people);
        ImGui::InputText(tr(lang, Text::FromTime), f.from.data(), f.from.size());
        ImGui::InputText(tr(lang, Text::UntilTime), f.until.data(), f.until.size());
        break;
    }
    case DecisionForm::Reallocate:
        centre_combo(tr(lang, Text::Centre), f.centre, sc);
        centre_combo(tr(lang, Text::ToCentre), f.centre_to, sc);
        ImGui::InputInt(tr(lang, Text::Doses), &f.doses, 10, 100);
        break;
    case DecisionForm::MoveStaff:
        centre_combo(tr(lang, Text::FromCentre), f.centre, sc);
        centre_combo(tr(lang, Text::ToCentre), f.centre_to, sc);
        name_combo(tr(lang, Text::Profession), f.profession, profession_words_of(sc, lang));
        ImGui::InputInt(tr(lang, Text::PeopleCount), &f.people);
        ImGui::InputText(tr(lang, Text::LeaveAt), f.from.data(), f.from.size());
        ImGui::TextWrapped("%s", tr(lang, Text::MoveNowHint));
        break;
    case DecisionForm::SendTeam: {
        std::vector<std::string> teams;
        for (const auto& t : sc.plan.mobile_teams) teams.push_back(t.name);
        if (teams.empty()) {
            ImGui::TextDisabled("%s", tr(lang, Text::NoMobileTeam));
            break;
        }
        name_combo(tr(lang, Text::MobileTeam), f.team, teams);
        ImGui::InputInt(tr(lang, Text::FromDay), &f.from_day);
        ImGui::InputText(tr(lang, Text::CommunesList), f.communes.data(), f.communes.size());
        break;
    }
    case DecisionForm::ChangeHours:
        centre_combo(tr(lang, Text::Centre), f.centre, sc);
        ImGui::InputInt(tr(lang, Text::FromDay), &f.from_day);
        ImGui::InputInt(tr(lang, Text::ToDay), &f.to_day);
        ImGui::InputText(tr(lang, Text::OpensAt), f.opens.data(), f.opens.size());
        ImGui::InputText(tr(lang, Text::ClosesAt), f.closes.data(), f.closes.size());
        ImGui::TextDisabled("%s", tr(lang, Text::ClockFormatHelp));
        break;
    case DecisionForm::Booking: {
        ImGui::InputInt(tr(lang, Text::FromDay), &f.from_day);
        std::vector<std::string> names;
        for (const auto& c : sc.plan.centres) names.push_back(c.name);
        name_combo(tr(lang, Text::Centre), f.booking_centre, names, tr(lang, Text::AllCentres));
        ImGui::Checkbox("##sethorizon", &f.set_horizon);
        ImGui::SameLine();
        ImGui::InputInt(tr(lang, Text::HorizonDays), &f.horizon_days);
        ImGui::Checkbox("##setslot", &f.set_slot);
        ImGui::SameLine();
        ImGui::InputInt(tr(lang, Text::SlotMinutes), &f.slot_minutes, 1, 5);
        ImGui::Checkbox("##setperslot", &f.set_per_slot);
        ImGui::SameLine();
        ImGui::InputInt(tr(lang, Text::DosesPerSlot), &f.doses_per_slot);
        ImGui::Checkbox("##setover", &f.set_overbooking);
        ImGui::SameLine();
        ImGui::InputFloat(tr(lang, Text::Overbooking), &f.overbooking, 0.05f, 0.1f, "%.2f");
        break;
    }
    default:
        break;
    }
    ImGui::InputText(tr(lang, Text::Wording), f.text.data(), f.text.size());
    ImGui::InputText(tr(lang, Text::DecidedBy), f.author.data(), f.author.size());
    const bool running = s.frame->session && s.frame->status != LiveStatus::Done &&
                         s.frame->status != LiveStatus::Failed;
    ImGui::BeginDisabled(!running);
    if (ImGui::Button(tr(lang, Text::Decide))) submit_decision(f, sc, lang, next_request, commands);
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    f.submit_at = {(lo.x + hi.x) / 2, (lo.y + hi.y) / 2};
    ImGui::EndDisabled();
    if (!f.problem.empty()) wrapped_coloured(colour_refused, f.problem.c_str());
    draw_reply(*s.frame, f.sent, lang);
    ImGui::PopItemWidth();
    ImGui::PopID();
}

void draw_console_panel(const Snapshot& s, UiState& ui, Commands& commands) {
    const Lang lang = ui.lang;
    if (!s.frame->session) return;
    const SessionView& session = *s.frame->session;
    if (ui.console.author[0] == '\0')
        set_text(ui.console.author, lang == Lang::Fr ? "animateur" : "facilitator");
    ImGui::SetNextWindowSize(
        ImVec2(460, ImGui::GetIO().DisplaySize.y - menu_bar_height(ui) - 2 * panel_margin),
        ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(panel_margin, menu_bar_height(ui) + panel_margin),
                            ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(window_title(lang, Text::PanelConsole, "console").c_str(),
                      &ui.show_console)) {
        ImGui::End();
        return;
    }
    wrapped((std::string{tr(lang, Text::JournalFile)} + " : " + session.journal.filename().string())
                .c_str());
    if (!session.parent.empty())
        ImGui::TextDisabled("%s %s, %s %llu", tr(lang, Text::BranchOf), session.parent.c_str(),
                            tr(lang, Text::AfterEntry),
                            static_cast<unsigned long long>(session.parent_entry));
    if (!session.error.empty())
        ImGui::TextColored(colour_refused, "%s %s", tr(lang, Text::SessionError),
                           session.error.c_str());
    // exercise files count days from J0; the run panel counts them from 1 ("jour simulé 2")
    ImGui::Text("%s  (%s %d)", format_day_time(s.frame->state.now).c_str(),
                tr(lang, Text::SimulatedDay), s.frame->state.now.day() + 1);
    ImGui::InputText(tr(lang, Text::ActingAs), ui.console.author.data(), ui.console.author.size());
    bool pause = session.pause_at_injects;
    if (ImGui::Checkbox(tr(lang, Text::PauseAtInjects), &pause))
        commands.push(SetPauseAtInjects{pause});
    ImGui::BeginDisabled(session.upcoming.empty());
    if (ImGui::Button(tr(lang, Text::RunToNextInject)) && !session.upcoming.empty())
        commands.push(JumpTo{session.upcoming.front().at});
    ImGui::EndDisabled();
    if (ui.console.rewind_to[0] == '\0') set_text(ui.console.rewind_to, "J0 08:00");
    ImGui::SetNextItemWidth(140);
    ImGui::InputText("##rewind", ui.console.rewind_to.data(), ui.console.rewind_to.size());
    same_line_for_button(tr(lang, Text::RewindTo));
    if (ImGui::Button(tr(lang, Text::RewindTo))) {
        const TimeText t = parse_day_time(text_of(ui.console.rewind_to));
        if (t.value && *t.value <= s.frame->state.now)
            commands.push(JumpTo{*t.value});
        else
            ui.console.problem = std::string{tr(lang, Text::InvalidTime)} + " " + t.error;
    }
    draw_reply(*s.frame, ui.console.sent, lang);
    if (!ui.console.problem.empty())
        ImGui::TextColored(colour_refused, "%s", ui.console.problem.c_str());
    ImGui::Separator();
    draw_upcoming(s, ui, commands, lang);
    ImGui::Separator();
    draw_adhoc(s, ui, commands, lang);
    if (ImGui::CollapsingHeader(tr(lang, Text::DecisionKind)))
        draw_decision_form(s, ui.decision, lang, ui.next_request, commands);
    if (ImGui::CollapsingHeader(tr(lang, Text::Observation))) {
        ImGui::InputTextMultiline("##obs", ui.console.observation.data(),
                                  ui.console.observation.size(),
                                  ImVec2(-1, ImGui::GetTextLineHeight() * 3));
        // about an objective, rated on the HSEEP scale (EXERCISE.md)
        const Exercise* ex = exercise_of(s);
        const int n_objectives = ex ? static_cast<int>(ex->objectives.size()) : 0;
        int& oi = ui.console.observation_objective;
        if (oi >= n_objectives) oi = -1;
        const std::string current =
            oi < 0 ? std::string{"—"} : ex->objectives[static_cast<std::size_t>(oi)].id;
        if (ImGui::BeginCombo(tr(lang, Text::ObservationObjective), current.c_str())) {
            if (ImGui::Selectable("—", oi < 0)) oi = -1;
            for (int k = 0; k < n_objectives; ++k) {
                const Objective& o = ex->objectives[static_cast<std::size_t>(k)];
                const std::string label = o.id + " — " + o.text;
                if (ImGui::Selectable(label.c_str(), k == oi)) oi = k;
            }
            ImGui::EndCombo();
        }
        static constexpr const char* ratings[] = {"P", "S", "M", "U"};
        static constexpr Text rating_help[] = {Text::RatingP, Text::RatingS, Text::RatingM,
                                               Text::RatingU};
        ImGui::TextUnformatted(tr(lang, Text::ObservationRating));
        for (int k = 0; k < 4; ++k) {
            ImGui::SameLine();
            ImGui::RadioButton(ratings[k], &ui.console.observation_rating, k);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(lang, rating_help[k]));
        }
        if (ImGui::Button(tr(lang, Text::RecordObservation)) && ui.console.observation[0] != '\0') {
            const int r = ui.console.observation_rating;
            Observe o{ui.next_request++, text_of(ui.console.author),
                      text_of(ui.console.observation),
                      oi < 0 ? std::string{} : ex->objectives[static_cast<std::size_t>(oi)].id,
                      r < 0 || r > 3 ? std::string{} : ratings[r]};
            ui.console.sent = o.request;
            commands.push(std::move(o));
            ui.console.observation[0] = '\0';
        }
    }
    ImGui::End();
}

void draw_course_lines(const Snapshot& s, Lang lang, int filter) {
    if (!s.frame->session) return;
    const Exercise* ex = exercise_of(s);
    const auto& course = s.frame->session->course;
    // the journal's lines and the model's notable events (a station without staff, a stock-out,
    // people sent home), merged in time order
    struct Row {
        SimTime t;
        const CourseLine* line = nullptr;
        const LogEntry* event = nullptr;
    };
    std::vector<Row> rows;
    if (filter != model_events_filter)
        for (const CourseLine& l : course)
            if (filter == 0 || static_cast<int>(l.entry.source) + 1 == filter)
                rows.push_back({l.entry.stamp.time, &l, nullptr});
    if (filter == 0 || filter == model_events_filter)
        for (const LogEntry& e : s.series->log)
            if (e.kind == LogKind::Warning || e.kind == LogKind::Shortfall ||
                e.kind == LogKind::Stockout)
                rows.push_back({e.time, nullptr, &e});
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.t < b.t; });
    // (not resizable: ImGui fits a resizable table's fixed columns once, to what they hold
    // when it first shows, often nothing yet, and the times and sources came in cut)
    if (ImGui::BeginTable("course", 4,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                              ImGuiTableFlags_ScrollY)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        // the short columns as wide as their content (header included) at every frame, the text
        // wraps in the last one
        ImGui::TableSetupColumn(tr(lang, Text::InjectTime), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(tr(lang, Text::CourseSource), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(tr(lang, Text::CourseWho), ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn(tr(lang, Text::CourseWhat), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        // newest first: the latest stimulus and decision are at the top
        for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_day_time(it->t).c_str());
            if (it->event) {
                const Text kind = it->event->kind == LogKind::Stockout    ? Text::LogStockout
                                  : it->event->kind == LogKind::Shortfall ? Text::LogShortfall
                                                                          : Text::LogWarning;
                ImGui::TableNextColumn();
                ImGui::TextColored(colour_notes, "%s", tr(lang, kind));
                ImGui::TableNextColumn();
                ImGui::TableNextColumn();
                ImGui::TextWrapped(
                    "%s", log_text(*s.loaded->scenario, *it->event, language_of(lang)).c_str());
                continue;
            }
            const CourseLine& line = *it->line;
            const JournalEntry& e = line.entry;
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(lang, entry_source_text(e.source)));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.author.c_str());
            ImGui::TableNextColumn();
            const std::string what = describe_entry(e, ex, lang, false);
            if (!line.journaled || e.refused) {
                ImGui::PushStyleColor(ImGuiCol_Text, colour_refused);
                ImGui::TextWrapped(
                    "%s  (%s)", what.c_str(),
                    tr(lang, line.journaled ? Text::RefusedJournaled : Text::NotJournaled));
                ImGui::PopStyleColor();
            } else
                ImGui::TextWrapped("%s", what.c_str());
        }
        ImGui::EndTable();
    }
}

void draw_course_panel(const Snapshot& s, UiState& ui, Commands& /*commands*/) {
    if (!s.frame->session) return;
    const Lang lang = ui.lang;
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const float left = 460 + 2 * panel_margin;
    const float right = side_panel_width(ui, size.x) + 2 * panel_margin;
    const float height = size.y * 0.32f;
    ImGui::SetNextWindowSize(ImVec2(size.x - left - right, height), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(left, size.y - height - panel_margin), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(window_title(lang, Text::PanelCourse, "course").c_str(), &ui.show_course)) {
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(220);
    const char* current =
        ui.course_filter == 0 ? tr(lang, Text::ShowAll)
        : ui.course_filter == model_events_filter
            ? tr(lang, Text::ModelEvents)
            : tr(lang, entry_source_text(static_cast<EntrySource>(ui.course_filter - 1)));
    if (ImGui::BeginCombo(tr(lang, Text::Filter), current)) {
        if (ImGui::Selectable(tr(lang, Text::ShowAll), ui.course_filter == 0)) ui.course_filter = 0;
        for (int k = 0; k <= static_cast<int>(EntrySource::Observation); ++k)
            if (ImGui::Selectable(tr(lang, entry_source_text(static_cast<EntrySource>(k))),
                                  ui.course_filter == k + 1))
                ui.course_filter = k + 1;
        if (ImGui::Selectable(tr(lang, Text::ModelEvents), ui.course_filter == model_events_filter))
            ui.course_filter = model_events_filter;
        ImGui::EndCombo();
    }
    draw_course_lines(s, lang, ui.course_filter);
    ImGui::End();
}

void draw_players_panels(const Snapshot& s, PlayersUi& ui, std::uint64_t& next_request,
                         Commands& commands) {
    const Lang lang = ui.lang;
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const float side = size.x * 0.34f;
    ui.shown.clear();
    // messages received: the fired injects and the decisions, newest first; never upcoming
    // injects, never controller notes
    ImGui::SetNextWindowPos(ImVec2(panel_margin, panel_margin), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(side, size.y - 2 * panel_margin), ImGuiCond_FirstUseEver);
    if (ImGui::Begin(window_title(lang, Text::MessagesReceived, "messages").c_str())) {
        ImGui::TextColored(colour_notes, "%s", format_day_time(s.frame->state.now).c_str());
        ImGui::Separator();
        const Exercise* ex = exercise_of(s);
        if (s.frame->session) {
            const auto& course = s.frame->session->course;
            // newest first; the model's wording of a decision is the facilitator's business
            for (auto it = course.rbegin(); it != course.rend(); ++it) {
                const JournalEntry& e = it->entry;
                if (!it->journaled || !players_see(e)) continue;
                std::string what = e.inject_id.empty() ? e.text : describe_entry(e, ex, lang, true);
                if (what.empty() && e.change) what = tr(lang, Text::SrcDecision);
                ui.shown.push_back(what);
                ImGui::TextDisabled("%s — %s%s%s", format_day_time(e.stamp.time).c_str(),
                                    tr(lang, entry_source_text(e.source)),
                                    e.author.empty() ? "" : " — ", e.author.c_str());
                ImGui::TextWrapped("%s", what.c_str());
                ImGui::Spacing();
            }
        }
        if (ui.shown.empty()) ImGui::TextDisabled("%s", tr(lang, Text::NoMessageYet));
    }
    ImGui::End();

    ImGui::SetNextWindowPos(ImVec2(size.x - side - panel_margin, panel_margin),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(side, size.y * 0.40f - panel_margin), ImGuiCond_FirstUseEver);
    if (ImGui::Begin(window_title(lang, Text::ObjectiveKpis, "kpis").c_str())) {
        const Exercise* ex = exercise_of(s);
        if (ex && s.loaded->scenario) {
            const Scenario& sc = *s.loaded->scenario;
            for (const Objective& o : ex->objectives) {
                ImGui::TextWrapped("%s", o.text.empty() ? o.id.c_str() : o.text.c_str());
                ImGui::Indent();
                for (const ObjectiveCheck& c : o.checks)
                    for (int centre : objective_centres(c, sc)) {
                        const auto& live = s.frame->state.centres;
                        if (static_cast<std::size_t>(centre) >= live.size()) continue;
                        // today so far; waits are filled at the day's end: the last whole day
                        CentreDayRow row = live[static_cast<std::size_t>(centre)].today;
                        if (c.kpi.rfind("wait", 0) == 0 || c.kpi == "time_in_centre_mean_min")
                            for (const CentreDayRow& r : s.series->day_rows)
                                if (r.centre == centre) row = r;
                        const auto v = centre_day_kpi(row, c.kpi);
                        if (!v) continue;
                        const bool met = objective_value_met(c, *v);
                        ImGui::PushStyleColor(ImGuiCol_Text, met ? colour_ok : colour_refused);
                        ImGui::TextWrapped(
                            "%s — %s : %s (%s %s)",
                            sc.plan.centres[static_cast<std::size_t>(centre)].name.c_str(),
                            c.kpi.c_str(), format_decimal(lang, *v, 1).c_str(),
                            tr(lang, c.below ? Text::TargetBelow : Text::TargetAbove),
                            format_decimal(lang, c.threshold, 1).c_str());
                        ImGui::PopStyleColor();
                    }
                ImGui::Unindent();
            }
        }
    }
    ImGui::End();

    ImGui::SetNextWindowPos(ImVec2(size.x - side - panel_margin, size.y * 0.42f + panel_margin),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(side, size.y * 0.56f), ImGuiCond_FirstUseEver);
    if (ImGui::Begin(window_title(lang, Text::DecisionKind, "decision").c_str()))
        draw_decision_form(s, ui.decision, lang, next_request, commands);
    ImGui::End();
}

} // namespace riposte::gui
