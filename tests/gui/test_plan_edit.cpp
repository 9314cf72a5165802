// The plan editor's add/remove operations and escalation rules (gui/plan_edit.hpp, the code its
// buttons run), headless: each edit is saved as a plan TOML, `riposte check` (a real process)
// accepts the file, and it reloads to an equal plan. Then the same through the window: a rule
// added with a click on the editor's button (scripted SFML input), saved and checked.
#include "../cli_process.hpp"
#include "app.hpp"
#include "change_form.hpp"
#include "plan_edit.hpp"

#include "riposte/change_toml.hpp"
#include "riposte/core/distribution.hpp"
#include "riposte/exercise_toml.hpp"
#include "riposte/plan_toml.hpp"
#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <numeric>

using namespace riposte;
using namespace riposte::gui;
namespace fs = std::filesystem;

namespace {

const fs::path herault_dir = fs::path{RIPOSTE_SCENARIO_DIR} / "centre-herault";

Scenario load(const std::string& plan) {
    LoadResult r = load_scenario(herault_dir / "world.toml", herault_dir / plan);
    REQUIRE(r.scenario);
    return std::move(*r.scenario);
}

std::string all(const Diagnostics& d) {
    std::string out;
    for (const Diagnostic& x : d.items()) out += format_diagnostic(x) + "\n";
    return out;
}

/// Saves the edited plan, runs `riposte check` on it (a real process), reloads it and compares
/// it with the edited plan field by field.
void save_check_reload(const Scenario& edited, const fs::path& dir, const std::string& name) {
    const fs::path file = dir / name;
    PlanOrigin origin;
    origin.program = "riposte_gui_tests";
    origin.plan_file = herault_dir / "plan.toml";
    origin.world_file = herault_dir / "world.toml";
    origin.save_to = file;
    const PlanText text = plan_to_toml(edited, origin);
    REQUIRE_MESSAGE(text.ok(), text.error);
    REQUIRE(save_plan_toml(file, text.text, false).ok());
    const auto check = riposte::test::run_cli(
        {"check", (herault_dir / "world.toml").string(), file.string()}, dir);
    CHECK_MESSAGE(check.exit_code == 0, check.out << check.err << "\n" << text.text);
    const LoadResult back = load_scenario(herault_dir / "world.toml", file);
    REQUIRE_MESSAGE(back.scenario, all(back.diagnostics));
    const auto diff = plan_difference(edited.world, edited.plan, back.scenario->plan);
    CHECK_MESSAGE(!diff, diff.value_or("") << "\n" << text.text);
}

double vaccine_shares(const Plan& p) {
    double s = 0;
    for (const Centre& c : p.centres)
        if (c.vaccinates()) s += c.allocation_share;
    return s;
}

} // namespace

TEST_CASE("plan editor: add a centre (commune, hours, days, stations from a template), saved, "
          "checked, reloaded equal") {
    riposte::test::TempDir dir;
    Scenario sc = load("plan.toml");
    const std::size_t before = sc.plan.centres.size();
    NewCentre n;
    n.name = "Aniane";
    n.kind = CentreKind::Vaccination;
    n.commune = sc.world.find_commune("34010");
    REQUIRE(n.commune >= 0);
    n.opens = hours(9);
    n.closes = hours(17);
    n.weekdays = 0b0011111; // Monday to Friday
    // refusals: no name, a name taken, a testing template for a vaccination centre
    NewCentre bad = n;
    bad.name = " ";
    CHECK_FALSE(plan_add_centre(sc, bad, Lang::Fr).done);
    bad.name = "Gignac";
    const PlanEdit taken = plan_add_centre(sc, bad, Lang::En);
    CHECK_FALSE(taken.done);
    CHECK(taken.message.find("already taken") != std::string::npos);
    const auto templates = centre_templates(sc.plan, CentreKind::Vaccination);
    const int gignac = sc.plan.find_centre("Gignac").value();
    const int testing = sc.plan.find_centre("Dépistage Saint-André-de-Sangonis").value();
    REQUIRE(testing >= 0);
    CHECK(std::find(templates.begin(), templates.end(), testing) == templates.end());
    n.template_centre = testing;
    CHECK_FALSE(plan_add_centre(sc, n, Lang::Fr).done);
    CHECK(sc.plan.centres.size() == before);

    n.template_centre = gignac;
    const PlanEdit added = plan_add_centre(sc, n, Lang::Fr);
    REQUIRE_MESSAGE(added.done, added.message);
    REQUIRE(sc.plan.centres.size() == before + 1);
    const Centre& c = sc.plan.centres.back();
    CHECK(c.stations.size() == sc.plan.centres[static_cast<std::size_t>(gignac)].stations.size());
    CHECK(c.opens == hours(9));
    REQUIRE(c.shifts.size() == 1);
    CHECK(c.shifts[0].end == hours(17));
    CHECK(c.allocation_share == 0);
    // a share taken from Clermont so that the shares still add up to 1
    sc.plan.centres.back().allocation_share = 0.1;
    sc.plan.centres[sc.plan.find_centre("Clermont-l'Hérault").index()].allocation_share -= 0.1;
    CHECK(validate_structure(sc).rules.size() > 0);
    save_check_reload(sc, dir.path(), "plan-aniane.toml");
}

TEST_CASE("plan editor: stations and shifts added and removed keep the staffing whole") {
    riposte::test::TempDir dir;
    Scenario sc = load("plan.toml");
    const int gignac = sc.plan.find_centre("Gignac").value();
    const int injection = sc.world.find_role("injection").value();
    REQUIRE(injection >= 0);
    Centre& c = sc.plan.centres[static_cast<std::size_t>(gignac)];
    const std::size_t stations = c.stations.size();
    const int staff_before = c.shifts.at(0).staff.at(RoleId{injection});

    // a second injection station: the role now staffs two stations, people named per station
    Station st;
    st.name = "injection 2";
    st.role = RoleId{injection};
    st.service = *parse_distribution("3 + exp(1)", 60.0).value;
    st.posts = 1; // the dose is still given at one station only (the loader's rule)
    const PlanEdit added = plan_add_station(sc, gignac, st, Lang::Fr);
    REQUIRE_MESSAGE(added.done, added.message);
    REQUIRE(c.stations.size() == stations + 1);
    for (const Shift& s : c.shifts) {
        REQUIRE(s.station_staff.size() == c.stations.size());
        CHECK(s.station_staff.back() == 1);
        int named = 0;
        for (std::size_t k = 0; k < c.stations.size(); ++k)
            if (c.stations[k].role == RoleId{injection}) named += s.station_staff[k];
        CHECK(named == s.staff[RoleId{injection}]);
    }
    CHECK(c.shifts[0].staff[RoleId{injection}] == staff_before + 1);
    CHECK_FALSE(plan_add_station(sc, gignac, st, Lang::Fr).done); // the name is taken
    // a shift added (a copy of the last), one removed
    const std::size_t shifts = c.shifts.size();
    const SimTime closes = c.closes;
    REQUIRE(plan_add_shift(sc, gignac, Lang::Fr).done);
    CHECK(c.shifts.size() == shifts + 1);
    c.shifts.back().start = hours(18);
    c.shifts.back().end = hours(19);
    c.closes = hours(19);
    save_check_reload(sc, dir.path(), "plan-two-injections.toml");
    REQUIRE(plan_remove_shift(sc, gignac, static_cast<int>(c.shifts.size()) - 1, Lang::Fr).done);
    c.closes = closes;

    // the added station removed: its people leave the shifts
    const PlanEdit removed =
        plan_remove_station(sc, gignac, static_cast<int>(c.stations.size()) - 1, Lang::En);
    REQUIRE_MESSAGE(removed.done, removed.message);
    CHECK(removed.message.find("taken off the shifts") != std::string::npos);
    CHECK(c.stations.size() == stations);
    CHECK(c.shifts[0].staff[RoleId{injection}] == staff_before);
    // the observation area removed (no role): nothing else changes
    int observation = -1;
    for (std::size_t k = 0; k < c.stations.size(); ++k)
        if (c.stations[k].name == "observation") observation = static_cast<int>(k);
    REQUIRE(observation >= 0);
    REQUIRE(plan_remove_station(sc, gignac, observation, Lang::Fr).done);
    save_check_reload(sc, dir.path(), "plan-no-observation.toml");
    // a centre keeps one station and one shift
    Centre& testing = sc.plan.centres.back();
    while (testing.stations.size() > 1)
        REQUIRE(plan_remove_station(sc, static_cast<int>(sc.plan.centres.size()) - 1, 0, Lang::Fr)
                    .done);
    CHECK_FALSE(
        plan_remove_station(sc, static_cast<int>(sc.plan.centres.size()) - 1, 0, Lang::Fr).done);
    while (testing.shifts.size() > 1)
        REQUIRE(
            plan_remove_shift(sc, static_cast<int>(sc.plan.centres.size()) - 1, 0, Lang::Fr).done);
    CHECK_FALSE(
        plan_remove_shift(sc, static_cast<int>(sc.plan.centres.size()) - 1, 0, Lang::Fr).done);
}

TEST_CASE("plan editor: removing a centre an escalation rule names is refused with the reason, "
          "otherwise its allocation share goes to the others") {
    riposte::test::TempDir dir;
    Scenario sc = load("plan-escalade.toml");
    const int clermont = sc.plan.find_centre("Clermont-l'Hérault").value();
    REQUIRE(clermont >= 0);
    const std::size_t centres = sc.plan.centres.size();
    const PlanEdit refused = plan_remove_centre(sc, clermont, Lang::Fr);
    CHECK_FALSE(refused.done);
    CHECK(refused.message.find("file longue à Clermont") != std::string::npos);
    CHECK(sc.plan.centres.size() == centres);

    // Lodève is named by no rule: removed, its share spread over Clermont and Gignac
    const double total = vaccine_shares(sc.plan);
    const int lodeve = sc.plan.find_centre("Lodève").value();
    const PlanEdit removed = plan_remove_centre(sc, lodeve, Lang::Fr);
    REQUIRE_MESSAGE(removed.done, removed.message);
    CHECK(removed.message.find("Gignac") != std::string::npos);
    CHECK_FALSE(sc.plan.find_centre("Lodève").valid());
    CHECK(vaccine_shares(sc.plan) == doctest::Approx(total));
    save_check_reload(sc, dir.path(), "plan-sans-lodeve.toml");

    // the rule removed first, Clermont can go
    REQUIRE(plan_remove_escalation(sc, 0, Lang::Fr).done);
    REQUIRE(
        plan_remove_centre(sc, sc.plan.find_centre("Clermont-l'Hérault").value(), Lang::Fr).done);
    CHECK(vaccine_shares(sc.plan) == doctest::Approx(total));
    save_check_reload(sc, dir.path(), "plan-sans-clermont.toml");
}

TEST_CASE("plan editor: a centre renamed, moved to another commune and its kind changed, the "
          "rules naming it follow, a taken name is refused, saved, checked, reloaded equal") {
    riposte::test::TempDir dir;
    Scenario sc = load("plan-escalade.toml");
    const int clermont = sc.plan.find_centre("Clermont-l'Hérault").value();
    REQUIRE(clermont >= 0);
    // a decision that names the centre too (the shipped rule's line goes where it fired)
    std::get<AddLine>(sc.plan.escalations[0].then[0]).centre =
        CentreRef::named("Clermont-l'Hérault");
    const Centre before = sc.plan.centres[static_cast<std::size_t>(clermont)];

    // a name another centre has, or none: refused inline and by the edit, nothing changed
    CHECK(centre_name_problem(sc.plan, clermont, "Gignac", Lang::Fr).find("déjà pris") !=
          std::string::npos);
    CHECK(centre_name_problem(sc.plan, clermont, "  ", Lang::Fr) != "");
    CHECK(centre_name_problem(sc.plan, clermont, "Clermont-l'Hérault", Lang::Fr).empty());
    const PlanEdit taken =
        plan_edit_centre(sc, clermont, {"Gignac", before.kind, before.commune}, Lang::Fr);
    CHECK_FALSE(taken.done);
    CHECK(sc.plan.centres[static_cast<std::size_t>(clermont)].name == "Clermont-l'Hérault");

    // renamed and moved: the rule's condition and decision name the new name
    const int aniane = sc.world.find_commune("34010"); // Aniane
    REQUIRE(aniane >= 0);
    REQUIRE(aniane != before.commune);
    const std::string new_name = "Salle des fêtes de Clermont";
    const PlanEdit moved =
        plan_edit_centre(sc, clermont, {new_name, before.kind, aniane}, Lang::Fr);
    REQUIRE_MESSAGE(moved.done, moved.message);
    CHECK(moved.message.find("file longue à Clermont") != std::string::npos);
    CHECK(sc.plan.find_centre("Clermont-l'Hérault").valid() == false);
    CHECK(sc.plan.find_centre(new_name).value() == clermont);
    CHECK(sc.plan.centres[static_cast<std::size_t>(clermont)].commune == aniane);
    CHECK(sc.plan.escalations[0].when.centre == CentreRef::named(new_name));
    CHECK(std::get<AddLine>(sc.plan.escalations[0].then[0]).centre == CentreRef::named(new_name));
    // everything else of the centre is as it was
    Centre expected = before;
    expected.name = new_name;
    expected.commune = aniane;
    const Centre& now = sc.plan.centres[static_cast<std::size_t>(clermont)];
    CHECK(now.stations.size() == expected.stations.size());
    CHECK(now.shifts.size() == expected.shifts.size());
    CHECK(now.allocation_share == expected.allocation_share);
    save_check_reload(sc, dir.path(), "plan-renomme.toml");

    // a kind the stations do not fit is refused, saying what to do: Gignac gives doses
    const int gignac = sc.plan.find_centre("Gignac").value();
    const Centre& g = sc.plan.centres[static_cast<std::size_t>(gignac)];
    const PlanEdit refused =
        plan_edit_centre(sc, gignac, {g.name, CentreKind::Testing, g.commune}, Lang::Fr);
    CHECK_FALSE(refused.done);
    CHECK(refused.message.find("prélèvement") != std::string::npos); // none takes the sample
    CHECK(sc.plan.centres[static_cast<std::size_t>(gignac)].kind == CentreKind::Vaccination);
    CHECK_FALSE(plan_edit_centre(sc, gignac, {g.name, g.kind, g.commune}, Lang::Fr).done);

    // Lodève gets a sampling station, then does both: it keeps its share
    const int lodeve = sc.plan.find_centre("Lodève").value();
    const double lodeve_share = sc.plan.centres[static_cast<std::size_t>(lodeve)].allocation_share;
    CHECK(plan_edit_centre(sc, lodeve,
                           {"Lodève", CentreKind::Both,
                            sc.plan.centres[static_cast<std::size_t>(lodeve)].commune},
                           Lang::Fr)
              .message.find("prélèvement") != std::string::npos);
    Station swab = sc.plan.centres[static_cast<std::size_t>(lodeve)].stations.front();
    swab.name = "prélèvement";
    swab.gives_dose = false;
    swab.takes_sample = true;
    REQUIRE(plan_add_station(sc, lodeve, swab, Lang::Fr).done);
    const int commune = sc.plan.centres[static_cast<std::size_t>(lodeve)].commune;
    const PlanEdit both =
        plan_edit_centre(sc, lodeve, {"Lodève", CentreKind::Both, commune}, Lang::Fr);
    REQUIRE_MESSAGE(both.done, both.message);
    CHECK(sc.plan.centres[static_cast<std::size_t>(lodeve)].kind == CentreKind::Both);
    CHECK(sc.plan.centres[static_cast<std::size_t>(lodeve)].allocation_share == lodeve_share);
    save_check_reload(sc, dir.path(), "plan-lodeve-mixte.toml");

    // its dose station removed, it tests only: its share goes to the other centres of its
    // vaccine, the total stays
    const auto& stations = sc.plan.centres[static_cast<std::size_t>(lodeve)].stations;
    const auto dose = std::find_if(stations.begin(), stations.end(),
                                   [](const Station& st) { return st.gives_dose; });
    REQUIRE(dose != stations.end());
    const PlanEdit gone =
        plan_remove_station(sc, lodeve, static_cast<int>(dose - stations.begin()), Lang::Fr);
    REQUIRE_MESSAGE(gone.done, gone.message);
    const double total = vaccine_shares(sc.plan);
    const PlanEdit testing =
        plan_edit_centre(sc, lodeve, {"Lodève", CentreKind::Testing, commune}, Lang::Fr);
    REQUIRE_MESSAGE(testing.done, testing.message);
    CHECK(sc.plan.centres[static_cast<std::size_t>(lodeve)].allocation_share == 0);
    CHECK(vaccine_shares(sc.plan) == doctest::Approx(total));
    CHECK(testing.message.find("Gignac") != std::string::npos);
    save_check_reload(sc, dir.path(), "plan-lodeve-depistage.toml");
}

TEST_CASE("plan editor: mobile teams added and removed, a team a rule sends is kept") {
    riposte::test::TempDir dir;
    Scenario sc = load("plan.toml");
    const int base = sc.world.find_commune("34142");
    REQUIRE(base >= 0);
    CHECK_FALSE(plan_add_team(sc, "Équipe Lodève", -1, Lang::Fr).done); // no base
    const PlanEdit added = plan_add_team(sc, "Équipe Lodève", base, Lang::Fr);
    REQUIRE_MESSAGE(added.done, added.message);
    REQUIRE(sc.plan.mobile_teams.size() == 1);
    MobileTeam& m = sc.plan.mobile_teams[0];
    m.communes = {base, sc.world.find_commune("34010")};
    m.allocation_share = 0.05;
    sc.plan.centres[0].allocation_share -= 0.05;
    REQUIRE(plan_add_team(sc, "Équipe 2", base, Lang::Fr).done);
    CHECK_FALSE(plan_add_team(sc, "Équipe 2", base, Lang::Fr).done); // the name is taken
    save_check_reload(sc, dir.path(), "plan-equipes.toml");

    // a rule that sends the first team: that team cannot be removed, the other can
    REQUIRE(plan_add_escalation(sc, Lang::Fr).done);
    ChangeFields f;
    f.kind = "send_mobile_team";
    f.set("team", toml_quote("Équipe Lodève"));
    f.set("day", "0");
    f.set("communes", communes_from_display("34142"));
    const PlanEdit set = plan_set_escalation_decision(sc, 0, 0, join_change_text(f), Lang::Fr);
    REQUIRE_MESSAGE(set.done, set.message);
    const PlanEdit refused = plan_remove_team(sc, 0, Lang::Fr);
    CHECK_FALSE(refused.done);
    CHECK(refused.message.find("Équipe Lodève") != std::string::npos);
    REQUIRE(plan_remove_team(sc, 1, Lang::Fr).done);
    CHECK(sc.plan.mobile_teams.size() == 1);
    save_check_reload(sc, dir.path(), "plan-equipe-envoyee.toml");
}

TEST_CASE("plan editor: escalation rules added, their thresholds and decisions changed through "
          "the form's text, saved and reloaded equal") {
    riposte::test::TempDir dir;
    Scenario sc = load("plan-escalade.toml");
    REQUIRE(sc.plan.escalations.size() == 2);
    // the first rule's threshold and its line: 2 people for 4 h (as the form's fields set them)
    sc.plan.escalations[0].when.threshold = 30;
    ChangeFields f = split_change_text(trigger_change_to_toml(sc.plan.escalations[0].then[0]));
    CHECK(f.kind == "add_line");
    REQUIRE(f.find("people"));
    f.set("people", "2");
    f.set("for", toml_quote("4h"));
    const PlanEdit set = plan_set_escalation_decision(sc, 0, 0, join_change_text(f), Lang::Fr);
    REQUIRE_MESSAGE(set.done, set.message);
    const AddLine& line = std::get<AddLine>(sc.plan.escalations[0].then[0]);
    CHECK(line.people == 2);
    CHECK(line.until == hours(4));
    // a role the world does not have: refused with the reader's words, nothing changed
    f.set("role", toml_quote("astronaute"));
    const PlanEdit bad = plan_set_escalation_decision(sc, 0, 0, join_change_text(f), Lang::Fr);
    CHECK_FALSE(bad.done);
    CHECK(bad.message.find("astronaute") != std::string::npos);
    CHECK(std::get<AddLine>(sc.plan.escalations[0].then[0]).role == "injection");
    // a new rule with a second decision (a message), then one decision removed
    REQUIRE(plan_add_escalation(sc, Lang::Fr).done);
    REQUIRE(sc.plan.escalations.size() == 3);
    sc.plan.escalations[2].when.kind = Condition::Kind::At;
    sc.plan.escalations[2].when.at = days(5) + hours(8);
    sc.plan.escalations[2].once_per_day = false;
    REQUIRE(plan_add_escalation_decision(sc, 2, Lang::Fr).done);
    CHECK(sc.plan.escalations[2].then.size() == 2);
    save_check_reload(sc, dir.path(), "plan-escalade-modifie.toml");
    REQUIRE(plan_remove_escalation_decision(sc, 2, 0, Lang::Fr).done);
    CHECK_FALSE(plan_remove_escalation_decision(sc, 2, 0, Lang::Fr).done); // keeps one
    CHECK(std::holds_alternative<Message>(sc.plan.escalations[2].then[0]));
    save_check_reload(sc, dir.path(), "plan-escalade-modifie-2.toml");
}

TEST_CASE("change form: every kind's default text reads back through its own fields") {
    for (const KindSpec& k : change_kind_specs()) {
        CAPTURE(k.kind);
        for (bool triggered : {false, true}) {
            const std::string text = default_change_text(k.kind, triggered);
            const ChangeFields f = split_change_text(text);
            CHECK(f.kind == k.kind);
            CHECK(f.other.empty());
            // each key written is a field of the kind's row (the form shows all of it)
            for (const auto& kv : f.values) {
                bool listed = false;
                for (const FieldSpec& s : k.fields) listed = listed || kv.first == s.key;
                CHECK_MESSAGE(listed, kv.first);
            }
            CHECK(join_change_text(f) == text);
        }
    }
    CHECK(change_kind_specs().size() == std::size(change_kind_names));
    CHECK(toml_unquote("\"Lod\\u00e8ve \\\"x\\\"\"") == std::string("Lodève \"x\""));
    CHECK_FALSE(toml_unquote("Gignac"));
    CHECK(communes_to_display(communes_from_display(" 34142 , Aniane,")) == "34142, Aniane");
    const ChangeFields w =
        split_inline_table("{ queue_above = 40, for_minutes = 30, centre = { largest = true } }");
    REQUIRE(w.find("centre"));
    CHECK(*w.find("centre") == "{ largest = true }");
    CHECK(join_inline_table(w) ==
          "{ queue_above = 40, for_minutes = 30, centre = { largest = true } }");
    FieldSpec time{"until", FieldType::DayTime, Text::CfUntil};
    CHECK(field_problem(time, "\"J3 14:00\"", Lang::Fr).empty());
    CHECK_FALSE(field_problem(time, "\"J3 25:00\"", Lang::Fr).empty());
    FieldSpec people{"people", FieldType::Int, Text::CfPeople};
    CHECK_FALSE(field_problem(people, "2.5", Lang::Fr).empty());
    CHECK_FALSE(field_problem(people, "", Lang::Fr).empty());
}

namespace {

using Clock = std::chrono::steady_clock;

bool frames_until(App& app, const std::function<bool()>& ok, double seconds = 60) {
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < end) {
        if (!app.frame()) return false;
        if (ok()) return true;
    }
    return false;
}

const std::array<float, 4>* rect_of(const PlanEditorState& e, const std::string& name) {
    for (const auto& w : e.widget_at)
        if (w.first == name) return &w.second;
    return nullptr;
}

void click(App& app, float fx, float fy) {
    const int x = static_cast<int>(fx), y = static_cast<int>(fy);
    sf::Event move{};
    move.type = sf::Event::MouseMoved;
    move.mouseMove = {x, y};
    app.inject_event(move);
    REQUIRE(app.frame());
    sf::Event press{};
    press.type = sf::Event::MouseButtonPressed;
    press.mouseButton = {sf::Mouse::Left, x, y};
    app.inject_event(press);
    sf::Event release = press;
    release.type = sf::Event::MouseButtonReleased;
    app.inject_event(release);
    for (int i = 0; i < 3; ++i) REQUIRE(app.frame());
}

/// The GUI on the Centre-Hérault world and `plan` (a file of scenarios/centre-herault).
GuiOptions editor_options(const std::string& plan) {
    GuiOptions options;
    options.world = herault_dir / "world.toml";
    options.plan = herault_dir / plan;
    options.width = 1600;
    options.height = 1000;
    return options;
}

/// Opens the app with only the plan editor over the map (a remembered layout may show other
/// windows) and waits for the editor's first checks of the draft.
PlanEditorState& open_editor_alone(App& app) {
    REQUIRE_FALSE(app.open().has_value());
    UiState& ui = app.ui();
    ui.show_scenario = ui.show_run = ui.show_charts = ui.show_legend = false;
    ui.show_centre = ui.show_compare = ui.show_validation = ui.show_exercise_editor = false;
    ui.show_load_problems = false;
    ui.show_editor = true;
    PlanEditorState& e = ui.editor;
    REQUIRE(frames_until(app, [&] { return e.draft && e.checked == e.version; }));
    return e;
}

/// Saves the editor's draft as `saved`, checks `riposte check` accepts it and that it reads
/// back as the draft; returns the plan read back.
Plan save_check_read_back(App& app, const fs::path& saved) {
    PlanEditorState& e = app.ui().editor;
    app.command(SavePlan{saved.string(), false});
    REQUIRE(frames_until(
        app, [&] { return !e.saved_file.empty(); }, 10));
    const auto check = riposte::test::run_cli(
        {"check", (herault_dir / "world.toml").string(), saved.string()}, saved.parent_path());
    CHECK_MESSAGE(check.exit_code == 0, check.out << check.err);
    const LoadResult back = load_scenario(herault_dir / "world.toml", saved);
    REQUIRE(back.scenario);
    const auto diff = plan_difference(back.scenario->world, e.draft->plan, back.scenario->plan);
    CHECK_MESSAGE(!diff, diff.value_or(""));
    return back.scenario->plan;
}

} // namespace

TEST_CASE("plan editor window: an escalation rule added with a click, saved, checked") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                    "needs an X display: run under xvfb-run -a -s \"-screen 0 1600x1000x24\"");
    riposte::test::TempDir dir;
    App app(editor_options("plan-escalade.toml"));
    PlanEditorState& e = open_editor_alone(app);
    CHECK(e.write_error.empty()); // a plan with escalation rules is no longer refused
    CHECK(e.read_back.empty());
    REQUIRE(e.draft->plan.escalations.size() == 2);

    // open the rules' header, then press "add a rule", as a person would
    // (a click is tried again when it is not seen: another test's window opening on the same X
    // display can take the focus, and a window that loses it forgets the button held down)
    REQUIRE(rect_of(e, "escalation"));
    for (int attempt = 0; attempt < 5 && !rect_of(e, "add_rule"); ++attempt) {
        const auto header = *rect_of(e, "escalation");
        click(app, header[0] + 20, header[1] + header[3] / 2);
    }
    REQUIRE_MESSAGE(rect_of(e, "add_rule"), "the rules' header did not open");
    const std::uint64_t version = e.version;
    for (int attempt = 0; attempt < 5 && e.draft->plan.escalations.size() == 2; ++attempt) {
        const auto add = *rect_of(e, "add_rule");
        click(app, add[0] + add[2] / 2, add[1] + add[3] / 2);
    }
    REQUIRE(e.draft->plan.escalations.size() == 3);
    CHECK(e.version > version);
    REQUIRE(frames_until(app, [&] { return e.checked == e.version; }));
    CHECK(e.read_back.empty());
    REQUIRE(e.difference);
    CHECK(e.difference->rfind("escalations.size", 0) == 0);

    save_check_read_back(app, dir.path() / "plan-trois-regles.toml");
    app.close();
}

TEST_CASE("plan editor window: the replacement list turned on with a click, saved, checked") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                    "needs an X display: run under xvfb-run -a -s \"-screen 0 1600x1000x24\"");
    riposte::test::TempDir dir;
    App app(editor_options("plan-understaffed.toml"));
    PlanEditorState& e = open_editor_alone(app);
    REQUIRE_FALSE(e.draft->plan.replacement.enabled);
    CHECK_FALSE(rect_of(e, "replacement_on")); // folded: no checkbox drawn

    // open the header, tick the box, as a person would (tried again when a click is not seen)
    REQUIRE(rect_of(e, "replacement"));
    for (int attempt = 0; attempt < 5 && !rect_of(e, "replacement_on"); ++attempt) {
        const auto header = *rect_of(e, "replacement");
        click(app, header[0] + 20, header[1] + header[3] / 2);
    }
    REQUIRE_MESSAGE(rect_of(e, "replacement_on"), "the replacement header did not open");
    CHECK_FALSE(rect_of(e, "replacement_call")); // the delay is asked only once the list is on
    for (int attempt = 0; attempt < 5 && !e.draft->plan.replacement.enabled; ++attempt) {
        const auto box = *rect_of(e, "replacement_on");
        click(app, box[0] + box[3] / 2, box[1] + box[3] / 2);
    }
    REQUIRE(e.draft->plan.replacement.enabled);
    REQUIRE(frames_until(app,
                         [&] { return e.checked == e.version && rect_of(e, "replacement_call"); }));
    CHECK(e.read_back.empty());
    REQUIRE(e.difference);
    CHECK(e.difference->rfind("replacement.enabled", 0) == 0);

    const Plan back = save_check_read_back(app, dir.path() / "plan-liste.toml");
    CHECK(back.replacement.enabled);
    CHECK(back.replacement.call_minutes == e.draft->plan.replacement.call_minutes);
    app.close();
}
