#include "fixtures.hpp"
#include "riposte/runner.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace riposte;
using namespace riposte::test;

namespace {
Scenario busy_scenario(int injectors) {
    Scenario sc = small_scenario();
    // a tight injection line: waits depend strongly on the number of injectors
    sc.plan.centres[0].stations[2].service = dist("4 + exp(1)");
    sc.plan.centres[0].shifts[0].staff = {2, 2, injectors, 1, 1, 0};
    sc.plan.centres[0].doses_per_slot = 1;
    sc.plan.centres[0].slot_length = minutes(3);
    return sc;
}
} // namespace

TEST_CASE("replications give identical results with 1 and 2 threads") {
    const Scenario sc = small_scenario();
    ReplicationOptions o;
    o.replications = 6;
    o.seed = 11;
    o.threads = 1;
    const ReplicationSet a = run_replications(sc, o);
    o.threads = 2;
    const ReplicationSet b = run_replications(sc, o);
    REQUIRE(a.runs.size() == 6);
    REQUIRE(b.runs.size() == 6);
    CHECK_FALSE(a.partial);
    for (std::size_t i = 0; i < 6; ++i) {
        CHECK(a.runs[i].replication == static_cast<int>(i));
        CHECK(a.runs[i].events == b.runs[i].events);
        CHECK(a.runs[i].totals.wait_mean_min == b.runs[i].totals.wait_mean_min);
        CHECK(a.runs[i].totals.vaccinations == b.runs[i].totals.vaccinations);
    }
    // replications differ from each other
    CHECK(a.runs[0].totals.wait_mean_min != a.runs[1].totals.wait_mean_min);
}

TEST_CASE("a cancelled run keeps the replications finished so far and says it is partial") {
    const Scenario sc = small_scenario();
    std::atomic<bool> cancel{false};
    ReplicationOptions o;
    o.replications = 50;
    o.cancel = &cancel;
    int seen = 0;
    o.progress = [&](int done, int) {
        seen = done;
        if (done == 3) cancel = true;
    };
    const ReplicationSet s = run_replications(sc, o);
    CHECK(s.partial);
    CHECK(s.runs.size() == 3);
    CHECK(seen == 3);
    CHECK(s.requested == 50);
}

TEST_CASE("summaries carry a mean and a 95% confidence interval per KPI") {
    const Scenario sc = small_scenario();
    ReplicationOptions o;
    o.replications = 8;
    const ReplicationSet s = run_replications(sc, o);
    const auto sum = summarise(sc, s);
    auto it = std::find_if(sum.begin(), sum.end(),
                           [](const KpiSummary& k) { return k.name == "wait_mean_min"; });
    REQUIRE(it != sum.end());
    CHECK(it->values.size() == 8);
    CHECK(it->ci95 > 0);
    const double lo = *std::min_element(it->values.begin(), it->values.end());
    const double hi = *std::max_element(it->values.begin(), it->values.end());
    CHECK(it->mean >= lo);
    CHECK(it->mean <= hi);
}

TEST_CASE("common random numbers: one more injector gives significantly lower waits") {
    ReplicationOptions o;
    o.replications = 10;
    o.seed = 5;
    const Scenario a = busy_scenario(1);
    const Scenario b = busy_scenario(2);
    const auto sa = summarise(a, run_replications(a, o));
    const auto sb = summarise(b, run_replications(b, o));
    const auto diffs = paired_differences(sa, sb);
    auto it = std::find_if(diffs.begin(), diffs.end(),
                           [](const PairedDifference& d) { return d.name == "wait_p90_min"; });
    REQUIRE(it != diffs.end());
    INFO("p90 " << it->mean_a << " -> " << it->mean_b << " diff " << it->diff << " ± " << it->ci95);
    CHECK(it->diff < 0);
    CHECK(it->significant);
    // the same plan against itself: no difference at all
    const auto same = paired_differences(sa, sa);
    for (const auto& d : same) {
        CHECK(d.diff == 0);
        CHECK_FALSE(d.significant);
    }
}
