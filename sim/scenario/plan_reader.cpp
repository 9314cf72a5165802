// The plan file: centres (calendar, stations, shifts), booking policy, and the checks that tie
// the plan to the world (deliveries addressed to centres, allocation shares).
#include "change_reader.hpp"
#include "core/text_parse.hpp"
#include "loader_internal.hpp"
#include "riposte/core/suggest.hpp"

#include <algorithm>
#include <cmath>

namespace riposte::loader {

namespace {

constexpr std::string_view centre_kinds[] = {"vaccination", "testing", "both"};
constexpr std::string_view flows[] = {"vaccination", "testing", "both"};
constexpr std::string_view station_kinds[] = {"servers", "area"};
constexpr std::string_view test_types[] = {"antigen", "pcr", "both"};

constexpr std::string_view vaccination_keys[] = {
    "vaccine",           "slot_minutes", "doses_per_slot", "allocation_share",
    "walk_ins_per_hour", "walk_in_only", "hourly_profile"};
constexpr std::string_view testing_keys[] = {"test_type", "pcr_result_delay"};

constexpr double max_duration_seconds = 86400.0;

bool flow_has_vaccination(Flow f) {
    return f != Flow::Testing;
}
bool flow_has_testing(Flow f) {
    return f != Flow::Vaccination;
}

Bilingual days_words(int first, int last) {
    if (last >= (1 << 20)) return say(text::diag.days_to_end, {std::to_string(first)});
    return say(text::diag.days_range, {std::to_string(first), std::to_string(last)});
}

std::optional<Distribution> read_duration(TableReader& r, std::string_view key, bool required,
                                          std::string_view example) {
    const auto d = r.distribution(key, required, example);
    if (!d) return std::nullopt;
    const toml::node* n = r.table().get(key);
    const double m = d->mean();
    if (!(m > 0)) {
        r.file().error(*n, say(text::diag.plan_mean_zero, {key, example}));
        return std::nullopt;
    }
    if (m > max_duration_seconds) {
        r.file().error(*n, say(text::diag.plan_mean_over_day, {key, format_number(m / 3600.0)}));
        return std::nullopt;
    }
    return d;
}

/// Reads "staff = { role = count, ... }" into `staff` (indexed by role).
void read_staff(const TomlFile& f, const toml::node& n, const World& w, bool roles_known,
                IdVector<RoleId, int>& staff) {
    staff.assign(w.roles.size(), 0);
    const auto* st = n.as_table();
    if (!st) {
        f.error(n, say(text::diag.plan_staff_table, {type_words(n)}));
        return;
    }
    for (auto&& [k, v] : *st) {
        const std::string rn(k.str());
        SourceLoc kl = f.loc(k);
        if (kl.line <= 0) kl = f.loc(v);
        const auto count =
            to_int(f, v, say(text::diag.plan_staff_what, {rn}), 0, Limits::max_staff_per_role);
        if (!roles_known) continue;
        if (!w.find_role(rn).valid() && w.find_profession(rn).valid()) {
            f.error(kl,
                    say(text::diag.plan_profession_not_role, {rn, quoted_words(w.roles.vector())}));
            continue;
        }
        const auto role =
            resolve_name(w.roles.vector(), rn, "role", kl, f.diags(),
                         say(text::diag.roles_of_scope, {quoted_words(w.roles.vector())}));
        // A bad count was reported; 1 stands in so that no "nobody staffs it" error follows
        // (the scenario is refused anyway).
        if (role) staff[RoleId{*role}] = count ? static_cast<int>(*count) : 1;
    }
}

struct CentreContext {
    const World& w;
    const WorldInfo& wi;
    bool roles_known;
};

void read_station(const TomlFile& f, const toml::table& t, const CentreContext& cx, Centre& c,
                  std::vector<SourceLoc>& role_locs) {
    TableReader r(f, t, "[[centre.station]]");
    Station s;
    if (const toml::node* n = r.node("name", true, "name = \"injection\"")) {
        if (auto v = to_string(f, *n, "'name'")) {
            s.name = *v;
            if (s.name.empty()) f.error(*n, say(text::diag.plan_empty_station));
            for (const auto& o : c.stations)
                if (!s.name.empty() && o.name == s.name)
                    f.error(*n, say(text::diag.plan_duplicate_station, {s.name, c.name}));
        }
    }
    if (auto k = r.keyword("kind", station_kinds)) s.kind = static_cast<StationKind>(*k);
    if (auto k = r.keyword("flow", flows)) s.flow = static_cast<Flow>(*k);
    const bool area = s.kind == StationKind::Area;

    SourceLoc role_loc;
    if (const toml::node* n = r.node("role", !area, "role = \"injection\"")) {
        role_loc = f.loc(*n);
        if (auto v = to_string(f, *n, "'role'"); v && cx.roles_known) {
            if (auto k = resolve_name(
                    cx.w.roles.vector(), *v, "role", role_loc, f.diags(),
                    say(text::diag.roles_of_scope, {quoted_words(cx.w.roles.vector())})))
                s.role = RoleId{*k};
        }
    }
    role_locs.push_back(role_loc);

    if (area) {
        if (r.has("service")) f.error(*t.get("service"), say(text::diag.plan_area_service));
        r.allow("service");
        if (auto d = read_duration(r, "dwell", !r.has("service"), "dwell = \"15\"")) s.service = *d;
        if (r.has("posts")) f.error(*t.get("posts"), say(text::diag.plan_area_posts));
        r.allow("posts");
        if (auto v = r.integer("capacity", 1, 100000, true, "capacity = 20"))
            s.capacity = static_cast<int>(*v);
    } else {
        if (r.has("dwell")) f.error(*t.get("dwell"), say(text::diag.plan_servers_dwell));
        if (r.has("capacity")) f.error(*t.get("capacity"), say(text::diag.plan_servers_capacity));
        r.allow("dwell");
        r.allow("capacity");
        if (auto d = read_duration(r, "service", !r.has("dwell"), "service = \"3 + exp(1.43)\""))
            s.service = *d;
        if (auto v = r.integer("posts", 1, 10000)) s.posts = static_cast<int>(*v);
    }
    if (auto b = r.boolean("gives_dose")) s.gives_dose = *b;
    if (auto b = r.boolean("takes_sample")) s.takes_sample = *b;
    if (s.gives_dose) {
        const toml::node& n = *t.get("gives_dose");
        if (area)
            f.error(n, say(text::diag.plan_area_dose));
        else if (!c.vaccinates())
            f.error(n, say(text::diag.plan_dose_not_vaccinating, {c.name}));
        else if (!flow_has_vaccination(s.flow))
            f.error(n, say(text::diag.plan_testing_flow_dose));
    }
    if (s.takes_sample) {
        const toml::node& n = *t.get("takes_sample");
        if (area)
            f.error(n, say(text::diag.plan_area_sample));
        else if (!c.tests())
            f.error(n, say(text::diag.plan_sample_not_testing, {c.name}));
        else if (!flow_has_testing(s.flow))
            f.error(n, say(text::diag.plan_vaccination_flow_sample));
    }
    if (const toml::node* fl = t.get("flow")) {
        if (s.flow == Flow::Vaccination && !c.vaccinates())
            f.error(*fl, say(text::diag.plan_flow_vaccination_only_tests, {c.name}));
        if (s.flow == Flow::Testing && !c.tests())
            f.error(*fl, say(text::diag.plan_flow_testing_only_vaccinates, {c.name}));
    }
    r.finish();
    c.stations.push_back(std::move(s));
}

/// `staff_ok` becomes false when a shift's staff has an error (an unknown role).
void read_shift(const TomlFile& f, const toml::table& t, const CentreContext& cx, Centre& c,
                std::vector<SourceLoc>& staff_locs, bool& staff_ok) {
    TableReader r(f, t, "[[centre.shift]]");
    Shift s;
    s.weekdays = c.weekdays;
    s.first_day = c.first_day;
    s.last_day = c.last_day;
    s.start = c.opens;
    s.end = c.closes;
    const auto days = r.weekdays("days");
    if (days) s.weekdays = *days;
    if (auto v = r.integer("first_day", 0, Limits::max_days)) s.first_day = static_cast<int>(*v);
    if (auto v = r.integer("last_day", 0, Limits::max_days)) s.last_day = static_cast<int>(*v);
    const auto start = r.clock("start", false);
    const auto end = r.clock("end", true);
    if (start) s.start = *start;
    if (end) s.end = *end;
    SourceLoc staff_loc;
    s.staff.assign(cx.w.roles.size(), 0);
    if (const toml::node* n = r.node("staff", true, "staff = { reception = 2, injection = 3 }")) {
        staff_loc = f.loc(*n);
        const std::size_t errors_before = f.diags().error_count();
        read_staff(f, *n, cx.w, cx.roles_known, s.staff);
        if (f.diags().error_count() != errors_before) staff_ok = false;
        if (cx.roles_known && n->is_table() &&
            std::all_of(s.staff.begin(), s.staff.end(), [](int x) { return x == 0; }))
            f.warning(*n, say(text::diag.plan_shift_staffs_nobody));
    }
    staff_locs.push_back(staff_loc);
    s.staff_where = staff_loc;
    s.station_staff.assign(c.stations.size(), -1);
    if (const toml::node* n = r.node("by_station")) {
        const auto* tab = n->as_table();
        if (!tab) {
            f.error(*n, say(text::diag.plan_by_station_table, {type_words(*n)}));
        } else {
            std::vector<int> sum(cx.w.roles.size(), 0);
            std::vector<char> named(cx.w.roles.size(), 0);
            for (auto&& [k, v] : *tab) {
                const std::string name(k.str());
                SourceLoc kl = f.loc(k);
                if (kl.line <= 0) kl = f.loc(v);
                const auto count =
                    to_int(f, v, "by_station '" + name + "'", 0, Limits::max_staff_per_role);
                std::vector<std::string> names;
                for (const Station& st : c.stations) names.push_back(st.name);
                const auto k_st =
                    resolve_name(names, name, "station", kl, f.diags(),
                                 say(text::diag.stations_of_centre, {c.name, quoted_words(names)}));
                if (!k_st || !count) continue;
                const Station& st = c.stations[static_cast<std::size_t>(*k_st)];
                if (!st.role.valid()) {
                    f.error(kl, say(text::diag.plan_station_no_role, {name}));
                    continue;
                }
                s.station_staff[static_cast<std::size_t>(*k_st)] = static_cast<int>(*count);
                sum[st.role.index()] += static_cast<int>(*count);
                named[st.role.index()] = 1;
            }
            for (std::size_t role = 0; role < sum.size(); ++role) {
                if (!named[role]) continue;
                if (s.staff[RoleId{role}] == 0) {
                    s.staff[RoleId{role}] = sum[role];
                } else if (s.staff[RoleId{role}] != sum[role]) {
                    f.error(*n, say(text::diag.plan_by_station_sum,
                                    {std::to_string(sum[role]), cx.w.roles[RoleId{role}],
                                     std::to_string(s.staff[RoleId{role}])}));
                }
            }
        }
    }
    r.finish();

    // Consistency with the centre's calendar.
    if (s.start >= s.end && c.continuous && s.end < hours(24)) {
        s.end += hours(24); // crosses midnight: ends the next day
    } else if (s.start >= s.end) {
        const toml::node* n = t.get("end") ? t.get("end") : t.get("start");
        f.error(n ? f.loc(*n) : r.loc(), say(text::diag.plan_shift_reversed,
                                             {clock_to_text(s.end), clock_to_text(s.start)}));
    } else if (c.continuous) {
        // open around the clock: any shift is inside the opening hours
    } else if (c.opens >= c.closes) {
        // The centre's hours are wrong (reported there): nothing to compare with.
    } else if (s.end <= c.opens || s.start >= c.closes) {
        f.error(r.loc(), say(text::diag.plan_shift_outside,
                             {clock_to_text(s.start), clock_to_text(s.end), c.name,
                              clock_to_text(c.opens), clock_to_text(c.closes)}));
    } else if (s.start < c.opens || s.end > c.closes) {
        f.warning(r.loc(), say(text::diag.plan_shift_overlaps,
                               {clock_to_text(s.start), clock_to_text(s.end), c.name,
                                clock_to_text(c.opens), clock_to_text(c.closes)}));
    }
    const WeekdayMask common = static_cast<WeekdayMask>(s.weekdays & c.weekdays);
    const toml::node* dn = t.get("days");
    if (common == 0)
        f.error(dn ? f.loc(*dn) : r.loc(),
                say(text::diag.plan_shift_never_runs,
                    {weekdays_to_text(s.weekdays), c.name, weekdays_to_text(c.weekdays)}));
    else if (common != s.weekdays)
        f.warning(dn ? f.loc(*dn) : r.loc(),
                  say(text::diag.plan_shift_some_days,
                      {weekdays_to_text(s.weekdays), c.name, weekdays_to_text(c.weekdays)}));
    if (s.first_day > s.last_day) {
        const toml::node* n = t.get("last_day");
        f.error(n ? f.loc(*n) : r.loc(),
                say(text::diag.plan_last_before_first,
                    {std::to_string(s.last_day), std::to_string(s.first_day)}));
    } else if (s.last_day < c.first_day || s.first_day > c.last_day) {
        f.error(r.loc(),
                say(text::diag.plan_shift_days_outside,
                    {days_words(s.first_day, s.last_day), days_words(c.first_day, c.last_day)}));
    }
    c.shifts.push_back(std::move(s));
}

/// True when some pool member's profession may fill `role` (supervised or not).
bool pool_can_fill(const World& w, int role) {
    if (role < 0 || static_cast<std::size_t>(role) >= w.scope.allowed.size()) return true;
    const auto& allowed = w.scope.allowed[RoleId{role}];
    return std::any_of(w.pool.begin(), w.pool.end(), [&](const PoolEntry& e) {
        return e.count > 0 && e.weekly_hours > 0 &&
               std::any_of(allowed.begin(), allowed.end(),
                           [&](const ScopeEntry& a) { return a.profession == e.profession; });
    });
}

/// "add to the pool people of a profession the scope table allows for it: a, b".
Bilingual who_may_fill(const World& w, int role) {
    std::vector<std::string> names;
    for (const ScopeEntry& a : w.scope.allowed[RoleId{role}])
        if (a.profession.valid() && a.profession.index() < w.professions.size())
            names.push_back(w.professions[a.profession]);
    if (names.empty()) return say(text::diag.plan_scope_allows_none);
    return say(text::diag.plan_add_to_pool, {quoted_words(names)});
}

void read_centre(const TomlFile& f, const toml::table& t, const World& w, const WorldInfo& wi,
                 Plan& p, PlanInfo& pi) {
    TableReader r(f, t, "[[centre]]");
    Centre c;
    c.last_day = 1 << 20;
    SourceLoc alloc_loc;
    if (const toml::node* n = r.node("name", true, "name = \"Gignac\"")) {
        if (auto v = to_string(f, *n, "'name'")) {
            c.name = *v;
            if (c.name.empty()) f.error(*n, say(text::diag.plan_empty_centre));
            for (const auto& o : p.centres)
                if (!c.name.empty() && o.name == c.name)
                    f.error(*n, say(text::diag.plan_duplicate_centre, {c.name}));
        }
    }
    if (auto k = r.keyword("kind", centre_kinds)) c.kind = static_cast<CentreKind>(*k);
    if (const toml::node* n = r.node("commune", true, "commune = \"34114\"")) {
        if (auto v = to_string(f, *n, "'commune'"); v && wi.communes_complete)
            if (auto k = resolve_commune(w, wi, *v, f.loc(*n), f.diags())) c.commune = *k;
    }
    if (auto v = r.weekdays("days")) c.weekdays = *v;
    if (auto v = r.integer("first_day", 0, Limits::max_days)) c.first_day = static_cast<int>(*v);
    if (auto v = r.integer("last_day", 0, Limits::max_days)) c.last_day = static_cast<int>(*v);
    if (c.first_day > c.last_day)
        f.error(*t.get("last_day"), say(text::diag.plan_last_before_first,
                                        {std::to_string(c.last_day), std::to_string(c.first_day)}));
    else if (wi.parsed && c.first_day >= w.days && t.get("first_day"))
        f.warning(*t.get("first_day"),
                  say(text::diag.plan_centre_opens_late,
                      {c.name, std::to_string(c.first_day), std::to_string(w.days - 1)}));
    c.opens = hours(8);
    c.closes = hours(18);
    if (auto b = r.boolean("continuous")) c.continuous = *b;
    if (c.continuous) {
        for (const char* key : {"opens", "closes"})
            if (const toml::node* n = t.get(key))
                f.error(*n, say(text::diag.plan_continuous_hours, {c.name, key}));
        r.allow("opens");
        r.allow("closes");
        c.opens = hours(0);
        c.closes = hours(24);
    }
    if (auto v = r.clock("opens", false); v && !c.continuous) c.opens = *v;
    if (auto v = r.clock("closes", true); v && !c.continuous) c.closes = *v;
    if (c.opens >= c.closes) {
        const toml::node* n = t.get("closes") ? t.get("closes") : t.get("opens");
        f.error(n ? f.loc(*n) : r.loc(),
                say(text::diag.plan_centre_reversed,
                    {c.name, clock_to_text(c.closes), clock_to_text(c.opens)}));
    }
    if (auto v = r.integer("waiting_room", 0, 100000)) c.waiting_room = static_cast<int>(*v);
    if (auto v = r.string("display_name")) c.display_name = *v;

    // Keys for the other kind of centre are read (and type-checked) but ignored.
    for (auto key : c.vaccinates() ? std::span<const std::string_view>(testing_keys)
                                   : std::span<const std::string_view>(vaccination_keys))
        if (const toml::node* n = t.get(key))
            f.warning(*n, say(text::diag.plan_key_ignored_kind,
                              {key, c.name, centre_kinds[static_cast<std::size_t>(c.kind)]}));
    // vaccination
    {
        const toml::node* vn = r.node("vaccine");
        if (c.vaccinates()) {
            if (auto k = resolve_vaccine(f, r, vn, w, wi, say(text::diag.centre_named, {c.name})))
                c.vaccine = *k;
        } else if (vn) {
            to_string(f, *vn, "'vaccine'");
        }
    }
    if (auto v = r.number("slot_minutes", Range{1, 240, "minutes from 1 to 240"}))
        c.slot_length = round_seconds(*v * 60.0);
    if (auto v = r.integer("doses_per_slot", 1, 100)) c.doses_per_slot = static_cast<int>(*v);
    if (auto v = r.number("allocation_share", share_range)) {
        c.allocation_share = *v;
        alloc_loc = f.loc(*t.get("allocation_share"));
    }
    if (auto v = r.number("walk_ins_per_hour", Range{0, 1000, "people per hour from 0 to 1000"}))
        c.walk_ins_per_hour = *v;
    if (auto b = r.boolean("walk_in_only")) c.walk_in_only = *b && c.vaccinates();
    if (c.walk_in_only)
        for (const char* key : {"slot_minutes", "doses_per_slot", "walk_ins_per_hour"})
            if (const toml::node* n = t.get(key))
                f.warning(*n, say(text::diag.plan_key_ignored_walk_in, {key, c.name}));
    if (const toml::node* n = r.node("hourly_profile")) {
        const auto* arr = n->as_array();
        if (!arr || arr->size() != 24) {
            f.error(*n, say(text::diag.plan_hourly_profile_24));
        } else {
            double sum = 0;
            for (std::size_t h = 0; h < 24; ++h) {
                const auto v = to_number(f, (*arr)[h], "'hourly_profile'",
                                         Range{0, 1e6, "a weight from 0 to 1000000"});
                if (v) c.hourly_profile[h] = *v;
                if (v) sum += *v;
            }
            if (sum <= 0) f.error(*n, say(text::diag.plan_hourly_profile_zero));
        }
    }
    // testing
    if (auto k = r.keyword("test_type", test_types)) c.test_type = static_cast<TestType>(*k);
    {
        auto def = parse_distribution("lognormal(24, 8) h", 60.0);
        if (def.value) c.pcr_result_delay = *def.value;
        if (auto d = r.distribution("pcr_result_delay")) {
            c.pcr_result_delay = *d;
            if (c.tests() && c.test_type == TestType::Antigen)
                f.warning(*t.get("pcr_result_delay"),
                          say(text::diag.plan_pcr_delay_ignored, {c.name}));
        }
    }

    const CentreContext cx{w, wi, wi.scope_complete};
    std::vector<SourceLoc> role_locs, staff_locs;
    const auto stations = r.table_array("station", true);
    if (stations.size() > 64)
        f.error(*t.get("station"),
                say(text::diag.plan_too_many_stations, {c.name, std::to_string(stations.size())}));
    else
        for (const auto* st : stations) read_station(f, *st, cx, c, role_locs);
    bool staff_ok = true;
    const auto shifts = r.table_array("shift", true);
    if (shifts.size() > 1000)
        f.error(*t.get("shift"),
                say(text::diag.plan_too_many_shifts, {c.name, std::to_string(shifts.size())}));
    else
        for (const auto* sh : shifts) read_shift(f, *sh, cx, c, staff_locs, staff_ok);
    r.finish();

    // The centre as a whole.
    auto count_if = [&](auto pred) {
        return std::count_if(c.stations.begin(), c.stations.end(), pred);
    };
    if (!stations.empty()) {
        if (c.vaccinates() && count_if([](const Station& s) { return s.gives_dose; }) == 0)
            f.error(r.loc(), say(text::diag.plan_no_dose_station, {c.name}));
        if (c.tests() && count_if([](const Station& s) { return s.takes_sample; }) == 0)
            f.error(r.loc(), say(text::diag.plan_no_sample_station, {c.name}));
        if (count_if([](const Station& s) { return s.gives_dose; }) > 1)
            f.error(r.loc(), say(text::diag.plan_several_dose_stations, {c.name}));
        if (count_if([](const Station& s) { return s.takes_sample; }) > 1)
            f.error(r.loc(), say(text::diag.plan_several_sample_stations, {c.name}));
    }
    if (cx.roles_known && wi.pool_complete && !w.pool.empty()) {
        // A role no one in the pool may fill: the run would serve nobody at this station.
        std::vector<bool> warned(w.roles.size(), false);
        for (std::size_t k = 0; k < c.stations.size(); ++k) {
            const Station& s = c.stations[k];
            if (!s.role.valid() || warned[s.role.index()]) continue;
            if (pool_can_fill(w, s.role.value())) continue;
            warned[s.role.index()] = true;
            f.diags().warning(
                role_locs[k], "pool.no_one_qualified",
                say(text::diag.plan_no_one_qualified,
                    {s.name, c.name, w.roles[s.role], who_may_fill(w, s.role.value())}));
        }
    }
    // A role that staffs several stations: every shift says how many people go to each.
    if (cx.roles_known) {
        for (std::size_t role = 0; role < w.roles.size(); ++role) {
            std::vector<std::size_t> sts;
            for (std::size_t k = 0; k < c.stations.size(); ++k)
                if (c.stations[k].role == RoleId{role}) sts.push_back(k);
            if (sts.size() < 2) continue;
            std::string names;
            for (std::size_t k : sts)
                names += (names.empty() ? "\"" : ", \"") + c.stations[k].name + "\"";
            for (std::size_t i = 0; i < c.shifts.size(); ++i) {
                const Shift& sh = c.shifts[i];
                if (sh.staff[RoleId{role}] == 0) continue;
                const bool named = std::all_of(sts.begin(), sts.end(), [&](std::size_t k) {
                    return k < sh.station_staff.size() && sh.station_staff[k] >= 0;
                });
                if (!named)
                    f.error(i < staff_locs.size() && staff_locs[i].line > 0 ? staff_locs[i]
                                                                            : r.loc(),
                            say(text::diag.plan_role_several_stations,
                                {w.roles[RoleId{role}], std::to_string(sts.size()), c.name, names,
                                 names.substr(0, names.find(','))}));
            }
        }
    }
    // A staff error (an unknown role) would make a station look unstaffed: that consequence
    // is not reported.
    if (cx.roles_known && staff_ok && !shifts.empty()) {
        for (std::size_t k = 0; k < c.stations.size(); ++k) {
            const Station& s = c.stations[k];
            if (!s.role.valid()) continue;
            const bool staffed = std::any_of(c.shifts.begin(), c.shifts.end(),
                                             [&](const Shift& sh) { return sh.staff[s.role] > 0; });
            if (!staffed)
                f.error(role_locs[k],
                        say(text::diag.plan_station_unstaffed, {s.name, w.roles[s.role], c.name}));
        }
    }
    if (c.tests() && !wi.has_testing_demand && wi.parsed)
        f.warning(r.loc(), say(text::diag.plan_no_testing_demand, {c.name}));
    pi.centre_loc.push_back(r.loc());
    pi.allocation_loc.push_back(alloc_loc);
    p.centres.push_back(std::move(c));
}

void read_validation(const TomlFile& f, const toml::table& t, const World& w, const WorldInfo& wi,
                     Plan& p) {
    TableReader r(f, t, "[validation]");
    if (auto v = r.number("max_travel_minutes", Range{1, 600, "minutes from 1 to 600"}))
        p.max_travel_minutes = *v;
    constexpr std::string_view kinds[] = {"wait_p90", "coverage", "wasted_doses", "unmet_demand"};
    // The key holding the threshold of each kind.
    constexpr std::string_view threshold_key[] = {"max_minutes", "min_percent", "max_percent",
                                                  "max_people"};
    constexpr std::string_view examples[] = {"max_minutes = 30", "min_percent = 80",
                                             "max_percent = 1", "max_people = 0"};
    const Range ranges[] = {
        Range{0, 1440, "minutes from 0 to 1440"}, Range{0, 100, "a percentage from 0 to 100"},
        Range{0, 100, "a percentage from 0 to 100"}, Range{0, 1e9, "a number of people >= 0"}};
    for (const auto* tt : r.table_array("target")) {
        TableReader tr(f, *tt, "[[validation.target]]");
        Target target;
        target.where = tr.loc();
        const auto k = tr.keyword("kind", kinds, true);
        // Every kind's keys are known to the reader; keys of another kind are reported here.
        for (auto key : threshold_key) tr.allow(key);
        if (k) {
            const auto ki = static_cast<std::size_t>(*k);
            target.kind = static_cast<TargetKind>(*k);
            if (auto v = tr.number(threshold_key[ki], ranges[ki], true, examples[ki]))
                target.threshold = *v;
            for (std::size_t o = 0; o < std::size(threshold_key); ++o)
                if (o != ki)
                    if (const toml::node* n = tt->get(threshold_key[o]))
                        f.error(*n, say(text::diag.plan_threshold_other_kind,
                                        {threshold_key[o], kinds[ki], threshold_key[ki]}));
            auto only_for = [&](std::string_view key, int kind_ok, const char* what) {
                if (*k != kind_ok)
                    if (const toml::node* n = tt->get(key))
                        f.error(*n, say(text::diag.plan_key_target_only, {key, what}));
            };
            only_for("share_of_replications", 0, "wait_p90");
            only_for("group", 1, "coverage");
            only_for("by_day", 1, "coverage");
            only_for("complete_schedule", 1, "coverage");
        }
        if (auto v = tr.number("share_of_replications", share_range))
            target.share_of_replications = *v;
        if (const toml::node* n = tr.node("group")) {
            if (auto g = to_string(f, *n, "'group'"); g && wi.parsed) {
                std::vector<std::string> names;
                for (const auto& grp : w.groups) names.push_back(grp.name);
                if (auto idx = resolve_name(names, *g, "group", f.loc(*n), f.diags(),
                                            say(text::diag.groups_of_world, {quoted_words(names)})))
                    target.group = *idx;
            }
        }
        if (auto v = tr.integer("by_day", 0, Limits::max_days)) {
            target.by_day = static_cast<int>(*v);
            if (wi.parsed && target.by_day >= w.days)
                f.error(*tt->get("by_day"),
                        say(text::diag.plan_by_day_late,
                            {std::to_string(target.by_day), std::to_string(w.days - 1)}));
        }
        if (auto v = tr.boolean("complete_schedule")) target.complete_schedule = *v;
        tr.finish();
        p.targets.push_back(std::move(target));
    }
    for (const auto* st : r.table_array("stress")) {
        TableReader sr(f, *st, "[[validation.stress]]");
        StressCase sc;
        sc.where = sr.loc();
        if (const toml::node* n =
                sr.node("exercise", true, "exercise = \"../stress/absence-wave.toml\"")) {
            if (auto file = to_string(f, *n, "'exercise'")) {
                sc.file = f.resolve(*file);
                std::error_code ec;
                if (!std::filesystem::is_regular_file(sc.file, ec))
                    f.error(*n, "input.missing",
                            say(text::diag.plan_stress_missing, {sc.file.string()}));
                sc.name = std::filesystem::path(*file).stem().string();
            }
        }
        if (auto name = sr.string("name")) sc.name = *name;
        sr.finish();
        p.stress.push_back(std::move(sc));
    }
    r.finish();
}

void read_mobile_team(const TomlFile& f, const toml::table& t, const World& w, const WorldInfo& wi,
                      Plan& p, PlanInfo& pi) {
    TableReader r(f, t, "[[mobile_team]]");
    MobileTeam m;
    if (const toml::node* n = r.node("name", true, "name = \"Équipe mobile du Lodévois\"")) {
        if (auto v = to_string(f, *n, "'name'")) {
            m.name = *v;
            if (m.name.empty()) f.error(*n, say(text::diag.plan_empty_team));
            for (const auto& o : p.mobile_teams)
                if (!m.name.empty() && o.name == m.name)
                    f.error(*n, say(text::diag.plan_duplicate_team, {m.name}));
            for (const auto& o : p.centres)
                if (!m.name.empty() && o.name == m.name)
                    f.error(*n, say(text::diag.plan_team_centre_name, {m.name}));
        }
    }
    if (const toml::node* n = r.node("commune", true, "commune = \"34142\"")) {
        if (auto v = to_string(f, *n, "'commune'"); v && wi.communes_complete)
            if (auto k = resolve_commune(w, wi, *v, f.loc(*n), f.diags())) m.base_commune = *k;
    }
    if (auto v = r.weekdays("days")) m.weekdays = *v;
    if (auto v = r.integer("first_day", 0, Limits::max_days)) m.first_day = static_cast<int>(*v);
    if (auto v = r.integer("last_day", 0, Limits::max_days)) m.last_day = static_cast<int>(*v);
    if (m.first_day > m.last_day)
        f.error(*t.get("last_day"), say(text::diag.plan_last_before_first,
                                        {std::to_string(m.last_day), std::to_string(m.first_day)}));
    if (auto v = r.clock("start", false)) m.start = *v;
    if (auto v = r.clock("end", true)) m.end = *v;
    if (m.start >= m.end) {
        const toml::node* n = t.get("end") ? t.get("end") : t.get("start");
        f.error(n ? f.loc(*n) : r.loc(), say(text::diag.plan_team_day_reversed,
                                             {clock_to_text(m.end), clock_to_text(m.start)}));
    }
    m.staff.assign(w.roles.size(), 0);
    const toml::node* staff =
        r.node("staff", true, "staff = { medical_interview = 1, injection = 1 }");
    if (staff) read_staff(f, *staff, w, wi.scope_complete, m.staff);
    if (const toml::node* n = r.node("communes")) {
        if (const auto* a = n->as_array()) {
            for (const auto& item : *a) {
                const auto v = to_string(f, item, say(text::diag.each_item_of, {"'communes'"}));
                if (!v || !wi.communes_complete) continue;
                if (auto k = resolve_commune(w, wi, *v, f.loc(item), f.diags())) {
                    if (std::find(m.communes.begin(), m.communes.end(), *k) != m.communes.end())
                        f.error(item, say(text::diag.plan_commune_twice, {*v}));
                    else
                        m.communes.push_back(*k);
                }
            }
        } else {
            f.error(*n, say(text::diag.plan_communes_list, {type_words(*n)}));
        }
    }
    if (auto d = read_duration(r, "visit", true, "visit = \"20 + exp(10)\"")) m.visit = *d;
    if (auto v = r.number("minutes_between_homes", Range{0, 240, "minutes from 0 to 240"}))
        m.minutes_between_homes = *v;
    {
        const toml::node* vn = r.node("vaccine");
        if (auto k = resolve_vaccine(f, r, vn, w, wi, say(text::diag.mobile_team_named, {m.name})))
            m.vaccine = *k;
    }
    SourceLoc alloc_loc;
    if (auto v = r.number("allocation_share", share_range)) {
        m.allocation_share = *v;
        alloc_loc = f.loc(*t.get("allocation_share"));
    }
    if (const toml::node* n = r.node("role_needed")) {
        if (auto v = to_string(f, *n, "'role_needed'"); v && wi.scope_complete)
            if (auto k =
                    resolve_name(w.roles.vector(), *v, "role", f.loc(*n), f.diags(),
                                 say(text::diag.roles_of_scope, {quoted_words(w.roles.vector())})))
                m.role_needed = RoleId{*k};
    } else {
        m.role_needed = w.find_role("injection");
    }
    r.finish();
    if (wi.scope_complete && staff && staff->is_table() && m.role_needed.valid() &&
        m.staff[m.role_needed] == 0)
        f.error(*staff, say(text::diag.plan_team_needs_role, {m.name, w.roles[m.role_needed]}));
    pi.team_loc.push_back(r.loc());
    pi.team_allocation_loc.push_back(alloc_loc);
    p.mobile_teams.push_back(std::move(m));
}

/// The role a profession is called in for when a rule names only the profession: the one where
/// the scope lists it first (an infirmier injects, a médecin interviews), unsupervised.
std::string role_for_profession(const World& w, std::string_view profession) {
    const int prof = w.find_profession(profession).value();
    int best_role = -1, best_rank = 1 << 30;
    for (std::size_t r = 0; r < w.roles.size() && r < w.scope.allowed.size(); ++r)
        for (std::size_t k = 0; k < w.scope.allowed[RoleId{r}].size(); ++k)
            if (w.scope.allowed[RoleId{r}][k].profession == ProfessionId{prof} &&
                !w.scope.allowed[RoleId{r}][k].supervised && static_cast<int>(k) < best_rank) {
                best_rank = static_cast<int>(k);
                best_role = static_cast<int>(r);
            }
    return best_role < 0 ? std::string() : w.roles[RoleId{best_role}];
}

// [[escalation]]: when = { queue_above = 40, for_minutes = 30 } (or stock_below_days, at,
// incidence_above), then = [ { add_line = { role = "injection", people = 1 } },
// { call_reserve = { profession = "infirmier", people = 2 } } ], once_per_day = true
void read_escalation(const TomlFile& f, const toml::table& t, const World& w, const WorldInfo& wi,
                     Plan& p, std::size_t index) {
    TableReader r(f, t, "[[escalation]]");
    Escalation e;
    e.where = r.loc();
    e.id = "escalation:" + std::to_string(index + 1);
    if (auto name = r.string("name")) e.id = "escalation:" + *name;
    if (auto v = r.boolean("once_per_day")) e.once_per_day = *v;
    bool ok = true;
    if (const toml::node* n =
            r.node("when", true, "when = { queue_above = 40, for_minutes = 30 }")) {
        if (!n->is_table()) {
            f.error(*n, "value.type", say(text::diag.plan_when_table));
            ok = false;
        } else {
            TableReader wr(f, *n->as_table(), "'when'");
            const bool q = wr.has("queue_above"), s = wr.has("stock_below_days"), a = wr.has("at"),
                       i = wr.has("incidence_above");
            if (q + s + a + i != 1) {
                f.error(*n, "escalation.when", say(text::diag.plan_when_one));
                ok = false;
            }
            if (q) {
                e.when.kind = Condition::Kind::QueueAbove;
                if (auto v = wr.number("queue_above", Range{0, 1e6, "people from 0"}))
                    e.when.threshold = *v;
                if (auto v = wr.number("for_minutes", Range{0, 1440, "minutes from 0 to 1440"}))
                    e.when.for_time = SimTime{static_cast<std::int64_t>(std::llround(*v * 60))};
            } else if (s) {
                e.when.kind = Condition::Kind::StockBelowDays;
                if (auto v = wr.number("stock_below_days", Range{0, 365, "days from 0 to 365"}))
                    e.when.threshold = *v;
            } else if (a) {
                e.when.kind = Condition::Kind::At;
                if (auto v = loader::read_day_time(wr, "at", true)) e.when.at = *v;
            } else if (i) {
                e.when.kind = Condition::Kind::IncidenceAbove;
                if (auto v = wr.number("incidence_above",
                                       Range{0, 1e5, "cases per 100,000 per day, from 0"}))
                    e.when.threshold = *v;
            }
            e.when.centre = CentreRef::all();
            if (const toml::node* c = wr.node("centre")) {
                if (auto ref = loader::to_centre_ref(f, *c, "'centre'", false, nullptr))
                    e.when.centre = *ref;
                else
                    ok = false;
            }
            wr.finish();
        }
    }
    std::vector<std::string> centres;
    for (const Centre& c : p.centres) centres.push_back(c.name);
    if (const toml::node* n = r.node(
            "then", true, "then = [ { add_line = { role = \"injection\", people = 1 } } ]")) {
        const toml::array* arr = n->as_array();
        if (!arr || arr->empty()) {
            f.error(*n, "value.type", say(text::diag.plan_then_list));
            ok = false;
        } else {
            for (const toml::node& item : *arr) {
                const toml::table* it = item.as_table();
                if (!it || it->size() != 1 || !it->begin()->second.is_table()) {
                    f.error(item, "escalation.then", say(text::diag.plan_then_item));
                    ok = false;
                    continue;
                }
                const std::string kind(it->begin()->first.str());
                std::vector<std::string> kinds(std::begin(change_kind_names),
                                               std::end(change_kind_names));
                kinds.push_back("call_reserve");
                if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
                    f.error(f.loc(it->begin()->first), "value.unknown_word",
                            say(text::diag.plan_not_a_decision, {kind, suggest_name(kind, kinds)}));
                    ok = false;
                    continue;
                }
                toml::table fields = *it->begin()->second.as_table();
                if (kind == "call_reserve") {
                    fields.insert_or_assign("kind", "add_line");
                    fields.insert_or_assign("reserve", true);
                    if (!fields.contains("role"))
                        if (auto prof = fields["profession"].value<std::string>()) {
                            const std::string role = role_for_profession(w, *prof);
                            if (!role.empty()) fields.insert_or_assign("role", role);
                        }
                } else {
                    fields.insert_or_assign("kind", kind);
                }
                TableReader cr(f, fields, "a decision of [[escalation]]");
                std::vector<ExerciseName> names;
                loader::ChangeContext ctx;
                ctx.trigger = true;
                ctx.names = &names;
                ctx.where = "[[escalation]]";
                auto change = loader::read_change(cr, ctx);
                cr.finish();
                if (!change) {
                    ok = false;
                    continue;
                }
                for (const ExerciseName& nm : names) {
                    if (!wi.parsed) break;
                    if (nm.what == ExerciseName::What::Role)
                        ok &= loader::resolve_name(w.roles.vector(), nm.value, "role", nm.where,
                                                   f.diags(), "a role of the world's scope")
                                  .has_value();
                    else if (nm.what == ExerciseName::What::Profession)
                        ok &= loader::resolve_name(w.professions.vector(), nm.value, "profession",
                                                   nm.where, f.diags(),
                                                   "a profession of the world's scope")
                                  .has_value();
                    else if (nm.what == ExerciseName::What::Centre)
                        ok &= loader::resolve_name(centres, nm.value, "centre", nm.where, f.diags(),
                                                   "a centre of the plan")
                                  .has_value();
                }
                e.then.push_back(std::move(*change));
            }
        }
    }
    r.finish();
    if (ok) p.escalations.push_back(std::move(e));
}

} // namespace

void read_plan(const TomlFile& f, const toml::table& root, const World& w, const WorldInfo& wi,
               Plan& p, PlanInfo& pi) {
    p.file = f.name();
    p.name = std::filesystem::path(f.name()).stem().string();
    TableReader top(f, root, "the plan file");
    if (const toml::table* t = top.subtable("plan")) {
        TableReader r(f, *t, "[plan]");
        if (auto v = r.string("name")) p.name = *v;
        r.string("description");
        r.finish();
    }
    if (const toml::table* t = top.subtable("booking")) {
        TableReader r(f, *t, "[booking]");
        if (auto v = r.integer("horizon_days", 1, 365))
            p.booking.horizon_days = static_cast<int>(*v);
        if (auto v = r.number("overbooking", share_range)) p.booking.overbooking = *v;
        r.finish();
    }
    const auto centres = top.table_array("centre", true);
    if (centres.size() > Limits::max_centres) {
        f.error(*root.get("centre"),
                say(text::diag.plan_too_many_centres,
                    {std::to_string(centres.size()), std::to_string(Limits::max_centres)}));
    } else {
        for (const auto* t : centres) read_centre(f, *t, w, wi, p, pi);
    }
    const auto teams = top.table_array("mobile_team");
    if (teams.size() > 1000)
        f.error(*root.get("mobile_team"),
                say(text::diag.plan_too_many_teams, {std::to_string(teams.size())}));
    else
        for (const auto* t : teams) read_mobile_team(f, *t, w, wi, p, pi);
    if (const toml::table* t = top.subtable("validation")) read_validation(f, *t, w, wi, p);
    const auto rules = top.table_array("escalation");
    for (std::size_t k = 0; k < rules.size(); ++k) read_escalation(f, *rules[k], w, wi, p, k);
    if (const toml::table* t = top.subtable("replacement")) {
        TableReader r(f, *t, "[replacement]");
        // the table written means on, unless `enabled = false`
        p.replacement.enabled = r.boolean("enabled").value_or(true);
        if (auto v = r.number("call_minutes", Range{0, 600, "minutes from 0 to 600"}))
            p.replacement.call_minutes = *v;
        r.finish();
    }
    top.finish(world_top_keys, "world");
}

void link_world_and_plan(World& w, const WorldInfo& wi, Plan& p, const PlanInfo& pi,
                         Diagnostics& diags) {
    std::vector<std::string> centre_names;
    for (const auto& c : p.centres) centre_names.push_back(c.name);

    // Deliveries addressed to a centre.
    for (std::size_t k = 0; k < w.deliveries.size(); ++k) {
        Delivery& d = w.deliveries[k];
        if (d.centre_name.empty()) continue;
        const SourceLoc& at = wi.delivery_centre_loc[k];
        const int c = p.find_centre(d.centre_name).value();
        if (c < 0) {
            diags.error(at, "ref.unknown",
                        say(text::diag.plan_delivery_unknown_centre,
                            {d.centre_name, suggest_name(d.centre_name, centre_names),
                             quoted_words(centre_names)}));
            continue;
        }
        const Centre& centre = p.centres[static_cast<std::size_t>(c)];
        if (!centre.vaccinates()) {
            diags.error(at, say(text::diag.plan_delivery_not_vaccinating, {d.centre_name}));
            continue;
        }
        if (wi.vaccines_complete && centre.vaccine != d.vaccine)
            diags.error(at,
                        say(text::diag.plan_delivery_vaccine,
                            {w.vaccines[static_cast<std::size_t>(d.vaccine)].name, d.centre_name,
                             w.vaccines[static_cast<std::size_t>(centre.vaccine)].name}));
        d.centre = CentreId{c};
    }

    for (auto& c : p.centres)
        if (!c.vaccinates()) c.allocation_share = 0;
    if (!wi.vaccines_complete) return;
    // Allocation of depot deliveries: per vaccine, centres and mobile teams that set
    // allocation_share take it; centres that do not share what is left equally.
    for (std::size_t v = 0; v < w.vaccines.size(); ++v) {
        const int vi = static_cast<int>(v);
        double set_sum = 0;
        int unset = 0;
        bool over = false;
        SourceLoc first_set;
        auto add_share = [&](double share, const SourceLoc& at) {
            if (first_set.line <= 0) first_set = at;
            set_sum += share;
            if (set_sum > 1.0 + 1e-9 && !over) {
                over = true;
                diags.error(at, say(text::diag.plan_shares_over_one,
                                    {w.vaccines[v].name, format_number(set_sum)}));
            }
        };
        for (std::size_t k = 0; k < p.centres.size(); ++k) {
            const Centre& c = p.centres[k];
            if (!c.vaccinates() || c.vaccine != vi) continue;
            if (pi.allocation_loc[k].line > 0)
                add_share(c.allocation_share, pi.allocation_loc[k]);
            else
                ++unset;
        }
        for (std::size_t k = 0; k < p.mobile_teams.size(); ++k)
            if (p.mobile_teams[k].vaccine == vi && pi.team_allocation_loc[k].line > 0)
                add_share(p.mobile_teams[k].allocation_share, pi.team_allocation_loc[k]);
        const double rest = std::max(0.0, 1.0 - set_sum);
        for (std::size_t k = 0; k < p.centres.size(); ++k) {
            Centre& c = p.centres[k];
            if (c.vaccinates() && c.vaccine == vi && pi.allocation_loc[k].line <= 0)
                c.allocation_share = rest / unset;
        }
        std::size_t first_depot = w.deliveries.size();
        for (std::size_t k = 0; k < w.deliveries.size(); ++k)
            if (w.deliveries[k].vaccine == vi && w.deliveries[k].centre_name.empty()) {
                first_depot = k;
                break;
            }
        if (first_depot == w.deliveries.size()) continue; // no depot delivery of this vaccine
        const double allocated = set_sum + (unset > 0 ? rest : 0.0);
        if (allocated <= 1e-9)
            diags.warning(wi.delivery_loc[first_depot],
                          say(text::diag.plan_depot_unused, {w.vaccines[v].name}));
        else if (allocated < 1.0 - 1e-9)
            diags.warning(first_set, say(text::diag.plan_shares_under_one,
                                         {w.vaccines[v].name, format_number(set_sum)}));
    }
    for (std::size_t k = 0; k < p.mobile_teams.size(); ++k) {
        const MobileTeam& m = p.mobile_teams[k];
        if (m.allocation_share <= 0)
            diags.warning(pi.team_loc[k], say(text::diag.plan_team_no_doses, {m.name}));
    }
    // A vaccination centre with no doses at all.
    for (std::size_t k = 0; k < p.centres.size(); ++k) {
        const Centre& c = p.centres[k];
        if (!c.vaccinates()) continue;
        const bool gets =
            std::any_of(w.deliveries.begin(), w.deliveries.end(), [&](const Delivery& d) {
                return d.centre == CentreId{k} ||
                       (d.centre_name.empty() && d.vaccine == c.vaccine && c.allocation_share > 0);
            });
        if (!gets) diags.warning(pi.centre_loc[k], say(text::diag.plan_centre_no_doses, {c.name}));
    }
}

} // namespace riposte::loader
