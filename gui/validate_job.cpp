#include "validate_job.hpp"

#include "riposte/live_run.hpp"
#include "riposte/runner.hpp"

#include <algorithm>
#include <exception>

namespace riposte::gui {

ValidateJob::ValidateJob() : latest_(std::make_shared<const ValidateView>()) {}

ValidateJob::~ValidateJob() {
    cancel();
    if (thread_.joinable()) thread_.join();
}

void ValidateJob::publish(ValidateView v) {
    auto next = std::make_shared<const ValidateView>(std::move(v));
    std::lock_guard lock(mutex_);
    latest_ = std::move(next);
}

std::shared_ptr<const ValidateView> ValidateJob::view() const {
    std::lock_guard lock(mutex_);
    return latest_;
}

void ValidateJob::cancel() {
    cancel_ = true;
}

void ValidateJob::structure(std::shared_ptr<const Scenario> scenario) {
    cancel();
    if (thread_.joinable()) thread_.join();
    cancel_ = false;
    scenario_ = std::move(scenario);
    ValidateView v;
    v.scenario = scenario_.get();
    publish(v);
    if (!scenario_) return;
    // on the worker: the national scenario's rules take a while
    thread_ = std::thread([this, v]() mutable {
        lower_this_thread_priority(); // a background check: the window's frames come first
        try {
            v.report = std::make_shared<const ValidationReport>(validate_structure(*scenario_));
        } catch (const std::exception& e) {
            v.status = ValidateStatus::Failed;
            v.error = e.what();
        }
        publish(std::move(v));
    });
}

bool ValidateJob::start(std::shared_ptr<const Scenario> scenario, int replications,
                        std::uint64_t seed, int threads) {
    if (busy() || !scenario || replications < 1) return false;
    if (thread_.joinable()) thread_.join();
    cancel_ = false;
    scenario_ = std::move(scenario);
    ValidateView running;
    running.status = ValidateStatus::Running;
    running.total = replications;
    running.scenario = scenario_.get();
    publish(running);
    thread_ = std::thread([this, running, replications, seed, threads]() mutable {
        const Scenario& sc = *scenario_;
        try {
            running.report = std::make_shared<const ValidationReport>(validate_structure(sc));
            publish(running);
            TargetValidator validator(sc);
            ReplicationOptions options;
            options.replications = replications;
            options.threads = std::max(1, threads);
            options.seed = seed;
            options.cancel = &cancel_;
            options.progress = [&](int done, int total) {
                ValidateView p = running;
                p.done = done;
                p.total = total;
                publish(std::move(p));
            };
            const ReplicationSet set = stream_replications(sc, options, [&](const Results& r) {
                validator.add(r);
                return true;
            });
            ValidateView out = running;
            out.done = static_cast<int>(set.runs.size());
            out.status = set.partial ? ValidateStatus::Cancelled : ValidateStatus::Done;
            if (!set.runs.empty()) {
                ValidationReport report = validator.report();
                report.partial = set.partial;
                out.report = std::make_shared<const ValidationReport>(std::move(report));
            }
            publish(std::move(out));
        } catch (const std::exception& e) {
            ValidateView out = running;
            out.status = ValidateStatus::Failed;
            out.error = e.what();
            publish(std::move(out));
        }
    });
    return true;
}

RulePlace rule_place(const Scenario& scenario, const Phrase& where) {
    RulePlace place;
    for (const std::string& arg : where.args) {
        if (place.centre < 0) place.centre = scenario.plan.find_centre(arg).value();
        if (place.day < 0 && arg.size() == 10 && arg[4] == '-' && arg[7] == '-')
            for (int d = 0; d < scenario.world.days; ++d)
                if (date_of_day(scenario.world, d) == arg) {
                    place.day = d;
                    break;
                }
    }
    return place;
}

} // namespace riposte::gui
