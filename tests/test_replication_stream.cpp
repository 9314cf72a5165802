// Replications streamed to their consumer (issue 11, defect 2: memory grew with the replication
// count because every replication's tables were kept to the end). The runner hands finished
// replications over in replication order, holds at most threads + 1 that finished early, and
// the writer puts their rows in the files at once.
#include "fixtures.hpp"
#include "riposte/output.hpp"
#include "riposte/runner.hpp"
#include "riposte/simulation.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

using namespace riposte;
using namespace riposte::test;
namespace fs = std::filesystem;

namespace {

/// A fresh directory under the system temp dir, removed at scope exit.
class ScratchDir {
  public:
    ScratchDir() {
        std::string pattern = (fs::temp_directory_path() / "riposte-stream-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("stream: a slow consumer holds at most threads + 1 finished replications") {
    const Scenario sc = small_scenario();
    for (const int threads : {2, 3}) {
        ReplicationOptions o;
        o.replications = 24;
        o.threads = threads;
        o.seed = 3;
        std::vector<int> order;
        // The first replication is consumed slowly: meanwhile the other threads finish theirs.
        // Without a bound they would run through all the replications and hold them all.
        const ReplicationSet set = stream_replications(sc, o, [&](const Results& r) {
            if (r.replication == 0) std::this_thread::sleep_for(std::chrono::milliseconds(400));
            order.push_back(r.replication);
            return true;
        });
        INFO(threads << " threads: most held " << set.most_held);
        REQUIRE(order.size() == 24);
        for (int i = 0; i < 24; ++i) CHECK(order[static_cast<std::size_t>(i)] == i);
        CHECK(set.most_held <= threads + 1);
        CHECK(set.most_held >= 2); // the case did make replications wait for an earlier one
        CHECK_FALSE(set.partial);
        REQUIRE(set.runs.size() == 24);
        CHECK(set.runs.back().replication == 23);
    }
}

TEST_CASE("stream: the set keeps records and KPI values only, the same for 1 and 2 threads") {
    const Scenario sc = small_scenario();
    ReplicationOptions o;
    o.replications = 7;
    o.seed = 9;
    std::vector<Results> kept;
    const ReplicationSet one = stream_replications(sc, o, [&](const Results& r) {
        kept.push_back(r);
        return true;
    });
    o.threads = 2;
    const ReplicationSet two = run_replications(sc, o);
    REQUIRE(one.runs.size() == 7);
    REQUIRE(two.runs.size() == 7);
    REQUIRE(one.kpis.size() == main_kpis(sc, kept.front()).size());
    for (std::size_t i = 0; i < 7; ++i) {
        CHECK(one.runs[i].replication == kept[i].replication);
        CHECK(one.runs[i].events == kept[i].events);
        CHECK(one.runs[i].totals.vaccinations == kept[i].totals.vaccinations);
        CHECK(two.runs[i].events == kept[i].events);
        const auto kpis = main_kpis(sc, kept[i]);
        for (std::size_t k = 0; k < kpis.size(); ++k) {
            CHECK(one.kpis[k].name == kpis[k].name);
            CHECK(one.kpis[k].values[i] == kpis[k].value);
            CHECK(two.kpis[k].values[i] == kpis[k].value);
        }
    }
}

TEST_CASE("stream: a consumer that refuses stops the run, and the set is partial") {
    const Scenario sc = small_scenario();
    ReplicationOptions o;
    o.replications = 40;
    o.threads = 2;
    int consumed = 0;
    const ReplicationSet set = stream_replications(sc, o, [&](const Results& r) {
        ++consumed;
        return r.replication < 3; // replication 3 cannot be written
    });
    CHECK(set.partial);
    CHECK(set.runs.size() == 3);
    CHECK(consumed == 4); // nothing after the refusal
}

TEST_CASE("stream: an exception in the consumer stops every thread and reaches the caller") {
    const Scenario sc = small_scenario();
    ReplicationOptions o;
    o.replications = 40;
    o.threads = 2;
    std::atomic<int> consumed{0};
    CHECK_THROWS_WITH_AS(stream_replications(sc, o,
                                             [&](const Results& r) -> bool {
                                                 ++consumed;
                                                 if (r.replication == 2)
                                                     throw std::runtime_error("disk on fire");
                                                 return true;
                                             }),
                         "disk on fire", std::runtime_error);
    CHECK(consumed.load() == 3);
}

TEST_CASE("stream: after a cancel the finished replications are consumed in order") {
    const Scenario sc = small_scenario();
    std::atomic<bool> cancel{false};
    ReplicationOptions o;
    o.replications = 200;
    o.threads = 2;
    o.cancel = &cancel;
    o.progress = [&](int done, int) {
        if (done == 9) cancel = true;
    };
    std::vector<int> order;
    const ReplicationSet set = stream_replications(sc, o, [&](const Results& r) {
        order.push_back(r.replication);
        return true;
    });
    CHECK(set.partial);
    CHECK(order.size() >= 9);
    CHECK(order.size() < 200);
    CHECK(std::is_sorted(order.begin(), order.end()));
    REQUIRE(set.runs.size() == order.size());
    for (std::size_t i = 0; i < order.size(); ++i) CHECK(set.runs[i].replication == order[i]);
}

TEST_CASE("replication files: a writer dropped before finish leaves no file behind") {
    const Scenario sc = small_scenario();
    ScratchDir dir;
    {
        ReplicationFiles files(sc, dir.path());
        REQUIRE(files.ok());
        CHECK(files.add(run_replication(sc, RunOptions{})));
        CHECK_FALSE(entries(dir.path()).empty()); // the tables' temporary files
    }
    CHECK(entries(dir.path()).empty());
}

TEST_CASE("replication files: an output folder that is a file is a clear error") {
    const Scenario sc = small_scenario();
    ScratchDir dir;
    const fs::path file = dir.path() / "not-a-folder";
    { std::ofstream(file) << "x"; }
    ReplicationFiles files(sc, file);
    CHECK_FALSE(files.ok());
    CHECK(files.error().find("not-a-folder") != std::string::npos);
    CHECK_FALSE(files.add(run_replication(sc, RunOptions{})));
}

TEST_CASE("replication files: a write failing mid-run stops the replications and names the "
          "file") {
    // A file-size limit makes write() fail with EFBIG, even for root: the disk is "full" after
    // a few replications, and the run must stop there rather than simulate the rest.
    const Scenario sc = small_scenario();
    ScratchDir dir;
    ReplicationOptions o;
    o.replications = 400;
    o.threads = 2;
    ReplicationSet set;
    std::string error;
    {
        ReplicationFiles files(sc, dir.path());
        REQUIRE(files.ok());
        rlimit saved{};
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
        const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = saved;
        small.rlim_cur = 64 * 1024;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        set = stream_replications(sc, o, [&](const Results& r) { return files.add(r); });
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, old_handler);
        CHECK_FALSE(files.ok());
        error = files.error();
    }
    INFO(error);
    CHECK(set.partial);
    CHECK(set.runs.size() < 400);
    CHECK(error.find(".csv: cannot write") != std::string::npos);
    CHECK(entries(dir.path()).empty()); // no temporary file left
}
