#include "riposte/allocation.hpp"

#include <algorithm>
#include <cmath>

namespace riposte {

Allocation allocate_deliveries(const Scenario& sc) {
    const World& w = sc.world;
    const Plan& plan = sc.plan;
    const std::size_t nc = plan.centres.size();
    const auto nd = static_cast<std::size_t>(std::max(0, w.days));
    Allocation a;
    a.centre_doses.assign(nc, std::vector<std::int64_t>(nd, 0));
    a.team_doses.assign(plan.mobile_teams.size(), std::vector<std::int64_t>(nd, 0));
    for (const Delivery& d : w.deliveries) {
        if (d.day < 0 || d.day >= w.days) continue;
        const auto day = static_cast<std::size_t>(d.day);
        a.delivered += d.doses;
        if (d.centre.valid()) {
            a.centre_doses[d.centre.index()][day] += d.doses;
            continue;
        }
        const int per_vial = w.vaccines[static_cast<std::size_t>(d.vaccine)].doses_per_vial;
        // users: centres (index c) then mobile teams (index nc + t)
        std::vector<std::size_t> users;
        std::vector<double> shares;
        double total_share = 0;
        for (std::size_t c = 0; c < nc; ++c)
            if (plan.centres[c].vaccinates() && plan.centres[c].vaccine == d.vaccine &&
                plan.centres[c].allocation_share > 0) {
                users.push_back(c);
                shares.push_back(plan.centres[c].allocation_share);
                total_share += plan.centres[c].allocation_share;
            }
        for (std::size_t t = 0; t < plan.mobile_teams.size(); ++t)
            if (plan.mobile_teams[t].vaccine == d.vaccine &&
                plan.mobile_teams[t].allocation_share > 0) {
                users.push_back(nc + t);
                shares.push_back(plan.mobile_teams[t].allocation_share);
                total_share += plan.mobile_teams[t].allocation_share;
            }
        if (users.empty()) continue; // stays at the depot
        const std::int64_t vials = d.doses / per_vial;
        std::vector<std::int64_t> give(users.size());
        std::vector<std::pair<double, std::size_t>> rem;
        std::int64_t given = 0;
        for (std::size_t i = 0; i < users.size(); ++i) {
            const double exact = static_cast<double>(vials) * shares[i] / total_share;
            give[i] = static_cast<std::int64_t>(std::floor(exact));
            given += give[i];
            rem.emplace_back(-(exact - static_cast<double>(give[i])), i);
        }
        std::sort(rem.begin(), rem.end());
        for (std::size_t k = 0; given < vials; ++k, ++given) ++give[rem[k % rem.size()].second];
        for (std::size_t i = 0; i < users.size(); ++i) {
            auto& dest = users[i] < nc ? a.centre_doses[users[i]] : a.team_doses[users[i] - nc];
            dest[day] += give[i] * per_vial;
        }
    }
    return a;
}

std::int64_t slot_capacity_per_day(const Centre& c, const BookingPolicy& booking) {
    const std::int64_t slots =
        (c.closes - c.opens).seconds() / std::max<std::int64_t>(1, c.slot_length.seconds());
    return static_cast<std::int64_t>(
        std::floor(static_cast<double>(slots * c.doses_per_slot) * (1.0 + booking.overbooking)));
}

std::vector<std::int64_t> slots_opened_per_day(const Centre& c, const BookingPolicy& booking,
                                               const std::vector<std::int64_t>& doses,
                                               int start_weekday) {
    if (!c.vaccinates() || c.walk_in_only) return std::vector<std::int64_t>(doses.size(), 0);
    return slots_opened_per_day(
        c, doses, start_weekday,
        std::vector<std::int64_t>(doses.size(), slot_capacity_per_day(c, booking)));
}

std::vector<std::int64_t> slots_opened_per_day(const Centre& c,
                                               const std::vector<std::int64_t>& doses,
                                               int start_weekday,
                                               const std::vector<std::int64_t>& capacity) {
    std::vector<std::int64_t> opened(doses.size(), 0);
    if (!c.vaccinates() || c.walk_in_only) return opened;
    std::int64_t cum_alloc = 0, cum_opened = 0;
    for (std::size_t d = 0; d < doses.size(); ++d) {
        cum_alloc += doses[d];
        if (!c.open_on(static_cast<int>(d), start_weekday)) continue;
        const std::int64_t cap = d < capacity.size() ? capacity[d] : 0;
        opened[d] = std::max<std::int64_t>(0, std::min(cap, cum_alloc - cum_opened));
        cum_opened += opened[d];
    }
    return opened;
}

} // namespace riposte
