// summary.json: the headline figures of one replication, for scripts and dashboards.
#include "output/json_writer.hpp"
#include "output/output_common.hpp"
#include "output/summary_parts.hpp"
#include "riposte/output.hpp"

#include <array>
#include <filesystem>

namespace riposte {

namespace {

using namespace output_detail;

constexpr int minutes_decimals = 2;
constexpr int hours_decimals = 2;
constexpr int money_decimals = 2;
constexpr int share_decimals = 4;

/// Only the file name: a summary must not depend on where the scenario was read from.
std::string file_name_only(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

} // namespace

namespace output_detail {

std::string_view centre_kind_name(CentreKind k) {
    switch (k) {
    case CentreKind::Vaccination:
        return "vaccination";
    case CentreKind::Testing:
        return "testing";
    case CentreKind::Both:
        return "both";
    }
    return "unknown";
}

void write_scenario(JsonWriter& j, const Scenario& s) {
    j.key("scenario");
    j.begin_object();
    j.field("world", s.world.name);
    j.field("world_file", file_name_only(s.world.file));
    j.field("plan", s.plan.name);
    j.field("plan_file", file_name_only(s.plan.file));
    j.field("territory", s.world.territory.name);
    if (!s.world.territory.population_source.empty())
        j.field("population_source", s.world.territory.population_source);
    j.field("start_date", s.world.start_date);
    j.field("end_date", date_of(s, s.world.days > 0 ? s.world.days - 1 : 0));
    j.field("days", s.world.days);
    j.field("communes", static_cast<std::int64_t>(s.world.territory.communes.size()));
    j.field("centres", static_cast<std::int64_t>(s.plan.centres.size()));
    // the scenario's display_name keys (identifier → words), only when it has some
    std::vector<std::pair<std::string, std::string>> groups, professions, roles, centres;
    for (const PopulationGroup& g : s.world.groups)
        if (!g.display_name.empty()) groups.emplace_back(g.name, g.display_name);
    for (std::size_t i = 0; i < s.world.profession_display_names.size(); ++i)
        if (!s.world.profession_display_names[i].empty() && i < s.world.professions.size())
            professions.emplace_back(s.world.professions[ProfessionId{i}],
                                     s.world.profession_display_names[i]);
    for (std::size_t i = 0; i < s.world.role_display_names.size(); ++i)
        if (!s.world.role_display_names[i].empty() && i < s.world.roles.size())
            roles.emplace_back(s.world.roles[RoleId{i}], s.world.role_display_names[i]);
    for (const Centre& c : s.plan.centres)
        if (!c.display_name.empty()) centres.emplace_back(c.name, c.display_name);
    if (!groups.empty() || !professions.empty() || !roles.empty() || !centres.empty()) {
        j.key("display_names");
        j.begin_object();
        for (const auto& [key, names] :
             {std::pair{"groups", &groups}, std::pair{"professions", &professions},
              std::pair{"roles", &roles}, std::pair{"centres", &centres}}) {
            j.key(key);
            j.begin_object();
            for (const auto& [id, words] : *names) j.field(id, words);
            j.end_object();
        }
        j.end_object();
    }
    j.end_object();
}

void write_totals(JsonWriter& j, const Scenario& s, const Totals& t) {
    j.key("totals");
    j.begin_object();
    j.field("vaccinations", t.vaccinations);
    j.field("first_doses", t.first_doses);
    j.field("complete", t.complete);
    j.field("tests", t.tests);
    j.field("wanting", t.wanting);
    j.field("unmet", t.unmet);
    j.field("unmet_cannot_travel", t.unmet_cannot_travel);
    j.field("home_vaccinations", t.home_vaccinations);
    j.field("no_shows", t.no_shows);
    j.field("turned_away", t.turned_away);
    j.field("unmet_tests", t.unmet_tests);
    j.field("doses_delivered", t.doses_delivered);
    j.field("doses_used", t.doses_used);
    j.field("doses_wasted", t.doses_wasted);
    j.field("doses_wasted_share", waste_share(t.doses_used, t.doses_wasted), share_decimals);
    j.field("vials_opened", t.vials_opened);
    j.field("wait_mean_min", t.wait_mean_min, minutes_decimals);
    j.field("wait_p90_min", t.wait_p90_min, minutes_decimals);
    j.field("wait_p95_min", t.wait_p95_min, minutes_decimals);
    j.field("wait_max_min", t.wait_max_min, minutes_decimals);
    j.field("staff_hours", t.staff_hours, hours_decimals);
    j.field("overtime_hours", t.overtime_hours, hours_decimals);
    j.field("cost_eur", t.cost_eur, money_decimals);
    j.field("shortfall_role_shifts", t.shortfall_role_shifts);
    j.key("day_coverage_target_reached");
    if (t.day_coverage_target_reached >= 0) {
        j.integer(t.day_coverage_target_reached);
        j.field("date_coverage_target_reached", date_of(s, t.day_coverage_target_reached));
    } else {
        j.null();
        j.key("date_coverage_target_reached");
        j.null();
    }
    j.end_object();
}

} // namespace output_detail

namespace {

void write_centres(JsonWriter& j, const Scenario& s, const Results& r) {
    const std::vector<RoleUse> uses = role_use(r);
    j.key("centres");
    j.begin_array();
    for (const CentreTotals& c : centre_totals(s, r)) {
        const Centre& centre = s.plan.centres[static_cast<std::size_t>(c.centre)];
        j.begin_object();
        j.field("name", centre.name);
        j.field("kind", centre_kind_name(centre.kind));
        j.field("commune_insee", commune_insee(s, centre.commune));
        j.field("commune", commune_name(s, centre.commune));
        j.field("days", c.days);
        j.field("arrivals", c.arrivals);
        j.field("served", c.served);
        j.field("no_shows", c.no_shows);
        j.field("turned_away", c.turned_away);
        j.field("walk_ins", c.walk_ins);
        j.field("vaccinations", c.vaccinations);
        j.field("tests", c.tests);
        j.field("wait_mean_min", c.wait_mean_min, minutes_decimals);
        j.field("wait_p90_worst_day_min", c.wait_p90_worst_min, minutes_decimals);
        j.field("wait_p95_worst_day_min", c.wait_p95_worst_min, minutes_decimals);
        j.field("wait_max_min", c.wait_max_min, minutes_decimals);
        j.field("time_in_centre_mean_min", c.time_in_centre_mean_min, minutes_decimals);
        j.field("max_waiting", c.max_waiting);
        j.field("overtime_hours", c.overtime_hours, hours_decimals);
        j.field("doses_used", c.doses_used);
        j.field("vials_opened", c.vials_opened);
        j.field("doses_wasted", c.doses_wasted);
        j.field("doses_wasted_share", waste_share(c.doses_used, c.doses_wasted), share_decimals);
        j.field("stock_end", c.stock_end);
        j.field("slots_opened", c.slots_opened);
        j.field("slots_booked", c.slots_booked);
        j.field("staffed_hours", c.staffed_hours, hours_decimals);
        j.field("busy_hours", c.busy_hours, hours_decimals);
        j.field("utilisation", ratio(c.busy_hours, c.staffed_hours), share_decimals);
        j.key("roles");
        j.begin_array();
        for (const RoleUse& u : uses) {
            if (u.centre != c.centre) continue;
            j.begin_object();
            j.field("role", role_name(s, u.role));
            j.field("staffed_hours", u.staffed_hours, hours_decimals);
            j.field("busy_hours", u.busy_hours, hours_decimals);
            j.field("utilisation", ratio(u.busy_hours, u.staffed_hours), share_decimals);
            j.field("max_required", u.max_required);
            j.field("max_present", u.max_present);
            j.end_object();
        }
        j.end_array();
        if (c.has_testing) {
            j.key("testing");
            j.begin_object();
            j.field("demand", c.test_demand);
            j.field("antigen", c.antigen);
            j.field("pcr", c.pcr);
            j.field("no_kit", c.no_kit);
            j.field("result_delay_mean_hours", c.result_delay_mean_hours, hours_decimals);
            j.field("kits_end", c.kits_end);
            j.end_object();
        }
        j.end_object();
    }
    j.end_array();
}

void write_mobile_teams(JsonWriter& j, const Scenario& s, const Results& r) {
    j.key("mobile_teams");
    j.begin_array();
    for (const TeamTotals& t : team_totals(s, r)) {
        const int commune = team_commune(s, t.team);
        j.begin_object();
        j.field("name", team_name(s, t.team));
        j.field("base_commune_insee", commune_insee(s, commune));
        j.field("base_commune", commune_name(s, commune));
        j.field("days_out", t.days_out);
        j.field("first_doses", t.first_doses);
        j.field("second_doses", t.second_doses);
        j.field("communes_visited", t.communes_visited);
        j.field("drive_minutes", t.drive_minutes, minutes_decimals);
        j.field("doses_used", t.doses_used);
        j.field("vials_opened", t.vials_opened);
        j.field("doses_wasted", t.doses_wasted);
        j.field("doses_wasted_share", waste_share(t.doses_used, t.doses_wasted), share_decimals);
        j.field("stock_end", t.stock_end);
        j.end_object();
    }
    j.end_array();
}

void write_coverage(JsonWriter& j, const Scenario& s, const Results& r) {
    j.key("coverage_end");
    j.begin_array();
    for (const CoverageRow& row : coverage_at_end(r)) {
        const auto pop = static_cast<double>(row.population);
        j.begin_object();
        j.field("group", group_name(s, row.group));
        j.field("day", row.day);
        j.field("date", date_of(s, row.day));
        j.field("population", row.population);
        j.field("target", row.target);
        j.field("first_dose", row.first_dose);
        j.field("complete", row.complete);
        j.field("first_dose_share", ratio(static_cast<double>(row.first_dose), pop),
                share_decimals);
        j.field("complete_share", ratio(static_cast<double>(row.complete), pop), share_decimals);
        j.field("complete_share_of_target",
                ratio(static_cast<double>(row.complete), static_cast<double>(row.target)),
                share_decimals);
        j.end_object();
    }
    j.end_array();
}

void write_professions(JsonWriter& j, const Scenario& s, const Results& r) {
    j.key("professions");
    j.begin_array();
    for (const ProfessionRow& row : r.professions) {
        j.begin_object();
        j.field("profession", profession_name(s, row.profession));
        j.field("people_in_pool", row.people_in_pool);
        j.field("people_used", row.people_used);
        j.field("rostered_hours", row.rostered_hours, hours_decimals);
        j.field("worked_hours", row.worked_hours, hours_decimals);
        j.field("overtime_hours", row.overtime_hours, hours_decimals);
        j.field("absent_hours", row.absent_hours, hours_decimals);
        j.field("commute_hours", row.commute_hours, hours_decimals);
        j.field("cost_eur", row.cost_eur, money_decimals);
        j.end_object();
    }
    j.end_array();
}

void write_log_counts(JsonWriter& j, const Results& r) {
    constexpr std::array kinds{LogKind::Info,     LogKind::Warning,  LogKind::Shortfall,
                               LogKind::Stockout, LogKind::Delivery, LogKind::Inject,
                               LogKind::Decision};
    j.key("events_log");
    j.begin_object();
    j.field("entries", static_cast<std::int64_t>(r.log.size()));
    for (LogKind k : kinds) {
        std::int64_t n = 0;
        for (const LogEntry& e : r.log) n += e.kind == k ? 1 : 0;
        j.field(log_kind_name(k), n);
    }
    j.end_object();
}

} // namespace

std::string summary_json(const Scenario& s, const Results& r) {
    JsonWriter j;
    j.begin_object();
    j.field("format", "riposte-summary/1");
    write_scenario(j, s);
    j.key("seed");
    j.unsigned_integer(r.seed);
    j.field("replication", r.replication);
    j.key("events");
    j.unsigned_integer(r.events);
    write_totals(j, s, r.totals);
    write_centres(j, s, r);
    write_mobile_teams(j, s, r);
    write_coverage(j, s, r);
    write_professions(j, s, r);
    j.key("shortfalls");
    j.begin_object();
    j.field("count", static_cast<std::int64_t>(r.shortfalls.size()));
    j.field("role_shifts", r.totals.shortfall_role_shifts);
    std::int64_t missing = 0;
    for (const ShortfallRow& row : r.shortfalls) missing += row.required - row.rostered;
    j.field("people_missing", missing);
    j.end_object();
    write_log_counts(j, r);
    j.end_object();
    return j.take();
}

} // namespace riposte
