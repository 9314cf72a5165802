// The engine's structured log entries rendered as sentences (riposte/output.hpp, log_text),
// from the string table's log section (riposte/text/log_texts.hpp).
#include "riposte/intervention.hpp"
#include "riposte/output.hpp"
#include "riposte/text/log_texts.hpp"

#include <iterator>
#include <string>

namespace riposte {

static_assert(std::size(text::change_kind_words) == std::size(change_kind_names),
              "one word per change kind");

std::string log_text(const Scenario& s, const LogEntry& e, Language lang, bool words) {
    using text::fill;
    const text::LogTexts& t = text::log_texts;
    const Plan& plan = s.plan;
    auto count = [](std::int64_t n) { return std::to_string(n); };
    auto centre = [&](int c) {
        return c >= 0 && static_cast<std::size_t>(c) < plan.centres.size()
                   ? plan.centres[static_cast<std::size_t>(c)].name
                   : "#" + std::to_string(c);
    };
    auto team = [&](int k) {
        return k >= 0 && static_cast<std::size_t>(k) < plan.mobile_teams.size()
                   ? plan.mobile_teams[static_cast<std::size_t>(k)].name
                   : "#" + std::to_string(k);
    };
    auto unit = [&](int u) {
        const auto n = static_cast<int>(plan.centres.size());
        if (u >= n && u - n < static_cast<int>(plan.mobile_teams.size()))
            return lang == Language::English && !words ? plan.unit_name(u)
                                                       : fill(lang, t.unit_team, {team(u - n)});
        return centre(u);
    };
    auto profession = [&](int p) {
        if (words) return profession_words(s, p, lang);
        return p >= 0 && static_cast<std::size_t>(p) < s.world.professions.size()
                   ? s.world.professions[ProfessionId{p}]
                   : "#" + std::to_string(p);
    };
    auto role = [&](int r) {
        if (words) return role_words(s, r, lang);
        return r >= 0 && static_cast<std::size_t>(r) < s.world.roles.size()
                   ? s.world.roles[RoleId{r}]
                   : "#" + std::to_string(r);
    };
    auto station = [&](int c, int st) {
        if (c < 0 || static_cast<std::size_t>(c) >= plan.centres.size()) return std::string("?");
        const auto& stations = plan.centres[static_cast<std::size_t>(c)].stations;
        return st >= 0 && static_cast<std::size_t>(st) < stations.size()
                   ? stations[static_cast<std::size_t>(st)].name
                   : "#" + std::to_string(st);
    };

    switch (e.event) {
    case LogEvent::DosesDelivered:
        return fill(lang, t.doses_delivered, {count(e.count), centre(e.centre)});
    case LogEvent::TeamDosesDelivered:
        return fill(lang, t.team_doses_delivered, {count(e.count), team(e.team)});
    case LogEvent::KitsDelivered:
        return fill(lang, t.kits_delivered, {count(e.count)});
    case LogEvent::SentHomeAtClosing:
        return fill(lang, t.sent_home,
                    {count(e.count), centre(e.centre), station(e.centre, e.station)});
    case LogEvent::StaffAbsent:
        return fill(lang, t.staff_absent, {profession(e.profession), unit(e.centre)});
    case LogEvent::SupervisedWithoutMedecin:
        return fill(lang, t.supervised_without_medecin,
                    {centre(e.centre), profession(e.profession)});
    case LogEvent::StationStopped:
        return fill(lang, t.station_stopped, {role(e.role), centre(e.centre)});
    case LogEvent::StaffMovedToCover:
        return fill(lang, t.staff_moved,
                    {centre(e.centre), profession(e.profession), role(e.role), role(e.role_to)});
    case LogEvent::StockOut:
        return fill(lang, t.stock_out, {centre(e.centre)});
    case LogEvent::CentreClosedUntil:
        return fill(lang, t.centre_closed_until, {centre(e.centre), count(e.count + 1)});
    case LogEvent::TeamIdle:
        return fill(lang, t.team_idle, {team(e.team)});
    case LogEvent::TeamRound:
        return fill(lang, t.team_round, {team(e.team), count(e.count), count(e.count2)});
    case LogEvent::ShortfallSummary:
        return fill(lang, t.shortfall_summary, {count(e.count)});
    case LogEvent::StaffMovedBetween:
        return fill(lang, t.staff_moved_between,
                    {std::to_string(e.count), profession(e.profession),
                     centre(static_cast<std::int32_t>(e.count2)), centre(e.centre)});
    case LogEvent::StaffReplaced:
        return fill(lang, t.staff_replaced,
                    {centre(e.centre), role(e.role), profession(e.profession), count(e.count)});
    case LogEvent::Intervention: {
        const bool known = e.change_kind >= 0 &&
                           static_cast<std::size_t>(e.change_kind) < std::size(change_kind_names);
        std::string out;
        if (!known)
            out = "#" + std::to_string(e.change_kind);
        else if (lang == Language::English && !words)
            out = change_kind_names[e.change_kind];
        else
            out = std::string(text::change_kind_words[e.change_kind].in(lang));
        if (!e.id.empty()) out += fill(lang, t.change_id, {e.id});
        if (e.centre >= 0) out += fill(lang, t.change_at, {centre(e.centre)});
        if (e.refusal_reason < 0) return out + std::string(t.change_applied.in(lang));
        const Refusal r{static_cast<RefusalReason>(e.refusal_reason), e.refusal_subject,
                        e.refusal_number, static_cast<RefusalDetail>(e.refusal_detail),
                        e.refusal_subject2};
        return out + fill(lang, t.change_refused,
                          {describe_refusal(r, lang == Language::French ? "fr" : "en")});
    }
    }
    return {};
}

} // namespace riposte
