#pragma once
// Interventions (SPEC §2): injects change the world, decisions change the plan. Each is a
// value of one type in `Change`, applied to a running Simulation between two events. The engine
// stamps what it applied with (simulated time, event ordinal, order among the changes at that
// ordinal); a change it cannot apply comes back as a Refusal with a reason, never an exception.
//
// Times are absolute simulated times (seconds since day 0, 00:00); days are day indices.
#include "riposte/core/ids.hpp"
#include "riposte/core/sim_time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace riposte {

/// Names the centres a change applies to, so that one exercise works on any territory.
struct CentreRef {
    enum class By : std::uint8_t {
        Name,      ///< the centre called `value`
        Largest,   ///< the centre with the most slots over the run
        NearestTo, ///< the centre nearest the commune `value` (INSEE code or name)
        Kind,      ///< every centre of kind `value` ("vaccination", "testing", "both")
        All,       ///< every centre
        /// In a trigger's change only: the centre where the trigger fired (exercise files:
        /// `centre = { concerned = true }`, or `centre` left out)
        Concerned,
    };
    By by = By::All;
    std::string value;

    static CentreRef named(std::string name) { return {By::Name, std::move(name)}; }
    static CentreRef all() { return {By::All, {}}; }
    static CentreRef concerned() { return {By::Concerned, {}}; }
    bool operator==(const CentreRef&) const = default;
};

// ---------------------------------------------------------------- injects (the world changes)

/// The centre's premises are lost until `until`: doors shut, people inside sent home (they
/// rebook), shifts in those hours cancelled, no new booking on the days it is shut.
struct CentreClosed {
    CentreRef centre;
    SimTime until;
    bool operator==(const CentreClosed&) const = default;
};

/// An IT outage (or any slow-down): service at the station (every station if empty) takes
/// `factor` times as long until `until`.
struct StationSlowed {
    CentreRef centre;
    std::string station; ///< empty: every station of the centre
    double factor = 2;
    SimTime until;
    bool operator==(const StationSlowed&) const = default;
};

/// `people` professionals of `profession` working at the centre fall ill for `days` days
/// (from now). Those on site leave now; their next shifts find them absent.
struct StaffIll {
    CentreRef centre;
    std::string profession;
    int people = 1;
    int days = 1;
    bool operator==(const StaffIll&) const = default;
};

/// An absence wave: each professional (of `profession`, every profession if empty) falls ill
/// with probability `share`, for `days` days from the next shift on.
struct AbsenceWave {
    std::string profession;
    double share = 0.2;
    int days = 1;
    bool operator==(const AbsenceWave&) const = default;
};

/// The next delivery (on a day from today) to the centres is `delay_days` late and
/// `lost_share` of it never arrives.
struct DeliveryLate {
    CentreRef centre;
    int delay_days = 1;
    double lost_share = 0;
    bool operator==(const DeliveryLate&) const = default;
};

/// The fridge failed: the centre's stock (and the opened vial) is destroyed.
struct ColdChainFailure {
    CentreRef centre;
    bool operator==(const ColdChainFailure&) const = default;
};

/// Demand surges for `days` days (a media announcement, a cluster).
/// At centres (`centre`): walk-in and test arrivals there come `factor` times as often.
/// For people (`commune` and/or `group` set; `centre` is then not used): the tests asked for
/// by the people of the commune (of the group; of both when both are set) are `factor` times
/// as many on the days that start meanwhile, and `walk_ins_per_hour` brings those people
/// without an appointment to the vaccination centres of the commune (every centre when only
/// the group is named) from now; everyone else's demand is unchanged.
struct DemandSurge {
    CentreRef centre;
    double factor = 2;
    int days = 1;
    double walk_ins_per_hour = 0; ///< extra unbooked arrivals per hour at vaccination centres
    std::string commune{};        ///< INSEE code or name (empty: not by commune)
    std::string group{};          ///< a population group's name (empty: not by group)
    [[nodiscard]] bool for_people() const { return !commune.empty() || !group.empty(); }
    bool operator==(const DemandSurge&) const = default;
};

// ---------------------------------------------------------------- decisions (the plan changes)

/// Close the centres from now until `until` (a decision), or reopen a closed one now.
struct SetCentreOpen {
    CentreRef centre;
    bool open = true;
    SimTime until; ///< closing only: reopens then
    bool operator==(const SetCentreOpen&) const = default;
};

/// Add a line: `people` professionals for `role` at the centre from `from` until `until`
/// (both absolute). They come from the pool: allowed in the role, not working then, within
/// their commute limit and with enough weekly hours left; with `reserve`, from the
/// professionals on call, who arrive after their call-in delay.
struct AddLine {
    CentreRef centre;
    std::string role;
    int people = 1;
    SimTime from, until;
    bool reserve = false;
    std::string profession; ///< only professionals of this profession (empty: any allowed)
    bool operator==(const AddLine&) const = default;
};

/// Move doses from one centre's stock to another's, now.
struct ReallocateDoses {
    CentreRef from, to;
    std::int64_t doses = 0;
    bool operator==(const ReallocateDoses&) const = default;
};

/// Booking policy from day `from_day` on (for bookings made from then).
struct ChangeBooking {
    int from_day = 0;
    std::optional<int> horizon_days;
    /// Slots of the centres named (every centre by default), for the days from `from_day`:
    std::optional<int> slot_minutes;   ///< length of a slot
    std::optional<int> doses_per_slot; ///< people booked on one slot
    std::optional<double> overbooking; ///< extra slots as a share of capacity
    CentreRef centre;
    bool operator==(const ChangeBooking&) const = default;
};

/// Move people: up to `people` professionals of `profession` on site at `from` now leave it and
/// work at `to` until the end of their shift, once they have driven there.
struct MoveStaff {
    CentreRef from, to;
    std::string profession;
    int people = 1;
    /// When they leave `from` ("3 nurses from Gignac to Lodève from 14:00"); empty: now. A
    /// later time is checked against the roster when decided, and the move happens then.
    std::optional<SimTime> leave_at;
    bool operator==(const MoveStaff&) const = default;
};

/// A new group becomes eligible now (an inject: the authorities open vaccination to it); its
/// people book from now on, each after their usual booking delay.
struct GroupEligible {
    std::string group;
    bool operator==(const GroupEligible&) const = default;
};

/// The road between two neighbouring communes is cut until `until`: travel times are computed
/// around it for the bookings made meanwhile (people already booked still come, on a longer
/// trip), and restored at `until`.
struct RoadCut {
    std::string a, b; ///< communes (INSEE code or name) joined by the road
    SimTime until;
    bool operator==(const RoadCut&) const = default;
};

/// Send a mobile team to the listed communes on day `day`: that day its round visits them, in
/// this order, instead of its usual round (second doses due still come first). On the day
/// itself, a round under way turns to them at once. The team must be out that day (one of its
/// weekdays, within its first and last day).
struct SendMobileTeam {
    std::string team;
    int day = 0;
    std::vector<std::string> communes; ///< INSEE codes or names
    bool operator==(const SendMobileTeam&) const = default;
};

/// Change a centre's opening hours on the days `from_day` to `to_day` (inclusive) on which it
/// opens: doors open at `opens` and close at `closes` (times of day). Days not started yet
/// change freely; today only closes later (same opening time, doors still open). Slots for those
/// days are recomputed from the new hours (never below the bookings already made). Staff follow the
/// hours: the people of the day's last shifts carry on to the new closing time (those of its first
/// shifts come at the new opening time), each one within their weekly hours and free of other
/// shifts, else someone of the pool allowed in the role, within their commute and with the hours
/// left takes over (refused, naming the profession and the hours nobody can work, when nobody can);
/// shorter hours cut the plan's shifts at the new times. People already booked on those days keep
/// their appointment: the centre spreads them over the new hours.
struct ChangeHours {
    CentreRef centre;
    int from_day = 0, to_day = 0;
    SimTime opens = hours(8), closes = hours(18);
    bool operator==(const ChangeHours&) const = default;
};

/// A decision the model does not apply (a message, a phone call): recorded only.
struct Message {
    std::string text;
    bool operator==(const Message&) const = default;
};

using Change =
    std::variant<CentreClosed, StationSlowed, StaffIll, AbsenceWave, DeliveryLate, ColdChainFailure,
                 DemandSurge, SetCentreOpen, AddLine, ReallocateDoses, ChangeBooking, Message,
                 MoveStaff, GroupEligible, RoadCut, SendMobileTeam, ChangeHours>;

/// Stable names of the kinds (exercise files, journals), indexed like Change's alternatives.
inline constexpr const char* change_kind_names[] = {
    "centre_closed",      "station_slowed", "staff_ill",       "absence_wave",   "delivery_late",
    "cold_chain_failure", "demand_surge",   "set_centre_open", "add_line",       "reallocate_doses",
    "change_booking",     "message",        "move_staff",      "group_eligible", "road_cut",
    "send_mobile_team",   "change_hours"};
static_assert(std::size(change_kind_names) == std::variant_size_v<Change>);
inline const char* change_kind_name(const Change& c) {
    return change_kind_names[c.index()];
}
/// Injects change the world; the other kinds are decisions.
inline bool is_inject(const Change& c) {
    return c.index() <= 6 || std::holds_alternative<GroupEligible>(c) ||
           std::holds_alternative<RoadCut>(c);
}

/// Where an applied change sits in the run: replay runs to `ordinal` events, checks `time`,
/// and applies the changes of that ordinal in `order`.
struct ChangeStamp {
    SimTime time;
    std::uint64_t ordinal = 0; ///< events processed before the change
    std::uint32_t order = 0;   ///< among the changes applied at that ordinal
    auto operator<=>(const ChangeStamp&) const = default;
};

enum class RefusalReason : std::uint8_t {
    UnknownCentre,     ///< subject: the name or selector
    UnknownStation,    ///< subject: station name
    UnknownProfession, ///< subject: profession
    UnknownRole,       ///< subject: role
    UnknownTeam,       ///< subject: mobile team
    PastHorizon,       ///< the time or day is past the end of the run
    InThePast,         ///< the time or day is before now
    NoneWithinReach,   ///< subject: role; number: people who could come
    NotEnoughStock,    ///< number: doses in stock at the origin
    NotApplicable,     ///< subject: why (e.g. the centre does not vaccinate)
    BadValue,          ///< subject: the field
    // change_hours
    StaffHoursShort, ///< subject: profession; number: hours missing (weekly hours, other shifts)
};

/// Why a change is not applicable (RefusalReason::NotApplicable) or which value is wrong
/// (BadValue), when a field name alone does not say it. The words are in the front ends'
/// language (describe_refusal); `subject` and `subject2` hold only names.
enum class RefusalDetail : std::uint8_t {
    None,               ///< BadValue: `subject` is the field
    CentreNotClosed,    ///< subject: centre
    ProfessionAbsent,   ///< subject: profession (nobody of it works there in that period)
    LineTooLong,        ///< a line lasts at most 16 h
    NoDeliveryToCome,   ///<
    SameCentre,         ///< from and to name the same centre
    VaccineNotGiven,    ///< subject: the centre receiving; subject2: the centre giving
    UnknownCommune,     ///< subject: commune
    NoRoad,             ///< subject, subject2: the two communes
    UnknownGroup,       ///< subject: group
    AlreadyEligible,    ///< subject: group
    NoCommunes,         ///< no commune listed
    TeamNotOut,         ///< subject: team; number: the day (1-based)
    RoundOver,          ///< subject: team
    OpenAroundTheClock, ///< subject: centre (change_hours)
    NotOpenThoseDays,   ///< change_hours: the centre does not open on any of those days
    TodayOnlyLater,     ///< change_hours: today may only close later, at the same opening
};

struct Refusal {
    RefusalReason reason = RefusalReason::BadValue;
    std::string subject;
    double number = 0;
    RefusalDetail detail = RefusalDetail::None;
    std::string subject2;
};

/// What applying a change did.
struct ChangeOutcome {
    ChangeStamp stamp;
    std::optional<Refusal> refusal; ///< set when nothing was applied
    std::vector<CentreId> centres;  ///< centres the change touched
    int people = 0;                 ///< professionals added / fallen ill / moved
    std::int64_t doses = 0;         ///< doses moved, delayed, lost or destroyed
    [[nodiscard]] bool applied() const { return !refusal; }
};

/// One line of text for a refusal, in French ("fr") or English.
std::string describe_refusal(const Refusal& r, std::string_view lang = "fr");

} // namespace riposte
