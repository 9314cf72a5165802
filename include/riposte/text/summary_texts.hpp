#pragma once
// The terminal summary of `riposte run`, a section of the string table (see strings.hpp).
#include "riposte/text/strings.hpp"

namespace riposte::text {

struct SummaryTexts {
    // heading
    Text plan{"plan", "plan"};
    Text seed{"graine", "seed"};
    Text replication{"réplication", "replication"};
    Text days{"jours", "days"};
    Text to{"au", "to"};
    Text from{"du", "from"};
    Text events{"événements", "events"};
    Text none{"aucune", "none"};
    Text missing{"-", "-"};

    // overall
    Text overall{"ENSEMBLE", "OVERALL"};
    Text vaccinations{"Injections", "Vaccinations"};
    Text first_doses{"Premières doses", "First doses"};
    Text complete{"Schémas complets", "Complete schedules"};
    Text tests{"Tests réalisés", "Tests"};
    Text wanting{"Personnes souhaitant le vaccin", "Wanting a vaccine"};
    Text unmet{"Demande non satisfaite", "Unmet demand"};
    Text of_wanting{"des volontaires", "of wanting"};
    Text cannot_travel{"non déplaçables", "cannot travel"};
    Text home_vaccinations{"Vaccinations à domicile", "Vaccinations at home"};
    Text by_mobile_teams{"par les équipes mobiles", "by mobile teams"};
    Text unmet_tests{"Tests non réalisés", "Unmet test demand"};
    Text unmet_tests_note{"tests demandés sans centre à portée",
                          "tests sought with no centre within reach"};
    Text no_shows{"Rendez-vous non honorés", "No-shows"};
    Text turned_away{"Personnes refoulées", "Turned away"};
    Text doses_delivered{"Doses livrées", "Doses delivered"};
    Text doses_used{"Doses utilisées", "Doses used"};
    Text doses_wasted{"Doses perdues", "Doses wasted"};
    Text of_doses_drawn{"des doses tirées des flacons", "of doses drawn from vials"};
    Text vials_opened{"Flacons ouverts", "Vials opened"};
    Text wait_minutes{"Attente (minutes)", "Wait (minutes)"};
    Text mean{"moyenne", "mean"};
    Text p90{"p90", "p90"};
    Text p95{"p95", "p95"};
    Text max{"max", "max"};
    Text staff_hours{"Heures de professionnels", "Staff hours"};
    Text overtime_hours{"Heures supplémentaires", "Overtime hours"};
    Text cost{"Coût estimé", "Cost estimate"};
    Text eur{"EUR", "EUR"};
    Text target_reached{"80 % des volontaires avec un schéma complet",
                        "80% of wanting fully vaccinated"};
    Text on_day{"jour", "day"};
    Text not_reached{"non atteint", "not reached"};

    // centres
    Text centres{"CENTRES", "CENTRES"};
    Text no_centres{"(aucun centre dans le plan)", "(no centres in the plan)"};
    Text col_centre{"Centre", "Centre"};
    Text col_arrivals{"Arrivées", "Arrivals"};
    Text col_served{"Servis", "Served"};
    Text col_no_shows{"Absents", "No-shows"};
    Text col_turned_away{"Refoulés", "Turned away"};
    Text col_overtime_h{"H. supp.", "Overtime h"};
    Text col_doses_used{"Doses utilisées", "Doses used"};
    Text col_wasted{"Perdues", "Wasted"};
    Text col_utilisation{"Occup.", "Util."};
    Text centres_note{"Occup. = heures occupées / heures en poste sur la période ; H. supp. en "
                      "heures.",
                      "Util. = busy / staffed hours over the run; overtime in hours."};

    // waits by centre
    Text waits{"ATTENTE PAR CENTRE (minutes)", "WAITS BY CENTRE (minutes)"};
    Text col_mean{"Moyenne", "Mean"};
    Text col_p90_worst{"p90 pire jour", "p90 worst day"};
    Text col_p95_worst{"p95 pire jour", "p95 worst day"};
    Text col_max{"Max", "Max"};
    Text col_time_in_centre{"Temps au centre", "Time in centre"};
    Text col_peak_queue{"File max (pers.)", "Peak queue"};
    Text waits_note{"Attente cumulée aux postes par personne servie ; le temps au centre va de "
                    "l'entrée à la sortie.",
                    "Time queued at all stations per person served; time in centre is entry to "
                    "exit."};

    // utilisation by role
    Text roles{"OCCUPATION PAR RÔLE (heures occupées / heures en poste sur la période)",
               "UTILISATION BY ROLE (busy / staffed hours over the run)"};
    Text col_role{"Rôle", "Role"};
    Text col_staffed_h{"H. en poste", "Staffed h"};
    Text col_busy_h{"H. occupées", "Busy h"};
    Text col_peak_required{"Besoin max", "Peak required"};
    Text col_peak_present{"Présents max", "Peak present"};

    // testing
    Text testing{"DÉPISTAGE", "TESTING"};
    Text col_demand{"Demande", "Demand"};
    Text col_antigen{"Antigéniques", "Antigen"};
    Text col_pcr{"PCR", "PCR"};
    Text col_no_kit{"Sans kit", "No kit"};
    Text col_result_delay_h{"Délai résultat (h)", "Result delay h"};
    Text col_kits_left{"Kits restants", "Kits left"};

    // mobile teams
    Text mobile_teams{"ÉQUIPES MOBILES", "MOBILE TEAMS"};
    Text col_team{"Équipe", "Team"};
    Text col_base{"Base", "Base"};
    Text col_days_out{"Jours de sortie", "Days out"};
    Text col_first_doses{"1res doses", "First doses"};
    Text col_second_doses{"2es doses", "Second doses"};
    Text col_visits{"Communes visitées", "Communes visited"};
    Text col_drive_h{"Route (h)", "Driving h"};

    // coverage
    Text coverage{"COUVERTURE PAR GROUPE", "COVERAGE BY GROUP"};
    Text as_of{"au", "as of"};
    Text no_coverage{"(aucune couverture enregistrée)", "(no coverage recorded)"};
    Text col_group{"Groupe", "Group"};
    Text col_population{"Population", "Population"};
    Text col_target{"Volontaires", "Target"};
    Text col_first_dose{"1re dose", "First dose"};
    Text col_complete{"Complet", "Complete"};
    Text col_pct{"%", "%"};
    Text col_pct_target{"% des volontaires", "% of target"};
    Text coverage_note{"% de la population du groupe ; volontaires = personnes qui souhaitent le "
                       "vaccin.",
                       "% of the group's population; target = people who want it."};

    // professions
    Text staff{"PROFESSIONNELS PAR PROFESSION", "STAFF BY PROFESSION"};
    Text no_staff{"(aucun professionnel mobilisé)", "(no staff recorded)"};
    Text col_profession{"Profession", "Profession"};
    Text col_pool{"Vivier", "Pool"};
    Text col_used{"Mobilisés", "Used"};
    Text col_rostered_h{"H. prévues", "Rostered h"};
    Text col_worked_h{"H. faites", "Worked h"};
    Text col_absent_h{"H. d'absence", "Absent h"};
    Text col_commute_h{"H. de trajet", "Commute h"};
    Text col_cost{"Coût EUR", "Cost EUR"};
    Text total{"Total", "Total"};
    Text staff_note{"Les heures faites sont des heures prises sur les soins habituels.",
                    "Worked hours are hours taken from routine care."};

    // shortfalls
    Text shortfalls{"SOUS-EFFECTIFS", "SHORTFALLS"};
    Text shortfalls_count{"vacation(s) × rôle en sous-effectif", "role-shifts short of staff"};
    Text col_date{"Date", "Date"};
    Text col_shift{"Vacation", "Shift"};
    Text col_required{"Requis", "Required"};
    Text col_rostered{"Prévus", "Rostered"};
    Text col_reason{"Motif", "Reason"};
    Text and_more{"... et", "... and"};
    Text more_see_csv{"de plus (voir shortfall.csv)", "more (see shortfall.csv)"};
};

inline constexpr SummaryTexts summary{};

} // namespace riposte::text
