#pragma once
// What `riposte size` prints for people (the staffing search, docs/sizing.md): a section of
// the string table (see strings.hpp).
#include "riposte/text/strings.hpp"

namespace riposte::text {

struct SizingTexts {
    Text heading{"riposte size : dimensionnement du plan {0} ({1}) sur le territoire {2}",
                 "riposte size: sizing plan {0} ({1}) against {2}"};
    Text method{"recherche : {0} réplications par plan candidat, confirmation sur {1}, graine "
                "{2} ; coût : {3}",
                "search: {0} replications per candidate plan, confirmed on {1}, seed {2}; "
                "cost: {3}"};
    Text cost_hours{"heures de professionnels", "professional hours"};
    Text cost_eur{"euros (taux horaires par profession)", "euros (hourly rates by profession)"};
    Text unit_hours{"h", "h"};
    Text unit_eur{"€", "EUR"};
    Text step_added{"  + {0} · {1} → {2} ({3}) : écart aux objectifs {4}, coût {5}\n",
                    "  + {0} · {1} → {2} ({3}): distance to the targets {4}, cost {5}\n"};
    Text step_removed{"  − {0} · {1} → {2} ({3}) : les règles tiennent encore, coût {5}\n",
                      "  − {0} · {1} → {2} ({3}): the rules still hold, cost {5}\n"};
    Text step_earlier{"  + {0} · ouvre une heure plus tôt ({1}–{2}) : écart aux objectifs {3}, "
                      "coût {4}\n",
                      "  + {0} · opens an hour earlier ({1}–{2}): distance to the targets {3}, "
                      "cost {4}\n"};
    Text step_later{"  + {0} · ferme une heure plus tard ({1}–{2}) : écart aux objectifs {3}, "
                    "coût {4}\n",
                    "  + {0} · closes an hour later ({1}–{2}): distance to the targets {3}, "
                    "cost {4}\n"};
    Text step_day{"  + {0} · ouvre aussi le {1} : écart aux objectifs {2}, coût {3}\n",
                  "  + {0} · also opens on {1}: distance to the targets {2}, cost {3}\n"};
    Text hours_line{"  {0} · ouverture {1} {2}–{3} → {4} {5}–{6} : attente p90 (pire jour) {7} → "
                    "{8} min\n",
                    "  {0} opening {1} {2}–{3} → {4} {5}–{6}: p90 wait (worst day) {7} → {8} "
                    "min\n"};
    Text all_shifts{"toutes ses vacations", "all its shifts"};
    Text changes_heading{"\nCe qui change et pourquoi :\n", "\nWhat changed and why:\n"};
    Text no_change{"  rien : le plan tient déjà tous ses objectifs au moindre coût trouvé\n",
                   "  nothing: the plan already holds every target at the least cost found\n"};
    Text change_line{"  {0} · {1} {2} → {3}, {4} : attente p90 (pire jour) {5} → {6} min ; "
                     "occupation du poste {7} % → {8} %\n",
                     "  {0} {1} {2} → {3} on {4}: p90 wait (worst day) {5} → {6} min; station "
                     "busy {7}% → {8}%\n"};
    Text no_move{"  rien : aucune personne de plus ne peut être prise dans le vivier là où les "
                 "objectifs échouent\n",
                 "  nothing: nobody more can be taken from the pool where the targets fail\n"};
    Text change_line_no_station{"  {0} · {1} {2} → {3}, {4} : attente p90 (pire jour) {5} → {6} "
                                "min (rôle sans poste)\n",
                                "  {0} {1} {2} → {3} on {4}: p90 wait (worst day) {5} → {6} min "
                                "(a role without a station)\n"};
    Text cost_line{"\nCoût : {0} → {1} {2} ({3} personne(s)-vacation ajoutée(s), {4} retirée(s) ; "
                   "{5} plans simulés)\n",
                   "\nCost: {0} → {1} {2} ({3} person-shift(s) added, {4} removed; {5} plans "
                   "simulated)\n"};
    Text confirm_heading{"\nVerdict de confirmation ({0} réplications) :\n",
                         "\nConfirming verdict ({0} replications):\n"};
    Text written{"\nPlan dimensionné écrit dans {0} (riposte check l'accepte)\n",
                 "\nSized plan written to {0} (riposte check accepts it)\n"};
    Text not_written{"\nAucun plan n'est écrit : aucun plan dans les limites du vivier ne tient "
                     "tous les objectifs.\n",
                     "\nNo plan written: no plan within the pool holds every target.\n"};
    Text limits_heading{"\nCe qui limite : le vivier ne suffit pas.\n",
                        "\nWhat limits the plan: the pool is too small.\n"};
    Text limit_line{"  le vivier donne {0} h par semaine de {1} ; un plan conforme en demande au "
                    "moins {2} ({3}) : recruter au moins {4} h par semaine\n",
                    "  the pool gives {0} h a week of {1}; a passing plan needs at least {2} "
                    "({3}): recruit at least {4} h a week\n"};
    Text limit_placed{"  le vivier ({1}) ne pourvoit que {0} des {2} h par "
                      "semaine ({3}) qu'un plan conforme demande la semaine la plus chargée, à "
                      "{5} (trajet, jours, heures par semaine, vacations d'au moins 2 h) : "
                      "recruter au moins {4} h par semaine\n",
                      "  the pool ({1}) fills only {0} of the {2} h a week ({3}) a passing plan "
                      "asks in its busiest week, at {5} (commute, days, weekly hours, parts "
                      "of at least 2 h): recruit at least {4} h a week\n"};
    Text limit_roster{"  le vivier a assez d'heures, mais pas aux bons endroits ou aux bons "
                      "jours ; manques du planning :\n",
                      "  the pool has the hours but not where or when they are needed; roster "
                      "shortfalls:\n"};
    Text unreachable{"  même avec un vivier vingt fois plus grand, ces objectifs échouent : {0} "
                     "(le personnel seul ne suffit pas : doses, créneaux, horaires)\n",
                     "  even with a pool twenty times larger these targets fail: {0} (staff alone "
                     "cannot meet them: doses, slots, opening hours)\n"};
    Text limit_none{"\nCe qui limite : le vivier tient le planning, mais pas les absences. Le plan "
                    "conforme trouvé avec un vivier vingt fois plus grand ({0} {1}) peut être "
                    "pourvu par le vrai vivier, mais avec lui il échoue à la confirmation ({2}) : "
                    "les jours qui échouent sont des absences le même jour dans un centre, sans "
                    "personne pour remplacer (le superviseur couvre une absence au plus). Il faut "
                    "de la marge : quelques heures de plus par semaine des professions absentes "
                    "près de ce centre, ou une règle d'escalade qui appelle des réservistes.\n",
                    "\nWhat limits the plan: the pool can staff the rota but not its absences. "
                    "The passing plan found with a pool twenty times larger ({0} {1}) can be "
                    "staffed by the real pool, but with it it fails the confirming run ({2}): the "
                    "failing days are absences on the same day at one centre with nobody to "
                    "replace them (the supervisor covers one absence at most). The plan needs "
                    "slack: a few more hours a week of the absent professions near that centre, "
                    "or an escalation rule that calls reserves.\n"};
    Text change_replacement{
        "  liste de remplacement : non → oui : tient {0} % → {1} % des réplications "
        "(objectif d'attente) ; {2} h de remplacement en moyenne, comptées "
        "dans le coût\n",
        "  replacement list: off → on: holds in {0}% → {1}% of replications "
        "(wait target); {2} h of replacements on average, counted in the "
        "cost\n"};
    Text header_replacement{"# La liste de remplacement est activée ([replacement], en fin de "
                            "fichier) : sans elle, ce plan ne tient pas (absences).\n",
                            "# The replacement list is on ([replacement], at the end of the "
                            "file): without it this plan does not pass (absences).\n"};
    Text replacement_tried{
        "  Avec la liste de remplacement ([replacement] : un absent remplacé depuis "
        "le vivier), ce plan tient {0} % des réplications au lieu de {1} % : "
        "le vivier n'a pas assez de personnes libres, dans leurs heures et "
        "leur trajet, pour remplacer les absents.\n",
        "  With the replacement list ([replacement]: an absent person "
        "replaced from the pool), this plan holds in {0}% of replications "
        "instead of {1}%: the pool has too few people free, within their "
        "hours and commute, to replace the absent.\n"};
    Text limit_none_listed{
        "\nCe qui limite : le vivier tient le planning, mais pas les absences, même avec la liste "
        "de remplacement. Le plan conforme trouvé avec un vivier vingt fois plus grand ({0} {1}) "
        "peut être pourvu par le vrai vivier, mais avec lui il échoue à la confirmation ({2}) : "
        "les jours qui échouent sont des absences le même jour dans un centre que personne de "
        "libre dans le vivier (dans ses heures et son trajet) ne peut remplacer. Il faut de la "
        "marge : quelques heures de plus par semaine des professions absentes près de ce centre, "
        "ou une règle d'escalade qui appelle des réservistes.\n",
        "\nWhat limits the plan: the pool can staff the rota but not its absences, even with the "
        "replacement list. The passing plan found with a pool twenty times larger ({0} {1}) can "
        "be staffed by the real pool, but with it it fails the confirming run ({2}): the failing "
        "days are absences on the same day at one centre that nobody free in the pool (within "
        "their hours and commute) can replace. The plan needs slack: a few more hours a week of "
        "the absent professions near that centre, or an escalation rule that calls reserves.\n"};
    Text interrupted{"riposte : interrompu : la recherche s'est arrêtée ; aucun plan n'est "
                     "écrit\n",
                     "riposte: interrupted: the search stopped; no plan written\n"};
    Text header_comment{"# Plan dimensionné par `riposte size` à partir de {0} (graine {1}, {2} "
                        "réplications par candidat, confirmation sur {3}).\n# Coût : {4} → {5} "
                        "{6}. Verdict de confirmation : {7}.",
                        "# Plan sized by `riposte size` from {0} (seed {1}, {2} replications per "
                        "candidate, confirmed on {3}).\n# Cost: {4} → {5} {6}. Confirming "
                        "verdict: {7}."};
    Text header_staff{" Seuls les effectifs des vacations ont changé.\n",
                      " Only the shifts' staff changed.\n"};
    Text header_hours{" Seuls les effectifs des vacations et les horaires et jours d'ouverture "
                      "ont changé.\n",
                      " Only the shifts' staff and the opening hours and days changed.\n"};
    Text verdict_pass{"tous les objectifs tiennent", "every rule passes"};
    Text verdict_fail{"échec", "fails"};
    Text territory_sizing{"\nDimensionnement du plan de départ (riposte size) :\n",
                          "\nSizing the starter plan (riposte size):\n"};
    // weekdays, Monday first
    Text mon{"lun.", "Mon"};
    Text tue{"mar.", "Tue"};
    Text wed{"mer.", "Wed"};
    Text thu{"jeu.", "Thu"};
    Text fri{"ven.", "Fri"};
    Text sat{"sam.", "Sat"};
    Text sun{"dim.", "Sun"};
};

inline constexpr SizingTexts sizing{};

} // namespace riposte::text
