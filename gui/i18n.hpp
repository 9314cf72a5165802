#pragma once
// Every text a person reads in the dashboard, in French (default) and English.
// Strings are UTF-8. Add an id here and its two translations in i18n.cpp (a compile-time check
// there keeps the table in step with this enum).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace riposte::gui {

enum class Lang { Fr, En };

/// "fr" / "en" → Lang; nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view code);
std::string_view lang_code(Lang lang);

enum class Text {
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
    // dashboard: run controls and live charts
    PanelCharts,
    Play,
    PauseRun,
    StepEvent,
    StepHour,
    StepDay,
    Speed,
    SpeedAsFastAsPossible,
    SpeedHelp,
    JumpToDay,
    Go,
    Restart,
    StatusPaused,
    StatusPlaying,
    SimulatedTime,
    DayShort,
    LiveTotals,
    ChartVaccinationsPerDay,
    ChartWaits,
    ChartQueue,
    ChartUtilisation,
    ChartCoverage,
    ChartStock,
    ChartStaffHours,
    ChartStaffHoursByRole,
    AxisDay,
    AxisMinutes,
    AxisPeople,
    AxisDoses,
    AxisPercent,
    AxisHours,
    TargetP90,
    TargetCoverage,
    NoDataYet,
    FirstCentresOnly,
    TabActivity,
    TabWaits,
    TabResources,
    // dashboard: centre panel
    PanelCentre,
    DoorsOpen,
    DoorsClosed,
    WaitingNow,
    InCentre,
    StockDoses,
    OpenVial,
    Station,
    Role,
    Queued,
    ServersBusy,
    PlacesUsed,
    Stopped,
    StaffOnSite,
    ShiftsToday,
    Today,
    Arrivals,
    Served,
    ClickCentreHint,
    NotOpenToday,
    // dashboard: map metric
    MetricLabel,
    MetricNone,
    MetricTravel,
    MetricCoverage,
    MetricUnmet,
    MetricAfterRun,
    MetricNoValue,
    AllGroups,
    Group,
    Count ///< keep last
};

/// The text in `lang`. Never null, never empty.
const char* tr(Lang lang, Text id);

/// Window title with a stable ImGui id: "<translated>###<id>", so switching language keeps the
/// window's place and size.
std::string window_title(Lang lang, Text id, std::string_view stable_id);

/// printf format for "label: value" with two %s ("%s : %s" in French, "%s: %s" in English).
const char* label_value_format(Lang lang);

/// Whole number with thousands separators: "12 345" (fr, no-break space) or "12,345" (en).
std::string format_count(Lang lang, std::int64_t value);
/// Number with `decimals` digits after the decimal mark ("," in fr, "." in en), grouped.
std::string format_decimal(Lang lang, double value, int decimals);

} // namespace riposte::gui
