// The plan TOML writer (plan_toml.hpp) and the plan comparison used by its round-trip tests.
#include "riposte/plan_toml.hpp"

#include "core/text_parse.hpp"
#include "riposte/change_toml.hpp"
#include "riposte/exercise_toml.hpp"

#include <charconv>
#include <chrono>
#include <ctime>
#include <sstream>
#include <system_error>
#include <type_traits>

namespace riposte {
namespace {

constexpr int default_last_day = 1 << 20;

/// The shortest text that reads back as the same double (a TOML integer or float).
std::string number_text(double v) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    std::string s(buf, res.ptr);
    // TOML floats need a digit after an exponent's sign and no leading '+': to_chars complies.
    return s;
}

/// A bare key when it can be one, else a quoted key.
std::string toml_key(std::string_view name) {
    bool bare = !name.empty();
    for (char ch : name)
        bare = bare && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                        (ch >= '0' && ch <= '9') || ch == '_' || ch == '-');
    return bare ? std::string(name) : toml_quote(name);
}

class Writer {
  public:
    explicit Writer(std::string indent = "") : indent_(std::move(indent)) {}
    void line(std::string_view text) {
        out_ += text;
        out_ += '\n';
    }
    void raw(std::string_view key, std::string_view value) {
        out_ += indent_;
        out_ += key;
        out_ += " = ";
        out_ += value;
        out_ += '\n';
    }
    void str(std::string_view key, std::string_view v) { raw(key, toml_quote(v)); }
    void integer(std::string_view key, long long v) { raw(key, std::to_string(v)); }
    void number(std::string_view key, double v) { raw(key, number_text(v)); }
    void boolean(std::string_view key, bool v) { raw(key, v ? "true" : "false"); }
    void clock(std::string_view key, SimTime t) { str(key, loader::clock_to_text(t)); }
    void set_indent(std::string i) { indent_ = std::move(i); }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
    std::string indent_;
};

const char* const centre_kind_words[] = {"vaccination", "testing", "both"};
const char* const flow_words[] = {"vaccination", "testing", "both"};
const char* const test_type_words[] = {"antigen", "pcr", "both"};
const char* const target_kind_words[] = {"wait_p90", "coverage", "wasted_doses", "unmet_demand"};
const char* const target_threshold_keys[] = {"max_minutes", "min_percent", "max_percent",
                                             "max_people"};

std::string staff_table(const World& w, const IdVector<RoleId, int>& staff) {
    std::string s = "{ ";
    bool first = true;
    for (const RoleId r : staff.ids()) {
        if (!w.roles.contains(r)) break;
        if (staff[r] == 0) continue;
        if (!first) s += ", ";
        first = false;
        s += toml_key(w.roles[r]) + " = " + std::to_string(staff[r]);
    }
    return s + (first ? "}" : " }");
}

std::string commune_code(const World& w, int c) {
    if (c < 0 || static_cast<std::size_t>(c) >= w.territory.communes.size()) return "";
    return w.territory.communes[static_cast<std::size_t>(c)].insee;
}

void write_station(Writer& o, const World& w, const Station& s) {
    o.line("");
    o.line("  [[centre.station]]");
    o.set_indent("  ");
    o.str("name", s.name);
    if (s.kind == StationKind::Area) o.str("kind", "area");
    if (s.flow != Flow::Both) o.str("flow", flow_words[static_cast<int>(s.flow)]);
    if (s.role.valid()) o.str("role", w.roles[s.role]);
    if (s.kind == StationKind::Area) {
        o.str("dwell", s.service.text());
        o.integer("capacity", s.capacity);
    } else {
        o.str("service", s.service.text());
        if (s.posts > 0) o.integer("posts", s.posts);
    }
    if (s.gives_dose) o.boolean("gives_dose", true);
    if (s.takes_sample) o.boolean("takes_sample", true);
    o.set_indent("");
}

void write_shift(Writer& o, const World& w, const Centre& c, const Shift& s) {
    o.line("");
    o.line("  [[centre.shift]]");
    o.set_indent("  ");
    if (s.weekdays != c.weekdays) o.str("days", loader::weekdays_to_text(s.weekdays));
    if (s.first_day != c.first_day) o.integer("first_day", s.first_day);
    if (s.last_day != c.last_day) o.integer("last_day", s.last_day);
    o.clock("start", s.start);
    // a continuous centre's shift that crosses midnight ends the next day (end > 24 h)
    o.clock("end", s.end > hours(24) ? s.end - hours(24) : s.end);
    o.raw("staff", staff_table(w, s.staff));
    std::string by;
    for (std::size_t k = 0; k < s.station_staff.size() && k < c.stations.size(); ++k) {
        if (s.station_staff[k] < 0) continue;
        by += (by.empty() ? "{ " : ", ") + toml_quote(c.stations[k].name) + " = " +
              std::to_string(s.station_staff[k]);
    }
    if (!by.empty()) o.raw("by_station", by + " }");
    o.set_indent("");
}

void write_centre(Writer& o, const World& w, const Centre& c) {
    o.line("");
    o.line("[[centre]]");
    o.str("name", c.name);
    if (!c.display_name.empty()) o.str("display_name", c.display_name);
    o.str("kind", centre_kind_words[static_cast<int>(c.kind)]);
    o.str("commune", commune_code(w, c.commune));
    o.str("days", loader::weekdays_to_text(c.weekdays));
    if (c.first_day != 0) o.integer("first_day", c.first_day);
    if (c.last_day != default_last_day) o.integer("last_day", c.last_day);
    if (c.continuous) {
        o.boolean("continuous", true);
    } else {
        o.clock("opens", c.opens);
        o.clock("closes", c.closes);
    }
    o.integer("waiting_room", c.waiting_room);
    if (c.vaccinates()) {
        o.str("vaccine", w.vaccines[static_cast<std::size_t>(c.vaccine)].name);
        // slots are ignored (with a warning) at a walk-in-only centre: written only when set
        const Centre defaults;
        if (!c.walk_in_only || c.slot_length != defaults.slot_length)
            o.number("slot_minutes", static_cast<double>(c.slot_length.seconds()) / 60.0);
        if (!c.walk_in_only || c.doses_per_slot != defaults.doses_per_slot)
            o.integer("doses_per_slot", c.doses_per_slot);
        o.number("allocation_share", c.allocation_share);
        if (!c.walk_in_only || c.walk_ins_per_hour != defaults.walk_ins_per_hour)
            o.number("walk_ins_per_hour", c.walk_ins_per_hour);
        if (c.walk_in_only) o.boolean("walk_in_only", true);
        bool any = false;
        for (double h : c.hourly_profile) any = any || h != 0;
        if (any) {
            std::string a = "[";
            for (std::size_t h = 0; h < c.hourly_profile.size(); ++h)
                a += (h ? ", " : "") + number_text(c.hourly_profile[h]);
            o.raw("hourly_profile", a + "]");
        }
    }
    if (c.tests()) {
        o.str("test_type", test_type_words[static_cast<int>(c.test_type)]);
        const auto def = parse_distribution("lognormal(24, 8) h", 60.0);
        const bool is_default = def.value && c.pcr_result_delay.text() == def.value->text();
        if (c.test_type != TestType::Antigen || !is_default)
            o.str("pcr_result_delay", c.pcr_result_delay.text());
    }
    for (const Station& s : c.stations) write_station(o, w, s);
    for (const Shift& s : c.shifts) write_shift(o, w, c, s);
}

void write_team(Writer& o, const World& w, const MobileTeam& m) {
    o.line("");
    o.line("[[mobile_team]]");
    o.str("name", m.name);
    o.str("commune", commune_code(w, m.base_commune));
    o.str("days", loader::weekdays_to_text(m.weekdays));
    if (m.first_day != 0) o.integer("first_day", m.first_day);
    if (m.last_day != default_last_day) o.integer("last_day", m.last_day);
    o.clock("start", m.start);
    o.clock("end", m.end);
    o.raw("staff", staff_table(w, m.staff));
    if (!m.communes.empty()) {
        std::string a = "[";
        for (std::size_t k = 0; k < m.communes.size(); ++k)
            a += (k ? ", " : "") + toml_quote(commune_code(w, m.communes[k]));
        o.raw("communes", a + "]");
    }
    o.str("visit", m.visit.text());
    o.number("minutes_between_homes", m.minutes_between_homes);
    o.str("vaccine", w.vaccines[static_cast<std::size_t>(m.vaccine)].name);
    if (m.allocation_share > 0) o.number("allocation_share", m.allocation_share);
    if (m.role_needed.valid()) o.str("role_needed", w.roles[m.role_needed]);
}

void write_validation(Writer& o, const World& w, const Plan& p,
                      const std::filesystem::path& plan_dir) {
    if (p.max_travel_minutes < 0 && p.targets.empty() && p.stress.empty()) return;
    o.line("");
    o.line("[validation]");
    if (p.max_travel_minutes >= 0) o.number("max_travel_minutes", p.max_travel_minutes);
    for (const Target& t : p.targets) {
        o.line("");
        o.line("[[validation.target]]");
        const int k = static_cast<int>(t.kind);
        o.str("kind", target_kind_words[k]);
        o.number(target_threshold_keys[k], t.threshold);
        if (t.kind == TargetKind::WaitP90)
            o.number("share_of_replications", t.share_of_replications);
        if (t.kind == TargetKind::Coverage) {
            if (t.group >= 0) o.str("group", w.groups[static_cast<std::size_t>(t.group)].name);
            if (t.by_day >= 0) o.integer("by_day", t.by_day);
            if (t.complete_schedule) o.boolean("complete_schedule", true);
        }
    }
    for (const StressCase& s : p.stress) {
        o.line("");
        o.line("[[validation.stress]]");
        // relative to the written plan's folder when it can be, as the reader resolves it
        std::error_code ec;
        std::filesystem::path file = std::filesystem::weakly_canonical(s.file, ec);
        if (ec) file = s.file;
        if (!plan_dir.empty()) {
            const auto dir = std::filesystem::weakly_canonical(plan_dir, ec);
            if (!ec) {
                const auto rel = file.lexically_relative(dir);
                if (!rel.empty()) file = rel;
            }
        }
        o.str("exercise", file.generic_string());
        o.str("name", s.name);
    }
}

} // namespace

std::string escalation_decision_to_toml(const Change& change) {
    // the trigger form (times as offsets from the firing), one `key = value` per line, made
    // into the inline table the plan reader wants: { add_line = { role = "...", people = 1 } }
    std::istringstream in(trigger_change_to_toml(change));
    std::string fields;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line.starts_with("kind = ")) continue;
        fields += (fields.empty() ? "" : ", ") + line;
    }
    return "{ " + toml_key(change_kind_name(change)) + " = { " + fields +
           (fields.empty() ? "} }" : " } }");
}

namespace {

void write_escalation(Writer& o, const Escalation& e) {
    o.line("");
    o.line("[[escalation]]");
    const std::string prefix = "escalation:";
    o.str("name", e.id.starts_with(prefix) ? e.id.substr(prefix.size()) : e.id);
    o.raw("when", condition_to_toml(e.when));
    std::string then = "[";
    for (std::size_t k = 0; k < e.then.size(); ++k)
        then += (k ? ",\n         " : " ") + escalation_decision_to_toml(e.then[k]);
    o.raw("then", then + " ]");
    o.boolean("once_per_day", e.once_per_day);
}

std::string now_text() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char stamp[32];
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M UTC", &tm);
    return stamp;
}

} // namespace

PlanText plan_to_toml(const Scenario& scenario, const PlanOrigin& origin) {
    PlanText out;
    const World& w = scenario.world;
    const Plan& p = scenario.plan;
    Writer o;
    o.line("# Plan written by " + origin.program + " on " + now_text() + ".");
    if (!origin.plan_file.empty())
        o.line("# From: " + origin.plan_file.generic_string() +
               " (its comments are not carried over: see that file for them).");
    if (!origin.world_file.empty()) o.line("# World: " + origin.world_file.generic_string());
    if (!origin.note.empty()) o.line("# " + origin.note);
    o.line("");
    o.line("[plan]");
    o.str("name", p.name);
    o.line("");
    o.line("[booking]");
    o.integer("horizon_days", p.booking.horizon_days);
    o.number("overbooking", p.booking.overbooking);
    for (const Centre& c : p.centres) write_centre(o, w, c);
    for (const MobileTeam& m : p.mobile_teams) write_team(o, w, m);
    for (const Escalation& e : p.escalations) write_escalation(o, e);
    // the reader resolves stress files against the written file's folder
    write_validation(o, w, p,
                     origin.save_to.empty()             ? std::filesystem::path{}
                     : origin.save_to.has_parent_path() ? origin.save_to.parent_path()
                                                        : std::filesystem::path{"."});
    if (p.replacement.enabled) {
        o.line("");
        o.line("[replacement]");
        o.boolean("enabled", true);
        o.number("call_minutes", p.replacement.call_minutes);
    }
    out.text = o.take();
    return out;
}

WriteStatus save_plan_toml(const std::filesystem::path& file, const std::string& text,
                           bool overwrite) {
    std::error_code ec;
    if (!overwrite && std::filesystem::exists(file, ec))
        return {file.string() + ": the file exists; choose another name, or confirm replacing it"};
    return write_file_atomic(file, text);
}

// ---- comparison ------------------------------------------------------------------------------

namespace {

class Diff {
  public:
    template <class T> void eq(const std::string& where, const T& a, const T& b) {
        if (first_ || a == b) return;
        first_ = where + ": " + show(a) + " vs " + show(b);
    }
    std::optional<std::string> first_;

  private:
    static std::string show(const std::string& s) { return "\"" + s + "\""; }
    static std::string show(double v) { return number_text(v); }
    static std::string show(bool v) { return v ? "true" : "false"; }
    template <class T> static std::string show(const T& v) {
        if constexpr (std::is_enum_v<T>)
            return std::to_string(static_cast<long long>(v));
        else if constexpr (std::is_same_v<T, SimTime>)
            return std::to_string(v.seconds()) + " s";
        else if constexpr (std::is_integral_v<T>)
            return std::to_string(v);
        else
            return "(differs)";
    }
};

std::string at(const std::string& base, std::size_t i) {
    return base + "[" + std::to_string(i) + "]";
}

void compare_dist(Diff& d, const std::string& where, const Distribution& a, const Distribution& b) {
    d.eq(where + ".text", a.text(), b.text());
    d.eq(where + ".mean", a.mean(), b.mean());
}

std::string canonical_text(const std::filesystem::path& p) {
    std::error_code ec;
    auto c = std::filesystem::weakly_canonical(p, ec);
    return (ec ? p : c).lexically_normal().string();
}

} // namespace

std::optional<std::string> plan_difference(const World& w, const Plan& a, const Plan& b) {
    Diff d;
    d.eq("name", a.name, b.name);
    d.eq("booking.horizon_days", a.booking.horizon_days, b.booking.horizon_days);
    d.eq("booking.overbooking", a.booking.overbooking, b.booking.overbooking);
    d.eq("max_travel_minutes", a.max_travel_minutes, b.max_travel_minutes);
    d.eq("replacement.enabled", a.replacement.enabled, b.replacement.enabled);
    if (a.replacement.enabled && b.replacement.enabled)
        d.eq("replacement.call_minutes", a.replacement.call_minutes, b.replacement.call_minutes);
    d.eq("centres.size", a.centres.size(), b.centres.size());
    for (std::size_t i = 0; i < a.centres.size() && i < b.centres.size() && !d.first_; ++i) {
        const Centre& x = a.centres[i];
        const Centre& y = b.centres[i];
        const std::string c = at("centres", i);
        d.eq(c + ".name", x.name, y.name);
        d.eq(c + ".display_name", x.display_name, y.display_name);
        d.eq(c + ".kind", x.kind, y.kind);
        d.eq(c + ".commune", x.commune, y.commune);
        d.eq(c + ".weekdays", x.weekdays, y.weekdays);
        d.eq(c + ".first_day", x.first_day, y.first_day);
        d.eq(c + ".last_day", x.last_day, y.last_day);
        d.eq(c + ".opens", x.opens, y.opens);
        d.eq(c + ".closes", x.closes, y.closes);
        d.eq(c + ".waiting_room", x.waiting_room, y.waiting_room);
        d.eq(c + ".continuous", x.continuous, y.continuous);
        d.eq(c + ".vaccine", x.vaccine, y.vaccine);
        d.eq(c + ".slot_length", x.slot_length, y.slot_length);
        d.eq(c + ".doses_per_slot", x.doses_per_slot, y.doses_per_slot);
        d.eq(c + ".allocation_share", x.allocation_share, y.allocation_share);
        d.eq(c + ".walk_ins_per_hour", x.walk_ins_per_hour, y.walk_ins_per_hour);
        d.eq(c + ".walk_in_only", x.walk_in_only, y.walk_in_only);
        for (std::size_t h = 0; h < 24; ++h)
            d.eq(at(c + ".hourly_profile", h), x.hourly_profile[h], y.hourly_profile[h]);
        d.eq(c + ".test_type", x.test_type, y.test_type);
        compare_dist(d, c + ".pcr_result_delay", x.pcr_result_delay, y.pcr_result_delay);
        d.eq(c + ".stations.size", x.stations.size(), y.stations.size());
        for (std::size_t k = 0; k < x.stations.size() && k < y.stations.size(); ++k) {
            const Station& s = x.stations[k];
            const Station& t = y.stations[k];
            const std::string sw = at(c + ".stations", k);
            d.eq(sw + ".name", s.name, t.name);
            d.eq(sw + ".kind", s.kind, t.kind);
            d.eq(sw + ".flow", s.flow, t.flow);
            d.eq(sw + ".role", s.role, t.role);
            compare_dist(d, sw + ".service", s.service, t.service);
            d.eq(sw + ".capacity", s.capacity, t.capacity);
            d.eq(sw + ".gives_dose", s.gives_dose, t.gives_dose);
            d.eq(sw + ".takes_sample", s.takes_sample, t.takes_sample);
            d.eq(sw + ".posts", s.posts, t.posts);
        }
        d.eq(c + ".shifts.size", x.shifts.size(), y.shifts.size());
        for (std::size_t k = 0; k < x.shifts.size() && k < y.shifts.size(); ++k) {
            const Shift& s = x.shifts[k];
            const Shift& t = y.shifts[k];
            const std::string sw = at(c + ".shifts", k);
            d.eq(sw + ".weekdays", s.weekdays, t.weekdays);
            d.eq(sw + ".first_day", s.first_day, t.first_day);
            d.eq(sw + ".last_day", s.last_day, t.last_day);
            d.eq(sw + ".start", s.start, t.start);
            d.eq(sw + ".end", s.end, t.end);
            d.eq(sw + ".staff.size", s.staff.size(), t.staff.size());
            for (std::size_t r = 0; r < s.staff.size() && r < t.staff.size(); ++r)
                d.eq(sw + ".staff[" +
                         (r < w.roles.size() ? w.roles[RoleId{r}] : std::to_string(r)) + "]",
                     s.staff[RoleId{r}], t.staff[RoleId{r}]);
            d.eq(sw + ".station_staff.size", s.station_staff.size(), t.station_staff.size());
            for (std::size_t r = 0; r < s.station_staff.size() && r < t.station_staff.size(); ++r)
                d.eq(at(sw + ".station_staff", r), s.station_staff[r], t.station_staff[r]);
        }
    }
    d.eq("mobile_teams.size", a.mobile_teams.size(), b.mobile_teams.size());
    for (std::size_t i = 0; i < a.mobile_teams.size() && i < b.mobile_teams.size(); ++i) {
        const MobileTeam& x = a.mobile_teams[i];
        const MobileTeam& y = b.mobile_teams[i];
        const std::string m = at("mobile_teams", i);
        d.eq(m + ".name", x.name, y.name);
        d.eq(m + ".base_commune", x.base_commune, y.base_commune);
        d.eq(m + ".weekdays", x.weekdays, y.weekdays);
        d.eq(m + ".first_day", x.first_day, y.first_day);
        d.eq(m + ".last_day", x.last_day, y.last_day);
        d.eq(m + ".start", x.start, y.start);
        d.eq(m + ".end", x.end, y.end);
        d.eq(m + ".staff", x.staff == y.staff, true);
        d.eq(m + ".communes", x.communes == y.communes, true);
        compare_dist(d, m + ".visit", x.visit, y.visit);
        d.eq(m + ".minutes_between_homes", x.minutes_between_homes, y.minutes_between_homes);
        d.eq(m + ".vaccine", x.vaccine, y.vaccine);
        d.eq(m + ".allocation_share", x.allocation_share, y.allocation_share);
        d.eq(m + ".role_needed", x.role_needed, y.role_needed);
    }
    d.eq("targets.size", a.targets.size(), b.targets.size());
    for (std::size_t i = 0; i < a.targets.size() && i < b.targets.size(); ++i) {
        const Target& x = a.targets[i];
        const Target& y = b.targets[i];
        const std::string t = at("targets", i);
        d.eq(t + ".kind", x.kind, y.kind);
        d.eq(t + ".threshold", x.threshold, y.threshold);
        d.eq(t + ".share_of_replications", x.share_of_replications, y.share_of_replications);
        d.eq(t + ".group", x.group, y.group);
        d.eq(t + ".complete_schedule", x.complete_schedule, y.complete_schedule);
        d.eq(t + ".by_day", x.by_day, y.by_day);
    }
    d.eq("stress.size", a.stress.size(), b.stress.size());
    for (std::size_t i = 0; i < a.stress.size() && i < b.stress.size(); ++i) {
        d.eq(at("stress", i) + ".name", a.stress[i].name, b.stress[i].name);
        d.eq(at("stress", i) + ".file", canonical_text(a.stress[i].file),
             canonical_text(b.stress[i].file));
    }
    d.eq("escalations.size", a.escalations.size(), b.escalations.size());
    for (std::size_t i = 0; i < a.escalations.size() && i < b.escalations.size(); ++i) {
        const Escalation& x = a.escalations[i];
        const Escalation& y = b.escalations[i];
        const std::string e = at("escalations", i);
        d.eq(e + ".id", x.id, y.id);
        d.eq(e + ".once_per_day", x.once_per_day, y.once_per_day);
        d.eq(e + ".when.kind", x.when.kind, y.when.kind);
        // the fields the condition's kind uses, as the file writes them (a threshold left over
        // from another kind is not part of the rule)
        const bool at_kind = x.when.kind == Condition::Kind::At;
        if (!at_kind) d.eq(e + ".when.threshold", x.when.threshold, y.when.threshold);
        if (x.when.kind == Condition::Kind::QueueAbove)
            d.eq(e + ".when.for_time", x.when.for_time, y.when.for_time);
        if (at_kind) d.eq(e + ".when.at", x.when.at, y.when.at);
        d.eq(e + ".when", condition_to_toml(x.when), condition_to_toml(y.when));
        d.eq(e + ".then.size", x.then.size(), y.then.size());
        for (std::size_t k = 0; k < x.then.size() && k < y.then.size(); ++k)
            d.eq(at(e + ".then", k), escalation_decision_to_toml(x.then[k]),
                 escalation_decision_to_toml(y.then[k]));
        for (std::size_t k = 0; k < x.then.size() && k < y.then.size(); ++k)
            d.eq(at(e + ".then", k) + ".equal", x.then[k] == y.then[k], true);
    }
    return d.first_;
}

} // namespace riposte
