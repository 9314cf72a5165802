#pragma once
// What `riposte check` (and every command that reads a scenario) says about bad input: a
// section of the string table (see strings.hpp). The file:line:column and the [id] in brackets
// stay as they are; only the words are translated. Diagnostics keep both languages (see
// riposte::Bilingual in riposte/diagnostics.hpp) and are printed in the command's language.
#include "riposte/text/strings.hpp"

namespace riposte::text {

struct DiagnosticTexts {
    // severities, as printed after file:line:column
    Text error{"erreur", "error"};
    Text warning{"avertissement", "warning"};

    // TOML values of the wrong type (toml_reader.cpp)
    Text type_table{"une table", "a table"};
    Text type_array{"une liste", "an array"};
    Text type_string{"un texte", "a string"};
    Text type_integer{"un nombre entier", "a whole number"};
    Text type_decimal{"un nombre décimal", "a decimal number"};
    Text type_boolean{"true/false", "true/false"};
    Text type_date{"une date", "a date"};
    Text type_time{"une heure", "a time"};
    Text type_date_time{"une date et heure", "a date-time"};
    Text type_nothing{"rien", "nothing"};
    Text must_be_string{"{0} doit être un texte entre guillemets, trouvé : {1}",
                        "{0} must be a string in quotes, found {1}"};
    Text must_be_integer_decimal{
        "{0} doit être un nombre entier, trouvé {1} : écrivez-le sans virgule décimale",
        "{0} must be a whole number, found {1}: write it without a decimal point"};
    Text must_be_integer{"{0} doit être un nombre entier, trouvé : {1}",
                         "{0} must be a whole number, found {1}"};
    Text remove_quotes{" : retirez les guillemets", ": remove the quotes"};
    Text integer_out_of_range{"{0} = {1} est hors limites : écrivez un nombre entier de {2} à {3}",
                              "{0} = {1} is out of range: write a whole number from {2} to {3}"};
    Text must_be_number{"{0} doit être un nombre, trouvé : {1}", "{0} must be a number, found {1}"};
    Text must_be_finite{"{0} doit être un nombre fini, pas {1}",
                        "{0} must be a finite number, not {1}"};
    Text number_out_of_range_hint{"{0} = {1} est hors limites : écrivez {2}",
                                  "{0} = {1} is out of range: write {2}"};
    Text number_out_of_range{"{0} = {1} est hors limites : écrivez un nombre de {2} à {3}",
                             "{0} = {1} is out of range: write a number from {2} to {3}"};
    Text must_be_boolean{"{0} doit valoir true ou false (sans guillemets), trouvé : {1}",
                         "{0} must be true or false (without quotes), found {1}"};
    Text missing_key{"clé '{0}' manquante dans {1}", "missing key '{0}' in {1}"};
    Text add_example{" : ajoutez par exemple {0}", ": add e.g. {0}"};
    Text or_word{" ou ", " or "};
    Text not_one_of{"{0} = \"{1}\" n'est pas l'un des mots {2}{3}",
                    "{0} = \"{1}\" is not one of {2}{3}"};
    Text bad_value{"{0} incorrect : {1}", "bad {0}: {1}"};
    Text seconds_ignored{"{0} : les secondes sont ignorées ; écrivez \"HH:MM\"",
                         "{0}: seconds are ignored; write \"HH:MM\""};
    Text must_be_clock{"{0} doit être une heure entre guillemets, par exemple \"08:30\", "
                       "trouvé : {1}",
                       "{0} must be a time of day in quotes, e.g. \"08:30\", found {1}"};
    Text must_be_distribution{"{0} doit être une loi entre guillemets, par exemple "
                              "\"3 + exp(1.43)\", trouvé : {1}",
                              "{0} must be a distribution in quotes, e.g. \"3 + exp(1.43)\", "
                              "found {1}"};
    Text duration_hint{"une durée ≥ 0", "a duration >= 0"};
    Text too_long{"{0} est trop long (plus de 100000 caractères)",
                  "{0} is too long (over 100000 characters)"};
    Text bad_distribution{"loi incorrecte dans {0} : {1}", "bad distribution in {0}: {1}"};
    Text must_be_table{"{0} doit être une table ([{1}] ou { ... }), trouvé : {2}",
                       "{0} must be a table ([{1}] or { ... }), found {2}"};
    Text must_be_table_list{"{0} doit être une liste de tables, écrites [[{1}]] (une par "
                            "élément), trouvé : {2}",
                            "{0} must be a list of tables, written [[{1}]] (one per item), "
                            "found {2}"};
    Text item_must_be_table{"chaque élément de {0} doit être une table { ... }, trouvé : {1}",
                            "each item of {0} must be a table { ... }, found {1}"};
    Text wrong_file{"'{0}' va dans le fichier {1}, pas ici : déplacez-le",
                    "'{0}' belongs in the {1} file, not here: move it"};
    Text misplaced_key{"'{0}' est une clé de premier niveau, mais ici elle appartient à {1} : en "
                       "TOML, toute clé qui suit un en-tête [table] fait partie de cette table ; "
                       "placez-la au-dessus du premier en-tête [table] du fichier",
                       "'{0}' is a top-level key, but here it belongs to {1}: in TOML every key "
                       "after a [table] header is part of that table; move it above the first "
                       "[table] header of the file"};
    Text unknown_key{"clé inconnue '{0}' dans {1}", "unknown key '{0}' in {1}"};
    Text did_you_mean{" ; vouliez-vous dire '{0}' ?", "; did you mean '{0}'?"};
    Text known_keys{" ; clés connues : {0}", "; known keys: {0}"};

    // files and references (scenario_loader.cpp)
    Text toml_syntax{"erreur de syntaxe TOML : {0} ; {1}", "TOML syntax error: {0}; {1}"};
    Text toml_unreadable{"impossible d'analyser le fichier : {0}", "cannot parse the file: {0}"};
    Text unknown_ref{"nom de {0} inconnu : '{1}'", "unknown {0} '{1}'"};
    Text in_parentheses{" ({0})", " ({0})"};
    Text after_commune_errors{" (cela peut découler des erreurs de {0}, signalées plus haut : "
                              "corrigez-les d'abord)",
                              " (this may follow from the errors in {0}, reported above: fix "
                              "those first)"};
    Text empty_commune{"commune vide : écrivez son code INSEE, par exemple \"34079\", ou son nom",
                       "empty commune: write its INSEE code, e.g. \"34079\", or its name"};
    Text ambiguous_commune{"le nom de commune '{0}' est ambigu (INSEE {1}) : écrivez plutôt le "
                           "code INSEE",
                           "commune name '{0}' is ambiguous (INSEE {1}): write the INSEE code "
                           "instead"};
    Text unknown_commune{"commune inconnue '{0}'", "unknown commune '{0}'"};
    Text commune_fix{" (écrivez un code INSEE ou un nom de la table des communes du territoire)",
                     " (write an INSEE code or a name from the territory's communes table)"};
    Text cannot_read_file{"impossible de lire le fichier {0} : {1}",
                          "cannot read the {0} file: {1}"};
    Text check_path{" ; vérifiez le chemin", "; check the path"};
    Text hint_quotes{"un texte s'écrit entre guillemets, par exemple name = \"Gignac\"",
                     "text values need quotes, e.g. name = \"Gignac\""};
    Text hint_duplicate{"chaque clé et chaque [table] ne peut figurer qu'une fois : supprimez ou "
                        "renommez le doublon",
                        "each key and each [table] may appear once: remove or rename the "
                        "duplicate"};
    Text hint_utf8{"enregistrez le fichier en UTF-8", "save the file as UTF-8"};
    Text hint_close_string{"fermez le texte sur la même ligne (utilisez des guillemets \"\"\" "
                           "pour un texte sur plusieurs lignes)",
                           "close the string on the same line (use \"\"\" quotes for text over "
                           "several lines)"};
    Text hint_close_open{"fermez le texte, la liste ou la table restés ouverts",
                         "close the open string, array or table"};
    Text hint_table_header{"écrivez un en-tête de table [nom] ou [[nom]] seul sur sa ligne",
                           "write a table header as [name] or [[name]] on its own line"};
    Text hint_too_large{"le nombre est trop grand", "the number is too large"};
    Text hint_nested{"les valeurs sont imbriquées trop profondément",
                     "the values are nested too deeply"};
    Text hint_see_docs{"voir docs/scenario-format.md pour la syntaxe",
                       "see docs/scenario-format.md for the syntax"};
    // toml_precheck.cpp
    Text control_in_key{"caractère de contrôle U+00{0} dans une clé ou un en-tête de table : "
                        "supprimez-le (une clé s'écrit avec des lettres, des chiffres, '_' et "
                        "'-', ou entre guillemets)",
                        "control character U+00{0} in a key or table header: remove it (a key "
                        "is written with letters, digits, '_' and '-', or in quotes)"};
    Text too_deep{"les valeurs sont imbriquées sur plus de {0} niveaux (en comptant les parties "
                  "des clés pointées et des en-têtes de table) : les fichiers de riposte n'en "
                  "demandent que quelques-uns",
                  "the values are nested more than {0} levels deep (counting the parts of "
                  "dotted keys and table headers): riposte's files need a few levels only"};
    Text key_not_utf8{"une clé contient des octets qui ne sont pas du texte UTF-8 : enregistrez "
                      "le fichier en UTF-8 et écrivez la clé avec des lettres ASCII, des "
                      "chiffres, '_' et '-'",
                      "a key holds bytes that are not UTF-8 text: save the file as UTF-8 and "
                      "write the key with ASCII letters, digits, '_' and '-'"};
    Text non_ascii_key{"la clé '{0}' contient un caractère non ASCII ; une clé sans guillemets ne "
                       "peut contenir que des lettres ASCII, des chiffres, '_' et '-' : ",
                       "the key '{0}' has a non-ASCII character; a key without quotes may only "
                       "hold ASCII letters, digits, '_' and '-': "};
    Text without_accents{"écrivez-la sans accents ('{0}') ou ",
                         "write it without accents ('{0}') or "};
    Text put_in_quotes{"mettez-la entre guillemets (\"{0}\")", "put it in quotes (\"{0}\")"};
    // plan_reader.cpp
    Text plan_mean_zero{"'{0}' a une moyenne de 0 : une personne passe forcément un peu de temps "
                        "ici ; écrivez par exemple {1}",
                        "'{0}' has a mean of 0: a person needs some time here; write e.g. {1}"};
    Text plan_mean_over_day{"'{0}' a une moyenne de {1} heures, plus d'une journée : un nombre "
                            "sans unité est en minutes",
                            "'{0}' has a mean of {1} hours, more than a day: numbers without a "
                            "unit are minutes"};
    Text plan_staff_table{"'staff' doit être une table rôle = nombre de personnes, par exemple "
                          "staff = { reception = 2, injection = 3 } ; trouvé : {0}",
                          "'staff' must be a table of role = number of people, e.g. staff = { "
                          "reception = 2, injection = 3 }; found {0}"};
    Text plan_staff_what{"l'effectif '{0}'", "staff '{0}'"};
    Text plan_profession_not_role{"'{0}' est une profession, pas un rôle : staff compte les "
                                  "personnes par rôle (par exemple medical_interview = 1) et le "
                                  "planning choisit les professions habilitées par la table des "
                                  "compétences ; rôles : {1}",
                                  "'{0}' is a profession, not a role: staff counts people per "
                                  "role (e.g. medical_interview = 1) and the roster picks "
                                  "professions allowed by the scope table; roles: {1}"};
    Text plan_empty_station{"nom de poste vide : écrivez par exemple \"injection\"",
                            "empty station name: write e.g. \"injection\""};
    Text plan_duplicate_station{"poste '{0}' en double dans le centre '{1}' : donnez à chaque "
                                "poste son propre nom",
                                "duplicate station '{0}' in centre '{1}': give each station its "
                                "own name"};
    Text plan_shift_reversed{"la vacation finit ({0}) avant de commencer ({1}) : seul un centre "
                             "avec continuous = true a des vacations qui passent minuit ; "
                             "coupez-la en deux",
                             "the shift ends ({0}) before it starts ({1}): only a centre with "
                             "continuous = true has shifts that cross midnight; split it in two"};
    Text plan_shift_outside{"la vacation {0}-{1} est en dehors des heures d'ouverture du centre "
                            "'{2}' ({3}-{4}) : placez-la dedans, ou changez 'opens'/'closes'",
                            "the shift {0}-{1} is outside the opening hours of centre '{2}' "
                            "({3}-{4}): move it inside, or change 'opens'/'closes'"};
    Text plan_shift_overlaps{"la vacation {0}-{1} déborde des heures d'ouverture du centre '{2}' "
                             "({3}-{4}) : du personnel est prévu centre fermé",
                             "the shift {0}-{1} runs outside the opening hours of centre '{2}' "
                             "({3}-{4}): staff are rostered while the centre is closed"};
    Text plan_shift_never_runs{"la vacation a lieu les jours {0} mais le centre '{1}' ouvre les "
                               "jours {2} : elle n'aurait jamais lieu",
                               "the shift works on {0} but centre '{1}' opens on {2}: the shift "
                               "would never run"};
    Text plan_shift_some_days{"la vacation a lieu les jours {0} mais le centre '{1}' ouvre les "
                              "jours {2} : les autres jours, elle n'a pas lieu",
                              "the shift works on {0} but centre '{1}' opens on {2}: on the "
                              "other days the shift does not run"};
    Text plan_last_before_first{"'last_day' ({0}) est avant 'first_day' ({1})",
                                "'last_day' ({0}) is before 'first_day' ({1})"};
    Text plan_empty_centre{"nom de centre vide : écrivez par exemple \"Gignac\"",
                           "empty centre name: write e.g. \"Gignac\""};
    Text plan_duplicate_centre{"centre '{0}' en double : donnez à chaque centre son propre nom",
                               "duplicate centre '{0}': give each centre its own name"};
    Text plan_centre_reversed{"le centre '{0}' ferme ({1}) avant d'ouvrir ({2})",
                              "centre '{0}' closes ({1}) before it opens ({2})"};
    // world_reader.cpp
    Text world_warmup{"'warmup_days' ({0}) ne laisse aucun jour à mesurer : il doit être "
                      "inférieur à 'days' ({1})",
                      "'warmup_days' ({0}) leaves no day to measure: it must be below 'days' "
                      "({1})"};
    Text world_empty_insee{"code INSEE vide : chaque commune a besoin de son code, par exemple "
                           "\"34079\"",
                           "empty INSEE code: every commune needs its code, e.g. \"34079\""};
    Text world_duplicate_insee{"code INSEE {0} en double (déjà pris par '{1}') : chaque commune "
                               "ne doit figurer qu'une fois",
                               "duplicate INSEE code {0} (already used by '{1}'): each commune "
                               "must appear once"};
    Text world_bad_population{"population '{0}' incorrecte : écrivez un nombre entier "
                              "d'habitants",
                              "bad population '{0}': write a whole number of inhabitants"};
    Text world_no_coordinates{"la commune '{0}' ({1}) n'a pas de coordonnées : remplissez lat et "
                              "lon en degrés WGS84 (par exemple le centroïde de la commune dans "
                              "IGN ADMIN EXPRESS) ; riposte ne devine pas",
                              "commune '{0}' ({1}) has no coordinates: fill lat and lon in WGS84 "
                              "degrees (e.g. the commune's centroid from IGN ADMIN EXPRESS); "
                              "riposte does not guess"};
    Text world_empty_group{"nom de groupe vide : écrivez par exemple \"75+\"",
                           "empty group name: write e.g. \"75+\""};
    Text world_duplicate_group{"nom de groupe '{0}' en double : chaque [[group]] a besoin de son "
                               "propre nom",
                               "duplicate group name '{0}': each [[group]] needs its own name"};
    Text world_shares_over_one{"les parts des groupes de population font {0} au total, plus de "
                               "1 : une personne n'appartient qu'à un groupe, baissez les parts",
                               "the shares of the population groups add up to {0}, more than 1: "
                               "a person belongs to one group only, lower the shares"};
    Text world_bad_count{"nombre '{0}' incorrect : écrivez un nombre entier de personnes de 1 à "
                         "{1}",
                         "bad count '{0}': write a whole number of people from 1 to {1}"};
    Text world_empty_vaccine{"nom de vaccin vide : écrivez par exemple \"Comirnaty\"",
                             "empty vaccine name: write e.g. \"Comirnaty\""};
    Text world_duplicate_vaccine{"vaccin '{0}' en double : définissez-le une seule fois",
                                 "duplicate vaccine '{0}': define it once"};
    Text edge_from_unknown{"tronçon partant d'une commune inconnue '{0}' : ajoutez-la à la table "
                           "des communes ou supprimez ce tronçon",
                           "edge from unknown commune '{0}': add it to the communes table or "
                           "remove this edge"};
    Text edge_to_unknown{"tronçon menant à une commune inconnue '{0}' : ajoutez-la à la table des "
                         "communes ou supprimez ce tronçon",
                         "edge to unknown commune '{0}': add it to the communes table or remove "
                         "this edge"};
    Text self_edge{"tronçon de la commune {0} vers elle-même : supprimez-le",
                   "edge from commune {0} to itself: remove it"};
    // change_reader.cpp: change_hours
    Text hours_reversed{"'closes' ({0}) doit être après 'opens' ({1}) : les horaires d'une "
                        "journée s'écrivent par exemple opens = \"08:00\", closes = \"20:00\"",
                        "'closes' ({0}) must be after 'opens' ({1}): a day's hours are written "
                        "e.g. opens = \"08:00\", closes = \"20:00\""};
    Text to_day_before{"'to_day' ({0}) est avant 'from_day' ({1}) : écrivez le dernier jour "
                       "changé, au moins {1}",
                       "'to_day' ({0}) is before 'from_day' ({1}): write the last day changed, "
                       "at least {1}"};
    // change_reader.cpp: demand_surge
    Text surge_centre_and_people{"une hausse de la demande vise des centres ('centre') ou des "
                                 "personnes ('commune', 'group'), pas les deux : retirez "
                                 "'centre' ou 'commune'/'group'",
                                 "a demand surge targets centres ('centre') or people "
                                 "('commune', 'group'), not both: remove 'centre' or "
                                 "'commune'/'group'"};
    // plan_reader.cpp (the rest)
    Text plan_area_service{
        "un espace a une durée de séjour 'dwell', pas une durée de service 'service' : renommez "
        "'service' en 'dwell'",
        "an area has a 'dwell' time, not a 'service' time: rename 'service' to 'dwell'"};
    Text plan_area_posts{
        "'posts' s'applique à un poste de service ; un espace a une 'capacity' (des places) : "
        "renommez-la",
        "'posts' is for a station of servers; an area has a 'capacity' (places): rename it"};
    Text plan_servers_dwell{"'dwell' s'applique à kind = \"area\" ; un poste de service a une "
                            "durée 'service' : renommez-la, ou écrivez kind = \"area\"",
                            "'dwell' is for kind = \"area\"; a station of servers has a 'service' "
                            "time: rename it, or set kind = \"area\""};
    Text plan_servers_capacity{
        "'capacity' s'applique à kind = \"area\" (des places, par exemple des chaises) ; un poste "
        "de service a autant de serveurs que les vacations en prévoient : supprimez-la, ou écrivez "
        "kind = \"area\"",
        "'capacity' is for kind = \"area\" (places such as chairs); a station of servers has as "
        "many servers as the shifts staff: remove it, or set kind = \"area\""};
    Text plan_area_dose{"un espace ne peut pas administrer la dose : mettez gives_dose sur le "
                        "poste d'injection (kind = \"servers\")",
                        "an area cannot give the dose: set gives_dose on the injection station "
                        "(kind = \"servers\")"};
    Text plan_dose_not_vaccinating{"le centre '{0}' ne vaccine pas (kind = \"testing\") : retirez "
                                   "gives_dose ou changez le type du centre",
                                   "centre '{0}' does not vaccinate (kind = \"testing\"): remove "
                                   "gives_dose or change the centre's kind"};
    Text plan_testing_flow_dose{"un poste avec flow = \"testing\" ne peut pas administrer la dose "
                                ": écrivez flow = \"vaccination\" ou \"both\"",
                                "a station with flow = \"testing\" cannot give the dose: set flow "
                                "= \"vaccination\" or \"both\""};
    Text plan_area_sample{"un espace ne peut pas faire le prélèvement : mettez takes_sample sur le "
                          "poste de prélèvement (kind = \"servers\")",
                          "an area cannot take the sample: set takes_sample on the swab station "
                          "(kind = \"servers\")"};
    Text plan_sample_not_testing{"le centre '{0}' ne teste pas (kind = \"vaccination\") : retirez "
                                 "takes_sample ou changez le type du centre",
                                 "centre '{0}' does not test (kind = \"vaccination\"): remove "
                                 "takes_sample or change the centre's kind"};
    Text plan_vaccination_flow_sample{"un poste avec flow = \"vaccination\" ne peut pas faire le "
                                      "prélèvement : écrivez flow = \"testing\" ou \"both\"",
                                      "a station with flow = \"vaccination\" cannot take the "
                                      "sample: set flow = \"testing\" or \"both\""};
    Text plan_flow_vaccination_only_tests{
        "flow = \"vaccination\" dans le centre '{0}', qui ne fait que tester : aucun patient ne "
        "passerait ici",
        "flow = \"vaccination\" in centre '{0}', which only tests: no patient would pass here"};
    Text plan_flow_testing_only_vaccinates{
        "flow = \"testing\" dans le centre '{0}', qui ne fait que vacciner : aucun patient ne "
        "passerait ici",
        "flow = \"testing\" in centre '{0}', which only vaccinates: no patient would pass here"};
    Text plan_shift_staffs_nobody{
        "cette vacation n'affecte personne : donnez un effectif à au moins un rôle, par exemple "
        "staff = { injection = 2 }",
        "this shift staffs nobody: give at least one role a count, e.g. staff = { injection = 2 }"};
    Text plan_by_station_table{
        "'by_station' doit être une table poste = nombre de personnes, par exemple by_station = { "
        "\"injection 1\" = 2, \"injection 2\" = 1 } ; trouvé : {0}",
        "'by_station' must be a table of station = number of people, e.g. by_station = { "
        "\"injection 1\" = 2, \"injection 2\" = 1 }; found {0}"};
    Text plan_station_no_role{"le poste '{0}' n'a pas de rôle : personne n'y est affecté",
                              "station '{0}' has no role: nobody is placed there"};
    Text plan_by_station_sum{
        "by_station affecte {0} {1} mais staff en prévoit {2} : donnez le même nombre, ou "
        "seulement by_station",
        "by_station places {0} {1} but staff gives {2}: give the same number, or only by_station"};
    Text plan_shift_days_outside{"les {0} de la vacation ne rencontrent pas les {1} du centre",
                                 "the shift's {0} do not meet the centre's {1}"};
    Text plan_centre_opens_late{
        "le centre '{0}' ouvre le jour {1}, après le dernier jour simulé ({2})",
        "centre '{0}' opens on day {1}, after the last simulated day ({2})"};
    Text plan_continuous_hours{
        "le centre '{0}' a continuous = true : il est ouvert de 00:00 à 24:00 ses jours "
        "d'ouverture ; retirez '{1}'",
        "centre '{0}' has continuous = true: it is open 00:00-24:00 on its days; remove '{1}'"};
    Text plan_key_ignored_kind{"'{0}' est ignoré : le centre '{1}' a kind = \"{2}\"",
                               "'{0}' is ignored: centre '{1}' has kind = \"{2}\""};
    Text plan_key_ignored_walk_in{"'{0}' est ignoré : le centre '{1}' a walk_in_only = true (pas "
                                  "de créneaux ; on y vient sans rendez-vous)",
                                  "'{0}' is ignored: centre '{1}' has walk_in_only = true (no "
                                  "slots; people come without an appointment)"};
    Text plan_hourly_profile_24{"'hourly_profile' doit être une liste de 24 poids, un par heure de "
                                "00:00 à 23:00, par exemple [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, ...]",
                                "'hourly_profile' must be an array of 24 weights, one per hour "
                                "from 00:00 to 23:00, e.g. [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, ...]"};
    Text plan_hourly_profile_zero{
        "'hourly_profile' n'a aucun poids : donnez un poids à au moins une heure",
        "'hourly_profile' has no weight: give some hour a weight"};
    Text plan_pcr_delay_ignored{"'pcr_result_delay' est ignoré : le centre '{0}' ne fait que des "
                                "tests antigéniques (test_type = \"antigen\")",
                                "'pcr_result_delay' is ignored: centre '{0}' does antigen tests "
                                "only (test_type = \"antigen\")"};
    Text plan_too_many_stations{"le centre '{0}' a {1} postes ; 64 au plus",
                                "centre '{0}' has {1} stations; at most 64"};
    Text plan_too_many_shifts{"le centre '{0}' a {1} vacations ; 1000 au plus",
                              "centre '{0}' has {1} shifts; at most 1000"};
    Text plan_no_dose_station{"le centre '{0}' vaccine mais aucun poste n'administre la dose : "
                              "ajoutez gives_dose = true au poste d'injection",
                              "centre '{0}' vaccinates but no station gives the dose: add "
                              "gives_dose = true to the injection station"};
    Text plan_no_sample_station{"le centre '{0}' teste mais aucun poste ne fait le prélèvement : "
                                "ajoutez takes_sample = true au poste de prélèvement",
                                "centre '{0}' tests but no station takes the sample: add "
                                "takes_sample = true to the swab station"};
    Text plan_several_dose_stations{"le centre '{0}' a plusieurs postes avec gives_dose = true : "
                                    "une personne reçoit une dose par passage, gardez-en un",
                                    "centre '{0}' has several stations with gives_dose = true: a "
                                    "person gets one dose per visit, keep one"};
    Text plan_several_sample_stations{
        "le centre '{0}' a plusieurs postes avec takes_sample = true : gardez-en un",
        "centre '{0}' has several stations with takes_sample = true: keep one"};
    Text plan_no_one_qualified{
        "le poste '{0}' du centre '{1}' demande le rôle '{2}', mais personne dans le vivier ne "
        "peut le tenir : la simulation ne servirait personne ici ; {3}",
        "station '{0}' of centre '{1}' needs role '{2}', but no one in the pool may fill it: the "
        "run would serve nobody here; {3}"};
    Text plan_role_several_stations{
        "le rôle '{0}' tient {1} postes du centre '{2}' ({3}) : dites combien de personnes vont à "
        "chacun, par exemple by_station = { {4} = 1, ... }",
        "role '{0}' staffs {1} stations of centre '{2}' ({3}): say how many people go to each, "
        "e.g. by_station = { {4} = 1, ... }"};
    Text plan_station_unstaffed{
        "le poste '{0}' demande le rôle '{1}' mais aucune vacation du centre '{2}' ne le pourvoit "
        ": ajoutez {1} = 1 (ou plus) à l'effectif d'une vacation",
        "station '{0}' needs role '{1}' but no shift of centre '{2}' staffs it: add {1} = 1 (or "
        "more) to a shift's staff"};
    Text plan_no_testing_demand{"le centre '{0}' teste, mais le monde n'a pas de demande de tests "
                                ": donnez à [testing] une courbe d'incidence et tests_per_case",
                                "centre '{0}' tests, but the world has no testing demand: give "
                                "[testing] an incidence curve and tests_per_case"};
    Text plan_threshold_other_kind{"'{0}' ne s'applique pas à un objectif {1} : utilisez '{2}'",
                                   "'{0}' does not apply to a {1} target: use '{2}'"};
    Text plan_key_target_only{"'{0}' ne s'applique qu'aux objectifs {1} : retirez-la",
                              "'{0}' applies to {1} targets only: remove it"};
    Text plan_by_day_late{"'by_day' = {0} est après le dernier jour simulé ({1})",
                          "'by_day' = {0} is after the last simulated day ({1})"};
    Text plan_stress_missing{
        "impossible de lire le fichier d'exercice '{0}' : aucun fichier de ce nom ; les chemins "
        "sont relatifs au dossier du plan",
        "cannot read exercise file '{0}': no such file; paths are relative to the plan's folder"};
    Text plan_empty_team{"nom d'équipe vide : écrivez par exemple \"Équipe mobile\"",
                         "empty team name: write e.g. \"Équipe mobile\""};
    Text plan_duplicate_team{"équipe mobile '{0}' en double : donnez à chacune son propre nom",
                             "duplicate mobile team '{0}': give each its own name"};
    Text plan_team_centre_name{
        "l'équipe mobile '{0}' porte le nom d'un centre : donnez-lui son propre nom",
        "mobile team '{0}' has the name of a centre: give it its own name"};
    Text plan_team_day_reversed{"la journée de l'équipe finit ({0}) avant de commencer ({1})",
                                "the team's day ends ({0}) before it starts ({1})"};
    Text plan_commune_twice{"la commune '{0}' figure deux fois dans la tournée",
                            "commune '{0}' is listed twice in the round"};
    Text plan_communes_list{"'communes' doit être une liste de communes (codes INSEE ou noms), par "
                            "exemple [\"34142\", \"Le Caylar\"] ; trouvé : {0}",
                            "'communes' must be a list of communes (INSEE codes or names), e.g. "
                            "[\"34142\", \"Le Caylar\"]; found {0}"};
    Text plan_team_needs_role{
        "l'équipe mobile '{0}' a besoin du rôle '{1}' pour sortir mais son effectif n'en compte "
        "aucun : ajoutez {1} = 1",
        "mobile team '{0}' needs role '{1}' to go out but its staff has none: add {1} = 1"};
    Text plan_when_table{"'when' doit être une table comme { queue_above = 40, for_minutes = 30 }",
                         "'when' must be a table such as { queue_above = 40, for_minutes = 30 }"};
    Text plan_when_one{"'when' prend une seule condition : queue_above (avec for_minutes), "
                       "stock_below_days, at ou incidence_above",
                       "'when' takes one condition: queue_above (with for_minutes), "
                       "stock_below_days, at or incidence_above"};
    Text plan_then_list{"'then' doit être une liste de décisions comme [ { add_line = { role = "
                        "\"injection\", people = 1 } } ]",
                        "'then' must be a list of decisions such as [ { add_line = { role = "
                        "\"injection\", people = 1 } } ]"};
    Text plan_then_item{"chaque décision de 'then' est un seul type avec ses champs, par exemple { "
                        "add_line = { role = \"injection\", people = 1 } } ou { call_reserve = { "
                        "profession = \"infirmier\", people = 2 } }",
                        "each decision of 'then' is one kind with its fields, e.g. { add_line = { "
                        "role = \"injection\", people = 1 } } or { call_reserve = { profession = "
                        "\"infirmier\", people = 2 } }"};
    Text plan_not_a_decision{
        "'{0}' n'est pas une décision{1} ; les décisions sont add_line, call_reserve, "
        "set_centre_open, reallocate_doses, change_booking, message, ...",
        "'{0}' is not a decision{1}; decisions are add_line, call_reserve, set_centre_open, "
        "reallocate_doses, change_booking, message, ..."};
    Text plan_too_many_centres{"le plan a {0} centres, plus que les {1} qu'accepte riposte",
                               "the plan has {0} centres, more than the {1} riposte accepts"};
    Text plan_too_many_teams{"le plan a {0} équipes mobiles ; 1000 au plus",
                             "the plan has {0} mobile teams; at most 1000"};
    Text plan_delivery_unknown_centre{"livraison à un centre inconnu '{0}'{1} (centres du plan : "
                                      "{2}) ; ou omettez 'centre' pour livrer au dépôt",
                                      "delivery to unknown centre '{0}'{1} (centres of the plan: "
                                      "{2}); or leave 'centre' out to deliver to the depot"};
    Text plan_delivery_not_vaccinating{"livraison au centre '{0}', qui ne vaccine pas : envoyez-la "
                                       "à un centre de vaccination ou au dépôt",
                                       "delivery to centre '{0}', which does not vaccinate: send "
                                       "it to a vaccination centre or to the depot"};
    Text plan_delivery_vaccine{"livraison de {0} au centre '{1}', qui utilise {2} : changez le "
                               "vaccin de la livraison ou celui du centre",
                               "delivery of {0} to centre '{1}', which uses {2}: change the "
                               "delivery's vaccine or the centre's"};
    Text plan_shares_over_one{
        "les parts d'allocation des centres et équipes mobiles qui utilisent {0} font plus de 1 au "
        "total ({1} à ce stade) : chaque part est une fraction des livraisons au dépôt, "
        "baissez-les pour que leur somme ne dépasse pas 1",
        "the allocation shares of the centres and mobile teams using {0} add up to more than 1 "
        "({1} so far): each share is a part of the depot's deliveries, lower them so that they sum "
        "to 1 at most"};
    Text plan_depot_unused{"aucun centre ni équipe mobile du plan ne prend de {0} au dépôt : ces "
                           "doses ne seront pas utilisées",
                           "no centre or mobile team of the plan takes {0} from the depot: these "
                           "doses will not be used"};
    Text plan_shares_under_one{
        "les parts d'allocation des centres et équipes mobiles qui utilisent {0} font {1} au "
        "total, pas 1 : les livraisons au dépôt sont réparties au prorata",
        "the allocation shares of the centres and mobile teams using {0} add up to {1}, not 1: "
        "depot deliveries are shared in proportion to them"};
    Text plan_team_no_doses{
        "l'équipe mobile '{0}' ne reçoit aucune dose du dépôt : fixez son allocation_share, par "
        "exemple 0.01",
        "mobile team '{0}' gets no doses from the depot: set its allocation_share, e.g. 0.01"};
    Text plan_centre_no_doses{"le centre de vaccination '{0}' ne reçoit aucune dose : ajoutez une "
                              "[[delivery]] de son vaccin dans le fichier du monde",
                              "vaccination centre '{0}' receives no doses: add a [[delivery]] of "
                              "its vaccine in the world file"};
    // plan_reader.cpp: helpers
    Text roles_of_scope{"rôles de la table des compétences : {0}", "roles of the scope table: {0}"};
    Text stations_of_centre{"postes du centre '{0}' : {1}", "stations of centre '{0}': {1}"};
    Text groups_of_world{"groupes du monde : {0} ; omettez 'group' pour viser tout le monde",
                         "groups of the world: {0}; leave 'group' out for everyone"};
    Text plan_scope_allows_none{
        "la table des compétences n'autorise aucune profession pour ce rôle",
        "the scope table allows no profession for it"};
    Text plan_add_to_pool{"ajoutez au vivier des personnes (avec des heures par semaine) d'une "
                          "profession que la table des compétences autorise pour ce rôle : {0}",
                          "add to the pool people (with weekly hours) of a profession the scope "
                          "table allows for it: {0}"};
    Text each_item_of{"chaque élément de {0}", "each item of {0}"};
    Text mobile_team_named{"l'équipe mobile '{0}'", "mobile team '{0}'"};
    Text centre_named{"le centre '{0}'", "centre '{0}'"};
    Text days_to_end{"jours {0} à la fin", "days {0}-end"};
    Text days_range{"jours {0} à {1}", "days {0}-{1}"};
    // world_reader.cpp (the rest)
    Text world_empty_file_name{
        "nom de fichier vide pour '{0}' : écrivez un chemin, par exemple \"{0}.csv\"",
        "empty file name for {0}: write a path, e.g. \"{0}.csv\""};
    Text world_cannot_read_csv{
        "impossible de lire {0} '{1}' : {2} ; les chemins sont relatifs au dossier de {3}",
        "cannot read {0} '{1}': {2}; paths are relative to the directory of {3}"};
    Text world_bad_start_date{"'start_date' incorrecte : {0}", "bad 'start_date': {0}"};
    Text world_start_date_type{"'start_date' doit être une date comme 2021-04-05, trouvé : {0}",
                               "'start_date' must be a date such as 2021-04-05, found {0}"};
    Text world_population_range{
        "la population {0} est hors limites : écrivez un nombre entier de 0 à {1}",
        "population {0} is out of range: write a whole number from 0 to {1}"};
    Text world_empty_commune_name{
        "nom de commune vide pour le code INSEE {0} : écrivez le nom de la commune",
        "empty commune name for INSEE {0}: write the commune's name"};
    Text world_bad_lat{"latitude '{0}' incorrecte : écrivez des degrés décimaux de -90 à 90",
                       "bad latitude '{0}': write decimal degrees from -90 to 90"};
    Text world_bad_lon{"longitude '{0}' incorrecte : écrivez des degrés décimaux de -180 à 180",
                       "bad longitude '{0}': write decimal degrees from -180 to 180"};
    Text world_communes_no_rows{
        "le fichier des communes '{0}' n'a aucune ligne de données : ajoutez au moins une commune",
        "the communes file '{0}' has no data rows: add at least one commune"};
    Text world_too_many_communes{"trop de communes ({0}) : {1} au plus",
                                 "too many communes ({0}): at most {1}"};
    Text world_commune_table{"chaque commune doit être une table {insee = \"...\", name = \"...\", "
                             "population = ..., lat = ..., lon = ...}, trouvé : {0}",
                             "each commune must be a table {insee = \"...\", name = \"...\", "
                             "population = ..., lat = ..., lon = ...}, found {0}"};
    Text world_insee_quotes{"écrivez le code INSEE comme un texte entre guillemets (des codes "
                            "comme \"01001\" et \"2A004\" ne sont pas des nombres)",
                            "write the INSEE code as a string in quotes (codes such as \"01001\" "
                            "and \"2A004\" are not numbers)"};
    Text world_bad_km{
        "distance '{0}' incorrecte : écrivez des kilomètres de 0 à 5000, par exemple 7.5",
        "bad distance '{0}': write kilometres from 0 to 5000, e.g. 7.5"};
    Text world_bad_minutes{
        "temps de trajet '{0}' incorrect : écrivez des minutes de 0 à 1440, par exemple 9.5",
        "bad travel time '{0}': write minutes from 0 to 1440, e.g. 9.5"};
    Text world_edge_table{"chaque tronçon doit être une table {insee_a = \"...\", insee_b = "
                          "\"...\", km = ..., minutes = ...}, trouvé : {0}",
                          "each edge must be a table {insee_a = \"...\", insee_b = \"...\", km = "
                          "..., minutes = ...}, found {0}"};
    Text world_graph_parts{
        "le réseau routier a {0} parties séparées : par exemple {1} est inaccessible depuis {2} ; "
        "ajoutez des tronçons pour les relier (ou, pour des îles, écrivez allow_separate_parts = "
        "true dans [territory])",
        "the road graph has {0} separate parts: e.g. {1} cannot be reached from {2}; add edges to "
        "join them (or, for islands, set allow_separate_parts = true in [territory])"};
    Text world_communes_type{"'communes' doit être un nom de fichier CSV comme \"communes.csv\", "
                             "ou une liste de tables [[territory.communes]] ; trouvé : {0}",
                             "'communes' must be a CSV file name such as \"communes.csv\", or a "
                             "list of tables [[territory.communes]]; found {0}"};
    Text world_territory_population{"la population du territoire ({0}) dépasse les {1} qu'accepte "
                                    "riposte : vérifiez la colonne population",
                                    "the territory's population ({0}) exceeds the {1} riposte "
                                    "accepts: check the population column"};
    Text world_edges_type{"'edges' doit être un nom de fichier CSV comme \"edges.csv\", ou une "
                          "liste de tables [[territory.edges]] ; trouvé : {0}",
                          "'edges' must be a CSV file name such as \"edges.csv\", or a list of "
                          "tables [[territory.edges]]; found {0}"};
    Text world_edges_missing{
        "clé 'edges' manquante dans [territory] : un territoire de plusieurs communes a besoin de "
        "son réseau routier, par exemple edges = \"edges.csv\"",
        "missing key 'edges' in [territory]: a territory of several communes needs its road graph, "
        "e.g. edges = \"edges.csv\""};
    Text world_group_late{"le groupe '{0}' devient éligible le jour {1}, après le dernier jour "
                          "simulé ({2}) : personne n'y prendra rendez-vous",
                          "group '{0}' becomes eligible on day {1}, after the last simulated day "
                          "({2}): nobody in it will book"};
    Text world_booking_delay_short{
        "'booking_delay' a une moyenne de moins d'une heure ; un nombre sans unité est en minutes "
        ": vouliez-vous dire des jours, par exemple \"exp(3) d\" ?",
        "'booking_delay' has a mean under one hour; numbers without a unit are minutes: did you "
        "mean days, e.g. \"exp(3) d\"?"};
    Text world_pool_file_alone{
        "un [[pool]] avec 'file' ne prend aucune autre clé : le fichier CSV porte les colonnes ; "
        "mettez '{0}' dans le fichier ou dans son propre [[pool]]",
        "a [[pool]] with 'file' takes no other key: the CSV file holds the columns; put '{0}' in "
        "the file or in its own [[pool]]"};
    Text world_pool_file_type{
        "'file' doit être un nom de fichier CSV entre guillemets, par exemple \"pool.csv\" ; "
        "trouvé : {0}",
        "'file' must be a CSV file name in quotes, e.g. \"pool.csv\"; found {0}"};
    Text world_bad_weekly_hours{
        "weekly_hours '{0}' incorrect : écrivez des heures par semaine de 0,5 à 168",
        "bad weekly_hours '{0}': write hours per week from 0.5 to 168"};
    Text world_bad_days_csv{"jours incorrects : {0} (mettez entre guillemets une liste qui "
                            "contient des virgules : \"mon,wed\")",
                            "bad days: {0} (quote a list that holds commas: \"mon,wed\")"};
    Text world_bad_commute{"max_commute_minutes '{0}' incorrect : écrivez des minutes de 0 à 600",
                           "bad max_commute_minutes '{0}': write minutes from 0 to 600"};
    Text world_bad_on_call{
        "on_call '{0}' incorrect : écrivez true (une réserve d'astreinte) ou false",
        "bad on_call '{0}': write true (a reserve on call) or false"};
    Text world_bad_call_in{"call_in_minutes '{0}' incorrect : écrivez des minutes de 0 à 600",
                           "bad call_in_minutes '{0}': write minutes from 0 to 600"};
    Text world_pool_type{
        "'pool' doit être des tables [[pool]] ou un nom de fichier CSV comme \"pool.csv\" ; trouvé "
        ": {0}",
        "'pool' must be [[pool]] tables or a CSV file name such as \"pool.csv\"; found {0}"};
    Text world_pool_too_big{"le vivier compte {0} personnes, plus que les {1} qu'accepte riposte",
                            "the pool holds {0} people, more than the {1} riposte accepts"};
    Text world_delivery_late{
        "livraison le jour {0}, après le dernier jour simulé ({1}) : elle n'arrive jamais",
        "delivery on day {0}, after the last simulated day ({1}): it never arrives"};
    Text world_delivery_empty_centre{"nom de centre vide : nommez un [[centre]] du plan, ou "
                                     "omettez 'centre' pour livrer au dépôt",
                                     "empty centre name: name a [[centre]] of the plan, or leave "
                                     "'centre' out to deliver to the depot"};
    Text world_incidence_key_column{"le fichier d'incidence a besoin d'exactement une des colonnes "
                                    "'day' (0 = premier jour simulé) ou 'date' (AAAA-MM-JJ)",
                                    "the incidence file needs exactly one of the columns 'day' (0 "
                                    "= first simulated day) or 'date' (YYYY-MM-DD)"};
    Text world_bad_curve_day{
        "jour '{0}' incorrect : écrivez un numéro de jour de 0 (la date de début) à {1}",
        "bad day '{0}': write a day index from 0 (the start date) to {1}"};
    Text world_bad_curve_date{"date '{0}' incorrecte : {1}", "bad date '{0}': {1}"};
    Text world_bad_incidence{"incidence '{0}' incorrecte : écrivez {1}",
                             "bad incidence '{0}': write {1}"};
    Text world_curve_day_twice{
        "le jour {0} figure deux fois (d'abord à la ligne {1}) : gardez une seule ligne",
        "day {0} appears twice (first on line {1}): keep one row"};
    Text world_hourly_24{"'hourly_profile' demande 24 nombres (heures 0 à 23), trouvé : {0}",
                         "'hourly_profile' needs 24 numbers (hours 0 to 23), found {0}"};
    Text world_hour_of_profile{"l'heure {0} de 'hourly_profile'", "hour {0} of 'hourly_profile'"};
    Text world_hourly_zero{
        "'hourly_profile' ne contient que des zéros : donnez un poids > 0 aux heures où l'on vient "
        "se faire tester",
        "'hourly_profile' is all zeros: give a weight > 0 to the hours people come to test"};
    Text world_hourly_type{"'hourly_profile' doit être une liste de 24 nombres, trouvé : {0}",
                           "'hourly_profile' must be a list of 24 numbers, found {0}"};
    Text world_incidence_too_long{"'incidence' a {0} jours, plus que {1}",
                                  "'incidence' has {0} days, more than {1}"};
    Text world_day_of_incidence{"le jour {0} de 'incidence'", "day {0} of 'incidence'"};
    Text world_incidence_type{
        "'incidence' doit être un nom de fichier CSV comme \"incidence.csv\" ou une liste de "
        "valeurs quotidiennes pour 100 000 habitants ; trouvé : {0}",
        "'incidence' must be a CSV file name such as \"incidence.csv\" or a list of daily numbers "
        "per 100,000; found {0}"};
    Text world_seir_too_many{
        "[testing.seir] : plus de personnes contagieuses au départ que de personnes qui peuvent "
        "être infectées ; baissez initial_infectious ou immune_share",
        "[testing.seir]: more initial infectious people than people who can be infected; lower "
        "initial_infectious or immune_share"};
    Text world_seir_and_curve{
        "[testing.seir] et 'incidence' donnent tous deux la courbe épidémique : gardez-en un",
        "[testing.seir] and 'incidence' both give the epidemic curve: keep one"};
    Text world_no_vaccine{"{0} a besoin d'un vaccin mais le monde ne définit aucun [[vaccine]] : "
                          "ajoutez-en un, par exemple [[vaccine]] name = \"Comirnaty\"",
                          "{0} needs a vaccine but the world defines no [[vaccine]]: add one, e.g. "
                          "[[vaccine]] name = \"Comirnaty\""};
    Text world_vaccine_missing{
        "clé 'vaccine' manquante dans {0} : le monde a plusieurs vaccins, nommez l'un de {1}",
        "missing key 'vaccine' in {0}: the world has several vaccines, name one of {1}"};
    // world_reader.cpp: helpers
    Text world_pool_professions{"les professions sont celles de la table des compétences : {0}",
                                "professions are those of the scope table: {0}"};
    Text world_define_vaccine{"définissez-le avec [[vaccine]]", "define it with [[vaccine]]"};
    Text world_vaccines_of{"vaccins du monde : {0}", "vaccines of the world: {0}"};
    Text world_the_delivery{"la [[delivery]]", "[[delivery]]"};
    // scope_reader.cpp
    Text scope_names_list{"'{0}' doit être une liste de noms, par exemple {1}, trouvé : {2}",
                          "'{0}' must be a list of names, e.g. {1}, found {2}"};
    Text scope_too_many_names{"'{0}' compte {1} noms, plus que {2}",
                              "'{0}' lists {1} names, more than {2}"};
    Text scope_empty_name{"nom vide dans '{0}'", "empty name in '{0}'"};
    Text scope_role_table{
        "'role.{0}' doit être une table [scope.role.{0}] avec allowed = [...], trouvé : {1}",
        "'role.{0}' must be a table [scope.role.{0}] with allowed = [...], found {1}"};
    Text scope_profession_table{"'profession.{0}' doit être une table [scope.profession.{0}] avec "
                                "display_name = \"...\", trouvé : {1}",
                                "'profession.{0}' must be a table [scope.profession.{0}] with "
                                "display_name = \"...\", found {1}"};
    Text scope_duplicate{"{0} '{1}' en double : ne l'indiquez qu'une fois",
                         "duplicate {0} '{1}': list it once"};
    Text scope_profession_twice{"la profession '{0}' figure deux fois pour ce rôle : gardez-la une "
                                "fois, dans 'allowed' ou dans 'supervised'",
                                "profession '{0}' is listed twice for this role: keep it once, in "
                                "'allowed' or in 'supervised'"};
    Text scope_star_once{"'*' ne peut figurer qu'une fois par rôle",
                         "'*' may appear once per role"};
    Text scope_unknown_profession{"profession inconnue '{0}'{1} (professions : {2})",
                                  "unknown profession '{0}'{1} (professions: {2})"};
    Text scope_bundled_empty{"la table des compétences intégrée n'a ni professions ni rôles",
                             "the bundled scope table has no professions or roles"};
    Text scope_cannot_read{"impossible de lire le fichier de compétences '{0}' : {1}",
                           "cannot read scope file '{0}': {1}"};
    Text scope_type{
        "'scope' doit être une table [scope] ou le nom d'un fichier TOML qui en contient une, "
        "trouvé : {0}",
        "'scope' must be a [scope] table or the name of a TOML file holding one, found {0}"};
    Text scope_professions_empty{"'professions' est vide : indiquez au moins une profession",
                                 "'professions' is empty: list at least one profession"};
    Text scope_roles_empty{"'roles' est vide : indiquez au moins un rôle",
                           "'roles' is empty: list at least one role"};
    Text scope_role_not_listed{"[scope.role.{0}] n'est pas l'un des rôles{1} (rôles : {2}) ; "
                               "ajoutez-le à 'roles' ou corrigez le nom",
                               "[scope.role.{0}] is not one of the roles{1} (roles: {2}); add it "
                               "to 'roles' or fix the name"};
    Text scope_profession_not_listed{
        "[scope.profession.{0}] n'est pas l'une des professions{1} (professions : {2})",
        "[scope.profession.{0}] is not one of the professions{1} (professions: {2})"};
    Text scope_role_no_table{
        "le rôle '{0}' n'a pas de table [scope.role.{0}], donc aucune profession ne peut le tenir "
        ": ajoutez-en une avec allowed = [\"...\"]",
        "role '{0}' has no [scope.role.{0}] table, so no profession may fill it: add one with "
        "allowed = [\"...\"]"};
    Text scope_role_empty{
        "aucune profession ne peut tenir le rôle '{0}' : indiquez-en au moins une dans allowed = "
        "[...]",
        "no profession may fill role '{0}': list at least one in allowed = [...]"};
    Text scope_role_empty_removed{
        "aucune profession ne peut tenir le rôle '{0}' : indiquez-en au moins une dans allowed = "
        "[...] (les professions qu'il avait ont été retirées)",
        "no profession may fill role '{0}': list at least one in allowed = [...] (the professions "
        "it had were removed)"};
    Text scope_supervised_no_medecin{
        "le rôle '{0}' a des professions sous supervision, qui demandent un médecin sur place, "
        "mais il n'y a pas de profession 'medecin' : ajoutez-la à 'professions'",
        "role '{0}' has supervised professions, which need a médecin on site, but there is no "
        "profession 'medecin': add it to 'professions'"};
    // change_reader.cpp
    Text change_empty{"{0} est vide : écrivez par exemple {1}", "{0} is empty: write e.g. {1}"};
    Text change_names_list{"{0} doit être une liste non vide de noms : écrivez par exemple {1}",
                           "{0} must be a non-empty array of names: write e.g. {1}"};
    Text change_empty_name{"{0} contient un nom vide", "{0} holds an empty name"};
    Text change_positive{"{0} = {1} doit être supérieur à 0", "{0} = {1} must be more than 0"};
    Text change_trigger_from{
        "dans un [[trigger]], la ligne démarre quand le déclencheur se produit : omettez 'from'",
        "in a [[trigger]] the line starts when the trigger fires: leave 'from' out"};
    Text change_from_missing{
        "clé 'from' manquante dans {0} : ajoutez par exemple from = \"J3 14:00\"",
        "missing key 'from' in {0}: add e.g. from = \"J3 14:00\""};
    Text change_from_before_at{
        "'from' ({0}) est avant 'at' ({1}) : un changement ne peut pas agir dans le passé",
        "'from' ({0}) is before 'at' ({1}): a change cannot act in the past"};
    Text change_trigger_leave_at{
        "dans un [[trigger]], les personnes partent quand le déclencheur se produit : omettez "
        "'leave_at'",
        "in a [[trigger]] the people leave when the trigger fires: leave 'leave_at' out"};
    Text change_leave_at_before_at{
        "'leave_at' ({0}) est avant 'at' ({1}) : un changement ne peut pas agir dans le passé",
        "'leave_at' ({0}) is before 'at' ({1}): a change cannot act in the past"};
    Text change_reopen_no_end{
        "une réouverture n'a pas de fin : 'until' et 'for' sont pour open = false",
        "reopening takes no end: 'until' and 'for' are for open = false"};
    Text change_until_and_for{"écrivez 'until' ou 'for', pas les deux",
                              "write 'until' or 'for', not both"};
    Text change_trigger_until{
        "un [[trigger]] se déclenche à un moment inconnu d'avance : écrivez 'for' (une durée à "
        "partir du déclenchement, par exemple for = \"4h\") au lieu de 'until'",
        "a [[trigger]] fires at a time not known in advance: write 'for' (a duration from when it "
        "fires, e.g. for = \"4h\") instead of 'until'"};
    Text change_until_before{"'until' ({0}) doit être après {1} ({2})",
                             "'until' ({0}) must be after {1} ({2})"};
    Text change_for_without_at{
        "'for' a besoin d'un moment de départ : écrivez plutôt 'until' (par exemple until = \"J5 "
        "08:00\")",
        "'for' needs a moment to count from: write 'until' (e.g. until = \"J5 08:00\") instead"};
    Text change_from_day_missing{
        "clé 'from_day' manquante dans {0} : ajoutez par exemple from_day = 3",
        "missing key 'from_day' in {0}: add e.g. from_day = 3"};
    Text change_from_day_before_at{"'from_day' = {0} est avant le jour de 'at' (J{1})",
                                   "'from_day' = {0} is before the day of 'at' (J{1})"};
    Text change_for_positive{"'for' doit valoir plus de 0 jour", "'for' must be more than 0 days"};
    Text change_bad_for{"'for' incorrect : {0}", "bad 'for': {0}"};
    Text change_for_type{
        "'for' doit être une durée comme \"2h30\" ou un nombre de jours, trouvé : {0}",
        "'for' must be a duration such as \"2h30\" or a number of days, found {0}"};
    Text change_day_time_type{
        "{0} doit être un jour et une heure entre guillemets, par exemple \"J3 14:00\", trouvé : "
        "{1}",
        "{0} must be a day and a time in quotes, e.g. \"J3 14:00\", found {1}"};
    Text change_centre_empty{"{0} est vide : écrivez le nom d'un centre, \"*\" pour tous les "
                             "centres, ou un sélecteur comme { largest = true }",
                             "{0} is empty: write a centre's name, \"*\" for every centre, or a "
                             "selector such as { largest = true }"};
    Text change_centre_type{"{0} doit être le nom d'un centre entre guillemets, \"*\", ou un "
                            "sélecteur comme { largest = true }, trouvé : {1}",
                            "{0} must be a centre's name in quotes, \"*\", or a selector such as { "
                            "largest = true }, found {1}"};
    Text change_one_selector{
        "{0} doit contenir exactement un sélecteur : { largest = true }, { nearest_to = \"34114\" "
        "}, { kind = \"vaccination\" } ou { name = \"Gignac\" }",
        "{0} must hold exactly one selector: { largest = true }, { nearest_to = \"34114\" }, { "
        "kind = \"vaccination\" } or { name = \"Gignac\" }"};
    Text change_one_selector_concerned{
        "{0} doit contenir exactement un sélecteur : { largest = true }, { nearest_to = \"34114\" "
        "}, { kind = \"vaccination\" } ou { name = \"Gignac\" } ou { concerned = true }",
        "{0} must hold exactly one selector: { largest = true }, { nearest_to = \"34114\" }, { "
        "kind = \"vaccination\" } or { name = \"Gignac\" } or { concerned = true }"};
    Text change_name_empty{"'name' est vide : écrivez le nom d'un centre",
                           "'name' is empty: write a centre's name"};
    Text change_only_true{"{0} ne peut valoir que true", "{0} can only be true"};
    Text change_nearest_empty{
        "'nearest_to' est vide : écrivez le code INSEE ou le nom d'une commune",
        "'nearest_to' is empty: write a commune's INSEE code or name"};
    Text change_concerned_outside{
        "{ concerned = true } (le centre où un déclencheur s'est produit) ne sert qu'au changement "
        "d'un [[trigger]] : nommez le centre ou utilisez un autre sélecteur",
        "{ concerned = true } (the centre where a trigger fired) is only for a [[trigger]]'s "
        "change: name the centre or use another selector"};
    // exercise_reader.cpp
    Text exercise_bad_id{"'id' doit être un texte court et non vide, par exemple {0}",
                         "'id' must be a short non-empty text, e.g. {0}"};
    Text exercise_duplicate_id{
        "l'id '{0}' est déjà utilisé à la ligne {1} : chaque inject et chaque déclencheur a besoin "
        "de son propre id (il fixe ses tirages aléatoires)",
        "id '{0}' is already used on line {1}: each inject and trigger needs its own id (it keys "
        "its random draws)"};
    Text exercise_when_table{
        "'when' doit être une table comme { queue_above = 50, for_minutes = 30 }, trouvé : {0}",
        "'when' must be a table such as { queue_above = 50, for_minutes = 30 }, found {0}"};
    Text exercise_when_one{
        "'when' doit contenir exactement une condition parmi queue_above (personnes en attente), "
        "stock_below_days (jours d'utilisation restants) ou at (\"J3 08:00\")",
        "'when' must hold exactly one of queue_above (people waiting), stock_below_days (days of "
        "use left) or at (\"J3 08:00\")"};
    Text exercise_stock_positive{"'stock_below_days' doit être supérieur à 0",
                                 "'stock_below_days' must be more than 0"};
    Text exercise_check_bound{
        "écrivez soit below = N (l'indicateur doit rester inférieur ou égal à N), soit above = N "
        "(supérieur ou égal à N) dans [[objective.check]]",
        "write one of below = N (the KPI must stay at or under N) or above = N (at or over N) in "
        "[[objective.check]]"};
    Text exercise_days_pair{"'days' doit être [premier, dernier] (numéros de jours, par exemple "
                            "[3, 7]) ou un seul jour",
                            "'days' must be [first, last] (day indices, e.g. [3, 7]) or one day"};
    Text exercise_first_day{"le premier jour de 'days'", "the first day of 'days'"};
    Text exercise_last_day{"le dernier jour de 'days'", "the last day of 'days'"};
    Text exercise_days_reversed{"'days' = [{0}, {1}] : le premier jour vient après le dernier",
                                "'days' = [{0}, {1}]: the first day comes after the last"};
    Text exercise_duplicate_objective{
        "l'id d'objectif '{0}' est déjà utilisé à la ligne {1} : chaque objectif a besoin de son "
        "propre id",
        "objective id '{0}' is already used on line {1}: each objective needs its own id"};
    Text exercise_observe_list{"'observe' doit être une liste de textes, par exemple observe = "
                               "[\"La cellule appelle la réserve avant midi\"]",
                               "'observe' must be a list of texts, e.g. observe = [\"La cellule "
                               "appelle la réserve avant midi\"]"};
    Text exercise_no_centre_of_kind{
        "aucun centre du plan n'est de type '{0}' : ce sélecteur ne désigne ici aucun centre",
        "no centre of the plan is of kind '{0}': this selects no centre here"};
    Text exercise_after_run{
        "{0} est après le dernier jour de la simulation (J{1}) : cela n'arrive jamais ici",
        "{0} is after the run's last day (J{1}): it never happens here"};
    // exercise_reader.cpp: helpers
    Text exercise_fix_centre{"nommez un centre du plan, ou utilisez un sélecteur comme { largest = "
                             "true } pour que l'exercice fonctionne sur n'importe quel territoire",
                             "name a centre of the plan, or use a selector such as { largest = "
                             "true } so that the exercise works on any territory"};
    Text exercise_fix_station_of{"un poste du centre '{0}'", "a station of centre '{0}'"};
    Text exercise_fix_station{"un poste des centres du plan", "a station of the plan's centres"};
    Text exercise_fix_profession{"une profession des compétences du monde",
                                 "a profession of the world's scope of practice"};
    Text exercise_fix_role{"un rôle des compétences du monde",
                           "a role of the world's scope of practice"};
    Text exercise_fix_team{"une équipe mobile du plan", "a mobile team of the plan"};
    Text exercise_fix_group{"un groupe de population du monde", "a population group of the world"};
    // journal_reader.cpp
    Text journal_version{
        "la version {0} du journal a été écrite par un riposte plus récent : celui-ci lit la "
        "version 1",
        "journal version {0} was written by a newer riposte: this one reads version 1"};
    Text journal_bad_sha{"'{0}' doit être 64 chiffres hexadécimaux en minuscules",
                         "'{0}' must be 64 lowercase hexadecimal digits"};
    Text journal_bad_seed{
        "'seed' doit être un nombre entier de 0 à 18446744073709551615 entre guillemets",
        "'seed' must be a whole number from 0 to 18446744073709551615 in quotes"};
    Text journal_seed_quotes{"'seed' s'écrit entre guillemets (\"42\"), trouvé : {0}",
                             "'seed' must be written in quotes (\"42\"), found {0}"};
    Text journal_parent{"'parent_entry' est renseigné mais 'parent' est vide",
                        "'parent_entry' is set but 'parent' is empty"};
    Text journal_bad_block{
        "l'entrée {0} est corrompue : chaque bloc doit être une seule table [[entry]] terminée par "
        "la ligne '{1}'",
        "entry {0} is corrupt: each block must be one [[entry]] table ending with the line '{1}'"};
    Text journal_ordinal{"le numéro d'entrée {0} devrait être {1} (les entrées sont numérotées à "
                         "partir de 1, dans l'ordre)",
                         "entry ordinal {0} should be {1} (entries are numbered from 1, in order)"};
    Text journal_ordinal_block{
        "le numéro d'entrée {0} devrait être {1} (les entrées sont numérotées à partir de 1, dans "
        "l'ordre, et ce bloc se termine par la ligne de l'entrée {2})",
        "entry ordinal {0} should be {1} (entries are numbered from 1, in order, and this block "
        "ends with the line for entry {2})"};
    Text journal_new_time{"clé 'new_time' manquante dans [[entry]] : un inject reporté a besoin de "
                          "sa nouvelle heure, par exemple new_time = \"J4 09:00\"",
                          "missing key 'new_time' in [[entry]]: a delayed inject needs its new "
                          "time, e.g. new_time = \"J4 09:00\""};
    Text journal_inject_id{
        "clé 'inject_id' manquante dans [[entry]] : une entrée '{0}' nomme son inject",
        "missing key 'inject_id' in [[entry]]: a '{0}' entry names its inject"};
    Text journal_rating{"'rating' doit valoir \"P\", \"S\", \"M\" ou \"U\" (l'échelle HSEEP)",
                        "'rating' must be one of \"P\", \"S\", \"M\", \"U\" (the HSEEP scale)"};
    Text journal_empty{"le journal est vide : son en-tête n'a jamais été écrit (rien n'y a été "
                       "consigné : supprimez-le et recommencez la séance)",
                       "the journal is empty: its header was never written (nothing was "
                       "recorded in it: delete it and start the session again)"};
    Text journal_header_incomplete{
        "l'en-tête du journal est incomplet (pas de ligne '{0}') : la séance s'est arrêtée pendant "
        "sa création (rien n'y a été consigné : supprimez-le et recommencez la séance), ou ce "
        "n'est pas un journal riposte",
        "the journal's header is incomplete (no line '{0}'): the session stopped while creating "
        "it (nothing was recorded in it: delete it and start the session again), or this is not "
        "a riposte journal"};
    Text journal_out_of_order{"l'entrée {0} est horodatée avant l'entrée {1} (at, event et order "
                              "ne reculent jamais dans un journal)",
                              "entry {0} is stamped before entry {1} (at, event, order must never "
                              "go back within one journal)"};
    Text journal_torn{"la dernière entrée est incomplète (la séance s'est arrêtée pendant son "
                      "écriture) : elle est écartée ; elle n'a jamais été appliquée, puisqu'une "
                      "entrée est écrite avant son changement",
                      "the last entry is incomplete (the session stopped while writing it): it is "
                      "dropped; it was never applied, since an entry is written before its change"};
    // sweep_reader.cpp
    Text sweep_no_variant{"le balayage n'a aucune variante : ajoutez des tables [[variant]] (plan "
                          "= \"plan.toml\") ou une [grid] (plan = [\"a.toml\", \"b.toml\"])",
                          "the sweep has no variant: add [[variant]] tables (plan = \"plan.toml\") "
                          "or a [grid] (plan = [\"a.toml\", \"b.toml\"])"};
    Text sweep_too_many{
        "le balayage a {0} variantes ; {1} au plus : découpez-le en plusieurs balayages",
        "the sweep has {0} variants; at most {1}: split it into several sweeps"};
    Text sweep_duplicate_label{
        "l'étiquette de variante '{0}' est déjà utilisée à la ligne {1} : donnez à chaque variante "
        "sa propre étiquette",
        "variant label '{0}' is already used on line {1}: give each variant its own label"};
    Text sweep_empty_dimension{"une dimension de la grille a besoin de valeurs",
                               "a grid dimension needs values"};
    Text sweep_grid_too_many{
        "la grille donne {0} variantes ; {1} au plus : utilisez moins de valeurs",
        "the grid makes {0} variants; at most {1}: use fewer values"};
    // sweep_reader.cpp: helpers
    Text sweep_baseline_fix{"'baseline' nomme l'étiquette d'une variante",
                            "'baseline' names the label of a variant"};
    // csv_reader.cpp
    Text csv_too_many_errors{
        "plus de {0} erreurs de syntaxe : la lecture de ce fichier s'arrête ici ; est-ce bien un "
        "fichier texte CSV ?",
        "more than {0} syntax errors: reading of this file stops here; is it a CSV text file?"};
    Text csv_too_many_cells{"plus de {0} cellules dans le fichier : c'est plus que ce qu'accepte "
                            "riposte, découpez ou filtrez le fichier",
                            "more than {0} cells in the file: this is more than riposte accepts, "
                            "split or filter the file"};
    Text csv_unterminated{"cellule entre guillemets non fermée : ajoutez le '\"' fermant",
                          "unterminated quoted cell: add the closing '\"'"};
    Text csv_after_quote{
        "texte inattendu après un guillemet fermant : mettez toute la cellule entre les "
        "guillemets, et écrivez un guillemet à l'intérieur sous la forme \"\"",
        "unexpected text after a closing quote: put the whole cell inside the quotes, and write a "
        "quote inside as \"\""};
    Text csv_too_many_rows{"trop de lignes : plus de {0} lignes de données ; c'est plus que ce "
                           "qu'accepte riposte, découpez ou filtrez le fichier",
                           "too many rows: more than {0} data rows; this is more than riposte "
                           "accepts, split or filter the file"};
    Text csv_column_twice{
        "la colonne '{0}' figure deux fois dans l'en-tête : renommez ou supprimez l'une d'elles",
        "column '{0}' appears twice in the header: rename or remove one"};
    Text csv_unknown_column{"colonne inconnue '{0}'", "unknown column '{0}'"};
    Text csv_empty{
        "le fichier est vide : la première ligne doit être un en-tête qui nomme les colonnes, par "
        "exemple {1}",
        "the file is empty: the first line must be a header naming the columns, e.g. {1}"};
    Text csv_missing_column{
        "colonne manquante {0} : la première ligne doit être un en-tête qui nomme les colonnes, "
        "par exemple {1}",
        "missing column {0}: the first line must be a header naming the columns, e.g. {1}"};
    Text csv_missing_columns{
        "colonnes manquantes {0} : la première ligne doit être un en-tête qui nomme les colonnes, "
        "par exemple {1}",
        "missing columns {0}: the first line must be a header naming the columns, e.g. {1}"};
    Text csv_too_many_row_cells{
        "{0} cellules attendues (comme dans l'en-tête), trouvé {1} : supprimez les cellules en "
        "trop, ou mettez entre guillemets une cellule qui contient une virgule",
        "expected {0} cells (as in the header), found {1}: remove the extra cells, or quote a cell "
        "that contains a comma"};
    Text csv_too_few_row_cells{
        "{0} cellules attendues (comme dans l'en-tête), trouvé {1} : ajoutez les cellules "
        "manquantes",
        "expected {0} cells (as in the header), found {1}: add the missing cells"};
    // csv_reader.cpp: cell bytes
    Text csv_nul_byte{
        "la cellule contient un octet NUL (est-ce un fichier binaire ?) : enregistrez le tableau "
        "en texte UTF-8",
        "the cell holds a NUL byte (is this a binary file?): save the table as UTF-8 text"};
    Text csv_bad_utf8{
        "la cellule n'est pas du texte UTF-8 valide : enregistrez le fichier en UTF-8 (dans un "
        "tableur : Enregistrer sous CSV, jeu de caractères Unicode UTF-8)",
        "the cell is not valid UTF-8 text: save the file as UTF-8 (in a spreadsheet: Save as CSV, "
        "character set Unicode UTF-8)"};
    // riposte exercise replay: what it prints
    Text replay_cannot{"riposte : erreur : {0} ne peut pas être rejoué",
                       "riposte: error: {0} cannot be replayed"};
    Text replay_inputs{": {0} : [journal.inputs] {1} ; rejouez avec les fichiers de la séance",
                       ": {0}: [journal.inputs] {1}; replay with the session's files"};
    Text replay_divergence{": {0} : [journal.divergence] entrée {1} : {2}",
                           ": {0}: [journal.divergence] entry {1}: {2}"};
    Text riposte_error{"riposte : erreur : {0}", "riposte: error: {0}"};
    Text replay_done{"{0} entrée(s) du journal rejouée(s) ; {1} fichier(s) écrit(s) dans {2}",
                     "Replayed {0} journal entries; {1} files written to {2}"};
    // riposte territory: what it prints
    Text colon{" : ", ": "};
    Text territory_no_commune{
        "{0} '{1}' : aucune commune de ce nom dans la table nationale ; donnez son code INSEE",
        "{0} '{1}': no commune of that name in the national table; give its INSEE code"};
    Text territory_no_epci{
        "{0} '{1}' : aucun EPCI de ce nom dans la table nationale ; donnez son code SIREN (9 "
        "chiffres)",
        "{0} '{1}': no EPCI of that name in the national table; give its SIREN code (9 digits)"};
    Text territory_near_commune{
        "{0} '{1}' : aucune commune n'a exactement ce nom ; vouliez-vous dire l'une de celles-ci ?",
        "{0} '{1}': no commune of exactly that name; did you mean one of these?"};
    Text territory_near_epci{
        "{0} '{1}' : aucun EPCI n'a exactement ce nom ; vouliez-vous dire l'un de ceux-ci ?",
        "{0} '{1}': no EPCI of exactly that name; did you mean one of these?"};
    Text territory_many_communes{
        "{0} '{1}' : {2} communes portent ce nom : donnez le code de celle que vous voulez dire",
        "{0} '{1}': {2} communes have that name: give the code of the one you mean"};
    Text territory_many_epcis{
        "{0} '{1}' : {2} EPCI portent ce nom : donnez le code de celui que vous voulez dire",
        "{0} '{1}': {2} EPCIs have that name: give the code of the one you mean"};
    Text territory_more{"  ... et {0} autres", "  ... and {0} more"};
    Text territory_one_error{"1 erreur : rien n'a été écrit", "1 error: nothing written"};
    Text territory_errors{"{0} erreurs : rien n'a été écrit", "{0} errors: nothing written"};
    Text territory_file_exists{
        "{0} : erreur : le fichier existe et contient peut-être vos modifications ; passez --force "
        "pour le remplacer, ou choisissez un autre --out",
        "{0}: error: the file exists and may hold your edits; pass --force to replace it, or "
        "choose another --out"};
    Text territory_summary{"{0} : {1} communes, {2} habitants",
                           "{0}: {1} communes, {2} inhabitants"};
    Text territory_graph{
        "réseau routier : {0} tronçons (chaque commune reliée à ses {1} plus proches voisines, "
        "détour {2}, {3} km/h) ; ",
        "road graph: {0} edges (each commune to its {1} nearest, detour {2}, {3} km/h); "};
    Text territory_connected{"connexe, aucun pont nécessaire", "connected, no bridge needed"};
    Text territory_parts_bridge{
        "{0} parties, {1} pont ajouté (le plus long : {2} km à vol d'oiseau)",
        "{0} parts, {1} bridge added (longest {2} km great-circle)"};
    Text territory_parts_bridges{
        "{0} parties, {1} ponts ajoutés (le plus long : {2} km à vol d'oiseau)",
        "{0} parts, {1} bridges added (longest {2} km great-circle)"};
    Text territory_now_connected{", désormais connexe", ", now connected"};
    Text territory_stays_one{
        "riposte : avertissement : le réseau routier reste en {0} parties : la partie de {1} est "
        "plus loin que le plus long pont permis ; impossible d'aller d'une partie à l'autre "
        "(passez --max-bridge-km pour les relier, ou construisez-les à part)",
        "riposte: warning: the road graph stays in {0} parts: the part of {1} is farther than the "
        "longest bridge allowed; travel between parts is impossible (pass --max-bridge-km to join "
        "them, or build them apart)"};
    Text territory_stays_many{
        "riposte : avertissement : le réseau routier reste en {0} parties : les parties de {1} "
        "sont plus loin que le plus long pont permis ; impossible d'aller d'une partie à l'autre "
        "(passez --max-bridge-km pour les relier, ou construisez-les à part)",
        "riposte: warning: the road graph stays in {0} parts: the parts of {1} are farther than "
        "the longest bridge allowed; travel between parts is impossible (pass --max-bridge-km to "
        "join them, or build them apart)"};
    Text territory_wrote{"fichiers écrits : {0}", "wrote {0}"};
    Text territory_next{"ensuite : riposte check {0}", "next: riposte check {0}"};
    // lists of names
    Text in_all{", ... ({0} en tout)", ", ... ({0} in all)"};
    // territory_builder.cpp: selecting communes for `riposte territory`
    Text terr_did_you_mean{" ; vouliez-vous dire {0} ?", "; did you mean {0}?"};
    Text terr_or{" ou ", " or "};
    Text terr_unknown_insee{"code INSEE inconnu « {0} »{1} (un code INSEE a 5 caractères, par "
                            "exemple 57463 pour Metz ; la table nationale est {2})",
                            "unknown INSEE code '{0}'{1} (INSEE codes have 5 characters, e.g. "
                            "57463 for Metz; the national table is {2})"};
    Text terr_k_range{"k = {0} est hors limites : reliez chaque commune à ses 1 à 50 plus "
                      "proches voisines (4 est l'usage)",
                      "k = {0} is out of range: join each commune to 1 to 50 nearest neighbours "
                      "(4 is usual)"};
    Text terr_detour_range{"détour {0} hors limites : écrivez un facteur de 1 à 5 (km de route "
                           "par km à vol d'oiseau, 1.3 est l'usage)",
                           "detour {0} is out of range: write a factor from 1 to 5 (road km per "
                           "straight-line km, 1.3 is usual)"};
    Text terr_speed_range{"vitesse {0} km/h hors limites : écrivez 5 à 200 km/h (50 est l'usage)",
                          "speed {0} km/h is out of range: write 5 to 200 km/h (50 is usual)"};
    Text terr_bridge_range{"pont maximal de {0} km hors limites : écrivez 0 (automatique) à "
                           "20000 km",
                           "max bridge {0} km is out of range: write 0 (automatic) to 20000 km"};
    Text terr_no_insee{"aucun code INSEE donné : écrivez par exemple --insee 57463,57039",
                       "no INSEE code given: write e.g. --insee 57463,57039"};
    Text terr_no_epci{"aucun SIREN d'EPCI donné : écrivez par exemple --epci 200039865",
                      "no EPCI SIREN given: write e.g. --epci 200039865"};
    Text terr_unknown_epci{"SIREN d'EPCI inconnu « {0} »{1} (le SIREN d'un EPCI a 9 chiffres, "
                           "par exemple 200039865 pour Metz Métropole ; la colonne epci_siren de "
                           "la table nationale les liste)",
                           "unknown EPCI SIREN '{0}'{1} (an EPCI's SIREN has 9 digits, e.g. "
                           "200039865 for Metz Métropole; the national table's epci_siren column "
                           "lists them)"};
    Text terr_no_departement{"aucun département donné : écrivez par exemple --departement 57",
                             "no département given: write e.g. --departement 57"};
    Text terr_departement_zero{" ; vouliez-vous dire 0{0} ?", "; did you mean 0{0}?"};
    Text terr_unknown_departement{"département inconnu « {0} »{1} (codes tels que l'INSEE les "
                                  "écrit : 01 à 95, 2A, 2B, 971 à 976)",
                                  "unknown département '{0}'{1} (codes as INSEE writes them: 01 "
                                  "to 95, 2A, 2B, 971 to 976)"};
    Text terr_no_around{"aucune commune centre donnée : écrivez par exemple --around 57463 "
                        "--radius-km 15",
                        "no centre commune given: write e.g. --around 57463 --radius-km 15"};
    Text terr_radius{"le rayon doit être supérieur à 0 et au plus 1000 km, par exemple "
                     "--radius-km 15",
                     "the radius must be more than 0 and at most 1000 km, e.g. --radius-km 15"};
    Text terr_centre_no_coordinates{
        "la commune {0} n'a pas de coordonnées dans la table nationale ({1}), donc aucune "
        "distance ne peut être mesurée depuis elle : choisissez une commune voisine comme centre, "
        "ou sélectionnez par --insee / --epci",
        "commune {0} has no coordinates in the national table ({1}), so no distance can be "
        "measured from it: choose a neighbouring commune as the centre, or select by --insee / "
        "--epci"};
    Text terr_commune_one{"commune", "commune"};
    Text terr_commune_many{"communes", "communes"};
    Text terr_left_out_one{"est laissée de côté", "is left out"};
    Text terr_left_out_many{"sont laissées de côté", "are left out"};
    Text terr_outside_ars{
        "{0} {1} de {2} {3} : la Polynésie française, la Nouvelle-Calédonie et Wallis-et-Futuna "
        "ont leur propre système de santé, hors de toute ARS, et les TAAF et Clipperton n'ont pas "
        "de population résidente ; riposte planifie pour des territoires relevant d'une ARS",
        "{0} {1} of {2} {3}: Polynésie française, Nouvelle-Calédonie and Wallis-et-Futuna run "
        "their own health systems, outside any ARS, and the TAAF and Clipperton have no resident "
        "population; riposte plans for territories under an ARS"};
    Text terr_at{" à ", " at "};
    Text terr_in_all{" en tout", " in all"};
    Text terr_selected_one{"commune sélectionnée n'a", "selected commune has"};
    Text terr_selected_many{"communes sélectionnées n'ont", "selected communes have"};
    Text terr_leave_it{"laissez-la de côté", "leave it out"};
    Text terr_leave_them{"laissez-les de côté", "leave them out"};
    Text terr_missing_coordinates{
        "{0} {1} pas de coordonnées : {2}. riposte ne devine pas les positions : renseignez lat "
        "et lon dans la table nationale (par exemple le centroïde de la commune selon IGN ADMIN "
        "EXPRESS) ou {3} avec --exclude {4}",
        "{0} {1} no coordinates: {2}. riposte does not guess positions: fill lat and lon in the "
        "national table (e.g. the commune's centroid from IGN ADMIN EXPRESS) or {3} with "
        "--exclude {4}"};
    Text terr_none_in_radius{"aucune commune dans le rayon (pas même le centre ?) : augmentez "
                             "--radius-km",
                             "no commune within the radius (not even the centre?): increase "
                             "--radius-km"};
    Text terr_selection_empty{"la sélection ne contient aucune commune avec des coordonnées",
                              "the selection holds no commune with coordinates"};
    Text terr_too_many{"{0} communes sélectionnées, plus que les {1} qu'un scénario peut contenir",
                       "{0} communes selected, more than the {1} a scenario may hold"};
    // the national commune table (sim/model/national_table.cpp)
    Text nt_empty{"la table nationale est vide : il lui faut la ligne d'en-tête "
                  "insee,name,departement,region,epci_siren,epci_name,population,lat,lon et une "
                  "ligne par commune",
                  "the national table is empty: it needs the header line "
                  "insee,name,departement,region,epci_siren,epci_name,population,lat,lon and one "
                  "line per commune"};
    Text nt_column_twice{"la colonne « {0} » figure deux fois dans l'en-tête : gardez-en une",
                         "column '{0}' appears twice in the header: keep one"};
    Text nt_missing_column{"la colonne « {0} » manque dans l'en-tête : la table nationale demande "
                           "insee,name,departement,region,epci_siren,epci_name,population,lat,lon",
                           "missing column '{0}' in the header: the national table needs "
                           "insee,name,departement,region,epci_siren,epci_name,population,lat,lon"};
    Text nt_short_line{"cette ligne a {0} champs alors que l'en-tête en demande au moins {1} : "
                       "cherchez une virgule manquante, ou mettez entre guillemets un champ qui en "
                       "contient une",
                       "this line has {0} fields but the header needs at least {1}: check for a "
                       "missing comma, or quote a field that holds one"};
    Text nt_empty_insee{"code INSEE vide : chaque commune a besoin de son code, par exemple 57463",
                        "empty INSEE code: every commune needs its code, e.g. 57463"};
    Text nt_empty_name{"nom vide pour le code INSEE {0}", "empty name for INSEE {0}"};
    Text nt_bad_population{"population « {0} » illisible pour {1} : écrivez un nombre entier "
                           "d'habitants, positif ou nul",
                           "bad population '{0}' for {1}: write a whole number of inhabitants "
                           ">= 0"};
    Text nt_one_coordinate{"la commune {0} ({1}) n'a qu'une coordonnée : remplissez lat et lon, "
                           "ou laissez les deux vides",
                           "commune {0} ({1}) has only one coordinate: fill both lat and lon, or "
                           "leave both empty"};
    Text nt_bad_latitude{"latitude « {0} » illisible : écrivez des degrés décimaux de -90 à 90",
                         "bad latitude '{0}': write decimal degrees from -90 to 90"};
    Text nt_bad_longitude{"longitude « {0} » illisible : écrivez des degrés décimaux de -180 à "
                          "180",
                          "bad longitude '{0}': write decimal degrees from -180 to 180"};
    Text nt_duplicate{"code INSEE {0} en double (déjà à la ligne {1}) : chaque commune ne figure "
                      "qu'une fois",
                      "duplicate INSEE code {0} (first on line {1}): each commune must appear "
                      "once"};
    Text nt_cannot_read{"impossible de lire la table nationale des communes : {0}",
                        "cannot read the national commune table: {0}"};
    Text nt_table_hint{" ; donnez --table FICHIER, ou faites pointer RIPOSTE_SCENARIOS sur le "
                       "dossier des scénarios",
                       "; pass --table FILE or set RIPOSTE_SCENARIOS to the scenarios directory"};
    // a sweep variant's overrides (apply_overrides)
    Text sweep_unknown_role{"rôle inconnu « {0} » ; les rôles du monde sont {1}",
                            "unknown role '{0}'; the world's roles are {1}"};
    Text sweep_unknown_group{"groupe de population inconnu « {0} » ; les groupes du monde sont {1}",
                             "unknown population group '{0}'; the world's groups are {1}"};
    // a journal replayed against its inputs (sim/runner/session.cpp)
    Text stamp{"t={0} s, événement {1}, ordre {2}", "t={0}s, event {1}, order {2}"};
    Text div_out_of_order{"entrées dans le désordre ({0})", "entries out of order ({0})"};
    Text div_run_ended{"la simulation s'est terminée avant l'événement {0}",
                       "the run ended before event {0}"};
    Text div_event_after{"l'événement {0} tombe à t={1} s, après celui de l'entrée (t={2} s)",
                         "event {0} falls at t={1}s, after the entry's t={2}s"};
    Text div_event_before{"un événement à t={0} s précède l'entrée (t={1} s) mais suit "
                          "l'événement {2}",
                          "an event at t={0}s comes before the entry (t={1}s) but after event "
                          "{2}"};
    Text div_no_change{"l'entrée ne porte aucun changement", "the entry has no change"};
    Text div_stamp{"le changement serait horodaté {0}, le journal dit {1}",
                   "the change would be stamped {0}, the journal says {1}"};
    Text div_no_skip{"plus aucun inject scénarisé « {0} » à sauter",
                     "no scripted inject '{0}' left to skip"};
    Text div_no_delay{"plus aucun inject scénarisé « {0} » à retarder",
                      "no scripted inject '{0}' left to delay"};
    Text div_no_edit{"plus aucun inject scénarisé « {0} » à modifier",
                     "no scripted inject '{0}' left to edit"};
    Text div_not_fired{"l'inject « {0} » ne s'est pas déclenché à {1}",
                       "inject '{0}' did not fire at {1}"};
    Text inputs_differ{"{0} diffère de celui du journal ({1}… maintenant {2}…)",
                       "{0} differs from the journal's ({1}… now {2}…)"};
    Text inputs_world{"le fichier du monde", "the world file"};
    Text inputs_plan{"le fichier du plan", "the plan file"};
    Text inputs_exercise{"le fichier d'exercice", "the exercise file"};
    Text inputs_seed{"la graine diffère de celle du journal ({0})",
                     "the seed differs from the journal's ({0})"};
    Text inputs_replication{"la réplication diffère de celle du journal ({0})",
                            "the replication differs from the journal's ({0})"};
};

inline constexpr DiagnosticTexts diag{};

/// The hints of out-of-range numbers (loader::Range::hint), matched on their English text.
inline constexpr Text range_hints[] = {
    {"une durée ≥ 0", "a duration >= 0"},
    {"un nombre de jours > 0", "a number of days > 0"},
    {"un nombre de personnes contagieuses de 0 à 1e8",
     "a number of infectious people from 0 to 1e8"},
    {"un nombre de reproduction de 0 à 20", "a reproduction number from 0 to 20"},
    {"un poids ≥ 0", "a weight >= 0"},
    {"un poids de 0 à 1000000", "a weight from 0 to 1000000"},
    {"des cas pour 100 000 habitants par jour, à partir de 0", "cases per 100,000 per day, from 0"},
    {"des jours de 0 à 365", "days from 0 to 365"},
    {"des jours de 0,1 à 60", "days from 0.1 to 60"},
    {"des euros par heure de 0 à 10000", "euros per hour from 0 to 10000"},
    {"des heures de 0,1 à 720", "hours from 0.1 to 720"},
    {"une latitude en degrés de -90 à 90", "latitude in degrees from -90 to 90"},
    {"une longitude en degrés de -180 à 180", "longitude in degrees from -180 to 180"},
    {"des minutes de 0 à 1440", "minutes from 0 to 1440"},
    {"des minutes de 0 à 240", "minutes from 0 to 240"},
    {"des minutes de 1 à 240", "minutes from 1 to 240"},
    {"des minutes de 1 à 600", "minutes from 1 to 600"},
    {"des personnes, à partir de 0", "people from 0"},
    {"des personnes par heure de 0 à 1000", "people per hour from 0 to 1000"},
    {"des tests par cas de 0 à 1000", "tests per case from 0 to 1000"},
    {"un pourcentage de 0 à 100", "a percentage from 0 to 100"},
    {"une part entre 0 et 1, par exemple 0.11 pour 11 %",
     "a share between 0 and 1, e.g. 0.11 for 11%"},
    {"un nombre de personnes ≥ 0", "a number of people >= 0"},
    {"une probabilité d'absence supplémentaire par unité d'incidence pour 100 000, de 0 à 0,1 "
     "(par exemple 0.0005)",
     "an extra absence probability per 100k incidence from 0 to 0.1 (e.g. 0.0005)"},
    {"un facteur entre 0 et 10, par exemple 0.8 ou 1.2",
     "a factor between 0 and 10, e.g. 0.8 or 1.2"},
    {"une probabilité d'absence par jour, par exemple 0.05 pour 5 %",
     "a daily absence probability, e.g. 0.05 for 5%"},
    {"une distance en km de 0 à 5000", "a distance in km from 0 to 5000"},
    {"un temps de trajet en minutes de 0 à 1440", "a travel time in minutes from 0 to 1440"},
    {"des heures par semaine de 0,5 à 168", "hours per week from 0.5 to 168"},
    {"des minutes de 0 à 600", "minutes from 0 to 600"},
    {"une incidence quotidienne pour 100 000 de 0 à 100000",
     "a daily incidence per 100,000 from 0 to 100000"},
};

/// What the text parsers (core/text_parse, core/distribution) say is wrong with a day list, a
/// clock time, a day and time, a duration, a date or a distribution, as "<what is wrong>; <how
/// to write it>". loader::phrase() matches the English detail on these patterns ({0}: a value
/// quoted from the input) and says it in both languages. The usages come first.
inline constexpr Text parse_usages[] = {
    {" ; écrivez par exemple \"mon-fri\", \"mon,wed,sat\", \"sat-mon\" ou \"all\"",
     "; write e.g. \"mon-fri\", \"mon,wed,sat\", \"sat-mon\" or \"all\""},
    {" ; écrivez une heure sous la forme \"HH:MM\", par exemple \"08:30\" (\"24:00\" pour minuit "
     "en fin de journée)",
     "; write a time of day as \"HH:MM\", e.g. \"08:30\" (\"24:00\" for midnight at the end of "
     "the day)"},
    {" ; écrivez une heure sous la forme \"HH:MM\", par exemple \"08:30\"",
     "; write a time of day as \"HH:MM\", e.g. \"08:30\""},
    {" ; écrivez un jour et une heure sous la forme \"J3 14:00\" (numéro de jour à partir de J0, "
     "le premier jour de la simulation, puis HH:MM)",
     "; write a day and a time as \"J3 14:00\" (day index from J0, the first day of the run, then "
     "HH:MM)"},
    {" ; écrivez une durée sous la forme \"2h30\", \"45min\", \"3d\" (jours) ou un nombre de jours",
     "; write a duration as \"2h30\", \"45min\", \"3d\" (days) or a number of days"},
    {" ; écrivez la date sous la forme \"AAAA-MM-JJ\", par exemple \"2021-04-05\"",
     "; write the date as \"YYYY-MM-DD\", e.g. \"2021-04-05\""},
    {" ; écrivez par exemple \"15\", \"exp(1.43)\", \"3 + exp(1.43)\", \"normal(20, 0.5)\", "
     "\"lognormal(24, 8) h\"",
     "; write e.g. \"15\", \"exp(1.43)\", \"3 + exp(1.43)\", \"normal(20, 0.5)\", "
     "\"lognormal(24, 8) h\""},
};
inline constexpr Text parse_details[] = {
    // days
    {"liste de jours vide", "empty list of days"},
    {"nom de jour attendu après '-'", "expected a day name after '-'"},
    {"nom de jour attendu", "expected a day name"},
    {"jour inconnu '{0}'", "unknown day '{0}'"},
    {"',' attendue entre les jours", "expected ',' between days"},
    // clock time
    {"heures attendues", "expected hours"},
    {"':' attendu après les heures", "expected ':' after the hours"},
    {"deux chiffres de minutes attendus", "expected two digits of minutes"},
    {"texte inattendu après l'heure", "unexpected text after the time"},
    {"les minutes vont de 00 à 59", "minutes must be 00 to 59"},
    {"l'heure doit être comprise entre 00:00 et 24:00", "the time must be between 00:00 and 24:00"},
    {"l'heure doit être comprise entre 00:00 et 23:59", "the time must be between 00:00 and 23:59"},
    // day and time
    {"moment vide", "empty time"},
    {"'J' et un numéro de jour attendus", "expected 'J' and a day index"},
    {"numéro de jour attendu après 'J'", "expected the day index after 'J'"},
    {"le numéro de jour vaut au plus {0}", "the day index must be at most {0}"},
    {"espace attendue entre le jour et l'heure", "expected a space between the day and the time"},
    {"deux chiffres de secondes attendus (00 à 59)", "expected two digits of seconds (00 to 59)"},
    // duration
    {"nombre attendu", "expected a number"},
    {"le nombre est trop grand", "the number is too large"},
    {"unité attendue (d, h, min ou s)", "expected a unit (d, h, min or s)"},
    {"unité inconnue '{0}'", "unknown unit '{0}'"},
    {"les unités vont des jours aux secondes, chacune une fois",
     "units must go from days down to seconds, each once"},
    {"la durée est trop longue", "the duration is too long"},
    {"durée vide", "empty duration"},
    {"la durée doit être supérieure à 0", "the duration must be more than 0"},
    // date
    {"date attendue sous la forme AAAA-MM-JJ", "expected a date of the form YYYY-MM-DD"},
    {"l'année s'écrit avec 4 chiffres", "the year must be 4 digits"},
    {"le mois s'écrit avec 2 chiffres", "the month must be 2 digits"},
    {"le jour s'écrit avec 2 chiffres", "the day must be 2 digits"},
    {"l'année doit être comprise entre 1900 et 2200", "the year must be between 1900 and 2200"},
    {"le mois va de 01 à 12", "the month must be 01 to 12"},
    {"le jour {0} n'existe pas dans ce mois", "day {0} does not exist in that month"},
    // distribution
    {"loi vide", "empty distribution"},
    {"nom de loi attendu", "expected a distribution name"},
    {"loi inconnue '{0}' ; lois connues : fixed, uniform, exp, normal, lognormal, triangular, "
     "gamma, erlang, empirical, discrete",
     "unknown distribution '{0}'; known: fixed, uniform, exp, normal, lognormal, triangular, "
     "gamma, erlang, empirical, discrete"},
    {"'(' attendue après '{0}'", "expected '(' after '{0}'"},
    {"nombre attendu dans les paramètres de '{0}'", "expected a number in the arguments of '{0}'"},
    {"discrete prend des paires valeur:poids, par exemple discrete(1:0.2, 2:0.8)",
     "discrete takes value:weight pairs, e.g. discrete(1:0.2, 2:0.8)"},
    {"poids ≥ 0 attendu après ':'", "expected a weight >= 0 after ':'"},
    {"',' ou ')' attendue", "expected ',' or ')'"},
    {"{0} prend 1 paramètre (la valeur), reçu {1}", "{0} takes 1 argument (value), got {1}"},
    {"{0} prend 2 paramètres (min, max), reçu {1}", "{0} takes 2 arguments (min, max), got {1}"},
    {"{0} prend 1 paramètre (la moyenne), reçu {1}", "{0} takes 1 argument (mean), got {1}"},
    {"{0} prend 2 paramètres (moyenne, écart-type), reçu {1}",
     "{0} takes 2 arguments (mean, standard deviation), got {1}"},
    {"{0} prend 3 paramètres (min, mode, max), reçu {1}",
     "{0} takes 3 arguments (min, mode, max), got {1}"},
    {"{0} prend 2 paramètres (forme, échelle), reçu {1}",
     "{0} takes 2 arguments (shape, scale), got {1}"},
    {"{0} prend 2 paramètres (nombre de phases k, moyenne), reçu {1}",
     "{0} takes 2 arguments (phases k, mean), got {1}"},
    {"{0} : max doit être ≥ min", "{0}: max must be >= min"},
    {"{0} : la moyenne doit être > 0", "{0}: the mean must be > 0"},
    {"{0} : l'écart-type doit être ≥ 0", "{0}: the standard deviation must be >= 0"},
    {"{0} : demande une moyenne > 0 et un écart-type ≥ 0",
     "{0}: needs mean > 0 and standard deviation >= 0"},
    {"{0} : demande min ≤ mode ≤ max et min < max", "{0}: needs min <= mode <= max and min < max"},
    {"{0} : la forme et l'échelle doivent être > 0", "{0}: shape and scale must be > 0"},
    {"{0} : demande un nombre entier de phases de 1 à 1000 et une moyenne > 0",
     "{0}: needs a whole number of phases 1..1000 and a mean > 0"},
    {"{0} : demande de 1 à 100000 valeurs", "{0}: needs 1 to 100000 values"},
    {"{0} : demande de 1 à 100000 paires valeur:poids",
     "{0}: needs 1 to 100000 value:weight pairs"},
    {"{0} : les poids ne doivent pas tous valoir 0", "{0}: the weights must not all be 0"},
    {"texte inattendu ; une unité après la loi peut être s, min, h ou d",
     "unexpected text; a unit after the distribution may be s, min, h or d"},
};

/// The CSV files the world names, as cannot_read messages say them (matched on the English
/// text's first word).
inline constexpr Text diag_csv_files[] = {
    {"le fichier des communes", "communes file"},
    {"le fichier des tronçons", "edges file"},
    {"le fichier du vivier", "pool file"},
    {"le fichier d'incidence", "incidence file"},
};

/// Words the readers put into messages: the tables and files they name (TableReader's
/// `where`), the kinds of names they resolve. Matched on their English text.
inline constexpr Text reader_phrases[] = {
    {"le fichier du plan", "the plan file"},
    {"le fichier du monde", "the world file"},
    {"le fichier d'exercice", "the exercise file"},
    {"le fichier de périmètre", "the scope file"},
    {"l'en-tête du journal", "the journal header"},
    {"le changement", "the change"},
    {"une décision de [[escalation]]", "a decision of [[escalation]]"},
    {"un rôle des compétences du monde", "a role of the world's scope"},
    {"une profession des compétences du monde", "a profession of the world's scope"},
    {"un centre du plan", "a centre of the plan"},
    {"monde", "world"},
    {"plan", "plan"},
    {"rôle", "role"},
    {"poste", "station"},
    {"groupe", "group"},
    {"profession", "profession"},
    {"centre", "centre"},
    {"vaccin", "vaccine"},
    {"équipe mobile", "mobile team"},
    {"exercice", "exercise"},
    {"journal", "journal"},
    {"balayage", "sweep"},
    {"variante", "variant"},
    {"le fichier de balayage", "the sweep file"},
    {"aucun fichier de ce nom", "no such file"},
    {"c'est un dossier, pas un fichier", "it is a directory, not a file"},
};

} // namespace riposte::text
