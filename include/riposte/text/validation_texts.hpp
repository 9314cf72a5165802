#pragma once
// The validation verdicts' measured values and requirements, a section of the string table (see
// strings.hpp): one entry per phrase id of riposte::Phrase (riposte/validation.hpp), its values
// in {0}, {1}, ... The English text is the wording validation.json keeps in "measured" and
// "threshold".
#include "riposte/text/names_texts.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace riposte::text {

inline constexpr NamedText validation_phrases[] = {
    // measured
    {"stations.ok",
     {"les {0} vacations pourvoient tous les postes", "all {0} shifts staff every station"}},
    {"stations.gaps", {"{0} manque(s)", "{0} gaps"}},
    {"qualified.ok", {"tous les besoins sont pourvus", "all requirements filled"}},
    {"qualified.short", {"{0} vacation(s) × rôle en sous-effectif", "{0} role-shifts short"}},
    {"medecin.ok", {"toujours", "always"}},
    {"medecin.missing", {"{0} vacation(s) sans médecin", "{0} shifts without a médecin"}},
    {"hours.peak",
     {"au plus fort, {0} % des heures disponibles", "peak demand {0}% of the hours available"}},
    {"slots.idle",
     {"{0} % de la capacité en créneaux inutilisée faute de doses, soit environ {1} heures de "
      "professionnels",
      "{0}% of slot capacity idle for lack of doses, about {1} professional hours"}},
    {"slots.none", {"aucune capacité de vaccination", "no vaccination capacity"}},
    {"travel.farthest", {"commune la plus éloignée à {0} min", "farthest commune {0} min"}},
    {"travel.beyond",
     {"commune la plus éloignée à {0} min, {1} habitants au-delà",
      "farthest commune {0} min, {1} inhabitants beyond"}},
    {"kits.lowest", {"stock prévu le plus bas : {0} kits", "lowest planned stock {0} kits"}},
    {"kits.no_testing", {"aucun centre de dépistage", "no testing centre"}},
    {"wait.measured",
     {"objectif tenu dans {0} % des réplications ; pire p90 {1} ± {2} min",
      "{0}% of replications; worst p90 {1} ± {2} min"}},
    {"percent.ci", {"{0} % ± {1}", "{0}% ± {1}"}},
    {"people.ci", {"{0} ± {1} personnes", "{0} ± {1} people"}},
    {"not_simulated", {"non simulé (0 réplication)", "not simulated (0 replications)"}},
    // required
    {"stations.required",
     {"au moins une personne pour le rôle de chaque poste, à chaque vacation",
      "each station's role has at least one person on each shift"}},
    {"qualified.required", {"aucun sous-effectif", "no shortfall"}},
    {"medecin.required",
     {"un médecin prévu à chaque vacation de chaque centre de vaccination",
      "a médecin rostered on every shift of every vaccination centre"}},
    {"hours.required",
     {"≤ 100 % chaque semaine, pour chaque rôle", "<= 100% every week, for every role"}},
    {"slots.required",
     {"créneaux ouverts ≤ doses allouées (garanti par le modèle) ; la capacité inutilisée est "
      "un avertissement",
      "slots opened <= doses allocated (enforced by the model); idle capacity is a warning"}},
    {"travel.required", {"≤ {0} min", "<= {0} min"}},
    {"kits.required", {"stock ≥ 0 chaque jour", "stock >= 0 every day"}},
    {"wait.required",
     {"p90 ≤ {0} min dans au moins {1} % des réplications",
      "p90 <= {0} min in >= {1}% of replications"}},
    {"coverage.required_first",
     {"≥ {0} % de « {1} » (1re dose) au {2}", ">= {0}% of {1} (first dose) by {2}"}},
    {"coverage.required_complete",
     {"≥ {0} % de « {1} » (schéma complet) au {2}", ">= {0}% of {1} (complete schedule) by {2}"}},
    {"group.everyone", {"toute la population", "the whole population"}},
    {"waste.required", {"≤ {0} %", "<= {0}%"}},
    {"unmet.required", {"≤ {0} personnes", "<= {0} people"}},
    // where
    {"where.station_unstaffed",
     {"{0}, vacation {1}-{2} : le poste « {3} » demande un(e) {4} et le plan n'en prévoit aucun",
      "{0}, shift {1}-{2}: station '{3}' needs a {4} and the plan staffs none"}},
    {"where.hours_uncovered",
     {"{0} : aucune vacation ne couvre {1} alors que le centre est ouvert",
      "{0}: no shift covers {1} although the centre is open"}},
    {"where.role_short",
     {"{0}, {1} {2}-{3} : {4} {5}/{6} ({7})", "{0}, {1} {2}-{3}: {4} {5}/{6} ({7})"}},
    {"where.shift", {"{0}, {1} {2}-{3}", "{0}, {1} {2}-{3}"}},
    {"where.week_role_hours",
     {"semaine {0} : {1} demande {2} h, les professions habilitées en donnent {3}",
      "week {0}: {1} needs {2} h, the professions allowed give {3} h"}},
    {"where.week_hours",
     {"semaine {0} : tous les rôles demandent {1} h, le vivier en donne {2}",
      "week {0}: all roles need {1} h, the pool gives {2} h"}},
    {"where.idle_week",
     {"{0}, semaine finissant le {1} : {2} créneaux inutilisés faute de doses, soit environ {3} "
      "heures de professionnels (réduire les horaires ou l'effectif, ou augmenter l'allocation)",
      "{0}, week ending {1}: {2} slots of capacity idle for lack of doses, about {3} "
      "professional hours (shorten hours or staff, or raise the allocation)"}},
    {"where.commune_minutes", {"{0} ({1}) : {2} min", "{0} ({1}): {2} min"}},
    {"where.commune_no_road",
     {"{0} ({1}) : aucune route vers un centre", "{0} ({1}): no road to a centre"}},
    {"where.kits_out",
     {"plus de kits le {0} (demande attendue)", "kits run out on {0} (expected demand)"}},
    {"where.centre_day_reps",
     {"{0}, {1} ({2}/{3} réplications)", "{0}, {1} ({2}/{3} replications)"}},
    {"where.centre_wasted",
     {"{0} : {1} doses perdues par réplication", "{0}: {1} doses wasted per replication"}},
    {"where.commune_pct", {"{0} : {1} % (fin de période)", "{0}: {1}% (end of run)"}},
    {"where.commune_people",
     {"{0} : {1} personnes (première réplication)", "{0}: {1} people (first replication)"}},
};

/// The roster's reasons for a role short of staff (shortfall.csv "reason", written in
/// English by the model) and their words.
inline constexpr NamedText shortfall_reasons[] = {
    {"qualified people only under supervision and no médecin on site",
     {"professionnels habilités seulement sous supervision, et aucun médecin sur place",
      "qualified people only under supervision and no médecin on site"}},
    {"not enough qualified people within commute, weekly hours and days",
     {"pas assez de professionnels habilités dans la limite de trajet, d'heures par semaine et "
      "de jours",
      "not enough qualified people within commute, weekly hours and days"}},
    {"no médecin on site: a vaccination centre cannot open without one",
     {"aucun médecin sur place : un centre de vaccination ne peut pas ouvrir sans médecin",
      "no médecin on site: a vaccination centre cannot open without one"}},
};

/// The phrase `id` worded in `language` with its values: numbers ("245.5", "1070") are
/// re-written in the language's way ("245,5", "1 070"). An unknown id gives `fallback`.
std::string phrase_text(Language language, std::string_view id,
                        const std::vector<std::string>& args, std::string_view fallback);

} // namespace riposte::text
