#pragma once
// Every piece of text a person reads in the HTML report, French and English side by side.
// Placeholders {0}, {1}, ... are filled by report_html.cpp (fill()).
#include <string_view>

namespace riposte::report_text {

struct Text {
    std::string_view fr, en;
};

// ---- page ----
inline constexpr Text lang_code{"fr", "en"};
inline constexpr Text title{"Rapport riposte", "riposte report"};
inline constexpr Text world{"Monde", "World"};
inline constexpr Text plan{"Plan", "Plan"};
inline constexpr Text plans{"Plans", "Plans"};
inline constexpr Text period{"Période", "Period"};
inline constexpr Text from_to{"du {0} au {1} ({2} jours)", "{0} to {1} ({2} days)"};
inline constexpr Text replications{"Réplications", "Replications"};
inline constexpr Text seed{"Graine", "Seed"};
inline constexpr Text partial{
    "Résultats partiels : la simulation a été interrompue après {0} réplication(s) sur {1}. "
    "Les chiffres ci-dessous ne portent que sur les réplications terminées.",
    "Partial results: the run was interrupted after {0} of {1} replications. The figures below "
    "cover only the finished replications."};
inline constexpr Text means_note{
    "Sauf mention contraire, les graphiques montrent la moyenne sur {0} réplication(s) ; les "
    "intervalles sont des intervalles de confiance à 95 % de la moyenne.",
    "Unless stated otherwise, charts show the mean over {0} replication(s); intervals are 95% "
    "confidence intervals of the mean."};
inline constexpr Text generated_by{"Produit par riposte {0} à partir du dossier {1}.",
                                   "Made by riposte {0} from the folder {1}."};
inline constexpr Text contents{"Sommaire", "Contents"};
inline constexpr Text no_data{"(aucune donnée)", "(no data)"};
inline constexpr Text missing_files{"Fichiers absents ou illisibles : {0}",
                                    "Missing or unreadable files: {0}"};

// ---- weak points ----
inline constexpr Text weak_points{"Points d'attention", "Weak points at a glance"};
inline constexpr Text weak_points_intro{
    "Ce que les graphiques montrent d'abord : rouge = à corriger, orange = à surveiller, "
    "vert = conforme.",
    "What the charts show first: red = to fix, amber = to watch, green = fine."};
inline constexpr Text wp_wait_over{
    "{0} : l'attente p90 moyenne dépasse {1} min sur {2} jour(s) ; pire jour {3} ({4} min).",
    "{0}: the mean p90 wait exceeds {1} min on {2} day(s); worst day {3} ({4} min)."};
inline constexpr Text wp_wait_ok{"{0} : attente p90 moyenne au plus {1} min (pire jour {2}).",
                                 "{0}: mean p90 wait at most {1} min (worst day {2})."};
inline constexpr Text wp_wait_worst_rep{
    " Dans la réplication la plus défavorable, le p90 atteint {0} min un jour (absences, "
    "retards).",
    " In the least favourable replication the p90 reaches {0} min on one day (absences, "
    "delays)."};
inline constexpr Text wp_queue_peak{"File d'attente la plus longue : {0} personnes à {1}, {2}.",
                                    "Longest queue: {0} people at {1}, {2}."};
inline constexpr Text wp_coverage{"Couverture en fin de période : {0}.",
                                  "Coverage at the end of the period: {0}."};
inline constexpr Text wp_coverage_item{"{0} {1} % (1re dose) / {2} % (complet)",
                                       "{0} {1}% (first dose) / {2}% (complete)"};
inline constexpr Text wp_target_missed{"Objectif de couverture manqué : {0} à {1} % le {2} "
                                       "(objectif {3} %).",
                                       "Coverage target missed: {0} at {1}% on {2} (target "
                                       "{3}%)."};
inline constexpr Text wp_target_met{"Objectif de couverture atteint : {0} à {1} % le {2} "
                                    "(objectif {3} %).",
                                    "Coverage target met: {0} at {1}% on {2} (target {3}%)."};
inline constexpr Text wp_waste{"Doses perdues : {0} % des doses tirées des flacons ({1} doses).",
                               "Doses wasted: {0}% of the doses drawn from vials ({1} doses)."};
inline constexpr Text wp_waste_worst{" Le plus : {0} ({1} doses).", " Most: {0} ({1} doses)."};
inline constexpr Text wp_travel_far{
    "{0} commune(s) ({1} habitants) à plus de {2} min d'un centre ; la plus éloignée : {3} "
    "({4} min).",
    "{0} commune(s) ({1} inhabitants) beyond {2} min from a centre; the farthest: {3} ({4} "
    "min)."};
inline constexpr Text wp_travel_ok{"Toutes les communes sont à moins de {0} min d'un centre "
                                   "(la plus éloignée : {1}, {2} min).",
                                   "Every commune is within {0} min of a centre (the farthest: "
                                   "{1}, {2} min)."};
inline constexpr Text wp_shortfalls{
    "{0} vacation(s) × rôle en sous-effectif par réplication en moyenne (voir shortfall.csv).",
    "{0} role-shift(s) short of staff per replication on average (see shortfall.csv)."};
inline constexpr Text wp_no_shortfalls{"Aucune vacation en sous-effectif.",
                                       "No role-shift short of staff."};
inline constexpr Text wp_validation_fail{
    "Validation : {0} règle(s) sur {1} non respectée(s) : {2}.",
    "Validation: {0} of {1} rules fail: {2}."};
inline constexpr Text wp_validation_pass{"Validation : les {0} règles sont respectées.",
                                         "Validation: all {0} rules pass."};
inline constexpr Text wp_unmet{"Demande non satisfaite en fin de période : {0} personnes ({1} % "
                               "des volontaires).",
                               "Unmet demand at the end: {0} people ({1}% of those wanting a "
                               "vaccine)."};

// ---- validation ----
inline constexpr Text validation{"Validation du plan", "Plan validation"};
inline constexpr Text validation_intro_structural{"Règles structurelles (sans simulation).",
                                                  "Structural rules (no simulation)."};
inline constexpr Text validation_intro_targets{
    "Règles structurelles et objectifs jugés sur {0} réplication(s), graine {1}.",
    "Structural rules and targets judged over {0} replication(s), seed {1}."};
inline constexpr Text verdict_chart{"Verdict par règle", "Verdict per rule"};
inline constexpr Text pass{"CONFORME", "PASS"};
inline constexpr Text fail{"NON CONFORME", "FAIL"};
inline constexpr Text warn{"CONFORME, À REVOIR", "PASS, WITH WARNINGS"};
inline constexpr Text col_rule{"Règle", "Rule"};
inline constexpr Text col_verdict{"Verdict", "Verdict"};
inline constexpr Text col_measured{"Mesuré", "Measured"};
inline constexpr Text col_required{"Exigé", "Required"};
inline constexpr Text col_where{"Où", "Where"};
inline constexpr Text and_more{"et {0} autre(s)", "and {0} more"};
inline constexpr Text validation_details_note{
    "Les valeurs mesurées, seuils et lieux sont rédigés par le moteur de validation.",
    "Measured values, thresholds and places are worded by the validation engine."};
inline constexpr Text overall_pass{"Le plan respecte toutes les règles.",
                                   "The plan passes every rule."};
inline constexpr Text overall_structure_only{
    "Structure conforme ; aucun objectif vérifié : le plan n'en fixe pas, ou seules les règles "
    "de structure ont été demandées. Un plan transmis à l'ARS fixe d'ordinaire des objectifs "
    "(attente p90, couverture d'un groupe à une date, doses perdues, demande non satisfaite).",
    "Structure OK; no target checked: the plan states none, or only the structural rules were "
    "asked for. A plan sent to the ARS usually states targets (p90 wait, coverage of a group by "
    "a date, wasted doses, unmet demand)."};
inline constexpr Text overall_fail{"Le plan ne respecte pas {0} règle(s) sur {1}.",
                                   "The plan fails {0} of {1} rules."};

// rule titles by id
inline constexpr Text rule_staffing_stations{
    "Chaque poste d'un centre ouvert a son rôle pourvu à chaque vacation",
    "Every station of an open centre has its role staffed on every shift"};
inline constexpr Text rule_staffing_qualified{
    "Chaque rôle est tenu par des professionnels habilités du vivier (heures, jours, trajet)",
    "Every role is filled by qualified professionals of the pool (hours, days, commute)"};
inline constexpr Text rule_medecin{"Un médecin est présent dès qu'un centre de vaccination est "
                                   "ouvert",
                                   "A médecin is on site whenever a vaccination centre is open"};
inline constexpr Text rule_weekly_hours{
    "Les heures demandées chaque semaine tiennent dans les heures du vivier",
    "The hours asked each week fit in the hours the pool can give"};
inline constexpr Text rule_slots{"Les créneaux ouverts ne dépassent jamais les doses allouées",
                                 "Slots opened never exceed the doses allocated"};
inline constexpr Text rule_travel{
    "Chaque commune est à moins du temps de trajet maximal d'un centre ouvert",
    "Every commune is within the maximum travel time of an open centre"};
inline constexpr Text rule_kits{"Le stock de tests prévu ne passe jamais sous zéro",
                                "Planned test-kit stock never falls below zero"};
inline constexpr Text rule_wait{"Objectif : attente p90", "Target: p90 wait"};
inline constexpr Text rule_coverage{"Objectif : couverture vaccinale", "Target: coverage"};
inline constexpr Text rule_waste{"Objectif : doses perdues", "Target: wasted doses"};
inline constexpr Text rule_unmet{"Objectif : demande non satisfaite", "Target: unmet demand"};

// ---- KPIs ----
inline constexpr Text kpis{"Indicateurs clés", "Key indicators"};
inline constexpr Text col_kpi{"Indicateur", "Indicator"};
inline constexpr Text col_mean{"Moyenne", "Mean"};
inline constexpr Text col_ci{"± IC 95 %", "± 95% CI"};
inline constexpr Text col_min{"Min", "Min"};
inline constexpr Text col_max{"Max", "Max"};
inline constexpr Text col_direction{"Mieux si", "Better if"};
inline constexpr Text higher{"plus haut", "higher"};
inline constexpr Text lower{"plus bas", "lower"};

struct KpiName {
    std::string_view id;
    Text text;
};
inline constexpr KpiName kpi_names[] = {
    {"vaccinations", {"Vaccinations", "Vaccinations"}},
    {"first_doses", {"Premières doses", "First doses"}},
    {"complete_schedules", {"Schémas complets", "Complete schedules"}},
    {"coverage_first_dose_pct",
     {"Couverture 1re dose (% des volontaires)", "First-dose coverage (% of those wanting)"}},
    {"unmet_demand", {"Demande non satisfaite (personnes)", "Unmet demand (people)"}},
    {"tests", {"Tests réalisés", "Tests done"}},
    {"unmet_tests",
     {"Tests non réalisés (aucun centre à portée)", "Tests not done (no centre in reach)"}},
    {"wait_mean_min", {"Attente moyenne (min)", "Mean wait (min)"}},
    {"wait_p90_min", {"Attente p90 (min)", "p90 wait (min)"}},
    {"wait_p95_min", {"Attente p95 (min)", "p95 wait (min)"}},
    {"wait_max_min", {"Attente maximale (min)", "Longest wait (min)"}},
    {"no_shows", {"Absents au rendez-vous", "No-shows"}},
    {"turned_away", {"Personnes refoulées", "People turned away"}},
    {"doses_used", {"Doses utilisées", "Doses used"}},
    {"doses_wasted", {"Doses perdues", "Doses wasted"}},
    {"doses_wasted_pct", {"Doses perdues (% des doses tirées)", "Doses wasted (% of doses drawn)"}},
    {"staff_hours", {"Heures de professionnels", "Staff hours"}},
    {"overtime_hours", {"Heures supplémentaires", "Overtime hours"}},
    {"cost_eur", {"Coût estimé (EUR)", "Cost estimate (EUR)"}},
    {"understaffed_role_shifts",
     {"Vacations × rôle en sous-effectif", "Role-shifts short of staff"}},
    {"served", {"Personnes servies", "People served"}},
    {"worst_day_wait_p90_min", {"Pire p90 journalier (min)", "Worst daily p90 wait (min)"}},
};

// ---- charts ----
inline constexpr Text throughput{"Activité quotidienne par centre", "Daily throughput per centre"};
inline constexpr Text throughput_caption{
    "Personnes servies chaque jour, empilées par centre. Un creux inattendu signale un centre "
    "fermé, à court de doses ou de personnel.",
    "People served each day, stacked by centre. An unexpected dip means a centre closed, out "
    "of doses or short of staff."};
inline constexpr Text people_served{"personnes servies", "people served"};
inline constexpr Text day{"jour", "day"};
inline constexpr Text waits{"Attente par jour et par centre (p50, p90, p95)",
                            "Waiting time per day and centre (p50, p90, p95)"};
inline constexpr Text waits_caption{
    "Temps d'attente cumulé aux postes, par jour. La ligne rouge pointillée est l'objectif p90 du "
    "plan ; la bande rouge marque le pire jour. Même échelle pour tous les centres.",
    "Time queued at the stations, per day. The dashed red line is the plan's p90 target; the "
    "red band marks the worst day. Same scale for every centre."};
inline constexpr Text waits_caption_no_target{
    "Temps d'attente cumulé aux postes, par jour. La bande rouge marque le pire jour. Même "
    "échelle pour tous les centres. Le plan ne fixe pas d'objectif d'attente.",
    "Time queued at the stations, per day. The red band marks the worst day. Same scale for "
    "every centre. The plan states no waiting-time target."};
inline constexpr Text minutes{"minutes", "minutes"};
inline constexpr Text p50{"p50 (médiane)", "p50 (median)"};
inline constexpr Text p90{"p90", "p90"};
inline constexpr Text p95{"p95", "p95"};
inline constexpr Text target_p90{"objectif p90 ≤ {0} min", "p90 target ≤ {0} min"};
inline constexpr Text worst_day{"pire jour : {0} ({1} min)", "worst day: {0} ({1} min)"};
inline constexpr Text queue{"File d'attente au fil du temps", "Queue length over time"};
inline constexpr Text queue_caption{
    "Personnes en attente (hors personnes en cours de service), relevé toutes les 15 minutes "
    "d'ouverture. La bande rouge marque le pic.",
    "People queued (not being served), sampled every 15 minutes while open. The red band marks "
    "the peak."};
inline constexpr Text people_waiting{"personnes en attente", "people waiting"};
inline constexpr Text peak{"pic : {0} ({1})", "peak: {0} ({1})"};
inline constexpr Text coverage{"Couverture vaccinale par groupe", "Vaccination coverage per group"};
inline constexpr Text coverage_caption{
    "Part de chaque groupe ayant reçu au moins une dose (trait plein) et un schéma complet "
    "(pointillés). Les points sont les objectifs de couverture du plan.",
    "Share of each group with at least one dose (solid) and a complete schedule (dashed). Dots "
    "are the plan's coverage targets."};
inline constexpr Text pct_of_group{"% du groupe", "% of the group"};
inline constexpr Text first_dose_of{"{0} – 1re dose", "{0} – first dose"};
inline constexpr Text complete_of{"{0} – complet", "{0} – complete"};
inline constexpr Text target_of{"objectif {0}", "target {0}"};
inline constexpr Text everyone{"tous", "everyone"};
inline constexpr Text staff_hours{"Heures des professionnels par profession",
                                  "Staff hours per profession"};
inline constexpr Text staff_caption{
    "Heures prises sur les soins habituels : en vacation, heures supplémentaires et trajets ; "
    "en gris clair, les heures prévues mais non faites (absences).",
    "Hours taken from routine care: on shift, overtime and commuting; light grey, hours "
    "rostered but not worked (absences)."};
inline constexpr Text hours{"heures", "hours"};
inline constexpr Text on_shift{"en vacation", "on shift"};
inline constexpr Text overtime{"heures supplémentaires", "overtime"};
inline constexpr Text commute{"trajets", "commuting"};
inline constexpr Text absent{"absences (prévues, non faites)", "absent (rostered, not worked)"};
inline constexpr Text doses{"Doses utilisées et perdues", "Doses used and wasted"};
inline constexpr Text doses_caption{
    "Doses injectées et doses perdues (flacons ouverts non terminés à temps) par centre et "
    "équipe mobile, sur toute la période ; le pourcentage est la part perdue.",
    "Doses injected and doses wasted (opened vials not used up in time) per centre and mobile "
    "team over the whole period; the percentage is the share wasted."};
inline constexpr Text doses_unit{"doses", "doses"};
inline constexpr Text used{"utilisées", "used"};
inline constexpr Text wasted{"perdues", "wasted"};
inline constexpr Text wasted_pct{"{0} % perdues", "{0}% wasted"};
inline constexpr Text travel{"Communes par temps de trajet jusqu'au centre",
                             "Communes by travel time to their centre"};
inline constexpr Text travel_caption{
    "Habitants par tranche de 5 minutes de trajet jusqu'au centre de vaccination ouvert le plus "
    "proche ; l'étiquette donne le nombre de communes. En rouge : au-delà de {0} min.",
    "Inhabitants by 5-minute band of travel time to the nearest open vaccination centre; the "
    "label is the number of communes. Red: beyond {0} min."};
inline constexpr Text inhabitants{"habitants", "inhabitants"};
inline constexpr Text travel_minutes{"minutes de trajet", "travel minutes"};
inline constexpr Text communes_n{"{0} comm.", "{0} comm."};
inline constexpr Text unreachable{"aucun centre", "no centre"};
inline constexpr Text farthest{"Les plus éloignées : {0}.", "Farthest: {0}."};

// ---- comparison ----
inline constexpr Text comparison{"Comparaison des plans", "Plan comparison"};
inline constexpr Text comparison_intro{
    "{0} plans sur le même monde, {1} réplication(s) chacun avec les mêmes graines (nombres "
    "aléatoires communs) : les différences sont appariées réplication par réplication.",
    "{0} plans on the same world, {1} replication(s) each with the same seeds (common random "
    "numbers): differences are paired replication by replication."};
inline constexpr Text reference{"référence", "reference"};
inline constexpr Text col_plan{"Plan", "Plan"};
inline constexpr Text col_name{"Nom", "Name"};
inline constexpr Text col_file{"Fichier", "File"};
inline constexpr Text col_diff{"{0} − {1}", "{0} − {1}"};
inline constexpr Text better{"meilleur", "better"};
inline constexpr Text worse{"moins bon", "worse"};
inline constexpr Text not_significant{"non significatif", "not significant"};
inline constexpr Text cmp_summary_better{"Plan {0} par rapport à {1} : significativement "
                                         "meilleur sur {2}.",
                                         "Plan {0} against {1}: significantly better on {2}."};
inline constexpr Text cmp_summary_worse{"Plan {0} par rapport à {1} : significativement moins "
                                        "bon sur {2}.",
                                        "Plan {0} against {1}: significantly worse on {2}."};
inline constexpr Text cmp_summary_none{"Plan {0} par rapport à {1} : aucune différence "
                                       "significative.",
                                       "Plan {0} against {1}: no significant difference."};
inline constexpr Text diff_chart{"Écart du plan {0} par rapport au plan {1} (%, IC 95 %)",
                                 "Plan {0} against plan {1} (%, 95% CI)"};
inline constexpr Text diff_caption{
    "Différence appariée en pourcentage de la valeur du plan {0}, avec son intervalle de "
    "confiance à 95 %. Vert : significativement meilleur ; rouge : significativement moins bon ; "
    "gris : non significatif.",
    "Paired difference as a percentage of plan {0}'s value, with its 95% confidence interval. "
    "Green: significantly better; red: significantly worse; grey: not significant."};
inline constexpr Text pct_difference{"écart en % de {0}", "difference in % of {0}"};
inline constexpr Text worst_p90_chart{"Pire attente p90 journalière par centre et par plan",
                                      "Worst daily p90 wait per centre and plan"};
inline constexpr Text worst_p90_caption{
    "Moyenne sur les réplications du plus haut p90 journalier de chaque centre, avec l'IC 95 %.",
    "Mean over the replications of each centre's highest daily p90, with the 95% CI."};

} // namespace riposte::report_text
