#include "riposte/model/mmc.hpp"

#include "riposte/core/distribution.hpp"
#include "riposte/core/rng.hpp"
#include "riposte/core/simulator.hpp"
#include "riposte/core/stats.hpp"
#include "riposte/model/server_pool.hpp"

#include <cmath>
#include <deque>

namespace riposte {

namespace {

class Mmc final : public EventHandler {
  public:
    enum : std::uint16_t { ArrivalEv, DepartureEv };

    Mmc(double lambda_h, double mu_h, int c, std::uint64_t n, std::uint64_t seed,
        std::uint64_t warmup, int batches)
        : interarrival_(Distribution::exponential(3600.0 / lambda_h)),
          service_(Distribution::exponential(3600.0 / mu_h)),
          arrivals_(seed, 0, name_key("mmc"), Purpose::Arrival),
          services_(seed, 0, name_key("mmc"), Purpose::Service), total_(n + warmup),
          warmup_(warmup),
          batch_size_(std::max<std::uint64_t>(1, n / static_cast<std::uint64_t>(batches))) {
        id_ = sim_.add_handler(this);
        for (int i = 0; i < c; ++i) pool_.add_server(i, SimTime::max(), 0);
        in_service_.resize(static_cast<std::size_t>(c));
    }

    MmcResult run() {
        sim_.schedule(round_seconds(interarrival_.sample(arrivals_)), id_, ArrivalEv);
        sim_.run();
        MmcResult r;
        r.customers = measured_;
        r.events = sim_.events_processed();
        r.mean_wait_min = wait_.mean() / 60.0;
        r.mean_sojourn_min = sojourn_.mean() / 60.0;
        const double span = static_cast<double>((last_departure_ - measure_start_).seconds());
        r.mean_in_system = span > 0 ? area_ / span : 0;
        r.arrival_rate_per_min = span > 0 ? static_cast<double>(measured_) / (span / 60.0) : 0;
        r.batch_mean_wait_min = batch_means_;
        return r;
    }

    void handle(const Event& e) override {
        const SimTime now = sim_.now();
        if (measuring_)
            area_ +=
                static_cast<double>(in_system_) * static_cast<double>((now - last_t_).seconds());
        last_t_ = now;
        if (e.kind == ArrivalEv) {
            const std::uint64_t id = arrived_++;
            ++in_system_;
            if (id == warmup_) {
                measuring_ = true;
                measure_start_ = now;
            }
            if (arrived_ < total_)
                sim_.schedule(now + round_seconds(interarrival_.sample(arrivals_)), id_, ArrivalEv);
            if (pool_.has_idle()) {
                start({id, now}, now);
            } else {
                pool_.enqueue(0);
                waiting_.push_back({id, now});
            }
        } else {
            const auto server = static_cast<std::int32_t>(e.target);
            const Customer done = in_service_[static_cast<std::size_t>(server)];
            --in_system_;
            if (done.id >= warmup_) {
                sojourn_.add(static_cast<double>((now - done.arrived).seconds()));
                ++measured_;
                last_departure_ = now;
            }
            pool_.finish(server);
            if (!pool_.queue_empty()) {
                pool_.dequeue();
                const Customer next = waiting_.front();
                waiting_.pop_front();
                start(next, now);
            }
        }
    }

  private:
    struct Customer {
        std::uint64_t id = 0;
        SimTime arrived;
    };

    void start(Customer c, SimTime now) {
        const std::int32_t server = pool_.start(0, now);
        in_service_[static_cast<std::size_t>(server)] = c;
        if (c.id >= warmup_) {
            const double w = static_cast<double>((now - c.arrived).seconds());
            wait_.add(w);
            batch_sum_ += w;
            if (++batch_n_ == batch_size_) {
                batch_means_.push_back(batch_sum_ / static_cast<double>(batch_n_) / 60.0);
                batch_sum_ = 0;
                batch_n_ = 0;
            }
        }
        sim_.schedule(now + round_seconds(service_.sample(services_)), id_, DepartureEv,
                      static_cast<std::uint32_t>(server));
    }

    Simulator sim_;
    std::uint16_t id_ = 0;
    ServerPool pool_;
    Distribution interarrival_, service_;
    Rng arrivals_, services_;
    std::uint64_t total_, warmup_, batch_size_;
    std::uint64_t arrived_ = 0, measured_ = 0, batch_n_ = 0;
    double batch_sum_ = 0;
    std::vector<double> batch_means_;
    std::vector<Customer> in_service_;
    std::deque<Customer> waiting_;
    RunningStats wait_, sojourn_;
    std::int64_t in_system_ = 0;
    bool measuring_ = false;
    double area_ = 0;
    SimTime last_t_, measure_start_, last_departure_;
};

} // namespace

MmcResult run_mmc(double lambda_per_hour, double mu_per_hour, int servers, std::uint64_t customers,
                  std::uint64_t seed, std::uint64_t warmup, int batches) {
    Mmc m(lambda_per_hour, mu_per_hour, servers, customers, seed, warmup, batches);
    return m.run();
}

double erlang_c_probability(double lambda_per_hour, double mu_per_hour, int c) {
    const double a = lambda_per_hour / mu_per_hour;
    const double rho = a / c;
    double term = 1, sum = 0; // a^k / k!
    for (int k = 0; k < c; ++k) {
        sum += term;
        term *= a / (k + 1);
    }
    const double top = term / (1 - rho); // a^c / (c! (1 - rho))
    return top / (sum + top);
}

double erlang_c_wait_minutes(double lambda_per_hour, double mu_per_hour, int c) {
    const double pw = erlang_c_probability(lambda_per_hour, mu_per_hour, c);
    return pw / (c * mu_per_hour - lambda_per_hour) * 60.0;
}

} // namespace riposte
