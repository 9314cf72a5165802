// Interventions as TOML text: the writer side of docs/exercise.md (the reader is in
// sim/scenario/change_reader.cpp and reads back every key written here).
#include "riposte/change_toml.hpp"

#include "core/text_parse.hpp"

#include <charconv>
#include <cstdio>
#include <type_traits>

namespace riposte {

namespace {

std::string number_text(double v) {
    // The shortest text that reads back as the same double.
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

class Lines {
  public:
    void raw(std::string_view key, std::string_view value) {
        out_ += key;
        out_ += " = ";
        out_ += value;
        out_ += '\n';
    }
    void str(std::string_view key, std::string_view value) { raw(key, toml_quote(value)); }
    void integer(std::string_view key, std::int64_t v) { raw(key, std::to_string(v)); }
    void number(std::string_view key, double v) { raw(key, number_text(v)); }
    void boolean(std::string_view key, bool v) { raw(key, v ? "true" : "false"); }
    void strings(std::string_view key, const std::vector<std::string>& v) {
        std::string a = "[";
        for (std::size_t i = 0; i < v.size(); ++i) a += (i ? ", " : "") + toml_quote(v[i]);
        raw(key, a + "]");
    }
    void time(std::string_view key, SimTime t) { raw(key, toml_quote(format_day_time(t))); }
    void until(SimTime t) {
        if (t != SimTime::max()) time("until", t);
    }
    void centre(std::string_view key, const CentreRef& c) { raw(key, centre_ref_to_toml(c)); }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
};

} // namespace

std::string format_day_time(SimTime t) {
    std::int64_t s = t.seconds();
    std::int64_t day = s / 86400;
    std::int64_t sod = s % 86400;
    if (sod < 0) {
        sod += 86400;
        --day;
    }
    char buf[64];
    const int h = static_cast<int>(sod / 3600), m = static_cast<int>(sod / 60 % 60),
              sec = static_cast<int>(sod % 60);
    if (sec != 0)
        std::snprintf(buf, sizeof buf, "J%lld %02d:%02d:%02d", static_cast<long long>(day), h, m,
                      sec);
    else
        std::snprintf(buf, sizeof buf, "J%lld %02d:%02d", static_cast<long long>(day), h, m);
    return buf;
}

TimeText parse_day_time(std::string_view text) {
    auto p = loader::parse_day_time(text);
    return {p.value, std::move(p.error), p.offset};
}

TimeText parse_clock_time(std::string_view text) {
    auto p = loader::parse_clock(text, true);
    return {p.value, std::move(p.error), p.offset};
}

TimeText parse_duration(std::string_view text) {
    auto p = loader::parse_duration(text);
    return {p.value, std::move(p.error), p.offset};
}

std::string toml_quote(std::string_view text) {
    std::string out = "\"";
    out.reserve(text.size() + 2);
    while (!text.empty()) {
        const auto bad = loader::find_invalid_utf8(text);
        const std::string_view good = text.substr(0, bad ? *bad : text.size());
        for (const char ch : good) {
            const auto c = static_cast<unsigned char>(ch);
            switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += ch;
                }
            }
        }
        if (!bad) break;
        out += "\xEF\xBF\xBD"; // U+FFFD for the byte that is not UTF-8
        text.remove_prefix(*bad + 1);
    }
    out += '"';
    return out;
}

std::string centre_ref_to_toml(const CentreRef& ref) {
    switch (ref.by) {
    case CentreRef::By::Name:
        if (ref.value == "*") return "{ name = \"*\" }";
        return toml_quote(ref.value);
    case CentreRef::By::Largest:
        return "{ largest = true }";
    case CentreRef::By::NearestTo:
        return "{ nearest_to = " + toml_quote(ref.value) + " }";
    case CentreRef::By::Kind:
        return "{ kind = " + toml_quote(ref.value) + " }";
    case CentreRef::By::All:
        return "\"*\"";
    case CentreRef::By::Concerned:
        return "{ concerned = true }";
    }
    return "\"*\"";
}

std::string change_to_toml(const Change& change) {
    Lines l;
    l.str("kind", change_kind_name(change));
    std::visit(
        [&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, CentreClosed>) {
                l.centre("centre", c.centre);
                l.until(c.until);
            } else if constexpr (std::is_same_v<T, StationSlowed>) {
                l.centre("centre", c.centre);
                if (!c.station.empty()) l.str("station", c.station);
                l.number("factor", c.factor);
                l.until(c.until);
            } else if constexpr (std::is_same_v<T, StaffIll>) {
                l.centre("centre", c.centre);
                l.str("profession", c.profession);
                l.integer("people", c.people);
                l.integer("days", c.days);
            } else if constexpr (std::is_same_v<T, AbsenceWave>) {
                if (!c.profession.empty()) l.str("profession", c.profession);
                l.number("share", c.share);
                l.integer("days", c.days);
            } else if constexpr (std::is_same_v<T, DeliveryLate>) {
                l.centre("centre", c.centre);
                l.integer("delay_days", c.delay_days);
                l.number("lost_share", c.lost_share);
            } else if constexpr (std::is_same_v<T, ColdChainFailure>) {
                l.centre("centre", c.centre);
            } else if constexpr (std::is_same_v<T, DemandSurge>) {
                if (!c.for_people()) l.centre("centre", c.centre);
                if (!c.commune.empty()) l.str("commune", c.commune);
                if (!c.group.empty()) l.str("group", c.group);
                l.number("factor", c.factor);
                l.integer("days", c.days);
                if (c.walk_ins_per_hour > 0) l.number("walk_ins_per_hour", c.walk_ins_per_hour);
            } else if constexpr (std::is_same_v<T, SetCentreOpen>) {
                l.centre("centre", c.centre);
                l.boolean("open", c.open);
                if (!c.open) l.until(c.until);
            } else if constexpr (std::is_same_v<T, AddLine>) {
                l.centre("centre", c.centre);
                l.str("role", c.role);
                l.integer("people", c.people);
                l.time("from", c.from);
                l.until(c.until);
                if (c.reserve) l.boolean("reserve", true);
                if (!c.profession.empty()) l.str("profession", c.profession);
            } else if constexpr (std::is_same_v<T, ReallocateDoses>) {
                l.centre("from", c.from);
                l.centre("to", c.to);
                l.integer("doses", c.doses);
            } else if constexpr (std::is_same_v<T, ChangeBooking>) {
                l.integer("from_day", c.from_day);
                if (c.horizon_days) l.integer("horizon_days", *c.horizon_days);
                if (c.slot_minutes) l.integer("slot_minutes", *c.slot_minutes);
                if (c.doses_per_slot) l.integer("doses_per_slot", *c.doses_per_slot);
                if (c.overbooking) l.number("overbooking", *c.overbooking);
                if (c.centre.by != CentreRef::By::All) l.centre("centre", c.centre);
            } else if constexpr (std::is_same_v<T, MoveStaff>) {
                l.centre("from", c.from);
                l.centre("to", c.to);
                l.str("profession", c.profession);
                l.integer("people", c.people);
                if (c.leave_at) l.time("leave_at", *c.leave_at);
            } else if constexpr (std::is_same_v<T, GroupEligible>) {
                l.str("group", c.group);
            } else if constexpr (std::is_same_v<T, RoadCut>) {
                l.str("a", c.a);
                l.str("b", c.b);
                l.until(c.until);
            } else if constexpr (std::is_same_v<T, SendMobileTeam>) {
                l.str("team", c.team);
                l.integer("day", c.day);
                l.strings("communes", c.communes);
            } else if constexpr (std::is_same_v<T, ChangeHours>) {
                l.centre("centre", c.centre);
                l.integer("from_day", c.from_day);
                if (c.to_day != c.from_day) l.integer("to_day", c.to_day);
                l.str("opens", loader::clock_to_text(c.opens));
                l.str("closes", loader::clock_to_text(c.closes));
            } else if constexpr (std::is_same_v<T, Message>) {
                if (!c.text.empty()) l.str("message", c.text);
            }
        },
        change);
    return l.take();
}

} // namespace riposte
