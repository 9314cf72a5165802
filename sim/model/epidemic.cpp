#include "riposte/epidemic.hpp"

#include <array>

namespace riposte {

std::vector<double> seir_incidence_per_100k(const SeirParameters& p, int days) {
    // state: S, E, I, R, C (cumulative E → I transitions)
    using State = std::array<double, 5>;
    const double n = p.population > 0 ? p.population : 1.0;
    const double sigma = 1.0 / p.incubation_days;
    const double gamma = 1.0 / p.infectious_days;
    const double beta = p.r0 * gamma;
    auto deriv = [&](const State& x) {
        const double infection = beta * x[0] * x[2] / n;
        return State{-infection, infection - sigma * x[1], sigma * x[1] - gamma * x[2],
                     gamma * x[2], sigma * x[1]};
    };
    State x{n * (1.0 - p.immune_share) - p.initial_infectious, 0.0, p.initial_infectious,
            n * p.immune_share, 0.0};
    const int steps_per_day = 24;
    const double h = 1.0 / steps_per_day;
    std::vector<double> out;
    out.reserve(static_cast<std::size_t>(days > 0 ? days : 0));
    for (int d = 0; d < days; ++d) {
        const double before = x[4];
        for (int s = 0; s < steps_per_day; ++s) {
            const State k1 = deriv(x);
            State t;
            for (std::size_t i = 0; i < 5; ++i) t[i] = x[i] + 0.5 * h * k1[i];
            const State k2 = deriv(t);
            for (std::size_t i = 0; i < 5; ++i) t[i] = x[i] + 0.5 * h * k2[i];
            const State k3 = deriv(t);
            for (std::size_t i = 0; i < 5; ++i) t[i] = x[i] + h * k3[i];
            const State k4 = deriv(t);
            for (std::size_t i = 0; i < 5; ++i)
                x[i] += h / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        out.push_back((x[4] - before) / n * 1e5);
    }
    return out;
}

} // namespace riposte
