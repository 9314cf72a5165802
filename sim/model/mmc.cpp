#include "riposte/model/mmc.hpp"

#include "riposte/core/distribution.hpp"
#include "riposte/core/rng.hpp"
#include "riposte/core/simulator.hpp"
#include "riposte/core/stats.hpp"
#include "riposte/model/server_pool.hpp"

#include <algorithm>
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

double mmc_transient_wait_minutes(double lambda_per_hour, double mu_per_hour, int servers,
                                  double open_hours) {
    // p[n] = P(n in the system). An arrival that finds n >= c waits (n - c + 1) service
    // completions of rate c·mu: E[wait | n] = (n - c + 1) / (c mu).
    const double lam = lambda_per_hour, mu = mu_per_hour;
    const auto c = static_cast<std::size_t>(servers);
    std::size_t n_max = c + 64;
    std::vector<double> p(n_max + 1, 0.0);
    p[0] = 1.0;
    auto rate_out = [&](std::size_t n) { return static_cast<double>(std::min(n, c)) * mu; };
    auto deriv = [&](const std::vector<double>& x, std::vector<double>& dx) {
        const std::size_t n_top = x.size() - 1;
        for (std::size_t n = 0; n <= n_top; ++n) {
            double v = -(n < n_top ? lam : 0.0) * x[n] - rate_out(n) * x[n];
            if (n > 0) v += lam * x[n - 1];
            if (n < n_top) v += rate_out(n + 1) * x[n + 1];
            dx[n] = v;
        }
    };
    // RK4 step well inside its stability region (|rate × dt| << 2.8)
    const auto steps = static_cast<std::int64_t>(
        std::ceil(open_hours * (lam + static_cast<double>(c) * mu) / 0.05));
    const double dt = open_hours / static_cast<double>(steps);
    double waits = 0; // ∫ λ E[wait | state] dt, in hours × arrivals per hour
    auto expected_wait_h = [&](const std::vector<double>& x) {
        double w = 0;
        for (std::size_t n = c; n < x.size(); ++n)
            w += x[n] * static_cast<double>(n - c + 1) / (static_cast<double>(c) * mu);
        return w;
    };
    std::vector<double> k1, k2, k3, k4, tmp;
    for (std::int64_t i = 0; i < steps; ++i) {
        // grow the state space while the top states hold any probability
        if (p[p.size() - 1] + p[p.size() - 2] > 1e-12) {
            p.resize(p.size() + 32, 0.0);
        }
        const std::size_t n = p.size();
        k1.assign(n, 0);
        k2.assign(n, 0);
        k3.assign(n, 0);
        k4.assign(n, 0);
        tmp.assign(n, 0);
        const double w0 = expected_wait_h(p);
        deriv(p, k1);
        for (std::size_t j = 0; j < n; ++j) tmp[j] = p[j] + 0.5 * dt * k1[j];
        const double w1 = expected_wait_h(tmp);
        deriv(tmp, k2);
        for (std::size_t j = 0; j < n; ++j) tmp[j] = p[j] + 0.5 * dt * k2[j];
        const double w2 = expected_wait_h(tmp);
        deriv(tmp, k3);
        for (std::size_t j = 0; j < n; ++j) tmp[j] = p[j] + dt * k3[j];
        deriv(tmp, k4);
        for (std::size_t j = 0; j < n; ++j)
            p[j] += dt / 6.0 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
        const double w3 = expected_wait_h(p);
        // Simpson on the step for the integral of the expected wait seen by arrivals
        waits += lam * dt / 6.0 * (w0 + 2 * w1 + 2 * w2 + w3);
    }
    return waits / (lam * open_hours) * 60.0;
}

} // namespace riposte
