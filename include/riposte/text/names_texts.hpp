#pragma once
// Names as words, a section of the string table (see strings.hpp): the identifiers of the
// scenario data (professions, roles, population groups, centre kinds), of the KPIs and of the
// validation rules, as a person reads them. A `display_name` in the scenario takes precedence
// over these (the output code asks the scenario first).
#include "riposte/text/strings.hpp"

#include <span>
#include <string>
#include <string_view>

namespace riposte::text {

/// An identifier and its words.
struct NamedText {
    std::string_view id;
    Text text;
};

inline constexpr NamedText profession_names[] = {
    {"medecin", {"médecin", "doctor"}},
    {"infirmier", {"infirmier", "nurse"}},
    {"pharmacien", {"pharmacien", "pharmacist"}},
    {"sage_femme", {"sage-femme", "midwife"}},
    {"chirurgien_dentiste", {"chirurgien-dentiste", "dentist"}},
    {"masseur_kinesitherapeute", {"masseur-kinésithérapeute", "physiotherapist"}},
    {"etudiant_sante", {"étudiant en santé", "health student"}},
    {"administratif", {"secrétaire / administratif", "secretary / administrative staff"}},
    {"benevole", {"bénévole", "volunteer"}},
};

inline constexpr NamedText role_names[] = {
    {"reception", {"accueil", "reception"}},
    {"medical_interview", {"entretien médical", "medical interview"}},
    {"injection", {"injection", "injection"}},
    {"vaccine_preparation", {"préparation des vaccins", "vaccine preparation"}},
    {"swab", {"prélèvement", "swab"}},
    {"observation_watch", {"surveillance post-injection", "observation watch"}},
    {"supervision", {"supervision médicale", "medical supervision"}},
    {"observation", {"salle d'observation", "observation area"}},
};

inline constexpr NamedText group_names[] = {
    {"75+", {"75 ans et plus", "75 and over"}},
    {"65-74", {"65 à 74 ans", "65 to 74"}},
    {"18-64", {"18 à 64 ans", "18 to 64"}},
    {"12-17", {"12 à 17 ans", "12 to 17"}},
    {"5-11", {"5 à 11 ans", "5 to 11"}},
    {"at_risk", {"personnes à risque", "people at risk"}},
    {"health_professionals", {"professionnels de santé", "health professionals"}},
    {"rest", {"reste de la population", "rest of the population"}},
};

inline constexpr NamedText centre_kind_names[] = {
    {"vaccination", {"vaccination", "vaccination"}},
    {"testing", {"dépistage", "testing"}},
    {"both", {"vaccination et dépistage", "vaccination and testing"}},
};

/// KPI identifiers (as in kpi_summary.csv) and their words; a qualifier in brackets
/// ("served[Gignac]") is appended by kpi_label().
inline constexpr NamedText kpi_names[] = {
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
    {"worst_day_wait_p90_min", {"Attente p90, pire jour (min)", "p90 wait, worst day (min)"}},
};

/// Validation rule identifiers (validation.json "id") and their titles.
inline constexpr NamedText rule_titles[] = {
    {"staffing.stations",
     {"Chaque poste d'un centre ouvert a son rôle pourvu à chaque vacation",
      "Every station of an open centre has its role staffed on every shift"}},
    {"staffing.qualified",
     {"Chaque rôle est tenu par des professionnels habilités du vivier (heures, jours, trajet)",
      "Every role is filled by qualified professionals of the pool (hours, days, commute)"}},
    {"staffing.medecin_on_site",
     {"Un médecin est présent dès qu'un centre de vaccination est ouvert",
      "A doctor (médecin) is on site whenever a vaccination centre is open"}},
    {"pool.weekly_hours",
     {"Les heures demandées chaque semaine tiennent dans les heures du vivier",
      "The hours asked each week fit in the hours the pool can give"}},
    {"supply.slots_within_doses",
     {"Les créneaux ouverts ne dépassent jamais les doses allouées",
      "Slots opened never exceed the doses allocated"}},
    {"access.travel_time",
     {"Chaque commune est à moins du temps de trajet maximal d'un centre ouvert",
      "Every commune is within the maximum travel time of an open centre"}},
    {"supply.test_kits",
     {"Le stock de tests prévu ne passe jamais sous zéro",
      "Planned test-kit stock never falls below zero"}},
    {"target.wait_p90", {"Objectif : attente p90", "Target: p90 wait"}},
    {"target.coverage", {"Objectif : couverture vaccinale", "Target: coverage"}},
    {"target.wasted_doses", {"Objectif : doses perdues", "Target: wasted doses"}},
    {"target.unmet_demand", {"Objectif : demande non satisfaite", "Target: unmet demand"}},
};

/// The words for `id` in `table`, or `id` itself when the table does not know it.
std::string name_in(std::span<const NamedText> table, std::string_view id, Language language);

/// A KPI as words: "worst_day_wait_p90_min[Gignac]" → "Attente p90, pire jour (min), Gignac".
/// An unknown KPI keeps its identifier.
std::string kpi_label(Language language, std::string_view kpi);

} // namespace riposte::text
