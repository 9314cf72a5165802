#pragma once
// What one replication produces: tidy tables (one row per entity and day) and totals.
// Times in result rows are minutes or hours as the field name says.
#include "riposte/core/sim_time.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace riposte {

struct CentreDayRow {
    int centre = 0, day = 0;
    std::int64_t arrivals = 0; ///< people who came to the door (booked, walk-in, tests)
    std::int64_t served = 0;   ///< left having received what they came for
    std::int64_t no_shows = 0;
    std::int64_t turned_away = 0; ///< waiting room full, late after closing, no dose or kit
    std::int64_t walk_ins = 0;
    std::int64_t vaccinations = 0, tests = 0;
    double wait_mean_min = 0, wait_p50_min = 0, wait_p90_min = 0, wait_p95_min = 0,
           wait_max_min = 0; ///< time queued (all stations) per person served
    double time_in_centre_mean_min = 0;
    int max_waiting = 0;       ///< most people queued at once
    double overtime_hours = 0; ///< staff time past shift end finishing patients
    std::int64_t doses_used = 0, vials_opened = 0, doses_wasted = 0, stock_end = 0;
    std::int64_t slots_opened = 0, slots_booked = 0;
};

struct RoleDayRow {
    int centre = 0, day = 0, role = 0;
    double staffed_hours = 0;       ///< people present × scheduled shift hours (overtime excluded)
    double busy_hours = 0;          ///< time spent serving within the scheduled shift hours
    int required = 0, present = 0;  ///< peak people required / present over the day's shifts
    double overtime_hours = 0;      ///< staff time past the shift end (finishing, closing queue)
    double busy_overtime_hours = 0; ///< part of the overtime spent serving
};

/// Queueing figures of one station of a centre on one day (tidy: station_day.csv).
struct StationDayRow {
    int centre = 0, day = 0, station = 0;       ///< station: index within the centre's stations
    std::int64_t arrivals = 0;                  ///< people who joined the station's queue
    std::int64_t started = 0;                   ///< people whose service (or place) started
    std::int64_t waited = 0;                    ///< of those, people who waited more than 0 s
    double wait_mean_min = 0, wait_p90_min = 0; ///< queue time before service starts
    double staffed_hours = 0;       ///< servers present × scheduled shift hours (servers)
    double busy_hours = 0;          ///< serving within the scheduled shift hours (servers)
    double busy_overtime_hours = 0; ///< serving past the scheduled end of shifts (servers)
    double place_hours = 0;         ///< places used × hours (areas): occupancy integral of the day
    double open_hours = 0;          ///< the centre's opening hours that day
};

/// Whole-run queueing figures of one station (warm-up days excluded).
struct StationRunRow {
    int centre = 0, station = 0;
    std::int64_t arrivals = 0, started = 0, waited = 0;
    double p_wait = 0;         ///< share of started services that waited
    double wait_mean_min = 0;  ///< mean queue time
    double wait_p90_min = 0;   ///< p90 of queue time (to within 0.25 min, from a histogram)
    double utilisation = 0;    ///< servers: busy / staffed hours; areas: occupancy / capacity
    double mean_occupancy = 0; ///< areas: mean places used while the centre is open
    double mean_busy = 0; ///< servers: mean people serving while open, overtime included (λ/μ)
};

struct QueueSample {
    int centre = 0;
    SimTime time;
    int waiting = 0;   ///< people queued (not being served)
    int in_centre = 0; ///< everyone inside
};

struct CoverageRow {
    int day = 0, group = 0;
    std::int64_t first_dose = 0; ///< cumulative people with at least one dose
    std::int64_t complete = 0;   ///< cumulative people with the full schedule
    std::int64_t target = 0;     ///< people in the group who want the vaccine
    std::int64_t population = 0; ///< people in the group
};

struct CommuneGroupRow {
    int commune = 0, group = 0;
    std::int64_t population = 0, wanting = 0, first_dose = 0, complete = 0;
    std::int64_t unmet = 0;           ///< wanting but no first dose by the end
    std::int64_t cannot_travel = 0;   ///< part of `wanting` unable to travel
    std::int64_t home_first_dose = 0; ///< of those, first doses given at home by a mobile team
    double travel_minutes = -1;       ///< to the nearest open vaccination centre (-1: none)
};

struct ProfessionRow {
    int profession = 0;
    int people_in_pool = 0, people_used = 0;
    double rostered_hours = 0, worked_hours = 0, overtime_hours = 0, absent_hours = 0;
    double commute_hours = 0;
    double cost_eur = 0;
    /// Of worked_hours, those worked by replacements from the pool (Plan::replacement; not a
    /// CSV column: 0 unless the plan has the replacement list)
    double replacement_hours = 0;
};

struct ShortfallRow {
    int centre = 0, day = 0, role = 0;
    SimTime start, end; ///< shift bounds (seconds of day)
    int required = 0, rostered = 0;
    std::string reason;
};

struct TestingDayRow {
    int centre = 0, day = 0;
    std::int64_t demand = 0, antigen = 0, pcr = 0, no_kit = 0;
    double result_delay_mean_hours = 0; ///< sample to result
    std::int64_t kits_end = 0;
};

struct MobileDayRow {
    int team = 0, day = 0;
    int staff_present = 0;
    std::int64_t first_doses = 0, second_doses = 0; ///< home vaccinations
    int communes_visited = 0;
    double drive_minutes = 0;
    std::int64_t doses_used = 0, vials_opened = 0, doses_wasted = 0, stock_end = 0;
};

enum class LogKind { Info, Warning, Shortfall, Stockout, Delivery, Inject, Decision };

/// What a log entry reports. The engine records ids and numbers only; the texts, in French or
/// English, are rendered by log_text() (riposte/output.hpp) from the string table
/// (riposte/text/log_texts.hpp). The fields each event uses are listed with it.
enum class LogEvent : std::uint8_t {
    DosesDelivered,           ///< count doses, centre
    TeamDosesDelivered,       ///< count doses, team
    KitsDelivered,            ///< count test kits
    SentHomeAtClosing,        ///< count people, centre, station (nobody there at closing)
    StaffAbsent,              ///< profession, unit (Plan::unit_name: a centre or a mobile team)
    SupervisedWithoutMedecin, ///< centre, profession (works only under a médecin's supervision)
    StationStopped,           ///< centre, role: nobody present and nobody qualified to cover
    StaffMovedToCover,        ///< centre, profession, role (from), role_to
    StockOut,                 ///< centre: no dose left, people turned away
    CentreClosedUntil,        ///< centre, count = the day (0-based) the closure ends
    TeamIdle,                 ///< team: nobody to vaccinate, the team cannot go out
    TeamRound,                ///< team, count home vaccinations, count2 communes visited
    ShortfallSummary,         ///< count role-shifts not fully staffed (end of run)
    Intervention,             ///< change_kind, id, centre (-1: none); refusal_* when refused
    StaffMovedBetween,        ///< count people of profession, count2 the centre left, centre
                              ///< reached (a move decided for later, when it happens)
    StaffReplaced,            ///< centre, profession, role: an absent person replaced from
                              ///< the pool (Plan::replacement), arriving count minutes later
};

struct LogEntry {
    SimTime time;
    LogKind kind = LogKind::Info;
    LogEvent event = LogEvent::DosesDelivered;
    std::int32_t centre = -1;     ///< centre index (a unit index for StaffAbsent)
    std::int32_t team = -1;       ///< mobile team index
    std::int32_t station = -1;    ///< station index within the centre
    std::int32_t role = -1;       ///< role index
    std::int32_t role_to = -1;    ///< role index moved to (StaffMovedToCover)
    std::int32_t profession = -1; ///< profession index
    std::int64_t count = 0, count2 = 0;
    std::int32_t change_kind = -1; ///< index of the Change alternative (riposte/intervention.hpp)
    std::string id;                ///< the scripted inject's or trigger's id, if any
    std::int32_t refusal_reason = -1; ///< RefusalReason when the change was refused
    std::string refusal_subject;      ///< Refusal::subject (a name, not prose)
    double refusal_number = 0;        ///< Refusal::number
    std::int32_t refusal_detail = 0;  ///< Refusal::detail (RefusalDetail)
    std::string refusal_subject2;     ///< Refusal::subject2 (a name)
};

struct Totals {
    std::int64_t vaccinations = 0, first_doses = 0, complete = 0, tests = 0;
    std::int64_t wanting = 0, unmet = 0, unmet_cannot_travel = 0;
    std::int64_t home_vaccinations = 0; ///< given by mobile teams (included in vaccinations)
    std::int64_t no_shows = 0, turned_away = 0;
    std::int64_t unmet_tests = 0; ///< tests sought with no testing centre open within reach
    std::int64_t doses_delivered = 0, doses_used = 0, doses_wasted = 0, vials_opened = 0;
    double wait_mean_min = 0, wait_p90_min = 0, wait_p95_min = 0, wait_max_min = 0;
    double staff_hours = 0, overtime_hours = 0, cost_eur = 0;
    std::int64_t shortfall_role_shifts = 0;
    int day_coverage_target_reached = -1; ///< first day complete/wanting >= 80% (-1: never)
};

struct Results {
    std::uint64_t seed = 0;
    int replication = 0;
    std::uint64_t events = 0;
    std::vector<CentreDayRow> centre_days;
    std::vector<RoleDayRow> role_days;
    std::vector<QueueSample> queue;
    std::vector<CoverageRow> coverage;
    std::vector<CommuneGroupRow> communes;
    std::vector<ProfessionRow> professions;
    std::vector<ShortfallRow> shortfalls;
    std::vector<TestingDayRow> testing_days;
    std::vector<MobileDayRow> mobile_days;
    std::vector<StationDayRow> station_days;
    std::vector<StationRunRow> stations; ///< whole run, warm-up excluded
    std::vector<LogEntry> log;
    Totals totals;
};

} // namespace riposte
