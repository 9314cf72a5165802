// Reading one change from a TOML table (docs/exercise.md): the reader side of
// riposte/change_toml.hpp.
#include "change_reader.hpp"

#include "core/text_parse.hpp"
#include "riposte/diagnostics.hpp"
#include "riposte/text/diagnostic_texts.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>

namespace riposte::loader {

namespace {

constexpr std::array<std::string_view, std::size(change_kind_names)> kind_words = [] {
    std::array<std::string_view, std::size(change_kind_names)> a{};
    for (std::size_t k = 0; k < a.size(); ++k) a[k] = change_kind_names[k];
    return a;
}();

/// Every key a change may have (so that a missing or bad `kind` does not also make them all
/// "unknown").
constexpr std::string_view change_keys[] = {"centre",
                                            "until",
                                            "for",
                                            "station",
                                            "factor",
                                            "profession",
                                            "people",
                                            "days",
                                            "share",
                                            "open",
                                            "delay_days",
                                            "lost_share",
                                            "role",
                                            "from",
                                            "to",
                                            "doses",
                                            "reserve",
                                            "from_day",
                                            "horizon_days",
                                            "message",
                                            "walk_ins_per_hour",
                                            "group",
                                            "a",
                                            "b",
                                            "slot_minutes",
                                            "doses_per_slot",
                                            "overbooking",
                                            "team",
                                            "day",
                                            "communes",
                                            "leave_at",
                                            "to_day",
                                            "opens",
                                            "closes",
                                            "commune"};

constexpr std::string_view centre_example =
    "centre = \"Gignac\" (a name, \"*\" for every centre, or { largest = true })";

std::string q(std::string_view key) {
    return "'" + std::string(key) + "'";
}

class ChangeFields {
  public:
    ChangeFields(TableReader& r, const ChangeContext& ctx) : r_(r), f_(r.file()), ctx_(ctx) {}
    [[nodiscard]] bool ok() const { return ok_; }
    void fail() { ok_ = false; }

    CentreRef centre(std::string_view key = "centre") {
        const toml::node* n = r_.node(key, !ctx_.trigger, centre_example);
        if (!n) {
            if (!ctx_.trigger) ok_ = false;
            return CentreRef::concerned();
        }
        auto c =
            to_centre_ref(f_, *n, q(key), ctx_.trigger || ctx_.lenient, ctx_.names, ctx_.lenient);
        if (!c) {
            ok_ = false;
            return {};
        }
        last_centre_ = *c;
        return *c;
    }

    std::string text(std::string_view key, bool required, std::string_view example,
                     ExerciseName::What what, bool name) {
        const toml::node* n = r_.node(key, required, example);
        if (!n) {
            if (required) ok_ = false;
            return {};
        }
        auto s = to_string(f_, *n, q(key));
        if (!s) {
            ok_ = false;
            return {};
        }
        if (name && s->empty() && !ctx_.lenient) {
            f_.error(*n, "value.empty", say(text::diag.change_empty, {q(key), example}));
            ok_ = false;
        } else if (name && ctx_.names) {
            ExerciseName e;
            e.what = what;
            e.value = *s;
            if (what == ExerciseName::What::Station && last_centre_.by == CentreRef::By::Name)
                e.centre = last_centre_.value;
            e.where = f_.loc(*n);
            ctx_.names->push_back(std::move(e));
        }
        return *s;
    }

    /// A non-empty array of names (each one noted for check_exercise).
    std::vector<std::string> names(std::string_view key, std::string_view example,
                                   ExerciseName::What what) {
        std::vector<std::string> out;
        const toml::node* n = r_.node(key, true, example);
        if (!n) {
            ok_ = false;
            return out;
        }
        const toml::array* a = n->as_array();
        if (!a || (a->empty() && !ctx_.lenient)) {
            f_.error(*n, "value.type", say(text::diag.change_names_list, {q(key), example}));
            ok_ = false;
            return out;
        }
        for (const toml::node& e : *a) {
            auto s = to_string(f_, e, q(key));
            if (!s) {
                ok_ = false;
                continue;
            }
            if (s->empty() && !ctx_.lenient) {
                f_.error(e, "value.empty", say(text::diag.change_empty_name, {q(key)}));
                ok_ = false;
                continue;
            }
            if (ctx_.names) {
                ExerciseName en;
                en.what = what;
                en.value = *s;
                en.where = f_.loc(e);
                ctx_.names->push_back(std::move(en));
            }
            out.push_back(std::move(*s));
        }
        return out;
    }

    std::int64_t integer(std::string_view key, std::int64_t lo, std::int64_t hi, bool required,
                         std::string_view example, std::int64_t fallback) {
        const toml::node* n = r_.node(key, required, example);
        if (!n) {
            if (required) ok_ = false;
            return fallback;
        }
        if (ctx_.lenient) {
            lo = std::min<std::int64_t>(lo, hi > INT32_MAX ? INT64_MIN : INT32_MIN);
            hi = std::max<std::int64_t>(hi, hi > INT32_MAX ? INT64_MAX : INT32_MAX);
        }
        const auto v = to_int(f_, *n, q(key), lo, hi);
        if (!v) ok_ = false;
        return v.value_or(fallback);
    }

    double positive(std::string_view key, double hi, bool required, std::string_view example,
                    double fallback) {
        const toml::node* n = r_.node(key, required, example);
        if (!n) {
            if (required) ok_ = false;
            return fallback;
        }
        const auto v = to_number(
            f_, *n, q(key), ctx_.lenient ? Range{-1e300, 1e300, nullptr} : Range{0, hi, nullptr});
        if (!v) {
            ok_ = false;
            return fallback;
        }
        if (*v <= 0 && !ctx_.lenient) {
            f_.error(*n, "value.out_of_range",
                     say(text::diag.change_positive, {q(key), format_number(*v)}));
            ok_ = false;
        }
        return *v;
    }

    double share(std::string_view key, bool required, std::string_view example, double fallback) {
        const toml::node* n = r_.node(key, required, example);
        if (!n) {
            if (required) ok_ = false;
            return fallback;
        }
        const auto v =
            to_number(f_, *n, q(key), ctx_.lenient ? Range{-1e300, 1e300, nullptr} : share_range);
        if (!v) ok_ = false;
        return v.value_or(fallback);
    }

    bool boolean(std::string_view key, bool required, bool fallback) {
        const toml::node* n = r_.node(key, required, std::string(key) + " = true");
        if (!n) {
            if (required) ok_ = false;
            return fallback;
        }
        const auto v = to_bool(f_, *n, q(key));
        if (!v) ok_ = false;
        return v.value_or(fallback);
    }

    /// MoveStaff's `leave_at`: when the people leave (absolute); none: when it applies.
    std::optional<SimTime> leave_at() {
        const toml::node* n = r_.node("leave_at");
        if (!n) return std::nullopt;
        if (ctx_.trigger) {
            f_.error(*n, "exercise.trigger_time", say(text::diag.change_trigger_leave_at));
            ok_ = false;
            return std::nullopt;
        }
        const auto t = to_day_time(f_, *n, "'leave_at'");
        if (!t) {
            ok_ = false;
            return std::nullopt;
        }
        if (ctx_.at && *t < *ctx_.at && !ctx_.lenient) {
            f_.error(*n, "exercise.before_at",
                     say(text::diag.change_leave_at_before_at,
                         {format_time(*t), format_time(*ctx_.at)}));
            ok_ = false;
        }
        return t;
    }

    /// AddLine's `from`: absolute, defaulting to the block's moment.
    SimTime from() {
        const toml::node* n = r_.node("from");
        if (ctx_.trigger) {
            if (n) {
                f_.error(*n, "exercise.trigger_time", say(text::diag.change_trigger_from));
                ok_ = false;
            }
            return SimTime{};
        }
        if (!n) {
            if (ctx_.at) return *ctx_.at;
            f_.error(r_.loc(), "key.missing",
                     say(text::diag.change_from_missing, {r_.where_words()}));
            ok_ = false;
            return SimTime{};
        }
        const auto t = to_day_time(f_, *n, "'from'");
        if (!t) {
            ok_ = false;
            return SimTime{};
        }
        if (ctx_.at && *t < *ctx_.at && !ctx_.lenient) {
            f_.error(
                *n, "exercise.before_at",
                say(text::diag.change_from_before_at, {format_time(*t), format_time(*ctx_.at)}));
            ok_ = false;
        }
        from_ = *t;
        return *t;
    }

    /// `until` (absolute) or `for` (a duration); SimTime::max() (the end of the run) when
    /// neither is written. In a trigger, only `for`, kept as an offset from the firing.
    SimTime until(bool allowed = true) {
        const toml::node* u = r_.node("until");
        const toml::node* d = r_.node("for");
        if (!allowed) {
            for (const toml::node* n : {u, d})
                if (n) {
                    f_.error(*n, "exercise.no_end", say(text::diag.change_reopen_no_end));
                    ok_ = false;
                }
            return SimTime{};
        }
        if (u && d) {
            f_.error(*d, "exercise.until_and_for", say(text::diag.change_until_and_for));
            ok_ = false;
            return SimTime::max();
        }
        if (u) {
            if (ctx_.trigger) {
                f_.error(*u, "exercise.trigger_time", say(text::diag.change_trigger_until));
                ok_ = false;
                return SimTime::max();
            }
            const auto t = to_day_time(f_, *u, "'until'");
            if (!t) {
                ok_ = false;
                return SimTime::max();
            }
            const std::optional<SimTime> start = from_ ? from_ : ctx_.at;
            if (start && *t <= *start && !ctx_.lenient) {
                f_.error(*u, "exercise.until_before",
                         say(text::diag.change_until_before,
                             {format_time(*t), from_ ? "'from'" : "'at'", format_time(*start)}));
                ok_ = false;
            }
            return *t;
        }
        if (d) {
            const auto dur = duration(*d);
            if (!dur) {
                ok_ = false;
                return SimTime::max();
            }
            if (ctx_.trigger) return *dur;
            const std::optional<SimTime> start = from_ ? from_ : ctx_.at;
            if (!start) {
                f_.error(*d, "exercise.for_without_at", say(text::diag.change_for_without_at));
                ok_ = false;
                return SimTime::max();
            }
            return *start + *dur;
        }
        return SimTime::max();
    }

    /// ChangeBooking's `from_day`: the block's day when left out (a trigger: 0 days after).
    int from_day() {
        const toml::node* n = r_.node("from_day");
        if (!n) {
            if (ctx_.trigger) return 0;
            if (ctx_.at) return ctx_.at->day();
            f_.error(r_.loc(), "key.missing",
                     say(text::diag.change_from_day_missing, {r_.where_words()}));
            ok_ = false;
            return 0;
        }
        const auto v = to_int(f_, *n, "'from_day'", ctx_.lenient ? INT32_MIN : 0,
                              ctx_.lenient ? INT32_MAX : max_day_index);
        if (!v) {
            ok_ = false;
            return 0;
        }
        if (!ctx_.trigger && ctx_.at && *v < ctx_.at->day() && !ctx_.lenient) {
            f_.error(*n, "exercise.before_at",
                     say(text::diag.change_from_day_before_at,
                         {std::to_string(*v), std::to_string(ctx_.at->day())}));
            ok_ = false;
        }
        return static_cast<int>(*v);
    }

  private:
    static std::string format_time(SimTime t) {
        return "J" + std::to_string(t.day()) + " " + clock_to_text(SimTime{t.second_of_day()});
    }

    std::optional<SimTime> duration(const toml::node& n) {
        if (n.is_integer() || n.is_floating_point()) {
            const auto v =
                to_number(f_, n, "'for'", Range{0, double(max_day_index), "a number of days > 0"});
            if (!v) return std::nullopt;
            if (*v <= 0) {
                f_.error(n, "value.out_of_range", say(text::diag.change_for_positive));
                return std::nullopt;
            }
            return round_seconds(*v * 86400.0);
        }
        if (const auto* s = n.as_string()) {
            const auto p = parse_duration(s->get());
            if (!p.value) {
                f_.error(f_.loc_in_string(n, p.offset), "value.bad_text",
                         say(text::diag.change_bad_for, {phrase(p.error)}));
                return std::nullopt;
            }
            return p.value;
        }
        f_.error(n, "value.type", say(text::diag.change_for_type, {type_words(n)}));
        return std::nullopt;
    }

    TableReader& r_;
    const TomlFile& f_;
    const ChangeContext& ctx_;
    bool ok_ = true;
    CentreRef last_centre_;
    std::optional<SimTime> from_;
};

} // namespace

std::optional<SimTime> to_day_time(const TomlFile& f, const toml::node& n, std::string_view what) {
    const auto* s = n.as_string();
    if (!s) {
        f.error(n, "value.type", say(text::diag.change_day_time_type, {what, type_words(n)}));
        return std::nullopt;
    }
    const auto p = parse_day_time(s->get());
    if (!p.value) {
        f.error(f.loc_in_string(n, p.offset), "value.bad_time",
                say(text::diag.bad_value, {what, phrase(p.error)}));
        return std::nullopt;
    }
    return p.value;
}

std::optional<SimTime> read_day_time(TableReader& r, std::string_view key, bool required,
                                     std::string_view example) {
    const toml::node* n = r.node(key, required, std::string(key) + " = " + std::string(example));
    if (!n) return std::nullopt;
    return to_day_time(r.file(), *n, q(key));
}

std::optional<CentreRef> to_centre_ref(const TomlFile& f, const toml::node& n,
                                       std::string_view what, bool allow_concerned,
                                       std::vector<ExerciseName>* names, bool lenient) {
    auto note = [&](ExerciseName::What w, const std::string& v, const toml::node& at) {
        if (!names) return;
        ExerciseName e;
        e.what = w;
        e.value = v;
        e.where = f.loc(at);
        names->push_back(std::move(e));
    };
    if (const auto* s = n.as_string()) {
        const std::string& v = s->get();
        if (v == "*") return CentreRef::all();
        if (v.empty() && !lenient) {
            f.error(n, "value.empty", say(text::diag.change_centre_empty, {what}));
            return std::nullopt;
        }
        note(ExerciseName::What::Centre, v, n);
        return CentreRef::named(v);
    }
    const auto* t = n.as_table();
    if (!t) {
        f.error(n, "value.type", say(text::diag.change_centre_type, {what, type_words(n)}));
        return std::nullopt;
    }
    TableReader r(f, *t, std::string(what));
    static constexpr std::string_view selectors[] = {"name", "largest", "nearest_to", "kind",
                                                     "concerned"};
    int count = 0;
    for (const auto s : selectors)
        if (r.has(s)) ++count;
    std::optional<CentreRef> out;
    if (count != 1) {
        for (const auto s : selectors) r.allow(s);
        r.finish();
        f.error(n, "exercise.selector",
                say(allow_concerned ? text::diag.change_one_selector_concerned
                                    : text::diag.change_one_selector,
                    {what}));
        return std::nullopt;
    }
    if (const toml::node* v = r.node("name")) {
        if (auto s = to_string(f, *v, "'name'")) {
            if (s->empty() && !lenient)
                f.error(*v, "value.empty", say(text::diag.change_name_empty));
            else {
                note(ExerciseName::What::Centre, *s, *v);
                out = CentreRef::named(*s);
            }
        }
    } else if (const toml::node* l = r.node("largest")) {
        if (auto b = to_bool(f, *l, "'largest'")) {
            if (*b)
                out = CentreRef{CentreRef::By::Largest, {}};
            else
                f.error(*l, "exercise.selector", say(text::diag.change_only_true, {"'largest'"}));
        }
    } else if (const toml::node* c = r.node("nearest_to")) {
        if (auto s = to_string(f, *c, "'nearest_to'")) {
            if (s->empty() && !lenient)
                f.error(*c, "value.empty", say(text::diag.change_nearest_empty));
            else {
                note(ExerciseName::What::Commune, *s, *c);
                out = CentreRef{CentreRef::By::NearestTo, *s};
            }
        }
    } else if (r.has("kind")) {
        static constexpr std::string_view kinds[] = {"vaccination", "testing", "both"};
        if (const auto k = r.keyword("kind", kinds)) {
            note(ExerciseName::What::CentreKind, std::string(kinds[*k]), *t->get("kind"));
            out = CentreRef{CentreRef::By::Kind, std::string(kinds[*k])};
        }
    } else if (const toml::node* cc = r.node("concerned")) {
        if (!allow_concerned) {
            f.error(*cc, "exercise.concerned_outside_trigger",
                    say(text::diag.change_concerned_outside));
        } else if (auto b = to_bool(f, *cc, "'concerned'")) {
            if (*b)
                out = CentreRef::concerned();
            else
                f.error(*cc, "exercise.selector",
                        say(text::diag.change_only_true, {"'concerned'"}));
        }
    }
    r.finish();
    return out;
}

std::optional<Change> read_change(TableReader& r, const ChangeContext& ctx) {
    const auto kind = r.keyword("kind", kind_words, true);
    if (!kind) {
        for (const auto k : change_keys) r.allow(k);
        return std::nullopt;
    }
    ChangeFields c(r, ctx);
    using W = ExerciseName::What;
    Change out;
    switch (*kind) {
    case 0: {
        CentreClosed v;
        v.centre = c.centre();
        v.until = c.until();
        out = v;
        break;
    }
    case 1: {
        StationSlowed v;
        v.centre = c.centre();
        v.station = c.text("station", false, "station = \"reception\"", W::Station, true);
        v.factor = c.positive("factor", 1000, true, "factor = 2", 2);
        v.until = c.until();
        out = v;
        break;
    }
    case 2: {
        StaffIll v;
        v.centre = c.centre();
        v.profession =
            c.text("profession", true, "profession = \"infirmier\"", W::Profession, true);
        v.people = static_cast<int>(c.integer("people", 1, 100000, true, "people = 2", 1));
        v.days = static_cast<int>(c.integer("days", 1, 3650, true, "days = 7", 1));
        out = v;
        break;
    }
    case 3: {
        AbsenceWave v;
        v.profession =
            c.text("profession", false, "profession = \"infirmier\"", W::Profession, true);
        v.share = c.share("share", true, "share = 0.2", 0.2);
        v.days = static_cast<int>(c.integer("days", 1, 3650, true, "days = 10", 1));
        out = v;
        break;
    }
    case 4: {
        DeliveryLate v;
        v.centre = c.centre();
        v.delay_days =
            static_cast<int>(c.integer("delay_days", 0, 3650, true, "delay_days = 3", 1));
        v.lost_share = c.share("lost_share", false, "lost_share = 0.5", 0);
        out = v;
        break;
    }
    case 5: {
        ColdChainFailure v;
        v.centre = c.centre();
        out = v;
        break;
    }
    case 6: {
        DemandSurge v;
        // for people (a commune, a group), or at centres
        if (r.has("commune") || r.has("group")) {
            if (r.has("commune"))
                v.commune = c.text("commune", false, "commune = \"34142\"", W::Commune, true);
            if (r.has("group"))
                v.group = c.text("group", false, "group = \"18-64\"", W::Group, true);
            if (const toml::node* n = r.node("centre")) {
                r.file().error(*n, "exercise.surge_target",
                               say(text::diag.surge_centre_and_people, {}));
                c.fail();
            }
        } else {
            v.centre = c.centre();
        }
        v.factor = c.positive("factor", 1000, true, "factor = 3", 2);
        v.days = static_cast<int>(c.integer("days", 1, 3650, true, "days = 5", 1));
        v.walk_ins_per_hour =
            c.positive("walk_ins_per_hour", 10000, false, "walk_ins_per_hour = 6", 0);
        out = v;
        break;
    }
    case 7: {
        SetCentreOpen v;
        v.centre = c.centre();
        v.open = c.boolean("open", true, true);
        v.until = c.until(!v.open);
        out = v;
        break;
    }
    case 8: {
        AddLine v;
        v.centre = c.centre();
        v.role = c.text("role", true, "role = \"injection\"", W::Role, true);
        v.people = static_cast<int>(c.integer("people", 1, 100000, false, "people = 2", 1));
        v.from = c.from();
        v.until = c.until();
        v.reserve = c.boolean("reserve", false, false);
        v.profession =
            c.text("profession", false, "profession = \"infirmier\"", W::Profession, true);
        out = v;
        break;
    }
    case 9: {
        ReallocateDoses v;
        v.from = c.centre("from");
        v.to = c.centre("to");
        v.doses = c.integer("doses", 1, std::int64_t{1} << 40, true, "doses = 300", 1);
        out = v;
        break;
    }
    case 10: {
        ChangeBooking v;
        v.from_day = c.from_day();
        // a journal records what the engine was given, which may change nothing
        const bool any = r.has("horizon_days") || r.has("slot_minutes") ||
                         r.has("doses_per_slot") || r.has("overbooking");
        if (r.has("horizon_days") || (!any && !ctx.lenient))
            v.horizon_days =
                static_cast<int>(c.integer("horizon_days", 1, 3650, !any, "horizon_days = 7", 14));
        if (r.has("slot_minutes"))
            v.slot_minutes =
                static_cast<int>(c.integer("slot_minutes", 1, 240, false, "slot_minutes = 4", 5));
        if (r.has("doses_per_slot"))
            v.doses_per_slot = static_cast<int>(
                c.integer("doses_per_slot", 1, 100, false, "doses_per_slot = 2", 1));
        if (r.has("overbooking"))
            v.overbooking = c.share("overbooking", false, "overbooking = 0.05", 0);
        if (r.has("centre")) v.centre = c.centre();
        out = v;
        break;
    }
    case 12: {
        MoveStaff v;
        v.from = c.centre("from");
        v.to = c.centre("to");
        v.profession =
            c.text("profession", true, "profession = \"infirmier\"", W::Profession, true);
        v.people = static_cast<int>(c.integer("people", 1, 100000, false, "people = 2", 1));
        v.leave_at = c.leave_at();
        out = v;
        break;
    }
    case 13: {
        GroupEligible v;
        v.group = c.text("group", true, "group = \"65-74\"", W::Group, true);
        out = v;
        break;
    }
    case 14: {
        RoadCut v;
        v.a = c.text("a", true, "a = \"34114\"", W::Commune, true);
        v.b = c.text("b", true, "b = \"34142\"", W::Commune, true);
        v.until = c.until();
        out = v;
        break;
    }
    case 15: {
        SendMobileTeam v;
        v.team = c.text("team", true, "team = \"Équipe mobile nord\"", W::Team, true);
        v.day = static_cast<int>(c.integer("day", 0, 3650, true, "day = 4", 0));
        v.communes = c.names("communes", "communes = [\"34114\", \"Aniane\"]", W::Commune);
        out = v;
        break;
    }
    case 16: {
        ChangeHours v;
        v.centre = c.centre();
        v.from_day = c.from_day();
        v.to_day = r.has("to_day") ? static_cast<int>(c.integer("to_day", 0, max_day_index, false,
                                                                "to_day = 6", v.from_day))
                                   : v.from_day;
        const auto opens = r.clock("opens", false, true);
        const auto closes = r.clock("closes", true, true);
        if (!opens || !closes) {
            c.fail();
        } else {
            v.opens = *opens;
            v.closes = *closes;
            if (v.closes <= v.opens && !ctx.lenient) {
                r.file().error(*r.node("closes"), "exercise.hours_reversed",
                               say(text::diag.hours_reversed,
                                   {clock_to_text(v.closes), clock_to_text(v.opens)}));
                c.fail();
            }
        }
        if (v.to_day < v.from_day && !ctx.lenient) {
            r.file().error(*r.node("to_day"), "exercise.to_day_before",
                           say(text::diag.to_day_before,
                               {std::to_string(v.to_day), std::to_string(v.from_day)}));
            c.fail();
        }
        out = v;
        break;
    }
    default: {
        Message v;
        v.text = c.text("message", false, "message = \"...\"", W::Centre, false);
        out = v;
        break;
    }
    }
    if (!c.ok()) return std::nullopt;
    return out;
}

} // namespace riposte::loader
