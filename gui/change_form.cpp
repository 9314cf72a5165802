#include "change_form.hpp"

#include "riposte/change_toml.hpp"
#include "riposte/core/text_format.hpp"
#include "riposte/exercise_toml.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <utility>

namespace riposte::gui {
namespace {

using T = Text;
using F = FieldType;
constexpr FieldUse scripted = FieldUse::Scripted;
constexpr FieldUse triggered = FieldUse::Triggered;

std::vector<KindSpec> make_specs() {
    // the keys as docs/exercise.md names them (sim/scenario/change_reader.cpp reads them)
    const FieldSpec centre{"centre", F::Centre, T::CfCentre};
    const FieldSpec until{"until", F::DayTime, T::CfUntil, "", true, scripted};
    const FieldSpec for_{"for", F::Duration, T::CfFor, "", true, triggered};
    std::vector<KindSpec> s;
    s.push_back({"centre_closed", T::CkCentreClosed, {centre, until, for_}});
    s.push_back({"station_slowed",
                 T::CkStationSlowed,
                 {centre,
                  {"station", F::Station, T::CfStation, "", true},
                  {"factor", F::Number, T::CfFactor, "x"},
                  until,
                  for_}});
    s.push_back({"staff_ill",
                 T::CkStaffIll,
                 {centre,
                  {"profession", F::Profession, T::CfProfession},
                  {"people", F::Int, T::CfPeople},
                  {"days", F::Int, T::CfDays}}});
    s.push_back({"absence_wave",
                 T::CkAbsenceWave,
                 {{"profession", F::Profession, T::CfProfession, "", true},
                  {"share", F::Number, T::CfShare, "0-1"},
                  {"days", F::Int, T::CfDays}}});
    s.push_back({"delivery_late",
                 T::CkDeliveryLate,
                 {centre,
                  {"delay_days", F::Int, T::CfDelayDays},
                  {"lost_share", F::Number, T::CfLostShare, "0-1"}}});
    s.push_back({"cold_chain_failure", T::CkColdChain, {centre}});
    s.push_back({"demand_surge",
                 T::CkDemandSurge,
                 {{"centre", F::Centre, T::CfCentre, "", true},
                  {"commune", F::Commune, T::CfCommune, "", true},
                  {"group", F::Group, T::CfGroup, "", true},
                  {"factor", F::Number, T::CfFactor, "x"},
                  {"days", F::Int, T::CfDays},
                  {"walk_ins_per_hour", F::Number, T::CfWalkIns, "/h", true}}});
    s.push_back({"set_centre_open",
                 T::CkSetCentreOpen,
                 {centre, {"open", F::Bool, T::CfOpen}, until, for_}});
    s.push_back({"add_line",
                 T::CkAddLine,
                 {centre,
                  {"role", F::Role, T::CfRole},
                  {"people", F::Int, T::CfPeople},
                  {"from", F::DayTime, T::CfFromTime, "", true, scripted},
                  until,
                  for_,
                  {"reserve", F::Bool, T::CfReserve, "", true},
                  {"profession", F::Profession, T::CfProfession, "", true}}});
    s.push_back({"reallocate_doses",
                 T::CkReallocate,
                 {{"from", F::Centre, T::CfFromCentre},
                  {"to", F::Centre, T::CfToCentre},
                  {"doses", F::Int, T::CfDoses}}});
    s.push_back({"change_booking",
                 T::CkChangeBooking,
                 {{"from_day", F::Int, T::CfFromDay},
                  {"horizon_days", F::Int, T::CfHorizon, "", true},
                  {"slot_minutes", F::Int, T::CfSlotMinutes, "min", true},
                  {"doses_per_slot", F::Int, T::CfDosesPerSlot, "", true},
                  {"overbooking", F::Number, T::CfOverbooking, "0-1", true},
                  {"centre", F::Centre, T::CfCentre, "", true}}});
    s.push_back({"message", T::CkMessage, {{"message", F::FreeText, T::CfMessage, "", true}}});
    s.push_back({"move_staff",
                 T::CkMoveStaff,
                 {{"from", F::Centre, T::CfFromCentre},
                  {"to", F::Centre, T::CfToCentre},
                  {"profession", F::Profession, T::CfProfession},
                  {"people", F::Int, T::CfPeople},
                  {"leave_at", F::DayTime, T::LeaveAt, "", true, scripted}}});
    s.push_back({"group_eligible", T::CkGroupEligible, {{"group", F::Group, T::CfGroup}}});
    s.push_back({"road_cut",
                 T::CkRoadCut,
                 {{"a", F::Commune, T::CfRoadA}, {"b", F::Commune, T::CfRoadB}, until, for_}});
    s.push_back({"send_mobile_team",
                 T::CkSendTeam,
                 {{"team", F::Team, T::CfTeam},
                  {"day", F::Int, T::CfDay},
                  {"communes", F::Communes, T::CfCommunes}}});
    s.push_back({"change_hours",
                 T::DecChangeHours,
                 {centre,
                  {"from_day", F::Int, T::CfFromDay},
                  {"to_day", F::Int, T::ToDay, "", true},
                  {"opens", F::FreeText, T::OpensAt, "HH:MM"},
                  {"closes", F::FreeText, T::ClosesAt, "HH:MM"}}});
    return s;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r");
    return std::string(s.substr(b, e - b + 1));
}

/// A default-constructed change of the variant's alternative `index`.
template <std::size_t I = 0> std::optional<Change> default_change(std::size_t index) {
    if constexpr (I < std::variant_size_v<Change>) {
        if (index == I) return Change{std::in_place_index<I>};
        return default_change<I + 1>(index);
    } else {
        return std::nullopt;
    }
}

} // namespace

const std::vector<KindSpec>& change_kind_specs() {
    static const std::vector<KindSpec> specs = make_specs();
    return specs;
}

const KindSpec* find_kind_spec(std::string_view kind) {
    for (const KindSpec& k : change_kind_specs())
        if (kind == k.kind) return &k;
    return nullptr;
}

const std::string* ChangeFields::find(std::string_view key) const {
    for (const auto& kv : values)
        if (kv.first == key) return &kv.second;
    return nullptr;
}

void ChangeFields::set(std::string_view key, std::string value) {
    for (auto it = values.begin(); it != values.end(); ++it)
        if (it->first == key) {
            if (value.empty())
                values.erase(it);
            else
                it->second = std::move(value);
            return;
        }
    if (!value.empty()) values.emplace_back(std::string(key), std::move(value));
}

ChangeFields split_change_text(std::string_view text) {
    ChangeFields out;
    std::istringstream in{std::string(text)};
    for (std::string line; std::getline(in, line);) {
        const std::string t = trim(line);
        if (t.empty()) continue;
        const auto eq = t.find('=');
        const std::string key = eq == std::string::npos ? std::string{} : trim(t.substr(0, eq));
        const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        });
        if (!bare) {
            out.other += line + "\n";
            continue;
        }
        std::string value = trim(t.substr(eq + 1));
        if (key == "kind") {
            out.kind = toml_unquote(value).value_or(value);
            continue;
        }
        out.set(key, std::move(value));
    }
    return out;
}

std::string join_change_text(const ChangeFields& f) {
    std::string out = "kind = " + toml_quote(f.kind) + "\n";
    const KindSpec* spec = find_kind_spec(f.kind);
    std::vector<bool> written(f.values.size(), false);
    if (spec)
        for (const FieldSpec& field : spec->fields)
            for (std::size_t k = 0; k < f.values.size(); ++k)
                if (!written[k] && f.values[k].first == field.key) {
                    out += f.values[k].first + " = " + f.values[k].second + "\n";
                    written[k] = true;
                }
    for (std::size_t k = 0; k < f.values.size(); ++k)
        if (!written[k]) out += f.values[k].first + " = " + f.values[k].second + "\n";
    out += f.other;
    return out;
}

ChangeFields split_inline_table(std::string_view text) {
    ChangeFields out;
    std::string t = trim(text);
    if (t.size() >= 2 && t.front() == '{' && t.back() == '}') t = t.substr(1, t.size() - 2);
    std::string lines;
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (in_string) {
            if (c == '\\' && i + 1 < t.size()) {
                lines += c;
                lines += t[++i];
                continue;
            }
            if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 0) {
            lines += '\n';
            continue;
        }
        lines += c;
    }
    return split_change_text(lines);
}

std::string join_inline_table(const ChangeFields& f) {
    std::string out = "{ ";
    for (std::size_t k = 0; k < f.values.size(); ++k)
        out += (k ? ", " : "") + f.values[k].first + " = " + f.values[k].second;
    return out + (f.values.empty() ? "}" : " }");
}

std::string default_change_text(std::string_view kind, bool triggered_form) {
    for (std::size_t i = 0; i < std::size(change_kind_names); ++i)
        if (kind == change_kind_names[i]) {
            Change c = *default_change(i);
            // a default that reads: the concerned centre in a trigger, every centre otherwise
            std::visit(
                [&](auto& v) {
                    if constexpr (requires { v.centre; })
                        v.centre = triggered_form ? CentreRef::concerned() : CentreRef::all();
                    if constexpr (requires { v.until; })
                        v.until = triggered_form ? hours(4) : SimTime::max();
                    if constexpr (requires { v.people; }) v.people = 1;
                },
                c);
            if (triggered_form) return trigger_change_to_toml(c);
            // a scripted line starts at the inject's time unless told otherwise
            ChangeFields f = split_change_text(change_to_toml(c));
            f.set("from", "");
            return join_change_text(f);
        }
    return {};
}

std::optional<std::string> toml_unquote(std::string_view v) {
    if (v.size() < 2 || v.front() != '"' || v.back() != '"') return std::nullopt;
    std::string out;
    for (std::size_t i = 1; i + 1 < v.size(); ++i) {
        char c = v[i];
        if (c == '"') return std::nullopt; // a closing quote inside: not one string
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i + 1 > v.size() - 1) return std::nullopt;
        switch (v[i]) {
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case '"':
            out += '"';
            break;
        case '\\':
            out += '\\';
            break;
        case 'u':
        case 'U': {
            const std::size_t n = v[i] == 'u' ? 4 : 8;
            if (i + n >= v.size()) return std::nullopt;
            unsigned cp = 0;
            const auto r = std::from_chars(v.data() + i + 1, v.data() + i + 1 + n, cp, 16);
            if (r.ec != std::errc{} || cp > 0x10FFFF) return std::nullopt;
            i += n;
            append_utf8(out, cp);
            break;
        }
        default:
            return std::nullopt;
        }
    }
    return out;
}

std::string communes_to_display(std::string_view value) {
    std::string out;
    std::string_view rest = value;
    while (true) {
        const auto a = rest.find('"');
        if (a == std::string_view::npos) break;
        const auto b = rest.find('"', a + 1);
        if (b == std::string_view::npos) break;
        out += (out.empty() ? "" : ", ") + std::string(rest.substr(a + 1, b - a - 1));
        rest = rest.substr(b + 1);
    }
    return out;
}

std::string communes_from_display(std::string_view text) {
    std::string out = "[";
    std::istringstream in{std::string(text)};
    bool first = true;
    for (std::string item; std::getline(in, item, ',');) {
        const std::string t = trim(item);
        if (t.empty()) continue;
        out += (first ? "" : ", ") + toml_quote(t);
        first = false;
    }
    return out + "]";
}

std::vector<CentreChoice> centre_choices(const Plan& plan, bool triggered_form, Lang lang) {
    std::vector<CentreChoice> out;
    if (triggered_form)
        out.push_back(
            {tr(lang, Text::CfCentreConcerned), centre_ref_to_toml(CentreRef::concerned())});
    out.push_back({tr(lang, Text::CfCentreAll), centre_ref_to_toml(CentreRef::all())});
    out.push_back({tr(lang, Text::CfCentreLargest), "{ largest = true }"});
    for (const Centre& c : plan.centres) out.push_back({c.name, toml_quote(c.name)});
    return out;
}

std::string field_problem(const FieldSpec& spec, std::string_view value, Lang lang) {
    if (value.empty()) return spec.optional ? std::string{} : tr(lang, Text::CfRequired);
    const std::string text = toml_unquote(value).value_or(std::string(value));
    switch (spec.type) {
    case FieldType::DayTime:
        if (!parse_day_time(text).value) return tr(lang, Text::CfBadTime);
        break;
    case FieldType::Duration:
        if (!parse_duration(text).value) return tr(lang, Text::CfBadDuration);
        break;
    case FieldType::Int:
    case FieldType::Number: {
        double v = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
        if (r.ec != std::errc{} || r.ptr != text.data() + text.size())
            return tr(lang, Text::CfBadNumber);
        if (spec.type == FieldType::Int && text.find_first_of(".eE") != std::string::npos)
            return tr(lang, Text::CfBadNumber);
        break;
    }
    default:
        break;
    }
    return {};
}

} // namespace riposte::gui
