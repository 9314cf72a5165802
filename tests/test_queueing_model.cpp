// The full model against queueing theory and published clinic figures (VALIDATION.md). These
// are statistical checks: each runs long enough for a confidence interval tighter than the
// effect it guards against, at a fixed seed. ctest label: validation.
#include "fixtures.hpp"
#include "riposte/core/stats.hpp"
#include "riposte/model/mmc.hpp"
#include "riposte/simulation.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace riposte;
using namespace riposte::test;

namespace {

/// A world of one commune of 100,000 people and an ample pool of nurses and receptionists.
World queue_world(int days) {
    World w = small_world(100000, 0);
    w.days = days;
    w.pool = {pool_entry(1, 0, 200, 168), pool_entry(3, 0, 200, 168)};
    w.initial_test_kits = 100'000'000;
    w.epidemic.tests_per_case = 1.0;
    return w;
}

/// Ratio estimator over days: sum of waits / number served, with the 95% CI from the
/// delta method on per-day (sum, count) pairs.
struct RatioCi {
    double mean = 0, half = 0;
};
RatioCi per_arrival_mean(const std::vector<double>& sums, const std::vector<double>& counts) {
    double s = 0, n = 0;
    for (std::size_t i = 0; i < sums.size(); ++i) {
        s += sums[i];
        n += counts[i];
    }
    const double r = s / n;
    RunningStats resid;
    for (std::size_t i = 0; i < sums.size(); ++i) resid.add(sums[i] - r * counts[i]);
    const double nbar = n / static_cast<double>(sums.size());
    return {r, resid.ci95_halfwidth() / nbar};
}

/// A testing centre in continuous operation: one swab station of `servers` nurses with
/// exponential service at `mu` per hour, two 12-hour shifts that hand over at 08:00 and 20:00
/// (the night shift crosses midnight), Poisson arrivals at `lambda` per hour around the clock.
Scenario continuous_mmc(double lambda, double mu, int servers, int days, int warmup_days) {
    Scenario sc;
    sc.world = queue_world(days);
    sc.world.warmup_days = warmup_days;
    sc.world.epidemic.incidence_per_100k.assign(static_cast<std::size_t>(days), lambda * 24);
    Centre c;
    c.name = "Around the clock";
    c.kind = CentreKind::Testing;
    c.commune = 0;
    c.continuous = true;
    c.opens = hours(0);
    c.closes = hours(24);
    c.test_type = TestType::Antigen;
    c.waiting_room = 1'000'000;
    const std::string service = "exp(" + std::to_string(60.0 / mu) + ")";
    c.stations = {{"swab", StationKind::Servers, Flow::Testing, RoleId{5}, dist(service.c_str()), 0,
                   false, true}};
    c.stations[0].posts = servers; // a handover never adds a server: c posts at all times
    Shift day_shift, night_shift;
    day_shift.start = hours(8);
    day_shift.end = hours(20);
    night_shift.start = hours(20);
    night_shift.end = hours(32); // 20:00-08:00
    // the run starts at 00:00: a first-night shift covers day 0 until 08:00, or 8 hours of
    // arrivals would pile up unserved before the first day shift
    Shift first_night = day_shift;
    first_night.start = hours(0);
    first_night.end = hours(8);
    first_night.first_day = first_night.last_day = 0;
    day_shift.staff = night_shift.staff = first_night.staff = {0, 0, 0, 0, 0, servers};
    c.shifts = {day_shift, night_shift, first_night};
    sc.plan.centres = {c};
    return sc;
}

struct SteadyState {
    RunningStats wait, p_wait, utilisation;
};

SteadyState run_steady(const Scenario& sc, int replications) {
    SteadyState out;
    for (int rep = 0; rep < replications; ++rep) {
        RunOptions opt;
        opt.replication = rep;
        opt.queue_sample_interval = SimTime{0};
        const Results r = run_replication(sc, opt);
        REQUIRE(r.stations.size() == 1);
        out.wait.add(r.stations[0].wait_mean_min);
        out.p_wait.add(r.stations[0].p_wait);
        out.utilisation.add(r.stations[0].mean_busy);
    }
    return out;
}

void check_erlang_c(double lambda, double mu, int servers, int days, int replications) {
    const Scenario sc = continuous_mmc(lambda, mu, servers, days, 2);
    const SteadyState s = run_steady(sc, replications);
    const double wq = erlang_c_wait_minutes(lambda, mu, servers);
    const double pw = erlang_c_probability(lambda, mu, servers);
    const double offered = lambda / mu; // mean busy servers
    INFO("M/M/" << servers << " λ=" << lambda << " μ=" << mu << ": Wq " << s.wait.mean() << " ± "
                << s.wait.ci95_halfwidth() << " vs " << wq << "; P(wait) " << s.p_wait.mean()
                << " ± " << s.p_wait.ci95_halfwidth() << " vs " << pw << "; busy servers "
                << s.utilisation.mean() << " ± " << s.utilisation.ci95_halfwidth() << " vs "
                << offered);
    CHECK(std::abs(s.wait.mean() - wq) <= s.wait.ci95_halfwidth());
    CHECK(s.wait.ci95_halfwidth() < 0.03 * wq);
    CHECK(std::abs(s.p_wait.mean() - pw) <= s.p_wait.ci95_halfwidth());
    CHECK(std::abs(s.utilisation.mean() - offered) <= s.utilisation.ci95_halfwidth());
}

} // namespace

TEST_SUITE("validation") {

    TEST_CASE("M/M/12 daily centre matches the exact transient from an empty start") {
        // Testing centre open 00:00-20:00, 12 swab staff 00:00-20:00, Poisson arrivals 110/h flat,
        // exponential service of mean 6 min, everyone served (the queue drains after closing).
        // Each day starts empty, so days are independent replications of the same transient.
        const int days = 300;
        Scenario sc;
        sc.world = queue_world(days);
        sc.world.epidemic.incidence_per_100k.assign(days, 110.0 * 20);
        Centre c;
        c.name = "Swab site";
        c.kind = CentreKind::Testing;
        c.commune = 0;
        c.opens = hours(0);
        c.closes = hours(20);
        c.test_type = TestType::Antigen;
        c.waiting_room = 100000;
        c.stations = {{"swab", StationKind::Servers, Flow::Testing, RoleId{5}, dist("exp(6)"), 0,
                       false, true}};
        Shift s;
        s.start = hours(0);
        s.end = hours(20);
        s.staff = {0, 0, 0, 0, 0, 12};
        c.shifts = {s};
        sc.plan.centres = {c};
        std::vector<double> sums, counts;
        std::int64_t arrivals = 0;
        bool all_served = true;
        const int replications = 6;
        for (int rep = 0; rep < replications; ++rep) {
            RunOptions opt;
            opt.replication = rep;
            const Results r = run_replication(sc, opt);
            for (const auto& row : r.centre_days) {
                sums.push_back(row.wait_mean_min * static_cast<double>(row.served));
                counts.push_back(static_cast<double>(row.served));
                arrivals += row.arrivals;
                all_served = all_served && row.served == row.arrivals;
            }
        }
        CHECK(all_served);
        REQUIRE(sums.size() == static_cast<std::size_t>(days * replications));
        const double lambda = static_cast<double>(arrivals) / (20.0 * days * replications);
        const double exact = mmc_transient_wait_minutes(110, 10, 12, 20);
        const RatioCi w = per_arrival_mean(sums, counts);
        INFO("simulated " << w.mean << " ± " << w.half << " min, exact transient " << exact
                          << " min, measured λ " << lambda << "/h");
        CHECK(std::abs(lambda - 110) < 4 * std::sqrt(110 / (20.0 * days * replications)));
        CHECK(std::abs(w.mean - exact) <= w.half);
        CHECK(w.half < 0.03 * exact);
    }

    TEST_CASE("Erlang C at steady state: M/M/1 at λ = 8/h and μ = 10/h (Wq = 24 min)") {
        check_erlang_c(8, 10, 1, 400, 12);
    }

    TEST_CASE("Erlang C at steady state: M/M/4 at λ = 30/h and μ = 10/h") {
        check_erlang_c(30, 10, 4, 200, 10);
    }

    TEST_CASE("Erlang C at steady state: M/M/12 at λ = 100/h and μ = 10/h") {
        check_erlang_c(100, 10, 12, 120, 10);
    }

    TEST_CASE("tandem line (Jackson): each station waits as its own M/M/c") {
        // VALIDATION.md "Tandem line": Poisson arrivals at 40/h; station 1 has 3 servers at
        // μ = 15/h, station 2 has 5 servers at μ = 10/h. The departures of an M/M/c are Poisson,
        // so each station is an independent M/M/c with λ = 40/h.
        // Station 1 runs at ρ = 0.89: its mean wait varies a lot from one replication to the
        // next, so many shorter replications give a more trustworthy CI than a few long ones.
        Scenario sc = continuous_mmc(40, 10, 5, 100, 2);
        for (Shift& sh : sc.plan.centres[0].shifts) sh.staff[RoleId{0}] = 3;
        Centre& c = sc.plan.centres[0];
        Station first = c.stations[0];
        first.name = "registration";
        first.role = RoleId{0}; // reception, staffed by administratif
        first.takes_sample = false;
        first.service = dist("exp(4)");
        first.posts = 3;
        c.stations.insert(c.stations.begin(), first);
        std::vector<RunningStats> waits(2);
        for (int rep = 0; rep < 40; ++rep) {
            RunOptions opt;
            opt.replication = rep;
            opt.queue_sample_interval = SimTime{0};
            const Results r = run_replication(sc, opt);
            REQUIRE(r.stations.size() == 2);
            for (std::size_t i = 0; i < 2; ++i) waits[i].add(r.stations[i].wait_mean_min);
        }
        const double expected[] = {erlang_c_wait_minutes(40, 15, 3),
                                   erlang_c_wait_minutes(40, 10, 5)};
        for (std::size_t i = 0; i < 2; ++i) {
            INFO("station " << i + 1 << ": Wq " << waits[i].mean() << " ± "
                            << waits[i].ci95_halfwidth() << " vs Erlang C " << expected[i]);
            CHECK(std::abs(waits[i].mean() - expected[i]) <= waits[i].ci95_halfwidth());
            CHECK(waits[i].ci95_halfwidth() < 0.05 * expected[i]);
        }
    }

    TEST_CASE(
        "Hanly et al. 2022 mass vaccination hub at 60 then 120 then 180 booked arrivals an hour") {
        // VALIDATION.md "Published clinic figures": an 8-hour day, registration 3 + Exp(1.43) min,
        // assessment 2 + Exp(1), injection 3 + Exp(1), observation Normal(20, 0.5); staff at the
        // entrance, registration, assessment, vaccination and preparation 4, 6, 4, 5, 2 for the
        // small hub, twice and three times that for the larger ones. Entrance and preparation staff
        // are on site without a queue of their own. Booked slots of 1 minute with 1, 2 or 3 people.
        for (int scale = 1; scale <= 3; ++scale) {
            CAPTURE(scale);
            const double lambda = 60.0 * scale;
            const int days = 6;
            Scenario sc;
            World& w = sc.world;
            w = small_world(200000, 0);
            w.days = days;
            w.roles = {"entrance", "registration", "assessment", "vaccination", "preparation"};
            w.professions = {"medecin", "infirmier", "administratif"};
            w.scope.allowed = {{{ProfessionId{2}, false}},
                               {{ProfessionId{2}, false}},
                               {{ProfessionId{0}, false}},
                               {{ProfessionId{1}, false}},
                               {{ProfessionId{1}, false}}};
            w.pool = {pool_entry(0, 0, 300, 168), pool_entry(1, 0, 300, 168),
                      pool_entry(2, 0, 300, 168)};
            w.groups = {{"adults", 1.0, 0.5, 0, 1, 21, 0.0}};
            w.behaviour.booking_delay = dist("0");
            w.behaviour.no_show = 0.01;
            w.behaviour.punctuality = dist("0"); // the authors' booked arrivals come on time
            w.behaviour.retry_days = 1;
            w.deliveries = {{0, 0, 1'000'000, CentreId{-1}, ""}};
            w.vaccines = {{"comirnaty", 6, hours(6)}};
            sc.plan.booking.horizon_days = days;
            Centre c;
            c.name = "Hub";
            c.commune = 0;
            c.opens = hours(9);
            c.closes = hours(17);
            c.slot_length = minutes(1);
            c.doses_per_slot = scale;
            c.waiting_room = 100000;
            c.stations = {
                {"registration", StationKind::Servers, Flow::Both, RoleId{1}, dist("3 + exp(1.43)"),
                 0, false, false},
                {"assessment", StationKind::Servers, Flow::Vaccination, RoleId{2},
                 dist("2 + exp(1)"), 0, false, false},
                {"injection", StationKind::Servers, Flow::Vaccination, RoleId{3},
                 dist("3 + exp(1)"), 0, true, false},
                {"observation", StationKind::Area, Flow::Vaccination, RoleId{-1},
                 dist("normal(20, 0.5)"), 100000, false, false},
            };
            Shift sh;
            sh.start = hours(9);
            sh.end = hours(17);
            sh.staff = {4 * scale, 6 * scale, 4 * scale, 5 * scale, 2 * scale};
            c.shifts = {sh};
            sc.plan.centres = {c};
            const Results r = run_replication(sc, {});
            REQUIRE(r.centre_days.size() == static_cast<std::size_t>(days));
            RunningStats time_in_hub;
            for (const auto& row : r.centre_days) {
                // every booked patient who came is vaccinated: 480 × scale less the no-shows
                CHECK(row.slots_booked == 480 * scale);
                CHECK(row.vaccinations == row.slots_booked - row.no_shows);
                CHECK(row.turned_away == 0);
                time_in_hub.add(row.time_in_centre_mean_min);
            }
            INFO("time in hub " << time_in_hub.mean() << " ± " << time_in_hub.ci95_halfwidth());
            CHECK(time_in_hub.mean() + time_in_hub.ci95_halfwidth() < 60.0);
            // each station's share of its servers' time, overtime included, against
            // λ × mean service ÷ servers, with λ the day's patients over the 8 hours
            const double mean_service[] = {3 + 1.43, 2 + 1, 3 + 1};
            const int servers[] = {6 * scale, 4 * scale, 5 * scale};
            for (int st = 0; st < 3; ++st) {
                RunningStats ratio, u;
                for (const auto& row : r.station_days) {
                    if (row.station != st) continue;
                    const double lambda_d = static_cast<double>(row.started) / 8.0;
                    const double expected = lambda_d * mean_service[st] / 60.0 / servers[st];
                    const double measured =
                        (row.busy_hours + row.busy_overtime_hours) / row.staffed_hours;
                    ratio.add(measured / expected);
                    u.add(measured);
                }
                INFO("station " << st << ": utilisation " << u.mean() << ", measured / expected "
                                << ratio.mean() << " ± " << ratio.ci95_halfwidth() << "; nominal "
                                << lambda * mean_service[st] / 60.0 / servers[st]);
                CHECK(ratio.count() == days);
                CHECK(std::abs(ratio.mean() - 1.0) <= ratio.ci95_halfwidth());
                CHECK(u.mean() <= 0.85);
            }
        }
    }

} // TEST_SUITE
