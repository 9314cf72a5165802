#pragma once
// The dashboard's section of the string table (see strings.hpp): every text a person reads in
// riposte-gui. To add one: an id here, before Count, and its row (French, English) in the same
// place in sim/text/gui_texts.cpp; a compile-time check keeps the two in step. gui/i18n.hpp
// offers them to the panels as gui::Text and gui::tr().
#include "riposte/text/strings.hpp"

namespace riposte::text {

enum class GuiText {
    AppTitle,
    // menu bar
    MenuView,
    MenuLanguage,
    LargeFont,
    PanelScenario,
    PanelRun,
    PanelLegend,
    ResetMapView,
    LanguageFrench,
    LanguageEnglish,
    // scenario panel
    WorldFile,
    PlanFile,
    World,
    Plan,
    StartDate,
    Days,
    Communes,
    Population,
    Roads,
    Centres,
    Pool,
    People,
    PoolEntries,
    Professions,
    Profession,
    HoursPerWeek,
    PopulationGroups,
    Deliveries,
    Doses,
    DosesUnit,
    Name,
    Insee,
    Kind,
    Commune,
    Hours,
    Stations,
    KindVaccination,
    KindTesting,
    KindBoth,
    LoadFailed,
    LoadWarnings,
    NoScenario,
    // run panel
    Seed,
    RunOneReplication,
    Cancel,
    StatusIdle,
    StatusRunning,
    StatusDone,
    StatusFailed,
    StatusCancelled,
    SimulatedDay,
    ElapsedSeconds,
    Events,
    Totals,
    Vaccinations,
    FirstDoses,
    CompleteSchedules,
    Tests,
    Wanting,
    Unmet,
    UnmetCannotTravel,
    NoShows,
    TurnedAway,
    DosesDelivered,
    DosesUsed,
    DosesWasted,
    VialsOpened,
    WaitMean,
    WaitP90,
    WaitP95,
    WaitMax,
    StaffHours,
    OvertimeHours,
    Cost,
    ShortfallRoleShifts,
    CoverageTargetDay,
    CoverageTargetDayHelp,
    Never,
    Minutes,
    // map
    MapLegend,
    LegendCommune,
    LegendRoad,
    LegendHelp,
    CentresHere,
    Count ///< keep last
};

/// The entry of `id` (an empty Text for an id out of range).
Text gui_text(GuiText id);

} // namespace riposte::text
