#include "i18n.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

namespace riposte::gui {
namespace {

struct Entry {
    Text id;
    const char* fr;
    const char* en;
};

constexpr std::size_t text_count = static_cast<std::size_t>(Text::Count);

// One row per Text id, in enum order (checked below).
constexpr std::array<Entry, text_count> table{{
    {Text::AppTitle, "riposte — tableau de bord", "riposte — dashboard"},
    {Text::MenuView, "Affichage", "View"},
    {Text::MenuLanguage, "Langue", "Language"},
    {Text::LargeFont, "Grands caractères (projecteur)", "Large font (projector)"},
    {Text::PanelScenario, "Scénario", "Scenario"},
    {Text::PanelRun, "Simulation", "Run"},
    {Text::PanelLegend, "Légende de la carte", "Map legend"},
    {Text::ResetMapView, "Recentrer la carte", "Reset map view"},
    {Text::LanguageFrench, "Français", "French"},
    {Text::LanguageEnglish, "Anglais", "English"},
    {Text::WorldFile, "Fichier territoire", "World file"},
    {Text::PlanFile, "Fichier plan", "Plan file"},
    {Text::World, "Territoire", "World"},
    {Text::Plan, "Plan", "Plan"},
    {Text::StartDate, "Date de début", "Start date"},
    {Text::Days, "Jours", "Days"},
    {Text::Communes, "Communes", "Communes"},
    {Text::Population, "Population", "Population"},
    {Text::Roads, "Liaisons routières", "Road links"},
    {Text::Centres, "Centres", "Centres"},
    {Text::Pool, "Professionnels mobilisables", "Professionals (pool)"},
    {Text::People, "Personnes", "People"},
    {Text::PoolEntries, "Lignes du vivier", "Pool entries"},
    {Text::Professions, "Professions", "Professions"},
    {Text::Profession, "Profession", "Profession"},
    {Text::HoursPerWeek, "Heures / semaine", "Hours / week"},
    {Text::PopulationGroups, "Groupes prioritaires", "Priority groups"},
    {Text::Deliveries, "Livraisons", "Deliveries"},
    {Text::Doses, "Doses", "Doses"},
    {Text::DosesUnit, "doses", "doses"},
    {Text::Name, "Nom", "Name"},
    {Text::Insee, "INSEE", "INSEE"},
    {Text::Kind, "Type", "Kind"},
    {Text::Commune, "Commune", "Commune"},
    {Text::Hours, "Horaires", "Hours"},
    {Text::Stations, "Postes", "Stations"},
    {Text::KindVaccination, "Vaccination", "Vaccination"},
    {Text::KindTesting, "Dépistage", "Testing"},
    {Text::KindBoth, "Vaccination et dépistage", "Vaccination and testing"},
    {Text::LoadFailed, "Le scénario n'a pas pu être chargé :", "The scenario could not be loaded:"},
    {Text::LoadWarnings, "Avertissements", "Warnings"},
    {Text::NoScenario, "Aucun scénario chargé.", "No scenario loaded."},
    {Text::Seed, "Graine", "Seed"},
    {Text::RunOneReplication, "Lancer une réplication", "Run one replication"},
    {Text::Cancel, "Annuler", "Cancel"},
    {Text::StatusIdle, "Prêt", "Ready"},
    {Text::StatusRunning, "Simulation en cours…", "Running…"},
    {Text::StatusDone, "Terminé", "Done"},
    {Text::StatusFailed, "Échec de la simulation", "The run failed"},
    {Text::StatusCancelled, "Annulé", "Cancelled"},
    {Text::SimulatedDay, "Jour simulé", "Simulated day"},
    {Text::ElapsedSeconds, "Durée (s)", "Elapsed (s)"},
    {Text::Events, "Événements traités", "Events processed"},
    {Text::Totals, "Totaux de la réplication", "Replication totals"},
    {Text::Vaccinations, "Injections", "Vaccinations"},
    {Text::FirstDoses, "Premières doses", "First doses"},
    {Text::CompleteSchedules, "Schémas complets", "Complete schedules"},
    {Text::Tests, "Tests réalisés", "Tests"},
    {Text::Wanting, "Personnes souhaitant le vaccin", "People wanting the vaccine"},
    {Text::Unmet, "Demande non satisfaite", "Unmet demand"},
    {Text::UnmetCannotTravel, "dont personnes non déplaçables", "of which cannot travel"},
    {Text::NoShows, "Rendez-vous non honorés", "No-shows"},
    {Text::TurnedAway, "Personnes refoulées", "Turned away"},
    {Text::DosesDelivered, "Doses livrées", "Doses delivered"},
    {Text::DosesUsed, "Doses utilisées", "Doses used"},
    {Text::DosesWasted, "Doses perdues", "Doses wasted"},
    {Text::VialsOpened, "Flacons ouverts", "Vials opened"},
    {Text::WaitMean, "Attente moyenne", "Mean wait"},
    {Text::WaitP90, "Attente (90e centile)", "Wait (90th percentile)"},
    {Text::WaitP95, "Attente (95e centile)", "Wait (95th percentile)"},
    {Text::WaitMax, "Attente maximale", "Longest wait"},
    {Text::StaffHours, "Heures de professionnels", "Staff hours"},
    {Text::OvertimeHours, "Heures supplémentaires", "Overtime hours"},
    {Text::Cost, "Coût estimé (€)", "Estimated cost (EUR)"},
    {Text::ShortfallRoleShifts, "Postes non pourvus (rôle × vacation)", "Unfilled role shifts"},
    {Text::CoverageTargetDay, "Jour des 80 % de schémas complets", "Day 80% are fully vaccinated"},
    {Text::CoverageTargetDayHelp,
     "Premier jour où 80 % des personnes souhaitant le vaccin ont un schéma complet.",
     "First day on which 80% of the people wanting the vaccine have a complete schedule."},
    {Text::Never, "jamais", "never"},
    {Text::Minutes, "min", "min"},
    {Text::MapLegend, "Légende", "Legend"},
    {Text::LegendCommune, "Commune (surface ∝ population)", "Commune (area ∝ population)"},
    {Text::LegendRoad, "Liaison routière", "Road link"},
    {Text::LegendHelp, "Glisser pour déplacer, molette pour zoomer, R pour recentrer.",
     "Drag to pan, wheel to zoom, R to reset."},
    {Text::CentresHere, "Centres dans la commune", "Centres in this commune"},
    {Text::PanelCharts, "Indicateurs en direct", "Live indicators"},
    {Text::Play, "Lecture", "Play"},
    {Text::PauseRun, "Pause", "Pause"},
    {Text::StepEvent, "+1 événement", "+1 event"},
    {Text::StepHour, "+1 heure", "+1 hour"},
    {Text::StepDay, "+1 jour", "+1 day"},
    {Text::Speed, "Vitesse", "Speed"},
    {Text::SpeedAsFastAsPossible, "Au plus vite", "As fast as possible"},
    {Text::SpeedHelp, "Secondes simulées par seconde réelle (×1 à ×10 000).",
     "Simulated seconds per real second (×1 to ×10,000)."},
    {Text::JumpToDay, "Aller au jour", "Jump to day"},
    {Text::Go, "Aller", "Go"},
    {Text::Restart, "Relancer avec cette graine", "Restart with this seed"},
    {Text::StatusPaused, "En pause", "Paused"},
    {Text::StatusPlaying, "Lecture en cours", "Playing"},
    {Text::SimulatedTime, "Temps simulé", "Simulated time"},
    {Text::DayShort, "J", "D"},
    {Text::LiveTotals, "Totaux depuis le début", "Totals so far"},
    {Text::ChartVaccinationsPerDay, "Injections par jour et par centre",
     "Vaccinations per day per centre"},
    {Text::ChartWaits, "Attente par centre (médiane et 90e centile, min)",
     "Waits per centre (median and 90th percentile, min)"},
    {Text::ChartQueue, "File d'attente (personnes en attente)", "Queue length (people waiting)"},
    {Text::ChartUtilisation, "Taux d'occupation par rôle (%)", "Utilisation per role (%)"},
    {Text::ChartCoverage, "Couverture par groupe (% de la population, 1re dose)",
     "Coverage per group (% of population, first dose)"},
    {Text::ChartStock, "Stock en fin de journée", "Stock at day end"},
    {Text::ChartStaffHours, "Heures prises sur les soins courants",
     "Hours taken from routine care"},
    {Text::ChartStaffHoursByRole,
     "Heures de présence par rôle, jusqu'ici (par profession en fin de simulation)",
     "Hours on site by role so far (by profession when the run ends)"},
    {Text::AxisDay, "jour", "day"},
    {Text::AxisMinutes, "minutes", "minutes"},
    {Text::AxisPeople, "personnes", "people"},
    {Text::AxisDoses, "doses", "doses"},
    {Text::AxisPercent, "%", "%"},
    {Text::AxisHours, "heures", "hours"},
    {Text::TargetP90, "objectif p90", "p90 target"},
    {Text::TargetCoverage, "objectif", "target"},
    {Text::NoDataYet, "Pas encore de données : lancez la simulation.",
     "No data yet: play the run."},
    {Text::FirstCentresOnly, "Seuls les 8 premiers centres sont tracés.",
     "Only the first 8 centres are drawn."},
    {Text::TabActivity, "Activité", "Activity"},
    {Text::TabWaits, "Attentes", "Waits"},
    {Text::TabResources, "Ressources", "Resources"},
    {Text::PanelCentre, "Centre", "Centre"},
    {Text::DoorsOpen, "Portes ouvertes", "Doors open"},
    {Text::DoorsClosed, "Portes fermées", "Doors closed"},
    {Text::WaitingNow, "En attente", "Waiting"},
    {Text::InCentre, "Dans le centre", "In the centre"},
    {Text::StockDoses, "Stock (doses)", "Stock (doses)"},
    {Text::OpenVial, "Doses restantes dans le flacon ouvert", "Doses left in the open vial"},
    {Text::Station, "Poste", "Station"},
    {Text::Role, "Rôle", "Role"},
    {Text::Queued, "File", "Queued"},
    {Text::ServersBusy, "Occupés / présents", "Busy / present"},
    {Text::PlacesUsed, "Places occupées", "Places used"},
    {Text::Stopped, "arrêté", "stopped"},
    {Text::StaffOnSite, "Personnel présent par rôle", "Staff on site by role"},
    {Text::ShiftsToday, "Vacations du jour", "Today's shifts"},
    {Text::Today, "Aujourd'hui", "Today"},
    {Text::Arrivals, "Arrivées", "Arrivals"},
    {Text::Served, "Pris en charge", "Served"},
    {Text::ClickCentreHint, "Cliquer sur un centre de la carte pour ouvrir son panneau.",
     "Click a centre on the map to open its panel."},
    {Text::NotOpenToday, "Fermé aujourd'hui", "Closed today"},
    {Text::MetricLabel, "Couleur des communes", "Colour communes by"},
    {Text::MetricNone, "Aucune", "Nothing"},
    {Text::MetricTravel, "Temps d'accès au centre de vaccination ouvert le plus proche (min)",
     "Travel time to the nearest open vaccination centre (min)"},
    {Text::MetricCoverage, "Couverture 1re dose (% de la population)",
     "First-dose coverage (% of population)"},
    {Text::MetricUnmet, "Demande non satisfaite (% des demandeurs)",
     "Unmet demand (% of people wanting it)"},
    {Text::MetricAfterRun, "Connu à la fin de la simulation.", "Known when the run is over."},
    {Text::MetricNoValue, "gris : pas de valeur (aucun centre à portée)",
     "grey: no value (no centre within reach)"},
    {Text::AllGroups, "Tous les groupes", "All groups"},
    {Text::Group, "Groupe", "Group"},
    {Text::PanelConsole, "Console d'animation", "Facilitator console"},
    {Text::PanelCourse, "Main courante", "Event log (main courante)"},
    {Text::PanelPlayers, "Écran des joueurs", "Players' screen"},
    {Text::PlayersTitle, "riposte — cellule de crise", "riposte — crisis cell"},
    {Text::UpcomingInjects, "Stimuli à venir", "Upcoming injects"},
    {Text::NoUpcomingInjects, "Plus aucun stimulus prévu", "No inject left to come"},
    {Text::InjectId, "Stimulus", "Inject"},
    {Text::InjectTime, "Heure", "Time"},
    {Text::InjectText, "Message aux joueurs", "Text for players"},
    {Text::ControllerNotes, "Notes d'animation", "Controller notes"},
    {Text::FireNow, "Déclencher maintenant", "Fire now"},
    {Text::SkipInject, "Ne pas jouer", "Skip"},
    {Text::DelayInject, "Décaler à", "Delay to"},
    {Text::EditInject, "Remplacer l'effet", "Replace the effect"},
    {Text::AdHocInject, "Stimulus ad hoc", "Ad-hoc inject"},
    {Text::FireAdHoc, "Envoyer le stimulus", "Fire the inject"},
    {Text::PauseAtInjects, "Pause à chaque stimulus", "Pause at each inject"},
    {Text::RunToNextInject, "Aller au prochain stimulus", "Run to the next inject"},
    {Text::RewindTo, "Revenir à (nouvelle branche)", "Rewind to (new branch)"},
    {Text::JournalFile, "Journal", "Journal"},
    {Text::BranchOf, "Branche de", "Branch of"},
    {Text::AfterEntry, "après l'entrée", "after entry"},
    {Text::ActingAs, "Animateur", "Facilitator"},
    {Text::DecidedBy, "Décidé par", "Decided by"},
    {Text::DecisionKind, "Décision", "Decision"},
    {Text::DecCloseCentre, "Fermer un centre", "Close a centre"},
    {Text::DecOpenCentre, "Rouvrir un centre", "Reopen a centre"},
    {Text::DecAddLine, "Ajouter une ligne", "Add a line"},
    {Text::DecCallReserve, "Appeler la réserve", "Call reserve professionals"},
    {Text::DecReallocate, "Réallouer des doses", "Reallocate doses"},
    {Text::DecBooking, "Horizon de réservation", "Booking horizon"},
    {Text::DecMessage, "Message (sans effet sur le modèle)", "Message (no effect on the model)"},
    {Text::Centre, "Centre", "Centre"},
    {Text::ToCentre, "Vers le centre", "To centre"},
    {Text::FromTime, "De", "From"},
    {Text::UntilTime, "Jusqu'à", "Until"},
    {Text::PeopleCount, "Nombre de personnes", "People"},
    {Text::HorizonDays, "Horizon (jours)", "Horizon (days)"},
    {Text::FromDay, "À partir du jour", "From day"},
    {Text::Wording, "Libellé", "Wording"},
    {Text::Decide, "Décider", "Decide"},
    {Text::RefusedPrefix, "Refusée :", "Refused:"},
    {Text::Journaled, "Enregistrée au journal", "Journaled"},
    {Text::TimeFormatHelp, "Format : J3 14:00 (jour 0 = premier jour)",
     "Format: J3 14:00 (day 0 = first day)"},
    {Text::CourseSource, "Origine", "Source"},
    {Text::CourseWho, "Qui", "Who"},
    {Text::CourseWhat, "Quoi", "What"},
    {Text::SrcDecision, "Décision", "Decision"},
    {Text::SrcAdHoc, "Stimulus ad hoc", "Ad-hoc inject"},
    {Text::SrcScripted, "Stimulus", "Inject"},
    {Text::SrcSkipped, "Stimulus non joué", "Inject skipped"},
    {Text::SrcDelayed, "Stimulus décalé", "Inject delayed"},
    {Text::SrcEdited, "Stimulus modifié", "Inject edited"},
    {Text::SrcTrigger, "Stimulus conditionnel", "Conditional inject"},
    {Text::SrcObservation, "Observation", "Observation"},
    {Text::NotJournaled, "refusée, non journalisée", "refused, not journaled"},
    {Text::Observation, "Observation", "Observation"},
    {Text::RecordObservation, "Noter", "Record"},
    {Text::MessagesReceived, "Messages reçus", "Messages received"},
    {Text::NoMessageYet, "Aucun message pour l'instant", "No message yet"},
    {Text::ObjectiveKpis, "Indicateurs des objectifs", "Objectives' indicators"},
    {Text::TargetBelow, "cible ≤", "target ≤"},
    {Text::TargetAbove, "cible ≥", "target ≥"},
    {Text::Filter, "Filtre", "Filter"},
    {Text::EffectToml, "Effet (TOML, comme dans exercise.toml)",
     "Effect (TOML, as in exercise.toml)"},
    {Text::SessionError, "Erreur de session :", "Session error:"},
    {Text::InvalidTime, "Heure invalide", "Invalid time"},
    {Text::ShowAll, "Tout", "All"},
    {Text::ModelEvents, "Événements du modèle", "Model events"},
    {Text::LogWarning, "Alerte du modèle", "Model warning"},
    {Text::LogShortfall, "Manque de personnel", "Staff shortfall"},
    {Text::LogStockout, "Rupture de stock", "Stock-out"},
    {Text::ObservationObjective, "Objectif", "Objective"},
    {Text::ObservationRating, "Cotation (HSEEP) :", "Rating (HSEEP):"},
    {Text::RatingP, "P : réalisé sans difficulté", "P: performed without challenges"},
    {Text::RatingS, "S : réalisé avec quelques difficultés", "S: performed with some challenges"},
    {Text::RatingM, "M : réalisé avec des difficultés majeures",
     "M: performed with major challenges"},
    {Text::RatingU, "U : non réalisé", "U: unable to be performed"},
    {Text::ShareOfStaff, "Part des professionnels", "Share of the professionals"},
    {Text::LostShare, "Part perdue", "Share lost"},
    {Text::Factor, "Facteur", "Factor"},
    {Text::ExtraWalkIns, "Sans rendez-vous en plus par heure", "Extra walk-ins per hour"},
    {Text::DelayDays, "Retard (jours)", "Delay (days)"},
}};

constexpr bool table_in_enum_order() {
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (static_cast<std::size_t>(table[i].id) != i) return false;
        if (table[i].fr == nullptr || table[i].en == nullptr) return false;
        if (table[i].fr[0] == '\0' || table[i].en[0] == '\0') return false;
    }
    return true;
}
static_assert(table_in_enum_order(), "i18n table rows must follow the Text enum, none empty");

/// Inserts `sep` every three digits from the right of the digit string `digits`.
std::string group_digits(std::string_view digits, std::string_view sep) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return out;
}

std::string_view thousands_separator(Lang lang) {
    return lang == Lang::Fr ? std::string_view{"\xC2\xA0"} : std::string_view{","};
}

} // namespace

std::optional<Lang> parse_lang(std::string_view code) {
    if (code == "fr") return Lang::Fr;
    if (code == "en") return Lang::En;
    return std::nullopt;
}

std::string_view lang_code(Lang lang) {
    return lang == Lang::Fr ? "fr" : "en";
}

const char* tr(Lang lang, Text id) {
    const auto i = static_cast<std::size_t>(id);
    if (i >= table.size()) return "?";
    return lang == Lang::Fr ? table[i].fr : table[i].en;
}

std::string window_title(Lang lang, Text id, std::string_view stable_id) {
    std::string s = tr(lang, id);
    s += "###";
    s += stable_id;
    return s;
}

const char* label_value_format(Lang lang) {
    return lang == Lang::Fr ? "%s : %s" : "%s: %s";
}

std::string format_count(Lang lang, std::int64_t value) {
    // Magnitude as unsigned so INT64_MIN does not overflow.
    const bool negative = value < 0;
    const std::uint64_t magnitude = negative ? std::uint64_t{0} - static_cast<std::uint64_t>(value)
                                             : static_cast<std::uint64_t>(value);
    std::string s = group_digits(std::to_string(magnitude), thousands_separator(lang));
    return negative ? "-" + s : s;
}

std::string format_decimal(Lang lang, double value, int decimals) {
    if (!std::isfinite(value)) return "—";
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    // std::to_chars: independent of the C locale.
    char buf[400];
    const auto res =
        std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::fixed, decimals);
    if (res.ec != std::errc{}) return "—";
    std::string_view text{buf, static_cast<std::size_t>(res.ptr - buf)};
    const std::size_t dot = text.find('.');
    std::string s = group_digits(text.substr(0, dot), thousands_separator(lang));
    if (dot != std::string_view::npos) {
        s += lang == Lang::Fr ? ',' : '.';
        s += text.substr(dot + 1);
    }
    // No "-0,0": a value that rounds to zero is written without a sign.
    const bool all_zero = s.find_first_not_of("0,.\xC2\xA0") == std::string::npos;
    return (value < 0 && !all_zero) ? "-" + s : s;
}

} // namespace riposte::gui
