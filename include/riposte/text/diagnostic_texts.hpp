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
    // world_reader.cpp
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
