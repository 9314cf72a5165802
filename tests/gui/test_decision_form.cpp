// The forms' values → changes (the code the "Décider" and "Envoyer le stimulus" buttons run),
// and the words of the main courante: headless, over the default scenario and its exercise.
#include "decision_form.hpp"

#include "riposte/change_toml.hpp"
#include "riposte/exercise_loader.hpp"
#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstring>

using namespace riposte;
using namespace riposte::gui;

namespace {

const Scenario& scenario() {
    static const Scenario sc = [] {
        LoadResult r = load_scenario(default_world_file(), default_plan_file());
        REQUIRE(r.scenario);
        return std::move(*r.scenario);
    }();
    return sc;
}

template <std::size_t N> void put(std::array<char, N>& buf, const char* s) {
    std::strncpy(buf.data(), s, N - 1);
    buf[N - 1] = '\0';
}

int index_of(const std::vector<std::string>& names, const std::string& name) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<int>(i);
    return -1;
}

} // namespace

TEST_CASE("decision form: each kind gives its change, a time that does not read is named") {
    const Scenario& sc = scenario();
    DecisionForm f;
    prefill_decision_form(f, Lang::Fr, days(1) + hours(7) + minutes(20));
    CHECK(std::string(f.from.data()) == "J1 08:00");
    CHECK(std::string(f.until.data()) == "J1 16:00");
    CHECK(std::string(f.author.data()) == "référent SSE");
    f.centre = sc.plan.find_centre("Lodève").value();
    f.role = index_of(sc.world.roles.vector(), "injection");
    REQUIRE(f.role >= 0);
    f.people = 3;
    std::string problem;

    f.kind = DecisionForm::AddLine;
    auto c = decision_from_form(f, sc, Lang::Fr, &problem);
    REQUIRE(c);
    const auto& line = std::get<AddLine>(*c);
    CHECK(line.centre == CentreRef::named("Lodève"));
    CHECK(line.role == "injection");
    CHECK(line.people == 3);
    CHECK(line.from == days(1) + hours(8));
    CHECK_FALSE(line.reserve);
    f.kind = DecisionForm::CallReserve;
    CHECK(std::get<AddLine>(*decision_from_form(f, sc, Lang::Fr, &problem)).reserve);
    f.kind = DecisionForm::CloseCentre;
    CHECK_FALSE(std::get<SetCentreOpen>(*decision_from_form(f, sc, Lang::Fr, &problem)).open);
    f.kind = DecisionForm::OpenCentre;
    CHECK(std::get<SetCentreOpen>(*decision_from_form(f, sc, Lang::Fr, &problem)).open);
    f.kind = DecisionForm::Booking;
    f.from_day = 3;
    f.horizon_days = 5;
    const auto booking = std::get<ChangeBooking>(*decision_from_form(f, sc, Lang::Fr, &problem));
    CHECK(booking.from_day == 3);
    CHECK(booking.horizon_days == 5);
    // the booking rules: only the ticked ones change, for one centre or every centre
    f.set_horizon = false;
    f.set_slot = f.set_per_slot = f.set_overbooking = false;
    problem.clear();
    CHECK_FALSE(decision_from_form(f, sc, Lang::Fr, &problem)); // nothing to change
    CHECK(problem.find("Cochez") != std::string::npos);
    f.set_slot = true;
    f.slot_minutes = 15;
    f.set_per_slot = true;
    f.doses_per_slot = 2;
    f.set_overbooking = true;
    f.overbooking = 0.25f;
    f.booking_centre = sc.plan.find_centre("Gignac").value();
    const auto rules = std::get<ChangeBooking>(*decision_from_form(f, sc, Lang::Fr, &problem));
    CHECK(rules.from_day == 3);
    CHECK_FALSE(rules.horizon_days);
    CHECK(rules.slot_minutes == 15);
    CHECK(rules.doses_per_slot == 2);
    CHECK(rules.overbooking == doctest::Approx(0.25));
    CHECK(rules.centre == CentreRef::named("Gignac"));
    f.booking_centre = -1;
    CHECK(std::get<ChangeBooking>(*decision_from_form(f, sc, Lang::Fr, &problem)).centre ==
          CentreRef::all());
    f.set_horizon = true;
    // move staff: "3 infirmiers de Gignac à Lodève"
    f.kind = DecisionForm::MoveStaff;
    f.centre = sc.plan.find_centre("Gignac").value();
    f.centre_to = sc.plan.find_centre("Lodève").value();
    f.profession = index_of(sc.world.professions.vector(), "infirmier");
    REQUIRE(f.profession >= 0);
    const auto line_from = f.from;
    f.from = {}; // no time: they leave now
    const auto move = std::get<MoveStaff>(*decision_from_form(f, sc, Lang::Fr, &problem));
    CHECK(move.from == CentreRef::named("Gignac"));
    CHECK(move.to == CentreRef::named("Lodève"));
    CHECK(move.profession == "infirmier");
    CHECK(move.people == 3);
    CHECK_FALSE(move.leave_at);
    // "… à partir de 14:00"
    std::snprintf(f.from.data(), f.from.size(), "%s", "J3 14:00");
    const auto later = std::get<MoveStaff>(*decision_from_form(f, sc, Lang::Fr, &problem));
    REQUIRE(later.leave_at);
    CHECK(*later.leave_at == *parse_day_time("J3 14:00").value);
    CHECK(later.leave_at->day() == 3); // J0 is the first day
    std::snprintf(f.from.data(), f.from.size(), "%s", "14h plus tard");
    CHECK_FALSE(decision_from_form(f, sc, Lang::Fr, &problem));
    CHECK(problem.find("14h plus tard") != std::string::npos);
    f.from = line_from;
    f.centre_to = f.centre;
    CHECK_FALSE(decision_from_form(f, sc, Lang::Fr, &problem));
    f.centre = sc.plan.find_centre("Lodève").value();
    f.kind = DecisionForm::Reallocate;
    f.centre_to = f.centre; // the same centre twice
    CHECK_FALSE(decision_from_form(f, sc, Lang::Fr, &problem));
    CHECK_FALSE(problem.empty());
    f.kind = DecisionForm::Message;
    put(f.text, "informer la mairie");
    CHECK(std::get<Message>(*decision_from_form(f, sc, Lang::Fr, &problem)).text ==
          "informer la mairie");

    // "J3 25:00" does not read: the field and the expected form are named
    f.kind = DecisionForm::AddLine;
    put(f.until, "J3 25:00");
    problem.clear();
    CHECK_FALSE(decision_from_form(f, sc, Lang::Fr, &problem));
    CHECK(problem.find("Jusqu'à") != std::string::npos);
    CHECK(problem.find("J3 14:00") != std::string::npos);

    // the button's code: a Decide command, numbered, with the author
    put(f.until, "J1 18:00");
    Commands commands;
    std::uint64_t next = 7;
    REQUIRE(submit_decision(f, sc, Lang::Fr, next, commands));
    CHECK(next == 8);
    REQUIRE(commands.queue.size() == 1);
    const auto& d = std::get<Decide>(commands.queue.front());
    CHECK(d.request == 7);
    CHECK(d.author == "référent SSE");
    CHECK(d.source == EntrySource::Decision);
    CHECK(f.sent == 7);
}

TEST_CASE("decision form: send a mobile team to communes typed with commas") {
    Scenario sc = scenario();
    MobileTeam team;
    team.name = "EMV Gignac";
    sc.plan.mobile_teams = {team};
    DecisionForm f;
    f.kind = DecisionForm::SendTeam;
    f.team = 0;
    f.from_day = 4;
    put(f.communes, " 34142 ,Aniane,, Saint-André-de-Sangonis ");
    std::string problem;
    const auto c = decision_from_form(f, sc, Lang::Fr, &problem);
    REQUIRE_MESSAGE(c, problem);
    const auto& send = std::get<SendMobileTeam>(*c);
    CHECK(send.team == "EMV Gignac");
    CHECK(send.day == 4);
    CHECK(send.communes == std::vector<std::string>{"34142", "Aniane", "Saint-André-de-Sangonis"});
    // no commune, or a plan without a team: the field is named
    put(f.communes, " , ");
    CHECK_FALSE(decision_from_form(f, sc, Lang::Fr, &problem));
    CHECK(problem.find("Communes") != std::string::npos);
    CHECK_FALSE(decision_from_form(f, scenario(), Lang::Fr, &problem));
    CHECK(problem == "Équipe mobile");
}

TEST_CASE("decision form: change a centre's hours for a range of days") {
    const Scenario& sc = scenario();
    DecisionForm f;
    prefill_decision_form(f, Lang::Fr, days(3) + hours(11));
    CHECK(std::string(f.opens.data()) == "08:00"); // prefilled: a long day
    CHECK(std::string(f.closes.data()) == "20:00");
    CHECK(f.from_day == 3);
    CHECK(f.to_day == 3);
    f.kind = DecisionForm::ChangeHours;
    f.centre = sc.plan.find_centre("Gignac").value();
    f.from_day = 7;
    f.to_day = 9;
    put(f.opens, "09:00");
    put(f.closes, "24:00");
    std::string problem;
    const auto c = decision_from_form(f, sc, Lang::Fr, &problem);
    REQUIRE_MESSAGE(c, problem);
    const auto& h = std::get<ChangeHours>(*c);
    CHECK(h.centre == CentreRef::named("Gignac"));
    CHECK(h.from_day == 7);
    CHECK(h.to_day == 9);
    CHECK(h.opens == hours(9));
    CHECK(h.closes == hours(24));
    // a time that does not read: the field is named, with the format
    put(f.closes, "25:00");
    CHECK_FALSE(decision_from_form(f, sc, Lang::Fr, &problem));
    CHECK(problem.find("Fermeture « 25:00 »") == 0);
    CHECK(problem.find("08:00") != std::string::npos);
    put(f.closes, "20:00");
    f.centre = -1;
    CHECK_FALSE(decision_from_form(f, sc, Lang::Fr, &problem));
    CHECK(problem == "Centre");
    // the decision's words in the main courante
    CHECK(std::string(tr(Lang::Fr, decision_kind_text(DecisionForm::ChangeHours))) ==
          "Changer les horaires");
    CHECK(std::string(tr(Lang::En, decision_kind_text(DecisionForm::ChangeHours))) ==
          "Change hours");
}

TEST_CASE("ad-hoc inject form: each kind gives its inject") {
    const Scenario& sc = scenario();
    InjectForm f;
    f.centre = sc.plan.find_centre("Gignac").value();
    f.profession = index_of(sc.world.professions.vector(), "infirmier");
    REQUIRE(f.profession >= 0);
    const SimTime now = days(2) + hours(9);
    std::string problem;
    f.kind = InjectForm::StaffIll;
    f.people = 2;
    f.days = 3;
    const auto ill = std::get<StaffIll>(*inject_from_form(f, sc, Lang::Fr, now, &problem));
    CHECK(ill.centre == CentreRef::named("Gignac"));
    CHECK(ill.profession == "infirmier");
    CHECK(ill.people == 2);
    f.kind = InjectForm::CentreClosed;
    const auto closed = std::get<CentreClosed>(*inject_from_form(f, sc, Lang::Fr, now, &problem));
    CHECK(closed.until == now + hours(4)); // an empty until: four hours from now
    f.kind = InjectForm::StationSlowed;
    f.station = 0;
    const auto slow = std::get<StationSlowed>(*inject_from_form(f, sc, Lang::Fr, now, &problem));
    CHECK(slow.station == sc.plan.centres[static_cast<std::size_t>(f.centre)].stations[0].name);
    f.kind = InjectForm::AbsenceWave;
    f.share = 0.3f;
    CHECK(std::get<AbsenceWave>(*inject_from_form(f, sc, Lang::Fr, now, &problem)).share ==
          doctest::Approx(0.3));
    // a road cut: two communes (as typed) and until when; both are needed
    f.kind = InjectForm::RoadCut;
    problem.clear();
    CHECK_FALSE(inject_from_form(f, sc, Lang::Fr, now, &problem));
    CHECK(problem.find("communes voisines") != std::string::npos);
    put(f.commune_a, "Gignac");
    put(f.commune_b, "Aniane");
    put(f.until, "J3 18:00");
    const auto cut = std::get<RoadCut>(*inject_from_form(f, sc, Lang::Fr, now, &problem));
    CHECK(cut.a == "Gignac");
    CHECK(cut.b == "Aniane");
    CHECK(cut.until == days(3) + hours(18));
    // a group made eligible: the group's name from the world
    REQUIRE(sc.world.groups.size() >= 2);
    f.kind = InjectForm::GroupEligible;
    f.group = 1;
    CHECK(std::get<GroupEligible>(*inject_from_form(f, sc, Lang::Fr, now, &problem)).group ==
          sc.world.groups[1].name);
    for (int k = 0; k < InjectForm::KindCount; ++k) {
        f.kind = k;
        const auto c = inject_from_form(f, sc, Lang::Fr, now, &problem);
        REQUIRE(c);
        CHECK(std::string(change_kind_name(*c)) == inject_kind_name(k));
    }
}

TEST_CASE("main courante words: the players never read a controller note") {
    const ExerciseLoadResult ex = load_exercise(std::filesystem::path(RIPOSTE_SCENARIO_DIR) /
                                                "centre-herault" / "exercise.toml");
    REQUIRE(ex.exercise);
    JournalEntry fired;
    fired.source = EntrySource::ScriptedFired;
    fired.inject_id = "press";
    fired.change = Message{};
    CHECK(players_see(fired));
    const std::string players = describe_entry(fired, &*ex.exercise, Lang::Fr, true);
    const std::string console = describe_entry(fired, &*ex.exercise, Lang::Fr, false);
    CHECK(players.find("Midi Libre") != std::string::npos);
    CHECK(players.find("Test de communication") == std::string::npos); // the note
    CHECK(console.find("Test de communication") != std::string::npos);
    // what the facilitator did to the chronogramme is not the players' business
    JournalEntry skipped = fired;
    skipped.source = EntrySource::ScriptedSkipped;
    CHECK_FALSE(players_see(skipped));
    JournalEntry observation;
    observation.source = EntrySource::Observation;
    observation.text = "lent";
    observation.objective = "waits";
    observation.rating = "M";
    CHECK_FALSE(players_see(observation));
    CHECK(describe_entry(observation, &*ex.exercise, Lang::Fr, false) == "[waits · M] lent");
}
