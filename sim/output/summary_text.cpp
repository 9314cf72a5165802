// The plain-text KPI summary printed by `riposte run`.
#include "output/output_common.hpp"
#include "output/summary_strings.hpp"
#include "output/text_table.hpp"
#include "riposte/output.hpp"

#include <algorithm>
#include <cmath>

namespace riposte {

namespace {

using namespace output_detail;

constexpr std::size_t shortfalls_listed = 10;
constexpr std::size_t indent = 2;

class SummaryWriter {
  public:
    SummaryWriter(const Scenario& s, const Results& r, const SummaryStrings& t)
        : s_(s), r_(r), t_(t) {}

    std::string write() {
        heading();
        overall();
        centres();
        roles();
        testing();
        mobile_teams();
        coverage();
        staff();
        shortfalls();
        return std::move(out_);
    }

  private:
    [[nodiscard]] std::string num(double v, int decimals) const {
        const std::string text = format_fixed(v, decimals);
        return text.empty() ? std::string(t_.missing) : text;
    }
    static std::string integer(std::int64_t v) { return std::to_string(v); }
    [[nodiscard]] std::string pct(double share) const {
        return std::isfinite(share) ? num(100.0 * share, 1) + "%" : std::string(t_.missing);
    }
    [[nodiscard]] std::string minutes(double v) const { return num(v, 1); }
    [[nodiscard]] std::string hours(double v) const { return num(v, 1); }

    void section(std::string_view title) {
        out_ += '\n';
        out_ += title;
        out_ += '\n';
    }
    void line(std::string_view text) {
        out_.append(indent, ' ');
        out_ += text;
        out_ += '\n';
    }

    void heading() {
        out_ += "riposte: ";
        out_ += s_.world.name;
        out_ += " / ";
        out_ += t_.plan;
        out_ += ' ';
        out_ += s_.plan.name;
        out_ += '\n';
        const int last_day = s_.world.days > 0 ? s_.world.days - 1 : 0;
        line(std::string(t_.seed) + ' ' + std::to_string(r_.seed) + ", " +
             std::string(t_.replication) + ' ' + std::to_string(r_.replication) + ", " +
             std::to_string(s_.world.days) + ' ' + std::string(t_.days) + " (" + date_of(s_, 0) +
             ' ' + std::string(t_.to) + ' ' + date_of(s_, last_day) + "), " +
             std::to_string(r_.events) + ' ' + std::string(t_.events));
    }

    void overall() {
        const Totals& x = r_.totals;
        section(t_.overall);
        TextTable tab({{"", Align::Left}, {"", Align::Left}});
        const auto row = [&](std::string_view label, std::string value) {
            tab.add_row({std::string(label), std::move(value)});
        };
        row(t_.vaccinations, integer(x.vaccinations));
        row(t_.first_doses, integer(x.first_doses));
        row(t_.complete, integer(x.complete));
        row(t_.tests, integer(x.tests));
        row(t_.wanting, integer(x.wanting));
        row(t_.unmet, integer(x.unmet) + " (" +
                          pct(ratio(static_cast<double>(x.unmet), static_cast<double>(x.wanting))) +
                          ' ' + std::string(t_.of_wanting) + "), " +
                          integer(x.unmet_cannot_travel) + ' ' + std::string(t_.cannot_travel));
        if (x.tests > 0 || x.unmet_tests > 0) {
            row(t_.unmet_tests,
                integer(x.unmet_tests) + " (" + std::string(t_.unmet_tests_note) + ')');
        }
        if (!s_.plan.mobile_teams.empty() || x.home_vaccinations > 0) {
            row(t_.home_vaccinations,
                integer(x.home_vaccinations) + " (" + std::string(t_.by_mobile_teams) + ')');
        }
        row(t_.no_shows, integer(x.no_shows));
        row(t_.turned_away, integer(x.turned_away));
        row(t_.doses_delivered, integer(x.doses_delivered));
        row(t_.doses_used, integer(x.doses_used));
        row(t_.doses_wasted, integer(x.doses_wasted) + " (" +
                                 pct(waste_share(x.doses_used, x.doses_wasted)) + ' ' +
                                 std::string(t_.of_doses_drawn) + ')');
        row(t_.vials_opened, integer(x.vials_opened));
        row(t_.wait_minutes, std::string(t_.mean) + ' ' + minutes(x.wait_mean_min) + "   " +
                                 std::string(t_.p90) + ' ' + minutes(x.wait_p90_min) + "   " +
                                 std::string(t_.p95) + ' ' + minutes(x.wait_p95_min) + "   " +
                                 std::string(t_.max) + ' ' + minutes(x.wait_max_min));
        row(t_.staff_hours, hours(x.staff_hours));
        row(t_.overtime_hours, hours(x.overtime_hours));
        row(t_.cost, num(x.cost_eur, 0) + ' ' + std::string(t_.eur));
        row(t_.target_reached, x.day_coverage_target_reached >= 0
                                   ? std::string(t_.on_day) + ' ' +
                                         std::to_string(x.day_coverage_target_reached) + " (" +
                                         date_of(s_, x.day_coverage_target_reached) + ')'
                                   : std::string(t_.not_reached));
        out_ += tab.render(indent, false);
    }

    void centres() {
        section(t_.centres);
        const std::vector<CentreTotals> totals = centre_totals(s_, r_);
        if (totals.empty()) {
            line(t_.no_centres);
            return;
        }
        TextTable activity({{std::string(t_.col_centre), Align::Left},
                            {std::string(t_.col_arrivals)},
                            {std::string(t_.col_served)},
                            {std::string(t_.col_no_shows)},
                            {std::string(t_.col_turned_away)},
                            {std::string(t_.col_doses_used)},
                            {std::string(t_.col_wasted)},
                            {std::string(t_.col_overtime_h)},
                            {std::string(t_.col_utilisation)}});
        TextTable waits({{std::string(t_.col_centre), Align::Left},
                         {std::string(t_.col_mean)},
                         {std::string(t_.col_p90_worst)},
                         {std::string(t_.col_p95_worst)},
                         {std::string(t_.col_max)},
                         {std::string(t_.col_time_in_centre)},
                         {std::string(t_.col_peak_queue)}});
        for (const CentreTotals& c : totals) {
            const std::string name = centre_name(s_, c.centre);
            activity.add_row({name, integer(c.arrivals), integer(c.served), integer(c.no_shows),
                              integer(c.turned_away), integer(c.doses_used),
                              integer(c.doses_wasted) + " (" +
                                  pct(waste_share(c.doses_used, c.doses_wasted)) + ')',
                              hours(c.overtime_hours), pct(ratio(c.busy_hours, c.staffed_hours))});
            waits.add_row({name, minutes(c.wait_mean_min), minutes(c.wait_p90_worst_min),
                           minutes(c.wait_p95_worst_min), minutes(c.wait_max_min),
                           minutes(c.time_in_centre_mean_min), std::to_string(c.max_waiting)});
        }
        out_ += activity.render(indent);
        line(t_.centres_note);
        section(t_.waits);
        out_ += waits.render(indent);
        line(t_.waits_note);
    }

    void roles() {
        const std::vector<RoleUse> uses = role_use(r_);
        if (uses.empty()) return;
        section(t_.roles);
        TextTable tab({{std::string(t_.col_centre), Align::Left},
                       {std::string(t_.col_role), Align::Left},
                       {std::string(t_.col_staffed_h)},
                       {std::string(t_.col_busy_h)},
                       {std::string(t_.col_utilisation)},
                       {std::string(t_.col_peak_required)},
                       {std::string(t_.col_peak_present)}});
        for (const RoleUse& u : uses) {
            tab.add_row({centre_name(s_, u.centre), role_name(s_, u.role), hours(u.staffed_hours),
                         hours(u.busy_hours), pct(ratio(u.busy_hours, u.staffed_hours)),
                         integer(u.max_required), integer(u.max_present)});
        }
        out_ += tab.render(indent);
    }

    void testing() {
        const std::vector<CentreTotals> totals = centre_totals(s_, r_);
        const bool any = std::any_of(totals.begin(), totals.end(),
                                     [](const CentreTotals& c) { return c.has_testing; });
        if (!any) return;
        section(t_.testing);
        TextTable tab({{std::string(t_.col_centre), Align::Left},
                       {std::string(t_.col_demand)},
                       {std::string(t_.col_antigen)},
                       {std::string(t_.col_pcr)},
                       {std::string(t_.col_no_kit)},
                       {std::string(t_.col_result_delay_h)},
                       {std::string(t_.col_kits_left)}});
        for (const CentreTotals& c : totals) {
            if (!c.has_testing) continue;
            tab.add_row({centre_name(s_, c.centre), integer(c.test_demand), integer(c.antigen),
                         integer(c.pcr), integer(c.no_kit), hours(c.result_delay_mean_hours),
                         integer(c.kits_end)});
        }
        out_ += tab.render(indent);
    }

    void mobile_teams() {
        const std::vector<TeamTotals> totals = team_totals(s_, r_);
        if (totals.empty()) return;
        section(t_.mobile_teams);
        TextTable tab({{std::string(t_.col_team), Align::Left},
                       {std::string(t_.col_base), Align::Left},
                       {std::string(t_.col_days_out)},
                       {std::string(t_.col_first_doses)},
                       {std::string(t_.col_second_doses)},
                       {std::string(t_.col_visits)},
                       {std::string(t_.col_drive_h)},
                       {std::string(t_.col_doses_used)},
                       {std::string(t_.col_wasted)}});
        for (const TeamTotals& t : totals) {
            tab.add_row({team_name(s_, t.team), commune_name(s_, team_commune(s_, t.team)),
                         integer(t.days_out), integer(t.first_doses), integer(t.second_doses),
                         integer(t.communes_visited), hours(t.drive_minutes / 60.0),
                         integer(t.doses_used),
                         integer(t.doses_wasted) + " (" +
                             pct(waste_share(t.doses_used, t.doses_wasted)) + ')'});
        }
        out_ += tab.render(indent);
    }

    void coverage() {
        const std::vector<CoverageRow> rows = coverage_at_end(r_);
        int last_day = -1;
        for (const CoverageRow& row : rows) last_day = std::max(last_day, row.day);
        if (rows.empty()) {
            section(t_.coverage);
            line(t_.no_coverage);
            return;
        }
        section(std::string(t_.coverage) + " (" + std::string(t_.as_of) + ' ' +
                date_of(s_, last_day) + ')');
        TextTable tab({{std::string(t_.col_group), Align::Left},
                       {std::string(t_.col_population)},
                       {std::string(t_.col_target)},
                       {std::string(t_.col_first_dose)},
                       {std::string(t_.col_pct)},
                       {std::string(t_.col_complete)},
                       {std::string(t_.col_pct)},
                       {std::string(t_.col_pct_target)}});
        for (const CoverageRow& row : rows) {
            const auto pop = static_cast<double>(row.population);
            tab.add_row(
                {group_name(s_, row.group), integer(row.population), integer(row.target),
                 integer(row.first_dose), pct(ratio(static_cast<double>(row.first_dose), pop)),
                 integer(row.complete), pct(ratio(static_cast<double>(row.complete), pop)),
                 pct(ratio(static_cast<double>(row.complete), static_cast<double>(row.target)))});
        }
        out_ += tab.render(indent);
        line(t_.coverage_note);
    }

    void staff() {
        section(t_.staff);
        if (r_.professions.empty()) {
            line(t_.no_staff);
            return;
        }
        TextTable tab({{std::string(t_.col_profession), Align::Left},
                       {std::string(t_.col_pool)},
                       {std::string(t_.col_used)},
                       {std::string(t_.col_rostered_h)},
                       {std::string(t_.col_worked_h)},
                       {std::string(t_.col_overtime_h)},
                       {std::string(t_.col_absent_h)},
                       {std::string(t_.col_commute_h)},
                       {std::string(t_.col_cost)}});
        ProfessionRow sum;
        for (const ProfessionRow& p : r_.professions) {
            tab.add_row({profession_name(s_, p.profession), integer(p.people_in_pool),
                         integer(p.people_used), hours(p.rostered_hours), hours(p.worked_hours),
                         hours(p.overtime_hours), hours(p.absent_hours), hours(p.commute_hours),
                         num(p.cost_eur, 0)});
            sum.people_in_pool += p.people_in_pool;
            sum.people_used += p.people_used;
            sum.rostered_hours += p.rostered_hours;
            sum.worked_hours += p.worked_hours;
            sum.overtime_hours += p.overtime_hours;
            sum.absent_hours += p.absent_hours;
            sum.commute_hours += p.commute_hours;
            sum.cost_eur += p.cost_eur;
        }
        if (r_.professions.size() > 1) {
            tab.add_row({std::string(t_.total), integer(sum.people_in_pool),
                         integer(sum.people_used), hours(sum.rostered_hours),
                         hours(sum.worked_hours), hours(sum.overtime_hours),
                         hours(sum.absent_hours), hours(sum.commute_hours), num(sum.cost_eur, 0)});
        }
        out_ += tab.render(indent);
        line(t_.staff_note);
    }

    void shortfalls() {
        const std::size_t n = r_.shortfalls.size();
        if (n == 0) {
            section(std::string(t_.shortfalls) + ": " + std::string(t_.none));
            return;
        }
        section(std::string(t_.shortfalls) + ": " + std::to_string(n) + ' ' +
                std::string(t_.shortfalls_count));
        TextTable tab({{std::string(t_.col_centre), Align::Left},
                       {std::string(t_.col_date), Align::Left},
                       {std::string(t_.col_shift), Align::Left},
                       {std::string(t_.col_role), Align::Left},
                       {std::string(t_.col_required)},
                       {std::string(t_.col_rostered)},
                       {std::string(t_.col_reason), Align::Left}});
        for (std::size_t i = 0; i < std::min(n, shortfalls_listed); ++i) {
            const ShortfallRow& row = r_.shortfalls[i];
            tab.add_row({centre_name(s_, row.centre), date_of(s_, row.day),
                         clock_hhmm(row.start.seconds()) + "-" + clock_hhmm(row.end.seconds()),
                         role_name(s_, row.role), integer(row.required), integer(row.rostered),
                         row.reason});
        }
        out_ += tab.render(indent);
        if (n > shortfalls_listed) {
            line(std::string(t_.and_more) + ' ' + std::to_string(n - shortfalls_listed) + ' ' +
                 std::string(t_.more_see_csv));
        }
    }

    const Scenario& s_;
    const Results& r_;
    const SummaryStrings& t_;
    std::string out_;
};

} // namespace

std::string format_summary(const Scenario& scenario, const Results& results) {
    return SummaryWriter(scenario, results, english_strings).write();
}

} // namespace riposte
