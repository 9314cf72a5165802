// The people who want a dose and where each stands (see riposte/model/demand.hpp).
#include "riposte/model/demand.hpp"

#include <algorithm>

namespace riposte {

void Demand::reset(std::size_t communes, std::size_t groups, int days, int retry_days) {
    const std::size_t n = communes * groups;
    retry_ = std::max(1, retry_days);
    persons_.clear();
    key_base_.assign(n, 0);
    first_.assign(n, 0);
    requests_.assign(static_cast<std::size_t>(days), {});
    queues_.assign(n * static_cast<std::size_t>(retry_), {});
    walk_in_.assign(communes, {});
}

std::int32_t Demand::add_people(int commune, int group, std::int32_t count) {
    const auto first = static_cast<std::int32_t>(persons_.size());
    Person dp;
    dp.commune = static_cast<std::int32_t>(commune);
    dp.group = static_cast<std::int16_t>(group);
    persons_.insert(persons_.end(), static_cast<std::size_t>(count), dp);
    return first;
}

std::vector<Demand::IdRun> Demand::take_requests(int day) {
    std::vector<IdRun> out = std::move(requests_[static_cast<std::size_t>(day)]);
    requests_[static_cast<std::size_t>(day)] = {};
    return out;
}

} // namespace riposte
