// An exercise written as exercise.toml (include/riposte/exercise_toml.hpp). The reader is
// sim/scenario/exercise_reader.cpp; what is written here reads back equal.
#include "riposte/exercise_toml.hpp"

#include "riposte/change_toml.hpp"

#include <charconv>
#include <optional>
#include <sstream>
#include <string_view>
#include <type_traits>
#include <variant>

namespace riposte {
namespace {

std::string number_text(double v) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

/// A text on one line, or a TOML basic string that keeps its line breaks as escapes.
std::string text_value(std::string_view s) {
    return toml_quote(s);
}

void blank_line(std::string& out) {
    if (!out.empty()) out += '\n';
}

} // namespace

std::string format_duration(SimTime d) {
    std::int64_t s = d.seconds();
    if (s <= 0) return "1s"; // never written by the reader (a duration is more than 0)
    std::string out;
    const std::int64_t days = s / 86400;
    s %= 86400;
    const std::int64_t h = s / 3600;
    s %= 3600;
    const std::int64_t m = s / 60;
    s %= 60;
    if (days) out += std::to_string(days) + "d";
    if (h) out += std::to_string(h) + "h";
    if (m) out += std::to_string(m) + "min";
    if (s) out += std::to_string(s) + "s";
    return out;
}

std::string condition_to_toml(const Condition& c) {
    std::string out = "{ ";
    switch (c.kind) {
    case Condition::Kind::QueueAbove:
        out += "queue_above = " + number_text(c.threshold);
        if (c.for_time.seconds() > 0)
            out += ", for_minutes = " + number_text(static_cast<double>(c.for_time.seconds()) / 60);
        break;
    case Condition::Kind::StockBelowDays:
        out += "stock_below_days = " + number_text(c.threshold);
        break;
    case Condition::Kind::At:
        out += "at = " + toml_quote(format_day_time(c.at));
        break;
    case Condition::Kind::IncidenceAbove: // a plan's escalation rule only: no file form
        out += "incidence_above = " + number_text(c.threshold);
        break;
    }
    if (c.centre.by != CentreRef::By::All) out += ", centre = " + centre_ref_to_toml(c.centre);
    out += " }";
    return out;
}

std::string trigger_change_to_toml(const Change& change) {
    const std::string plain = change_to_toml(change);
    // the offsets: until (every kind that has one) and AddLine's from
    std::optional<SimTime> until;
    std::visit(
        [&](const auto& c) {
            if constexpr (requires { c.until; }) {
                using T = std::decay_t<decltype(c)>;
                if constexpr (std::is_same_v<T, SetCentreOpen>) {
                    if (!c.open) until = c.until;
                } else {
                    until = c.until;
                }
            }
        },
        change);
    const bool add_line = std::holds_alternative<AddLine>(change);
    std::string out;
    std::istringstream in(plain);
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("until = ")) {
            if (until && *until != SimTime::max())
                out += "for = " + toml_quote(format_duration(*until)) + "\n";
            continue;
        }
        if (add_line && line.starts_with("from = ")) continue;
        out += line + "\n";
    }
    return out;
}

std::string exercise_to_toml(const Exercise& ex) {
    std::string out;
    out += "[exercise]\n";
    out += "name = " + text_value(ex.name) + "\n";
    if (!ex.synopsis.empty()) out += "synopsis = " + text_value(ex.synopsis) + "\n";
    for (const ScriptedInject& in : ex.injects) {
        blank_line(out);
        out += "[[inject]]\n";
        out += "id = " + toml_quote(in.id) + "\n";
        out += "at = " + toml_quote(format_day_time(in.at)) + "\n";
        out += change_to_toml(in.change);
        if (!in.text.empty()) out += "text = " + text_value(in.text) + "\n";
        if (!in.notes.empty()) out += "notes = " + text_value(in.notes) + "\n";
    }
    for (const TriggeredInject& tr : ex.triggers) {
        blank_line(out);
        out += "[[trigger]]\n";
        out += "id = " + toml_quote(tr.id) + "\n";
        out += "when = " + condition_to_toml(tr.when) + "\n";
        out += trigger_change_to_toml(tr.change);
        if (!tr.text.empty()) out += "text = " + text_value(tr.text) + "\n";
        if (!tr.notes.empty()) out += "notes = " + text_value(tr.notes) + "\n";
        if (!tr.once) out += "once = false\n";
    }
    for (const Objective& o : ex.objectives) {
        blank_line(out);
        out += "[[objective]]\n";
        out += "id = " + toml_quote(o.id) + "\n";
        out += "text = " + text_value(o.text) + "\n";
        if (!o.observations.empty()) {
            out += "observe = [\n";
            for (const std::string& s : o.observations) out += "  " + text_value(s) + ",\n";
            out += "]\n";
        }
        for (const ObjectiveCheck& c : o.checks) {
            out += "[[objective.check]]\n";
            out += "kpi = " + toml_quote(c.kpi) + "\n";
            out +=
                std::string(c.below ? "below" : "above") + " = " + number_text(c.threshold) + "\n";
            const ObjectiveCheck defaults;
            if (c.from_day != defaults.from_day || c.to_day != defaults.to_day) {
                if (c.from_day == c.to_day)
                    out += "days = " + std::to_string(c.from_day) + "\n";
                else
                    out += "days = [" + std::to_string(c.from_day) + ", " +
                           std::to_string(c.to_day) + "]\n";
            }
            if (c.centre.by != CentreRef::By::All)
                out += "centre = " + centre_ref_to_toml(c.centre) + "\n";
        }
    }
    return out;
}

WriteStatus save_exercise(const std::filesystem::path& file, const Exercise& exercise) {
    return write_file_atomic(file, exercise_to_toml(exercise));
}

} // namespace riposte
