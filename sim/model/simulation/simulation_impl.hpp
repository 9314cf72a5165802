#pragma once
// The vaccination and testing model (SPEC §2-3): the state of one replication and its event
// handlers, shared by the files of this folder (one concern each). Private to the model.
#include "riposte/allocation.hpp"
#include "riposte/core/huge_pages.hpp"
#include "riposte/core/invariant.hpp"
#include "riposte/core/rng.hpp"
#include "riposte/core/simulator.hpp"
#include "riposte/core/stats.hpp"
#include "riposte/exercise.hpp"
#include "riposte/intervention.hpp"
#include "riposte/model/centre_calendar.hpp"
#include "riposte/model/demand.hpp"
#include "riposte/model/mobile_teams.hpp"
#include "riposte/model/server_pool.hpp"
#include "riposte/model/slot_book.hpp"
#include "riposte/model/station_network.hpp"
#include "riposte/model/vial_stock.hpp"
#include "riposte/roster.hpp"
#include "riposte/simulation.hpp"
#include "riposte/territory.hpp"
#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <string>

namespace riposte {

namespace model_detail {

enum EventKind : std::uint16_t {
    DayStart,
    DayEnd,
    ShiftStart,
    ShiftEnd,
    Arrival,
    ServiceEnd,
    AreaEnd,
    VialExpiry,
    TestArrival,
    WalkInArrival,
    Sample,
    CentreClose,
    CentreOpen,
    Reopen,        // a closure ends (data: the closure's generation; stale ones are ignored)
    InjectFire,    // a scripted inject (target: index; data: its generation)
    TeamStep,      // a mobile team goes on to its next home visit (target: team)
    RoadReopen,    // a cut road opens again (data: its generation)
    BookedArrival, // the next arrival of a centre's day (target: centre), see CentreRt::arrivals
    ScheduledMove, // a move of staff decided for later (target: index in scheduled_moves_)
};

// Same-time ordering: what ends at 24:00 belongs to the day that ends (doors, then shifts),
// then the day turns over, doors open, staff arrive before patients, services end before a
// shift ends (the person finishes the patient in hand), doors close last.
constexpr int prio_close_midnight = 0, prio_shift_end_midnight = 1, prio_day_end = 2,
              prio_day_start = 3, prio_inject = 4, prio_open = 5, prio_shift_start = 10,
              prio_service_end = 20, prio_area_end = 25, prio_team = 30, prio_arrival = 50,
              prio_shift_end = 60, prio_close = 70, prio_vial = 80, prio_sample = 90;

/// Priority of an event at `time_of_day` (seconds since the day's midnight): at 24:00 it runs
/// before the next day starts.
constexpr int at_day_edge(SimTime time_of_day, int prio, int prio_midnight) {
    return time_of_day.seconds() == 86400 ? prio_midnight : prio;
}

constexpr std::int32_t none = -1;

/// An allocator whose resize() leaves new elements of trivial types uninitialised: the large
/// scratch arrays of a national day's bookings are filled slice by slice, not zeroed in one go.
template <class T> struct UninitAllocator : std::allocator<T> {
    template <class U> struct rebind { using other = UninitAllocator<U>; };
    UninitAllocator() = default;
    template <class U> explicit UninitAllocator(const UninitAllocator<U>& /*other*/) noexcept {}
    template <class U> void construct(U* p) noexcept { ::new (static_cast<void*>(p)) U; }
    template <class U, class... A> void construct(U* p, A&&... a) {
        ::new (static_cast<void*>(p)) U(std::forward<A>(a)...);
    }
};

// The demand's people (see riposte/model/demand.hpp), named as the model's files use them.
using DemandPerson = Demand::Person;
constexpr Demand::State Waiting = Demand::Waiting, Booked = Demand::Booked, Listed = Demand::Listed;

struct BookingRec {
    std::int32_t person;
    std::int32_t pos;
    std::int8_t dose; // 1-based dose number
};

enum class PatientType : std::uint8_t { Vaccination, Antigen, Pcr };

struct alignas(64) Patient { // one cache line
    std::int32_t person = none;
    CentreId centre{0};
    std::int32_t server = none;
    std::int16_t step = 0;
    PatientType type = PatientType::Vaccination;
    std::int8_t dose = 0;
    bool walk_in = false;
    bool got_product = false; // dose given / sample taken
    std::uint64_t key = 0;    // stable identity for the patient's own draws (never the index)
    SimTime arrival, enqueued, waited, sampled;
};

using StationRt = StationNetwork::Node;

/// A wait in whole seconds, as the accounting keeps it (simulated time is in whole seconds).
inline std::uint32_t wait_seconds(SimTime waited) {
    RIPOSTE_INVARIANT(waited.seconds() >= 0 && waited.seconds() <= INT64_C(0xffffffff));
    return static_cast<std::uint32_t>(waited.seconds());
}

struct DayAcc {
    CentreDayRow row;
    std::vector<std::uint32_t> wait_s; // whole seconds
    RunningStats time_in_centre;
    TestingDayRow test;
    RunningStats result_delay_h;
    bool stockout_logged = false;
};

struct alignas(64) CentreRt {
    // ---- What the patient flow reads at each event of the centre, first (handle() fetches
    // these lines ahead): the people inside, the day's next arrival, the stock, the busy time
    // by role, the day's accounting; and copies of the plan's figures it reads.
    int in_centre = 0, waiting = 0;
    bool doors_open = false;
    bool walk_in_only = false; // the plan's
    int waiting_room = 0;      // the plan's
    int vaccine = 0;           // the plan's (index into the world's vaccines)
    // The day's arrivals with an appointment (and walk-in-only visits), in the order they run:
    // only the next one is in the event heap. Each keeps the same-time order it would have had
    // if all had been scheduled at the day's start (a reserved sequence number).
    // The patient record is made when the person arrives: records stay few and close.
    struct PendingArrival {
        SimTime at;
        std::uint64_t sequence;
        std::int32_t person;
        std::int8_t dose;
        bool walk_in;
    };
    std::size_t next_arrival = 0;
    std::vector<PendingArrival> arrivals;
    VialStock vials; // doses in stock and the opened vial
    // per role today: scheduled hours of the people present, time busy within them, and the
    // overtime (staff time past the shift end) with the part of it spent serving
    std::vector<double> role_busy_s, role_busy_overtime_s, role_staffed_s, role_overtime_s;
    DayAcc acc;
    EventLane vial_expiries; // their expiry events (a fixed shelf life: times in order)
    // ---- the rest
    SlotBook slots;                                // opened and booked per day
    CentreCalendar calendar;                       // opening hours per day
    std::vector<std::vector<BookingRec>> bookings; // per day
    std::vector<std::int64_t> alloc;               // doses arriving per day
    std::int64_t n_positions = 0, stride = 1;
    std::vector<int> closing_shifts; // roster shifts whose staff stay until the centre is empty
    Rng arrival_rng, walkin_rng, test_mix_rng;
    std::uint64_t lab_key = 0;     // keys the lab delays of this centre's tests
    std::uint32_t tests_today = 0; // ordinal of the next test arrival today
    // Arrival processes keep an exact clock (seconds); only the scheduled instant is rounded,
    // so that rounding never slows the long-run rate.
    double test_clock_s = 0, walkin_clock_s = 0;
    std::array<double, 24> test_rate{}; // arrivals per hour today
    std::vector<int> role_required, role_present;
    std::vector<int> role_on_site; // people on site now, by role
    // interventions
    SimTime closed_until;          // premises shut (inject or decision) until then
    std::uint32_t closure_gen = 0; // stale Reopen events carry an older generation
    std::uint32_t close_gen = 0;   // stale CentreClose events (hours changed today) too
    double surge_factor = 1, surge_walk_ins = 0;
    int surge_group = -1; // surge walk-ins: people of this group only (-1: any)
    SimTime surge_until;
    int walkin_chain_day = -1;
    int slot_change_from = 1 << 30; // days from which slots last slot_length_now (a decision)
    SimTime slot_length_now;        // day whose walk-in arrivals are being drawn
    std::int64_t used_past = 0;     // doses used on the days before today
    int days_past = 0;              // open days before today
};

struct ShiftPresence {
    std::vector<std::pair<StationNodeId, std::int32_t>> servers; // (station, server slot)
    std::vector<StationNodeId> watched_areas;
    std::vector<PersonId> persons;         // present persons
    std::vector<RoleId> roles;             // their roles (after covering moves), same order
    std::vector<StationNodeId> station_of; // their station (none: none), same order
    std::vector<std::int32_t> server_of;   // their server slot at it (-1: an area or none)
    SimTime began;                         // when they arrived (a line added late, a deferral)
};

} // namespace model_detail

using namespace model_detail;

/// The change with its times moved by `by` (and its days by `days_by`): a trigger's offsets
/// become moments, a delayed inject keeps its durations.
Change shift_times(const Change& change, SimTime by, int days_by);

class Simulation::Impl final : public EventHandler {
  public:
    Impl(std::shared_ptr<const Scenario> sc, RunOptions opt, Observer* obs);
    /// A fork: the same state, sharing the immutable scenario and road graph. The caller
    /// re-registers the copy as its simulator's handler (Simulation's copy constructor).
    Impl(const Impl&) = default;
    void handle(const Event& e) override;
    /// Runs event `e`'s handler (handle() adds the prefetch hints of a large territory).
    void dispatch(const Event& e);
    void finalise();

    std::shared_ptr<const Scenario> owner_; // keeps the scenario alive (or borrows it)
    const Scenario& sc_;
    const World& w_;
    const Plan& plan_;
    RunOptions opt_;
    Rng::RunKey rng_run_ = Rng::run_key(opt_.seed, static_cast<std::uint64_t>(opt_.replication));
    Observer* obs_;
    Simulator sim_;
    std::uint16_t h_ = 0;
    SimTime horizon_;
    bool finalised_ = false;
    Results res_;

    std::shared_ptr<const TravelGraph> graph_;            // immutable, shared by forks
    std::shared_ptr<const TravelGraph> full_graph_;       // every road (graph_ while none is cut)
    std::vector<std::pair<RoadCut, std::uint32_t>> cuts_; // roads cut now, with their generation
    std::uint32_t road_gen_ = 0;
    Roster roster_;
    std::vector<TravelRow> travel_; // per centre → commune (sparse: infinity beyond reach)
    std::vector<std::vector<std::pair<int, float>>> vacc_choices_, test_choices_; // per commune
    std::vector<std::vector<std::pair<int, float>>> walkin_choices_; // walk-in-only centres
    struct WalkVisit {
        std::int32_t person;
        std::int8_t dose;
    };
    std::vector<std::vector<std::vector<WalkVisit>>> walk_visits_; // [centre][day]
    bool any_walk_in_only_ = false;
    IdVector<CentreId, CentreRt> centres_;
    MobileTeams teams_;       // the mobile teams' stock, rounds and second doses
    StationNetwork stations_; // every centre's stations, and the paths through them
    // per station: an area's dwell ends (a fixed dwell: their times come in order)
    std::vector<EventLane> area_ends_;
    std::map<int, std::vector<double>> travel_cache_; // commune → minutes to every commune
    std::vector<std::int64_t> cg_home_first_, cg_home_complete_;
    using IdRun = Demand::IdRun;
    using WaitQueue = Demand::WaitQueue;
    bool any_walk_ins_ = false;
    std::vector<ShiftPresence> presence_;
    /// by person: someone on site without a station (the supervising médecin) covering an
    /// absent colleague's part of a shift (RosterShift::part) until then
    std::vector<SimTime> covering_until_;
    std::vector<std::vector<int>> shifts_by_day_;

    Demand demand_; // the people who want a dose, their requests, queues and walk-in lists

    std::vector<Patient> patients_;
    std::vector<std::int32_t> free_patients_;

    // accounting
    std::vector<std::int64_t> cg_first_, cg_complete_, cg_wanting_, cg_cannot_, cg_population_;
    std::vector<std::int64_t> group_first_, group_complete_, group_wanting_, group_population_;
    IdVector<ProfessionId, double> prof_worked_h_, prof_overtime_h_, prof_absent_h_,
        prof_commute_h_;
    std::vector<char> person_used_;
    IdVector<ProfessionId, double> prof_replacement_h_; ///< hours worked by replacements
    std::vector<std::optional<std::vector<PersonId>>> replacement_lists_; ///< by centre
    std::vector<std::uint32_t> all_waits_s_;
    std::int64_t test_kits_ = 0;

    // interventions (interventions.cpp)
    std::vector<SimTime> ill_from_, ill_until_; // per roster person (empty until someone falls ill)
    std::vector<std::pair<int, int>> horizon_changes_; // (from day, booking horizon), in order
    std::uint64_t change_ordinal_ = ~std::uint64_t{0};
    std::uint32_t change_order_ = 0;
    int last_day_started_ = -1;
    std::vector<int> eligible_day_;         // per group: the world's, or earlier by an intervention
    CentreId here_centre_;                  // the centre where the firing trigger holds
    std::vector<std::int32_t> walkin_scan_; // per commune: surge walk-ins looked up to here
    std::vector<std::int32_t> walkin_scan_cg_; // per (commune, group): the same, by group
    // demand surges for people (a commune, a group): tests asked × factor while they hold
    struct PeopleSurge {
        int commune = -1, group = -1; // -1: any
        double factor = 1;
        SimTime until;
    };
    std::vector<PeopleSurge> people_surges_;
    /// Tests asked by commune m's people on the day starting at t0: × this.
    double people_surge_factor(int m, SimTime t0) const {
        double f = 1;
        for (const PeopleSurge& s : people_surges_) {
            if (s.until <= t0 || (s.commune >= 0 && s.commune != m)) continue;
            f *= s.group < 0
                     ? s.factor
                     : 1 + (s.factor - 1) * w_.groups[static_cast<std::size_t>(s.group)].share;
        }
        return f;
    }
    std::shared_ptr<const Exercise> exercise_;
    struct InjectRt {
        Change change;
        SimTime at;
        std::uint32_t gen = 0;
        bool skipped = false, fired = false;
    };
    std::vector<InjectRt> injects_;
    // conditional changes evaluated inside the run: the plan's escalation rules, then the
    // exercise's triggers
    struct TriggerRt {
        std::string id;
        Condition when;
        std::vector<Change> changes; // times are offsets from the firing
        bool once = false;           // once in the run
        bool per_day = true;         // else: at most once per day per centre
        ChangeSource source = ChangeSource::Trigger;
        std::vector<SimTime> above_since; // per centre (QueueAbove); max(): not above
        std::vector<int> fired_day;       // per centre: last day it fired (-1 never)
        bool fired = false;
    };
    std::vector<TriggerRt> triggers_;
    std::vector<AppliedChange> changes_; // every change applied or refused, in order
    std::int64_t unmet_tests_ = 0;
    double total_pop_ = 0;
    bool prefetch_next_ = false; // hint the next event's records (a large territory)
    // a station's lines the patient flow reads (StationNetwork::Node: servers, queue, copied
    // plan fields, service stream, the day's accounting)
    static constexpr int station_hot_lines = 6;
    // a large territory's heap grows by this much at a time, on huge pages (huge_pages.hpp)
    static constexpr std::size_t heap_grow_bytes = std::size_t{64} << 20;

    // helpers
    [[nodiscard]] std::size_t cg(int commune, int group) const {
        return static_cast<std::size_t>(commune) * w_.groups.size() +
               static_cast<std::size_t>(group);
    }
    [[nodiscard]] std::uint64_t person_key(std::int32_t p) const {
        const DemandPerson& d = demand_.person(p);
        return demand_.key(p, cg(d.commune, d.group));
    }
    Rng rng_for(std::uint64_t key, Purpose purpose) const {
        return Rng(rng_run_, key, purpose); // Rng(opt_.seed, opt_.replication, key, purpose)
    }
    SimTime day_start(int d) const { return days(d); }
    /// The centre's opening hours on day `d` (the plan's, unless change_hours moved them).
    CentreCalendar::Hours hours_on(CentreId c, int d) const { return centres_[c].calendar.on(d); }
    /// A log entry stamped now; the caller fills the ids and numbers its event uses.
    LogEntry log_entry(LogKind kind, LogEvent event) const {
        LogEntry e;
        e.time = sim_.now();
        e.kind = kind;
        e.event = event;
        return e;
    }
    void log(LogEntry e) {
        if (obs_) obs_->on_log(e);
        res_.log.push_back(std::move(e));
    }
    const Centre& centre_def(CentreId c) const { return plan_.centres[c.index()]; }
    const std::string& centre_name(CentreId c) const { return plan_.centres[c.index()].name; }
    std::string staffing_name(int c) const { return plan_.unit_name(c); }

    std::int32_t new_patient() {
        if (!free_patients_.empty()) {
            const std::int32_t i = free_patients_.back();
            free_patients_.pop_back();
            patients_[static_cast<std::size_t>(i)] = Patient{};
            return i;
        }
        patients_.emplace_back();
        return static_cast<std::int32_t>(patients_.size() - 1);
    }
    Patient& pat(std::int32_t i) { return patients_[static_cast<std::size_t>(i)]; }
    /// Prefetches what `e`'s handler reads first: a service or area end's patient (one line)
    /// and its station's first lines (servers, queue, copied plan fields, service stream and
    /// the day's accounting, see Node); a booked arrival's centre.
    void prefetch_first(const Event& e) const {
        switch (e.kind) {
        case ServiceEnd:
        case AreaEnd:
            if (const std::uint64_t p = e.data & 0xffffffffU; p < patients_.size())
                __builtin_prefetch(&patients_[p]);
            if (e.target < stations_.size()) {
                const char* n = reinterpret_cast<const char*>(&stations_[StationNodeId{e.target}]);
                for (int line = 0; line < station_hot_lines; ++line)
                    __builtin_prefetch(n + 64 * line);
            }
            break;
        case BookedArrival:
            if (e.target < centres_.size()) prefetch_centre(CentreId{e.target});
            break;
        default:
            break;
        }
    }

    /// A hint: fetches the lines of centre `c` the patient flow reads (see CentreRt).
    void prefetch_centre(CentreId c) const {
        const CentreRt& rt = centres_[c];
        const auto* r = reinterpret_cast<const char*>(&rt);
        // up to the accounting of the people served (a constant offset)
        const auto* end = reinterpret_cast<const char*>(&rt.acc.time_in_centre + 1);
        for (const char* line = r; line < end; line += 64) __builtin_prefetch(line);
    }

    void setup_demand();
    void setup_supply_and_slots();
    void on_day_start(int d);
    void on_day_end(int d);
    // The day start, resumable: when the run is stepped (Simulation::step), it works in slices
    // of about slice_budget_ items and the next step() goes on where it stopped; run() and
    // advance_to() do it in one go. Either way the same things happen in the same order.
    struct DayStartRun {
        enum Phase : std::uint8_t { Idle, Bookings, Staff, Centres, Testing };
        int day = -1;
        Phase phase = Idle;
        std::size_t centre = 0;
    };
    DayStartRun day_start_;
    std::uint64_t slice_budget_ = 0; // 0: no slicing
    std::uint64_t slice_used_ = 0;
    /// Charges `work` items to the slice; true (and nothing charged) once it is spent.
    bool slice_spent(std::uint64_t work = 1) {
        if (slice_budget_ != 0 && slice_used_ >= slice_budget_) return true;
        slice_used_ += work;
        return false;
    }
    [[nodiscard]] bool day_start_pending() const { return day_start_.phase != DayStartRun::Idle; }
    /// Goes on with the day start; true when it is complete.
    bool continue_day_start();
    /// Completes a day start under way, in one go (before a change, a jump, the end).
    void finish_day_start() {
        if (!day_start_pending()) return;
        const std::uint64_t budget = slice_budget_;
        slice_budget_ = 0;
        continue_day_start();
        slice_budget_ = budget;
    }
    void staff_day_start(int d);
    void centre_day_start(CentreId c, int d);
    void testing_day_start(int d);
    // The day's bookings (booking.cpp), resumable in the same way.
    struct BookingDay {
        enum Phase : std::uint8_t { Idle, Intake, Heads, Merge };
        struct Head { // a queue's next person and their place in today's order
            double key;
            std::uint32_t queue;
            std::int32_t person; // the head when pushed (a prefetch hint only: may go stale)
        };
        static_assert(sizeof(Head) == 16);
        /// The day's order of queue heads, a 4-ary min-heap (booking.cpp): node i is at(i),
        /// stored `pad` slots into a 64-byte aligned buffer so that a node's four children
        /// (16 bytes each) fill exactly one cache line.
        struct HeadHeap {
            static constexpr std::size_t pad = 3;
            std::vector<Head, AlignedAllocator<Head, 64>> slots =
                std::vector<Head, AlignedAllocator<Head, 64>>(pad);
            [[nodiscard]] Head* data() { return slots.data() + pad; }
            [[nodiscard]] std::size_t size() const { return slots.size() - pad; }
            [[nodiscard]] bool empty() const { return slots.size() == pad; }
            [[nodiscard]] Head& at(std::size_t i) { return slots[pad + i]; }
            void push_back(const Head& h) { slots.push_back(h); }
            /// Takes the last node out and returns it.
            Head take_back() {
                const Head h = slots.back();
                slots.pop_back();
                return h;
            }
        };
        int day = -1;
        Phase phase = Idle;
        std::uint64_t day_salt = 0;
        std::vector<IdRun> list; // today's new requests
        std::size_t at = 0;
        HeadHeap heads;
    };
    BookingDay booking_;
    // Without walk-ins, failing to book has no effect, and a (commune, group) that finds nothing
    // during a day's booking finds nothing until that booking ends (it only takes slots): the
    // failure is remembered, for every group asking the same slots (same doses and interval).
    std::vector<std::uint32_t> booking_failed_; // [commune * classes + class]: run it failed in
    std::vector<std::uint32_t> group_class_;    // per group
    std::uint32_t group_classes_ = 0;
    std::uint32_t booking_run_ = 0; // numbers the days' bookings (0: none yet)
    void begin_bookings(int d);
    bool continue_bookings();
    /// Queue `q`'s head in today's order after a key `after`, as the first of the queue's
    /// remaining people in a fresh random order; false if the queue is empty.
    /// The keys drawn for the queue today are counted in its WaitQueue::drawn (set to 0 when
    /// the queue enters the day).
    bool booking_next_head(std::uint32_t q, double after, BookingDay::Head& out);
    void queue_failed(std::uint32_t q, int d);
    /// People of (commune, group) `k` per booking-delay day, from their stream (the same draws
    /// at set-up and when the group is made eligible early): [0] delays of -days or less,
    /// [2 days] of days or more.
    [[nodiscard]] std::vector<std::int32_t> delay_day_counts(std::size_t k) const;
    /// The booking delay in whole days (made on first use; the world does not change).
    mutable std::optional<WholeDays> delay_days_;
    bool try_book(std::int32_t p, int d);
    /// Where a person of `commune` and `group` would book on day `d` (slots as they are).
    struct Booking {
        CentreId centre;
        int day = -1, day2 = -1; // day2: the second injection's, -1 if none
    };
    bool find_booking(int commune, int group, int d, Booking& b) const;
    /// find_booking, remembering failures within today's booking (no walk-ins only).
    bool find_booking_screened(int commune, int group, int d, Booking& b);
    void book_found(std::int32_t p, const Booking& b);
    bool can_book(int commune, int group, int d) const;
    bool plan_walk_in(std::int32_t p, int from_day, std::int8_t dose, bool draw_delay);
    double walk_in_time_of_day(const Centre& def, CentreCalendar::Hours hours, Rng& r) const;
    bool find_slot(CentreId c, int from, int to, int& day) const;
    void book(CentreId c, int day, std::int32_t p, std::int8_t dose);
    void rebook_later(std::int32_t p, int d);
    void cancel_second_dose(DemandPerson& dp);
    void log_cover(CentreId c, ProfessionId prof, RoleId from, RoleId to);
    void on_shift_start(int rs_index);
    void on_team_day(TeamId team, int rs_index);
    void on_team_step(TeamId team);
    bool team_drive_to(TeamId team, CommuneId commune);
    bool team_visit(TeamId team, CommuneId commune);
    void end_team_round(TeamId team);
    const std::vector<double>& travel_from(int commune);
    std::vector<char> who_turns_up(const RosterShift& rs, bool& medecin_present);
    /// The day's probability of absence for anyone of the pool.
    [[nodiscard]] double absence_probability(int day) const;
    /// The person's absence draw for the day (one per person and day, whatever they do).
    [[nodiscard]] bool absent_by_draw(const RosterPerson& person, int day, double p) const;
    /// The replacement list: for each person of roster shift `rs_index` absent at its start,
    /// the first pool member within reach and hours is committed and their line appended
    /// (RosterShift::replaces); see Plan::replacement.
    void call_replacements(int rs_index, const std::vector<char>& present, bool medecin_present);
    /// The pool members a centre's replacement list calls, in call order (built on first use).
    const std::vector<PersonId>& replacement_list(CentreId c);
    int add_roster_line(const RosterShift& line);
    /// Seconds from now to the end of roster shift `rs` (0 once it has ended).
    [[nodiscard]] double shift_left_s(const RosterShift& rs) const;
    /// Someone of `pr` leaves station `st` now (server `slot`, -1 for a watched area).
    void leave_station(ShiftPresence& pr, StationNodeId st, std::int32_t slot, double left_s);
    /// A replacement arrives: someone of the shift on site without a station (the supervising
    /// médecin) who took the absent person's station goes back to `back`'s duties.
    void end_cover(int rs_index, std::size_t k, RoleId back);
    void on_shift_end(int rs_index);
    void release_shift(int rs_index, SimTime shift_end);
    void on_arrival(std::int32_t p);
    /// Puts the centre's day of arrivals (in scheduling order) on its lazy stream.
    void schedule_arrivals(CentreId c, std::vector<CentreRt::PendingArrival>& fresh);
    std::int32_t arriving_patient(CentreId c, const CentreRt::PendingArrival& a);
    void on_booked_arrival(CentreId c);
    void turn_away(std::int32_t p, bool counts_arrival);
    void go_to_step(std::int32_t p);
    void try_start_servers(StationNodeId st);
    void start_service(std::int32_t p, StationNodeId st);
    void on_service_end(StationNodeId st, std::int32_t p, std::int32_t slot);
    /// A ServiceEnd event's data: the patient, and the server slot serving them.
    static std::uint64_t service_end_data(std::int32_t p, std::int32_t slot) {
        return static_cast<std::uint64_t>(static_cast<std::uint32_t>(p)) |
               static_cast<std::uint64_t>(static_cast<std::uint32_t>(slot)) << 32;
    }
    void try_fill_area(StationNodeId st);
    void on_area_end(StationNodeId st, std::int32_t p);
    void depart(std::int32_t p);
    /// Sent home before the end of the path: served if the product was given, else turned away.
    void leave_early(std::int32_t p);
    bool take_dose(CentreId c);
    void on_vial_expiry(CentreId c, std::uint32_t serial);
    void schedule_next_test_arrival(CentreId c, double from_s);
    void schedule_next_walk_in(CentreId c, SimTime closes_at);
    void on_test_arrival(CentreId c);
    void on_walk_in(CentreId c);
    void on_centre_close(CentreId c);
    void on_centre_open(CentreId c);
    void maybe_release_closing(CentreId c);
    void release_closing_shifts(CentreRt& rt);
    void sample_queues();
    void note_start(StationRt& s, SimTime waited);
    void note_occupancy(StationRt& s);
    void close_station_day(StationRt& s, int d, double open_hours);
    void station_run_rows();
    // interventions
    ChangeOutcome apply(const Change& change, std::uint64_t identity);
    std::vector<CentreId> resolve(const CentreRef& ref, std::optional<Refusal>& refusal) const;
    bool ill(PersonId person, SimTime at) const {
        return !ill_until_.empty() && at >= ill_from_[person.index()] &&
               at < ill_until_[person.index()];
    }
    void remove_from_shift(int rs_index, std::size_t k);
    void shut_centre(CentreId c, SimTime until, bool decision);
    int booking_horizon(int d) const {
        int h = plan_.booking.horizon_days;
        for (const auto& [from, hz] : horizon_changes_)
            if (d >= from) h = hz;
        return h;
    }
    std::int32_t surge_walker(int commune, int day, int group = -1);
    void on_reopen(CentreId c, std::uint32_t gen);
    void on_inject(std::size_t i, std::uint32_t gen);
    void set_exercise(std::shared_ptr<const Exercise> exercise);
    void add_trigger(std::string id, const Condition& when, std::vector<Change> changes, bool once,
                     bool per_day, ChangeSource source);
    void evaluate_triggers();
    void do_change(const CentreClosed& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const StationSlowed& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const StaffIll& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const AbsenceWave& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const DeliveryLate& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const ColdChainFailure& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const DemandSurge& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const SetCentreOpen& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const AddLine& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const ReallocateDoses& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const ChangeBooking& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const Message& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const MoveStaff& x, std::uint64_t id, ChangeOutcome& out);
    /// Moves up to `people` of profession `prof` on site at centre `a` now to centre `b`, for
    /// the rest of their shift; returns how many go.
    int move_staff_now(CentreId a, CentreId b, ProfessionId prof, int people);
    void on_scheduled_move(int index);
    struct ScheduledMoveRt {
        CentreId from{0}, to{0};
        ProfessionId profession{0};
        int people = 0;
    };
    std::vector<ScheduledMoveRt> scheduled_moves_;
    /// The place a move left on a shift: the person is off the shift (roster_.shifts[rs].people)
    /// from the move on, and works the rest of it on a line at the other centre. The plan's
    /// place stays: a later closing asks someone else to work its extra hours.
    struct Vacancy {
        int rs = 0;
        std::size_t at = 0; // their place in the shift's people when they left
        Assignment was;     // the person moved away, and their role on the shift
    };
    std::vector<Vacancy> vacancies_;
    [[nodiscard]] bool vacant(int rs) const {
        return std::any_of(vacancies_.begin(), vacancies_.end(),
                           [rs](const Vacancy& v) { return v.rs == rs; });
    }
    void do_change(const GroupEligible& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const RoadCut& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const SendMobileTeam& x, std::uint64_t id, ChangeOutcome& out);
    void do_change(const ChangeHours& x, std::uint64_t id, ChangeOutcome& out);
    void surge_people(const DemandSurge& x, ChangeOutcome& out);
    /// Travel times and the centre choices from the current road graph (set-up, road cuts).
    void compute_travel();
    void compute_choices();
    void on_road_reopen(std::uint32_t gen);
    AppliedChange fire(const Change& change, std::uint64_t identity, ChangeSource source,
                       const std::string& id, CentreId centre);
    static StationNetwork::Path path_kind(const Patient& p) {
        return p.type == PatientType::Vaccination ? StationNetwork::Path::Vaccination
               : p.type == PatientType::Antigen   ? StationNetwork::Path::Antigen
                                                  : StationNetwork::Path::Pcr;
    }
    std::span<const StationNodeId> path_of(const Patient& p) const {
        return stations_.path_span(p.centre, path_kind(p));
    }
};

} // namespace riposte
