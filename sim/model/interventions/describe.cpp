// Refusals as one line of text, French or English.
#include "riposte/intervention.hpp"

#include <cmath>

namespace riposte {

std::string describe_refusal(const Refusal& r, std::string_view lang) {
    const bool fr = lang != "en";
    const std::string n = std::to_string(static_cast<long long>(std::llround(r.number)));
    switch (r.reason) {
    case RefusalReason::UnknownCentre:
        return fr ? "centre inconnu : « " + r.subject + " »"
                  : "unknown centre: '" + r.subject + "'";
    case RefusalReason::UnknownStation:
        return fr ? "poste inconnu : « " + r.subject + " »"
                  : "unknown station: '" + r.subject + "'";
    case RefusalReason::UnknownProfession:
        return fr ? "profession inconnue : « " + r.subject + " »"
                  : "unknown profession: '" + r.subject + "'";
    case RefusalReason::UnknownRole:
        return fr ? "rôle inconnu : « " + r.subject + " »" : "unknown role: '" + r.subject + "'";
    case RefusalReason::UnknownTeam:
        return fr ? "équipe mobile inconnue : « " + r.subject + " »"
                  : "unknown mobile team: '" + r.subject + "'";
    case RefusalReason::PastHorizon:
        return fr ? "après la fin de la simulation" : "past the end of the run";
    case RefusalReason::InThePast:
        return fr ? "moment déjà passé" : "that time has already passed";
    case RefusalReason::NoneWithinReach:
        return fr ? "seulement " + n + " professionnel(s) du vivier peuvent tenir le rôle « " +
                        r.subject + " » à temps"
                  : "only " + n + " professional(s) of the pool can take the role '" + r.subject +
                        "' in time";
    case RefusalReason::NotEnoughStock:
        return fr ? "seulement " + n + " doses en stock" : "only " + n + " doses in stock";
    case RefusalReason::NotApplicable:
        return fr ? "sans objet : " + r.subject : "not applicable: " + r.subject;
    case RefusalReason::BadValue:
        return fr ? "valeur invalide : " + r.subject : "bad value: " + r.subject;
    case RefusalReason::StaffHoursShort: {
        // hours to the tenth: "il manque 1,5 h de infirmier"
        const long long tenths = std::llround(r.number * 10);
        const std::string h = std::to_string(tenths / 10) +
                              (tenths % 10 ? (fr ? "," : ".") + std::to_string(tenths % 10) : "");
        return fr ? "les professionnels prévus (" + r.subject +
                        ") n'ont pas assez d'heures : il "
                        "manque " +
                        h + " h"
                  : "the rostered professionals (" + r.subject + ") lack " + h + " h";
    }
    }
    return {};
}

} // namespace riposte
