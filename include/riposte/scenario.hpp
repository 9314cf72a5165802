#pragma once
// Plain scenario values: what the loader (sim/scenario) produces and the model consumes.
// A Scenario is a World (territory, population, pool, supply, epidemic: the facts) plus a Plan
// (what the CPTS decides: centres, hours, staffing, booking policy, allocations). Every cross
// reference is already resolved to an index; names are kept for output.
// Durations are SimTime (seconds); distributions sample in seconds.
#include "riposte/core/distribution.hpp"
#include "riposte/core/ids.hpp"
#include "riposte/core/sim_time.hpp"
#include "riposte/core/weekdays.hpp"
#include "riposte/diagnostics.hpp"
#include "riposte/exercise.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace riposte {

struct Commune {
    std::string insee;
    std::string name;
    std::int64_t population = 0;
    double lat = 0, lon = 0;
};

struct RoadEdge {
    int a = 0, b = 0; ///< commune indices
    double km = 0;
    double minutes = 0;
};

struct Territory {
    std::string name;
    /// Where the populations come from (`population_source` in world.toml), quoted in the
    /// report's footer; empty when the world does not say.
    std::string population_source;
    std::vector<Commune> communes;
    std::vector<RoadEdge> edges;
};

struct PopulationGroup {
    std::string name;
    double share = 0;         ///< share of each commune's population in the group (0..1)
    double uptake = 0;        ///< share of the group that wants the vaccine (0..1)
    int eligible_day = 0;     ///< first day the group may book
    int doses = 1;            ///< doses for a complete schedule (1..3)
    int interval_days = 21;   ///< days between doses
    double cannot_travel = 0; ///< share unable to travel to a centre (needs a mobile team)
    std::string display_name; ///< words for people ("75 ans et plus"); empty: from the name
};

/// How people book and turn up (population behaviour, part of the world).
struct Behaviour {
    Distribution booking_delay;     ///< from eligibility to the first booking attempt
    double no_show = 0.01;          ///< probability a booked person does not come
    Distribution punctuality;       ///< arrival minus slot time (may be negative)
    double max_travel_minutes = 45; ///< farthest centre a person accepts
    int retry_days = 7;             ///< an unsuccessful booker tries again after this
    /// From wanting a dose (without a booking) to going to a walk-in-only centre; also the
    /// wait before going again after being turned away there. Empty: the same day.
    Distribution walk_in_delay;
};

struct ScopeEntry {
    ProfessionId profession{0};
    bool supervised = false; ///< allowed only while a médecin is on site
};

/// Which professions may fill which role, in order of preference (first = preferred).
struct ScopeTable {
    IdVector<RoleId, std::vector<ScopeEntry>> allowed;

    /// How `profession` may hold `role`.
    enum class May : std::int8_t { no = -1, yes = 0, supervised = 1 };
    [[nodiscard]] May may_hold(ProfessionId profession, RoleId role) const {
        for (const ScopeEntry& e : allowed[role])
            if (e.profession == profession) return e.supervised ? May::supervised : May::yes;
        return May::no;
    }
    /// True when `profession` may hold `role` now: allowed, or allowed under supervision and
    /// a médecin is on site.
    [[nodiscard]] bool may_work(ProfessionId profession, RoleId role, bool medecin_on_site) const {
        const May m = may_hold(profession, role);
        return m == May::yes || (m == May::supervised && medecin_on_site);
    }
};

struct PoolEntry {
    std::string label; ///< optional name of an individual or group
    ProfessionId profession{0};
    int home_commune = 0;
    int count = 1;
    double weekly_hours = 0; ///< hours per week each person can give
    WeekdayMask weekdays = all_weekdays;
    double max_commute_minutes = 30;
    /// Reserve professionals: on call, never rostered; a decision calls them in, and they
    /// arrive after `call_in_delay` plus their commute.
    bool on_call = false;
    SimTime call_in_delay = hours(2);
};

struct VaccineType {
    std::string name;
    int doses_per_vial = 1;
    SimTime shelf_life_after_opening = hours(6);
};

struct Delivery {
    int day = 0;
    int vaccine = 0;
    std::int64_t doses = 0;
    CentreId centre; ///< a centre of the plan, or none(): the territory depot (plan allocates)
    std::string centre_name; ///< as written (resolved against the plan at load time)
};

struct TestKitDelivery {
    int day = 0;
    std::int64_t kits = 0;
};

struct Epidemic {
    std::vector<double> incidence_per_100k;  ///< daily incidence by day index (missing days = 0)
    double tests_per_case = 0;               ///< tests sought per incident case
    std::array<double, 24> hourly_profile{}; ///< relative weight of each hour (0..23)
    double pcr_share = 0.5; ///< share of tests that are PCR where a centre does both
};

struct Absenteeism {
    double baseline = 0.03;        ///< probability a rostered person is absent on a given day
    double per_100k_incidence = 0; ///< extra absence probability per 100k daily incidence
};

struct World {
    std::string file; ///< path of the world file
    std::string name;
    std::string start_date; ///< ISO date of day 0
    int start_weekday = 0;  ///< 0 = Monday
    int days = 28;
    int warmup_days = 0; ///< first days left out of the whole-run queueing figures
    Territory territory;
    std::vector<PopulationGroup> groups;
    Behaviour behaviour;
    IdVector<ProfessionId, std::string> professions; ///< names, indexed by ProfessionId
    IdVector<RoleId, std::string> roles;             ///< names, indexed by RoleId
    /// Words for people, parallel to professions and roles ([scope.profession.X] and
    /// [scope.role.X] display_name); an empty string: the string table's words, else the name.
    std::vector<std::string> profession_display_names, role_display_names;
    ScopeTable scope;
    std::vector<PoolEntry> pool;
    std::vector<VaccineType> vaccines;
    std::vector<Delivery> deliveries;
    std::int64_t initial_test_kits = 0;
    std::vector<TestKitDelivery> test_kit_deliveries;
    Epidemic epidemic;
    Absenteeism absenteeism;
    double hourly_cost_eur = 50; ///< default cost of one professional hour (cost estimate)

    /// none() when unknown.
    [[nodiscard]] ProfessionId find_profession(std::string_view n) const;
    [[nodiscard]] RoleId find_role(std::string_view n) const;
    [[nodiscard]] int find_commune(std::string_view insee_or_name) const;
    [[nodiscard]] RoleId supervision_role() const { return find_role("supervision"); }
    [[nodiscard]] ProfessionId medecin() const { return find_profession("medecin"); }
};

enum class CentreKind { Vaccination, Testing, Both };
enum class Flow { Vaccination, Testing, Both }; ///< which patients pass through a station
enum class StationKind { Servers, Area };
enum class TestType { Antigen, Pcr, Both };

struct Station {
    std::string name;
    StationKind kind = StationKind::Servers;
    Flow flow = Flow::Both;
    RoleId role;               ///< role staffing it (Servers: required; Area: optional watcher)
    Distribution service;      ///< service time (Servers) or dwell time (Area)
    int capacity = 0;          ///< Area: number of places (chairs)
    bool gives_dose = false;   ///< the vaccine is given here (a dose is drawn from a vial)
    bool takes_sample = false; ///< a test kit is used here
    /// Servers: posts (booths) where service happens, 0 = one per person present. At a
    /// handover the incoming person takes a post only once the outgoing one has finished.
    int posts = 0;
};

struct Shift {
    WeekdayMask weekdays = all_weekdays;
    int first_day = 0, last_day = 1 << 20; ///< inclusive day range
    SimTime start, end;                    ///< seconds of day
    IdVector<RoleId, int> staff;           ///< people required, indexed by role
    /// People per station, indexed by the centre's stations (-1: not named). Required for the
    /// stations of a role that staffs several stations of the centre; their sum is staff[role].
    std::vector<int> station_staff;
    /// Where the shift's `staff = { ... }` value is written (the plan writer rewrites it there).
    SourceLoc staff_where;
};

struct Centre {
    std::string name;
    std::string display_name; ///< words for people in summaries; empty: the name
    CentreKind kind = CentreKind::Vaccination;
    int commune = 0;
    WeekdayMask weekdays = all_weekdays;
    int first_day = 0, last_day = 1 << 20;
    SimTime opens = hours(8), closes = hours(18);
    std::vector<Station> stations;
    int waiting_room = 1000; ///< people waiting at once before arrivals are turned away
    /// Open around the clock on its days, without the daily empty restart: doors close only
    /// before a day it is not open; shifts may cross midnight (Shift::end up to 48 h) and hand
    /// over with people still queued.
    bool continuous = false;
    std::vector<Shift> shifts;
    // vaccination
    int vaccine = 0;
    SimTime slot_length = minutes(5);
    int doses_per_slot = 1;
    double allocation_share = 1;  ///< share of depot deliveries of its vaccine
    double walk_ins_per_hour = 0; ///< unbooked arrivals (served while doses remain)
    /// Vaccination without appointment only: no slots; people who want a dose and hold no
    /// booking come on a day drawn from Behaviour::walk_in_delay, at a time of day drawn from
    /// `hourly_profile` over the opening hours.
    bool walk_in_only = false;
    std::array<double, 24> hourly_profile{}; ///< weight of each hour (all 0: flat)
    // testing
    TestType test_type = TestType::Antigen;
    Distribution pcr_result_delay; ///< sample taken -> result known (transport + lab)

    [[nodiscard]] bool vaccinates() const { return kind != CentreKind::Testing; }
    [[nodiscard]] bool tests() const { return kind != CentreKind::Vaccination; }
    [[nodiscard]] bool open_on(int day, int start_weekday) const {
        if (day < first_day || day > last_day) return false;
        return (weekdays >> ((day + start_weekday) % 7)) & 1;
    }
};

/// An équipe mobile: a team that drives from its base to the homes of people who cannot
/// travel, in the communes of its round, and vaccinates them there (SPEC §2).
struct MobileTeam {
    std::string name;
    int base_commune = 0;
    WeekdayMask weekdays = all_weekdays;
    int first_day = 0, last_day = 1 << 20;
    SimTime start = hours(9), end = hours(17); ///< seconds of day
    IdVector<RoleId, int> staff;               ///< people required, indexed by role
    std::vector<int> communes; ///< communes of the round, in order (empty: all, nearest first)
    Distribution visit;        ///< time spent in one home (interview, injection, watch)
    double minutes_between_homes = 10;
    int vaccine = 0;
    double allocation_share = 0; ///< share of depot deliveries of its vaccine
    RoleId role_needed;          ///< role that must be present for the team to go out (injection)
};

struct BookingPolicy {
    int horizon_days = 14;  ///< how far ahead a person looks for a free slot
    double overbooking = 0; ///< extra slots opened as a share of capacity (vs no-shows)
};

enum class TargetKind {
    WaitP90,     ///< p90 wait <= threshold minutes at every centre on every open day
    Coverage,    ///< coverage of a group >= threshold percent by a day
    WastedDoses, ///< wasted doses <= threshold percent of doses taken from vials
    UnmetDemand, ///< people wanting a vaccine without a first dose at the end <= threshold
};

/// A target the ARS expects the plan to meet, judged over replications (SPEC §6).
struct Target {
    TargetKind kind = TargetKind::WaitP90;
    double threshold = 0;
    double share_of_replications = 0.95; ///< WaitP90: share of replications that must meet it
    int group = -1;                      ///< Coverage: group index (-1 = everyone)
    bool complete_schedule = false;      ///< Coverage: full schedule instead of first dose
    int by_day = -1;                     ///< Coverage: day index (-1 = last day)
    SourceLoc where;                     ///< where the target is written
};

/// An escalation rule of the plan (SPEC §2, plan phases): when its condition holds (at a
/// centre, or territory-wide), the plan applies its decisions, at the centre concerned unless
/// they name one. Evaluated inside the engine at each queue sample, so a replay recreates it.
struct Escalation {
    std::string id; ///< "escalation:NAME" (or its position) in logs and journals
    Condition when;
    std::vector<Change> then; ///< times are offsets from the firing
    bool once_per_day = true; ///< else again each time the condition holds anew
    SourceLoc where;
};

/// A stress case of the plan's validation: an exercise file (a chronogramme of injects) the
/// plan's targets must also hold under (`[[validation.stress]]`).
struct StressCase {
    std::string name;           ///< as the verdict names it (default: the file's stem)
    std::filesystem::path file; ///< resolved against the plan's folder
    SourceLoc where;
};

/// The plan's replacement list (`[replacement]`): at a shift start, each person absent (the
/// day's absence draw, or fallen ill) is replaced from the pool when someone can be found:
/// allowed in the absent person's role, within commute, working that weekday, not absent or
/// ill that day, free and within their weekly hours (the hours ledger) from their arrival
/// (the shift start + call_minutes + their commute) to the shift end, at least
/// min_part_hours before it. Off by default (see docs/sizing.md).
struct Replacement {
    bool enabled = false;
    double call_minutes = 60; ///< from the shift start (the absence known) to leaving home
};

struct Plan {
    std::string file;
    std::string name;
    std::vector<Centre> centres;
    BookingPolicy booking;
    std::vector<Target> targets;
    std::vector<StressCase> stress;
    std::vector<Escalation> escalations; ///< [[escalation]] rules
    Replacement replacement;             ///< [replacement]: off unless written
    std::vector<MobileTeam> mobile_teams;
    double max_travel_minutes = -1; ///< structural travel rule (-1: the world's behaviour value)
    [[nodiscard]] CentreId find_centre(std::string_view n) const; ///< none() when unknown
    /// Name of a staffed unit as the roster numbers them: centres first, then mobile teams
    /// ("mobile team NAME"); "#i" when out of range.
    [[nodiscard]] std::string unit_name(int index) const;
};

struct Scenario {
    World world;
    Plan plan;
};

/// Bounds beyond which a scenario is refused as absurd (checked by the loader).
struct Limits {
    static constexpr int max_days = 730;
    static constexpr std::size_t max_communes = 40000;
    static constexpr std::int64_t max_population = 80'000'000;
    static constexpr std::size_t max_centres = 5000;
    static constexpr std::size_t max_pool_people = 2'000'000;
    static constexpr int max_staff_per_role = 500;
};

} // namespace riposte
