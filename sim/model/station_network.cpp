// The stations of every centre at run time (see riposte/model/station_network.hpp).
#include "riposte/model/station_network.hpp"

#include "riposte/core/invariant.hpp"

namespace riposte {

std::vector<std::int32_t> StationNetwork::Node::send_home() {
    std::vector<std::int32_t> sent;
    while (!pool_.queue_empty()) sent.push_back(pool_.dequeue());
    return sent;
}

void StationNetwork::add_centre(const Centre& def, std::size_t roles,
                                std::vector<Rng> service_rngs) {
    RIPOSTE_INVARIANT(service_rngs.size() == def.stations.size());
    const CentreId centre = centres_.next_id();
    CentreStations& c = centres_.emplace_back();
    c.first = nodes_.next_id();
    c.of_role.assign(roles, {});
    bool pcr_cut = false;
    for (std::size_t k = 0; k < def.stations.size(); ++k) {
        const Station& s = def.stations[k];
        const StationNodeId id = nodes_.next_id();
        nodes_.emplace_back(s, centre, StationId{k}, service_rngs[k]);
        if (s.role.valid()) c.of_role[s.role].push_back(id);
        if (def.vaccinates() && s.flow != Flow::Testing) c.vaccination.push_back(id);
        if (def.tests() && s.flow != Flow::Vaccination) {
            c.antigen.push_back(id);
            if (!pcr_cut) c.pcr.push_back(id);
            if (s.takes_sample) pcr_cut = true; // PCR patients leave once sampled
        }
    }
    c.last = nodes_.next_id();
    const std::vector<StationNodeId>* paths[3] = {&c.vaccination, &c.antigen, &c.pcr};
    for (std::size_t k = 0; k < 3; ++k) {
        const std::vector<StationNodeId>& path = *paths[k];
        c.path_at[k] = static_cast<std::uint32_t>(paths_.size());
        c.path_len[k] = static_cast<std::uint32_t>(path.size());
        paths_.insert(paths_.end(), path.begin(), path.end());
        for (std::size_t i = 0; i + 1 < path.size(); ++i)
            nodes_[path[i]].next_[k] = path[i + 1].value();
    }
}

int StationNetwork::slow(CentreId centre, std::string_view name, double factor, SimTime until) {
    int n = 0;
    for (const StationNodeId id : of(centre)) {
        Node& s = (*this)[id];
        if (!name.empty() && s.def().name != name) continue;
        s.slow(factor, until);
        ++n;
    }
    return n;
}

} // namespace riposte
