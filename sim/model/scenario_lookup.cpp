// Name lookups on the plain scenario values (include/riposte/scenario.hpp). Each returns the
// id (index) of the named item, or none() (-1) when there is none.
#include "riposte/scenario.hpp"

#include <string>

namespace riposte {

namespace {

template <class Range, class Key> int index_of(const Range& items, Key key) {
    int k = 0;
    for (const auto& item : items) {
        if (key(item)) return k;
        ++k;
    }
    return -1;
}

} // namespace

ProfessionId World::find_profession(std::string_view n) const {
    return professions.find(n);
}

RoleId World::find_role(std::string_view n) const {
    return roles.find(n);
}

int World::find_commune(std::string_view insee_or_name) const {
    // An INSEE code first (unique), then the first commune of that name.
    const int by_code =
        index_of(territory.communes, [&](const Commune& c) { return c.insee == insee_or_name; });
    if (by_code >= 0) return by_code;
    return index_of(territory.communes, [&](const Commune& c) { return c.name == insee_or_name; });
}

std::string Plan::unit_name(int index) const {
    if (index >= 0 && static_cast<std::size_t>(index) < centres.size())
        return centres[static_cast<std::size_t>(index)].name;
    const auto t = static_cast<std::size_t>(index) - centres.size();
    if (index >= 0 && t < mobile_teams.size()) return "mobile team " + mobile_teams[t].name;
    return "#" + std::to_string(index);
}

CentreId Plan::find_centre(std::string_view n) const {
    return CentreId{index_of(centres, [&](const Centre& c) { return c.name == n; })};
}

} // namespace riposte
