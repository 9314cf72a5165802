#pragma once
// The plan editor's model (issue 9 §5): the operations its buttons run on the draft plan, plain
// C++ (no ImGui) so that the tests call the very code the panel calls. Each returns whether it
// was done and a message for the user: why it was refused, or what else it changed to keep the
// plan whole (a removed centre's allocation share spread over the others, the people named for
// a removed station taken off the shifts).
#include "i18n.hpp"

#include "riposte/scenario.hpp"

#include <string>
#include <vector>

namespace riposte::gui {

struct PlanEdit {
    bool done = false;
    std::string message; ///< shown under the editor's title (empty: nothing to say)
};

/// A new centre as the "add a centre" form describes it.
struct NewCentre {
    std::string name;
    CentreKind kind = CentreKind::Vaccination;
    int commune = -1; ///< index in the world's communes
    SimTime opens = hours(8), closes = hours(18);
    WeekdayMask weekdays = 0b0111111; ///< Monday to Saturday
    int template_centre = -1;         ///< stations, slots and staffing taken from this centre
};

/// The centres a new centre of `kind` may take its stations from (those of the same kind, or
/// that do both).
std::vector<int> centre_templates(const Plan& plan, CentreKind kind);

/// Adds the centre: the template's stations, slots and waiting room; one shift over the new
/// hours with the template's first shift's staffing; no allocation share (0) until given one.
PlanEdit plan_add_centre(Scenario& sc, const NewCentre& c, Lang lang);

/// Removes a centre. Refused, naming them, when escalation rules name it (their condition or
/// a decision). Its allocation share is spread over the other centres of its vaccine, in
/// proportion to theirs (the message lists the new shares).
PlanEdit plan_remove_centre(Scenario& sc, int centre, Lang lang);

/// What the "name, kind and commune" form of a centre sets.
struct CentreIdentity {
    std::string name;
    CentreKind kind = CentreKind::Vaccination;
    int commune = -1; ///< index in the world's communes
};

/// Why `name` cannot be centre `centre`'s name (empty, or another centre's), as the form shows
/// it inline; empty when it can.
std::string centre_name_problem(const Plan& plan, int centre, const std::string& name, Lang lang);

/// Renames a centre, changes its kind or moves it to another commune, keeping the plan whole:
/// every escalation rule that names it (its condition, or a decision's centre, from or to) names
/// it by its new name. A centre that stops vaccinating gives its allocation share to the other
/// centres of its vaccine, as when it is removed; one that starts gets no share (0) until given
/// one. Refused when the name is empty or taken, or the commune is not the world's.
PlanEdit plan_edit_centre(Scenario& sc, int centre, const CentreIdentity& to, Lang lang);

/// Adds a station to a centre; every shift gets a place for it. A role that now staffs several
/// stations has its people named per station (the new one gets 1 more person on each shift
/// that staffs the role); a role no shift staffs gets 1 on each shift.
PlanEdit plan_add_station(Scenario& sc, int centre, const Station& station, Lang lang);

/// Removes a station (a centre keeps at least one). The people named for it leave the shifts;
/// a role left without a station is no longer staffed. Refused when an escalation rule slows
/// it by name.
PlanEdit plan_remove_station(Scenario& sc, int centre, int station, Lang lang);

/// Adds a copy of the centre's last shift / removes a shift (a centre keeps at least one).
PlanEdit plan_add_shift(Scenario& sc, int centre, Lang lang);
PlanEdit plan_remove_shift(Scenario& sc, int centre, int shift, Lang lang);

/// Adds a mobile team: a copy of the first team with a new name and base, else a one-nurse
/// team of the world's injection role. Removing one is refused when an escalation rule sends it.
PlanEdit plan_add_team(Scenario& sc, const std::string& name, int base_commune, Lang lang);
PlanEdit plan_remove_team(Scenario& sc, int team, Lang lang);

/// Escalation rules: a new rule (a long queue anywhere adds a line of the first staffed role
/// for 3 h), removed, or a decision added to / removed from a rule's `then`.
PlanEdit plan_add_escalation(Scenario& sc, Lang lang);
PlanEdit plan_remove_escalation(Scenario& sc, int rule, Lang lang);
PlanEdit plan_add_escalation_decision(Scenario& sc, int rule, Lang lang);
PlanEdit plan_remove_escalation_decision(Scenario& sc, int rule, int decision, Lang lang);

/// Replaces decision `decision` of rule `rule` by the change `toml` describes (a trigger's
/// change text: `kind = "add_line"` and its fields, times as offsets), read by the file reader
/// and checked against the draft's names. Refused with the reader's diagnostics.
PlanEdit plan_set_escalation_decision(Scenario& sc, int rule, int decision, const std::string& toml,
                                      Lang lang);

/// Whether `change` names centre `name` (its centre, from or to) / station `station`.
bool change_names_centre(const Change& change, const std::string& name);

} // namespace riposte::gui
