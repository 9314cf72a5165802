#pragma once
// The engine's log (events.csv, the main courante), a section of the string table (see
// strings.hpp). The engine records each event as ids and numbers (riposte/results.hpp,
// LogEvent); log_text() (riposte/output.hpp) renders it with these patterns. The English
// patterns are those of events.csv, whose text column stays the same from version to version.
#include "riposte/text/strings.hpp"

namespace riposte::text {

struct LogTexts {
    Text doses_delivered{"{0} doses livrées à {1}", "{0} doses delivered to {1}"};
    Text team_doses_delivered{"{0} doses livrées à l'équipe mobile {1}",
                              "{0} doses delivered to mobile team {1}"};
    Text kits_delivered{"{0} kits de test livrés", "{0} test kits delivered"};
    Text sent_home{"{0} personnes renvoyées chez elles à {1} : personne au poste {2} à la "
                   "fermeture",
                   "{0} people sent home from {1}: nobody at {2} at closing time"};
    Text staff_absent{"{0} absent aujourd'hui à {1}", "{0} absent today at {1}"};
    Text supervised_without_medecin{
        "aucun médecin sur place à {0} : un {1} sous supervision ne peut pas travailler",
        "no médecin on site at {0}: a supervised {1} cannot work"};
    Text station_stopped{"{0} à {1} : personne de présent ni de qualifié pour remplacer, le "
                         "poste s'arrête",
                         "{0} at {1}: nobody present and nobody qualified to cover, the station "
                         "stops"};
    Text staff_moved{"à {0}, un {1} passe du poste {2} au poste {3} pour couvrir une absence",
                     "at {0} a {1} moves from {2} to {3} to cover an absence"};
    Text stock_out{"plus aucune dose à {0} : personnes refoulées",
                   "no dose left at {0}: patients turned away"};
    Text centre_closed_until{"{0} fermé jusqu'au jour {1}", "{0} closed until day {1}"};
    Text team_idle{"l'équipe mobile {0} ne peut pas sortir : personne à vacciner",
                   "mobile team {0} cannot go out: nobody to vaccinate"};
    Text team_round{"équipe mobile {0} : {1} vaccinations à domicile dans {2} communes",
                    "mobile team {0}: {1} home vaccinations in {2} communes"};
    Text shortfall_summary{"{0} postes-vacations n'ont pas pu être entièrement pourvus (voir "
                           "shortfall.csv)",
                           "{0} role-shifts could not be fully staffed (see shortfall.csv)"};
    Text staff_replaced{"à {0}, une absence au poste {1} est remplacée par un {2} du vivier, "
                        "qui arrive dans {3} min",
                        "at {0} an absence at {1} is replaced by a {2} from the pool, arriving "
                        "in {3} min"};
    Text staff_moved_between{"déplacement décidé plus tôt : {0} × {1} de {2} vers {3}",
                             "move decided earlier: {0} × {1} from {2} to {3}"};
    // a change: "{kind}[ [{id}]][ at {centre}]: applied" or ": refused, {reason}"
    Text unit_team{"l'équipe mobile {0}", "mobile team {0}"};
    Text change_id{" [{0}]", " [{0}]"};
    Text change_at{" à {0}", " at {0}"};
    Text change_applied{" : appliqué", ": applied"};
    Text change_refused{" : refusé, {0}", ": refused, {0}"};
};

inline constexpr LogTexts log_texts{};

/// The kinds of change (riposte/intervention.hpp, change_kind_names) as words, in the same order.
inline constexpr Text change_kind_words[] = {
    {"fermeture de centre", "centre closed"},
    {"poste ralenti", "station slowed"},
    {"professionnels malades", "staff ill"},
    {"vague d'absences", "absence wave"},
    {"livraison en retard", "delivery late"},
    {"rupture de la chaîne du froid", "cold-chain failure"},
    {"afflux de demande", "demand surge"},
    {"ouverture ou fermeture de centre", "centre opened or closed"},
    {"ligne ajoutée", "line added"},
    {"doses réparties", "doses reallocated"},
    {"prise de rendez-vous modifiée", "booking changed"},
    {"message", "message"},
    {"professionnels déplacés", "staff moved"},
    {"nouveau groupe éligible", "group made eligible"},
    {"route coupée", "road cut"},
    {"équipe mobile envoyée", "mobile team sent"},
    {"horaires modifiés", "hours changed"},
};

} // namespace riposte::text
