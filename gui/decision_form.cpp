#include "decision_form.hpp"

#include "riposte/change_toml.hpp"

#include <algorithm>
#include <cstring>
#include <tuple>

namespace riposte::gui {
namespace {

template <std::size_t N> void set_text(std::array<char, N>& buf, const std::string& s) {
    const std::size_t n = std::min(s.size(), N - 1);
    std::memcpy(buf.data(), s.data(), n);
    buf[n] = '\0';
}

template <std::size_t N> std::string text_of(const std::array<char, N>& buf) {
    return std::string(buf.data(), strnlen(buf.data(), N));
}

std::optional<SimTime> read_time(const std::array<char, 32>& buf, Lang lang, Text field,
                                 std::string* problem) {
    const std::string s = text_of(buf);
    const TimeText t = parse_day_time(s);
    if (t.value) return t.value;
    if (problem)
        *problem = std::string{tr(lang, field)} + " « " + s +
                   " » : " + tr(lang, Text::InvalidTime) + " (" + tr(lang, Text::TimeFormatHelp) +
                   ")";
    return std::nullopt;
}

const std::string* inject_text(const Exercise* ex, const std::string& id, bool notes) {
    if (!ex) return nullptr;
    for (const ScriptedInject& in : ex->injects)
        if (in.id == id) return notes ? &in.notes : &in.text;
    for (const TriggeredInject& in : ex->triggers)
        if (in.id == id) return notes ? &in.notes : &in.text;
    return nullptr;
}

} // namespace

Text decision_kind_text(int kind) {
    switch (kind) {
    case DecisionForm::CloseCentre:
        return Text::DecCloseCentre;
    case DecisionForm::OpenCentre:
        return Text::DecOpenCentre;
    case DecisionForm::AddLine:
        return Text::DecAddLine;
    case DecisionForm::CallReserve:
        return Text::DecCallReserve;
    case DecisionForm::Reallocate:
        return Text::DecReallocate;
    case DecisionForm::Booking:
        return Text::DecBooking;
    case DecisionForm::MoveStaff:
        return Text::DecMoveStaff;
    case DecisionForm::SendTeam:
        return Text::DecSendTeam;
    case DecisionForm::ChangeHours:
        return Text::DecChangeHours;
    default:
        return Text::DecMessage;
    }
}

void prefill_decision_form(DecisionForm& form, Lang lang, SimTime now) {
    const SimTime next_hour = SimTime{(now.seconds() / 3600 + 1) * 3600};
    if (form.from[0] == '\0') set_text(form.from, format_day_time(next_hour));
    if (form.until[0] == '\0') set_text(form.until, format_day_time(next_hour + hours(8)));
    if (form.author[0] == '\0')
        set_text(form.author, lang == Lang::Fr ? "référent SSE" : "SSE referent");
    if (form.from_day < now.day()) form.from_day = now.day();
    if (form.to_day < form.from_day) form.to_day = form.from_day;
    if (form.opens[0] == '\0') set_text(form.opens, "08:00");
    if (form.closes[0] == '\0') set_text(form.closes, "20:00");
}

std::optional<Change> decision_from_form(const DecisionForm& f, const Scenario& sc, Lang lang,
                                         std::string* problem) {
    const auto& centres = sc.plan.centres;
    auto centre = [&](int i) -> std::optional<CentreRef> {
        if (i < 0 || static_cast<std::size_t>(i) >= centres.size()) return std::nullopt;
        return CentreRef::named(centres[static_cast<std::size_t>(i)].name);
    };
    const auto c = centre(f.centre);
    const bool needs_centre = f.kind != DecisionForm::Booking && f.kind != DecisionForm::Message &&
                              f.kind != DecisionForm::SendTeam;
    if (needs_centre && !c) {
        if (problem) *problem = tr(lang, Text::Centre);
        return std::nullopt;
    }
    switch (f.kind) {
    case DecisionForm::CloseCentre: {
        const auto until = read_time(f.until, lang, Text::UntilTime, problem);
        if (!until) return std::nullopt;
        return SetCentreOpen{*c, false, *until};
    }
    case DecisionForm::OpenCentre:
        return SetCentreOpen{*c, true, {}};
    case DecisionForm::AddLine:
    case DecisionForm::CallReserve: {
        const auto from = read_time(f.from, lang, Text::FromTime, problem);
        if (!from) return std::nullopt;
        const auto until = read_time(f.until, lang, Text::UntilTime, problem);
        if (!until) return std::nullopt;
        if (f.role < 0 || static_cast<std::size_t>(f.role) >= sc.world.roles.size()) {
            if (problem) *problem = tr(lang, Text::Role);
            return std::nullopt;
        }
        return riposte::AddLine{*c,
                                sc.world.roles[RoleId{f.role}],
                                std::max(1, f.people),
                                *from,
                                *until,
                                f.kind == DecisionForm::CallReserve,
                                {}};
    }
    case DecisionForm::Reallocate: {
        const auto to = centre(f.centre_to);
        if (!to || f.centre_to == f.centre) {
            if (problem) *problem = tr(lang, Text::ToCentre);
            return std::nullopt;
        }
        return ReallocateDoses{*c, *to, f.doses};
    }
    case DecisionForm::MoveStaff: {
        const auto to = centre(f.centre_to);
        if (!to || f.centre_to == f.centre) {
            if (problem) *problem = tr(lang, Text::ToCentre);
            return std::nullopt;
        }
        if (f.profession < 0 ||
            static_cast<std::size_t>(f.profession) >= sc.world.professions.size()) {
            if (problem) *problem = tr(lang, Text::Profession);
            return std::nullopt;
        }
        riposte::MoveStaff move{*c, *to, sc.world.professions[ProfessionId{f.profession}],
                                std::max(1, f.people), std::nullopt};
        if (!text_of(f.from).empty()) { // "3 infirmiers de Gignac à Lodève à partir de 14:00"
            move.leave_at = read_time(f.from, lang, Text::LeaveAt, problem);
            if (!move.leave_at) return std::nullopt;
        }
        return move;
    }
    case DecisionForm::SendTeam: {
        const auto& teams = sc.plan.mobile_teams;
        if (f.team < 0 || static_cast<std::size_t>(f.team) >= teams.size()) {
            if (problem) *problem = tr(lang, Text::MobileTeam);
            return std::nullopt;
        }
        SendMobileTeam send;
        send.team = teams[static_cast<std::size_t>(f.team)].name;
        send.day = f.from_day;
        // "34142, Aniane": names split on commas, blanks around them dropped
        std::string name;
        auto flush = [&] {
            const auto b = name.find_first_not_of(" \t");
            const auto e = name.find_last_not_of(" \t");
            if (b != std::string::npos) send.communes.push_back(name.substr(b, e - b + 1));
            name.clear();
        };
        for (const char ch : std::string(f.communes.data())) {
            if (ch == ',')
                flush();
            else
                name += ch;
        }
        flush();
        if (send.communes.empty()) {
            if (problem) *problem = tr(lang, Text::CommunesList);
            return std::nullopt;
        }
        return send;
    }
    case DecisionForm::ChangeHours: {
        ChangeHours h;
        h.centre = *c;
        h.from_day = f.from_day;
        h.to_day = f.to_day;
        // the engine checks the days and the order of the times (refused with its reason)
        for (const auto& [buf, field, out] : {std::tuple{&f.opens, Text::OpensAt, &h.opens},
                                              std::tuple{&f.closes, Text::ClosesAt, &h.closes}}) {
            const std::string s = text_of(*buf);
            const TimeText t = parse_clock_time(s);
            if (!t.value) {
                if (problem)
                    *problem = std::string{tr(lang, field)} + " « " + s +
                               " » : " + tr(lang, Text::InvalidTime) + " (" +
                               tr(lang, Text::ClockFormatHelp) + ")";
                return std::nullopt;
            }
            *out = *t.value;
        }
        return h;
    }
    case DecisionForm::Booking: {
        ChangeBooking b;
        b.from_day = f.from_day;
        if (f.set_horizon) b.horizon_days = std::max(1, f.horizon_days);
        // the engine checks the values (a slot of 0 minutes is refused with its reason)
        if (f.set_slot) b.slot_minutes = f.slot_minutes;
        if (f.set_per_slot) b.doses_per_slot = f.doses_per_slot;
        if (f.set_overbooking) b.overbooking = static_cast<double>(f.overbooking);
        if (!b.horizon_days && !b.slot_minutes && !b.doses_per_slot && !b.overbooking) {
            if (problem) *problem = tr(lang, Text::BookingNothing);
            return std::nullopt;
        }
        const auto bc = centre(f.booking_centre);
        b.centre = bc ? *bc : CentreRef::all();
        return b;
    }
    default:
        return riposte::Message{text_of(f.text)};
    }
}

bool submit_decision(DecisionForm& form, const Scenario& scenario, Lang lang,
                     std::uint64_t& next_request, Commands& commands) {
    form.problem.clear();
    auto change = decision_from_form(form, scenario, lang, &form.problem);
    if (!change) return false;
    Decide d;
    d.request = next_request++;
    d.change = std::move(*change);
    d.source = EntrySource::Decision;
    d.author = text_of(form.author);
    d.text = text_of(form.text);
    if (d.text.empty()) d.text = tr(lang, decision_kind_text(form.kind));
    form.sent = d.request;
    commands.push(std::move(d));
    return true;
}

const char* inject_kind_name(int kind) {
    static constexpr const char* names[] = {
        "staff_ill",     "absence_wave",   "delivery_late", "cold_chain_failure", "demand_surge",
        "centre_closed", "station_slowed", "road_cut",      "group_eligible",     "message"};
    static_assert(std::size(names) == InjectForm::KindCount);
    return kind >= 0 && kind < InjectForm::KindCount ? names[kind] : "message";
}

std::optional<Change> inject_from_form(InjectForm& f, const Scenario& sc, Lang lang, SimTime now,
                                       std::string* problem) {
    const auto& centres = sc.plan.centres;
    const bool has_centre = f.centre >= 0 && static_cast<std::size_t>(f.centre) < centres.size();
    const CentreRef centre =
        has_centre ? CentreRef::named(centres[static_cast<std::size_t>(f.centre)].name)
                   : CentreRef::all();
    const std::string profession =
        f.profession >= 0 && static_cast<std::size_t>(f.profession) < sc.world.professions.size()
            ? sc.world.professions[ProfessionId{f.profession}]
            : std::string{};
    if (f.until[0] == '\0') set_text(f.until, format_day_time(now + hours(4)));
    auto until = [&]() { return read_time(f.until, lang, Text::UntilTime, problem); };
    switch (f.kind) {
    case InjectForm::StaffIll:
        return StaffIll{centre, profession, std::max(1, f.people), std::max(1, f.days)};
    case InjectForm::AbsenceWave:
        return AbsenceWave{profession, std::clamp(static_cast<double>(f.share), 0.0, 1.0),
                           std::max(1, f.days)};
    case InjectForm::DeliveryLate:
        return DeliveryLate{centre, std::max(0, f.delay_days),
                            std::clamp(static_cast<double>(f.lost_share), 0.0, 1.0)};
    case InjectForm::ColdChainFailure:
        return ColdChainFailure{centre};
    case InjectForm::DemandSurge:
        return DemandSurge{centre, std::max(0.0, static_cast<double>(f.factor)),
                           std::max(1, f.days),
                           std::max(0.0, static_cast<double>(f.walk_ins_per_hour))};
    case InjectForm::CentreClosed: {
        const auto u = until();
        if (!u) return std::nullopt;
        return CentreClosed{centre, *u};
    }
    case InjectForm::StationSlowed: {
        const auto u = until();
        if (!u) return std::nullopt;
        std::string station;
        if (has_centre && f.station >= 0) {
            const auto& st = centres[static_cast<std::size_t>(f.centre)].stations;
            if (static_cast<std::size_t>(f.station) < st.size())
                station = st[static_cast<std::size_t>(f.station)].name;
        }
        return StationSlowed{centre, station, std::max(1.0, static_cast<double>(f.factor)), *u};
    }
    case InjectForm::RoadCut: {
        const auto u = until();
        if (!u) return std::nullopt;
        // the engine checks the communes (unknown, or not neighbours: refused with the reason)
        const std::string a = text_of(f.commune_a), b = text_of(f.commune_b);
        if (a.empty() || b.empty()) {
            if (problem) *problem = tr(lang, Text::CommuneHint);
            return std::nullopt;
        }
        return RoadCut{a, b, *u};
    }
    case InjectForm::GroupEligible: {
        if (f.group < 0 || static_cast<std::size_t>(f.group) >= sc.world.groups.size()) {
            if (problem) *problem = tr(lang, Text::Group);
            return std::nullopt;
        }
        return GroupEligible{sc.world.groups[static_cast<std::size_t>(f.group)].name};
    }
    default:
        return riposte::Message{text_of(f.text)};
    }
}

const SessionReply* find_reply(const LiveFrame& frame, std::uint64_t request) {
    if (!frame.session || request == 0) return nullptr;
    for (const SessionReply& r : frame.session->replies)
        if (r.request == request) return &r;
    return nullptr;
}

Text entry_source_text(EntrySource source) {
    switch (source) {
    case EntrySource::Decision:
        return Text::SrcDecision;
    case EntrySource::AdHocInject:
        return Text::SrcAdHoc;
    case EntrySource::ScriptedFired:
        return Text::SrcScripted;
    case EntrySource::ScriptedSkipped:
        return Text::SrcSkipped;
    case EntrySource::ScriptedDelayed:
        return Text::SrcDelayed;
    case EntrySource::ScriptedEdited:
        return Text::SrcEdited;
    case EntrySource::TriggerFired:
        return Text::SrcTrigger;
    case EntrySource::Observation:
        return Text::SrcObservation;
    }
    return Text::SrcDecision;
}

std::string describe_entry(const JournalEntry& e, const Exercise* exercise, Lang lang,
                           bool for_players) {
    std::string out;
    if (!e.inject_id.empty()) {
        const std::string* text = inject_text(exercise, e.inject_id, false);
        out = text && !text->empty() ? *text : e.inject_id;
        if (!for_players) {
            out = "[" + e.inject_id + "] " + out;
            if (e.source == EntrySource::ScriptedDelayed)
                out += " → " + format_day_time(e.new_time);
            const std::string* notes = inject_text(exercise, e.inject_id, true);
            if (notes && !notes->empty())
                out += "  [" + std::string{tr(lang, Text::ControllerNotes)} + " : " + *notes + "]";
        }
    } else {
        out = e.text;
        if (e.source == EntrySource::Observation && (!e.objective.empty() || !e.rating.empty()))
            out = "[" + e.objective + (e.objective.empty() || e.rating.empty() ? "" : " · ") +
                  e.rating + "] " + out;
        if (e.change && std::holds_alternative<riposte::Message>(*e.change) && out.empty())
            out = std::get<riposte::Message>(*e.change).text;
        if (out.empty() && e.change) out = change_kind_name(*e.change);
    }
    if (e.change && !std::holds_alternative<riposte::Message>(*e.change) &&
        e.source != EntrySource::ScriptedFired && e.source != EntrySource::TriggerFired) {
        // the change as written in an exercise file, on one line
        std::string toml = change_to_toml(*e.change);
        std::replace(toml.begin(), toml.end(), '\n', ' ');
        out += "  (" + toml + ")";
    }
    if (e.refused) out += "  — " + std::string{tr(lang, Text::RefusedPrefix)} + " " + e.refusal;
    return out;
}

bool players_see(const JournalEntry& e) {
    if (is_refused_decision(e)) return false; // the form that sent it said why
    return e.source == EntrySource::Decision || e.source == EntrySource::AdHocInject ||
           e.source == EntrySource::ScriptedFired || e.source == EntrySource::TriggerFired;
}

} // namespace riposte::gui
