// The French help texts of the CLI, one per English text of help.cpp and territory_command.cpp
// (same layout, same options; option, file, command and CSV column names stay as they are).
#include "help.hpp"

namespace riposte::cli {

namespace {

constexpr std::string_view main_fr =
    R"(riposte - simuler le plan d'une CPTS pour ses centres de vaccination et de dépistage

Utilisation :
  riposte run [WORLD PLAN | DIR] [options]       lancer les réplications, afficher les
                                                 indicateurs (moyenne et IC à 95 %) et écrire
                                                 les fichiers de résultats CSV/JSON
  riposte compare WORLD PLAN_A PLAN_B [...]      comparer des plans sur le même monde avec
                                                 des nombres aléatoires communs
  riposte validate [WORLD PLAN | DIR] [options]  vérifier un plan selon les règles et ses
                                                 cibles
  riposte size [WORLD PLAN | DIR] [options]      trouver l'effectif le plus faible qui
                                                 respecte toutes les règles
  riposte report RESULTS_DIR [options]           écrire le rapport HTML d'un dossier de
                                                 résultats
  riposte check [WORLD PLAN | DIR] [--exercise FILE]
                                                 charger un scénario (et un exercice) et
                                                 signaler chaque problème
  riposte exercise replay WORLD PLAN JOURNAL [--out DIR]
                                                 rejouer une séance en direct d'après sa
                                                 main courante
  riposte exercise report JOURNAL [--out FILE.html]
                                                 le RETEX d'une séance (HTML, en français)
  riposte territory (--epci S | --insee ... | --departement D | --around INSEE --radius-km R)
                                                 construire un territoire à partir de la
                                                 table nationale
  riposte sweep SWEEP.toml [--out DIR] [options] lancer une liste ou une grille de variantes
                                                 du plan avec des nombres aléatoires communs
                                                 (fils d'exécution ou mpirun)
  riposte merge SHARD_DIR... --out DIR           rassembler les parts d'un balayage
                                                 (--shard i/n)
  riposte help [COMMAND]                         afficher l'aide d'une commande
  riposte --version                              afficher la version
  riposte --help                                 afficher cette aide

Commandes :
  run       simuler N réplications d'un scénario (un fichier monde et un fichier plan)
  compare   lancer plusieurs plans d'un même monde avec les mêmes graines ; différences
            appariées
  validate  conforme / non conforme par règle : règles structurelles et cibles du plan
  size      recherche d'effectif : le plus petit effectif par centre, vacation et rôle qui
            respecte toutes les règles de validate dans le vivier, écrit comme un plan ; ou
            ce qu'il faut recruter
  report    un fichier HTML autonome avec des graphiques (en français par défaut, --lang en)
  check     lire et contrôler un scénario sans le simuler
  exercise  rejouer la main courante d'une séance en direct (exercice, cellule de crise),
            ou écrire son RETEX
  territory communes et graphe routier (et, au choix, un monde et un plan) tirés de la
            table nationale des communes
  sweep     variantes (plan, effectif ×facteur, adhésion, absences, exercice) × N
            réplications : moyennes et IC des indicateurs par variante, différences
            appariées à une référence
  merge     rassembler les dossiers des parts d'un balayage lancé en tableau de tâches Slurm
  help      afficher l'aide d'une commande

Ce que run, compare, validate, check et report écrivent pour les personnes est en français
par défaut ; --lang en le donne en anglais, aide comprise. Les fichiers de résultats
(colonnes CSV, clés JSON) sont les mêmes dans les deux langues.

Arguments de scénario (run, validate, check) :
  WORLD PLAN   un fichier monde (territoire, population, vivier, approvisionnement) et un
               fichier plan (centres, horaires, effectifs, prise de rendez-vous, cibles)
  DIR          un dossier contenant world.toml et plan.toml
  (aucun)      le scénario par défaut fourni avec riposte

Codes de sortie :
  0  succès ; validate : toutes les règles sont respectées
  1  erreur d'exécution (la simulation a échoué, a été interrompue par Ctrl-C, ou des
     fichiers n'ont pas pu être écrits) ; validate : au moins une règle non respectée
  2  entrée ou utilisation incorrecte (erreurs de scénario, commande ou option inconnue,
     valeur invalide)

Lancez « riposte COMMAND --help » pour les options d'une commande.
)";

constexpr std::string_view run_fr =
    R"(riposte run - simuler les réplications d'un scénario

Utilisation :
  riposte run [WORLD PLAN | DIR] [--replications N] [--threads T] [--seed S]
              [--replication K] [--out DIR] [--no-files] [--quiet] [--report] [--lang fr|en]
              [--exercise FILE]

Charge le scénario (celui fourni par défaut quand WORLD et PLAN ne sont pas donnés ; DIR est
un dossier contenant world.toml et plan.toml), lance les réplications, affiche une synthèse
sur la sortie standard et écrit les tables de résultats dans un dossier de sortie. Les
problèmes du scénario sont affichés sous la forme fichier:ligne:colonne: erreur : message
sur la sortie d'erreur et rien n'est lancé (code de sortie 2). Les avertissements sont
affichés et la simulation continue.

Avec une réplication, la synthèse est le détail des indicateurs de cette simulation. Avec
N > 1, c'est un tableau de tous les indicateurs : moyenne, demi-largeur de l'intervalle de
confiance à 95 % de la moyenne, minimum et maximum sur les réplications. Les deux se
terminent par un VERDICT : ce qui ne va pas (demande non satisfaite, attente p90 d'un jour,
doses perdues, postes faute de personnel) et sa cause (approvisionnement, personnel,
horaires d'ouverture, horizon de prise de rendez-vous, trajet), une phrase chacun. Les
résultats ne dépendent pas de --threads : la réplication k tire toujours les mêmes nombres
aléatoires pour une graine donnée.

Options :
  --replications N  nombre de réplications, de 1 à 100000 (1 par défaut) ; les
                    réplications 0 à N-1 de la graine sont lancées
  --threads T       fils d'exécution, de 1 à 256 (par défaut : le nombre de processeurs)
  --seed S          graine aléatoire maîtresse, un entier de 0 à 18446744073709551615
                    (1 par défaut) ; la même graine donne des résultats identiques à
                    l'octet près
  --replication K   lancer la seule réplication K (un entier à partir de 0 ; 0 par
                    défaut) ; seulement avec une réplication
  --out DIR         écrire les fichiers de résultats dans DIR. Le dossier est remplacé
                    en entier, de façon atomique : un plantage laisse l'ancien jeu ou le
                    nouveau, jamais un mélange. Par défaut : riposte-out/<world>/<plan>
                    dans le dossier courant
  --force           remplacer DIR même s'il contient des fichiers que riposte n'a pas
                    écrits (refusé sinon, code 2)
  --csv FORMAT      standard (par défaut : « , » et « . », pour R et pandas) ou excel
                    (« ; », virgule décimale, indicateur d'ordre des octets UTF-8 : ce
                    qu'ouvre Excel en français)
  --no-files        n'écrire aucun fichier de résultats, seulement afficher la synthèse
  --quiet           rien n'est affiché en cas de succès (ni synthèse, ni progression) ;
                    les erreurs et diagnostics du scénario restent affichés sur la sortie
                    d'erreur
  --report          écrire aussi DIR/report.html (voir « riposte report --help »)
  --lang fr|en      langue de ce qui est affiché, de l'aide et du rapport : français (par
                    défaut) ou anglais. Les fichiers de résultats (colonnes CSV, clés
                    JSON) sont les mêmes dans les deux langues
  --exercise FILE   simuler sous un chronogramme : ses stimuli programmés se déclenchent
                    à leur heure et ses déclencheurs quand leur condition est remplie,
                    dans chaque réplication (docs/exercise.md) ; chacun, appliqué ou
                    refusé, est une ligne de events.csv
  -h, --help        afficher cette aide
  -n, -j, -o        raccourcis de --replications, --threads et --out

Une barre de progression (réplications faites, cadence, temps restant) est dessinée sur la
sortie d'erreur quand c'est un terminal. Ctrl-C arrête la simulation : les réplications
déjà terminées sont gardées et écrites, summary.json indique "partial": true, une ligne
sur la sortie d'erreur le signale, et le code de sortie est 1. Un second Ctrl-C quitte
aussitôt.

Fichiers écrits (chaque colonne est décrite dans docs/cli.md) :
  centre_day.csv  role_day.csv  queue.csv  coverage.csv  commune_group.csv
  profession.csv  shortfall.csv  testing_day.csv  mobile_day.csv  events.csv
      une table ordonnée par sorte ; la première colonne « replication » porte le numéro
      de la réplication, les lignes de chaque réplication se suivent dans l'ordre des
      réplications
  kpi_summary.csv       une ligne par indicateur : mean, ci95, ci_low, ci_high, min, max
  kpi_replications.csv  une ligne par réplication et indicateur : replication, kpi, value
  summary.json          scénario, graine, réplications, partial, cibles, indicateurs,
                        totaux

Codes de sortie : 0 succès, 1 erreur d'exécution, interruption ou fichiers non écrits,
2 entrée ou utilisation incorrecte.
)";

constexpr std::string_view compare_fr =
    R"(riposte compare - comparer des plans sur le même monde avec des nombres aléatoires communs

Utilisation :
  riposte compare WORLD PLAN_A PLAN_B [PLAN_C ...] [--replications N] [--threads T]
                  [--seed S] [--out DIR] [--report] [--lang fr|en] [--quiet]
                  [--exercise FILE]

Charge chaque plan sur le même monde et les lance tous avec les mêmes graines, réplication
par réplication (nombres aléatoires communs : modifier un plan ne change pas les autres
tirages). Affiche les plans (A est la référence), puis une ligne par indicateur : la
moyenne et l'IC à 95 % de chaque plan et, pour chaque autre plan, la différence appariée
moyenne avec le plan A et son IC à 95 %. Une différence dont l'IC exclut 0 est
significative : elle est marquée « * » avec « mieux » ou « moins bien » selon le sens de
l'indicateur (par exemple, des attentes plus courtes sont mieux).

Options :
  --replications N  réplications par plan, de 2 à 100000 (10 par défaut)
  --threads T       fils d'exécution, de 1 à 256 (par défaut : le nombre de processeurs)
  --seed S          graine aléatoire maîtresse (1 par défaut)
  --out DIR         écrire compare.csv et compare.json dans DIR (le dossier est remplacé
                    en entier)
  --force           remplacer DIR même s'il contient des fichiers que riposte n'a pas
                    écrits
  --report          écrire aussi DIR/report.html (demande --out)
  --lang fr|en      langue de ce qui est affiché, de l'aide et du rapport : français (par
                    défaut) ou anglais. Les fichiers de résultats (colonnes CSV, clés
                    JSON) sont les mêmes dans les deux langues
  --exercise FILE   lancer chaque plan sous le même chronogramme (un cas de tension, par
                    exemple scenarios/stress/absence-wave.toml) : quel plan y résiste
  --quiet           rien n'est affiché en cas de succès
  -h, --help        afficher cette aide
  -n, -j, -o        raccourcis de --replications, --threads et --out

Fichiers écrits avec --out (voir docs/cli.md) :
  compare.csv   une ligne par indicateur et par plan : mean, ci95, diff, diff_ci95,
                significant, verdict
  compare.json  la même chose, avec les plans (format riposte-compare/1)

Ctrl-C arrête : les réplications terminées par tous les plans sont comparées, la sortie
est marquée partielle et le code de sortie est 1.

Codes de sortie : 0 succès, 1 erreur d'exécution ou interruption, 2 entrée ou utilisation
incorrecte.
)";

constexpr std::string_view validate_fr =
    R"(riposte validate - vérifier un plan selon les règles et ses cibles

Utilisation :
  riposte validate [WORLD PLAN | DIR] [--replications N] [--threads T] [--seed S]
                   [--format text|json] [--structural-only] [--out DIR]
                   [--report] [--lang fr|en] [--quiet]

Règles structurelles (sans simulation) : chaque poste d'un centre ouvert pourvu à chaque
vacation ; chaque rôle tenu par des professions qualifiées du vivier dans la limite de
leurs heures par semaine, de leurs jours et de leur trajet ; un médecin sur place dès
qu'un centre de vaccination est ouvert ; les heures demandées chaque semaine dans la
limite des heures du vivier ; les créneaux dans la limite des doses allouées ; chaque
commune à moins du temps de trajet maximal d'un centre ouvert ou desservie par une équipe
mobile ; un stock de tests jamais prévu en dessous de zéro. Les règles de cible viennent
des cibles du plan (attente p90, couverture, doses perdues, demande non satisfaite) et
sont jugées sur N réplications ; elles sont sautées quand le plan n'a pas de cible ou avec
--structural-only.

Sortie texte : par règle, une ligne « CONFORME  id : titre » ou « NON CONFORME  id :
titre » (« PASS  id: title » / « FAIL  id: title » avec --lang en), puis la valeur
mesurée (avec son IC à 95 % pour les cibles) et l'exigence et, pour une règle non
respectée, où elle ne l'est pas (centre, date, commune, profession ; « et N autre(s) »
quand seuls les premiers sont cités) ; enfin une ligne « VERDICT : CONFORME » ou
« VERDICT : NON CONFORME (...) » (« RESULT: PASS » / « RESULT: FAIL » en anglais). Un plan
sans cible affiche « structure OK, aucune cible vérifiée » et cite les cibles qu'un plan
fixe d'habitude ; le code de sortie reste 0.

Options :
  --replications N   réplications pour les règles de cible, de 1 à 100000 (10 par défaut)
  --threads T        fils d'exécution, de 1 à 256 (par défaut : le nombre de processeurs)
  --seed S           graine aléatoire maîtresse (1 par défaut)
  --format text|json texte (par défaut) ou JSON (format riposte-validation/1) sur la
                     sortie standard
  --structural-only  vérifier seulement les règles structurelles (sans simulation)
  --out DIR          écrire validation.json dans DIR, et les fichiers de résultats des
                     réplications (comme les écrit « riposte run ») s'il y en a eu ; le
                     dossier est remplacé en entier
  --force            remplacer DIR même s'il contient des fichiers que riposte n'a pas
                     écrits
  --report           écrire aussi DIR/report.html (demande --out)
  --lang fr|en       langue de ce qui est affiché, de l'aide et du rapport : français
                     (par défaut) ou anglais. Les fichiers de résultats sont les mêmes
                     dans les deux langues
  --quiet            rien n'est affiché ; seul le code de sortie donne le verdict
  --stress FILE[,FILE...]
                     juger aussi les cibles sous ces cas de tension (fichiers d'exercice
                     faits de stimuli, par exemple scenarios/stress/absence-wave.toml),
                     après les cas [[validation.stress]] du plan lui-même ; chacun est
                     lancé avec les mêmes graines
  -h, --help         afficher cette aide
  -n, -j, -o         raccourcis de --replications, --threads et --out

Cas de tension : les cibles du plan jugées de nouveau sous chaque perturbation ; une
section « Cas de tension » indique CONFORME ou NON CONFORME par cas et, pour un cas non
conforme, quelle cible n'est pas tenue et où. Un plan qui échoue à un cas de tension n'est
pas conforme (code 1).

Codes de sortie : 0 toutes les règles sont respectées, 1 au moins une règle ne l'est pas
(ou la simulation a échoué ou a été interrompue : une validation partielle n'est jamais
conforme), 2 entrée ou utilisation incorrecte.
)";

constexpr std::string_view report_fr =
    R"(riposte report - écrire le rapport HTML d'un dossier de résultats

Utilisation :
  riposte report RESULTS_DIR [--lang fr|en] [--out FILE] [--quiet]

Lit les fichiers que « riposte run », « compare » ou « validate » ont écrits dans
RESULTS_DIR (summary.json et les tables CSV, compare.json, validation.json : ceux qui s'y
trouvent) et écrit un fichier HTML autonome : aucun accès réseau, aucun script, graphiques
dessinés en SVG intégré. Il montre d'abord les points faibles, puis les verdicts de
validation, la comparaison, le tableau des indicateurs et les graphiques : débit par jour
et par centre, percentiles d'attente par jour et par centre face à la cible p90, longueur
de la file d'attente au fil du temps, couverture par groupe, heures de personnel par
profession, doses utilisées et perdues, communes par temps de trajet. Voir docs/report.md.

Options :
  --lang fr|en  langue du rapport et de l'aide : français (par défaut) ou anglais
  --out FILE    le fichier HTML à écrire (par défaut RESULTS_DIR/report.html) ; écrit de
                façon atomique
  --quiet       rien n'est affiché en cas de succès
  -h, --help    afficher cette aide

Codes de sortie : 0 succès, 1 le fichier n'a pas pu être écrit, 2 utilisation incorrecte,
dossier sans résultats riposte, ou fichier de résultats mal formé (cité avec sa ligne).
)";

constexpr std::string_view check_fr =
    R"(riposte check - lire et contrôler un scénario sans le simuler

Utilisation :
  riposte check [WORLD PLAN | DIR] [--exercise FILE] [--lang fr|en]
  riposte check SWEEP.toml [--lang fr|en]

Charge les fichiers monde et plan (le scénario fourni par défaut s'il n'en est donné
aucun ; DIR est un dossier contenant world.toml et plan.toml) et affiche chaque problème
trouvé, sous la forme fichier:ligne:colonne: erreur|avertissement : message, sur la sortie
d'erreur. Quand il n'y a pas d'erreur, il affiche une ligne sur la sortie standard (en
français sauf avec --lang en) :
  ok : communes : N (population P), liaisons routières : M, ... jours : D à partir du
  AAAA-MM-JJ

Avec --exercise, lit aussi un fichier d'exercice (un chronogramme : stimuli programmés,
déclencheurs, objectifs ; docs/exercise.md), vérifie les centres, postes, professions,
rôles et communes qu'il cite au regard du scénario, puis affiche une seconde ligne :
  ok : exercice « NOM » : N stimuli programmés, M déclencheurs, K objectifs

Avec un seul fichier, un fichier de balayage (docs/sweeps.md), le lit, charge le monde et
le plan de chaque variante, applique ses modifications et lit son exercice, affiche chaque
problème, puis :
  ok : campagne de variantes : N variantes × R réplications

Options :
  --exercise FILE   un fichier d'exercice à vérifier avec le scénario
  --lang fr|en      langue de la ligne et de l'aide : français (par défaut) ou anglais
  -h, --help        afficher cette aide

Codes de sortie : 0 aucune erreur (avertissements permis), 2 au moins une erreur ou
utilisation incorrecte.
)";

constexpr std::string_view help_fr =
    R"(riposte help - afficher l'aide

Utilisation :
  riposte help [COMMAND] [--lang fr|en]

  riposte help            lister les commandes
  riposte help COMMAND    afficher l'aide de COMMAND (comme « riposte COMMAND --help »)

Options :
  --lang fr|en  langue de l'aide : français (par défaut) ou anglais

Codes de sortie : 0 succès, 2 commande inconnue.
)";

constexpr std::string_view exercise_fr =
    R"(riposte exercise - séances en direct : rejouer une main courante, ou écrire son RETEX

Utilisation :
  riposte exercise replay WORLD PLAN JOURNAL [--exercise FILE] [--until "J3 14:00"]
                          [--out DIR] [--force] [--lang fr|en] [--quiet]
  riposte exercise report JOURNAL [--out FILE.html] [--lang fr|en] [--quiet]

Une séance en direct (un exercice sur table, une réunion de cellule de crise) ajoute à sa
main courante chaque changement appliqué en direct avant qu'il ne prenne effet :
décisions, stimuli improvisés, stimuli programmés sautés, retardés ou modifiés,
déclencheurs activés (docs/exercise.md). « replay » reconstruit la séance à partir du
monde, du plan, de l'exercice et de la main courante, et écrit les mêmes fichiers de
résultats que « riposte run » (une réplication, la graine de la main courante) : ils sont
identiques à l'octet près à ceux de la séance en direct.

L'en-tête de la main courante contient le SHA-256 des fichiers monde, plan et exercice et
la graine : d'autres entrées sont refusées (code 1), avec le nom du fichier qui diffère.
Une entrée de la main courante que la simulation ne peut pas suivre (son événement ou son
heure ne correspond plus, un stimulus qui n'existe plus) arrête le rejeu avec le
fichier:ligne de la main courante et ce qui diffère (code 1), jamais en silence.

« report » rejoue la main courante jusqu'au bout, retrouve les fichiers monde, plan et
exercice grâce à son en-tête (chemins relatifs au dossier de la main courante, vérifiés
par SHA-256), et écrit le RETEX : une page HTML autonome (en français par défaut) avec la
chronologie des stimuli et des décisions tracée sur les graphiques des indicateurs, les
objectifs atteints ou non (et où ils ne l'ont pas été), ce qui a cédé (pires attentes,
personnes refusées, ruptures de stock), les heures de personnel par profession, les
décisions que le modèle a refusées (inscrites à la main courante avec leurs raisons,
jamais appliquées), les observations des évaluateurs et un plan d'actions correctives
prérempli à partir des décisions. Sortie par défaut : NAME-retex.html à côté de la main
courante (NAME.journal.toml).

Options :
  --exercise FILE   l'exercice de la séance (par défaut : celui que cite la main
                    courante, relatif à son dossier)
  --until TIME      rejouer seulement les entrées jusqu'à TIME (« J3 14:00 » : numéro du
                    jour et heure), puis continuer jusqu'au bout sans les suivantes : ce
                    qui se serait passé sans les décisions prises après TIME
  --out DIR|FILE    replay : écrire les fichiers de résultats dans DIR (remplacé en
                    entier, de façon atomique) ; report : le fichier HTML (écrit de façon
                    atomique)
  --lang fr|en      replay : la langue de ses diagnostics, de sa synthèse et de ses
                    messages ; report : la langue du RETEX (fr par défaut) ; et celle de
                    l'aide
  --force           remplacer DIR même s'il contient des fichiers que riposte n'a pas
                    écrits
  --quiet           rien n'est affiché en cas de succès
  -h, --help        afficher cette aide

Codes de sortie : 0 rejoué (ou écrit), 1 divergence ou entrées différentes, 2 entrée ou
utilisation incorrecte.
)";

constexpr std::string_view sweep_fr =
    R"(riposte sweep - lancer une liste ou une grille de variantes du plan avec des nombres
aléatoires communs

Utilisation :
  riposte sweep SWEEP.toml [--out DIR] [--replications N] [--seed S] [-j T]
                [--shard i/n] [--checkpoint FILE | --no-checkpoint] [--stop-after K]
                [--force] [--quiet] [--lang fr|en]
  mpirun -n R riposte sweep SWEEP.toml --out DIR [...]

Un fichier de balayage (docs/sweeps.md) cite un monde et une liste ([[variant]]) et/ou une
grille ([grid]) de variantes ; une variante est un fichier plan, des facteurs d'effectif
par rôle (staff.injection = 1.2 : les personnes de ce rôle à chaque vacation × 1,2,
arrondi à la personne la plus proche, jamais moins de 1 là où le plan en a), une part
d'adhésion, un taux d'absence par jour et un fichier d'exercice. Chacune de ses N
réplications (une tâche) utilise la graine de sa réplication, quel que soit celui qui la
lance : chaque variante voit les mêmes tirages aléatoires et les résultats sont identiques
à l'octet près quel que soit le nombre de fils d'exécution, de rangs MPI ou de parts.

Sous mpirun (avec une version construite avec le composant MPI), le rang 0 confie la tâche
suivante au rang qui est libre (répartition dynamique de la charge), lance lui aussi des
tâches, et lui seul affiche et écrit les résultats.

Options :
  --out DIR          écrire sweep.csv et variants.csv dans DIR (remplacé en entier, de
                     façon atomique) ; avec --shard : les tâches de la part
  -n, --replications N  réplications par variante (par défaut : celles du fichier de
                     balayage, sinon 10)
  --seed S           graine de base (par défaut : celle du fichier de balayage, sinon 1)
  -j, --threads T    fils d'exécution (par défaut : le nombre de processeurs ; sous
                     mpirun : 1 par rang)
  --shard i/n        lancer seulement les tâches de la part i sur n (1 <= i <= n) et les
                     écrire dans --out DIR ; rassembler les n dossiers avec
                     « riposte merge »
  --checkpoint FILE  consigner chaque tâche terminée dans FILE (ajout en fin, fsync) et
                     sauter celles qu'il contient déjà : un balayage interrompu reprend où
                     il s'est arrêté (par défaut avec --out : DIR.checkpoint ; supprimé
                     une fois les résultats écrits)
  --no-checkpoint    ne garder aucun point de reprise
  --stop-after K     confier au plus K tâches dans ce lancement, puis s'arrêter (tests de
                     reprise)
  --force            remplacer DIR même s'il contient des fichiers que riposte n'a pas
                     écrits
  --quiet            rien n'est affiché en cas de succès
  --lang fr|en       langue de ce qui est affiché et de l'aide (fr par défaut) ; les
                     fichiers sont les mêmes
  -h, --help         afficher cette aide

Fichiers :
  sweep.csv     une ligne par variante et indicateur : mean, ci95 (demi-largeur de l'IC
                à 95 %) et, pour les variantes autres que la référence, la différence
                appariée avec elle : diff, diff_ci95, significant, verdict (better/worse)
  variants.csv  une ligne par variante : libellé, fichiers, facteurs d'effectif,
                adhésion, taux d'absence

Codes de sortie : 0 terminé, 1 erreur d'exécution ou arrêt avant la fin (le point de
reprise garde les tâches terminées), 2 entrée ou utilisation incorrecte.
)";

constexpr std::string_view merge_fr =
    R"(riposte merge - rassembler les parts d'un balayage

Utilisation :
  riposte merge SHARD_DIR... --out DIR [--force] [--quiet] [--lang fr|en]

Lit les dossiers écrits par « riposte sweep SWEEP.toml --shard i/n --out SHARD_DIR » (par
exemple par les n tâches d'un tableau de tâches Slurm, voir docs/sweeps.md), vérifie
qu'ils sont les n parts d'un même balayage (mêmes entrées, par SHA-256) et que chaque
tâche y figure une fois, et écrit sweep.csv et variants.csv : identiques à l'octet près à
ceux d'un balayage lancé d'un seul coup.

Options :
  --out DIR      le dossier de résultats (remplacé en entier, de façon atomique)
  --force        remplacer DIR même s'il contient des fichiers que riposte n'a pas écrits
  --quiet        rien n'est affiché en cas de succès
  --lang fr|en   langue de ce qui est affiché et de l'aide (fr par défaut)
  -h, --help     afficher cette aide

Codes de sortie : 0 écrit, 1 des fichiers n'ont pas pu être écrits, 2 une part manque,
est en double ou vient d'un autre balayage.
)";

constexpr std::string_view size_fr =
    R"help(riposte size - trouver l'effectif le plus faible qui respecte toutes les règles
(docs/sizing.md)

Utilisation :
  riposte size [WORLD PLAN | DIR] [--replications N] [--confirm M] [--threads T]
               [--seed S] [--cost hours|eur] [--rates PROF=EUR,...] [--max-steps K]
               [--hours] [--recruit K [--recruit-hours H]] [--out FILE] [--force]
               [--lang fr|en] [--quiet]
  mpirun -n R riposte size WORLD PLAN [...]

Cherche le nombre de personnes de chaque rôle à chaque vacation de chaque centre (les rôles
qui tiennent l'un des postes du centre) au moindre coût tel que toutes les règles
structurelles et toutes les règles de cible de « riposte validate » soient respectées,
dans les limites du vivier (heures par semaine, champ de compétences, jours, trajet). Les
horaires et jours d'ouverture restent tels qu'écrits sauf avec --hours ; les équipes
mobiles toujours.

Méthode (optimisation par simulation avec des nombres aléatoires communs : chaque plan
candidat est lancé avec les mêmes graines) : un rôle de poste sans personne sur une
vacation reçoit d'abord une personne ; puis, tant qu'une cible n'est pas tenue, une
personne est ajoutée là où elle réduit le plus l'écart aux cibles par heure (ou par euro)
qu'elle coûte, parmi les rôles et vacations des centres en échec (allocation marginale
gloutonne guidée par la cible limitante ; les mouvements de chaque étape sont triés sur
un quart des réplications, ou sur celles où le centre échoue quand ce quart n'en montre
aucune, et les 4 plus prometteurs jugés sur toutes ; les réplications déjà simulées sont
reprises) ; puis des personnes
sont retirées, la plus grosse économie d'abord, partout où toutes les règles restent
respectées (passe de retrait) ; enfin, le plan est jugé sur M réplications (simulation de
confirmation), et la recherche reprend de là s'il échoue.

Chaque couple (plan candidat, réplication) est une tâche du lanceur de « riposte sweep » :
sur T fils d'exécution, ou sous mpirun (avec une version construite avec le composant MPI)
sur les rangs, le rang 0 confiant la tâche suivante au premier rang libre et chaque rang
faisant les mêmes pas. Le plan trouvé, les étapes et le verdict sont identiques à l'octet
près quel que soit le nombre de fils d'exécution ou de rangs.

Sortie : chaque étape sur la sortie d'erreur ; ce qui a changé et pourquoi, par exemple
« Clermont-l'Hérault · entretien médical 1 → 4, lun.–sam. 08:30–13:00 : attente p90 (pire
jour) 245 → 36 min ; occupation du poste 99 % → 44 % » (l'attente p90 du pire jour du
centre et l'occupation du poste, avant et après) ; le coût avant et après ; le verdict de
confirmation (tel que l'affiche « riposte validate ») ; le plan écrit dans FILE, que
« riposte check » accepte (le fichier plan tel qu'écrit, commentaires gardés, seuls les
effectifs des vacations changent, et avec --hours les opens, closes et days des centres et
les start, end et days des vacations). Quand aucun plan dans les limites du vivier n'est
conforme, rien n'est écrit et la ressource limitante est nommée : « le vivier donne 16 h
par semaine de médecin ; un plan conforme en demande au moins 129 (entretien médical) :
recruter au moins 113 h par semaine », ou, quand le vivier a les heures mais ne peut pas
les placer où et quand un plan conforme en a besoin, les heures qu'il laisse non
pourvues : « le vivier (médecin) ne pourvoit que 318 des 403 h par semaine (entretien
médical) qu'un plan conforme demande la semaine la plus chargée, à Clermont-l'Hérault
(...) : recruter au moins 85 h par semaine ».
Quand le plan trouvé tient le planning mais échoue sur les absences, il est jugé de nouveau
avec la liste de remplacement du plan ([replacement] : un absent remplacé depuis le vivier,
dans son trajet et ses heures par semaine) ; s'il tient alors, le plan écrit reçoit la
table [replacement] et le tableau des changements une ligne « liste de remplacement :
non → oui : tient 83 % → 97 % des réplications », les heures des remplaçants (en moyenne
sur les réplications) comptées dans le coût ; sinon, la sortie dit jusqu'où la liste mène.
Un plan donné avec la liste est cherché avec elle.
Avec --recruit K, quand aucun plan dans les limites du vivier n'est conforme, des personnes
sont recrutées (K au plus). D'abord, sans simuler : le plan conforme trouvé avec un vivier
vingt fois plus grand (confirmé sur les M réplications) est mis au planning avec le vrai
vivier, et une personne à la fois est recrutée pour le couple (centre, rôle) que ce planning
laisse le plus à court, jusqu'à ce qu'il soit entier ; puis la recherche est relancée une
fois avec elles, depuis ce plan. Tant que rien ne tient, une personne à la fois et la
recherche relancée avec le monde et ses recrues (mêmes graines, depuis le plan trouvé).
Chacune de ces recrues vient de ce qui limite le plan : le groupe de professions qui manque
au vivier (les limites ci-dessus) au centre qu'il laisse à court, sinon le centre qui échoue
sur l'attente dans le plus de réplications de confirmation et le rôle de son poste où l'on
attend le plus les jours en échec ; la première profession que le champ de compétences
permet pour ce rôle ; domicile : la commune de ce centre ; heures : le plus qu'une ligne du
vivier de cette profession donne par semaine (ou H) ; jours : tous ceux où le centre ouvre ;
trajet : la limite habituelle de la profession dans le vivier. Une recrue qui ne rapproche
pas le plan de la conformité n'est pas retenue, et le rôle (ou le centre) suivant est
essayé. Quand il passe : « À recruter : 1 médecin, 20 h par semaine, lun.–sam., dans les 30
min de Clermont-l'Hérault (34079). Avec cette recrue, le plan trouvé tient dans 97 % des
réplications (coût ...) », le tableau des changements et le verdict avec le monde et ses
recrues, le plan jugé sur M réplications d'une autre graine (S + 1) qu'aucun pas de la
recherche n'a vues, et trois fichiers : le plan (FILE), les recrues au format de pool.csv
(WORLD-recrues.csv, à côté de WORLD) et un fichier monde (WORLD-recrues.toml), le texte de
WORLD plus un [[pool]] qui nomme ce CSV ; « riposte check WORLD-recrues.toml FILE » les
accepte. Le code de sortie reste 1 : le plan écrit ne tient qu'avec les recrues. Quand K
recrues ne suffisent pas, la meilleure part atteinte est dite et rien n'est écrit.

Options :
  --replications N   réplications par plan candidat pendant la recherche (20 par défaut)
  --confirm M        réplications de la simulation de confirmation (100 par défaut, au
                     moins N)
  --threads T        fils d'exécution, de 1 à 256 (par défaut : le nombre de processeurs ;
                     sous mpirun : 1 par rang, lancez un rang par cœur)
  --seed S           graine aléatoire maîtresse (1 par défaut)
  --cost hours|eur   ce qui est minimisé : les heures des professionnels (par défaut),
                     ou les euros au taux horaire de chaque profession (médecin 105,
                     infirmier 55, chirurgien-dentiste 70, étudiant 12, bénévole 0 ; les
                     autres au hourly_eur de la section [cost] du monde), sources dans
                     docs/sizing.md
  --rates PROF=EUR,...  taux horaires (en euros par heure) qui remplacent ces valeurs
                     par défaut (avec --cost eur)
  --max-steps K      personnes ajoutées au plus (60 par défaut)
  --hours            chercher aussi les horaires et jours d'ouverture : un centre qui
                     ouvre une heure plus tôt ou ferme une heure plus tard (les vacations
                     de ce bout suivent), ou qui ouvre un jour de plus (tenu par les
                     vacations du jour ouvert le plus proche), chacun à son coût en heures
                     de professionnels, choisi par la même règle de gain par coût qu'une
                     personne de plus
  --recruit K        quand aucun plan dans les limites du vivier n'est conforme, recruter
                     jusqu'à K personnes (1 à 20), une à une, jusqu'à un plan conforme
                     (par défaut : non)
  --recruit-hours H  heures par semaine de chaque recrue, de 1 à 80 (par défaut : le plus
                     qu'une ligne du vivier de sa profession donne)
  --out FILE         où écrire le plan dimensionné (par défaut : PLAN-sized.toml à côté
                     de PLAN) ; écrit de façon atomique
  --force            remplacer FILE (et avec --recruit les fichiers des recrues) s'il existe
  --lang fr|en       langue de ce qui est affiché et de l'aide : français (par défaut)
                     ou anglais
  --quiet            rien n'est affiché ; seul le code de sortie donne l'issue
  -h, --help         afficher cette aide

Codes de sortie : 0 un plan conforme a été trouvé et écrit, 1 aucun plan dans les limites
du vivier n'est conforme (ou interruption ; avec --recruit, aussi quand le plan écrit ne
tient qu'avec les recrues), 2 entrée ou utilisation incorrecte.
)help";

constexpr std::string_view territory_fr =
    R"(riposte territory : construire un territoire à partir de la table nationale des communes

Utilisation :
  riposte territory --insee CODE[,CODE...]          [options]
  riposte territory --epci SIREN[,SIREN...]         [options]
  riposte territory --departement CODE[,CODE...]    [options]
  riposte territory --around INSEE --radius-km R    [options]
  riposte territory --all                           [options]

Choisit des communes dans la table nationale (scenarios/data/france/communes.csv : toutes
les communes françaises, populations légales INSEE 2023 en vigueur au 1er janvier 2026,
Mayotte 2017) et écrit, dans DIR :
  communes.csv  insee,name,population,lat,lon
  edges.csv     insee_a,insee_b,km,minutes : chaque commune reliée à ses k plus proches
                voisines (de façon symétrique), km = distance orthodromique x facteur de
                détour, minutes = km / vitesse x 60 ; les parties restées séparées sont
                reliées par leur liaison la plus courte (un « pont »).
Avec --world, écrit aussi world.toml et plan.toml (et pool.csv pour les grands viviers) :
un monde complet généré à partir du territoire et des chiffres ci-dessous, et un plan de
départ dimensionné pour ce vivier. Les fichiers sont écrits de façon atomique (fichier
temporaire, puis renommage).

Sélection (une et une seule) :
  --insee CODES          communes par code INSEE ou par nom, par exemple
                         --insee 57463,57039 ou --insee "Metz,Ars-sur-Moselle"
  --epci SIRENS          toutes les communes d'un ou plusieurs EPCI, par SIREN ou par nom,
                         par exemple --epci 200039865 ou --epci "Grand Angoulême"
  --departement CODES    toutes les communes d'un ou plusieurs départements, par exemple
                         57 ou 2A,2B
  --around INSEE         les communes à moins de --radius-km R km (à vol d'oiseau) de
                         cette commune (son code INSEE ou son nom, par exemple
                         --around Angoulême)
  --radius-km R          rayon pour --around, en km : plus de 0 et au plus 1000
  --all                  toute la table ; sont laissés de côté : la Polynésie française, la
                         Nouvelle-Calédonie, Wallis-et-Futuna (systèmes de santé propres,
                         hors de toute ARS), les TAAF et Clipperton, et les communes sans
                         coordonnées
  --exclude CODES        codes INSEE à retirer de la sélection

Graphe routier :
  --k N                  plus proches voisines par commune, de 1 à 50 (4 par défaut)
  --detour F             km de route par km à vol d'oiseau, de 1 à 5 (1,3 par défaut)
  --speed-kmh V          vitesse moyenne, de 5 à 200 km/h (50 par défaut)
  --max-bridge-km D      plus longue liaison ajoutée pour relier des parties séparées, en
                         km à vol d'oiseau (0 par défaut = automatique : la plus longue
                         dont le temps de trajet tient dans le format du scénario,
                         1440 minutes, soit 923 km avec les valeurs par défaut)

Sortie :
  --out DIR              où écrire (par défaut : un dossier nommé d'après --name)
  --name NAME            nom du territoire (par défaut : tiré de la sélection, par exemple
                         le nom de l'EPCI)
  --table FILE           table nationale à lire (par défaut : celle fournie)
  --world                écrire aussi world.toml et plan.toml (refuse de remplacer ceux
                         qui existent, sauf avec --force)
  --force                remplacer un world.toml / plan.toml existant (et avec --size,
                         plan-sized.toml et les fichiers des recrues)
  --lang fr|en           langue de ce qui est affiché et de l'aide : français (par défaut)
                         ou anglais
  --size                 avec --world : lancer ensuite « riposte size » sur le plan de
                         départ (10 réplications par candidat, confirmées sur 40) et écrire
                         plan-sized.toml quand un plan dans les limites du vivier respecte
                         toutes les règles, ou dire ce qu'il faut recruter
                         (docs/sizing.md) ; quelques minutes sur un petit territoire, bien
                         plus sur un département
  --recruit K            avec --size : quand aucun plan dans les limites du vivier n'est
                         conforme, recruter jusqu'à K personnes (1 à 20), une à une, jusqu'à
                         un plan conforme, et écrire les recrues (world-recrues.csv) et le
                         monde avec elles (world-recrues.toml) à côté de plan-sized.toml
                         (riposte size --recruit)

Générateur de monde (avec --world ; valeurs par défaut et leurs sources dans
docs/territories.md) :
  --pool-per-100k LIST   professionnels pour 100 000 habitants, par exemple
                         medecin=85,infirmier=150 (professions : medecin, infirmier,
                         pharmacien, sage_femme, chirurgien_dentiste,
                         masseur_kinesitherapeute, etudiant_sante, administratif, benevole)
  --pool-count LIST      volontaires par profession sur tout le territoire, par exemple
                         medecin=14,infirmier=15 (remplace la densité de ces professions)
  --volunteer-share X    part des professionnels (du médecin au kinésithérapeute) qui
                         donnent des heures aux centres, de 0 à 1 (0,25 par défaut)
  --weekly-hours H       heures données par chaque volontaire par semaine, de 0,5 à 168
                         (6 par défaut)
  --max-commute M        plus long trajet d'un volontaire, en minutes (30 par défaut)
  --retry-days N         une personne qui n'a pas trouvé de créneau cherche de nouveau
                         après N jours (3 par défaut)
  --start-date DATE      premier jour simulé, AAAA-MM-JJ (par défaut 2021-04-05, un lundi)
  --days N               jours simulés, de 7 à 730 (56 par défaut)
  --doses N              doses par personne pour chaque groupe, de 1 à 3 (2 par défaut)
  --interval-days N      jours entre deux doses pour chaque groupe (28 par défaut)
  --centres N            centres de vaccination (par défaut : un par --people-per-centre)
  --people-per-centre N  habitants par centre de vaccination (50000 par défaut)
  --per-departement      au moins un centre de vaccination et un centre de dépistage par
                         département
  --open-days DAYS       par exemple mon-sat (par défaut), mon-fri, all
  --hours H1-H2          horaires d'ouverture, en heures entières, par exemple 9-18 (par
                         défaut)
  --shift-hours N        durée d'une vacation en heures, de 1 à 12 (3 par défaut)
  --interview-lines N    médecins à l'entretien médical par vacation (par défaut :
                         d'après les médecins du vivier)
  --testing-centres N    centres de dépistage (1 par défaut ; 0 pour aucun)
  --tests-per-case X     tests demandés aux centres par cas incident (2 par défaut)
  --incidence A-B        incidence par jour pour 100 000 habitants : une vague de A
                         jusqu'à un pic B (10-40 par défaut)

Noms : un nom donné à la place d'un code est reconnu quels que soient sa casse et ses
accents, et pour un EPCI sans sa forme juridique (CA, CC, CU, Métropole, Communauté de
communes...) : « Grand Angoulême » trouve « CA du Grand Angoulême ». Il doit désigner
exactement une commune ou un EPCI ; sinon les candidats sont listés avec leurs codes et
rien n'est écrit.

Codes de sortie : 0 écrit, 1 un fichier n'a pas pu être écrit, 2 entrée ou utilisation
incorrecte.

Exemples :
  riposte territory --epci 200039865 --out metz
  riposte territory --epci "Grand Angoulême" --world
  riposte territory --around Angoulême --radius-km 15
  riposte territory --around 62510 --radius-km 8 --name "Liévin" --world --out lievin
  riposte territory --all --per-departement --people-per-centre 60000 --world --out france
)";

} // namespace

std::optional<std::string_view> french_help(std::string_view command) {
    if (command.empty()) return main_fr;
    if (command == "run") return run_fr;
    if (command == "compare") return compare_fr;
    if (command == "validate") return validate_fr;
    if (command == "size") return size_fr;
    if (command == "report") return report_fr;
    if (command == "check") return check_fr;
    if (command == "exercise") return exercise_fr;
    if (command == "territory") return territory_fr;
    if (command == "sweep") return sweep_fr;
    if (command == "merge") return merge_fr;
    if (command == "help") return help_fr;
    return std::nullopt;
}

} // namespace riposte::cli
