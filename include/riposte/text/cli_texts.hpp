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
    // usage errors: "riposte : erreur : …" and the --help pointer, in the command's --lang
    Text usage_prefix{"riposte : erreur : ", "riposte: error: "};
    Text usage_hint_command{"Lancez « riposte {0} --help » pour l'aide.\n",
                            "Run 'riposte {0} --help' for usage.\n"};
    Text usage_hint{"Lancez « riposte --help » pour l'aide.\n",
                    "Run 'riposte --help' for usage.\n"};
    Text usage_did_you_mean{" ; vouliez-vous dire « {0} » ?", "; did you mean '{0}'?"};
    Text usage_unknown_option{"option inconnue « {0} »{1}", "unknown option '{0}'{1}"};
    Text usage_takes_no_value{"l'option « {0} » ne prend pas de valeur",
                              "option '{0}' takes no value"};
    Text usage_needs_value{"l'option « {0} » demande une valeur", "option '{0}' needs a value"};
    Text usage_whole_number{"{0} attend un nombre entier de {1} à {2}, et non « {3} »",
                            "{0} expects a whole number from {1} to {2}, got '{3}'"};
    Text usage_lang{"--lang attend fr (français) ou en (anglais), et non « {0} »",
                    "--lang expects fr or en, got '{0}'"};
    Text usage_unknown_command{"commande inconnue « {0} »{1} (commandes : run, compare, validate, "
                               "size, report, check, exercise, territory, sweep, merge et help)",
                               "unknown command '{0}'{1} (commands: run, compare, validate, size, "
                               "report, check, exercise, territory, sweep, merge and help)"};
    Text usage_help_one{"help prend un seul nom de commande", "help takes one command name"};
    Text usage_not_a_directory{"« {0} » n'est pas un dossier : donnez les fichiers WORLD et PLAN, "
                               "ou un dossier qui contient world.toml et plan.toml",
                               "'{0}' is not a directory: give WORLD and PLAN files, or a "
                               "directory holding world.toml and plan.toml"};
    Text usage_too_many{"trop d'arguments : WORLD PLAN, un dossier, ou rien sont attendus",
                        "too many arguments: expected WORLD PLAN, a directory, or nothing"};
    Text usage_contradict{"{0} et {1} se contredisent", "{0} and {1} contradict"};
    Text usage_needs_directory{"{0} demande un dossier", "{0} needs a directory"};
    Text usage_needs_file{"{0} demande un nom de fichier", "{0} needs a file name"};
    Text usage_replication_or_replications{
        "--replication K lance la seule réplication K ; avec --replications N, les réplications "
        "vont de 0 à N-1 : donnez l'une ou l'autre",
        "--replication K runs the single replication K; with --replications N the replications "
        "are 0 to N-1: give one or the other"};
    Text usage_report_no_files{"--report lit les fichiers de résultats : il ne va pas avec "
                               "--no-files",
                               "--report reads the result files: it cannot be combined with "
                               "--no-files"};
    Text usage_csv{"--csv prend standard (« , » et « . ») ou excel (« ; », virgule décimale, BOM "
                   "UTF-8, comme Excel l'ouvre en français)",
                   "--csv takes standard (',' and '.') or excel (';', decimal comma, UTF-8 BOM, "
                   "as French Excel opens it)"};
    Text usage_compare_report{"--report écrit report.html à côté des fichiers de la comparaison : "
                              "ajoutez --out DOSSIER",
                              "--report writes report.html next to the comparison files: add "
                              "--out DIR"};
    Text usage_compare_args{"compare demande un fichier de monde et au moins deux fichiers de "
                            "plan : riposte compare WORLD PLAN_A PLAN_B [PLAN_C ...]",
                            "compare needs a world file and at least two plan files: riposte "
                            "compare WORLD PLAN_A PLAN_B [PLAN_C ...]"};
    Text usage_compare_max{"on compare au plus {0} plans", "at most {0} plans can be compared"};
    Text usage_replay_args{"exercise replay demande WORLD PLAN JOURNAL",
                           "exercise replay needs WORLD PLAN JOURNAL"};
    Text usage_until{"--until « {0} » : ce n'est pas un jour et une heure (écrivez par exemple "
                     "« J3 14:00 »)",
                     "--until '{0}': {1} (write e.g. \"J3 14:00\")"};
    Text usage_exercise_report_args{"exercise report demande JOURNAL",
                                    "exercise report needs JOURNAL"};
    Text usage_exercise_sub{"exercise demande une sous-commande : replay ou report",
                            "exercise needs a subcommand: replay or report"};
    Text usage_exercise_unknown_sub{"sous-commande inconnue « {0} » pour exercise ; elles sont : "
                                    "replay, report",
                                    "unknown exercise subcommand '{0}'; they are: replay, report"};
    Text usage_report_needs_dir{"report demande le dossier de résultats : riposte report DOSSIER",
                                "report needs the results directory: riposte report DIR"};
    Text usage_report_one_dir{"report prend un seul dossier de résultats",
                              "report takes one results directory"};
    Text usage_rates_syntax{"--rates attend PROFESSION=EUR[,...], par exemple --rates "
                            "medecin=105,infirmier=55, et non « {0} »",
                            "--rates expects PROFESSION=EUR[,...], e.g. --rates "
                            "medecin=105,infirmier=55; got '{0}'"};
    Text usage_rates_profession{"--rates : profession inconnue « {0} » ; les professions du monde "
                                "sont :{1}",
                                "--rates: unknown profession '{0}'; the world's professions "
                                "are:{1}"};
    Text usage_rates_value{"--rates : « {0} » n'est pas un taux horaire en euros (un nombre "
                           "positif ou nul)",
                           "--rates: '{0}' is not an hourly rate in euros (a number >= 0)"};
    Text usage_cost{"--cost attend hours (heures) ou eur (euros), et non « {0} »",
                    "--cost expects hours or eur, got '{0}'"};
    Text usage_rates_need_eur{"--rates donne des taux en euros : ajoutez --cost eur",
                              "--rates gives euro rates: add --cost eur"};
    Text usage_size_exists{"{0} existe déjà : ajoutez --force pour le remplacer, ou choisissez un "
                           "autre fichier avec --out",
                           "{0} exists: add --force to replace it, or choose another file with "
                           "--out"};
    Text usage_size_out_folder{"--out désigne un dossier : donnez un nom de fichier, par exemple "
                               "--out plan-sized.toml",
                               "--out names a folder: give a file name, e.g. --out "
                               "plan-sized.toml"};
    Text usage_sweep_no_mpi{"ce riposte a été compilé sans MPI : chaque rang de mpirun lancerait "
                            "toute la campagne ; recompilez avec -DRIPOSTE_MPI=ON, ou lancez sans "
                            "mpirun (fils d'exécution : -j N)",
                            "this riposte was built without MPI, so each rank of mpirun would run "
                            "the whole sweep: rebuild with -DRIPOSTE_MPI=ON, or run without "
                            "mpirun (threads: -j N)"};
    Text usage_size_no_mpi{"ce riposte a été compilé sans MPI : chaque rang de mpirun lancerait "
                           "toute la recherche ; recompilez avec -DRIPOSTE_MPI=ON, ou lancez sans "
                           "mpirun (fils d'exécution : --threads N)",
                           "this riposte was built without MPI, so each rank of mpirun would run "
                           "the whole search: rebuild with -DRIPOSTE_MPI=ON, or run without "
                           "mpirun (threads: --threads N)"};
    Text usage_sweep_args{"sweep demande un fichier de campagne : riposte sweep SWEEP.toml",
                          "sweep needs one sweep file: riposte sweep SWEEP.toml"};
    Text usage_shard{"--shard attend i/n avec 1 <= i <= n, par exemple --shard 3/8 (Slurm : "
                     "--shard ${SLURM_ARRAY_TASK_ID}/8 avec --array=1-8)",
                     "--shard expects i/n with 1 <= i <= n, e.g. --shard 3/8 (Slurm: --shard "
                     "${SLURM_ARRAY_TASK_ID}/8 with --array=1-8)"};
    Text usage_shard_out{"--shard écrit les tâches de sa part dans un dossier : ajoutez --out "
                         "DOSSIER",
                         "--shard writes the shard's tasks into a folder: add --out DIR"};
    Text usage_merge_out{"merge écrit les résultats rassemblés dans un dossier : ajoutez --out "
                         "DOSSIER",
                         "merge writes the gathered results into a folder: add --out DIR"};
    Text usage_merge_args{"merge demande les dossiers des parts : riposte merge DOSSIER_PART... "
                          "--out DOSSIER",
                          "merge needs the shard folders: riposte merge SHARD_DIR... --out DIR"};
    Text usage_format{"--format attend text ou json, et non « {0} »",
                      "--format expects text or json, got '{0}'"};
    Text usage_structural_replications{"--structural-only ne lance aucune simulation : retirez "
                                       "--replications",
                                       "--structural-only runs no simulation: leave out "
                                       "--replications"};
    Text usage_validate_report{"--report écrit report.html à côté de validation.json : ajoutez "
                               "--out DOSSIER",
                               "--report writes report.html next to validation.json: add --out "
                               "DIR"};
    Text usage_territory_argument{"argument inattendu « {0} » : choisissez les communes avec "
                                  "--insee, --epci, --departement, --around ou --all",
                                  "unexpected argument '{0}': choose the communes with --insee, "
                                  "--epci, --departement, --around or --all"};
    Text usage_territory_choose{"choisissez les communes avec l'une des options --insee, --epci, "
                                "--departement, --around ou --all",
                                "choose the communes with one of --insee, --epci, --departement, "
                                "--around or --all"};
    Text usage_territory_only_one{"ne donnez qu'une seule des options --insee, --epci, "
                                  "--departement, --around et --all",
                                  "give only one of --insee, --epci, --departement, --around and "
                                  "--all"};
    Text usage_around_radius{"--around demande --radius-km R, par exemple --around 57463 "
                             "--radius-km 15",
                             "--around needs --radius-km R, e.g. --around 57463 --radius-km 15"};
    Text usage_radius_around{"--radius-km va avec --around", "--radius-km goes with --around"};
    Text usage_size_world{"--size dimensionne le plan de départ : ajoutez --world",
                          "--size sizes the starter plan: add --world"};
    Text usage_recruit_size{"--recruit dit ce qu'il faut recruter quand le plan de départ ne tient "
                            "pas : ajoutez --size",
                            "--recruit says what to recruit when the starter plan does not pass: "
                            "add --size"};
    Text usage_only_world{"{0} n'a de sens qu'avec --world", "{0} only makes sense with --world"};
    Text usage_write{"{0} « {1} » : écrivez {2}", "{0} '{1}': write {2}"};
    Text usage_hours_order{"--hours : écrivez des heures entières, l'ouverture d'abord, comme 9-18",
                           "--hours: write whole hours with the opening first, such as 9-18"};
    Text want_radius{"un rayon en km, plus de 0 et au plus 1000",
                     "a radius in km, more than 0 and at most 1000"};
    Text want_k{"un nombre entier de voisins, de 1 à 50",
                "a whole number of neighbours from 1 to 50"};
    Text want_detour{"un facteur de 1 à 5, par exemple 1.3", "a factor from 1 to 5, e.g. 1.3"};
    Text want_speed{"une vitesse de 5 à 200 km/h", "a speed from 5 to 200 km/h"};
    Text want_bridge{"des km, de 0 (automatique) à 20000", "km from 0 (automatic) to 20000"};
    Text want_share{"une part de 0 à 1, par exemple 0.25", "a share from 0 to 1, e.g. 0.25"};
    Text want_weekly_hours{"un nombre d'heures de 0.5 à 168", "hours from 0.5 to 168"};
    Text want_commute{"un nombre de minutes de 0 à 600", "minutes from 0 to 600"};
    Text want_days_365{"un nombre de jours de 1 à 365", "days from 1 to 365"};
    Text want_days_run{"un nombre de jours de 7 à 730", "days from 7 to 730"};
    Text want_doses{"1, 2 ou 3", "1, 2 or 3"};
    Text want_centres{"un nombre de centres de 1 à 2500", "a number of centres from 1 to 2500"};
    Text want_people{"un nombre d'habitants par centre, au moins 1000",
                     "inhabitants per centre, at least 1000"};
    Text want_hours{"des heures entières comme 9-18", "whole hours such as 9-18"};
    Text want_shift_hours{"un nombre d'heures de 1 à 12", "hours from 1 to 12"};
    Text want_interview{"un nombre de médecins par vacation de 1 à 40",
                        "médecins per shift from 1 to 40"};
    Text want_testing{"un nombre de centres de dépistage de 0 à 500",
                      "a number of testing centres from 0 to 500"};
    Text want_tests_per_case{"un nombre de tests par cas de 0 à 1000",
                             "tests per case from 0 to 1000"};
    Text want_incidence{"deux incidences quotidiennes pour 100 000 habitants, comme 10-40",
                        "two daily incidences per 100,000 such as 10-40"};
    // exercise report
    Text retex_cannot_read{"riposte : erreur : {0} ne peut pas être lu\n",
                           "riposte: error: {0} cannot be read\n"};
    Text retex_no_inputs{"{0}:1:1: {1} : [journal.inputs] l'en-tête ne nomme aucun fichier de "
                         "monde ou de plan\n",
                         "{0}:1:1: {1}: [journal.inputs] the header names no world or plan "
                         "file\n"};
    Text retex_cannot_write{"riposte : erreur : impossible d'écrire {0} : {1}\n",
                            "riposte: error: cannot write {0}: {1}\n"};
    Text retex_written{"RETEX écrit dans {0}\n", "RETEX written to {0}\n"};
    // errors after the options were read (the detail may quote the system's own words)
    Text previous_kept{"{0} ; les résultats précédents sont laissés tels quels",
                       "{0}; the previous results are left as they were"};
    Text and_more_files{"  et {0} de plus\n", "  and {0} more\n"};
    Text report_not_made{"le rapport n'a pas pu être fait : {0}",
                         "the report could not be made: {0}"};
    Text run_failed_unknown{"la simulation a échoué (erreur inconnue)",
                            "the run failed (unknown error)"};
    Text unexpected_failure{"échec inattendu", "unexpected failure"};
    Text compare_not_started{"la comparaison n'a pas pu démarrer",
                             "the comparison could not start"};
    Text report_mixed{"{0} ne contient pas les fichiers d'une seule simulation ; relancez riposte "
                      "dans ce dossier :",
                      "{0} does not hold the files of one run; run riposte again into it:"};
    Text stress_note{"riposte : note : les cas de stress sont jugés sur les objectifs du plan ; "
                     "{0}\n",
                     "riposte: note: the stress cases are judged against the plan's targets; "
                     "{0}\n"};
    Text stress_none_structural{"--structural-only n'en lance aucun",
                                "--structural-only runs none"};
    Text stress_none_targets{"ce plan n'en fixe aucun", "this plan states none"};
    Text stress_interrupted{"riposte : interrompu pendant le cas de stress {0}\n",
                            "riposte: interrupted during the stress case {0}\n"};
    Text mpi_other_rank{"un autre rang MPI n'a pas pu préparer la campagne (ses messages sont "
                        "ci-dessus)",
                        "another MPI rank could not prepare the sweep (its messages are above)"};
    Text mpi_other_rank_size{"un autre rang MPI n'a pas pu préparer la recherche (ses messages "
                             "sont ci-dessus)",
                             "another MPI rank could not prepare the search (its messages are "
                             "above)"};
    Text merge_not_shard{"{0} : {1} ({2} est-il un dossier écrit par riposte sweep --shard ?)",
                         "{0}: {1} (is {2} a folder written by riposte sweep --shard?)"};
    Text merge_digest{"{0} : tasks.txt et shard.txt viennent de campagnes différentes",
                      "{0}: tasks.txt and shard.txt belong to different sweeps"};
    Text merge_other_sweep{"{0} est une part d'une autre campagne que {1} (ses fichiers, "
                           "réplications, graine ou nombre de parts diffèrent)",
                           "{0} is a shard of another sweep than {1} (its files, replications, "
                           "seed or shard count differ)"};
    Text merge_same_shard{"{0} et {1} sont tous deux la part {2}",
                          "{0} and {1} are both shard {2}"};
    Text merge_foreign_task{"{0} : une tâche qui n'appartient pas à cette part, ou en double",
                            "{0}: a task that does not belong to this shard, or twice"};
    Text merge_missing{"parts manquantes : {0} sur {1}", "shards missing: {0} of {1}"};
    Text merge_count{"les parts contiennent {0} des {1} tâches",
                     "the shards hold {0} of the {1} tasks"};
    Text foreign_files{"{0} : contient des fichiers que riposte n'a pas écrits ; choisissez un "
                       "autre --out, ou donnez --force pour remplacer le dossier et tout ce qu'il "
                       "contient",
                       "{0}: holds files riposte did not write; choose another --out, or give "
                       "--force to replace the folder and everything in it"};
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
