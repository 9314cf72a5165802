#include "compare_job.hpp"

#include "riposte/scenario_loader.hpp"

#include <algorithm>
#include <chrono>
#include <exception>

namespace riposte::gui {

CompareJob::CompareJob() : latest_(std::make_shared<const CompareView>()) {}

CompareJob::~CompareJob() {
    cancel();
    if (thread_.joinable()) thread_.join();
}

void CompareJob::publish(CompareView v) {
    auto next = std::make_shared<const CompareView>(std::move(v));
    std::lock_guard lock(mutex_);
    latest_ = std::move(next);
}

std::shared_ptr<const CompareView> CompareJob::view() const {
    std::lock_guard lock(mutex_);
    return latest_;
}

bool CompareJob::busy() const {
    const auto s = view()->status;
    return s == CompareStatus::Loading || s == CompareStatus::Running;
}

void CompareJob::cancel() {
    cancel_ = true;
}

bool CompareJob::start(CompareRequest request) {
    if (busy() || request.plans.size() < 2 || request.replications < 1) return false;
    if (thread_.joinable()) thread_.join();
    cancel_ = false;
    CompareView loading;
    loading.status = CompareStatus::Loading;
    loading.total = request.replications * static_cast<int>(request.plans.size());
    publish(loading);
    thread_ = std::thread([this, request = std::move(request)]() mutable { work(request); });
    return true;
}

void CompareJob::work(CompareRequest request) {
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    const auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - t0).count(); };
    CompareView v;
    v.status = CompareStatus::Loading;
    v.total = request.replications * static_cast<int>(request.plans.size());
    try {
        // Every plan against the same world; the problems of every file are reported.
        std::vector<BatchPlan> plans;
        std::vector<BatchPlanName> names;
        bool failed = false;
        for (std::size_t p = 0; p < request.plans.size(); ++p) {
            if (cancel_) break;
            LoadResult r = load_scenario(request.world, request.plans[p]);
            for (const Diagnostic& d : r.diagnostics.items()) v.diagnostics.push_back(d);
            if (!r.scenario || r.diagnostics.has_errors()) {
                failed = true;
                continue;
            }
            const std::string label(1, static_cast<char>('A' + static_cast<int>(p)));
            names.push_back({label, r.scenario->plan.name, request.plans[p].string()});
            plans.push_back(
                {label, std::make_shared<const Scenario>(std::move(*r.scenario)), nullptr});
        }
        if (cancel_) {
            v.status = CompareStatus::Cancelled;
            v.seconds = seconds();
            publish(std::move(v));
            return;
        }
        if (failed) {
            v.status = CompareStatus::Failed;
            v.seconds = seconds();
            publish(std::move(v));
            return;
        }
        const int threads =
            request.threads > 0
                ? request.threads
                : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        BatchRun batch;
        if (!batch.start(plans, request.replications, request.seed, threads)) {
            v.status = CompareStatus::Failed;
            v.error = "the comparison could not start";
            publish(std::move(v));
            return;
        }
        v.status = CompareStatus::Running;
        int shown = -1;
        while (batch.running()) {
            if (cancel_) batch.cancel();
            const auto progress = batch.latest();
            if (progress->done != shown) {
                shown = progress->done;
                v.done = progress->done;
                v.seconds = seconds();
                publish(v);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        const auto state = batch.latest();
        v.done = state->done;
        if (state->status == BatchStatus::Failed) {
            v.status = CompareStatus::Failed;
            v.error = state->error;
        } else {
            v.status =
                state->status == BatchStatus::Done ? CompareStatus::Done : CompareStatus::Cancelled;
            if (!state->sets.empty() && !state->sets.front().runs.empty()) {
                v.comparison = std::make_shared<const Comparison>(compare_batch(
                    plans.front().scenario->world.name, request.world.string(), request.seed,
                    request.replications, names, state->sets, state->summaries));
                v.summaries = state->summaries;
            }
        }
    } catch (const std::exception& e) {
        v.status = CompareStatus::Failed;
        v.error = std::string{"internal error: "} + e.what();
    }
    v.seconds = seconds();
    publish(std::move(v));
}

} // namespace riposte::gui
