// The plan's replacement list (issue 12 §3): at a shift start, a person absent that day is
// replaced from the pool by someone free that day, within their commute and weekly hours, who
// arrives the call delay plus their commute later. Real model runs of the small world.
#include "cli_process.hpp"
#include "fixtures.hpp"
#include "riposte/intervention.hpp"
#include "riposte/output.hpp"
#include "riposte/plan_toml.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/simulation.hpp"
#include "riposte/sizing.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

using namespace riposte;

namespace {

/// The small world's centre, open on Mondays only for one week, 09:00-17:00. Médecins:
/// `rostered` living at the centre (the interview and the supervision take two of them) and
/// `spare` more in `spare_commune` who may drive `spare_commute` minutes and give
/// `spare_hours` a week. Absences at `absent` a day.
Scenario centre(int rostered, int spare, double spare_hours, double absent, int spare_commune = 0,
                double spare_commute = 30) {
    Scenario sc = test::small_scenario();
    sc.world.days = 7;
    sc.world.deliveries = {{0, 0, 1800, CentreId{-1}, ""}};
    std::erase_if(sc.world.pool,
                  [](const PoolEntry& e) { return e.profession == ProfessionId{0}; });
    sc.world.pool.push_back(test::pool_entry(0, 0, rostered, 40));
    if (spare > 0) {
        // a label of its own: people of one profession, commune and label share their random
        // keys (their absence draws), as they are the same line of a pool file
        PoolEntry e = test::pool_entry(0, spare_commune, spare, spare_hours, spare_commute);
        e.label = "spare";
        sc.world.pool.push_back(e);
    }
    Centre& c = sc.plan.centres[0];
    c.weekdays = 1; // Monday
    for (Shift& s : c.shifts) s.weekdays = 1;
    sc.world.absenteeism.baseline = absent;
    return sc;
}

Results run(const Scenario& sc, int rep) {
    RunOptions o;
    o.replication = rep;
    return Simulation(sc, o).run();
}

int count_of(const Results& r, LogEvent ev) {
    return static_cast<int>(std::count_if(r.log.begin(), r.log.end(),
                                          [&](const LogEntry& e) { return e.event == ev; }));
}

double role_hours(const Results& r, int role) {
    double h = 0;
    for (const auto& row : r.role_days)
        if (row.day == 0 && row.role == role) h += row.staffed_hours;
    return h;
}

double replacement_hours(const Results& r) {
    double h = 0;
    for (const auto& p : r.professions) h += p.replacement_hours;
    return h;
}

/// Everything a run reports per centre-day, role-day and station-day, and its log, as text.
std::string fingerprint(const Results& r, int centre = -1) {
    std::ostringstream o;
    o.precision(17);
    for (const auto& d : r.centre_days)
        if (centre < 0 || d.centre == centre)
            o << d.centre << ' ' << d.day << ' ' << d.arrivals << ' ' << d.served << ' '
              << d.turned_away << ' ' << d.vaccinations << ' ' << d.wait_mean_min << ' '
              << d.wait_p90_min << ' ' << d.wait_max_min << ' ' << d.overtime_hours << '\n';
    for (const auto& d : r.role_days)
        if (centre < 0 || d.centre == centre)
            o << d.centre << ' ' << d.day << ' ' << d.role << ' ' << d.staffed_hours << ' '
              << d.busy_hours << ' ' << d.required << ' ' << d.present << '\n';
    for (const auto& d : r.station_days)
        if (centre < 0 || d.centre == centre)
            o << d.centre << ' ' << d.day << ' ' << d.station << ' ' << d.arrivals << ' '
              << d.waited << ' ' << d.staffed_hours << '\n';
    for (const auto& e : r.log)
        if (centre < 0 || e.centre == centre)
            o << e.time.seconds() << ' ' << static_cast<int>(e.event) << ' ' << e.centre << ' '
              << e.profession << ' ' << e.role << ' ' << e.role_to << '\n';
    return o.str();
}

/// The first line where two fingerprints differ ("" when equal).
std::string first_difference(const std::string& a, const std::string& b) {
    std::istringstream x(a), y(b);
    std::string la, lb;
    for (int line = 1;; ++line) {
        const bool ga = static_cast<bool>(std::getline(x, la));
        const bool gb = static_cast<bool>(std::getline(y, lb));
        if (!ga && !gb) return {};
        if (!ga || !gb || la != lb)
            return "line " + std::to_string(line) + ": '" + la + "' vs '" + lb + "'";
    }
}

/// Whether the interview médecin (role 1) of day 0 is absent in this run: the supervision
/// (role 4) is then staffed but the interview's own médecin is not (StaffAbsent of a médecin
/// while the supervisor covers the interview).
bool interview_absent(const Results& off) {
    int medecins_absent = 0;
    for (const auto& e : off.log)
        if (e.event == LogEvent::StaffAbsent && e.profession == 0 && e.time < hours(24))
            ++medecins_absent;
    return medecins_absent == 1 && role_hours(off, 4) < 1e-9 && role_hours(off, 1) > 7.9;
}

/// Nobody spare but the médecins: the pool's nurses, administrative staff and students are
/// exactly the people the centre rosters (3 nurses, 1 administratif, no student).
Scenario only_rostered(Scenario sc) {
    for (PoolEntry& e : sc.world.pool) {
        if (e.profession == ProfessionId{1}) e.count = 3;
        if (e.profession == ProfessionId{3}) e.count = 1;
    }
    std::erase_if(sc.world.pool,
                  [](const PoolEntry& e) { return e.profession == ProfessionId{2}; });
    return sc;
}

} // namespace

TEST_CASE("replacement: off by default, and on without absences changes nothing") {
    Scenario off = centre(2, 3, 40, 0.0);
    CHECK_FALSE(off.plan.replacement.enabled);
    Scenario on = off;
    on.plan.replacement.enabled = true;
    for (int rep = 0; rep < 3; ++rep) {
        const Results a = run(off, rep), b = run(on, rep);
        CHECK(count_of(b, LogEvent::StaffReplaced) == 0);
        CHECK_MESSAGE(fingerprint(a) == fingerprint(b),
                      first_difference(fingerprint(a), fingerprint(b)));
    }
}

TEST_CASE("replacement: an absent interview médecin is replaced from the pool, and the "
          "supervisor goes back") {
    // Two médecins rostered (interview, supervision), three spare at the centre giving 40 h,
    // absences at 30 %. On a day the interview's médecin is absent and the supervisor came, the
    // supervisor takes the interview at 09:00 (as without the list); a spare médecin is called
    // and arrives at 09:00 + 60 min + commute; the supervisor then goes back to supervision.
    const Scenario off = centre(2, 3, 40, 0.3);
    Scenario on = off;
    on.plan.replacement.enabled = true;
    on.plan.replacement.call_minutes = 60;
    int cases = 0;
    for (int rep = 0; rep < 60 && cases < 3; ++rep) {
        const Results a = run(off, rep);
        if (!interview_absent(a)) continue;
        const Results b = run(on, rep);
        // nobody else's absence draw moved: the same absences are logged
        std::vector<SimTime> absent_a, absent_b;
        for (const auto& e : a.log)
            if (e.event == LogEvent::StaffAbsent) absent_a.push_back(e.time);
        for (const auto& e : b.log)
            if (e.event == LogEvent::StaffAbsent) absent_b.push_back(e.time);
        CHECK(absent_a == absent_b);
        const auto it = std::find_if(b.log.begin(), b.log.end(), [](const LogEntry& e) {
            return e.event == LogEvent::StaffReplaced && e.role == 1;
        });
        // three spare médecins, at least one is not absent on a 30 % day (0.3^3 = 2.7 %)
        if (it == b.log.end()) {
            MESSAGE("replication " << rep << ": all three spare médecins absent");
            continue;
        }
        ++cases;
        CHECK(it->time == hours(9));
        CHECK(it->role == 1);
        CHECK(it->profession == 0);
        CHECK(it->centre == 0);
        const double delay_h = static_cast<double>(it->count) / 60.0; // call + commute
        CHECK(it->count >= 60);
        CHECK(it->count <= 60 + 30);
        // the replacement works from arrival to 17:00, counted as worked and as replacement
        // (others of the day may be replaced too: each works from arrival to 17:00)
        double expected = 0;
        for (const auto& e : b.log)
            if (e.event == LogEvent::StaffReplaced) {
                CHECK(e.time == hours(9));
                expected += 8.0 - static_cast<double>(e.count) / 60.0;
            }
        CHECK(replacement_hours(b) == doctest::Approx(expected).epsilon(0.01));
        CHECK(expected >= 8.0 - delay_h - 1e-9);
        double worked_a = 0, worked_b = 0;
        for (const auto& p : a.professions) worked_a += p.worked_hours - p.overtime_hours;
        for (const auto& p : b.professions) worked_b += p.worked_hours - p.overtime_hours;
        CHECK(worked_b == doctest::Approx(worked_a + expected).epsilon(0.01));
        // the interview is held all day; the supervisor is back from the arrival on
        CHECK(role_hours(b, 1) == doctest::Approx(8.0).epsilon(0.01));
        CHECK(role_hours(b, 4) == doctest::Approx(8.0 - delay_h).epsilon(0.01));
        // the log says it in words
        const std::string fr = log_text(on, *it, Language::French, true);
        CHECK_MESSAGE(fr.find("remplacée") != std::string::npos, fr);
        CHECK_MESSAGE(fr.find(std::to_string(it->count) + " min") != std::string::npos, fr);
        const std::string en = log_text(on, *it, Language::English, true);
        CHECK_MESSAGE(en.find("replaced") != std::string::npos, en);
    }
    CHECK(cases > 0);
}

TEST_CASE("replacement: nobody within reach or within hours, no replacement and the same run") {
    // the other professions have nobody spare; the spare médecins live 10 min away and drive
    // at most 5 min, or live at the centre but give 4 h a week, fewer than the 6 h or more
    // left of the shift after the call
    const Scenario far = only_rostered(centre(2, 3, 40, 0.3, 1, 5));
    const Scenario few_hours = only_rostered(centre(2, 3, 4, 0.3));
    int cases = 0;
    for (const Scenario* base : {&far, &few_hours})
        for (int rep = 0; rep < 20; ++rep) {
            Scenario on = *base;
            on.plan.replacement.enabled = true;
            const Results a = run(*base, rep);
            if (count_of(a, LogEvent::StaffAbsent) == 0) continue;
            const Results b = run(on, rep);
            ++cases;
            CHECK(count_of(b, LogEvent::StaffReplaced) == 0);
            CHECK(replacement_hours(b) == 0.0);
            CHECK_MESSAGE(fingerprint(a) == fingerprint(b), // the shortfall as before
                          first_difference(fingerprint(a), fingerprint(b)));
        }
    CHECK(cases > 0);
    // and with 8 h a week, the same spare médecins at the centre are called
    const Scenario enough = only_rostered(centre(2, 3, 8, 0.3));
    int replaced = 0;
    for (int rep = 0; rep < 20; ++rep) {
        Scenario on = enough;
        on.plan.replacement.enabled = true;
        replaced += count_of(run(on, rep), LogEvent::StaffReplaced);
    }
    CHECK(replaced > 0);
}

TEST_CASE("replacement: one spare person never replaces two absent people at once") {
    // both rostered médecins absent, one spare médecin: one replacement, not two (the hours
    // ledger holds the first commitment)
    const Scenario off = only_rostered(centre(2, 1, 40, 0.5));
    Scenario on = off;
    on.plan.replacement.enabled = true;
    int both = 0, replaced_once = 0;
    for (int rep = 0; rep < 60; ++rep) {
        const Results b = run(on, rep);
        int medecins_absent = 0, replaced = 0;
        for (const auto& e : b.log) {
            if (e.time >= hours(24)) continue;
            medecins_absent += e.event == LogEvent::StaffAbsent && e.profession == 0;
            replaced += e.event == LogEvent::StaffReplaced && e.profession == 0;
        }
        CHECK(replaced <= 1);
        if (medecins_absent == 2) {
            ++both;
            replaced_once += replaced == 1;
        }
    }
    CHECK(both > 0);
    CHECK(replaced_once > 0);
}

TEST_CASE("replacement: a centre the pool does not connect keeps its outputs (common random "
          "numbers)") {
    // Alpha (commune 0) has spare médecins and nurses; Beta (commune 1, 10 min away) has only
    // the people it rosters, and nobody drives more than 5 min, patients included (else people
    // turned away at one centre book at the other). With the list on, Alpha's absences are
    // replaced and Beta's outputs are unchanged, row for row.
    Scenario off = test::small_scenario();
    off.world.days = 7;
    Centre beta = test::vaccination_centre("Beta centre");
    beta.commune = 1;
    off.plan.centres.push_back(beta);
    off.world.deliveries = {{0, 0, 3600, CentreId{-1}, ""}};
    off.world.pool.clear();
    for (int commune : {0, 1}) {
        const int spare = commune == 0 ? 3 : 0;
        off.world.pool.push_back(test::pool_entry(0, commune, 2 + spare, 40, 5));
        off.world.pool.push_back(test::pool_entry(1, commune, 3 + spare, 40, 5));
        off.world.pool.push_back(test::pool_entry(3, commune, 1 + spare, 40, 5));
    }
    off.world.absenteeism.baseline = 0.2;
    off.world.behaviour.max_travel_minutes = 5;
    Scenario on = off;
    on.plan.replacement.enabled = true;
    int alpha_changed = 0;
    for (int rep = 0; rep < 4; ++rep) {
        const Results a = run(off, rep), b = run(on, rep);
        CHECK_MESSAGE(fingerprint(a, 1) == fingerprint(b, 1),
                      first_difference(fingerprint(a, 1), fingerprint(b, 1)));
        alpha_changed += fingerprint(a, 0) != fingerprint(b, 0);
        for (const auto& e : b.log)
            if (e.event == LogEvent::StaffReplaced) CHECK(e.centre == 0);
    }
    CHECK(alpha_changed > 0);
}

TEST_CASE("size: a plan that fails on absences passes with the replacement list, whose hours "
          "count in the cost") {
    // Two or three people per station and a 10 % absence a day: a station short-handed for a
    // day makes its queue long (p90 over 60 min in 6 of 40 replications); replacements from
    // the pool arriving an hour later keep it under 60 min in all but 3. The search may add
    // nobody (max_steps 0), so the plan found is the plan given, and it fails; with the list
    // on it passes its confirmation.
    Scenario sc = test::small_scenario();
    sc.plan.centres[0].shifts[0].staff = {2, 3, 3, 2, 1, 0};
    sc.world.absenteeism.baseline = 0.1;
    Target t;
    t.kind = TargetKind::WaitP90;
    t.threshold = 60;
    t.share_of_replications = 0.9;
    sc.plan.targets = {t};
    SizingOptions o;
    o.search_replications = 10;
    o.confirm_replications = 40;
    o.max_steps = 0;
    o.threads = 2;
    const SizingResult r = size_plan(sc, o);
    REQUIRE_FALSE(r.cancelled);
    CHECK(r.pass);
    CHECK(r.replacement_added);
    CHECK(r.plan.replacement.enabled);
    CHECK_FALSE(sc.plan.replacement.enabled);
    CHECK_FALSE(r.without_replacement.pass());
    CHECK(r.without_replacement.report.replications == 40);
    CHECK(r.confirmation.report.replications == 40);
    // the replacements' hours (mean over the 40 replications) are part of the cost
    CHECK(r.confirmation.replacement_hours > 0);
    CHECK(r.confirmation.hours ==
          doctest::Approx(plan_hours(sc.world, r.plan) + r.confirmation.replacement_hours));
    CHECK(r.without_replacement.replacement_hours == 0.0);
    // the plan given with the list already on: the search keeps it and adds nothing to say
    Scenario listed = sc;
    listed.plan.replacement.enabled = true;
    const SizingResult l = size_plan(listed, o);
    CHECK(l.pass);
    CHECK_FALSE(l.replacement_added);
    CHECK(l.plan.replacement.enabled);
}

TEST_CASE("plan writer: the sized plan gets a [replacement] table the loader reads back") {
    namespace fs = std::filesystem;
    const fs::path src = fs::path(RIPOSTE_SCENARIO_DIR) / "centre-herault";
    const LoadResult base = load_scenario(src / "world.toml", src / "plan-understaffed.toml");
    REQUIRE(base.scenario);
    std::ifstream in(src / "plan-understaffed.toml", std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Plan plan = base.scenario->plan;
    plan.replacement.enabled = true;
    plan.replacement.call_minutes = 45;
    const riposte::test::TempDir scratch;
    const fs::path dir = scratch.path();
    fs::create_directories(dir);
    const auto load_text = [&](const std::string& t) {
        const fs::path p = dir / "plan.toml";
        std::ofstream(p, std::ios::binary) << t;
        return load_scenario(src / "world.toml", p);
    };
    // no table in the author's file: one is appended, and the rest is left byte for byte
    const PlanText added = plan_with_staffing(text, plan, base.scenario->world);
    REQUIRE(added.ok());
    CHECK(added.text.starts_with(text));
    CHECK(added.text.find("[replacement]") != std::string::npos);
    const LoadResult back = load_text(added.text);
    for (const auto& d : back.diagnostics.items()) MESSAGE(format_diagnostic(d));
    REQUIRE(back.scenario);
    CHECK(back.scenario->plan.replacement.enabled);
    CHECK(back.scenario->plan.replacement.call_minutes == 45);
    // a table written `enabled = false`: turned true, not written twice
    const PlanText turned = plan_with_staffing(
        text + "\n[replacement]\nenabled = false # pas encore\n", plan, base.scenario->world);
    REQUIRE(turned.ok());
    CHECK(turned.text.find("enabled = true # pas encore") != std::string::npos);
    const LoadResult back2 = load_text(turned.text);
    REQUIRE(back2.scenario);
    CHECK(back2.scenario->plan.replacement.enabled);
    CHECK(back2.scenario->plan.replacement.call_minutes == 60);
    // the list off: nothing added
    const PlanText off = plan_with_staffing(text, base.scenario->plan, base.scenario->world);
    REQUIRE(off.ok());
    CHECK(off.text == text);
    // the whole-plan writer (the dashboard's editor) keeps it too
    Scenario edited = *base.scenario;
    edited.plan = plan;
    const PlanText full = plan_to_toml(edited, PlanOrigin{});
    REQUIRE(full.ok());
    const LoadResult back3 = load_text(full.text);
    REQUIRE(back3.scenario);
    CHECK_FALSE(plan_difference(edited.world, edited.plan, back3.scenario->plan));
    fs::remove_all(dir);
}

TEST_CASE("replacement: when a colleague moved over holds the absent person's station, the "
          "replacement takes the station that colleague left short") {
    // Injection 2 nurses, observation 1 nurse; the observation nurse absent: at 09:00 an
    // injection nurse moves over to the observation (a station left with nobody). Without a
    // supervising médecin on the shift, the spare nurse called from the pool then takes the
    // injection, left with one (before: she joined the observation too, and the injection
    // stayed short all day). With one, the supervisor helps the injection from 09:00; the
    // nurse takes his place there and he goes back to supervision.
    for (const bool supervisor : {false, true}) {
        CAPTURE(supervisor);
        Scenario off = centre(2, 3, 40, 0.3);
        off.plan.centres[0].shifts[0].staff[RoleId{4}] = supervisor ? 1 : 0;
        Scenario on = off;
        on.plan.replacement.enabled = true;
        int cases = 0;
        for (int rep = 0; rep < 120 && cases < 3; ++rep) {
            const Results a = run(off, rep);
            int nurses_absent = 0, moved = 0, others_absent = 0;
            for (const auto& e : a.log) {
                if (e.time >= hours(24)) continue;
                if (e.event == LogEvent::StaffAbsent)
                    ++(e.profession == 1 ? nurses_absent : others_absent);
                moved += e.event == LogEvent::StaffMovedToCover && e.role == 2 && e.role_to == 3;
            }
            if (nurses_absent != 1 || moved != 1 || others_absent != 0) continue;
            const Results b = run(on, rep);
            const auto it = std::find_if(b.log.begin(), b.log.end(), [](const LogEntry& e) {
                return e.event == LogEvent::StaffReplaced && e.role == 3;
            });
            if (it == b.log.end()) continue; // every spare nurse absent too
            ++cases;
            const double delay_h = static_cast<double>(it->count) / 60.0;
            CHECK(role_hours(a, 3) == doctest::Approx(8.0));
            CHECK(role_hours(b, 3) == doctest::Approx(8.0));
            if (supervisor) {
                CHECK(role_hours(a, 2) == doctest::Approx(16.0)); // nurse + supervisor
                CHECK(role_hours(b, 2) == doctest::Approx(16.0));
                CHECK(role_hours(b, 4) == doctest::Approx(8.0 - delay_h).epsilon(0.01));
            } else {
                CHECK(role_hours(a, 2) == doctest::Approx(8.0));
                CHECK(role_hours(b, 2) == doctest::Approx(16.0 - delay_h).epsilon(0.01));
            }
        }
        CHECK(cases > 0);
    }
}
