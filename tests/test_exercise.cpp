// Exercise files and the TOML shape of a change (docs/exercise.md): every kind written by
// change_to_toml reads back equal, exercise files are read with positioned diagnostics, names
// are checked against a scenario, and the shipped stress library checks on two territories.
#include "cli_process.hpp"
#include "riposte/change_toml.hpp"
#include "riposte/exercise_loader.hpp"
#include "riposte/journal.hpp"
#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>

#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace riposte;

namespace {

const fs::path scenario_root{RIPOSTE_SCENARIO_DIR};

/// One change of every kind, and the selectors, with values that exercise the writer (a
/// quote, a newline, accents, a non-round factor).
std::vector<Change> sample_changes() {
    const SimTime t = days(3) + hours(14);
    std::vector<Change> v;
    v.push_back(CentreClosed{CentreRef{CentreRef::By::Largest, {}}, t + days(3)});
    v.push_back(CentreClosed{CentreRef::named("Lodève"), SimTime::max()});
    v.push_back(StationSlowed{CentreRef::named("Gignac"), "reception", 2.5, t + hours(4)});
    v.push_back(StationSlowed{CentreRef::all(), "", 1.0 / 3.0, SimTime::max()});
    v.push_back(StaffIll{CentreRef{CentreRef::By::NearestTo, "34114"}, "infirmier", 3, 7});
    v.push_back(AbsenceWave{"infirmier", 0.2, 10});
    v.push_back(AbsenceWave{"", 0.05, 1});
    v.push_back(DeliveryLate{CentreRef::all(), 3, 0.5});
    v.push_back(ColdChainFailure{CentreRef{CentreRef::By::Kind, "vaccination"}});
    v.push_back(DemandSurge{CentreRef{CentreRef::By::Kind, "both"}, 3, 5});
    v.push_back(SetCentreOpen{CentreRef::named("Gignac"), false, t + days(1) + seconds(7)});
    v.push_back(SetCentreOpen{CentreRef::named("*"), true, SimTime{}});
    v.push_back(
        AddLine{CentreRef::named("Clermont-l'Hérault"), "injection", 2, t, t + hours(6), true});
    v.push_back(AddLine{CentreRef::named("Gignac"), "reception", 1, t, SimTime::max(), false});
    v.push_back(
        ReallocateDoses{CentreRef{CentreRef::By::Largest, {}}, CentreRef::named("Lodève"), 300});
    v.push_back(ChangeBooking{5, 7});
    v.push_back(Message{"Informer le maire : « salle prête » \"vite\"\nligne 2\ttab \\ fin"});
    v.push_back(Message{""});
    v.push_back(MoveStaff{CentreRef::named("Gignac"), CentreRef::named("Lodève"), "infirmier", 3});
    v.push_back(MoveStaff{CentreRef::named("Gignac"), CentreRef::named("Lodève"), "infirmier", 2,
                          t + hours(4) + minutes(30)});
    v.push_back(GroupEligible{"18-64"});
    {
        ChangeBooking slots;
        slots.from_day = 5;
        slots.slot_minutes = 6;
        slots.doses_per_slot = 2;
        slots.overbooking = 0.05;
        slots.centre = CentreRef::named("Gignac");
        v.push_back(slots);
    }
    v.push_back(RoadCut{"34114", "34239", days(4) + hours(18)});
    v.push_back(SendMobileTeam{"Équipe mobile \"nord\"", 6, {"34114", "Saint-André-de-Sangonis"}});
    v.push_back(ChangeHours{CentreRef::named("Gignac"), 7, 9, hours(8), hours(20)});
    v.push_back(DemandSurge{{}, 2.5, 3, 6, "Lodève", ""});
    v.push_back(DemandSurge{{}, 1.5, 2, 0, "34114", "75+"});
    v.push_back(DemandSurge{{}, 3, 1, 0, "", "18-64"});
    v.push_back(ChangeHours{CentreRef{CentreRef::By::Largest, {}}, 5, 5, hours(7) + minutes(30),
                            hours(24)});
    return v;
}

int first_error_line(const Diagnostics& d) {
    for (const auto& i : d.items())
        if (i.severity == Severity::Error) return i.where.line;
    return 0;
}

const Diagnostic* find_id(const Diagnostics& d, std::string_view id) {
    for (const auto& i : d.items())
        if (i.id == id) return &i;
    return nullptr;
}

std::string all_text(const Diagnostics& d) {
    std::string s;
    for (const auto& i : d.items()) s += format_diagnostic(i) + "\n";
    return s;
}

} // namespace

TEST_CASE("day-times and durations: the forms accepted and where a bad one goes wrong") {
    CHECK(parse_day_time("J3 14:00").value == days(3) + hours(14));
    CHECK(parse_day_time("J+3 8h30").value == days(3) + hours(8) + minutes(30));
    CHECK(parse_day_time("j0").value == SimTime{0});
    CHECK(parse_day_time("D12 23:59:59").value == days(12) + hours(23) + minutes(59) + seconds(59));
    CHECK(format_day_time(days(3) + hours(14)) == "J3 14:00");
    CHECK(format_day_time(days(1) + seconds(7)) == "J1 00:00:07");
    const auto bad_day = parse_day_time("3 14:00");
    CHECK_FALSE(bad_day.value);
    CHECK(bad_day.offset == 0);
    const auto bad_clock = parse_day_time("J3 25:00");
    CHECK_FALSE(bad_clock.value);
    CHECK(bad_clock.offset == 3);
    const auto bad_seconds = parse_day_time("J3 14:00:7");
    CHECK_FALSE(bad_seconds.value);
    CHECK(bad_seconds.offset == 9);
    CHECK(parse_day_time("J3  ").value == days(3)); // trailing blanks are fine
    CHECK_FALSE(parse_day_time("J99999999 00:00").value);

    CHECK(parse_duration("2h30").value == hours(2) + minutes(30));
    CHECK(parse_duration("45min").value == minutes(45));
    CHECK(parse_duration("3d").value == days(3));
    CHECK(parse_duration("1j 12h").value == days(1) + hours(12));
    CHECK(parse_duration("90s").value == seconds(90));
    const auto x = parse_duration("2x");
    CHECK_FALSE(x.value);
    CHECK(x.offset == 1);
    CHECK_FALSE(parse_duration("30h2d").value); // units from days down, each once
    CHECK_FALSE(parse_duration("0h").value);
    CHECK_FALSE(parse_duration("").value);
}

TEST_CASE("every kind of change written by change_to_toml reads back equal") {
    const auto changes = sample_changes();
    std::set<std::size_t> kinds;
    for (const Change& c : changes) {
        kinds.insert(c.index());
        const std::string text = change_to_toml(c);
        CAPTURE(text);
        const ChangeParse p = parse_change_toml(text, "change.toml");
        CHECK_MESSAGE(p.diagnostics.items().empty(), all_text(p.diagnostics));
        REQUIRE(p.change);
        CHECK(p.change->index() == c.index());
        CHECK(*p.change == c);
        // the text names its kind first, by its stable name
        CHECK(text.starts_with(std::string("kind = \"") + change_kind_name(c) + "\"\n"));
    }
    CHECK(kinds.size() == std::variant_size_v<Change>);
}

TEST_CASE("the writer escapes text so that any string stays valid TOML") {
    CHECK(toml_quote("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"");
    CHECK(toml_quote(std::string("x\x01y", 3)) == "\"x\\u0001y\"");
    // a byte that is not UTF-8 becomes U+FFFD, and the result parses
    const Message m{std::string("caf\xE9 ok")};
    const ChangeParse p = parse_change_toml(change_to_toml(m), "m.toml");
    REQUIRE(p.change);
    CHECK(std::get<Message>(*p.change).text == "caf\xEF\xBF\xBD ok");
}

TEST_CASE("a change's fields are checked: positions, ranges and did-you-mean") {
    SUBCASE("unknown key with a hint") {
        const auto p =
            parse_change_toml("kind = \"station_slowed\"\ncentre = \"*\"\nfacter = 2\n", "c.toml");
        CHECK_FALSE(p.change);
        const Diagnostic* d = find_id(p.diagnostics, "key.unknown");
        REQUIRE(d);
        CHECK(d->where.line == 3);
        CHECK(d->where.column == 1);
        CHECK(d->message.find("did you mean 'factor'") != std::string::npos);
    }
    SUBCASE("unknown kind with a hint") {
        const auto p = parse_change_toml("kind = \"staff_il\"\n", "c.toml");
        const Diagnostic* d = find_id(p.diagnostics, "value.unknown_word");
        REQUIRE(d);
        CHECK(d->where.line == 1);
        CHECK(d->where.column == 8);
        CHECK(d->message.find("'staff_ill'") != std::string::npos);
        CHECK(p.diagnostics.error_count() == 1); // the other keys are not reported as unknown
    }
    SUBCASE("shares, factors and counts out of range") {
        const auto p =
            parse_change_toml("kind = \"absence_wave\"\nshare = 1.5\ndays = 0\n", "c.toml");
        CHECK(p.diagnostics.error_count() == 2);
        CHECK(p.diagnostics.items()[0].where.line == 2);
        CHECK(p.diagnostics.items()[1].where.line == 3);
        const auto f = parse_change_toml(
            "kind = \"demand_surge\"\ncentre = \"*\"\nfactor = 0\ndays = 2\n", "c.toml");
        REQUIRE(f.diagnostics.has_errors());
        CHECK(first_error_line(f.diagnostics) == 3);
        CHECK(f.diagnostics.items()[0].message.find("more than 0") != std::string::npos);
    }
    SUBCASE("a bad time points inside its string") {
        const auto p = parse_change_toml(
            "kind = \"centre_closed\"\ncentre = \"Gignac\"\nuntil = \"J3 25:00\"\n", "c.toml");
        REQUIRE(p.diagnostics.items().size() == 1);
        CHECK(p.diagnostics.items()[0].where.line == 3);
        CHECK(p.diagnostics.items()[0].where.column == 13); // the '2' of 25
    }
    SUBCASE("selectors") {
        auto p = parse_change_toml(
            "kind = \"cold_chain_failure\"\ncentre = { largest = true, kind = \"testing\" }\n",
            "c.toml");
        CHECK(find_id(p.diagnostics, "exercise.selector"));
        p = parse_change_toml("kind = \"cold_chain_failure\"\ncentre = { concerned = true }\n",
                              "c.toml");
        CHECK(find_id(p.diagnostics, "exercise.concerned_outside_trigger"));
        p = parse_change_toml("kind = \"cold_chain_failure\"\ncentre = { nearest = \"34114\" }\n",
                              "c.toml");
        CHECK(p.diagnostics.has_errors());
        p = parse_change_toml("kind = \"cold_chain_failure\"\ncentre = { kind = \"vacination\" }\n",
                              "c.toml");
        REQUIRE(find_id(p.diagnostics, "value.unknown_word"));
        CHECK(find_id(p.diagnostics, "value.unknown_word")->message.find("'vaccination'") !=
              std::string::npos);
    }
    SUBCASE("'for' needs a moment, 'until' and 'for' exclude each other") {
        auto p = parse_change_toml("kind = \"centre_closed\"\ncentre = \"*\"\nfor = 3\n", "c.toml");
        CHECK(find_id(p.diagnostics, "exercise.for_without_at"));
        p = parse_change_toml("kind = \"centre_closed\"\ncentre = \"*\"\nfor = 3\n", "c.toml",
                              days(2));
        REQUIRE(p.change);
        CHECK(std::get<CentreClosed>(*p.change).until == days(5));
        p = parse_change_toml(
            "kind = \"centre_closed\"\ncentre = \"*\"\nfor = \"2h30\"\nuntil = \"J4\"\n", "c.toml",
            days(2));
        CHECK(find_id(p.diagnostics, "exercise.until_and_for"));
        p = parse_change_toml("kind = \"centre_closed\"\ncentre = \"*\"\nuntil = \"J1\"\n",
                              "c.toml", days(2));
        CHECK(find_id(p.diagnostics, "exercise.until_before"));
    }
    SUBCASE("change_hours: clock times, closing after opening, to_day from from_day") {
        auto p = parse_change_toml("kind = \"change_hours\"\ncentre = \"Gignac\"\nfrom_day = 7\n"
                                   "opens = \"09:00\"\ncloses = \"20:30\"\n",
                                   "c.toml");
        REQUIRE_MESSAGE(p.change, all_text(p.diagnostics));
        const auto& h = std::get<ChangeHours>(*p.change);
        CHECK(h.from_day == 7);
        CHECK(h.to_day == 7); // one day when to_day is left out
        CHECK(h.opens == hours(9));
        CHECK(h.closes == hours(20) + minutes(30));
        // closing before opening: the error is on 'closes' and says what to write
        p = parse_change_toml("kind = \"change_hours\"\ncentre = \"Gignac\"\nfrom_day = 7\n"
                              "opens = \"20:00\"\ncloses = \"08:00\"\n",
                              "c.toml");
        CHECK_FALSE(p.change);
        const Diagnostic* d = find_id(p.diagnostics, "exercise.hours_reversed");
        REQUIRE(d);
        CHECK(d->where.line == 5);
        CHECK(d->message.find("closes") != std::string::npos);
        p = parse_change_toml("kind = \"change_hours\"\ncentre = \"Gignac\"\nfrom_day = 7\n"
                              "to_day = 5\nopens = \"08:00\"\ncloses = \"24:00\"\n",
                              "c.toml");
        REQUIRE(find_id(p.diagnostics, "exercise.to_day_before"));
        CHECK(find_id(p.diagnostics, "exercise.to_day_before")->where.line == 4);
        // a time that is not a clock time points inside its string
        p = parse_change_toml("kind = \"change_hours\"\ncentre = \"Gignac\"\nfrom_day = 7\n"
                              "opens = \"25:00\"\ncloses = \"18:00\"\n",
                              "c.toml");
        CHECK_FALSE(p.change);
        CHECK(first_error_line(p.diagnostics) == 4);
        // both times are required
        p = parse_change_toml("kind = \"change_hours\"\ncentre = \"Gignac\"\nfrom_day = 7\n"
                              "closes = \"18:00\"\n",
                              "c.toml");
        CHECK(find_id(p.diagnostics, "key.missing"));
    }
}

namespace {

constexpr std::string_view good_exercise = R"(# a short chronogramme
[exercise]
name = "Vague hivernale"
synopsis = "Une vague de grippe touche les soignants."

[[inject]]
id = "fridge"
at = "J2 07:30"
kind = "cold_chain_failure"
centre = { largest = true }
text = "Le réfrigérateur du centre est en panne depuis la nuit."
notes = "Attendre que les joueurs appellent l'ARS."

[[inject]]
id = "nurses"
at = "J1 08:00"
kind = "absence_wave"
profession = "infirmier"
share = 0.2
days = 10
text = "20 % des infirmiers sont malades."

[[inject]]
id = "press"
at = "J1 09:00"
kind = "message"
text = "Un journaliste appelle au sujet des files d'attente."

[[inject]]
id = "premises"
at = "J3 06:00"
kind = "centre_closed"
centre = "Gignac"
for = 3

[[trigger]]
id = "long-queue"
when = { queue_above = 50, for_minutes = 30, centre = "*" }
kind = "add_line"
role = "injection"
people = 2
for = "4h"
reserve = true
text = "La file dépasse 50 personnes."
once = false

[[trigger]]
id = "low-stock"
when = { stock_below_days = 1 }
kind = "message"
message = "Stock bas"

[[objective]]
id = "waits"
text = "Tenir l'attente sous 45 min"
[[objective.check]]
kpi = "wait_p90_min"
below = 45
days = [3, 7]
[[objective.check]]
kpi = "turned_away"
below = 0
centre = { kind = "vaccination" }
)";

} // namespace

TEST_CASE("an exercise file reads into its injects, triggers and objectives") {
    const ExerciseLoadResult r = load_exercise_text(good_exercise, "exercise.toml");
    CHECK_MESSAGE(r.diagnostics.items().empty(), all_text(r.diagnostics));
    REQUIRE(r.exercise);
    const Exercise& ex = *r.exercise;
    CHECK(ex.name == "Vague hivernale");
    CHECK(ex.synopsis.starts_with("Une vague"));
    REQUIRE(ex.injects.size() == 4);
    // in time order, each with its line
    CHECK(ex.injects[0].id == "nurses");
    CHECK(ex.injects[1].id == "press");
    CHECK(ex.injects[2].id == "fridge");
    CHECK(ex.injects[2].line == 6);
    CHECK(ex.injects[2].at == days(2) + hours(7) + minutes(30));
    CHECK(std::get<ColdChainFailure>(ex.injects[2].change).centre.by == CentreRef::By::Largest);
    CHECK(ex.injects[2].notes.starts_with("Attendre"));
    // a message inject's text is its message
    CHECK(std::get<Message>(ex.injects[1].change).text.starts_with("Un journaliste"));
    // `for` counts from `at`
    CHECK(std::get<CentreClosed>(ex.injects[3].change).until == days(6) + hours(6));
    REQUIRE(ex.triggers.size() == 2);
    const TriggeredInject& t = ex.triggers[0];
    CHECK(t.when.kind == Condition::Kind::QueueAbove);
    CHECK(t.when.threshold == 50);
    CHECK(t.when.for_time == minutes(30));
    CHECK(t.when.centre.by == CentreRef::By::All);
    CHECK_FALSE(t.once);
    const AddLine& line = std::get<AddLine>(t.change);
    CHECK(line.centre.by == CentreRef::By::Concerned); // left out in a trigger
    CHECK(line.from == SimTime{});                     // offsets from the firing
    CHECK(line.until == hours(4));
    CHECK(line.reserve);
    CHECK(ex.triggers[1].when.kind == Condition::Kind::StockBelowDays);
    CHECK(ex.triggers[1].once);
    REQUIRE(ex.objectives.size() == 1);
    REQUIRE(ex.objectives[0].checks.size() == 2);
    CHECK(ex.objectives[0].checks[0].kpi == "wait_p90_min");
    CHECK(ex.objectives[0].checks[0].below);
    CHECK(ex.objectives[0].checks[0].threshold == 45);
    CHECK(ex.objectives[0].checks[0].from_day == 3);
    CHECK(ex.objectives[0].checks[0].to_day == 7);
    CHECK(ex.objectives[0].checks[1].centre.value == "vaccination");
}

TEST_CASE("exercise files: each mistake is reported where it is written") {
    auto load = [](std::string text) { return load_exercise_text(text, "ex.toml"); };
    SUBCASE("missing [exercise], duplicate id, missing at") {
        const auto r = load("[[inject]]\nid = \"a\"\nat = \"J1\"\nkind = \"message\"\n"
                            "[[inject]]\nid = \"a\"\nkind = \"message\"\n");
        CHECK_FALSE(r.exercise);
        const Diagnostic* dup = find_id(r.diagnostics, "exercise.duplicate_id");
        REQUIRE(dup);
        CHECK(dup->where.line == 6);
        CHECK(dup->message.find("line 2") != std::string::npos);
        CHECK(find_id(r.diagnostics, "key.missing"));
    }
    SUBCASE("a trigger cannot use 'until' and its condition needs one kind") {
        const auto r = load("[exercise]\nname = \"x\"\n[[trigger]]\nid = \"t\"\n"
                            "when = { queue_above = 5, stock_below_days = 1 }\n"
                            "kind = \"centre_closed\"\nuntil = \"J3\"\n");
        const Diagnostic* c = find_id(r.diagnostics, "exercise.condition");
        REQUIRE(c);
        CHECK(c->where.line == 5);
        const Diagnostic* u = find_id(r.diagnostics, "exercise.trigger_time");
        REQUIRE(u);
        CHECK(u->where.line == 7);
    }
    SUBCASE("objective checks: KPI names, one bound, days in order") {
        const auto r = load("[exercise]\nname = \"x\"\n[[objective]]\nid = \"o\"\ntext = \"t\"\n"
                            "[[objective.check]]\nkpi = \"wait_p90\"\nbelow = 45\n"
                            "[[objective.check]]\nkpi = \"served\"\nbelow = 1\nabove = 2\n"
                            "[[objective.check]]\nkpi = \"served\"\nabove = 1\ndays = [7, 3]\n");
        const Diagnostic* k = find_id(r.diagnostics, "value.unknown_word");
        REQUIRE(k);
        CHECK(k->where.line == 7);
        CHECK(k->message.find("'wait_p90_min'") != std::string::npos);
        CHECK(find_id(r.diagnostics, "exercise.check_bound"));
        const Diagnostic* d = find_id(r.diagnostics, "exercise.days");
        REQUIRE(d);
        CHECK(d->where.line == 16);
        const auto dup = load("[exercise]\nname = \"x\"\n[[objective]]\nid = \"o\"\ntext = \"t\"\n"
                              "[[objective]]\nid = \"o\"\ntext = \"u\"\n");
        const Diagnostic* o = find_id(dup.diagnostics, "exercise.duplicate_id");
        REQUIRE(o);
        CHECK(o->where.line == 7);
        CHECK(o->message.find("line 4") != std::string::npos);
    }
    SUBCASE("an unknown top-level table and a syntax error") {
        auto r = load("[exercise]\nname = \"x\"\n[[injects]]\nid = \"a\"\n");
        const Diagnostic* u = find_id(r.diagnostics, "key.unknown");
        REQUIRE(u);
        CHECK(u->message.find("did you mean 'inject'") != std::string::npos);
        r = load("[exercise]\nname = \"x\n");
        REQUIRE(find_id(r.diagnostics, "toml.syntax"));
        CHECK(find_id(r.diagnostics, "toml.syntax")->where.line == 2);
        r = load("[exercise]\nnom_é = 1\n");
        CHECK(find_id(r.diagnostics, "toml.non_ascii_key"));
    }
    SUBCASE("files that cannot be read") {
        auto r = load_exercise(fs::path("/dev/zero"));
        CHECK(find_id(r.diagnostics, "input.not_regular"));
        r = load_exercise(scenario_root / "no-such-exercise.toml");
        CHECK(find_id(r.diagnostics, "input.missing"));
        r = load_exercise(scenario_root);
        CHECK(r.diagnostics.has_errors());
    }
}

TEST_CASE("an exercise's names are checked against the scenario where they are written") {
    const LoadResult s = load_scenario(scenario_root / "centre-herault" / "world.toml",
                                       scenario_root / "centre-herault" / "plan.toml");
    REQUIRE(s.scenario);
    const auto r = load_exercise_text(R"([exercise]
name = "noms"
[[inject]]
id = "a"
at = "J2 08:00"
kind = "staff_ill"
centre = "Gignak"
profession = "infirmiere"
people = 2
days = 3
[[inject]]
id = "b"
at = "J40 08:00"
kind = "station_slowed"
centre = "Gignac"
station = "recepton"
factor = 2
[[inject]]
id = "c"
at = "J1 08:00"
kind = "add_line"
centre = { nearest_to = "Clermont-l'Herault" }
role = "injecton"
until = "J1 18:00"
[[inject]]
id = "d"
at = "J1 08:00"
kind = "demand_surge"
centre = { kind = "both" }
factor = 2
days = 2
)",
                                      "names.toml");
    REQUIRE(r.exercise); // the names alone are fine without a world
    const Diagnostics d = check_exercise(r, *s.scenario);
    CAPTURE(all_text(d));
    REQUIRE(d.error_count() == 5);
    const auto& it = d.items();
    CHECK(it[0].where.line == 7);
    CHECK(it[0].where.column == 10);
    CHECK(it[0].message.find("did you mean 'Gignac'") != std::string::npos);
    CHECK(it[1].where.line == 8);
    CHECK(it[1].message.find("did you mean 'infirmier'") != std::string::npos);
    // J40 is past the 28-day run: a warning
    const auto warn = std::find_if(
        it.begin(), it.end(), [](const Diagnostic& x) { return x.id == "exercise.after_run"; });
    REQUIRE(warn != it.end());
    CHECK(warn->where.line == 13);
    const auto station = std::find_if(it.begin(), it.end(), [](const Diagnostic& x) {
        return x.message.find("unknown station") != std::string::npos;
    });
    REQUIRE(station != it.end());
    CHECK(station->where.line == 16);
    CHECK(station->message.find("did you mean 'reception'") != std::string::npos);
    CHECK(std::count_if(it.begin(), it.end(), [](const Diagnostic& x) {
              return x.message.find("unknown commune") != std::string::npos && x.where.line == 22;
          }) == 1);
    CHECK(std::count_if(it.begin(), it.end(), [](const Diagnostic& x) {
              return x.message.find("did you mean 'injection'") != std::string::npos;
          }) == 1);
    // no centre of kind "both" in this plan
    CHECK(find_id(d, "exercise.no_centre_of_kind"));
}

TEST_CASE("a demand surge for people: its commune and group are checked against the world, and "
          "it names centres or people, not both") {
    const LoadResult s = load_scenario(scenario_root / "centre-herault" / "world.toml",
                                       scenario_root / "centre-herault" / "plan.toml");
    REQUIRE(s.scenario);
    const auto r = load_exercise_text(R"([exercise]
name = "afflux"
[[inject]]
id = "media"
at = "J1 08:00"
kind = "demand_surge"
commune = "Lodeve"
group = "75 +"
factor = 2
days = 2
[[inject]]
id = "ok"
at = "J1 09:00"
kind = "demand_surge"
commune = "34142"
group = "75+"
factor = 2
days = 2
walk_ins_per_hour = 6
)",
                                      "afflux.toml");
    REQUIRE_MESSAGE(r.exercise, all_text(r.diagnostics));
    const Diagnostics d = check_exercise(r, *s.scenario);
    CAPTURE(all_text(d));
    REQUIRE(d.error_count() == 2);
    CHECK(d.items()[0].where.line == 7);
    CHECK(d.items()[0].message.find("unknown commune") != std::string::npos);
    CHECK(d.items()[1].where.line == 8);
    CHECK(d.items()[1].message.find("did you mean '75+'") != std::string::npos);
    // both a centre and people: one error, on 'centre'
    const auto both = parse_change_toml(
        "kind = \"demand_surge\"\ncommune = \"34142\"\ncentre = \"Lodève\"\nfactor = 2\n"
        "days = 1\n",
        "c.toml");
    CHECK_FALSE(both.change);
    REQUIRE(find_id(both.diagnostics, "exercise.surge_target"));
    CHECK(find_id(both.diagnostics, "exercise.surge_target")->where.line == 3);
}

TEST_CASE("a group made eligible is checked against the world's groups, in French and English") {
    const LoadResult s = load_scenario(scenario_root / "centre-herault" / "world.toml",
                                       scenario_root / "centre-herault" / "plan.toml");
    REQUIRE(s.scenario);
    const auto r = load_exercise_text(R"([exercise]
name = "ouverture"
[[inject]]
id = "typo"
at = "J1 08:00"
kind = "group_eligible"
group = "65-75"
[[inject]]
id = "ok"
at = "J2 08:00"
kind = "group_eligible"
group = "65-74"
)",
                                      "ouverture.toml");
    REQUIRE_MESSAGE(r.exercise, all_text(r.diagnostics));
    const Diagnostics d = check_exercise(r, *s.scenario);
    CAPTURE(all_text(d));
    REQUIRE(d.error_count() == 1);
    const Diagnostic& e = d.items()[0];
    CHECK(e.id == "ref.unknown");
    CHECK(e.where.file == "ouverture.toml");
    CHECK(e.where.line == 7);
    CHECK(e.where.column == 9);
    CHECK(format_diagnostic(e, Language::English)
              .find("unknown group '65-75'; did you mean '65-74'? (a population group of the "
                    "world)") != std::string::npos);
    CHECK(format_diagnostic(e, Language::French).find("groupe") != std::string::npos);
    CHECK(format_diagnostic(e, Language::French).find("un groupe de population du monde") !=
          std::string::npos);
    CHECK(format_diagnostic(e, Language::French).find("population group") == std::string::npos);
}

TEST_CASE("the shipped stress library checks cleanly on Centre-Hérault and on other territories") {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(scenario_root / "stress"))
        if (e.path().extension() == ".toml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 5);
    for (const char* territory : {"centre-herault", "metz-et-environs", "lievin-pays-d-artois"}) {
        const LoadResult s = load_scenario(scenario_root / territory / "world.toml",
                                           scenario_root / territory / "plan.toml");
        REQUIRE(s.scenario);
        for (const fs::path& f : files) {
            CAPTURE(territory);
            CAPTURE(f);
            const ExerciseLoadResult r = load_exercise(f, *s.scenario);
            CHECK_MESSAGE(r.diagnostics.items().empty(), all_text(r.diagnostics));
            REQUIRE(r.exercise);
            CHECK_FALSE(r.exercise->injects.empty());
            CHECK_FALSE(r.exercise->objectives.empty());
            // a library exercise names no centre: it must work on any territory
            for (const ExerciseName& n : r.names) CHECK(n.what != ExerciseName::What::Centre);
        }
    }
}

TEST_CASE("the worked example of docs/exercise.md checks cleanly on Centre-Hérault") {
    const fs::path dir = scenario_root / "centre-herault";
    const LoadResult s = load_scenario(dir / "world.toml", dir / "plan.toml");
    REQUIRE(s.scenario);
    const ExerciseLoadResult r = load_exercise(dir / "exercise.toml", *s.scenario);
    CHECK_MESSAGE(r.diagnostics.items().empty(), all_text(r.diagnostics));
    REQUIRE(r.exercise);
    CHECK(r.exercise->injects.size() == 4);
    CHECK(r.exercise->triggers.size() == 1);
    CHECK(r.exercise->objectives.size() == 2);
    const auto& slow = std::get<StationSlowed>(r.exercise->injects[1].change);
    CHECK(slow.until == days(2) + hours(12));
    CHECK(slow.factor == 3);
}

TEST_CASE("bad exercise files and journals through riposte check: exit 2, never a hang") {
    test::TempDir dir;
    const fs::path tiny = scenario_root / "tests" / "tiny";
    auto check = [&](const std::string& name) {
        test::CliProcess proc({"check", tiny.string(), "--exercise", name, "--lang", "en"},
                              dir.path());
        return proc.finish_within(std::chrono::seconds(20));
    };
    auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream out(dir.path() / name, std::ios::binary | std::ios::trunc);
        out << text;
    };
    REQUIRE(::mkfifo((dir.path() / "fifo.toml").c_str(), 0600) == 0);
    const test::Outcome fifo = check("fifo.toml");
    CHECK_FALSE(fifo.timed_out);
    CHECK(fifo.exit_code == 2);
    CHECK(fifo.err.starts_with("fifo.toml:1:1: error: [input.not_regular]"));

    std::string deep = "[exercise]\nname = \"x\"\n[[trigger]]\nid = \"t\"\nwhen = ";
    for (int k = 0; k < 300; ++k) deep += "{ a = ";
    write("deep.toml", deep + "1" + std::string(300, '}') + "\n");
    const test::Outcome d = check("deep.toml");
    CHECK(d.exit_code == 2);
    CHECK_MESSAGE(d.err.starts_with("deep.toml:5:"), d.err);

    write("accent.toml", "[exercise]\nname = \"x\"\ndurée = 3\n");
    const test::Outcome a = check("accent.toml");
    CHECK(a.exit_code == 2);
    CHECK(a.err.starts_with("accent.toml:3:4: error: [toml.non_ascii_key]"));

    write("garbage.toml", std::string("\x00\xff\xfe[[inject\x01]]", 12));
    CHECK(check("garbage.toml").exit_code == 2);

    // a byte order mark and Windows line ends are fine
    write("crlf.toml", "\xEF\xBB\xBF[exercise]\r\nname = \"x\"\r\n[[inject]]\r\nid = \"m\"\r\n"
                       "at = \"J1 08:00\"\r\nkind = \"message\"\r\ntext = \"t\"\r\n");
    const test::Outcome ok = check("crlf.toml");
    CHECK_MESSAGE(ok.exit_code == 0, ok.err);
    CHECK(ok.out.find("ok: exercise 'x': 1 scripted inject") != std::string::npos);

    // the journal reader never blocks on a FIFO either
    const JournalReadResult j = read_journal(dir.path() / "fifo.toml");
    CHECK_FALSE(j.journal);
    CHECK(j.diagnostics.items().at(0).id == "input.not_regular");
}
