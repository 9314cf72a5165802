// The plan editor: a draft copy of the open plan (staffing per shift and role, hours and days,
// slots and booking policy, dose allocation shares, mobile teams; centres, stations, shifts and
// mobile teams added and removed through plan_edit.hpp; the [[escalation]] rules with their
// conditions and decisions, the decisions through the structured change form). After each change
// the structural rules of `validate` (sim/model/validation.cpp) are checked again and the draft is
// written as plan TOML and read back by the loader (what `riposte check` does), both shown
// inline. "Save as" writes the plan TOML (atomically, never over an existing file without
// asking); the saved plan can then be opened and run, or compared with the open plan.
#include "change_form.hpp"
#include "fit.hpp"
#include "panels.hpp"
#include "plan_edit.hpp"

#include "riposte/change_toml.hpp"
#include "riposte/core/distribution.hpp"
#include "riposte/exercise_toml.hpp"
#include "riposte/output.hpp"
#include "riposte/plan_toml.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/text/names_texts.hpp"
#include "riposte/text/validation_texts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>
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
std::vector<int> roles_offered(const World& w, const Centre* c,
                               const IdVector<RoleId, int>& staff) {
    std::vector<int> out;
    for (std::size_t r = 0; r < w.roles.size(); ++r) {
        bool used = staff.contains(RoleId{r}) && staff[RoleId{r}] > 0;
        if (c)
            for (const Station& s : c->stations) used = used || s.role == RoleId{r};
        used = used || RoleId{r} == w.supervision_role();
        if (used) out.push_back(static_cast<int>(r));
    }
    return out;
}

bool edit_staff(const Scenario& sc, const Centre* c, Shift* shift, IdVector<RoleId, int>& staff,
                Lang lang) {
    bool changed = false;
    for (int r : roles_offered(sc.world, c, staff)) {
        const RoleId ru{r};
        if (!staff.contains(ru)) continue;
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
                    if (c->stations[k].role == RoleId{r} && shift->station_staff[k] >= 0) {
                        if (named < 0) named = static_cast<int>(k);
                        sum += shift->station_staff[k];
                    }
                if (named >= 0) {
                    auto& first = shift->station_staff[static_cast<std::size_t>(named)];
                    first = std::max(0, first + v - sum);
                    int total = 0;
                    for (std::size_t k = 0; k < c->stations.size(); ++k)
                        if (c->stations[k].role == RoleId{r} && shift->station_staff[k] >= 0)
                            total += shift->station_staff[k];
                    staff[ru] = total;
                }
            }
        }
    }
    return changed;
}

/// People named per station on a shift (roles that staff several stations of the centre).
bool edit_by_station(const Scenario& sc, Centre& c, Shift& s, Lang lang) {
    bool changed = false, any = false;
    for (std::size_t k = 0; k < c.stations.size() && k < s.station_staff.size(); ++k) {
        if (s.station_staff[k] < 0) continue;
        if (!any) ImGui::TextDisabled("%s", tr(lang, Text::PeByStation));
        any = true;
        int v = s.station_staff[k];
        const std::string label = c.stations[k].name + "##by" + std::to_string(k);
        if (edit_int(label.c_str(), v, 0, 500)) {
            const int role = c.stations[k].role.value();
            if (role >= 0) {
                auto& staff = s.staff[RoleId{role}];
                staff = std::max(0, staff + v - s.station_staff[k]);
            }
            s.station_staff[k] = v;
            changed = true;
        }
    }
    (void)sc;
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
            changed |= edit_by_station(sc, c, s, lang);
            if (c.shifts.size() > 1 && small_button(tr(lang, Text::EditorRemoveShift)))
                remove = static_cast<int>(k);
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    if (remove >= 0) {
        c.shifts.erase(c.shifts.begin() + remove);
        changed = true;
    }
    if (!c.shifts.empty() && small_button(tr(lang, Text::EditorAddShift))) {
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
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    changed |= draw_commune_picker(tr(lang, Text::PeBase), m.base_commune, sc.world, lang);
    ImGui::TextDisabled("%s", tr(lang, Text::EditorStaff));
    changed |= edit_staff(sc, nullptr, nullptr, m.staff, lang);
    // the communes of the round, in order (none: every commune, nearest first)
    ImGui::TextDisabled("%s", tr(lang, Text::PeRound));
    int drop = -1;
    for (std::size_t k = 0; k < m.communes.size(); ++k) {
        const auto c = static_cast<std::size_t>(m.communes[k]);
        if (c >= sc.world.territory.communes.size()) continue;
        ImGui::PushID(static_cast<int>(k));
        ImGui::BulletText("%s (%s)", sc.world.territory.communes[c].name.c_str(),
                          sc.world.territory.communes[c].insee.c_str());
        ImGui::SameLine();
        if (small_button("x")) drop = static_cast<int>(k);
        ImGui::PopID();
    }
    if (drop >= 0) {
        m.communes.erase(m.communes.begin() + drop);
        changed = true;
    }
    int add = -1;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (draw_commune_picker(tr(lang, Text::PeAddCommune), add, sc.world, lang) && add >= 0 &&
        std::find(m.communes.begin(), m.communes.end(), add) == m.communes.end()) {
        m.communes.push_back(add);
        changed = true;
    }
    return changed;
}

void record(PlanEditorState& e, const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    for (auto& w : e.widget_at)
        if (w.first == name) {
            w.second = {a.x, a.y, b.x - a.x, b.y - a.y};
            return;
        }
    e.widget_at.push_back({name, {a.x, a.y, b.x - a.x, b.y - a.y}});
}

void show_edit(PlanEditorState& e, const PlanEdit& r) {
    e.edit_message = r.message;
    e.edit_refused = !r.done;
}

template <std::size_t N> std::string text_of(const std::array<char, N>& a) {
    return std::string(a.data(), strnlen(a.data(), N));
}

/// The stations of a centre: each with its role, servers or places, service time; removed
/// with a button; a form adds one.
bool edit_stations(Scenario& sc, PlanEditorState& e, int ci, Lang lang) {
    Centre& c = sc.plan.centres[static_cast<std::size_t>(ci)];
    const Language language = language_of(lang);
    bool changed = false;
    if (!ImGui::TreeNode("stations", "%s (%zu)", tr(lang, Text::PeStations), c.stations.size()))
        return false;
    int remove = -1;
    for (std::size_t k = 0; k < c.stations.size(); ++k) {
        Station& st = c.stations[k];
        ImGui::PushID(static_cast<int>(k));
        const std::string role = st.role.valid() ? role_words(sc, st.role.value(), language) : "—";
        ImGui::BulletText("%s — %s", st.name.c_str(), role.c_str());
        ImGui::Indent();
        if (st.kind == StationKind::Area)
            changed |= edit_int(tr(lang, Text::PePlaces), st.capacity, 1, 100000);
        else
            changed |= edit_int(tr(lang, Text::PeServers), st.posts, 0, 1000);
        std::array<char, 128> service{};
        const std::string text = st.service.text();
        std::memcpy(service.data(), text.data(), std::min(text.size(), service.size() - 1));
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        if (ImGui::InputText(tr(lang, Text::PeService), service.data(), service.size(),
                             ImGuiInputTextFlags_EnterReturnsTrue)) {
            const auto d = parse_distribution(service.data(), 60.0);
            if (d.value) {
                st.service = *d.value;
                changed = true;
            }
        }
        if (small_button(tr(lang, Text::PeRemoveStation))) remove = static_cast<int>(k);
        ImGui::Unindent();
        ImGui::PopID();
    }
    if (remove >= 0) {
        const PlanEdit r = plan_remove_station(sc, ci, remove, lang);
        show_edit(e, r);
        changed |= r.done;
    }
    // the "add a station" form
    auto& n = e.new_station;
    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::InputText(tr(lang, Text::PeName), n.name.data(), n.name.size());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    const std::string role_preview =
        n.role >= 0 && static_cast<std::size_t>(n.role) < sc.world.roles.size()
            ? role_words(sc, n.role, language)
            : "—";
    if (ImGui::BeginCombo(tr(lang, Text::PeRole), role_preview.c_str())) {
        for (std::size_t r = 0; r < sc.world.roles.size(); ++r)
            if (ImGui::Selectable(role_words(sc, static_cast<int>(r), language).c_str(),
                                  n.role == static_cast<int>(r)))
                n.role = static_cast<int>(r);
        ImGui::EndCombo();
    }
    ImGui::Checkbox(tr(lang, Text::PeArea), &n.area);
    if (n.area)
        edit_int(tr(lang, Text::PePlaces), n.capacity, 1, 100000);
    else
        edit_int(tr(lang, Text::PeServers), n.posts, 0, 1000);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::InputText("##new_service", n.service.data(), n.service.size());
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(lang, Text::PeService));
    const auto service = parse_distribution(n.service.data(), 60.0);
    if (!service.value) ImGui::TextColored(fail_colour, "%s", service.error.c_str());
    if (c.vaccinates()) ImGui::Checkbox(tr(lang, Text::PeGivesDose), &n.gives_dose);
    if (c.tests()) ImGui::Checkbox(tr(lang, Text::PeTakesSample), &n.takes_sample);
    ImGui::BeginDisabled(!service.value || (!n.area && n.role < 0));
    if (small_button(tr(lang, Text::PeAddStation))) {
        Station st;
        st.name = text_of(n.name);
        st.kind = n.area ? StationKind::Area : StationKind::Servers;
        st.role = RoleId{n.role};
        st.service = *service.value;
        st.capacity = n.area ? n.capacity : 0;
        st.posts = n.area ? 0 : n.posts;
        st.gives_dose = c.vaccinates() && n.gives_dose;
        st.takes_sample = c.tests() && n.takes_sample;
        const PlanEdit r = plan_add_station(sc, ci, st, lang);
        show_edit(e, r);
        if (r.done) {
            n.name = {};
            changed = true;
        }
    }
    ImGui::EndDisabled();
    ImGui::TreePop();
    return changed;
}

/// The "add a centre" form: name, kind, commune (with a filter), hours, days, template.
/// A centre's name, kind and commune: edited in a form, applied together (plan_edit_centre:
/// the escalation rules follow a new name); a name taken by another centre is refused inline.
bool centre_identity_form(Scenario& sc, PlanEditorState& e, int ci, Lang lang) {
    if (!ImGui::TreeNode("identity", "%s", tr(lang, Text::PeEditCentre))) return false;
    const Centre& c = sc.plan.centres[static_cast<std::size_t>(ci)];
    PlanEditorState::CentreForm& f = e.centre_form;
    if (f.centre != ci || f.version != e.version) {
        // (re)filled from the centre when another centre is edited or the draft changed
        f.centre = ci;
        f.version = e.version;
        f.name = {};
        std::copy_n(c.name.begin(), std::min(c.name.size(), f.name.size() - 1), f.name.begin());
        f.kind = c.kind;
        f.commune = c.commune;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::InputText(tr(lang, Text::PeName), f.name.data(), f.name.size());
    const std::string name = text_of(f.name);
    const std::string problem = centre_name_problem(sc.plan, ci, name, lang);
    if (!problem.empty()) ImGui::TextColored(fail_colour, "%s", problem.c_str());
    int kind = f.kind == CentreKind::Vaccination ? 0 : f.kind == CentreKind::Testing ? 1 : 2;
    ImGui::RadioButton(tr(lang, Text::PeKindVaccination), &kind, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr(lang, Text::PeKindTesting), &kind, 1);
    ImGui::SameLine();
    ImGui::RadioButton(tr(lang, Text::PeKindBoth), &kind, 2);
    f.kind = kind == 0   ? CentreKind::Vaccination
             : kind == 1 ? CentreKind::Testing
                         : CentreKind::Both;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    draw_commune_picker(tr(lang, Text::PeCommune), f.commune, sc.world, lang);
    bool changed = false;
    ImGui::BeginDisabled(!problem.empty());
    if (ImGui::Button(tr(lang, Text::PeApplyCentre))) {
        const PlanEdit r = plan_edit_centre(sc, ci, {name, f.kind, f.commune}, lang);
        show_edit(e, r);
        changed = r.done;
    }
    ImGui::EndDisabled();
    ImGui::TreePop();
    return changed;
}

bool add_centre_form(Scenario& sc, PlanEditorState& e, Lang lang) {
    if (!ImGui::TreeNode("add_centre", "%s", tr(lang, Text::PeAddCentre))) return false;
    NewCentre& n = e.new_centre;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::InputText(tr(lang, Text::PeName), e.new_centre_name.data(), e.new_centre_name.size());
    int kind = n.kind == CentreKind::Testing ? 1 : 0;
    ImGui::RadioButton(tr(lang, Text::PeKindVaccination), &kind, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr(lang, Text::PeKindTesting), &kind, 1);
    n.kind = kind == 1 ? CentreKind::Testing : CentreKind::Vaccination;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    draw_commune_picker(tr(lang, Text::PeCommune), n.commune, sc.world, lang);
    edit_clock(tr(lang, Text::EditorOpens), n.opens, false);
    ImGui::SameLine();
    edit_clock(tr(lang, Text::EditorCloses), n.closes, true);
    edit_days("new_days", n.weekdays, lang);
    const auto templates = centre_templates(sc.plan, n.kind);
    if (std::find(templates.begin(), templates.end(), n.template_centre) == templates.end())
        n.template_centre = templates.empty() ? -1 : templates.front();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    const char* preview =
        n.template_centre >= 0
            ? sc.plan.centres[static_cast<std::size_t>(n.template_centre)].name.c_str()
            : "—";
    if (ImGui::BeginCombo(tr(lang, Text::PeTemplate), preview)) {
        for (int t : templates)
            if (ImGui::Selectable(sc.plan.centres[static_cast<std::size_t>(t)].name.c_str(),
                                  t == n.template_centre))
                n.template_centre = t;
        ImGui::EndCombo();
    }
    bool changed = false;
    if (ImGui::Button(tr(lang, Text::PeAddCentre))) {
        n.name = text_of(e.new_centre_name);
        const PlanEdit r = plan_add_centre(sc, n, lang);
        show_edit(e, r);
        if (r.done) {
            e.new_centre_name = {};
            changed = true;
        }
    }
    ImGui::TreePop();
    return changed;
}

bool add_team_form(Scenario& sc, PlanEditorState& e, Lang lang) {
    if (!ImGui::TreeNode("add_team", "%s", tr(lang, Text::PeAddTeam))) return false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::InputText(tr(lang, Text::PeName), e.new_team_name.data(), e.new_team_name.size());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    draw_commune_picker(tr(lang, Text::PeBase), e.new_team_base, sc.world, lang);
    bool changed = false;
    if (ImGui::Button(tr(lang, Text::PeAddTeam))) {
        const PlanEdit r = plan_add_team(sc, text_of(e.new_team_name), e.new_team_base, lang);
        show_edit(e, r);
        if (r.done) {
            e.new_team_name = {};
            changed = true;
        }
    }
    ImGui::TreePop();
    return changed;
}

/// A rule's condition: its kind, threshold (or date), how long a queue must last, where.
bool edit_condition(const Scenario& sc, Condition& w, Lang lang) {
    static const Text labels[] = {Text::EdWhenQueue, Text::EdWhenStock, Text::EdWhenAt,
                                  Text::EdWhenIncidence};
    bool changed = false;
    int kind = static_cast<int>(w.kind);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::Combo(
            tr(lang, Text::EdWhenKind), &kind,
            [](void* data, int i, const char** out) {
                *out = tr(*static_cast<Lang*>(data), labels[i]);
                return true;
            },
            &lang, 4)) {
        w.kind = static_cast<Condition::Kind>(kind);
        changed = true;
    }
    if (w.kind == Condition::Kind::At) {
        std::array<char, 32> at{};
        const std::string t = format_day_time(w.at);
        std::memcpy(at.data(), t.data(), std::min(t.size(), at.size() - 1));
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        if (ImGui::InputText(tr(lang, Text::EdAtTime), at.data(), at.size(),
                             ImGuiInputTextFlags_EnterReturnsTrue)) {
            if (auto v = parse_day_time(at.data()).value) {
                w.at = *v;
                changed = true;
            }
        }
    } else {
        changed |= edit_double(tr(lang, Text::EdThreshold), w.threshold, 0, 1e6, "%g");
    }
    if (w.kind == Condition::Kind::QueueAbove) {
        double m = static_cast<double>(w.for_time.seconds()) / 60.0;
        if (edit_double(tr(lang, Text::EdForMinutes), m, 0, 1440, "%g")) {
            w.for_time = SimTime{static_cast<std::int64_t>(m * 60.0 + 0.5)};
            changed = true;
        }
    }
    if (w.kind != Condition::Kind::IncidenceAbove) {
        const std::string current =
            w.centre.by == CentreRef::By::Name ? w.centre.value : tr(lang, Text::CfCentreAll);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
        if (ImGui::BeginCombo(tr(lang, Text::EdWhereRead), current.c_str())) {
            if (ImGui::Selectable(tr(lang, Text::CfCentreAll), w.centre.by == CentreRef::By::All)) {
                w.centre = CentreRef::all();
                changed = true;
            }
            for (const Centre& c : sc.plan.centres)
                if (ImGui::Selectable(c.name.c_str(), w.centre == CentreRef::named(c.name))) {
                    w.centre = CentreRef::named(c.name);
                    changed = true;
                }
            ImGui::EndCombo();
        }
    }
    return changed;
}

PlanEditorState::PendingDecision* pending_of(PlanEditorState& e, int rule, int decision) {
    for (auto& p : e.pending)
        if (p.rule == rule && p.decision == decision) return &p;
    return nullptr;
}

/// The escalation rules: each with its condition, `once_per_day` and decisions (each through
/// the structured change form, read back as the plan reader reads it); rules and decisions are
/// added and removed with buttons.
bool edit_escalations(Scenario& sc, PlanEditorState& e, Lang lang) {
    bool changed = false;
    int remove_rule = -1;
    for (std::size_t i = 0; i < sc.plan.escalations.size(); ++i) {
        Escalation& rule = sc.plan.escalations[i];
        const int ri = static_cast<int>(i);
        ImGui::PushID(2000 + ri);
        const std::string prefix = "escalation:";
        std::string name = rule.id.starts_with(prefix) ? rule.id.substr(prefix.size()) : rule.id;
        if (ImGui::TreeNode("rule", "%s", name.c_str())) {
            std::array<char, 128> buf{};
            std::memcpy(buf.data(), name.data(), std::min(name.size(), buf.size() - 1));
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
            if (ImGui::InputText(tr(lang, Text::PeName), buf.data(), buf.size(),
                                 ImGuiInputTextFlags_EnterReturnsTrue) &&
                buf[0] != '\0') {
                rule.id = prefix + buf.data();
                changed = true;
            }
            changed |= edit_condition(sc, rule.when, lang);
            changed |= ImGui::Checkbox(tr(lang, Text::PeOncePerDay), &rule.once_per_day);
            ImGui::TextDisabled("%s", tr(lang, Text::PeThen));
            int remove_decision = -1;
            for (std::size_t k = 0; k < rule.then.size(); ++k) {
                const int di = static_cast<int>(k);
                ImGui::PushID(di);
                ImGui::Separator();
                auto* pending = pending_of(e, ri, di);
                std::string text = pending ? pending->text : trigger_change_to_toml(rule.then[k]);
                if (draw_change_form("decision", text, &sc, true, lang)) {
                    const PlanEdit r = plan_set_escalation_decision(sc, ri, di, text, lang);
                    if (r.done) {
                        e.pending.erase(std::remove_if(e.pending.begin(), e.pending.end(),
                                                       [&](const auto& p) {
                                                           return p.rule == ri && p.decision == di;
                                                       }),
                                        e.pending.end());
                        changed = true;
                    } else if (pending) {
                        pending->text = text;
                        pending->problem = r.message;
                    } else {
                        e.pending.push_back({ri, di, text, r.message});
                    }
                }
                if (auto* p = pending_of(e, ri, di))
                    ImGui::TextColored(fail_colour, "%s", p->problem.c_str());
                if (small_button(tr(lang, Text::PeRemoveDecision))) remove_decision = di;
                ImGui::PopID();
            }
            if (remove_decision >= 0) {
                const PlanEdit r = plan_remove_escalation_decision(sc, ri, remove_decision, lang);
                show_edit(e, r);
                if (r.done) {
                    e.pending.clear();
                    changed = true;
                }
            }
            if (small_button(tr(lang, Text::PeAddDecision))) {
                changed |= plan_add_escalation_decision(sc, ri, lang).done;
            }
            ImGui::SameLine();
            if (small_button(tr(lang, Text::PeRemoveRule))) remove_rule = ri;
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    if (remove_rule >= 0) {
        const PlanEdit r = plan_remove_escalation(sc, remove_rule, lang);
        show_edit(e, r);
        e.pending.clear();
        changed |= r.done;
    }
    const bool add = small_button(tr(lang, Text::PeAddRule));
    record(e, "add_rule");
    if (add) changed |= plan_add_escalation(sc, lang).done;
    return changed;
}

void draw_rules(const PlanEditorState& e, Lang lang) {
    const Language language = language_of(lang);
    wrapped(tr(lang, Text::EditorRules));
    for (const RuleVerdict& r : e.rules.rules) {
        const ImVec4 colour = !r.pass ? fail_colour : r.warning ? warn_colour : pass_colour;
        const Text word = !r.pass ? Text::RuleFail : r.warning ? Text::RuleWarn : Text::RulePass;
        const std::string title = text::name_in(text::rule_titles, r.id, language);
        const std::string measured =
            text::phrase_text(language, r.measured_phrase.id, r.measured_phrase.args, r.measured);
        ImGui::TextColored(colour, "[%s]", tr(lang, word));
        ImGui::SameLine();
        wrapped((title + " — " + measured).c_str());
        if (r.pass && !r.warning) continue;
        for (std::size_t k = 0; k < r.where_phrases.size() && k < 5; ++k) {
            const Phrase& p = r.where_phrases[k];
            const std::string where =
                text::phrase_text(language, p.id, p.args, k < r.where.size() ? r.where[k] : "");
            wrapped_bullet(where.c_str());
        }
    }
    wrapped(tr(lang, Text::EditorReadBack));
    if (!e.write_error.empty()) {
        wrapped_coloured(
            fail_colour,
            (std::string{tr(lang, Text::EditorCannotWrite)} + " " + e.write_error).c_str());
        return;
    }
    if (e.read_back.empty()) wrapped_coloured(pass_colour, tr(lang, Text::EditorReadBackOk));
    for (const Diagnostic& d : e.read_back)
        wrapped_coloured(d.severity == Severity::Error ? fail_colour : warn_colour,
                         d.message.c_str());
}

void draw_save(const Snapshot& snapshot, UiState& ui, Commands& commands) {
    PlanEditorState& e = ui.editor;
    const Lang lang = ui.lang;
    ImGui::SetNextItemWidth(width_before_button(tr(lang, Text::EditorSaveAs)));
    ImGui::InputText("##save_as", e.save_as.data(), e.save_as.size());
    note_text_field(); // a long path scrolls inside the field
    same_line_for_button(tr(lang, Text::EditorSaveAs));
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
    if (!e.message.empty()) wrapped(e.message.c_str());
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
    wrapped(sc.plan.name.c_str());
    if (e.difference)
        ImGui::TextColored(warn_colour, "(%s)", tr(lang, Text::EditorModified));
    else
        ImGui::TextDisabled("(%s)", tr(lang, Text::EditorUnchanged));
    if (e.difference && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.difference->c_str());
    if (e.difference) {
        ImGui::SameLine();
        if (small_button(tr(lang, Text::EditorReset))) {
            *e.draft = *snapshot.loaded->scenario;
            e.pending.clear();
            e.edit_message.clear();
            ++e.version;
        }
    }
    draw_save(snapshot, ui, commands);
    if (!e.edit_message.empty())
        ImGui::TextColored(e.edit_refused ? fail_colour : warn_colour, "%s",
                           e.edit_message.c_str());
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
        const bool replacement = ImGui::CollapsingHeader(tr(lang, Text::EditorReplacement));
        record(e, "replacement");
        if (replacement) {
            changed |=
                ImGui::Checkbox(tr(lang, Text::EditorReplacementOn), &sc.plan.replacement.enabled);
            record(e, "replacement_on");
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", tr(lang, Text::EditorReplacementHint));
            if (sc.plan.replacement.enabled) {
                changed |= edit_double(tr(lang, Text::EditorReplacementCall),
                                       sc.plan.replacement.call_minutes, 0, 600, "%.0f");
                record(e, "replacement_call");
            }
        }
        if (ImGui::CollapsingHeader(tr(lang, Text::EditorCentres),
                                    ImGuiTreeNodeFlags_DefaultOpen)) {
            int remove_centre = -1;
            for (std::size_t i = 0; i < sc.plan.centres.size(); ++i) {
                Centre& c = sc.plan.centres[i];
                ImGui::PushID(static_cast<int>(i));
                if (ImGui::TreeNode("centre", "%s", c.name.c_str())) {
                    if (centre_identity_form(sc, e, static_cast<int>(i), lang)) {
                        changed = true;
                        ImGui::TreePop();
                        ImGui::PopID();
                        break; // names and shares moved: the next frame draws them
                    }
                    changed |= edit_centre(sc, c, lang);
                    changed |= edit_stations(sc, e, static_cast<int>(i), lang);
                    if (small_button(tr(lang, Text::PeRemoveCentre)))
                        remove_centre = static_cast<int>(i);
                    ImGui::TreePop();
                }
                ImGui::PopID();
            }
            if (remove_centre >= 0) {
                const PlanEdit r = plan_remove_centre(sc, remove_centre, lang);
                show_edit(e, r);
                changed |= r.done;
            }
            changed |= add_centre_form(sc, e, lang);
        }
        if (ImGui::CollapsingHeader(tr(lang, Text::EditorTeams))) {
            int remove_team = -1;
            for (std::size_t i = 0; i < sc.plan.mobile_teams.size(); ++i) {
                ImGui::PushID(static_cast<int>(1000 + i));
                if (ImGui::TreeNode("team", "%s", sc.plan.mobile_teams[i].name.c_str())) {
                    changed |= edit_team(sc, sc.plan.mobile_teams[i], lang);
                    if (small_button(tr(lang, Text::PeRemoveTeam)))
                        remove_team = static_cast<int>(i);
                    ImGui::TreePop();
                }
                ImGui::PopID();
            }
            if (remove_team >= 0) {
                const PlanEdit r = plan_remove_team(sc, remove_team, lang);
                show_edit(e, r);
                changed |= r.done;
            }
            changed |= add_team_form(sc, e, lang);
        }
        const bool rules = ImGui::CollapsingHeader(tr(lang, Text::PeEscalation));
        record(e, "escalation");
        if (rules) changed |= edit_escalations(sc, e, lang);
    }
    ImGui::EndChild();
    if (changed) ++e.version;
    ImGui::Separator();
    if (ImGui::BeginChild("editor_rules", {0, 0}, false)) draw_rules(e, lang);
    ImGui::EndChild();
    ImGui::End();
}

} // namespace riposte::gui
