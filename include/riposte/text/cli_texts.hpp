#pragma once
// What `riposte run`, `validate`, `compare` and `check` print for people, and the verdicts
// that name their cause: sections of the string table (see strings.hpp).
#include "riposte/text/strings.hpp"

namespace riposte::text {

struct CliTexts {
    // run
    Text results_written{"\nRésultats : {0} fichiers écrits dans {1}\n",
                         "\nResults: {0} files written to {1}\n"};
    Text compare_written{"\nRésultats : compare.csv et compare.json écrits dans {0}\n",
                         "\nResults: compare.csv and compare.json written to {0}\n"};
    Text report_written{"Rapport : {0}\n", "Report: {0}\n"};
    Text unit_days{"jours", "days"};
    Text unit_replications{"réplications", "replications"};
    Text eta{"fin dans", "ETA"};
    Text interrupted_runs{"riposte : interrompu : {0} réplication(s) sur {1} terminée(s){2}\n",
                          "riposte: interrupted: {0} of {1} replications finished{2}\n"};
    Text interrupted_summary_only{" ; le résumé ci-dessus ne porte que sur elles",
                                  "; the summary above covers only them"};
    Text interrupted_marked{" ; les résultats de {0} sont marqués partiels (summary.json "
                            "\"partial\": true)",
                            "; the results in {0} are marked partial (summary.json \"partial\": "
                            "true)"};
    Text interrupted_nothing{"riposte : interrompu avant la fin de la première réplication ; "
                             "rien n'a été écrit\n",
                             "riposte: interrupted before any replication finished; nothing was "
                             "written\n"};
    Text interrupt_signal{"\nriposte : interruption demandée : arrêt ; les réplications déjà "
                          "terminées sont gardées (Ctrl-C une seconde fois pour quitter tout de "
                          "suite)\n",
                          "\nriposte: interrupted: stopping; the replications already finished "
                          "are kept (press Ctrl-C again to quit at once)\n"};

    Text run_failed{"\nriposte : erreur : la simulation a échoué : {0}\n",
                    "\nriposte: error: the run failed: {0}\n"};
    Text validate_partial{"riposte : interrompu : les objectifs n'ont été jugés que sur {0} "
                          "réplication(s) sur {1} (marqué partiel) ; le plan n'est pas déclaré "
                          "conforme\n",
                          "riposte: interrupted: the targets were judged on {0} of {1} "
                          "replications only (marked partial); the plan is not declared "
                          "passing\n"};
    Text compare_files_errors{"riposte : erreur : les fichiers du scénario ont des erreurs "
                              "(ci-dessus) ; rien n'a été simulé\n",
                              "riposte: error: the scenario files have errors (above); nothing "
                              "was run\n"};
    Text compare_nothing{"riposte : interrompu avant que chaque plan ait une réplication "
                         "terminée ; rien n'a été écrit\n",
                         "riposte: interrupted before every plan had a finished replication; "
                         "nothing was written\n"};
    Text compare_partial{"riposte : interrompu : la comparaison ne porte que sur les {0} "
                         "réplication(s) terminées par chaque plan, sur {1} demandées (marqué "
                         "partiel)\n",
                         "riposte: interrupted: the comparison covers only the {0} "
                         "replication(s) every plan finished, of {1} asked (marked partial)\n"};

    // sweep
    Text sweep_heading{"riposte sweep : {0}, {1} variantes × {2} réplications, graine {3}, "
                       "nombres aléatoires communs",
                       "riposte sweep: {0}, {1} variants × {2} replications, seed {3}, common "
                       "random numbers"};
    Text sweep_variant{"variante", "variant"};
    Text sweep_note{"  (* : variante de référence ; (+) / (-) : mieux / moins bien qu'elle, "
                    "différence appariée significative à 95 %)\n",
                    "  (*: baseline variant; (+) / (-): better / worse than it, paired "
                    "difference significant at 95%)\n"};
    Text sweep_files_errors{"riposte : erreur : la campagne de variantes a des erreurs "
                            "(ci-dessus) ; rien n'a été simulé\n",
                            "riposte: error: the sweep has errors (above); nothing was run\n"};
    Text sweep_resumed{"riposte : reprise : {0} tâche(s) sur {1} déjà terminée(s) d'après {2}\n",
                       "riposte: resuming: {0} of {1} tasks already finished according to "
                       "{2}\n"};
    Text sweep_stopped{"riposte : arrêté : {0} tâche(s) sur {1} terminée(s), gardées dans {2} ; "
                       "relancez la même commande pour reprendre\n",
                       "riposte: stopped: {0} of {1} tasks finished, kept in {2}; run the same "
                       "command again to resume\n"};
    Text sweep_stopped_no_checkpoint{"riposte : arrêté : {0} tâche(s) sur {1} terminée(s) ; "
                                     "sans --out ni --checkpoint, rien n'est gardé\n",
                                     "riposte: stopped: {0} of {1} tasks finished; without --out "
                                     "or --checkpoint nothing is kept\n"};
    Text sweep_written{"\nRésultats : sweep.csv et variants.csv écrits dans {0}\n",
                       "\nResults: sweep.csv and variants.csv written to {0}\n"};
    Text sweep_shard_written{"Part {0}/{1} : {2} tâche(s) écrites dans {3} ; rassemblez les parts "
                             "avec riposte merge\n",
                             "Shard {0}/{1}: {2} task(s) written to {3}; gather the shards with "
                             "riposte merge\n"};
    Text unit_tasks{"tâches", "tasks"};
    Text errors_in_sweep{"{0} erreur(s) dans la campagne de variantes",
                         "{0} error(s) in the sweep"};
    Text sweep_check_ok{"ok : campagne de variantes : {0} variantes × {1} réplications\n",
                        "ok: sweep: {0} variants × {1} replications\n"};

    // check
    Text check_ok{"ok", "ok"};
    Text check_warning{"{0} avertissement", "{0} warning"};
    Text check_warnings{"{0} avertissements", "{0} warnings"};
    Text check_line{"communes : {0} (population {1}), liaisons routières : {2}, groupes de "
                    "population : {3}, professionnels : {4}, centres : {5} (vaccination : {6}, "
                    "dépistage : {7}), équipes mobiles : {8}, livraisons : {9}, jours : {10} à "
                    "partir du {11}",
                    "communes: {0} (population {1}), road links: {2}, population groups: {3}, "
                    "professionals: {4}, centres: {5} (vaccinating: {6}, testing: {7}), mobile "
                    "teams: {8}, deliveries: {9}, days: {10} from {11}"};
    Text errors_in_scenario{"{0} erreur(s) dans le scénario", "{0} error(s) in the scenario"};
    Text nothing_run{" ; rien n'a été simulé", "; nothing was run"};

    // validate
    Text validate_heading{"riposte validate : plan {0} ({1}) sur le territoire {2}",
                          "riposte validate: plan {0} ({1}) against {2}"};
    Text structural_only{"règles de structure seulement (sans simulation)",
                         "structural rules only (no simulation)"};
    Text targets_judged{"objectifs jugés sur {0} {1}, graine {2}",
                        "target rules judged over {0} {1}, seed {2}"};
    Text replication_word{"réplication", "replication"};
    Text replications_word{"réplications", "replications"};
    Text partial_judged{" (PARTIEL : interrompu avant la fin des réplications)",
                        " (PARTIAL: interrupted before all replications were done)"};
    Text tag_pass{"CONFORME", "PASS"};
    Text tag_fail{"NON CONFORME", "FAIL"};
    Text tag_warn{"À REVOIR", "WARN"};
    Text measured_required{"mesuré : {0} ; exigé : {1}", "measured: {0}; required: {1}"};
    Text where{"où : ", "where: "};
    Text and_more{"et {0} autre(s)", "and {0} more"};
    Text result_pass{"VERDICT : CONFORME (les {0} règles sont respectées)",
                     "RESULT: PASS (all {0} rules pass)"};
    Text result_targets_skipped{
        "VERDICT : STRUCTURE OK, OBJECTIFS NON VÉRIFIÉS (les {0} règles de structure sont "
        "respectées ; relancer sans --structural-only pour juger les {1} objectif(s) du plan)",
        "RESULT: STRUCTURE OK, TARGETS NOT CHECKED (the {0} structural rules pass; run without "
        "--structural-only to judge the plan's {1} target(s))"};
    Text result_no_targets{
        "VERDICT : structure OK, aucune cible vérifiée (les {0} règles de structure sont "
        "respectées ; le plan ne fixe aucun objectif)",
        "RESULT: STRUCTURE OK, NO TARGETS CHECKED (the {0} structural rules pass; the plan "
        "states no target)"};
    Text usual_targets{
        "  Un plan transmis à l'ARS fixe d'ordinaire ses objectifs dans [[validation.target]] :\n"
        "  kind = \"wait_p90\" (attente p90 maximale, max_minutes), \"coverage\" (couverture\n"
        "  minimale d'un groupe à un jour, min_percent), \"wasted_doses\" (doses perdues\n"
        "  maximales, max_percent), \"unmet_demand\" (demande non satisfaite maximale,\n"
        "  max_people). Voir docs/scenario-format.md.\n",
        "  A plan sent to the ARS usually states targets in [[validation.target]]:\n"
        "  kind = \"wait_p90\" (max_minutes), \"coverage\" (min_percent of a group by a\n"
        "  day), \"wasted_doses\" (max_percent), \"unmet_demand\" (max_people).\n"
        "  See docs/scenario-format.md.\n"};
    Text result_fail{"VERDICT : NON CONFORME ({0} règle(s) sur {1} non respectée(s) :{2})",
                     "RESULT: FAIL ({0} of {1} rules fail:{2})"};

    // compare
    Text compare_heading{"riposte compare : {0}, graine {1}, nombres aléatoires communs",
                         "riposte compare: {0}, seed {1}, common random numbers"};

    Text n_of_replications_partial{"{0} réplication(s) sur {1}, PARTIEL",
                                   "{0} of {1} replications, PARTIAL"};
    Text reference{", référence", ", reference"};
    Text col_kpi{"Indicateur", "KPI"};
    Text col_mean_ci{"{0} moyenne ± IC", "{0} mean ± CI"};
    Text better{"meilleur", "better"};
    Text worse{"moins bon", "worse"};
    Text compare_note{
        "\n  moyenne ± demi-largeur de l'intervalle de confiance à 95 % sur les réplications ;\n"
        "  X - A est la différence appariée moyenne au plan A (mêmes graines, réplication par\n"
        "  réplication) et son IC à 95 % ; * = significatif (l'IC exclut 0), meilleur ou moins\n"
        "  bon selon le sens de l'indicateur.\n",
        "\n  mean ± half-width of the 95% confidence interval over the replications; X - A is "
        "the\n  mean paired difference to plan A (same seeds, replication by replication) "
        "and its 95% CI;\n  * = significant (the CI excludes 0), better/worse from the KPI's "
        "direction.\n"};

    // several replications
    Text replications_heading{"graine {0}, {1} réplication(s) sur {2}{3}, {4} jours (du {5} au "
                              "{6})",
                              "seed {0}, {1} of {2} replications{3}, {4} days ({5} to {6})"};
    Text partial_tag{" (PARTIEL : interrompu)", " (PARTIAL: interrupted)"};
    Text kpis_over{"INDICATEURS SUR {0} {1} (moyenne et demi-largeur de l'intervalle de "
                   "confiance à 95 % de la moyenne)",
                   "KPIS OVER {0} {1} (mean and half-width of the 95% confidence interval of the "
                   "mean)"};
    Text replication_caps{"RÉPLICATION", "REPLICATION"};
    Text replications_caps{"RÉPLICATIONS", "REPLICATIONS"};
    Text col_mean{"Moyenne", "Mean"};
    Text col_ci{"± IC 95 %", "± 95% CI"};
    Text col_better{"Mieux si", "Better"};
    Text higher{"plus haut", "higher"};
    Text lower{"plus bas", "lower"};
    Text kpis_note{"  Un nom de centre après l'indicateur en donne la valeur pour ce centre ; "
                   "« pire jour » est son p90 journalier le plus haut.\n",
                   "  A centre's name after a KPI gives that centre's own value; \"worst day\" "
                   "is its highest daily p90.\n"};

    // verdict
    Text verdict_heading{"VERDICT", "VERDICT"};
    Text verdict_fine{"Rien d'anormal : la demande non satisfaite, l'attente p90 de chaque jour et "
                      "les doses perdues restent sous leurs seuils, et aucun poste n'est arrêté "
                      "faute de personnel.",
                      "Nothing is off: unmet demand, every day's p90 wait and wasted doses stay "
                      "below their thresholds, and no station is stopped for want of staff."};
};

inline constexpr CliTexts cli{};

/// What is off in a run and its binding cause, from the run's own accounting: one sentence
/// each, in the CLI summary and the report's "Points d'attention". {N} of *_off is the cause.
struct CauseTexts {
    Text unmet_off{"Demande non satisfaite de {0} % ({1} personnes, seuil {2}) : la cause est {3}.",
                   "Unmet demand {0}% ({1} people, threshold {2}): the cause is {3}."};
    Text pct_threshold{"{0} %", "{0}%"};
    Text people_threshold{"{0} personnes", "{0} people"};
    Text supply{"l'approvisionnement, {0} doses livrées pour {1} personnes qui en veulent une",
                "supply, {0} doses delivered for {1} people who want one"};
    Text travel{"le trajet, {0} de ces personnes ne peuvent pas se déplacer ou n'ont aucun centre "
                "à portée",
                "travel, {0} of them cannot travel or have no centre within reach"};
    Text staff{"le personnel, {0} heures de poste manquent faute de professionnel habilité ({1} "
               "vacations × rôle en sous-effectif)",
               "staff, {0} hours of stations stopped for lack of a qualified person ({1} "
               "role-shifts short)"};
    Text opening_hours{"les horaires d'ouverture, les créneaux sont pleins ({0} % réservés) alors "
                       "que {1} doses restent en stock",
                       "opening hours, slots are full ({0}% booked) while {1} doses remain in "
                       "stock"};
    Text horizon{"l'horizon de réservation, {0} doses restent en stock et {1} % des créneaux sont "
                 "libres, mais les volontaires ne trouvent pas de créneau dans le délai où ils "
                 "réservent",
                 "the booking horizon, {0} doses remain and {1}% of slots are free, but people "
                 "find no slot within the horizon they book in"};
    Text wait_off{"Attente p90 de {0} min le pire jour ({1}, {2} ; seuil {3} min) : la cause est "
                  "{4}.",
                  "p90 wait {0} min on the worst day ({1}, {2}; threshold {3} min): the cause is "
                  "{4}."};
    Text staff_at_centre{"le personnel, {0} heures de poste manquent à ce centre faute de "
                         "professionnel habilité",
                         "staff, {0} station hours missing at this centre for lack of a "
                         "qualified person"};
    Text capacity{
        "la capacité du centre, ses postes sont occupés {0} % du temps en poste ce jour-là",
        "the centre's capacity, its stations are busy {0}% of the staffed time that day"};
    Text absences{"le personnel absent et non remplacé au rôle « {0} » ({1} sur {2} prévus "
                  "présents sur les vacations de ce jour-là) ; la file d'attente monte jusqu'à {3} "
                  "personnes à {4}",
                  "staff absent and not replaced in the role '{0}' ({1} of {2} rostered "
                  "present over that day's shifts); the queue rises to {3} people at {4}"};
    Text arrival_peak{"un pic d'affluence : la file d'attente monte jusqu'à {0} personnes à {1}, "
                      "alors que sur la journée les postes ne sont occupés que {2} % du temps en "
                      "poste",
                      "an arrival peak: the queue rises to {0} people at {1}, although over the "
                      "day the stations are busy only {2}% of the staffed time"};
    Text waste_off{"Doses perdues : {0} % des doses tirées des flacons (seuil {1} %) ; la cause "
                   "est l'ouverture de flacons non terminés à temps, {2} doses perdues.",
                   "Wasted doses {0}% of the doses drawn from vials (threshold {1}%): the cause "
                   "is vials opened and not used up in time, {2} doses lost."};
    Text stopped{"{0} vacation(s) × rôle en sous-effectif ({1} heures de poste) : la cause est le "
                 "personnel, aucun professionnel habilité disponible dans le vivier.",
                 "{0} role-shifts short of staff ({1} station hours): the cause is staff, no "
                 "qualified person available in the pool."};
};

inline constexpr CauseTexts causes{};

} // namespace riposte::text
