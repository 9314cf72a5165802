// The dashboard's section of the string table: one row per GuiText id, in enum order.
#include "riposte/text/gui_texts.hpp"

#include <array>

namespace riposte::text {

namespace {

struct Entry {
    GuiText id;
    const char* fr;
    const char* en;
};

constexpr std::size_t gui_text_count = static_cast<std::size_t>(GuiText::Count);

// One row per GuiText id, in enum order (checked below).
constexpr std::array<Entry, gui_text_count> table{{
    {GuiText::AppTitle, "riposte — tableau de bord", "riposte — dashboard"},
    {GuiText::MenuView, "Affichage", "View"},
    {GuiText::MenuLanguage, "Langue", "Language"},
    {GuiText::LargeFont, "Grands caractères (projecteur)", "Large font (projector)"},
    {GuiText::PanelScenario, "Scénario", "Scenario"},
    {GuiText::PanelRun, "Simulation", "Run"},
    {GuiText::PanelLegend, "Légende de la carte", "Map legend"},
    {GuiText::ResetMapView, "Recentrer la carte", "Reset map view"},
    {GuiText::LanguageFrench, "Français", "French"},
    {GuiText::LanguageEnglish, "Anglais", "English"},
    {GuiText::WorldFile, "Fichier territoire", "World file"},
    {GuiText::PlanFile, "Fichier plan", "Plan file"},
    {GuiText::World, "Territoire", "World"},
    {GuiText::Plan, "Plan", "Plan"},
    {GuiText::StartDate, "Date de début", "Start date"},
    {GuiText::Days, "Jours", "Days"},
    {GuiText::Communes, "Communes", "Communes"},
    {GuiText::Population, "Population", "Population"},
    {GuiText::Roads, "Liaisons routières", "Road links"},
    {GuiText::Centres, "Centres", "Centres"},
    {GuiText::Pool, "Professionnels mobilisables", "Professionals (pool)"},
    {GuiText::People, "Personnes", "People"},
    {GuiText::PoolEntries, "Lignes du vivier", "Pool entries"},
    {GuiText::Professions, "Professions", "Professions"},
    {GuiText::Profession, "Profession", "Profession"},
    {GuiText::HoursPerWeek, "Heures / semaine", "Hours / week"},
    {GuiText::PopulationGroups, "Groupes prioritaires", "Priority groups"},
    {GuiText::Deliveries, "Livraisons", "Deliveries"},
    {GuiText::Doses, "Doses", "Doses"},
    {GuiText::DosesUnit, "doses", "doses"},
    {GuiText::Name, "Nom", "Name"},
    {GuiText::Insee, "INSEE", "INSEE"},
    {GuiText::Kind, "Type", "Kind"},
    {GuiText::Commune, "Commune", "Commune"},
    {GuiText::Hours, "Horaires", "Hours"},
    {GuiText::Stations, "Postes", "Stations"},
    {GuiText::KindVaccination, "Vaccination", "Vaccination"},
    {GuiText::KindTesting, "Dépistage", "Testing"},
    {GuiText::KindBoth, "Vaccination et dépistage", "Vaccination and testing"},
    {GuiText::LoadFailed,
     "Le scénario n'a pas pu être chargé :", "The scenario could not be loaded:"},
    {GuiText::LoadWarnings, "Avertissements", "Warnings"},
    {GuiText::NoScenario, "Aucun scénario chargé.", "No scenario loaded."},
    {GuiText::Seed, "Graine", "Seed"},
    {GuiText::RunOneReplication, "Lancer une réplication", "Run one replication"},
    {GuiText::Cancel, "Annuler", "Cancel"},
    {GuiText::StatusIdle, "Prêt", "Ready"},
    {GuiText::StatusRunning, "Simulation en cours…", "Running…"},
    {GuiText::StatusDone, "Terminé", "Done"},
    {GuiText::StatusFailed, "Échec de la simulation", "The run failed"},
    {GuiText::StatusCancelled, "Annulé", "Cancelled"},
    {GuiText::SimulatedDay, "Jour simulé", "Simulated day"},
    {GuiText::ElapsedSeconds, "Durée (s)", "Elapsed (s)"},
    {GuiText::Events, "Événements traités", "Events processed"},
    {GuiText::Totals, "Totaux de la réplication", "Replication totals"},
    {GuiText::Vaccinations, "Injections", "Vaccinations"},
    {GuiText::FirstDoses, "Premières doses", "First doses"},
    {GuiText::CompleteSchedules, "Schémas complets", "Complete schedules"},
    {GuiText::Tests, "Tests réalisés", "Tests"},
    {GuiText::Wanting, "Personnes souhaitant le vaccin", "People wanting the vaccine"},
    {GuiText::Unmet, "Demande non satisfaite", "Unmet demand"},
    {GuiText::UnmetCannotTravel, "dont personnes non déplaçables", "of which cannot travel"},
    {GuiText::NoShows, "Rendez-vous non honorés", "No-shows"},
    {GuiText::TurnedAway, "Personnes refoulées", "Turned away"},
    {GuiText::DosesDelivered, "Doses livrées", "Doses delivered"},
    {GuiText::DosesUsed, "Doses utilisées", "Doses used"},
    {GuiText::DosesWasted, "Doses perdues", "Doses wasted"},
    {GuiText::VialsOpened, "Flacons ouverts", "Vials opened"},
    {GuiText::WaitMean, "Attente moyenne", "Mean wait"},
    {GuiText::WaitP90, "Attente (90e centile)", "Wait (90th percentile)"},
    {GuiText::WaitP95, "Attente (95e centile)", "Wait (95th percentile)"},
    {GuiText::WaitMax, "Attente maximale", "Longest wait"},
    {GuiText::StaffHours, "Heures de professionnels", "Staff hours"},
    {GuiText::OvertimeHours, "Heures supplémentaires", "Overtime hours"},
    {GuiText::Cost, "Coût estimé (€)", "Estimated cost (EUR)"},
    {GuiText::ShortfallRoleShifts, "Postes non pourvus (rôle × vacation)", "Unfilled role shifts"},
    {GuiText::CoverageTargetDay, "Jour des 80 % de schémas complets",
     "Day 80% are fully vaccinated"},
    {GuiText::CoverageTargetDayHelp,
     "Premier jour où 80 % des personnes souhaitant le vaccin ont un schéma complet.",
     "First day on which 80% of the people wanting the vaccine have a complete schedule."},
    {GuiText::Never, "jamais", "never"},
    {GuiText::Minutes, "min", "min"},
    {GuiText::MapLegend, "Légende", "Legend"},
    {GuiText::LegendCommune, "Commune (surface ∝ population)", "Commune (area ∝ population)"},
    {GuiText::LegendRoad, "Liaison routière", "Road link"},
    {GuiText::LegendHelp, "Glisser pour déplacer, molette pour zoomer, R pour recentrer.",
     "Drag to pan, wheel to zoom, R to reset."},
    {GuiText::CentresHere, "Centres dans la commune", "Centres in this commune"},
}};

constexpr bool table_in_enum_order() {
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (static_cast<std::size_t>(table[i].id) != i) return false;
        if (table[i].fr == nullptr || table[i].en == nullptr) return false;
        if (table[i].fr[0] == '\0' || table[i].en[0] == '\0') return false;
    }
    return true;
}
static_assert(table_in_enum_order(), "gui text rows must follow the GuiText enum, none empty");

} // namespace

Text gui_text(GuiText id) {
    const auto i = static_cast<std::size_t>(id);
    if (i >= table.size()) return {};
    return {table[i].fr, table[i].en};
}

} // namespace riposte::text
