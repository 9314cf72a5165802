// The verdict of a run: what is off and its binding cause (supply, staff, opening hours,
// booking horizon, travel), from the run's own accounting.
#include "output/verdict.hpp"

#include "output/output_common.hpp"
#include "riposte/text/cli_texts.hpp"

#include "riposte/text/names_texts.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace riposte::output_detail {

namespace {

/// Slots at least this full count as "full" (opening hours bind).
constexpr double full_slots = 0.95;

std::string count(Language lang, double v) {
    return text::format_count(lang, static_cast<std::int64_t>(std::llround(v)));
}
/// One decimal, none for a whole number ("10 %", "77,7 %").
std::string decimal(Language lang, double v) {
    return text::format_decimal(lang, v, std::abs(v - std::round(v)) < 1e-9 ? 0 : 1);
}

} // namespace

VerdictThresholds verdict_thresholds(const Plan& plan) {
    VerdictThresholds t;
    for (const Target& target : plan.targets) {
        switch (target.kind) {
        case TargetKind::WaitP90:
            t.wait_p90_min = target.threshold;
            break;
        case TargetKind::WastedDoses:
            t.waste_pct = target.threshold;
            break;
        case TargetKind::UnmetDemand:
            t.unmet_people = target.threshold;
            break;
        case TargetKind::Coverage:
            break;
        }
    }
    return t;
}

std::vector<std::string> verdict_sentences(Language lang, const RunFacts& f,
                                           const VerdictThresholds& t) {
    const text::CauseTexts& c = text::causes;
    std::vector<std::string> out;

    // unmet demand
    const double unmet_pct = f.wanting > 0 ? 100 * f.unmet / f.wanting : 0;
    const bool people_target = std::isfinite(t.unmet_people);
    const bool unmet_off = people_target ? f.unmet > t.unmet_people : unmet_pct > t.unmet_pct;
    if (unmet_off) {
        const double allowed = people_target ? t.unmet_people : f.wanting * t.unmet_pct / 100;
        const double slots_free = f.slots_opened > 0 ? 1 - f.slots_booked / f.slots_opened : 0;
        std::string cause;
        if (f.doses_delivered < f.wanting - allowed) {
            cause = text::fill(lang, c.supply,
                               {count(lang, f.doses_delivered), count(lang, f.wanting)});
        } else if (f.unmet_travel >= 0.5 * f.unmet) {
            cause = text::fill(lang, c.travel, {count(lang, f.unmet_travel)});
        } else if (f.short_staff_hours > 0) {
            cause =
                text::fill(lang, c.staff,
                           {count(lang, f.short_staff_hours), count(lang, f.short_role_shifts)});
        } else if (f.slots_opened > 0 && 1 - slots_free >= full_slots) {
            cause = text::fill(lang, c.opening_hours,
                               {decimal(lang, 100 * (1 - slots_free)), count(lang, f.stock_left)});
        } else {
            cause = text::fill(lang, c.horizon,
                               {count(lang, f.stock_left), decimal(lang, 100 * slots_free)});
        }
        const std::string threshold =
            people_target ? text::fill(lang, c.people_threshold, {count(lang, t.unmet_people)})
                          : text::fill(lang, c.pct_threshold, {decimal(lang, t.unmet_pct)});
        out.push_back(text::fill(
            lang, c.unmet_off, {decimal(lang, unmet_pct), count(lang, f.unmet), threshold, cause}));
    }

    // the worst day's p90 wait
    if (f.worst_p90_min > t.wait_p90_min) {
        // The day's mean utilisation hides the hours that make the p90: name what happened at
        // the peak of the queue (an absence, else the arrival peak itself).
        std::string cause;
        if (f.worst_centre_short_hours > 0)
            cause = text::fill(lang, c.staff_at_centre, {count(lang, f.worst_centre_short_hours)});
        else if (!f.worst_absent_role.empty() && f.worst_queue_max >= 0)
            cause = text::fill(lang, c.absences,
                               {text::name_in(text::role_names, f.worst_absent_role, lang),
                                count(lang, f.worst_absent_present),
                                count(lang, f.worst_absent_required),
                                count(lang, f.worst_queue_max), f.worst_queue_time});
        else if (f.worst_queue_max >= 0)
            cause = text::fill(lang, c.arrival_peak,
                               {count(lang, f.worst_queue_max), f.worst_queue_time,
                                decimal(lang, 100 * f.worst_centre_utilisation)});
        else
            cause = text::fill(lang, c.capacity, {decimal(lang, 100 * f.worst_centre_utilisation)});
        out.push_back(text::fill(lang, c.wait_off,
                                 {decimal(lang, f.worst_p90_min), f.worst_centre, f.worst_date,
                                  decimal(lang, t.wait_p90_min), cause}));
    }

    // wasted doses
    const double drawn = f.doses_used + f.doses_wasted;
    const double waste_pct = drawn > 0 ? 100 * f.doses_wasted / drawn : 0;
    if (waste_pct > t.waste_pct) {
        out.push_back(text::fill(
            lang, c.waste_off,
            {decimal(lang, waste_pct), decimal(lang, t.waste_pct), count(lang, f.doses_wasted)}));
    }

    // stations stopped for want of staff
    if (f.short_role_shifts > 0) {
        out.push_back(text::fill(
            lang, c.stopped, {count(lang, f.short_role_shifts), count(lang, f.short_staff_hours)}));
    }
    return out;
}

std::string verdict_block(Language lang, const RunFacts& f, const VerdictThresholds& t) {
    std::string out = "\n" + std::string(text::cli.verdict_heading.in(lang)) + "\n";
    const std::vector<std::string> sentences = verdict_sentences(lang, f, t);
    if (sentences.empty()) return out + "  " + std::string(text::cli.verdict_fine.in(lang)) + "\n";
    for (const std::string& s : sentences) out += "  " + s + "\n";
    return out;
}

} // namespace riposte::output_detail

namespace riposte {

using output_detail::centre_name;
using output_detail::date_of;
using output_detail::role_name;
using output_detail::WorstDayFacts;

RunFacts run_facts(const Scenario& s, const Results& r) {
    RunFacts f;
    const Totals& x = r.totals;
    f.wanting = static_cast<double>(x.wanting);
    f.unmet = static_cast<double>(x.unmet);
    f.doses_delivered = static_cast<double>(x.doses_delivered);
    f.doses_used = static_cast<double>(x.doses_used);
    f.doses_wasted = static_cast<double>(x.doses_wasted);

    // travel: people who cannot travel and were not reached at home, and people of communes
    // with no open centre within the maximum travel time
    // the limit summary.json states, so that the report reads the same facts from the files
    const double limit = s.plan.max_travel_minutes >= 0 ? s.plan.max_travel_minutes
                                                        : s.world.behaviour.max_travel_minutes;
    double far = 0;
    for (const CommuneGroupRow& row : r.communes) {
        if (row.travel_minutes < 0 || row.travel_minutes > limit) {
            const double home_unmet = static_cast<double>(
                std::max<std::int64_t>(0, row.cannot_travel - row.home_first_dose));
            far += std::max(0.0, static_cast<double>(row.unmet) - home_unmet);
        }
    }
    f.unmet_travel = std::min(f.unmet, static_cast<double>(x.unmet_cannot_travel) + far);

    int last_day = -1;
    for (const CentreDayRow& row : r.centre_days) last_day = std::max(last_day, row.day);
    double worst = -1;
    int worst_day = -1;
    for (const CentreDayRow& row : r.centre_days) {
        if (row.day == last_day) f.stock_left += static_cast<double>(row.stock_end);
        f.slots_opened += static_cast<double>(row.slots_opened);
        f.slots_booked += static_cast<double>(row.slots_booked);
        if (row.served > 0 && row.wait_p90_min > worst) {
            worst = row.wait_p90_min;
            f.worst_p90_min = row.wait_p90_min;
            f.worst_centre = centre_name(s, row.centre);
            f.worst_date = date_of(s, row.day);
            worst_day = row.day;
        }
    }
    std::map<std::string, double> short_hours;
    for (const ShortfallRow& row : r.shortfalls) {
        const double hours =
            std::max(0.0, static_cast<double>((row.end - row.start).seconds()) / 3600.0);
        const double missing = std::max(0, row.required - row.rostered) * hours;
        f.short_staff_hours += missing;
        short_hours[centre_name(s, row.centre)] += missing;
    }
    f.short_role_shifts = static_cast<double>(r.shortfalls.size());
    f.worst_centre_short_hours = short_hours[f.worst_centre];
    double staffed = 0, busy = 0;
    for (const RoleDayRow& row : r.role_days) {
        if (row.day != worst_day || centre_name(s, row.centre) != f.worst_centre) continue;
        staffed += row.staffed_hours;
        busy += row.busy_hours;
    }
    f.worst_centre_utilisation = staffed > 0 ? busy / staffed : 0;
    WorstDayFacts day;
    for (const RoleDayRow& row : r.role_days)
        if (row.day == worst_day && centre_name(s, row.centre) == f.worst_centre)
            day.role(role_name(s, row.role), row.staffed_hours, row.busy_hours, row.required,
                     row.present);
    for (const QueueSample& q : r.queue)
        if (q.time.day() == worst_day && centre_name(s, q.centre) == f.worst_centre)
            day.queue(q.waiting, q.time.seconds());
    day.into(f);
    return f;
}

void output_detail::WorstDayFacts::role(const std::string& id, double staffed, double busy,
                                        int required, int present) {
    if (present >= required || staffed <= 0 || busy <= 0) return;
    const double use = busy / staffed;
    if (use <= role_use_) return;
    role_use_ = use;
    role_ = id;
    present_ = present;
    required_ = required;
}

void output_detail::WorstDayFacts::queue(double waiting, std::int64_t seconds) {
    if (waiting <= queue_max_) return;
    queue_max_ = waiting;
    queue_at_ = seconds;
}

void output_detail::WorstDayFacts::into(RunFacts& f) const {
    f.worst_absent_role = role_;
    f.worst_absent_present = present_;
    f.worst_absent_required = required_;
    f.worst_queue_max = queue_max_;
    if (queue_max_ >= 0) {
        const std::int64_t s = ((queue_at_ % 86400) + 86400) % 86400;
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(s / 3600),
                      static_cast<int>(s % 3600 / 60));
        f.worst_queue_time = buf;
    }
}

RunFacts mean_facts(const std::vector<RunFacts>& facts) {
    RunFacts m;
    if (facts.empty()) return m;
    const auto n = static_cast<double>(facts.size());
    for (const RunFacts& f : facts) {
        m.wanting += f.wanting / n;
        m.unmet += f.unmet / n;
        m.unmet_travel += f.unmet_travel / n;
        m.doses_delivered += f.doses_delivered / n;
        m.doses_used += f.doses_used / n;
        m.doses_wasted += f.doses_wasted / n;
        m.stock_left += f.stock_left / n;
        m.slots_opened += f.slots_opened / n;
        m.slots_booked += f.slots_booked / n;
        m.short_role_shifts += f.short_role_shifts / n;
        m.short_staff_hours += f.short_staff_hours / n;
        if (f.worst_p90_min > m.worst_p90_min || m.worst_centre.empty()) {
            m.worst_p90_min = f.worst_p90_min;
            m.worst_centre = f.worst_centre;
            m.worst_date = f.worst_date;
            m.worst_centre_short_hours = f.worst_centre_short_hours;
            m.worst_centre_utilisation = f.worst_centre_utilisation;
            m.worst_absent_role = f.worst_absent_role;
            m.worst_absent_present = f.worst_absent_present;
            m.worst_absent_required = f.worst_absent_required;
            m.worst_queue_max = f.worst_queue_max;
            m.worst_queue_time = f.worst_queue_time;
        }
    }
    return m;
}

} // namespace riposte
