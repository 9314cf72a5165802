// Refusals as one line of text, French or English.
#include "riposte/intervention.hpp"

#include <cmath>

namespace riposte {

std::string describe_refusal(const Refusal& r, std::string_view lang) {
    const bool fr = lang != "en";
    const std::string n = std::to_string(static_cast<long long>(std::llround(r.number)));
    const std::string& a = r.subject;
    const std::string& b = r.subject2;
    const std::string na = fr ? "sans objet : " : "not applicable: ";
    const std::string bad = fr ? "valeur invalide : " : "bad value: ";
    switch (r.detail) {
    case RefusalDetail::None:
        break;
    case RefusalDetail::CentreNotClosed:
        return na + (fr ? "le centre « " + a + " » n'est pas fermé" : a + " is not closed");
    case RefusalDetail::ProfessionAbsent:
        return na + (fr ? "aucun professionnel « " + a + " » n'y travaille sur cette période"
                        : "no " + a + " works there in that period");
    case RefusalDetail::LineTooLong:
        return bad + (fr ? "une ligne dure au plus 16 h : en ajouter une par jour"
                         : "a line lasts at most 16 h: add one per day");
    case RefusalDetail::NoDeliveryToCome:
        return na + (fr ? "aucune livraison à venir" : "no delivery to come");
    case RefusalDetail::SameCentre:
        return bad + (fr ? "l'origine et la destination doivent être deux centres différents"
                         : "from and to name two different centres");
    case RefusalDetail::VaccineNotGiven:
        return na + (fr ? "« " + a + " » ne donne pas le vaccin de « " + b + " »"
                        : a + " does not give " + b + "'s vaccine");
    case RefusalDetail::UnknownCommune:
        return bad + (fr ? "commune inconnue « " + a + " »" : "unknown commune '" + a + "'");
    case RefusalDetail::NoRoad:
        return na + (fr ? "aucune route ne relie « " + a + " » et « " + b + " » dans le territoire"
                        : "no road joins " + a + " and " + b + " in the territory");
    case RefusalDetail::UnknownGroup:
        return bad + (fr ? "groupe inconnu « " + a + " »" : "unknown group '" + a + "'");
    case RefusalDetail::AlreadyEligible:
        return na + (fr ? "le groupe « " + a + " » est déjà éligible" : a + " is already eligible");
    case RefusalDetail::NoCommunes:
        return bad + (fr ? "aucune commune indiquée (communes)" : "communes (none listed)");
    case RefusalDetail::TeamNotOut:
        return na + (fr ? "l'équipe mobile « " + a + " » ne sort pas le jour " + n
                        : "mobile team " + a + " does not go out on day " + n);
    case RefusalDetail::OpenAroundTheClock:
        return na + (fr ? "« " + a + " » est ouvert jour et nuit" : a + ": open around the clock");
    case RefusalDetail::NotOpenThoseDays:
        return na + (fr ? "le centre n'ouvre aucun de ces jours"
                        : "the centre does not open on those days");
    case RefusalDetail::TodayOnlyLater:
        return na + (fr ? "aujourd'hui, les horaires ne peuvent que fermer plus tard (même "
                          "ouverture)"
                        : "today's hours can only close later (same opening time)");
    case RefusalDetail::RoundOver:
        return na +
               (fr ? "la tournée de l'équipe mobile « " + a + " » est terminée pour aujourd'hui"
                   : "the round of mobile team " + a + " is over for today");
    }
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
