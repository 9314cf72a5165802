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
    {"monde", "world"},
    {"plan", "plan"},
    {"rôle", "role"},
    {"poste", "station"},
    {"groupe", "group"},
    {"profession", "profession"},
    {"centre", "centre"},
    {"vaccin", "vaccine"},
    {"aucun fichier de ce nom", "no such file"},
    {"c'est un dossier, pas un fichier", "it is a directory, not a file"},
};

} // namespace riposte::text
