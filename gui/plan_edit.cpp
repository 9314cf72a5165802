#include "plan_edit.hpp"

#include "riposte/core/distribution.hpp"
#include "riposte/exercise_loader.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <type_traits>

namespace riposte::gui {
namespace {

std::string quoted(Lang lang, const std::string& s) {
    return lang == Lang::Fr ? "« " + s + " »" : "'" + s + "'";
}

std::string share_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

bool centre_in_range(const Scenario& sc, int c) {
    return c >= 0 && static_cast<std::size_t>(c) < sc.plan.centres.size();
}

std::string rule_name(const Escalation& e) {
    const std::string prefix = "escalation:";
    return e.id.starts_with(prefix) ? e.id.substr(prefix.size()) : e.id;
}

/// The escalation rules whose condition or decisions satisfy `names`, as a list of names.
template <class Pred> std::string rules_naming(const Plan& p, Lang lang, Pred names) {
    std::string out;
    for (const Escalation& e : p.escalations) {
        bool hit = false;
        for (const Change& c : e.then) hit = hit || names(c);
        if (hit) out += (out.empty() ? "" : ", ") + quoted(lang, rule_name(e));
    }
    return out;
}

int first_role(const World& w, std::initializer_list<const char*> names) {
    for (const char* n : names) {
        const int r = w.find_role(n).value();
        if (r >= 0) return r;
    }
    return w.roles.empty() ? -1 : 0;
}

/// The allocation share of `leaving` (a centre removed, or no longer vaccinating) spread over
/// the other vaccinating centres of its vaccine (not `skip`), in proportion to theirs; what
/// the message says of it (empty: nothing to spread).
std::string spread_share(Plan& p, const Centre& leaving, int skip, Lang lang) {
    if (!leaving.vaccinates() || leaving.allocation_share <= 0) return {};
    std::vector<Centre*> same;
    double sum = 0;
    for (std::size_t i = 0; i < p.centres.size(); ++i) {
        Centre& c = p.centres[i];
        if (static_cast<int>(i) != skip && c.vaccinates() && c.vaccine == leaving.vaccine) {
            same.push_back(&c);
            sum += c.allocation_share;
        }
    }
    if (same.empty()) return {};
    std::string shares;
    for (Centre* c : same) {
        const double extra = sum > 0 ? leaving.allocation_share * c->allocation_share / sum
                                     : leaving.allocation_share / static_cast<double>(same.size());
        c->allocation_share = std::min(1.0, c->allocation_share + extra);
        shares += (shares.empty() ? "" : ", ") + c->name + " " + share_text(c->allocation_share);
    }
    return " " + std::string(tr(lang, Text::PeSharesSpread)) + " " + shares + ".";
}

} // namespace

bool change_names_centre(const Change& change, const std::string& name) {
    const CentreRef ref = CentreRef::named(name);
    bool hit = false;
    std::visit(
        [&](const auto& c) {
            if constexpr (requires { c.centre; })
                if constexpr (std::is_same_v<std::decay_t<decltype(c.centre)>, CentreRef>)
                    hit = hit || c.centre == ref;
            if constexpr (requires { c.from; })
                if constexpr (std::is_same_v<std::decay_t<decltype(c.from)>, CentreRef>)
                    hit = hit || c.from == ref;
            if constexpr (requires { c.to; })
                if constexpr (std::is_same_v<std::decay_t<decltype(c.to)>, CentreRef>)
                    hit = hit || c.to == ref;
        },
        change);
    return hit;
}

std::vector<int> centre_templates(const Plan& plan, CentreKind kind) {
    std::vector<int> out;
    for (std::size_t i = 0; i < plan.centres.size(); ++i) {
        const Centre& c = plan.centres[i];
        if (c.kind == kind || c.kind == CentreKind::Both) out.push_back(static_cast<int>(i));
    }
    return out;
}

PlanEdit plan_add_centre(Scenario& sc, const NewCentre& n, Lang lang) {
    PlanEdit out;
    const auto first = n.name.find_first_not_of(' ');
    if (first == std::string::npos) {
        out.message = tr(lang, Text::PeNameEmpty);
        return out;
    }
    if (sc.plan.find_centre(n.name).valid()) {
        out.message = quoted(lang, n.name) + " : " + tr(lang, Text::PeNameTaken);
        return out;
    }
    if (n.commune < 0 ||
        static_cast<std::size_t>(n.commune) >= sc.world.territory.communes.size()) {
        out.message = tr(lang, Text::PeNoCommune);
        return out;
    }
    if (n.closes <= n.opens) {
        out.message = tr(lang, Text::PeBadHours);
        return out;
    }
    const auto templates = centre_templates(sc.plan, n.kind);
    if (std::find(templates.begin(), templates.end(), n.template_centre) == templates.end()) {
        out.message = tr(lang, Text::PeNoTemplate);
        return out;
    }
    const Centre& t = sc.plan.centres[static_cast<std::size_t>(n.template_centre)];
    Centre c = t; // stations, slots, vaccine, tests, waiting room
    c.name = n.name;
    c.display_name.clear();
    c.kind = n.kind;
    c.commune = n.commune;
    c.weekdays = n.weekdays;
    c.first_day = 0;
    c.last_day = Centre{}.last_day;
    c.continuous = false;
    c.opens = n.opens;
    c.closes = n.closes;
    c.allocation_share = 0;
    c.shifts.clear();
    Shift s = t.shifts.empty() ? Shift{} : t.shifts.front();
    s.weekdays = n.weekdays;
    s.first_day = 0;
    s.last_day = Shift{}.last_day;
    s.start = n.opens;
    s.end = n.closes;
    s.staff.resize(sc.world.roles.size(), 0);
    s.station_staff.resize(c.stations.size(), -1);
    s.staff_where = {};
    c.shifts.push_back(s);
    sc.plan.centres.push_back(std::move(c));
    out.done = true;
    out.message = std::string(tr(lang, Text::PeAdded)) + " " + quoted(lang, n.name) + " (" +
                  tr(lang, Text::PeStationsFrom) + " " + quoted(lang, t.name) + ")";
    if (n.kind != CentreKind::Testing)
        out.message += ". " + std::string(tr(lang, Text::PeGiveShare));
    return out;
}

PlanEdit plan_remove_centre(Scenario& sc, int centre, Lang lang) {
    PlanEdit out;
    if (!centre_in_range(sc, centre)) return out;
    Plan& p = sc.plan;
    const Centre removed = p.centres[static_cast<std::size_t>(centre)];
    // rules that name it: refused (the user decides what they should name instead)
    std::string rules;
    for (const Escalation& e : p.escalations) {
        bool hit = e.when.centre == CentreRef::named(removed.name);
        for (const Change& c : e.then) hit = hit || change_names_centre(c, removed.name);
        if (hit) rules += (rules.empty() ? "" : ", ") + quoted(lang, rule_name(e));
    }
    if (!rules.empty()) {
        out.message =
            quoted(lang, removed.name) + " : " + tr(lang, Text::PeCentreUsedByRules) + " " + rules;
        return out;
    }
    p.centres.erase(p.centres.begin() + centre);
    out.done = true;
    out.message = std::string(tr(lang, Text::PeRemoved)) + " " + quoted(lang, removed.name) + ".";
    out.message += spread_share(p, removed, -1, lang);
    return out;
}

std::string centre_name_problem(const Plan& plan, int centre, const std::string& name, Lang lang) {
    if (name.find_first_not_of(' ') == std::string::npos) return tr(lang, Text::PeNameEmpty);
    const int other = plan.find_centre(name).value();
    if (other >= 0 && other != centre)
        return quoted(lang, name) + " : " + tr(lang, Text::PeNameTaken);
    return {};
}

PlanEdit plan_edit_centre(Scenario& sc, int centre, const CentreIdentity& to, Lang lang) {
    PlanEdit out;
    if (!centre_in_range(sc, centre)) return out;
    Plan& p = sc.plan;
    if (std::string problem = centre_name_problem(p, centre, to.name, lang); !problem.empty()) {
        out.message = std::move(problem);
        return out;
    }
    if (to.commune < 0 ||
        static_cast<std::size_t>(to.commune) >= sc.world.territory.communes.size()) {
        out.message = tr(lang, Text::PeNoCommune);
        return out;
    }
    Centre& c = p.centres[static_cast<std::size_t>(centre)];
    const Centre before = c;
    if (to.name == before.name && to.kind == before.kind && to.commune == before.commune) {
        out.message = tr(lang, Text::PeNothingChanged);
        return out;
    }
    if (to.kind != before.kind) {
        // the stations must already do what the new kind does, and nothing it does not (the
        // loader refuses a vaccination centre with a sampling station, and the reverse)
        const bool doses = std::any_of(c.stations.begin(), c.stations.end(),
                                       [](const Station& st) { return st.gives_dose; });
        const bool samples = std::any_of(c.stations.begin(), c.stations.end(),
                                         [](const Station& st) { return st.takes_sample; });
        const bool vaccinates = to.kind != CentreKind::Testing;
        const bool tests = to.kind != CentreKind::Vaccination;
        const Text problem = tests && !samples      ? Text::PeKindNeedsSample
                             : vaccinates && !doses ? Text::PeKindNeedsDose
                             : !vaccinates && doses ? Text::PeKindGivesDose
                             : !tests && samples    ? Text::PeKindTakesSample
                                                    : Text::Count;
        if (problem != Text::Count) {
            out.message = quoted(lang, before.name) + " : " + tr(lang, problem);
            return out;
        }
    }
    std::string message;
    if (to.name != before.name) {
        c.name = to.name;
        if (c.display_name == before.name) c.display_name.clear();
        // the rules that name it follow it
        const CentreRef old_ref = CentreRef::named(before.name);
        const CentreRef new_ref = CentreRef::named(to.name);
        std::string rules;
        for (Escalation& e : p.escalations) {
            bool hit = false;
            if (e.when.centre == old_ref) {
                e.when.centre = new_ref;
                hit = true;
            }
            for (Change& change : e.then)
                std::visit(
                    [&](auto& ch) {
                        if constexpr (requires { ch.centre; })
                            if constexpr (std::is_same_v<std::decay_t<decltype(ch.centre)>,
                                                         CentreRef>)
                                if (ch.centre == old_ref) {
                                    ch.centre = new_ref;
                                    hit = true;
                                }
                        if constexpr (requires { ch.from; })
                            if constexpr (std::is_same_v<std::decay_t<decltype(ch.from)>,
                                                         CentreRef>)
                                if (ch.from == old_ref) {
                                    ch.from = new_ref;
                                    hit = true;
                                }
                        if constexpr (requires { ch.to; })
                            if constexpr (std::is_same_v<std::decay_t<decltype(ch.to)>, CentreRef>)
                                if (ch.to == old_ref) {
                                    ch.to = new_ref;
                                    hit = true;
                                }
                    },
                    change);
            if (hit) rules += (rules.empty() ? "" : ", ") + quoted(lang, rule_name(e));
        }
        message = quoted(lang, before.name) + " " + tr(lang, Text::PeRenamed) + " " +
                  quoted(lang, to.name) + ".";
        if (!rules.empty())
            message += " " + std::string(tr(lang, Text::PeRulesFollow)) + " " + rules + ".";
        if (!p.stress.empty()) message += " " + std::string(tr(lang, Text::PeStressNamesCentres));
    }
    if (to.kind != before.kind) {
        c.kind = to.kind;
        const char* kind = to.kind == CentreKind::Vaccination ? tr(lang, Text::PeKindVaccination)
                           : to.kind == CentreKind::Testing   ? tr(lang, Text::PeKindTesting)
                                                              : tr(lang, Text::PeKindBoth);
        message += (message.empty() ? "" : " ") + std::string(tr(lang, Text::PeKindNow)) + " " +
                   kind + ".";
        const Centre defaults;
        if (!c.vaccinates()) {
            // what only a vaccination centre has goes back to the defaults (the plan file
            // does not write it for another kind: the saved plan reloads equal)
            c.vaccine = defaults.vaccine;
            c.slot_length = defaults.slot_length;
            c.doses_per_slot = defaults.doses_per_slot;
            c.walk_ins_per_hour = defaults.walk_ins_per_hour;
            c.walk_in_only = defaults.walk_in_only;
            c.hourly_profile = defaults.hourly_profile;
        }
        if (!c.tests()) {
            c.test_type = defaults.test_type;
            c.pcr_result_delay = defaults.pcr_result_delay;
        }
        if (before.vaccinates() && !c.vaccinates()) {
            c.allocation_share = 0;
            message += spread_share(p, before, centre, lang);
        } else if (!before.vaccinates() && c.vaccinates()) {
            c.allocation_share = 0;
            message += " " + std::string(tr(lang, Text::PeGiveShare));
        }
    }
    if (to.commune != before.commune) {
        c.commune = to.commune;
        message += (message.empty() ? "" : " ") + std::string(tr(lang, Text::PeCommuneNow)) + " " +
                   sc.world.territory.communes[static_cast<std::size_t>(to.commune)].name + ".";
    }
    out.done = true;
    out.message = std::move(message);
    return out;
}

PlanEdit plan_add_station(Scenario& sc, int centre, const Station& st, Lang lang) {
    PlanEdit out;
    if (!centre_in_range(sc, centre)) return out;
    Centre& c = sc.plan.centres[static_cast<std::size_t>(centre)];
    if (st.name.find_first_not_of(' ') == std::string::npos) {
        out.message = tr(lang, Text::PeNameEmpty);
        return out;
    }
    for (const Station& s : c.stations)
        if (s.name == st.name) {
            out.message = quoted(lang, st.name) + " : " + tr(lang, Text::PeNameTaken);
            return out;
        }
    std::vector<std::size_t> same_role;
    for (std::size_t k = 0; k < c.stations.size(); ++k)
        if (st.role.valid() && c.stations[k].role == st.role) same_role.push_back(k);
    c.stations.push_back(st);
    const std::size_t added = c.stations.size() - 1;
    for (Shift& s : c.shifts) {
        s.station_staff.resize(c.stations.size(), -1);
        if (!st.role.valid()) continue;
        auto& staff = s.staff.at(st.role);
        if (!same_role.empty()) {
            if (staff == 0) continue;
            // the people already there stay where they were named (or on the first station)
            int named = 0;
            for (std::size_t k : same_role) named += std::max(0, s.station_staff[k]);
            if (named < staff) {
                const std::size_t k0 = same_role.front();
                s.station_staff[k0] = std::max(0, s.station_staff[k0]) + (staff - named);
            }
            for (std::size_t k : same_role)
                if (s.station_staff[k] < 0) s.station_staff[k] = 0;
            s.station_staff[added] = 1;
            staff += 1;
        } else if (staff == 0) {
            staff = 1;
        }
    }
    out.done = true;
    out.message = std::string(tr(lang, Text::PeAdded)) + " " + quoted(lang, st.name) + ".";
    if (st.role.valid()) out.message += " " + std::string(tr(lang, Text::PeStationStaffed));
    return out;
}

PlanEdit plan_remove_station(Scenario& sc, int centre, int station, Lang lang) {
    PlanEdit out;
    if (!centre_in_range(sc, centre)) return out;
    Centre& c = sc.plan.centres[static_cast<std::size_t>(centre)];
    if (station < 0 || static_cast<std::size_t>(station) >= c.stations.size()) return out;
    if (c.stations.size() <= 1) {
        out.message = tr(lang, Text::PeLastStation);
        return out;
    }
    const Station st = c.stations[static_cast<std::size_t>(station)];
    const std::string rules = rules_naming(sc.plan, lang, [&](const Change& ch) {
        const auto* slow = std::get_if<StationSlowed>(&ch);
        return slow && slow->station == st.name &&
               (slow->centre == CentreRef::named(c.name) || slow->centre.by != CentreRef::By::Name);
    });
    if (!rules.empty()) {
        out.message =
            quoted(lang, st.name) + " : " + tr(lang, Text::PeStationUsedByRules) + " " + rules;
        return out;
    }
    const auto k = static_cast<std::size_t>(station);
    c.stations.erase(c.stations.begin() + station);
    bool role_left = false;
    for (const Station& s : c.stations)
        role_left = role_left || (st.role.valid() && s.role == st.role);
    int taken = 0;
    for (Shift& s : c.shifts) {
        if (k < s.station_staff.size()) {
            if (st.role.valid() && s.station_staff[k] > 0) {
                auto& staff = s.staff.at(st.role);
                staff = std::max(0, staff - s.station_staff[k]);
                taken += s.station_staff[k];
            }
            s.station_staff.erase(s.station_staff.begin() + station);
        }
        if (st.role.valid() && !role_left && st.role != sc.world.supervision_role()) {
            taken += s.staff.at(st.role);
            s.staff.at(st.role) = 0;
        }
    }
    out.done = true;
    out.message = std::string(tr(lang, Text::PeRemoved)) + " " + quoted(lang, st.name) + ".";
    if (taken > 0)
        out.message +=
            " " + std::string(tr(lang, Text::PeStaffTaken)) + " " + std::to_string(taken) + ".";
    return out;
}

PlanEdit plan_add_shift(Scenario& sc, int centre, Lang lang) {
    PlanEdit out;
    if (!centre_in_range(sc, centre)) return out;
    Centre& c = sc.plan.centres[static_cast<std::size_t>(centre)];
    Shift s = c.shifts.empty() ? Shift{} : c.shifts.back();
    if (c.shifts.empty()) {
        s.start = c.opens;
        s.end = c.closes;
        s.weekdays = c.weekdays;
        s.staff.assign(sc.world.roles.size(), 0);
        s.station_staff.assign(c.stations.size(), -1);
    }
    s.staff_where = {};
    c.shifts.push_back(s);
    out.done = true;
    (void)lang;
    return out;
}

PlanEdit plan_remove_shift(Scenario& sc, int centre, int shift, Lang lang) {
    PlanEdit out;
    if (!centre_in_range(sc, centre)) return out;
    Centre& c = sc.plan.centres[static_cast<std::size_t>(centre)];
    if (shift < 0 || static_cast<std::size_t>(shift) >= c.shifts.size()) return out;
    if (c.shifts.size() <= 1) {
        out.message = tr(lang, Text::PeLastShift);
        return out;
    }
    c.shifts.erase(c.shifts.begin() + shift);
    out.done = true;
    return out;
}

PlanEdit plan_add_team(Scenario& sc, const std::string& name, int base, Lang lang) {
    PlanEdit out;
    if (name.find_first_not_of(' ') == std::string::npos) {
        out.message = tr(lang, Text::PeNameEmpty);
        return out;
    }
    for (const MobileTeam& m : sc.plan.mobile_teams)
        if (m.name == name) {
            out.message = quoted(lang, name) + " : " + tr(lang, Text::PeNameTaken);
            return out;
        }
    if (base < 0 || static_cast<std::size_t>(base) >= sc.world.territory.communes.size()) {
        out.message = tr(lang, Text::PeNoCommune);
        return out;
    }
    MobileTeam m;
    if (!sc.plan.mobile_teams.empty()) {
        m = sc.plan.mobile_teams.front();
        m.communes.clear();
    } else {
        const int injection = first_role(sc.world, {"injection", "vaccination"});
        m.staff.assign(sc.world.roles.size(), 0);
        if (injection >= 0) m.staff[RoleId{injection}] = 1;
        m.role_needed = RoleId{injection};
        m.weekdays = 0b0011111; // Monday to Friday
        if (auto d = parse_distribution("20 + exp(10)", 60.0); d.value) m.visit = *d.value;
        for (const Centre& c : sc.plan.centres)
            if (c.vaccinates()) {
                m.vaccine = c.vaccine;
                break;
            }
    }
    m.name = name;
    m.base_commune = base;
    m.allocation_share = 0;
    sc.plan.mobile_teams.push_back(std::move(m));
    out.done = true;
    out.message = std::string(tr(lang, Text::PeAdded)) + " " + quoted(lang, name) + ". " +
                  tr(lang, Text::PeGiveShare);
    return out;
}

PlanEdit plan_remove_team(Scenario& sc, int team, Lang lang) {
    PlanEdit out;
    if (team < 0 || static_cast<std::size_t>(team) >= sc.plan.mobile_teams.size()) return out;
    const std::string name = sc.plan.mobile_teams[static_cast<std::size_t>(team)].name;
    const std::string rules = rules_naming(sc.plan, lang, [&](const Change& ch) {
        const auto* send = std::get_if<SendMobileTeam>(&ch);
        return send && send->team == name;
    });
    if (!rules.empty()) {
        out.message = quoted(lang, name) + " : " + tr(lang, Text::PeTeamUsedByRules) + " " + rules;
        return out;
    }
    sc.plan.mobile_teams.erase(sc.plan.mobile_teams.begin() + team);
    out.done = true;
    out.message = std::string(tr(lang, Text::PeRemoved)) + " " + quoted(lang, name) + ".";
    return out;
}

PlanEdit plan_add_escalation(Scenario& sc, Lang lang) {
    PlanEdit out;
    Escalation e;
    int n = static_cast<int>(sc.plan.escalations.size()) + 1;
    auto taken = [&](const std::string& id) {
        return std::any_of(sc.plan.escalations.begin(), sc.plan.escalations.end(),
                           [&](const Escalation& x) { return x.id == id; });
    };
    do
        e.id =
            "escalation:" + std::string(tr(lang, Text::PeNewRuleName)) + " " + std::to_string(n++);
    while (taken(e.id));
    e.when.kind = Condition::Kind::QueueAbove;
    e.when.threshold = 40;
    e.when.for_time = minutes(30);
    e.when.centre = CentreRef::all();
    AddLine line;
    line.centre = CentreRef::concerned();
    const int role = first_role(sc.world, {"injection", "vaccination"});
    if (role >= 0) line.role = sc.world.roles[RoleId{role}];
    line.people = 1;
    line.until = hours(3);
    e.then.push_back(line);
    sc.plan.escalations.push_back(std::move(e));
    out.done = true;
    return out;
}

PlanEdit plan_remove_escalation(Scenario& sc, int rule, Lang lang) {
    PlanEdit out;
    if (rule < 0 || static_cast<std::size_t>(rule) >= sc.plan.escalations.size()) return out;
    const std::string name = rule_name(sc.plan.escalations[static_cast<std::size_t>(rule)]);
    sc.plan.escalations.erase(sc.plan.escalations.begin() + rule);
    out.done = true;
    out.message = std::string(tr(lang, Text::PeRemoved)) + " " + quoted(lang, name) + ".";
    return out;
}

PlanEdit plan_add_escalation_decision(Scenario& sc, int rule, Lang lang) {
    PlanEdit out;
    if (rule < 0 || static_cast<std::size_t>(rule) >= sc.plan.escalations.size()) return out;
    sc.plan.escalations[static_cast<std::size_t>(rule)].then.push_back(
        Message{tr(lang, Text::PeNewMessage)});
    out.done = true;
    return out;
}

PlanEdit plan_remove_escalation_decision(Scenario& sc, int rule, int decision, Lang lang) {
    PlanEdit out;
    if (rule < 0 || static_cast<std::size_t>(rule) >= sc.plan.escalations.size()) return out;
    auto& then = sc.plan.escalations[static_cast<std::size_t>(rule)].then;
    if (decision < 0 || static_cast<std::size_t>(decision) >= then.size()) return out;
    if (then.size() <= 1) {
        out.message = tr(lang, Text::PeLastDecision);
        return out;
    }
    then.erase(then.begin() + decision);
    out.done = true;
    return out;
}

PlanEdit plan_set_escalation_decision(Scenario& sc, int rule, int decision, const std::string& toml,
                                      Lang lang) {
    PlanEdit out;
    if (rule < 0 || static_cast<std::size_t>(rule) >= sc.plan.escalations.size()) return out;
    auto& then = sc.plan.escalations[static_cast<std::size_t>(rule)].then;
    if (decision < 0 || static_cast<std::size_t>(decision) >= then.size()) return out;
    // read as a trigger's change (times as offsets from the firing), as the plan reader does
    const std::string doc = "[exercise]\nname = \"decision\"\n[[trigger]]\nid = \"decision\"\n"
                            "when = { queue_above = 1 }\n" +
                            toml + "\n";
    const ExerciseLoadResult r = load_exercise_text(doc, "decision");
    std::string problems;
    const Language language = language_of(lang);
    for (const Diagnostic& d : r.diagnostics.items())
        if (d.severity == Severity::Error) problems += d.message + "\n";
    if (r.exercise && problems.empty()) {
        const Diagnostics names = check_exercise(r, sc);
        for (const Diagnostic& d : names.items())
            if (d.severity == Severity::Error) problems += d.message + "\n";
    }
    (void)language;
    if (!r.exercise || r.exercise->triggers.empty() || !problems.empty()) {
        out.message = problems.empty() ? std::string{"?"} : problems;
        if (!out.message.empty() && out.message.back() == '\n') out.message.pop_back();
        return out;
    }
    then[static_cast<std::size_t>(decision)] = r.exercise->triggers.front().change;
    out.done = true;
    return out;
}

} // namespace riposte::gui
