#pragma once
// The HTML report's section of the string table (see strings.hpp). Placeholders {0}, {1}, ...
// are filled by the report builder.
#include "riposte/text/strings.hpp"

namespace riposte::text {

struct ReportTexts {
    // ---- page ----
    Text lang_code{"fr", "en"};
    Text title{"Rapport riposte", "riposte report"};
    Text world{"Monde", "World"};
    Text plan{"Plan", "Plan"};
    Text plans{"Plans", "Plans"};
    Text period{"Période", "Period"};
    Text from_to{"du {0} au {1} ({2} jours)", "{0} to {1} ({2} days)"};
    Text replications{"Réplications", "Replications"};
    Text seed{"Graine", "Seed"};
    Text partial{
        "Résultats partiels : la simulation a été interrompue après {0} réplication(s) sur {1}. "
        "Les chiffres ci-dessous ne portent que sur les réplications terminées.",
        "Partial results: the run was interrupted after {0} of {1} replications. The figures below "
        "cover only the finished replications."};
    Text means_note{
        "Sauf mention contraire, les graphiques montrent la moyenne sur {0} réplication(s) ; les "
        "intervalles sont des intervalles de confiance à 95 % de la moyenne.",
        "Unless stated otherwise, charts show the mean over {0} replication(s); intervals are 95% "
        "confidence intervals of the mean."};
    Text population_source{"Populations : {0}.", "Populations: {0}."};
    Text generated_by{"Produit par riposte {0} à partir du dossier {1}.",
                      "Made by riposte {0} from the folder {1}."};
    Text contents{"Sommaire", "Contents"};
    Text no_data{"(aucune donnée)", "(no data)"};
    Text missing_files{"Fichiers absents ou illisibles : {0}", "Missing or unreadable files: {0}"};

    // ---- weak points ----
    Text weak_points{"Points d'attention", "Weak points at a glance"};
    Text weak_points_intro{
        "Ce que les graphiques montrent d'abord : rouge = à corriger, orange = à surveiller, "
        "vert = conforme.",
        "What the charts show first: red = to fix, amber = to watch, green = fine."};
    Text wp_wait_over{
        "{0} : l'attente p90 moyenne dépasse {1} min sur {2} jour(s) ; pire jour {3} ({4} min).",
        "{0}: the mean p90 wait exceeds {1} min on {2} day(s); worst day {3} ({4} min)."};
    Text wp_wait_ok{"{0} : attente p90 moyenne au plus {1} min (pire jour {2}).",
                    "{0}: mean p90 wait at most {1} min (worst day {2})."};
    Text wp_wait_worst_rep{
        " Dans la réplication la plus défavorable, le p90 atteint {0} min un jour (absences, "
        "retards).",
        " In the least favourable replication the p90 reaches {0} min on one day (absences, "
        "delays)."};
    Text wp_queue_peak{"File d'attente la plus longue : {0} personnes à {1}, {2}.",
                       "Longest queue: {0} people at {1}, {2}."};
    Text wp_coverage{"Couverture en fin de période : {0}.",
                     "Coverage at the end of the period: {0}."};
    Text wp_coverage_item{"{0} {1} % (1re dose) / {2} % (complet)",
                          "{0} {1}% (first dose) / {2}% (complete)"};
    Text wp_target_missed{"Objectif de couverture manqué : {0} à {1} % le {2} "
                          "(objectif {3} %).",
                          "Coverage target missed: {0} at {1}% on {2} (target "
                          "{3}%)."};
    Text wp_target_met{"Objectif de couverture atteint : {0} à {1} % le {2} "
                       "(objectif {3} %).",
                       "Coverage target met: {0} at {1}% on {2} (target {3}%)."};
    Text wp_waste{"Doses perdues : {0} % des doses tirées des flacons ({1} doses).",
                  "Doses wasted: {0}% of the doses drawn from vials ({1} doses)."};
    Text wp_waste_worst{" Le plus : {0} ({1} doses).", " Most: {0} ({1} doses)."};
    Text wp_travel_far{
        "{0} commune(s) ({1} habitants) à plus de {2} min d'un centre ; la plus éloignée : {3} "
        "({4} min).",
        "{0} commune(s) ({1} inhabitants) beyond {2} min from a centre; the farthest: {3} ({4} "
        "min)."};
    Text wp_travel_ok{"Toutes les communes sont à moins de {0} min d'un centre "
                      "(la plus éloignée : {1}, {2} min).",
                      "Every commune is within {0} min of a centre (the farthest: "
                      "{1}, {2} min)."};
    Text wp_shortfalls{
        "{0} vacation(s) × rôle en sous-effectif par réplication en moyenne (voir shortfall.csv).",
        "{0} role-shift(s) short of staff per replication on average (see shortfall.csv)."};
    Text wp_no_shortfalls{"Aucune vacation en sous-effectif.", "No role-shift short of staff."};
    Text wp_validation_fail{"Validation : {0} règle(s) sur {1} non respectée(s) : {2}.",
                            "Validation: {0} of {1} rules fail: {2}."};
    Text wp_validation_pass{"Validation : les {0} règles sont respectées.",
                            "Validation: all {0} rules pass."};
    Text wp_unmet{"Demande non satisfaite en fin de période : {0} personnes ({1} % "
                  "des volontaires).",
                  "Unmet demand at the end: {0} people ({1}% of those wanting a "
                  "vaccine)."};

    // ---- validation ----
    Text validation{"Validation du plan", "Plan validation"};
    Text validation_intro_structural{"Règles structurelles (sans simulation).",
                                     "Structural rules (no simulation)."};
    Text validation_intro_targets{
        "Règles structurelles et objectifs jugés sur {0} réplication(s), graine {1}.",
        "Structural rules and targets judged over {0} replication(s), seed {1}."};
    Text verdict_chart{"Verdict par règle", "Verdict per rule"};
    Text pass{"CONFORME", "PASS"};
    Text fail{"NON CONFORME", "FAIL"};
    Text warn{"CONFORME, À REVOIR", "PASS, WITH WARNINGS"};
    Text col_rule{"Règle", "Rule"};
    Text col_verdict{"Verdict", "Verdict"};
    Text col_measured{"Mesuré", "Measured"};
    Text col_required{"Exigé", "Required"};
    Text col_where{"Où", "Where"};
    Text and_more{"et {0} autre(s)", "and {0} more"};
    Text validation_details_note{
        "Les valeurs mesurées, seuils et lieux sont rédigés par le moteur de validation.",
        "Measured values, thresholds and places are worded by the validation engine."};
    Text overall_pass{"Le plan respecte toutes les règles.", "The plan passes every rule."};
    Text overall_structure_only{
        "Structure conforme ; aucun objectif vérifié : le plan n'en fixe pas, ou seules les règles "
        "de structure ont été demandées. Un plan transmis à l'ARS fixe d'ordinaire des objectifs "
        "(attente p90, couverture d'un groupe à une date, doses perdues, demande non satisfaite).",
        "Structure OK; no target checked: the plan states none, or only the structural rules were "
        "asked for. A plan sent to the ARS usually states targets (p90 wait, coverage of a group "
        "by "
        "a date, wasted doses, unmet demand)."};
    Text overall_fail{"Le plan ne respecte pas {0} règle(s) sur {1}.",
                      "The plan fails {0} of {1} rules."};

    // ---- KPIs ----
    Text kpis{"Indicateurs clés", "Key indicators"};
    Text col_kpi{"Indicateur", "Indicator"};
    Text col_mean{"Moyenne", "Mean"};
    Text col_ci{"± IC 95 %", "± 95% CI"};
    Text col_min{"Min", "Min"};
    Text col_max{"Max", "Max"};
    Text col_direction{"Mieux si", "Better if"};
    Text higher{"plus haut", "higher"};
    Text lower{"plus bas", "lower"};

    // ---- charts ----
    Text throughput{"Activité quotidienne par centre", "Daily throughput per centre"};
    Text throughput_caption{
        "Personnes servies chaque jour, empilées par centre. Un creux inattendu signale un centre "
        "fermé, à court de doses ou de personnel.",
        "People served each day, stacked by centre. An unexpected dip means a centre closed, out "
        "of doses or short of staff."};
    Text people_served{"personnes servies", "people served"};
    Text day{"jour", "day"};
    Text waits{"Attente par jour et par centre (p50, p90, p95)",
               "Waiting time per day and centre (p50, p90, p95)"};
    Text waits_caption{
        "Temps d'attente cumulé aux postes, par jour. La ligne rouge pointillée est l'objectif p90 "
        "du "
        "plan ; la bande rouge marque le pire jour. Même échelle pour tous les centres.",
        "Time queued at the stations, per day. The dashed red line is the plan's p90 target; the "
        "red band marks the worst day. Same scale for every centre."};
    Text waits_caption_no_target{
        "Temps d'attente cumulé aux postes, par jour. La bande rouge marque le pire jour. Même "
        "échelle pour tous les centres. Le plan ne fixe pas d'objectif d'attente.",
        "Time queued at the stations, per day. The red band marks the worst day. Same scale for "
        "every centre. The plan states no waiting-time target."};
    Text minutes{"minutes", "minutes"};
    Text p50{"p50 (médiane)", "p50 (median)"};
    Text p90{"p90", "p90"};
    Text p95{"p95", "p95"};
    Text target_p90{"objectif p90 ≤ {0} min", "p90 target ≤ {0} min"};
    Text worst_day{"pire jour : {0} ({1} min)", "worst day: {0} ({1} min)"};
    Text queue{"File d'attente au fil du temps", "Queue length over time"};
    Text queue_caption{
        "Personnes en attente (hors personnes en cours de service), relevé toutes les 15 minutes "
        "d'ouverture. La bande rouge marque le pic.",
        "People queued (not being served), sampled every 15 minutes while open. The red band marks "
        "the peak."};
    Text people_waiting{"personnes en attente", "people waiting"};
    Text peak{"pic : {0} ({1})", "peak: {0} ({1})"};
    Text coverage{"Couverture vaccinale par groupe", "Vaccination coverage per group"};
    Text coverage_caption{
        "Part de chaque groupe ayant reçu au moins une dose (trait plein) et un schéma complet "
        "(pointillés). Les points sont les objectifs de couverture du plan.",
        "Share of each group with at least one dose (solid) and a complete schedule (dashed). Dots "
        "are the plan's coverage targets."};
    Text pct_of_group{"% du groupe", "% of the group"};
    Text first_dose_of{"{0} – 1re dose", "{0} – first dose"};
    Text complete_of{"{0} – complet", "{0} – complete"};
    Text target_of{"objectif {0}", "target {0}"};
    Text everyone{"tous", "everyone"};
    Text staff_hours{"Heures des professionnels par profession", "Staff hours per profession"};
    Text staff_caption{
        "Heures prises sur les soins habituels : en vacation, heures supplémentaires et trajets ; "
        "en gris clair, les heures prévues mais non faites (absences).",
        "Hours taken from routine care: on shift, overtime and commuting; light grey, hours "
        "rostered but not worked (absences)."};
    Text hours{"heures", "hours"};
    Text on_shift{"en vacation", "on shift"};
    Text overtime{"heures supplémentaires", "overtime"};
    Text commute{"trajets", "commuting"};
    Text absent{"absences (prévues, non faites)", "absent (rostered, not worked)"};
    Text doses{"Doses utilisées et perdues", "Doses used and wasted"};
    Text doses_caption{
        "Doses injectées et doses perdues (flacons ouverts non terminés à temps) par centre et "
        "équipe mobile, sur toute la période ; le pourcentage est la part perdue.",
        "Doses injected and doses wasted (opened vials not used up in time) per centre and mobile "
        "team over the whole period; the percentage is the share wasted."};
    Text doses_unit{"doses", "doses"};
    Text used{"utilisées", "used"};
    Text wasted{"perdues", "wasted"};
    Text wasted_pct{"{0} % perdues", "{0}% wasted"};
    Text travel{"Communes par temps de trajet jusqu'au centre",
                "Communes by travel time to their centre"};
    Text travel_caption{
        "Habitants par tranche de 5 minutes de trajet jusqu'au centre de vaccination ouvert le "
        "plus "
        "proche ; l'étiquette donne le nombre de communes. En rouge : au-delà de {0} min.",
        "Inhabitants by 5-minute band of travel time to the nearest open vaccination centre; the "
        "label is the number of communes. Red: beyond {0} min."};
    Text inhabitants{"habitants", "inhabitants"};
    Text travel_minutes{"minutes de trajet", "travel minutes"};
    Text communes_n{"{0} comm.", "{0} comm."};
    Text unreachable{"aucun centre", "no centre"};
    Text farthest{"Les plus éloignées : {0}.", "Farthest: {0}."};

    // ---- comparison ----
    Text comparison{"Comparaison des plans", "Plan comparison"};
    Text comparison_intro{
        "{0} plans sur le même monde, {1} réplication(s) chacun avec les mêmes graines (nombres "
        "aléatoires communs) : les différences sont appariées réplication par réplication.",
        "{0} plans on the same world, {1} replication(s) each with the same seeds (common random "
        "numbers): differences are paired replication by replication."};
    Text reference{"référence", "reference"};
    Text col_plan{"Plan", "Plan"};
    Text col_name{"Nom", "Name"};
    Text col_file{"Fichier", "File"};
    Text col_diff{"{0} − {1}", "{0} − {1}"};
    Text better{"meilleur", "better"};
    Text worse{"moins bon", "worse"};
    Text not_significant{"non significatif", "not significant"};
    Text cmp_summary_better{"Plan {0} par rapport à {1} : significativement "
                            "meilleur sur {2}.",
                            "Plan {0} against {1}: significantly better on {2}."};
    Text cmp_summary_worse{"Plan {0} par rapport à {1} : significativement moins "
                           "bon sur {2}.",
                           "Plan {0} against {1}: significantly worse on {2}."};
    Text cmp_summary_none{"Plan {0} par rapport à {1} : aucune différence "
                          "significative.",
                          "Plan {0} against {1}: no significant difference."};
    Text diff_chart{"Écart du plan {0} par rapport au plan {1} (%, IC 95 %)",
                    "Plan {0} against plan {1} (%, 95% CI)"};
    Text diff_caption{
        "Différence appariée en pourcentage de la valeur du plan {0}, avec son intervalle de "
        "confiance à 95 %. Vert : significativement meilleur ; rouge : significativement moins bon "
        "; "
        "gris : non significatif.",
        "Paired difference as a percentage of plan {0}'s value, with its 95% confidence interval. "
        "Green: significantly better; red: significantly worse; grey: not significant."};
    Text pct_difference{"écart en % de {0}", "difference in % of {0}"};
    Text worst_p90_chart{"Pire attente p90 journalière par centre et par plan",
                         "Worst daily p90 wait per centre and plan"};
    Text worst_p90_caption{
        "Moyenne sur les réplications du plus haut p90 journalier de chaque centre, avec l'IC 95 "
        "%.",
        "Mean over the replications of each centre's highest daily p90, with the 95% CI."};
    // what `riposte report` says of a folder it cannot make a report of
    Text not_a_directory{"{0} : erreur : ce n'est pas un dossier ; donnez le dossier qu'a écrit "
                         "riposte run, compare ou validate (--out)",
                         "{0}: error: not a directory; give the folder that riposte run, compare "
                         "or validate wrote (--out)"};
    Text no_results{"{0} : erreur : aucun résultat riposte ici (summary.json, compare.json ou "
                    "validation.json attendu) ; lancez d'abord « riposte run --out {0} »",
                    "{0}: error: no riposte results here (expected summary.json, compare.json or "
                    "validation.json); run 'riposte run --out {0}' first"};
};

inline constexpr ReportTexts report{};

} // namespace riposte::text
