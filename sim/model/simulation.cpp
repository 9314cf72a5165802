// The vaccination and testing model (SPEC §2-3) on top of the event core.
#include "riposte/simulation.hpp"

#include "riposte/allocation.hpp"
#include "riposte/core/invariant.hpp"
#include "riposte/core/rng.hpp"
#include "riposte/core/simulator.hpp"
#include "riposte/core/stats.hpp"
#include "riposte/model/server_pool.hpp"
#include "riposte/roster.hpp"
#include "riposte/territory.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <numeric>
#include <string>

namespace riposte {

namespace {

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
};

// Same-time ordering: what ends at 24:00 belongs to the day that ends (doors, then shifts),
// then the day turns over, doors open, staff arrive before patients, services end before a
// shift ends (the person finishes the patient in hand), doors close last.
constexpr int prio_close_midnight = 0, prio_shift_end_midnight = 1, prio_day_end = 2,
              prio_day_start = 3, prio_open = 5, prio_shift_start = 10, prio_service_end = 20,
              prio_area_end = 25, prio_arrival = 50, prio_shift_end = 60, prio_close = 70,
              prio_vial = 80, prio_sample = 90;

/// Priority of an event at `time_of_day` (seconds since the day's midnight): at 24:00 it runs
/// before the next day starts.
constexpr int at_day_edge(SimTime time_of_day, int prio, int prio_midnight) {
    return time_of_day.seconds() == 86400 ? prio_midnight : prio;
}

constexpr std::int32_t none = -1;

enum PersonState : std::uint8_t { Waiting = 0, Booked = 1, Listed = 2 };

struct DemandPerson {
    std::int32_t commune = 0;
    std::int16_t group = 0;
    std::int8_t doses = 0; // doses received
    std::uint8_t state = Waiting;
    std::int32_t dose2_centre = none;
    std::int16_t dose2_day = -1;
};

struct BookingRec {
    std::int32_t person;
    std::int32_t pos;
    std::int8_t dose; // 1-based dose number
};

enum class PatientType : std::uint8_t { Vaccination, Antigen, Pcr };

struct Patient {
    std::int32_t person = none;
    std::int32_t centre = 0;
    std::int32_t server = none;
    std::int16_t step = 0;
    PatientType type = PatientType::Vaccination;
    std::int8_t dose = 0;
    bool walk_in = false;
    bool got_product = false; // dose given / sample taken
    std::uint64_t key = 0;    // stable identity for the patient's own draws (never the index)
    SimTime arrival, enqueued, waited, sampled;
};

/// Queueing accounting of a station: today's figures and the whole run's (after warm-up).
struct StationAcc {
    static constexpr double bin_min = 0.25; // whole-run wait histogram: quarter-minute bins
    static constexpr std::size_t bins = 1440;
    StationDayRow day;
    std::vector<double> waits; // today, minutes
    SimTime occ_since;         // areas: last change of the places used
    std::int64_t arrivals = 0, started = 0, waited = 0;
    double wait_sum_min = 0, busy_s = 0, busy_all_s = 0, staffed_s = 0, place_s = 0, open_s = 0;
    std::vector<std::uint32_t> hist; // run, by wait; the last bin holds the longer waits
    double wait_max_min = 0;
};

struct StationRt {
    int centre = 0;
    int local = 0; // index within the centre's stations
    const Station* def = nullptr;
    ServerPool pool;
    int area_used = 0;
    int watchers = 0; // areas: people watching
    std::deque<std::int32_t> area_queue;
    Rng rng;
    StationAcc acc;
};

struct DayAcc {
    CentreDayRow row;
    std::vector<double> waits; // minutes
    RunningStats time_in_centre;
    TestingDayRow test;
    RunningStats result_delay_h;
    bool stockout_logged = false;
};

struct CentreRt {
    std::vector<int> vacc_path, antigen_path, pcr_path; // global station ids
    std::vector<int> opened, booked;                    // slots per day
    std::vector<std::vector<BookingRec>> bookings;      // per day
    std::vector<std::int64_t> alloc;                    // doses arriving per day
    std::int64_t n_positions = 0, stride = 1;
    int first_free = 0; // every day before it is fully booked (or has no slot)
    std::int64_t stock = 0;
    int vial_left = 0;
    SimTime vial_expires;
    std::uint32_t vial_serial = 0;
    int in_centre = 0, waiting = 0;
    bool doors_open = false;
    std::vector<int> closing_shifts; // roster shifts whose staff stay until the centre is empty
    DayAcc acc;
    Rng arrival_rng, walkin_rng, test_mix_rng;
    std::uint64_t lab_key = 0;     // keys the lab delays of this centre's tests
    std::uint32_t tests_today = 0; // ordinal of the next test arrival today
    // Arrival processes keep an exact clock (seconds); only the scheduled instant is rounded,
    // so that rounding never slows the long-run rate.
    double test_clock_s = 0, walkin_clock_s = 0;
    std::array<double, 24> test_rate{}; // arrivals per hour today
    // per role today: scheduled hours of the people present, time busy within them, and the
    // overtime (staff time past the shift end) with the part of it spent serving
    std::vector<double> role_staffed_s, role_busy_s, role_overtime_s, role_busy_overtime_s;
    std::vector<int> role_required, role_present;
    std::vector<int> stations_by_role_flat; // filled per role below
    std::vector<std::vector<int>> stations_of_role;
};

struct TeamRt {
    std::int64_t stock = 0;
    std::vector<std::int64_t> alloc; // doses arriving per day
    std::size_t next = 0;            // position in the round
    std::vector<int> round;          // communes, in visiting order
    struct Due {
        int day, commune, group;
    };
    std::deque<Due> second_doses; // home-bound people waiting for their second dose
};

struct ShiftPresence {
    std::vector<std::pair<int, std::int32_t>> servers; // (station, server slot)
    std::vector<int> watched_areas;
    std::vector<int> persons; // present persons
};

} // namespace

class Simulation::Impl final : public EventHandler {
  public:
    Impl(const Scenario& sc, RunOptions opt, Observer* obs);
    void handle(const Event& e) override;
    void finalise();

    const Scenario& sc_;
    const World& w_;
    const Plan& plan_;
    RunOptions opt_;
    Observer* obs_;
    Simulator sim_;
    std::uint16_t h_ = 0;
    SimTime horizon_;
    bool finalised_ = false;
    Results res_;

    TravelGraph graph_;
    Roster roster_;
    std::vector<std::vector<double>> travel_; // per centre → commune (infinity beyond reach)
    std::vector<std::vector<std::pair<int, float>>> vacc_choices_, test_choices_; // per commune
    std::vector<std::vector<std::pair<int, float>>> walkin_choices_; // walk-in-only centres
    struct WalkVisit {
        std::int32_t person;
        std::int8_t dose;
    };
    std::vector<std::vector<std::vector<WalkVisit>>> walk_visits_; // [centre][day]
    bool any_walk_in_only_ = false;
    std::vector<CentreRt> centres_;
    std::vector<TeamRt> teams_;
    std::vector<StationRt> stations_;
    std::map<int, std::vector<double>> travel_cache_; // commune → minutes to every commune
    std::vector<std::int64_t> cg_home_first_, cg_home_complete_;
    std::vector<int> cg_failed_day_; // last day a booking from (commune, group) found nothing
    bool any_walk_ins_ = false;
    std::vector<ShiftPresence> presence_;
    std::vector<std::vector<int>> shifts_by_day_;

    std::vector<DemandPerson> persons_;
    std::vector<std::uint64_t> person_key_base_;         // per (commune, group)
    std::vector<std::int32_t> person_first_;             // first person id per (commune, group)
    std::vector<std::vector<std::int32_t>> requests_;    // per day
    std::vector<std::vector<std::int32_t>> walkin_list_; // per commune

    std::vector<Patient> patients_;
    std::vector<std::int32_t> free_patients_;

    // accounting
    std::vector<std::int64_t> cg_first_, cg_complete_, cg_wanting_, cg_cannot_, cg_population_;
    std::vector<std::int64_t> group_first_, group_complete_, group_wanting_, group_population_;
    std::vector<double> prof_worked_h_, prof_overtime_h_, prof_absent_h_, prof_commute_h_;
    std::vector<char> person_used_;
    std::vector<float> all_waits_;
    std::int64_t test_kits_ = 0;
    std::int64_t unmet_tests_ = 0;
    double total_pop_ = 0;

    // helpers
    [[nodiscard]] std::size_t cg(int commune, int group) const {
        return static_cast<std::size_t>(commune) * w_.groups.size() +
               static_cast<std::size_t>(group);
    }
    [[nodiscard]] std::uint64_t person_key(std::int32_t p) const {
        const DemandPerson& d = persons_[static_cast<std::size_t>(p)];
        const std::size_t k = cg(d.commune, d.group);
        return mix64(person_key_base_[k] + static_cast<std::uint64_t>(p - person_first_[k]));
    }
    Rng rng_for(std::uint64_t key, Purpose purpose) const {
        return Rng(opt_.seed, static_cast<std::uint64_t>(opt_.replication), key, purpose);
    }
    SimTime day_start(int d) const { return days(d); }
    void log(LogKind kind, std::string text) {
        LogEntry e{sim_.now(), kind, std::move(text)};
        if (obs_) obs_->on_log(e);
        res_.log.push_back(std::move(e));
    }
    const std::string& centre_name(int c) const {
        return plan_.centres[static_cast<std::size_t>(c)].name;
    }
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

    void setup_demand();
    void setup_supply_and_slots();
    void on_day_start(int d);
    void on_day_end(int d);
    void process_bookings(int d);
    bool try_book(std::int32_t p, int d);
    bool plan_walk_in(std::int32_t p, int from_day, std::int8_t dose, bool draw_delay);
    double walk_in_time_of_day(const Centre& def, Rng& r) const;
    bool find_slot(int c, int from, int to, int& day) const;
    void book(int c, int day, std::int32_t p, std::int8_t dose);
    void rebook_later(std::int32_t p, int d);
    void cancel_second_dose(DemandPerson& dp);
    void on_shift_start(int rs_index);
    void on_team_day(int team, int rs_index);
    const std::vector<double>& travel_from(int commune);
    std::vector<char> who_turns_up(const RosterShift& rs, bool& medecin_present);
    void on_shift_end(int rs_index);
    void release_shift(int rs_index, SimTime shift_end);
    void on_arrival(std::int32_t p);
    void turn_away(std::int32_t p, bool counts_arrival);
    void go_to_step(std::int32_t p);
    void try_start_servers(int st);
    void start_service(std::int32_t p, int st);
    void on_service_end(int st, std::int32_t p);
    void try_fill_area(int st);
    void on_area_end(int st, std::int32_t p);
    void depart(std::int32_t p);
    bool take_dose(int c);
    void on_vial_expiry(int c, std::uint32_t serial);
    void schedule_next_test_arrival(int c, double from_s);
    void schedule_next_walk_in(int c, SimTime closes_at);
    void on_test_arrival(int c);
    void on_walk_in(int c);
    void on_centre_close(int c);
    void on_centre_open(int c);
    void maybe_release_closing(int c);
    void release_closing_shifts(CentreRt& rt);
    void sample_queues();
    void note_start(StationRt& s, SimTime waited);
    void note_occupancy(StationRt& s);
    void close_station_day(StationRt& s, int d, double open_hours);
    void station_run_rows();
    const std::vector<int>& path_of(const Patient& p) const {
        const CentreRt& c = centres_[static_cast<std::size_t>(p.centre)];
        return p.type == PatientType::Vaccination ? c.vacc_path
               : p.type == PatientType::Antigen   ? c.antigen_path
                                                  : c.pcr_path;
    }
};

// ---------------------------------------------------------------------------------------------

Simulation::Impl::Impl(const Scenario& sc, RunOptions opt, Observer* obs)
    : sc_(sc), w_(sc.world), plan_(sc.plan), opt_(opt), obs_(obs), graph_(sc.world.territory) {
    h_ = sim_.add_handler(this);
    horizon_ = days(w_.days);
    res_.seed = opt.seed;
    res_.replication = opt.replication;
    const std::size_t nc = plan_.centres.size();

    // travel times: one shortest-path tree per centre commune (and mobile team base)
    std::vector<int> sources;
    for (const auto& c : plan_.centres) sources.push_back(c.commune);
    // Searches stop beyond the farthest anyone goes (people to a centre, staff to work); mobile
    // teams may drive anywhere.
    double cutoff = std::max(w_.behaviour.max_travel_minutes, plan_.max_travel_minutes);
    for (const auto& e : w_.pool) cutoff = std::max(cutoff, e.max_commute_minutes);
    travel_.reserve(sources.size() + plan_.mobile_teams.size());
    std::map<int, std::size_t> done; // several centres in one commune share one search
    for (int src : sources) {
        auto it = done.find(src);
        if (it != done.end()) {
            travel_.push_back(travel_[it->second]);
            continue;
        }
        done.emplace(src, travel_.size());
        travel_.push_back(graph_.minutes_from(src, cutoff));
    }
    for (const auto& t : plan_.mobile_teams) {
        sources.push_back(t.base_commune);
        travel_.push_back(graph_.minutes_from(t.base_commune));
    }

    roster_ = build_roster(sc_, travel_); // centres, then mobile teams
    res_.shortfalls = roster_.shortfalls;
    presence_.resize(roster_.shifts.size());
    shifts_by_day_.resize(static_cast<std::size_t>(w_.days));
    for (std::size_t i = 0; i < roster_.shifts.size(); ++i)
        shifts_by_day_[static_cast<std::size_t>(roster_.shifts[i].day)].push_back(
            static_cast<int>(i));
    person_used_.assign(roster_.people.size(), 0);
    for (const auto& rs : roster_.shifts)
        for (const auto& a : rs.people) person_used_[static_cast<std::size_t>(a.person)] = 1;

    // centres and stations
    centres_.resize(nc);
    for (std::size_t c = 0; c < nc; ++c) {
        const Centre& def = plan_.centres[c];
        CentreRt& rt = centres_[c];
        const std::uint64_t ck = name_key("centre:" + def.name);
        rt.arrival_rng = rng_for(ck, Purpose::TestDemand);
        rt.walkin_rng = rng_for(ck, Purpose::WalkIn);
        rt.test_mix_rng = rng_for(ck, Purpose::Generic);
        rt.lab_key = name_key("lab:" + def.name);
        rt.role_staffed_s.assign(w_.roles.size(), 0);
        rt.role_busy_s.assign(w_.roles.size(), 0);
        rt.role_overtime_s.assign(w_.roles.size(), 0);
        rt.role_busy_overtime_s.assign(w_.roles.size(), 0);
        rt.role_required.assign(w_.roles.size(), 0);
        rt.role_present.assign(w_.roles.size(), 0);
        rt.stations_of_role.assign(w_.roles.size(), {});
        bool pcr_cut = false;
        const std::size_t first_station = stations_.size();
        for (const Station& s : def.stations) {
            const int id = static_cast<int>(stations_.size());
            StationRt st;
            st.centre = static_cast<int>(c);
            st.def = &s;
            st.local = static_cast<int>(stations_.size()) - static_cast<int>(first_station);
            st.rng = rng_for(name_key("station:" + def.name + "/" + s.name), Purpose::Service);
            stations_.push_back(std::move(st));
            if (s.role >= 0) rt.stations_of_role[static_cast<std::size_t>(s.role)].push_back(id);
            if (def.vaccinates() && s.flow != Flow::Testing) rt.vacc_path.push_back(id);
            if (def.tests() && s.flow != Flow::Vaccination) {
                rt.antigen_path.push_back(id);
                if (!pcr_cut) rt.pcr_path.push_back(id);
                if (s.takes_sample) pcr_cut = true; // PCR patients leave once sampled
            }
        }
        rt.opened.assign(static_cast<std::size_t>(w_.days), 0);
        rt.booked.assign(static_cast<std::size_t>(w_.days), 0);
        rt.bookings.resize(static_cast<std::size_t>(w_.days));
        rt.alloc.assign(static_cast<std::size_t>(w_.days), 0);
        rt.acc.row.centre = static_cast<int>(c);
    }

    const std::size_t np = w_.professions.size();
    prof_worked_h_.assign(np, 0);
    prof_overtime_h_.assign(np, 0);
    prof_absent_h_.assign(np, 0);
    prof_commute_h_.assign(np, 0);

    teams_.resize(plan_.mobile_teams.size());
    for (std::size_t t = 0; t < teams_.size(); ++t) {
        teams_[t].alloc.assign(static_cast<std::size_t>(w_.days), 0);
        const MobileTeam& team = plan_.mobile_teams[t];
        if (!team.communes.empty()) {
            teams_[t].round = team.communes;
        } else { // every commune, nearest to the base first
            const auto& tt = travel_[nc + t];
            for (std::size_t m = 0; m < w_.territory.communes.size(); ++m)
                if (std::isfinite(tt[m])) teams_[t].round.push_back(static_cast<int>(m));
            std::stable_sort(teams_[t].round.begin(), teams_[t].round.end(), [&](int a, int b) {
                return tt[static_cast<std::size_t>(a)] < tt[static_cast<std::size_t>(b)];
            });
        }
    }
    setup_supply_and_slots();
    setup_demand();

    test_kits_ = w_.initial_test_kits;
    for (int d = 0; d < w_.days; ++d) {
        sim_.schedule(day_start(d), h_, DayStart, 0, static_cast<std::uint64_t>(d), prio_day_start);
        sim_.schedule(day_start(d + 1), h_, DayEnd, 0, static_cast<std::uint64_t>(d), prio_day_end);
    }
    if (opt_.queue_sample_interval > SimTime{0})
        sim_.schedule(SimTime{0}, h_, Sample, 0, 0, prio_sample);
}

void Simulation::Impl::setup_supply_and_slots() {
    const std::size_t nc = plan_.centres.size();
    const Allocation alloc = allocate_deliveries(sc_);
    res_.totals.doses_delivered += alloc.delivered;
    for (std::size_t c = 0; c < nc; ++c) centres_[c].alloc = alloc.centre_doses[c];
    for (std::size_t t = 0; t < teams_.size(); ++t) teams_[t].alloc = alloc.team_doses[t];
    // Slots: throughput capacity of the day, never more than the doses allocated so far.
    for (std::size_t c = 0; c < nc; ++c) {
        const Centre& def = plan_.centres[c];
        CentreRt& rt = centres_[c];
        if (!def.vaccinates() || def.walk_in_only) continue;
        rt.n_positions = slot_capacity_per_day(def, plan_.booking);
        // stride coprime with n_positions, near the golden ratio, spreads bookings over the day
        if (rt.n_positions > 1) {
            std::int64_t s = std::max<std::int64_t>(
                1, static_cast<std::int64_t>(static_cast<double>(rt.n_positions) * 0.6180339887));
            while (std::gcd(s, rt.n_positions) != 1) ++s;
            rt.stride = s;
        }
        const std::vector<std::int64_t> opened =
            slots_opened_per_day(def, plan_.booking, rt.alloc, w_.start_weekday);
        for (std::size_t d = 0; d < opened.size(); ++d) rt.opened[d] = static_cast<int>(opened[d]);
    }
}

void Simulation::Impl::setup_demand() {
    const auto& communes = w_.territory.communes;
    const std::size_t ng = w_.groups.size();
    const std::size_t n = communes.size() * ng;
    cg_first_.assign(n, 0);
    cg_complete_.assign(n, 0);
    cg_wanting_.assign(n, 0);
    cg_cannot_.assign(n, 0);
    cg_population_.assign(n, 0);
    cg_home_first_.assign(n, 0);
    cg_failed_day_.assign(n, -1);
    for (const auto& c : plan_.centres)
        any_walk_ins_ =
            any_walk_ins_ || (c.vaccinates() && !c.walk_in_only && c.walk_ins_per_hour > 0);
    cg_home_complete_.assign(n, 0);
    group_first_.assign(ng, 0);
    group_complete_.assign(ng, 0);
    group_wanting_.assign(ng, 0);
    group_population_.assign(ng, 0);
    person_key_base_.assign(n, 0);
    person_first_.assign(n, 0);
    requests_.assign(static_cast<std::size_t>(w_.days), {});
    walkin_list_.assign(communes.size(), {});

    // Centre choices per commune: vaccination and testing centres within the maximum travel
    // time, nearest first (ties: plan order).
    vacc_choices_.assign(communes.size(), {});
    walkin_choices_.assign(communes.size(), {});
    walk_visits_.assign(plan_.centres.size(), {});
    for (std::size_t c = 0; c < plan_.centres.size(); ++c)
        if (plan_.centres[c].walk_in_only) {
            walk_visits_[c].resize(static_cast<std::size_t>(w_.days));
            any_walk_in_only_ = true;
        }
    test_choices_.assign(communes.size(), {});
    for (std::size_t c = 0; c < plan_.centres.size(); ++c)
        for (std::size_t m = 0; m < communes.size(); ++m) {
            const double t = travel_[c][m];
            if (!(t <= w_.behaviour.max_travel_minutes)) continue;
            if (plan_.centres[c].walk_in_only)
                walkin_choices_[m].emplace_back(static_cast<int>(c), static_cast<float>(t));
            else if (plan_.centres[c].vaccinates())
                vacc_choices_[m].emplace_back(static_cast<int>(c), static_cast<float>(t));
            if (plan_.centres[c].tests())
                test_choices_[m].emplace_back(static_cast<int>(c), static_cast<float>(t));
        }
    for (auto* v : {&vacc_choices_, &test_choices_, &walkin_choices_})
        for (auto& list : *v)
            std::stable_sort(list.begin(), list.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });

    std::size_t total = 0;
    for (std::size_t m = 0; m < communes.size(); ++m) {
        total_pop_ += static_cast<double>(communes[m].population);
        for (std::size_t g = 0; g < ng; ++g) {
            const auto& grp = w_.groups[g];
            const std::size_t k = m * ng + g;
            const auto pop = static_cast<std::int64_t>(
                std::llround(static_cast<double>(communes[m].population) * grp.share));
            const auto want =
                static_cast<std::int64_t>(std::llround(static_cast<double>(pop) * grp.uptake));
            const auto cannot = static_cast<std::int64_t>(
                std::llround(static_cast<double>(want) * grp.cannot_travel));
            cg_population_[k] = pop;
            cg_wanting_[k] = want;
            cg_cannot_[k] = cannot;
            group_population_[g] += pop;
            group_wanting_[g] += want;
            total += static_cast<std::size_t>(want - cannot);
        }
    }
    persons_.reserve(total);
    for (std::size_t m = 0; m < communes.size(); ++m)
        for (std::size_t g = 0; g < ng; ++g) {
            const std::size_t k = m * ng + g;
            const auto& grp = w_.groups[g];
            person_key_base_[k] = name_key("demand:" + communes[m].insee + "/" + grp.name);
            person_first_[k] = static_cast<std::int32_t>(persons_.size());
            // booking delays come from one stream per (commune, group), drawn in person order
            Rng rng = rng_for(person_key_base_[k], Purpose::Booking);
            const std::int64_t travellers = cg_wanting_[k] - cg_cannot_[k];
            for (std::int64_t i = 0; i < travellers; ++i) {
                DemandPerson dp;
                dp.commune = static_cast<std::int32_t>(m);
                dp.group = static_cast<std::int16_t>(g);
                const auto id = static_cast<std::int32_t>(persons_.size());
                persons_.push_back(dp);
                const double delay_s = w_.behaviour.booking_delay.sample(rng);
                const auto day = grp.eligible_day + static_cast<int>(delay_s / 86400.0);
                if (day >= 0 && day < w_.days)
                    requests_[static_cast<std::size_t>(day)].push_back(id);
            }
        }
}

// ---------------------------------------------------------------------------------------------
// Days

void Simulation::Impl::on_day_start(int d) {
    const auto du = static_cast<std::size_t>(d);
    const SimTime t0 = day_start(d);
    // supply
    for (std::size_t c = 0; c < centres_.size(); ++c) {
        CentreRt& rt = centres_[c];
        rt.acc = DayAcc{};
        rt.acc.row.centre = static_cast<int>(c);
        rt.acc.row.day = d;
        rt.acc.test.centre = static_cast<int>(c);
        rt.acc.test.day = d;
        rt.tests_today = 0;
        for (auto* v :
             {&rt.role_staffed_s, &rt.role_busy_s, &rt.role_overtime_s, &rt.role_busy_overtime_s})
            std::fill(v->begin(), v->end(), 0.0);
        std::fill(rt.role_required.begin(), rt.role_required.end(), 0);
        std::fill(rt.role_present.begin(), rt.role_present.end(), 0);
        if (rt.alloc[du] > 0) {
            rt.stock += rt.alloc[du];
            log(LogKind::Delivery, std::to_string(rt.alloc[du]) + " doses delivered to " +
                                       centre_name(static_cast<int>(c)));
        }
        rt.acc.row.slots_opened = rt.opened[du];
    }
    for (std::size_t t = 0; t < teams_.size(); ++t)
        if (teams_[t].alloc[du] > 0) {
            teams_[t].stock += teams_[t].alloc[du];
            log(LogKind::Delivery, std::to_string(teams_[t].alloc[du]) +
                                       " doses delivered to mobile team " +
                                       plan_.mobile_teams[t].name);
        }
    for (const auto& k : w_.test_kit_deliveries)
        if (k.day == d) {
            test_kits_ += k.kits;
            log(LogKind::Delivery, std::to_string(k.kits) + " test kits delivered");
        }

    // bookings made today (from today onwards)
    process_bookings(d);

    // staff
    for (int rs : shifts_by_day_[du]) {
        const RosterShift& s = roster_.shifts[static_cast<std::size_t>(rs)];
        sim_.schedule(t0 + s.start, h_, ShiftStart, static_cast<std::uint32_t>(rs), 0,
                      prio_shift_start);
        if (static_cast<std::size_t>(s.centre) >= centres_.size()) continue; // a mobile team
        sim_.schedule(t0 + s.end, h_, ShiftEnd, static_cast<std::uint32_t>(rs), 0,
                      at_day_edge(s.end, prio_shift_end, prio_shift_end_midnight));
        for (const auto& a : s.people)
            ++centres_[static_cast<std::size_t>(s.centre)]
                  .role_required[static_cast<std::size_t>(a.role)];
    }

    // centres: doors, booked arrivals, walk-ins, tests
    for (std::size_t c = 0; c < centres_.size(); ++c) {
        const Centre& def = plan_.centres[c];
        CentreRt& rt = centres_[c];
        if (!def.open_on(d, w_.start_weekday)) continue;
        sim_.schedule(t0 + def.opens, h_, CentreOpen, static_cast<std::uint32_t>(c), 0, prio_open);
        // a centre in continuous operation closes only before a day it is not open
        if (!def.continuous || !def.open_on(d + 1, w_.start_weekday) || d + 1 >= w_.days)
            sim_.schedule(t0 + def.closes, h_, CentreClose, static_cast<std::uint32_t>(c), 0,
                          at_day_edge(def.closes, prio_close, prio_close_midnight));
        if (def.walk_in_only) {
            for (const WalkVisit& v : walk_visits_[c][du]) {
                Rng r = rng_for(person_key(v.person) ^ mix64((static_cast<std::uint64_t>(d) << 8) |
                                                             static_cast<std::uint64_t>(v.dose)),
                                Purpose::Arrival);
                const double at = static_cast<double>(t0.seconds()) + walk_in_time_of_day(def, r);
                const std::int32_t p = new_patient();
                Patient& pt = pat(p);
                pt.person = v.person;
                pt.centre = static_cast<std::int32_t>(c);
                pt.type = PatientType::Vaccination;
                pt.dose = v.dose;
                pt.walk_in = true;
                ++rt.acc.row.walk_ins;
                sim_.schedule(SimTime{static_cast<std::int64_t>(std::floor(at))}, h_, Arrival,
                              static_cast<std::uint32_t>(p), 0, prio_arrival);
            }
            walk_visits_[c][du].clear();
            walk_visits_[c][du].shrink_to_fit();
        } else if (def.vaccinates()) {
            // People booked on the same slot are asked to come at the slot's time: with
            // doses_per_slot = 3 (or overbooking) they arrive together, around it.
            const std::int64_t slots =
                std::max<std::int64_t>(1, (def.closes - def.opens).seconds() /
                                              std::max<std::int64_t>(1, def.slot_length.seconds()));
            for (const BookingRec& b : rt.bookings[du]) {
                DemandPerson& dp = persons_[static_cast<std::size_t>(b.person)];
                if (b.dose == 2 && (dp.doses != 1 || dp.dose2_day != d)) continue; // cancelled
                const std::uint64_t pk = person_key(b.person) ^ static_cast<std::uint64_t>(b.dose);
                Rng r = rng_for(pk, Purpose::NoShow);
                if (r.bernoulli(w_.behaviour.no_show)) {
                    ++rt.acc.row.no_shows;
                    if (b.dose == 1) cancel_second_dose(dp);
                    if (b.dose == 1) rebook_later(b.person, d);
                    continue;
                }
                Rng pr = rng_for(pk, Purpose::Punctuality);
                const std::int64_t slot =
                    rt.n_positions > 0 ? static_cast<std::int64_t>(b.pos) * slots / rt.n_positions
                                       : 0;
                const double slot_s = static_cast<double>(slot * def.slot_length.seconds());
                const double shift_s = (w_.behaviour.punctuality.sample_signed(pr));
                double at = static_cast<double>((t0 + def.opens).seconds()) + slot_s + shift_s;
                at = std::max(at, static_cast<double>((t0 + def.opens).seconds()));
                const std::int32_t p = new_patient();
                Patient& pt = pat(p);
                pt.person = b.person;
                pt.centre = static_cast<std::int32_t>(c);
                pt.type = PatientType::Vaccination;
                pt.dose = b.dose;
                sim_.schedule(SimTime{static_cast<std::int64_t>(std::llround(at))}, h_, Arrival,
                              static_cast<std::uint32_t>(p), 0, prio_arrival);
            }
            rt.bookings[du].clear();
            rt.bookings[du].shrink_to_fit();
            if (def.walk_ins_per_hour > 0) {
                rt.walkin_clock_s = static_cast<double>((t0 + def.opens).seconds());
                schedule_next_walk_in(static_cast<int>(c), t0 + def.closes);
            }
        }
    }
    // testing demand: daily incidence × tests per case, from each commune to its nearest
    // testing centre open today, spread over the hours by the time-of-day profile
    const double inc =
        du < w_.epidemic.incidence_per_100k.size() ? w_.epidemic.incidence_per_100k[du] : 0.0;
    if (inc > 0 && w_.epidemic.tests_per_case > 0) {
        std::vector<double> centre_daily(centres_.size(), 0.0);
        double unmet = 0;
        for (std::size_t m = 0; m < w_.territory.communes.size(); ++m) {
            const double want = inc / 1e5 *
                                static_cast<double>(w_.territory.communes[m].population) *
                                w_.epidemic.tests_per_case;
            bool found = false;
            for (const auto& [c, t] : test_choices_[m])
                if (plan_.centres[static_cast<std::size_t>(c)].open_on(d, w_.start_weekday)) {
                    centre_daily[static_cast<std::size_t>(c)] += want;
                    found = true;
                    break;
                }
            if (!found) unmet += want;
        }
        unmet_tests_ += static_cast<std::int64_t>(std::llround(unmet));
        for (std::size_t c = 0; c < centres_.size(); ++c) {
            CentreRt& rt = centres_[c];
            const Centre& def = plan_.centres[c];
            rt.test_rate.fill(0);
            if (centre_daily[c] <= 0) continue;
            // demand of the day is concentrated in opening hours, weighted by the profile
            double wsum = 0;
            const auto open_h = static_cast<int>(def.opens.seconds() / 3600);
            const auto close_h = static_cast<int>((def.closes.seconds() + 3599) / 3600);
            for (int hh = open_h; hh < std::min(24, close_h); ++hh)
                wsum += w_.epidemic.hourly_profile[static_cast<std::size_t>(hh)];
            if (wsum <= 0) continue;
            for (int hh = open_h; hh < std::min(24, close_h); ++hh)
                rt.test_rate[static_cast<std::size_t>(hh)] =
                    centre_daily[c] * w_.epidemic.hourly_profile[static_cast<std::size_t>(hh)] /
                    wsum;
            rt.acc.test.demand = static_cast<std::int64_t>(std::llround(centre_daily[c]));
            schedule_next_test_arrival(static_cast<int>(c),
                                       static_cast<double>((t0 + def.opens).seconds()));
        }
    }
}

void Simulation::Impl::on_day_end(int d) {
    if (d == w_.days - 1) // the run ends: closing staff still inside are counted until now
        for (CentreRt& rt : centres_) release_closing_shifts(rt);
    for (std::size_t c = 0; c < centres_.size(); ++c) {
        CentreRt& rt = centres_[c];
        const Centre& def = plan_.centres[c];
        const bool open = def.open_on(d, w_.start_weekday);
        DayAcc& a = rt.acc;
        if (!open && a.row.arrivals == 0 && rt.alloc[static_cast<std::size_t>(d)] == 0) continue;
        std::sort(a.waits.begin(), a.waits.end());
        if (!a.waits.empty()) {
            double sum = 0;
            for (double x : a.waits) sum += x;
            a.row.wait_mean_min = sum / static_cast<double>(a.waits.size());
            a.row.wait_p50_min = percentile_sorted(a.waits, 50);
            a.row.wait_p90_min = percentile_sorted(a.waits, 90);
            a.row.wait_p95_min = percentile_sorted(a.waits, 95);
            a.row.wait_max_min = a.waits.back();
        }
        a.row.time_in_centre_mean_min = a.time_in_centre.mean();
        a.row.stock_end = rt.stock + rt.vial_left;
        // the day's bookings are made at its start and cancellations touch later days only
        a.row.slots_booked = rt.booked[static_cast<std::size_t>(d)];
        res_.centre_days.push_back(a.row);
        for (std::size_t r = 0; r < w_.roles.size(); ++r) {
            if (rt.role_required[r] == 0 && rt.role_staffed_s[r] == 0 && rt.role_busy_s[r] == 0 &&
                rt.role_overtime_s[r] == 0)
                continue;
            RoleDayRow row;
            row.centre = static_cast<int>(c);
            row.day = d;
            row.role = static_cast<int>(r);
            row.staffed_hours = rt.role_staffed_s[r] / 3600.0;
            row.busy_hours = rt.role_busy_s[r] / 3600.0;
            row.overtime_hours = rt.role_overtime_s[r] / 3600.0;
            row.busy_overtime_hours = rt.role_busy_overtime_s[r] / 3600.0;
            row.required = rt.role_required[r];
            row.present = rt.role_present[r];
            res_.role_days.push_back(row);
        }
        if (def.tests() && open) {
            a.test.result_delay_mean_hours = a.result_delay_h.mean();
            a.test.kits_end = test_kits_;
            res_.testing_days.push_back(a.test);
        }
    }
    for (StationRt& s : stations_) {
        const Centre& def = plan_.centres[static_cast<std::size_t>(s.centre)];
        const double open_h =
            def.open_on(d, w_.start_weekday) ? (def.closes - def.opens).hours() : 0.0;
        close_station_day(s, d, open_h);
    }
    for (std::size_t g = 0; g < w_.groups.size(); ++g) {
        CoverageRow row;
        row.day = d;
        row.group = static_cast<int>(g);
        row.first_dose = group_first_[g];
        row.complete = group_complete_[g];
        row.target = group_wanting_[g];
        row.population = group_population_[g];
        res_.coverage.push_back(row);
    }
    if (obs_) obs_->on_day_end(d);
}

// ---------------------------------------------------------------------------------------------
// Booking

void Simulation::Impl::process_bookings(int d) {
    auto& list = requests_[static_cast<std::size_t>(d)];
    // who books first today is random but reproducible: order by a per-(person, day) key
    const std::uint64_t day_salt =
        mix64(opt_.seed ^ (static_cast<std::uint64_t>(opt_.replication) << 32) ^
              static_cast<std::uint64_t>(d) * 0x9e3779b97f4a7c15ULL);
    std::vector<std::pair<std::uint64_t, std::int32_t>> order;
    order.reserve(list.size());
    for (std::int32_t p : list) order.emplace_back(mix64(person_key(p) ^ day_salt), p);
    std::sort(order.begin(), order.end());
    list.clear();
    list.shrink_to_fit();
    for (const auto& [key, p] : order) {
        DemandPerson& dp = persons_[static_cast<std::size_t>(p)];
        if (dp.doses > 0 || dp.state == Booked) continue;
        // Free slots only go down during today's bookings: once someone of a commune and
        // group found nothing, everyone after them from there would find nothing either.
        const std::size_t k = cg(dp.commune, dp.group);
        const bool hopeless = cg_failed_day_[k] == d;
        if (hopeless || !try_book(p, d)) {
            cg_failed_day_[k] = d;
            // no appointment: off to the nearest walk-in-only centre, if one is within reach
            if (any_walk_in_only_ && plan_walk_in(p, d, 1, true)) continue;
            if (any_walk_ins_ && dp.state != Listed) {
                dp.state = Listed;
                walkin_list_[static_cast<std::size_t>(dp.commune)].push_back(p);
            }
            rebook_later(p, d);
        }
    }
}

void Simulation::Impl::cancel_second_dose(DemandPerson& dp) {
    if (dp.dose2_centre == none) return;
    CentreRt& rt = centres_[static_cast<std::size_t>(dp.dose2_centre)];
    --rt.booked[static_cast<std::size_t>(dp.dose2_day)];
    rt.first_free = std::min(rt.first_free, static_cast<int>(dp.dose2_day));
    dp.dose2_centre = none;
    dp.dose2_day = -1;
}

void Simulation::Impl::rebook_later(std::int32_t p, int d) {
    const int next = d + std::max(1, w_.behaviour.retry_days);
    DemandPerson& dp = persons_[static_cast<std::size_t>(p)];
    if (dp.state == Booked) dp.state = Waiting;
    if (next < w_.days) requests_[static_cast<std::size_t>(next)].push_back(p);
}

bool Simulation::Impl::find_slot(int c, int from, int to, int& day) const {
    const CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    for (int e = std::max({0, from, rt.first_free}); e <= std::min(to, w_.days - 1); ++e)
        if (rt.booked[static_cast<std::size_t>(e)] < rt.opened[static_cast<std::size_t>(e)]) {
            day = e;
            return true;
        }
    return false;
}

bool Simulation::Impl::try_book(std::int32_t p, int d) {
    DemandPerson& dp = persons_[static_cast<std::size_t>(p)];
    const auto& grp = w_.groups[static_cast<std::size_t>(dp.group)];
    const int horizon = plan_.booking.horizon_days;
    for (const auto& [c, minutes] : vacc_choices_[static_cast<std::size_t>(dp.commune)]) {
        int e = 0;
        int from = d; // same-day booking: requests are handled at midnight
        while (find_slot(c, from, d + horizon, e)) {
            // book both injections together (as French booking platforms did): the second
            // must fit within a week after the interval, unless it falls past the horizon
            if (grp.doses >= 2) {
                const int e2_from = e + grp.interval_days;
                if (e2_from < w_.days) {
                    int e2 = 0;
                    if (!find_slot(c, e2_from, e2_from + 7, e2)) {
                        from = e + 1;
                        continue;
                    }
                    book(c, e, p, 1);
                    book(c, e2, p, 2);
                    dp.dose2_centre = c;
                    dp.dose2_day = static_cast<std::int16_t>(e2);
                    dp.state = Booked;
                    return true;
                }
            }
            book(c, e, p, 1);
            dp.state = Booked;
            return true;
        }
    }
    return false;
}

bool Simulation::Impl::plan_walk_in(std::int32_t p, int from_day, std::int8_t dose,
                                    bool draw_delay) {
    DemandPerson& dp = persons_[static_cast<std::size_t>(p)];
    int day = from_day;
    if (draw_delay) {
        Rng r = rng_for(person_key(p) ^ mix64((static_cast<std::uint64_t>(from_day) << 8) |
                                              static_cast<std::uint64_t>(dose)),
                        Purpose::WalkIn);
        day += static_cast<int>(std::max(0.0, w_.behaviour.walk_in_delay.sample(r)) / 86400.0);
    }
    const auto& choices = walkin_choices_[static_cast<std::size_t>(dp.commune)];
    if (choices.empty()) return false;
    for (int e = std::max(0, day); e < w_.days; ++e)
        for (const auto& [c, minutes] : choices)
            if (plan_.centres[static_cast<std::size_t>(c)].open_on(e, w_.start_weekday)) {
                walk_visits_[static_cast<std::size_t>(c)][static_cast<std::size_t>(e)].push_back(
                    {p, dose});
                dp.state = Booked;
                return true;
            }
    return false;
}

double Simulation::Impl::walk_in_time_of_day(const Centre& def, Rng& r) const {
    // an hour by the centre's profile (flat if none) over the opening hours, then a uniform
    // instant within the open part of that hour
    const bool flat = std::all_of(def.hourly_profile.begin(), def.hourly_profile.end(),
                                  [](double x) { return x <= 0; });
    std::array<double, 24> weight{};
    double total = 0;
    const auto opens = static_cast<double>(def.opens.seconds());
    const auto closes = static_cast<double>(def.closes.seconds());
    for (std::size_t h = 0; h < 24; ++h) {
        const double lo = std::max(opens, 3600.0 * static_cast<double>(h));
        const double hi = std::min(closes, 3600.0 * static_cast<double>(h + 1));
        if (hi <= lo) continue;
        weight[h] = (flat ? 1.0 : def.hourly_profile[h]) * (hi - lo) / 3600.0;
        total += weight[h];
    }
    if (total <= 0) return opens;
    double u = r.uniform01() * total;
    for (std::size_t h = 0; h < 24; ++h) {
        if (weight[h] <= 0) continue;
        if (u < weight[h] || h == 23) {
            const double lo = std::max(opens, 3600.0 * static_cast<double>(h));
            const double hi = std::min(closes, 3600.0 * static_cast<double>(h + 1));
            return std::min(hi - 1.0, lo + r.uniform01() * (hi - lo));
        }
        u -= weight[h];
    }
    return opens;
}

void Simulation::Impl::book(int c, int day, std::int32_t p, std::int8_t dose) {
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    const auto du = static_cast<std::size_t>(day);
    const std::int64_t k = rt.booked[du]++;
    while (rt.first_free < w_.days && rt.booked[static_cast<std::size_t>(rt.first_free)] >=
                                          rt.opened[static_cast<std::size_t>(rt.first_free)])
        ++rt.first_free;
    const auto pos =
        static_cast<std::int32_t>((k * rt.stride) % std::max<std::int64_t>(1, rt.n_positions));
    rt.bookings[du].push_back({p, pos, dose});
}

// ---------------------------------------------------------------------------------------------
// Staff

std::vector<char> Simulation::Impl::who_turns_up(const RosterShift& rs, bool& medecin_present) {
    const double len_s = static_cast<double>((rs.end - rs.start).seconds());
    const int medecin = w_.medecin();
    const double inc = static_cast<std::size_t>(rs.day) < w_.epidemic.incidence_per_100k.size()
                           ? w_.epidemic.incidence_per_100k[static_cast<std::size_t>(rs.day)]
                           : 0.0;
    const double p_absent =
        std::clamp(w_.absenteeism.baseline + w_.absenteeism.per_100k_incidence * inc, 0.0, 1.0);
    const std::string& where = staffing_name(rs.centre);
    // one absence draw per (person, day)
    std::vector<char> present(rs.people.size(), 0);
    medecin_present = false;
    for (std::size_t i = 0; i < rs.people.size(); ++i) {
        const RosterPerson& person = roster_.people[static_cast<std::size_t>(rs.people[i].person)];
        Rng r =
            rng_for(person.key ^ mix64(static_cast<std::uint64_t>(rs.day) + 1), Purpose::Absence);
        present[i] = r.bernoulli(p_absent) ? 0 : 1;
        if (present[i] && person.profession == medecin) medecin_present = true;
        if (!present[i]) {
            prof_absent_h_[static_cast<std::size_t>(person.profession)] += len_s / 3600.0;
            log(LogKind::Warning, w_.professions[static_cast<std::size_t>(person.profession)] +
                                      " absent today at " + where);
        }
    }
    return present;
}

void Simulation::Impl::on_shift_start(int rs_index) {
    const RosterShift& rs = roster_.shifts[static_cast<std::size_t>(rs_index)];
    if (static_cast<std::size_t>(rs.centre) >= centres_.size()) {
        on_team_day(rs.centre - static_cast<int>(centres_.size()), rs_index);
        return;
    }
    const int c = rs.centre;
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    ShiftPresence& pr = presence_[static_cast<std::size_t>(rs_index)];
    const double len_s = static_cast<double>((rs.end - rs.start).seconds());
    bool medecin_present = false;
    const std::vector<char> present = who_turns_up(rs, medecin_present);
    // Who may do what: -1 not allowed, 0 allowed, 1 allowed under supervision.
    auto scope_of = [&](int profession, std::size_t role) {
        for (const auto& e : w_.scope.allowed[role])
            if (e.profession == profession) return e.supervised ? 1 : 0;
        return -1;
    };
    // roles as rostered, for the people who turned up and may work
    std::vector<Assignment> working;
    for (std::size_t i = 0; i < rs.people.size(); ++i) {
        if (!present[i]) continue;
        const auto& a = rs.people[i];
        const RosterPerson& person = roster_.people[static_cast<std::size_t>(a.person)];
        if (scope_of(person.profession, static_cast<std::size_t>(a.role)) == 1 &&
            !medecin_present) {
            log(LogKind::Shortfall,
                "no médecin on site at " + centre_name(c) + ": a supervised " +
                    w_.professions[static_cast<std::size_t>(person.profession)] + " cannot work");
            continue;
        }
        working.push_back(a);
    }
    // Cover a station left with nobody by an absence: a qualified colleague from a role that
    // keeps at least one person (or from supervision, who stays on site) moves over.
    {
        std::vector<int> count(w_.roles.size(), 0), rostered(w_.roles.size(), 0);
        for (const auto& a : working) ++count[static_cast<std::size_t>(a.role)];
        for (const auto& a : rs.people) ++rostered[static_cast<std::size_t>(a.role)];
        for (std::size_t r = 0; r < w_.roles.size(); ++r) {
            if (rostered[r] == 0 || count[r] > 0 || rt.stations_of_role[r].empty()) continue;
            int best = -1;
            for (std::size_t k = 0; k < working.size(); ++k) {
                const auto from = static_cast<std::size_t>(working[k].role);
                const bool can_spare = count[from] >= 2 || rt.stations_of_role[from].empty();
                const int prof =
                    roster_.people[static_cast<std::size_t>(working[k].person)].profession;
                const int sc = scope_of(prof, r);
                if (!can_spare || sc < 0 || (sc == 1 && !medecin_present)) continue;
                if (best < 0 || count[from] > count[static_cast<std::size_t>(
                                                  working[static_cast<std::size_t>(best)].role)])
                    best = static_cast<int>(k);
            }
            if (best < 0) {
                log(LogKind::Shortfall,
                    w_.roles[r] + " at " + centre_name(c) +
                        ": nobody present and nobody qualified to cover, the station stops");
                continue;
            }
            auto& mover = working[static_cast<std::size_t>(best)];
            --count[static_cast<std::size_t>(mover.role)];
            ++count[r];
            log(LogKind::Info,
                "at " + centre_name(c) + " a " +
                    w_.professions[static_cast<std::size_t>(
                        roster_.people[static_cast<std::size_t>(mover.person)].profession)] +
                    " moves from " + w_.roles[static_cast<std::size_t>(mover.role)] + " to " +
                    w_.roles[r] + " to cover an absence");
            mover.role = static_cast<int>(r);
        }
    }
    // staff present never exceed the people the roster put on the shift
    RIPOSTE_INVARIANT(working.size() <= rs.people.size());
    std::vector<int> rr(w_.roles.size(), 0); // round-robin over stations of a role
    // people per station where the plan names them (a role staffing several stations)
    std::vector<int> quota = plan_.centres[static_cast<std::size_t>(c)]
                                 .shifts[static_cast<std::size_t>(rs.shift)]
                                 .station_staff;
    quota.resize(plan_.centres[static_cast<std::size_t>(c)].stations.size(), -1);
    for (const Assignment& a : working) {
        const RosterPerson& person = roster_.people[static_cast<std::size_t>(a.person)];
        const auto role = static_cast<std::size_t>(a.role);
        pr.persons.push_back(a.person);
        ++rt.role_present[role];
        rt.role_staffed_s[role] += len_s;
        const auto prof = static_cast<std::size_t>(person.profession);
        prof_worked_h_[prof] += len_s / 3600.0;
        prof_commute_h_[prof] +=
            2.0 * travel_[static_cast<std::size_t>(c)][static_cast<std::size_t>(person.home)] /
            60.0;
        const auto& sts = rt.stations_of_role[role];
        if (sts.empty()) continue; // e.g. supervision: on site, no station
        int st = -1;
        for (int k : sts) {
            auto& left =
                quota[static_cast<std::size_t>(stations_[static_cast<std::size_t>(k)].local)];
            if (left > 0) {
                --left;
                st = k;
                break;
            }
        }
        if (st < 0) st = sts[static_cast<std::size_t>(rr[role]++) % sts.size()];
        StationRt& s = stations_[static_cast<std::size_t>(st)];
        if (s.def->kind == StationKind::Area) {
            ++s.watchers;
            pr.watched_areas.push_back(st);
            try_fill_area(st);
        } else {
            const std::int32_t slot =
                s.pool.add_server(a.person, day_start(rs.day) + rs.end, rs_index);
            pr.servers.emplace_back(st, slot);
            s.acc.day.staffed_hours += len_s / 3600.0;
            try_start_servers(st);
        }
    }
}

void Simulation::Impl::on_shift_end(int rs_index) {
    const RosterShift& rs = roster_.shifts[static_cast<std::size_t>(rs_index)];
    const Centre& def = plan_.centres[static_cast<std::size_t>(rs.centre)];
    CentreRt& rt = centres_[static_cast<std::size_t>(rs.centre)];
    // In continuous operation a shift hands over while the doors are open; otherwise the
    // closing shift stays until the last patient inside has left.
    if (def.continuous ? !rt.doors_open : rs.end >= def.closes) {
        rt.closing_shifts.push_back(rs_index);
        maybe_release_closing(rs.centre);
        return;
    }
    release_shift(rs_index, day_start(rs.day) + rs.end);
}

void Simulation::Impl::release_shift(int rs_index, SimTime shift_end) {
    ShiftPresence& pr = presence_[static_cast<std::size_t>(rs_index)];
    const RosterShift& rs = roster_.shifts[static_cast<std::size_t>(rs_index)];
    CentreRt& rt = centres_[static_cast<std::size_t>(rs.centre)];
    for (const auto& [st, slot] : pr.servers) {
        StationRt& s = stations_[static_cast<std::size_t>(st)];
        // overtime until now is counted below; a busy server adds what the patient in hand
        // takes from now on
        s.pool.server(slot).leave_at = std::max(shift_end, sim_.now());
        s.pool.retire(slot); // busy servers leave after the patient in hand
    }
    for (int st : pr.watched_areas) --stations_[static_cast<std::size_t>(st)].watchers;
    // overtime of the closing shift: from the shift end until now (centre empty)
    if (sim_.now() > shift_end) {
        const double ot = static_cast<double>((sim_.now() - shift_end).seconds());
        for (const auto& a : rs.people) {
            if (std::find(pr.persons.begin(), pr.persons.end(), a.person) == pr.persons.end())
                continue;
            const auto prof = static_cast<std::size_t>(
                roster_.people[static_cast<std::size_t>(a.person)].profession);
            prof_overtime_h_[prof] += ot / 3600.0;
            prof_worked_h_[prof] += ot / 3600.0;
            rt.acc.row.overtime_hours += ot / 3600.0;
            rt.role_overtime_s[static_cast<std::size_t>(a.role)] += ot;
        }
    }
    pr = ShiftPresence{};
}

void Simulation::Impl::maybe_release_closing(int c) {
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    if (rt.doors_open || rt.in_centre > 0) return;
    release_closing_shifts(rt);
}

void Simulation::Impl::release_closing_shifts(CentreRt& rt) {
    for (int rs : rt.closing_shifts) {
        const RosterShift& s = roster_.shifts[static_cast<std::size_t>(rs)];
        release_shift(rs, day_start(s.day) + s.end);
    }
    rt.closing_shifts.clear();
}

const std::vector<double>& Simulation::Impl::travel_from(int commune) {
    auto it = travel_cache_.find(commune);
    if (it == travel_cache_.end())
        it = travel_cache_.emplace(commune, graph_.minutes_from(commune)).first;
    return it->second;
}

void Simulation::Impl::on_team_day(int t, int rs_index) {
    const RosterShift& rs = roster_.shifts[static_cast<std::size_t>(rs_index)];
    const MobileTeam& team = plan_.mobile_teams[static_cast<std::size_t>(t)];
    TeamRt& rt = teams_[static_cast<std::size_t>(t)];
    const int d = rs.day;
    MobileDayRow row;
    row.team = t;
    row.day = d;
    bool medecin_present = false;
    const std::vector<char> present = who_turns_up(rs, medecin_present);
    const double len_h = (rs.end - rs.start).hours();
    bool can_go = team.role_needed < 0;
    for (std::size_t i = 0; i < rs.people.size(); ++i) {
        if (!present[i]) continue;
        ++row.staff_present;
        const auto& a = rs.people[i];
        const RosterPerson& person = roster_.people[static_cast<std::size_t>(a.person)];
        prof_worked_h_[static_cast<std::size_t>(person.profession)] += len_h;
        if (a.role == team.role_needed) can_go = true;
    }
    if (!can_go || row.staff_present == 0) {
        log(LogKind::Shortfall, "mobile team " + team.name + " cannot go out: nobody to vaccinate");
        row.stock_end = rt.stock;
        res_.mobile_days.push_back(row);
        return;
    }
    Rng rng = rng_for(name_key("team:" + team.name) ^ mix64(static_cast<std::uint64_t>(d) + 7),
                      Purpose::Service);
    const VaccineType& vac = w_.vaccines[static_cast<std::size_t>(team.vaccine)];
    const double end = static_cast<double>(rs.end.seconds());
    double now = static_cast<double>(rs.start.seconds());
    int at = team.base_commune;
    int vial_left = 0;
    double vial_expires = 0;
    const std::size_t ng = w_.groups.size();
    // one home visit at commune m for group g (dose 1 or 2); false if time or doses run out
    auto visit = [&](int m, bool second) -> bool {
        const double back = travel_from(m)[static_cast<std::size_t>(team.base_commune)] * 60.0;
        const double dur = team.visit.sample(rng);
        if (now + dur + back > end) return false;
        if (vial_left == 0 || now >= vial_expires) {
            row.doses_wasted += vial_left;
            vial_left = 0;
            if (rt.stock <= 0) return false;
            const std::int64_t in_vial = std::min<std::int64_t>(vac.doses_per_vial, rt.stock);
            rt.stock -= in_vial;
            RIPOSTE_INVARIANT(rt.stock >= 0);
            vial_left = static_cast<int>(in_vial);
            vial_expires = now + static_cast<double>(vac.shelf_life_after_opening.seconds());
            ++row.vials_opened;
        }
        --vial_left;
        ++row.doses_used;
        now += dur + team.minutes_between_homes * 60.0;
        (void)second;
        return true;
    };
    auto drive_to = [&](int m) -> bool {
        const double there = travel_from(at)[static_cast<std::size_t>(m)] * 60.0;
        const double back = travel_from(m)[static_cast<std::size_t>(team.base_commune)] * 60.0;
        if (!std::isfinite(there) || now + there + back > end) return false;
        now += there;
        row.drive_minutes += there / 60.0;
        if (m != at) ++row.communes_visited;
        at = m;
        return true;
    };
    bool out_of_time = false;
    // second doses that are due come first
    while (!rt.second_doses.empty() && rt.second_doses.front().day <= d && !out_of_time) {
        const auto due = rt.second_doses.front();
        if (!drive_to(due.commune) || !visit(due.commune, true)) {
            out_of_time = true;
            break;
        }
        rt.second_doses.pop_front();
        const std::size_t k = cg(due.commune, due.group);
        ++cg_complete_[k];
        ++cg_home_complete_[k];
        ++group_complete_[static_cast<std::size_t>(due.group)];
        ++res_.totals.complete;
        ++res_.totals.vaccinations;
        ++res_.totals.home_vaccinations;
        ++row.second_doses;
    }
    // then first doses, commune after commune along the round
    for (std::size_t tries = 0; tries < rt.round.size() && !out_of_time; ++tries) {
        const int m = rt.round[rt.next % rt.round.size()];
        bool any_left = false;
        for (std::size_t g = 0; g < ng && !out_of_time; ++g) {
            const std::size_t k = cg(m, static_cast<int>(g));
            const PopulationGroup& grp = w_.groups[g];
            if (grp.eligible_day > d) continue;
            while (cg_home_first_[k] < cg_cannot_[k]) {
                any_left = true;
                if (!drive_to(m) || !visit(m, false)) {
                    out_of_time = true;
                    break;
                }
                ++cg_home_first_[k];
                ++cg_first_[k];
                ++group_first_[g];
                ++res_.totals.first_doses;
                ++res_.totals.vaccinations;
                ++res_.totals.home_vaccinations;
                ++row.first_doses;
                if (grp.doses == 1) {
                    ++cg_complete_[k];
                    ++cg_home_complete_[k];
                    ++group_complete_[g];
                    ++res_.totals.complete;
                } else {
                    rt.second_doses.push_back({d + grp.interval_days, m, static_cast<int>(g)});
                }
            }
        }
        (void)any_left;
        if (!out_of_time) ++rt.next; // commune done (or nobody left): on to the next one
    }
    row.doses_wasted += vial_left; // the team does not keep an opened vial overnight
    row.stock_end = rt.stock;
    res_.mobile_days.push_back(row);
    log(LogKind::Info,
        "mobile team " + team.name + ": " + std::to_string(row.first_doses + row.second_doses) +
            " home vaccinations in " + std::to_string(row.communes_visited) + " communes");
}

// ---------------------------------------------------------------------------------------------
// Patients

void Simulation::Impl::turn_away(std::int32_t p, bool counts_arrival) {
    Patient& pt = pat(p);
    CentreRt& rt = centres_[static_cast<std::size_t>(pt.centre)];
    if (counts_arrival) ++rt.acc.row.arrivals;
    ++rt.acc.row.turned_away;
    if (pt.type == PatientType::Vaccination && pt.person != none &&
        plan_.centres[static_cast<std::size_t>(pt.centre)].walk_in_only) {
        // turned away at a walk-in-only centre: they go again another day
        DemandPerson& dp = persons_[static_cast<std::size_t>(pt.person)];
        if (!plan_walk_in(pt.person, sim_.now().day() + 1, pt.dose, true)) dp.state = Waiting;
    } else if (pt.type == PatientType::Vaccination && pt.person != none) {
        DemandPerson& dp = persons_[static_cast<std::size_t>(pt.person)];
        if (pt.dose == 1) {
            cancel_second_dose(dp);
            rebook_later(pt.person, sim_.now().day());
        }
    }
    free_patients_.push_back(p);
}

void Simulation::Impl::on_arrival(std::int32_t p) {
    Patient& pt = pat(p);
    const Centre& def = plan_.centres[static_cast<std::size_t>(pt.centre)];
    CentreRt& rt = centres_[static_cast<std::size_t>(pt.centre)];
    if (!rt.doors_open || rt.waiting >= def.waiting_room) {
        turn_away(p, true);
        return;
    }
    ++rt.acc.row.arrivals;
    ++rt.in_centre;
    pt.arrival = sim_.now();
    pt.step = 0;
    go_to_step(p);
}

void Simulation::Impl::go_to_step(std::int32_t p) {
    Patient& pt = pat(p);
    const auto& path = path_of(pt);
    if (static_cast<std::size_t>(pt.step) >= path.size()) {
        depart(p);
        return;
    }
    const int st = path[static_cast<std::size_t>(pt.step)];
    StationRt& s = stations_[static_cast<std::size_t>(st)];
    CentreRt& rt = centres_[static_cast<std::size_t>(pt.centre)];
    pt.enqueued = sim_.now();
    ++rt.waiting;
    rt.acc.row.max_waiting = std::max(rt.acc.row.max_waiting, rt.waiting);
    ++s.acc.day.arrivals;
    if (s.def->kind == StationKind::Area) {
        s.area_queue.push_back(p);
        try_fill_area(st);
    } else {
        s.pool.enqueue(p);
        try_start_servers(st);
    }
}

void Simulation::Impl::try_start_servers(int st) {
    StationRt& s = stations_[static_cast<std::size_t>(st)];
    const int posts = s.def->posts;
    while (s.pool.has_idle() && !s.pool.queue_empty() &&
           (posts == 0 || s.pool.busy_count() < posts))
        start_service(s.pool.dequeue(), st);
}

void Simulation::Impl::start_service(std::int32_t p, int st) {
    StationRt& s = stations_[static_cast<std::size_t>(st)];
    Patient& pt = pat(p);
    CentreRt& rt = centres_[static_cast<std::size_t>(pt.centre)];
    --rt.waiting;
    RIPOSTE_INVARIANT(rt.waiting >= 0);
    pt.waited += sim_.now() - pt.enqueued;
    // the product is taken when the service starts: no dose or no kit means no service
    if (s.def->gives_dose && pt.type == PatientType::Vaccination && !pt.got_product) {
        if (!take_dose(pt.centre)) {
            --rt.in_centre;
            if (pt.walk_in && !plan_.centres[static_cast<std::size_t>(pt.centre)].walk_in_only) {
                DemandPerson& dp = persons_[static_cast<std::size_t>(pt.person)];
                dp.state = Listed;
                walkin_list_[static_cast<std::size_t>(dp.commune)].push_back(pt.person);
            }
            turn_away(p, false);
            maybe_release_closing(pt.centre);
            return;
        }
        pt.got_product = true;
    }
    if (s.def->takes_sample && pt.type != PatientType::Vaccination && !pt.got_product) {
        if (test_kits_ <= 0) {
            ++rt.acc.test.no_kit;
            --rt.in_centre;
            turn_away(p, false);
            maybe_release_closing(pt.centre);
            return;
        }
        --test_kits_;
        RIPOSTE_INVARIANT(test_kits_ >= 0);
        pt.got_product = true;
        pt.sampled = sim_.now();
    }
    note_start(s, sim_.now() - pt.enqueued);
    pt.server = s.pool.start(p, sim_.now());
    RIPOSTE_INVARIANT(s.pool.busy_count() <= s.pool.active_count() &&
                      (s.def->posts == 0 || s.pool.busy_count() <= s.def->posts));
    const SimTime dur = round_seconds(s.def->service.sample(s.rng));
    sim_.schedule(sim_.now() + dur, h_, ServiceEnd, static_cast<std::uint32_t>(st),
                  static_cast<std::uint64_t>(p), prio_service_end);
}

void Simulation::Impl::on_service_end(int st, std::int32_t p) {
    StationRt& s = stations_[static_cast<std::size_t>(st)];
    Patient& pt = pat(p);
    CentreRt& rt = centres_[static_cast<std::size_t>(pt.centre)];
    auto& server = s.pool.server(pt.server);
    {
        // time serving past the scheduled end of the shift is overtime, not shift time
        const auto role = static_cast<std::size_t>(s.def->role);
        const SimTime from = std::max(server.busy_since, server.planned_end);
        const double busy_ot =
            sim_.now() > from ? static_cast<double>((sim_.now() - from).seconds()) : 0.0;
        const double busy_in_shift =
            static_cast<double>((sim_.now() - server.busy_since).seconds()) - busy_ot;
        rt.role_busy_s[role] += busy_in_shift;
        s.acc.day.busy_hours += busy_in_shift / 3600.0;
        s.acc.day.busy_overtime_hours += busy_ot / 3600.0;
        rt.role_busy_overtime_s[role] += busy_ot;
    }
    const bool leaving = server.leaving;
    const SimTime leave_at = server.leave_at;
    const std::int32_t person = server.person;
    if (!s.pool.finish(pt.server) && leaving && sim_.now() > leave_at) {
        // finished the patient in hand after the end of the shift: overtime
        const double ot = static_cast<double>((sim_.now() - leave_at).seconds());
        const auto prof =
            static_cast<std::size_t>(roster_.people[static_cast<std::size_t>(person)].profession);
        prof_overtime_h_[prof] += ot / 3600.0;
        prof_worked_h_[prof] += ot / 3600.0;
        rt.acc.row.overtime_hours += ot / 3600.0;
        rt.role_overtime_s[static_cast<std::size_t>(s.def->role)] += ot;
    }
    pt.server = none;
    ++pt.step;
    try_start_servers(st);
    go_to_step(p);
}

void Simulation::Impl::try_fill_area(int st) {
    StationRt& s = stations_[static_cast<std::size_t>(st)];
    if (s.def->role >= 0 && s.watchers == 0) return; // nobody to watch: the area is stopped
    while (s.area_used < s.def->capacity && !s.area_queue.empty()) {
        const std::int32_t p = s.area_queue.front();
        s.area_queue.pop_front();
        Patient& pt = pat(p);
        CentreRt& rt = centres_[static_cast<std::size_t>(pt.centre)];
        --rt.waiting;
        RIPOSTE_INVARIANT(rt.waiting >= 0);
        RIPOSTE_INVARIANT(rt.waiting >= 0);
        pt.waited += sim_.now() - pt.enqueued;
        note_start(s, sim_.now() - pt.enqueued);
        note_occupancy(s);
        ++s.area_used;
        RIPOSTE_INVARIANT(s.area_used <= s.def->capacity);
        const SimTime dur = round_seconds(s.def->service.sample(s.rng));
        sim_.schedule(sim_.now() + dur, h_, AreaEnd, static_cast<std::uint32_t>(st),
                      static_cast<std::uint64_t>(p), prio_area_end);
    }
}

void Simulation::Impl::on_area_end(int st, std::int32_t p) {
    StationRt& s = stations_[static_cast<std::size_t>(st)];
    note_occupancy(s);
    --s.area_used;
    RIPOSTE_INVARIANT(s.area_used >= 0);
    ++pat(p).step;
    try_fill_area(st);
    go_to_step(p);
}

void Simulation::Impl::depart(std::int32_t p) {
    Patient& pt = pat(p);
    CentreRt& rt = centres_[static_cast<std::size_t>(pt.centre)];
    --rt.in_centre;
    RIPOSTE_INVARIANT(rt.in_centre >= 0);
    // a served patient passed every station of the path once, in order
    RIPOSTE_INVARIANT(static_cast<std::size_t>(pt.step) == path_of(pt).size());
    ++rt.acc.row.served;
    const double wait_min = pt.waited.minutes();
    rt.acc.waits.push_back(wait_min);
    all_waits_.push_back(static_cast<float>(wait_min));
    rt.acc.time_in_centre.add((sim_.now() - pt.arrival).minutes());
    if (pt.type == PatientType::Vaccination) {
        ++rt.acc.row.vaccinations;
        DemandPerson& dp = persons_[static_cast<std::size_t>(pt.person)];
        const std::size_t k = cg(dp.commune, dp.group);
        const int needed = w_.groups[static_cast<std::size_t>(dp.group)].doses;
        ++dp.doses;
        dp.state = Waiting;
        if (dp.doses == 1) {
            ++cg_first_[k];
            ++group_first_[static_cast<std::size_t>(dp.group)];
            ++res_.totals.first_doses;
        }
        if (dp.doses == needed) {
            ++cg_complete_[k];
            ++group_complete_[static_cast<std::size_t>(dp.group)];
            ++res_.totals.complete;
        }
        if (dp.doses >= 2) {
            dp.dose2_centre = none;
            dp.dose2_day = -1;
        }
        // after a first dose without appointment, the next one is due after the interval
        if (plan_.centres[static_cast<std::size_t>(pt.centre)].walk_in_only && dp.doses < needed)
            plan_walk_in(pt.person,
                         sim_.now().day() +
                             w_.groups[static_cast<std::size_t>(dp.group)].interval_days,
                         static_cast<std::int8_t>(dp.doses + 1), false);
        ++res_.totals.vaccinations;
    } else {
        ++rt.acc.row.tests;
        ++res_.totals.tests;
        if (pt.type == PatientType::Antigen) {
            ++rt.acc.test.antigen;
            rt.acc.result_delay_h.add((sim_.now() - pt.sampled).hours());
        } else {
            ++rt.acc.test.pcr;
            Rng r = rng_for(pt.key, Purpose::LabDelay);
            const Centre& def = plan_.centres[static_cast<std::size_t>(pt.centre)];
            rt.acc.result_delay_h.add(def.pcr_result_delay.sample(r) / 3600.0);
        }
    }
    free_patients_.push_back(p);
    maybe_release_closing(pt.centre);
}

// ---------------------------------------------------------------------------------------------
// Vials

bool Simulation::Impl::take_dose(int c) {
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    const Centre& def = plan_.centres[static_cast<std::size_t>(c)];
    if (rt.vial_left > 0 && sim_.now() < rt.vial_expires) {
        --rt.vial_left;
        RIPOSTE_INVARIANT(rt.vial_left >= 0);
        ++rt.acc.row.doses_used;
        return true;
    }
    if (rt.vial_left > 0) { // expired in the same instant: count it now
        rt.acc.row.doses_wasted += rt.vial_left;
        rt.vial_left = 0;
    }
    const VaccineType& v = w_.vaccines[static_cast<std::size_t>(def.vaccine)];
    if (rt.stock <= 0) {
        if (!rt.acc.stockout_logged)
            log(LogKind::Stockout, "no dose left at " + def.name + ": patients turned away");
        rt.acc.stockout_logged = true;
        return false;
    }
    const std::int64_t in_vial = std::min<std::int64_t>(v.doses_per_vial, rt.stock);
    rt.stock -= in_vial;
    RIPOSTE_INVARIANT(rt.stock >= 0 && in_vial > 0);
    rt.vial_left = static_cast<int>(in_vial) - 1;
    rt.vial_expires = sim_.now() + v.shelf_life_after_opening;
    ++rt.vial_serial;
    ++rt.acc.row.vials_opened;
    ++rt.acc.row.doses_used;
    sim_.schedule(rt.vial_expires, h_, VialExpiry, static_cast<std::uint32_t>(c), rt.vial_serial,
                  prio_vial);
    return true;
}

void Simulation::Impl::on_vial_expiry(int c, std::uint32_t serial) {
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    if (serial != rt.vial_serial || rt.vial_left <= 0) return;
    rt.acc.row.doses_wasted += rt.vial_left;
    rt.vial_left = 0;
}

// ---------------------------------------------------------------------------------------------
// Testing and walk-ins

void Simulation::Impl::schedule_next_test_arrival(int c, double from_s) {
    // Non-homogeneous Poisson process with an hourly piecewise-constant rate: integrate the
    // rate from the exact time `from_s` until a unit-exponential amount is used up.
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    const Centre& def = plan_.centres[static_cast<std::size_t>(c)];
    double need = -std::log(rt.arrival_rng.uniform01_open0());
    const auto day = static_cast<int>(std::floor(from_s / 86400.0));
    const SimTime d0 = day_start(day);
    double t = from_s - static_cast<double>(d0.seconds());
    const double close = static_cast<double>(def.closes.seconds());
    while (t < close && t < 86400.0) {
        const auto hh = static_cast<std::size_t>(t / 3600.0);
        const double rate = rt.test_rate[hh] / 3600.0; // per second
        const double hour_end = std::min(close, static_cast<double>(hh + 1) * 3600.0);
        if (rate > 0 && need <= rate * (hour_end - t)) {
            t += need / rate;
            rt.test_clock_s = static_cast<double>(d0.seconds()) + t;
            const SimTime at = d0 + SimTime{static_cast<std::int64_t>(std::ceil(t))};
            if (at >= d0 + def.closes) return;
            sim_.schedule(at, h_, TestArrival, static_cast<std::uint32_t>(c), 0, prio_arrival);
            return;
        }
        need -= rate * (hour_end - t);
        t = hour_end;
    }
}

void Simulation::Impl::on_test_arrival(int c) {
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    const Centre& def = plan_.centres[static_cast<std::size_t>(c)];
    const std::int32_t p = new_patient();
    Patient& pt = pat(p);
    pt.centre = c;
    PatientType type = def.test_type == TestType::Antigen ? PatientType::Antigen : PatientType::Pcr;
    if (def.test_type == TestType::Both)
        type = rt.test_mix_rng.bernoulli(w_.epidemic.pcr_share) ? PatientType::Pcr
                                                                : PatientType::Antigen;
    pt.type = type;
    // a test patient is the n-th arrival of the day at this centre
    pt.key =
        mix64(rt.lab_key + (static_cast<std::uint64_t>(sim_.now().day()) << 32) + rt.tests_today++);
    schedule_next_test_arrival(c, rt.test_clock_s);
    on_arrival(p);
}

void Simulation::Impl::schedule_next_walk_in(int c, SimTime closes_at) {
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    const Centre& def = plan_.centres[static_cast<std::size_t>(c)];
    rt.walkin_clock_s +=
        -std::log(rt.walkin_rng.uniform01_open0()) * 3600.0 / def.walk_ins_per_hour;
    const SimTime at{static_cast<std::int64_t>(std::ceil(rt.walkin_clock_s))};
    if (at < closes_at)
        sim_.schedule(at, h_, WalkInArrival, static_cast<std::uint32_t>(c), 0, prio_arrival);
}

void Simulation::Impl::on_walk_in(int c) {
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    const Centre& def = plan_.centres[static_cast<std::size_t>(c)];
    schedule_next_walk_in(c, day_start(sim_.now().day()) + def.closes);
    // who walks in: someone of the centre's commune still waiting for a slot
    auto& list = walkin_list_[static_cast<std::size_t>(def.commune)];
    while (!list.empty()) {
        const std::int32_t person = list.back();
        list.pop_back();
        DemandPerson& dp = persons_[static_cast<std::size_t>(person)];
        if (dp.doses > 0 || dp.state != Listed) continue;
        dp.state = Booked;
        const std::int32_t p = new_patient();
        Patient& pt = pat(p);
        pt.person = person;
        pt.centre = c;
        pt.type = PatientType::Vaccination;
        pt.dose = 1;
        pt.walk_in = true;
        ++rt.acc.row.walk_ins;
        on_arrival(p);
        return;
    }
}

void Simulation::Impl::on_centre_close(int c) {
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    rt.doors_open = false;
    // People queued at a station nobody staffs any more will not be seen today: they are
    // sent home (and rebook) so that the staff still inside can finish and leave.
    for (std::size_t st = 0; st < stations_.size(); ++st) {
        StationRt& s = stations_[st];
        if (s.centre != c) continue;
        const bool stopped = s.def->kind == StationKind::Area
                                 ? (s.def->role >= 0 && s.watchers == 0)
                                 : s.pool.active_count() == 0;
        if (!stopped) continue;
        std::vector<std::int32_t> sent;
        if (s.def->kind == StationKind::Area) {
            sent.assign(s.area_queue.begin(), s.area_queue.end());
            s.area_queue.clear();
        } else {
            while (!s.pool.queue_empty()) sent.push_back(s.pool.dequeue());
        }
        if (!sent.empty())
            log(LogKind::Warning, std::to_string(sent.size()) + " people sent home from " +
                                      centre_name(c) + ": nobody at " + s.def->name +
                                      " at closing time");
        for (std::int32_t p : sent) {
            --rt.waiting;
            RIPOSTE_INVARIANT(rt.waiting >= 0);
            RIPOSTE_INVARIANT(rt.waiting >= 0);
            --rt.in_centre;
            turn_away(p, false);
        }
    }
    maybe_release_closing(c);
}

void Simulation::Impl::on_centre_open(int c) {
    CentreRt& rt = centres_[static_cast<std::size_t>(c)];
    // The closing staff of the last opening day go home at the latest when the centre opens
    // again; anyone still inside is served by the opening shift and their wait keeps counting.
    release_closing_shifts(rt);
    rt.doors_open = true;
}

// ---------------------------------------------------------------------------------------------
// Queueing accounting per station

void Simulation::Impl::note_start(StationRt& s, SimTime waited) {
    const double w = waited.minutes();
    ++s.acc.day.started;
    if (waited > SimTime{0}) ++s.acc.day.waited;
    s.acc.waits.push_back(w);
}

void Simulation::Impl::note_occupancy(StationRt& s) {
    const SimTime now = sim_.now();
    s.acc.day.place_hours += static_cast<double>(s.area_used) *
                             static_cast<double>((now - s.acc.occ_since).seconds()) / 3600.0;
    s.acc.occ_since = now;
}

void Simulation::Impl::close_station_day(StationRt& s, int d, double open_hours) {
    StationAcc& a = s.acc;
    if (s.def->kind == StationKind::Area) note_occupancy(s);
    StationDayRow& row = a.day;
    row.centre = s.centre;
    row.day = d;
    row.station = s.local;
    row.open_hours = open_hours;
    if (row.arrivals > 0 || row.started > 0 || row.staffed_hours > 0 || row.place_hours > 0) {
        if (!a.waits.empty()) {
            double sum = 0;
            for (double x : a.waits) sum += x;
            row.wait_mean_min = sum / static_cast<double>(a.waits.size());
            std::sort(a.waits.begin(), a.waits.end());
            row.wait_p90_min = percentile_sorted(a.waits, 90);
        }
        res_.station_days.push_back(row);
        if (d >= w_.warmup_days) {
            a.arrivals += row.arrivals;
            a.started += row.started;
            a.waited += row.waited;
            a.busy_s += row.busy_hours * 3600.0;
            a.busy_all_s += (row.busy_hours + row.busy_overtime_hours) * 3600.0;
            a.staffed_s += row.staffed_hours * 3600.0;
            a.place_s += row.place_hours * 3600.0;
            a.open_s += open_hours * 3600.0;
            if (a.hist.empty()) a.hist.assign(StationAcc::bins, 0);
            for (double x : a.waits) {
                a.wait_sum_min += x;
                a.wait_max_min = std::max(a.wait_max_min, x);
                const auto b = std::min(StationAcc::bins - 1,
                                        static_cast<std::size_t>(x / StationAcc::bin_min));
                ++a.hist[b];
            }
        }
    }
    a.day = StationDayRow{};
    a.waits.clear();
}

void Simulation::Impl::station_run_rows() {
    for (const StationRt& s : stations_) {
        const StationAcc& a = s.acc;
        StationRunRow row;
        row.centre = s.centre;
        row.station = s.local;
        row.arrivals = a.arrivals;
        row.started = a.started;
        row.waited = a.waited;
        const double n = static_cast<double>(a.started);
        row.p_wait = n > 0 ? static_cast<double>(a.waited) / n : 0.0;
        row.wait_mean_min = n > 0 ? a.wait_sum_min / n : 0.0;
        if (a.started > 0) { // p90 by linear interpolation inside the quarter-minute bin
            const double target = 0.9 * n;
            double cum = 0;
            for (std::size_t b = 0; b < a.hist.size(); ++b) {
                const auto h = static_cast<double>(a.hist[b]);
                if (cum + h >= target && h > 0) {
                    const double lo = static_cast<double>(b) * StationAcc::bin_min;
                    row.wait_p90_min = b + 1 == a.hist.size()
                                           ? a.wait_max_min
                                           : lo + StationAcc::bin_min * (target - cum) / h;
                    break;
                }
                cum += h;
            }
        }
        if (s.def->kind == StationKind::Area) {
            row.mean_occupancy = a.open_s > 0 ? a.place_s / a.open_s : 0.0;
            row.utilisation = s.def->capacity > 0
                                  ? row.mean_occupancy / static_cast<double>(s.def->capacity)
                                  : 0.0;
        } else {
            row.utilisation = a.staffed_s > 0 ? a.busy_s / a.staffed_s : 0.0;
            row.mean_busy = a.open_s > 0 ? a.busy_all_s / a.open_s : 0.0;
        }
        res_.stations.push_back(row);
    }
}

void Simulation::Impl::sample_queues() {
    const SimTime now = sim_.now();
    const int d = now.day();
    for (std::size_t c = 0; c < centres_.size(); ++c) {
        const CentreRt& rt = centres_[c];
        const Centre& def = plan_.centres[c];
        if (!(rt.in_centre > 0 ||
              (def.open_on(d, w_.start_weekday) && now.second_of_day() >= def.opens.seconds() &&
               now.second_of_day() <= def.closes.seconds())))
            continue;
        res_.queue.push_back({static_cast<int>(c), now, rt.waiting, rt.in_centre});
    }
    const SimTime next = now + opt_.queue_sample_interval;
    if (next < horizon_) sim_.schedule(next, h_, Sample, 0, 0, prio_sample);
}

// ---------------------------------------------------------------------------------------------

void Simulation::Impl::handle(const Event& e) {
    switch (e.kind) {
    case DayStart:
        on_day_start(static_cast<int>(e.data));
        break;
    case DayEnd:
        on_day_end(static_cast<int>(e.data));
        break;
    case ShiftStart:
        on_shift_start(static_cast<int>(e.target));
        break;
    case ShiftEnd:
        on_shift_end(static_cast<int>(e.target));
        break;
    case Arrival:
        on_arrival(static_cast<std::int32_t>(e.target));
        break;
    case ServiceEnd:
        on_service_end(static_cast<int>(e.target), static_cast<std::int32_t>(e.data));
        break;
    case AreaEnd:
        on_area_end(static_cast<int>(e.target), static_cast<std::int32_t>(e.data));
        break;
    case VialExpiry:
        on_vial_expiry(static_cast<int>(e.target), static_cast<std::uint32_t>(e.data));
        break;
    case TestArrival:
        on_test_arrival(static_cast<int>(e.target));
        break;
    case WalkInArrival:
        on_walk_in(static_cast<int>(e.target));
        break;
    case Sample:
        sample_queues();
        break;
    case CentreClose:
        on_centre_close(static_cast<int>(e.target));
        break;
    case CentreOpen:
        on_centre_open(static_cast<int>(e.target));
        break;
    default:
        RIPOSTE_INVARIANT(false && "unknown event kind");
    }
}

void Simulation::Impl::finalise() {
    if (finalised_) return;
    finalised_ = true;
    res_.events = sim_.events_processed();
    station_run_rows();
    Totals& t = res_.totals;
    // communes
    const std::size_t ng = w_.groups.size();
    std::vector<int> vacc_sources;
    for (const auto& c : plan_.centres)
        if (c.vaccinates()) vacc_sources.push_back(c.commune);
    const std::vector<double> nearest_centre = graph_.nearest_of(vacc_sources);
    for (std::size_t m = 0; m < w_.territory.communes.size(); ++m) {
        const double nearest = std::isfinite(nearest_centre[m]) ? nearest_centre[m] : -1.0;
        for (std::size_t g = 0; g < ng; ++g) {
            const std::size_t k = m * ng + g;
            CommuneGroupRow row;
            row.commune = static_cast<int>(m);
            row.group = static_cast<int>(g);
            row.population = cg_population_[k];
            row.wanting = cg_wanting_[k];
            row.first_dose = cg_first_[k];
            row.complete = cg_complete_[k];
            row.unmet = cg_wanting_[k] - cg_first_[k];
            row.cannot_travel = cg_cannot_[k];
            row.home_first_dose = cg_home_first_[k];
            row.travel_minutes = nearest;
            res_.communes.push_back(row);
            t.wanting += row.wanting;
            t.unmet += row.unmet;
            t.unmet_cannot_travel += row.cannot_travel - row.home_first_dose;
        }
    }
    // professions
    std::vector<int> in_pool(w_.professions.size(), 0), used(w_.professions.size(), 0);
    for (std::size_t i = 0; i < roster_.people.size(); ++i) {
        ++in_pool[static_cast<std::size_t>(roster_.people[i].profession)];
        if (person_used_[i]) ++used[static_cast<std::size_t>(roster_.people[i].profession)];
    }
    for (std::size_t p = 0; p < w_.professions.size(); ++p) {
        ProfessionRow row;
        row.profession = static_cast<int>(p);
        row.people_in_pool = in_pool[p];
        row.people_used = used[p];
        row.rostered_hours = roster_.hours_by_profession[p];
        row.worked_hours = prof_worked_h_[p];
        row.overtime_hours = prof_overtime_h_[p];
        row.absent_hours = prof_absent_h_[p];
        row.commute_hours = prof_commute_h_[p];
        row.cost_eur = row.worked_hours * w_.hourly_cost_eur;
        res_.professions.push_back(row);
        t.staff_hours += row.worked_hours;
        t.overtime_hours += row.overtime_hours;
        t.cost_eur += row.cost_eur;
    }
    for (const auto& r : res_.centre_days) {
        t.no_shows += r.no_shows;
        t.turned_away += r.turned_away;
        t.doses_used += r.doses_used;
        t.doses_wasted += r.doses_wasted;
        t.vials_opened += r.vials_opened;
    }
    for (const auto& r : res_.mobile_days) {
        t.doses_used += r.doses_used;
        t.doses_wasted += r.doses_wasted;
        t.vials_opened += r.vials_opened;
    }
    // open vials at the very end are not wasted yet; they are stock
    std::sort(all_waits_.begin(), all_waits_.end());
    if (!all_waits_.empty()) {
        double sum = 0;
        for (float x : all_waits_) sum += x;
        t.wait_mean_min = sum / static_cast<double>(all_waits_.size());
        std::vector<double> sorted(all_waits_.begin(), all_waits_.end());
        t.wait_p90_min = percentile_sorted(sorted, 90);
        t.wait_p95_min = percentile_sorted(sorted, 95);
        t.wait_max_min = sorted.back();
    }
    t.shortfall_role_shifts = static_cast<std::int64_t>(res_.shortfalls.size());
    t.unmet_tests = unmet_tests_;
    std::int64_t wanting_all = 0;
    for (auto x : group_wanting_) wanting_all += x;
    // first day the whole target population reached 80% complete schedules
    for (int d = 0; d < w_.days && wanting_all > 0; ++d) {
        std::int64_t complete = 0;
        for (std::size_t g = 0; g < ng; ++g)
            complete += res_.coverage[static_cast<std::size_t>(d) * ng + g].complete;
        if (static_cast<double>(complete) >= 0.8 * static_cast<double>(wanting_all)) {
            t.day_coverage_target_reached = d;
            break;
        }
    }
    if (!res_.shortfalls.empty())
        log(LogKind::Shortfall, std::to_string(res_.shortfalls.size()) +
                                    " role-shifts could not be fully staffed (see shortfall.csv)");
}

// ---------------------------------------------------------------------------------------------

Simulation::Simulation(const Scenario& scenario, RunOptions options, Observer* observer)
    : impl_(std::make_unique<Impl>(scenario, options, observer)) {}
Simulation::~Simulation() = default;

bool Simulation::advance_to(SimTime t) {
    const SimTime until = std::min(t, impl_->horizon_);
    impl_->sim_.run_until(until);
    if (until >= impl_->horizon_) {
        impl_->finalise();
        return false;
    }
    return true;
}
SimTime Simulation::now() const {
    return impl_->sim_.now();
}
SimTime Simulation::horizon() const {
    return impl_->horizon_;
}
Results Simulation::run() {
    advance_to(impl_->horizon_);
    return impl_->res_;
}
Results Simulation::results() const {
    return impl_->res_;
}

Results run_replication(const Scenario& scenario, const RunOptions& options, Observer* observer) {
    Simulation s(scenario, options, observer);
    return s.run();
}

} // namespace riposte
