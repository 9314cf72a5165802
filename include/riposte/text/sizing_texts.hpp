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
    // --recruit K: what to recruit when no plan within the pool passes
    Text recruit_heading{
        "\nCe qu'il faut recruter (--recruit {0}) : d'abord, sans simuler, ce que le "
        "planning du plan conforme trouvé avec un vivier vingt fois plus grand laisse "
        "vide, puis la recherche reprise avec ces recrues depuis ce plan ; tant que rien "
        "ne tient, une personne à la fois là où le plan échoue le plus, et la recherche "
        "reprise avec elle (mêmes graines, depuis le plan trouvé) :\n",
        "\nWhat to recruit (--recruit {0}): first, without simulating, what the roster "
        "of the plan that passes with a pool twenty times larger leaves empty, then the "
        "search again with those recruits from that plan; while nothing passes, one "
        "person at a time where the plan fails most, and the search again with them "
        "(the same seeds, from the plan found):\n"};
    Text recruit_step_staff{"  + {0} ({1} à {2}) : pour le planning du plan du grand vivier ; "
                            "avec les recrues, le plan trouvé tient dans {3} % des "
                            "réplications\n",
                            "  + {0} ({1} at {2}): for the roster of the larger pool's plan; "
                            "with the recruits the plan found holds in {3}% of "
                            "replications\n"};
    Text recruit_step_staff_dropped{
        "  · {0} ({1} à {2}) : pour le planning du plan du grand vivier, pas retenu(e) "
        "(aucune vacation de plus pourvue, ou la recherche avec les recrues n'est pas plus "
        "près : {3} % des réplications)\n",
        "  · {0} ({1} at {2}): for the roster of the larger pool's plan, not kept (no more "
        "shift filled, or the search with the recruits came no closer: {3}% of "
        "replications)\n"};
    Text recruit_step{"  + {0} ({1} à {2}) : le plan trouvé tient dans {3} % des réplications\n",
                      "  + {0} ({1} at {2}): the plan found holds in {3}% of replications\n"};
    Text recruit_step_dropped{"  · {0} ({1} à {2}) : {3} % des réplications, pas plus près : pas "
                              "retenu(e), le rôle suivant est essayé\n",
                              "  · {0} ({1} at {2}): {3}% of replications, no closer: not kept, "
                              "the next role is tried\n"};
    Text recruit_item{"{0} {1}, {2} h par semaine, {3}, dans les {4} min de {5} ({6})",
                      "{0} {1}, {2} h a week, {3}, within {4} min of {5} ({6})"};
    Text recruit_item_many{
        "{0} × {1}, {2} h par semaine chacun, {3}, dans les {4} min de {5} ({6})",
        "{0} × {1}, {2} h a week each, {3}, within {4} min of {5} ({6})"};
    Text recruit_found{"\nAvec les recrues, ce qui change et pourquoi :\n",
                       "\nWith the recruits, what changed and why:\n"};
    Text recruit_one{"\nÀ recruter : {0}. Avec cette recrue, le plan trouvé tient dans {1} % des "
                     "réplications (coût {2} {3}).\n",
                     "\nTo recruit: {0}. With this recruit the plan found holds in {1}% of "
                     "replications (cost {2} {3}).\n"};
    Text recruit_many{"\nÀ recruter : {0}. Avec ces recrues, le plan trouvé tient dans {1} % des "
                      "réplications (coût {2} {3}).\n",
                      "\nTo recruit: {0}. With these recruits the plan found holds in {1}% of "
                      "replications (cost {2} {3}).\n"};
    Text recruit_independent_pass{
        "Sur {0} autres réplications (graine {1}), qu'aucun pas de la recherche n'a vues, le "
        "plan avec les recrues tient aussi : objectif d'attente tenu dans {2} % des "
        "réplications.\n",
        "On {0} other replications (seed {1}), which no step of the search saw, the plan with "
        "the recruits passes too: wait target held in {2}% of replications.\n"};
    Text recruit_independent_fail{
        "Sur {0} autres réplications (graine {1}), qu'aucun pas de la recherche n'a vues, le "
        "plan avec les recrues ne tient pas : objectif d'attente tenu dans {2} % des "
        "réplications. Le plan le moins cher qui tient sur les réplications de la recherche "
        "est à la limite des objectifs ; pour de la marge, relancez avec plus de réplications "
        "de confirmation (par exemple --confirm {3}).\n",
        "On {0} other replications (seed {1}), which no step of the search saw, the plan with "
        "the recruits does not pass: wait target held in {2}% of replications. The least-cost "
        "plan that passes on the search's replications sits at the edge of the targets; for a "
        "margin, run again with more confirming replications (e.g. --confirm {3}).\n"};
    Text recruit_written{"\nPlan dimensionné écrit dans {0}. Il ne tient qu'avec les recrues : "
                         "elles sont dans {1}, et le monde {2} les ajoute au vivier "
                         "(riposte check {2} {0} l'accepte). Code de sortie 1 : aucun plan dans "
                         "les limites du vivier actuel ne tient.\n",
                         "\nSized plan written to {0}. It passes only with the recruits: they "
                         "are in {1}, and the world {2} adds them to the pool (riposte check {2} "
                         "{0} accepts it). Exit code 1: no plan within the present pool "
                         "passes.\n"};
    Text recruit_not_enough{
        "\nMême avec {0} recrue(s), aucun plan ne tient tous les objectifs : au "
        "mieux {1} % des réplications. Aucun fichier n'est écrit ; essayez un "
        "--recruit plus grand.\n",
        "\nEven with {0} recruit(s) no plan holds every target: at best {1}% "
        "of replications. No file written; try a larger --recruit.\n"};
    Text recruit_none{"\nRien ne désigne qui recruter : aucun centre n'échoue sur l'attente et le "
                      "vivier ne manque d'aucune profession. Aucun fichier n'est écrit.\n",
                      "\nNothing says whom to recruit: no centre fails the wait target and the "
                      "pool lacks no profession. No file written.\n"};
    Text recruit_pool_string{
        "\nLe monde donne son vivier par pool = \"…\" : les recrues ne peuvent "
        "pas y être ajoutées par un [[pool]] en fin de fichier. Écrivez-le "
        "[[pool]] file = \"…\". Aucun fichier n'est écrit.\n",
        "\nThe world gives its pool as pool = \"…\": the recruits cannot be "
        "added with a [[pool]] at the end of the file. Write it as [[pool]] "
        "file = \"…\". No file written.\n"};
    Text recruit_csv_header{"# Recrues proposées par `riposte size --recruit` pour le plan {0} "
                            "(monde {1}, graine {2}) : avec elles, le plan {3} tient dans {4} % "
                            "des réplications.\n",
                            "# Recruits proposed by `riposte size --recruit` for plan {0} (world "
                            "{1}, seed {2}): with them the plan {3} holds in {4}% of "
                            "replications.\n"};
    Text recruit_world_comment{"\n# Ajouté par `riposte size --recruit` : les recrues proposées "
                               "pour le plan {0}, sans lesquelles le plan {1} ne tient pas.\n",
                               "\n# Added by `riposte size --recruit`: the recruits proposed for "
                               "plan {0}, without whom the plan {1} does not pass.\n"};
    Text header_recruits{
        "# Ce plan ne tient qu'avec les recrues de {0} : vérifiez-le avec le monde "
        "{1}.\n",
        "# This plan passes only with the recruits of {0}: check it with the "
        "world {1}.\n"};
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
