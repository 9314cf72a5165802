// The plan patcher: the author's plan text with the shifts' staff rewritten (plan_toml.hpp).
// Works on the text, from the positions the plan reader recorded, so that comments and layout
// survive; the reader (sim/scenario/plan_reader.cpp) reads back every inline table written here.
#include "riposte/plan_toml.hpp"

#include "core/file_input.hpp"
#include "core/text_parse.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <vector>

namespace riposte {

namespace {

struct Edit {
    std::size_t begin = 0, end = 0; ///< bytes [begin, end) replaced
    std::string text;
};

std::string where(const SourceLoc& l) {
    return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

bool bare_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

/// Byte offset of the start of 1-based `line`, or nullopt.
std::optional<std::size_t> line_start(std::string_view text, int line) {
    std::size_t pos = 0;
    for (int l = 1; l < line; ++l) {
        const std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) return std::nullopt;
        pos = nl + 1;
    }
    return pos;
}

/// One `key = integer` entry of an inline table, as written.
struct Entry {
    std::string key; ///< unquoted
    long long value = 0;
};

/// Parses `{ a = 1, "b c" = 2 }` starting at text[open] == '{'. Returns the entries and sets
/// `close` to the offset of the matching '}', or nullopt when it is not such a table.
std::optional<std::vector<Entry>> parse_inline(std::string_view text, std::size_t open,
                                               std::size_t& close) {
    std::vector<Entry> out;
    std::size_t i = open + 1;
    const auto skip_ws = [&] {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    };
    skip_ws();
    if (i < text.size() && text[i] == '}') {
        close = i;
        return out;
    }
    while (i < text.size()) {
        skip_ws();
        Entry e;
        if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
            const char q = text[i++];
            while (i < text.size() && text[i] != q && text[i] != '\n') {
                if (q == '"' && text[i] == '\\' && i + 1 < text.size()) ++i; // keep it simple
                e.key += text[i++];
            }
            if (i >= text.size() || text[i] != q) return std::nullopt;
            ++i;
        } else {
            while (i < text.size() && bare_key_char(text[i])) e.key += text[i++];
        }
        if (e.key.empty()) return std::nullopt;
        skip_ws();
        if (i >= text.size() || text[i] != '=') return std::nullopt; // a dotted key: not ours
        ++i;
        skip_ws();
        std::size_t d = i;
        if (d < text.size() && text[d] == '+') ++d;
        const std::size_t digits_from = d;
        long long v = 0;
        while (d < text.size() && ((text[d] >= '0' && text[d] <= '9') || text[d] == '_')) {
            if (text[d] != '_') v = v * 10 + (text[d] - '0');
            ++d;
        }
        if (d == digits_from) return std::nullopt;
        e.value = v;
        i = d;
        out.push_back(std::move(e));
        skip_ws();
        if (i < text.size() && text[i] == ',') {
            ++i;
            continue;
        }
        if (i < text.size() && text[i] == '}') {
            close = i;
            return out;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

std::string key_text(const std::string& key) {
    const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), bare_key_char);
    return bare ? key : "\"" + key + "\"";
}

/// "08:30", "24:00" (a shift's end may be midnight).
std::string clock_text(SimTime t) {
    const long long m = t.seconds() / 60;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld", m / 60, m % 60);
    return buf;
}

/// A `key = "value"` line of a table, as written.
struct KeyLine {
    std::size_t value_begin = 0, value_end = 0; ///< the quoted value, quotes included
    std::string value;                          ///< unquoted
};

/// A [[centre]] or [[centre.shift]] table of the text: where its header line ends (a new key
/// goes there), its indentation, and its opening-hour keys.
struct Block {
    std::size_t after_header = 0;
    std::string indent;
    std::map<std::string, KeyLine> keys; ///< opens, closes, days, start, end
};

/// The [[centre]] tables of `source` in order, each with its [[centre.shift]] tables. Reads
/// lines only: a header line is `[[name]]` (comments after it allowed), a key line
/// `key = "value"` (a basic or literal string).
bool scan_blocks(std::string_view source, std::vector<Block>& centres,
                 std::vector<std::vector<Block>>& shifts, std::string& error) {
    enum class In { Other, Centre, Shift } in = In::Other;
    std::size_t pos = 0;
    int line_no = 0;
    while (pos < source.size()) {
        ++line_no;
        std::size_t eol = source.find('\n', pos);
        const std::size_t next = eol == std::string_view::npos ? source.size() : eol + 1;
        if (eol == std::string_view::npos) eol = source.size();
        std::size_t i = pos;
        while (i < eol && (source[i] == ' ' || source[i] == '\t')) ++i;
        const std::string indent(source.substr(pos, i - pos));
        if (i < eol && source[i] == '[') {
            std::size_t close = source.find(']', i);
            std::string name;
            if (close != std::string_view::npos && close < eol) {
                std::size_t a = i;
                while (a < close && (source[a] == '[' || source[a] == ' ')) ++a;
                std::size_t b = close;
                while (b > a && source[b - 1] == ' ') --b;
                name = std::string(source.substr(a, b - a));
            }
            Block blk;
            blk.after_header = next;
            blk.indent = indent;
            if (name == "centre") {
                in = In::Centre;
                centres.push_back(blk);
                shifts.emplace_back();
            } else if (name == "centre.shift" && !centres.empty()) {
                in = In::Shift;
                shifts.back().push_back(blk);
            } else {
                in = In::Other;
            }
        } else if (in != In::Other && i < eol && bare_key_char(source[i])) {
            std::size_t k = i;
            while (k < eol && bare_key_char(source[k])) ++k;
            const std::string key(source.substr(i, k - i));
            std::size_t v = k;
            while (v < eol && (source[v] == ' ' || source[v] == '\t')) ++v;
            const bool ours = key == "days" ||
                              (in == In::Centre && (key == "opens" || key == "closes")) ||
                              (in == In::Shift && (key == "start" || key == "end"));
            if (ours && v < eol && source[v] == '=') {
                ++v;
                while (v < eol && (source[v] == ' ' || source[v] == '\t')) ++v;
                const char q = v < eol ? source[v] : '\0';
                KeyLine kl;
                kl.value_begin = v;
                if (q == '"' || q == '\'') {
                    const std::size_t end = source.find(q, v + 1);
                    if (end == std::string_view::npos || end >= eol) {
                        error = std::to_string(line_no) + ": " + key +
                                " is not written as a one-line string (\"08:30\", \"mon-fri\"); "
                                "write it so to let it be rewritten";
                        return false;
                    }
                    kl.value_end = end + 1;
                    kl.value = std::string(source.substr(v + 1, end - v - 1));
                } else {
                    // a TOML time (opens = 08:30:00): its seconds are ignored, as the reader does
                    std::size_t end = v;
                    while (end < eol && source[end] != ' ' && source[end] != '\t' &&
                           source[end] != '#' && source[end] != '\r')
                        ++end;
                    kl.value_end = end;
                    kl.value = std::string(source.substr(v, std::min<std::size_t>(end - v, 5)));
                }
                Block& blk = in == In::Centre ? centres.back() : shifts.back().back();
                blk.keys[key] = kl;
            }
        }
        pos = next;
    }
    return true;
}

/// The edits that write `plan`'s opening hours and days (each centre's opens, closes and days,
/// each shift's start, end and days) where they differ from what the text gives: the value
/// rewritten where the key is written, else a `key = "value"` line added under the table's
/// header. False (and `error`) when the text's tables do not match the plan's centres.
bool hours_edits(std::string_view source, const Plan& plan, std::vector<Edit>& edits,
                 std::string& error) {
    std::vector<Block> centres;
    std::vector<std::vector<Block>> shifts;
    std::string scan_error;
    if (!scan_blocks(source, centres, shifts, scan_error)) {
        error = plan.file + ":" + scan_error;
        return false;
    }
    const auto set = [&](const Block& blk, const std::string& key, const std::string& value) {
        const auto it = blk.keys.find(key);
        if (it != blk.keys.end())
            edits.push_back({it->second.value_begin, it->second.value_end, "\"" + value + "\""});
        else
            edits.push_back(
                {blk.after_header, blk.after_header, blk.indent + key + " = \"" + value + "\"\n"});
    };
    const auto clock_of = [](const Block& blk, const char* key, SimTime fallback, bool allow_24) {
        const auto it = blk.keys.find(key);
        if (it == blk.keys.end()) return fallback;
        const auto v = loader::parse_clock(it->second.value, allow_24);
        return v.value ? *v.value : fallback;
    };
    const auto days_of = [](const Block& blk, WeekdayMask fallback) {
        const auto it = blk.keys.find("days");
        if (it == blk.keys.end()) return fallback;
        const auto v = loader::parse_weekdays(it->second.value);
        return v.value ? *v.value : fallback;
    };
    for (std::size_t c = 0; c < plan.centres.size(); ++c) {
        const Centre& centre = plan.centres[c];
        if (centre.continuous) continue;
        const Centre defaults;
        if (c >= centres.size() || c >= shifts.size() || shifts[c].size() != centre.shifts.size()) {
            error = plan.file +
                    ": the [[centre]] and [[centre.shift]] tables of the file do not "
                    "match the plan read from it (" +
                    centre.name + "); read it again";
            return false;
        }
        const Block& cb = centres[c];
        const SimTime opens = clock_of(cb, "opens", defaults.opens, false);
        const SimTime closes = clock_of(cb, "closes", defaults.closes, true);
        const WeekdayMask days = days_of(cb, defaults.weekdays);
        if (opens != centre.opens) set(cb, "opens", clock_text(centre.opens));
        if (closes != centre.closes) set(cb, "closes", clock_text(centre.closes));
        if (days != centre.weekdays) set(cb, "days", loader::weekdays_to_text(centre.weekdays));
        for (std::size_t k = 0; k < centre.shifts.size(); ++k) {
            const Shift& sh = centre.shifts[k];
            const Block& sb = shifts[c][k];
            // a shift without the key takes the centre's value, as written after these edits
            if (clock_of(sb, "start", centre.opens, false) != sh.start)
                set(sb, "start", clock_text(sh.start));
            if (clock_of(sb, "end", centre.closes, true) != sh.end)
                set(sb, "end", clock_text(sh.end));
            if (days_of(sb, centre.weekdays) != sh.weekdays)
                set(sb, "days", loader::weekdays_to_text(sh.weekdays));
        }
    }
    return true;
}

} // namespace

PlanText plan_with_staffing(std::string_view source, const Plan& plan, const World& world,
                            std::string_view header) {
    PlanText out;
    std::vector<Edit> edits;
    for (const Centre& c : plan.centres) {
        for (const Shift& sh : c.shifts) {
            const SourceLoc& l = sh.staff_where;
            const std::string shift_name = c.name + " " +
                                           std::to_string(sh.start.seconds() / 3600) + "h-" +
                                           std::to_string(sh.end.seconds() / 3600) + "h";
            if (l.line <= 0) {
                out.error = plan.file + ": the staff of " + shift_name +
                            " has no known position in the plan file; write it as staff = { ... }";
                return out;
            }
            const auto from = line_start(source, l.line);
            if (!from) {
                out.error = where(l) + ": the plan file is shorter than when it was read; read "
                                       "it again";
                return out;
            }
            std::size_t eol = source.find('\n', *from);
            if (eol == std::string_view::npos) eol = source.size();
            // the value starts at the recorded column (code points); find its '{' on the line
            std::size_t pos = *from;
            for (int col = 1; col < l.column && pos < eol; ++col) {
                ++pos;
                while (pos < eol && (static_cast<unsigned char>(source[pos]) & 0xc0u) == 0x80u)
                    ++pos;
            }
            if (pos >= eol || source[pos] != '{') {
                const std::size_t brace = source.find('{', *from);
                pos = brace < eol ? brace : std::string_view::npos;
            }
            std::size_t close = 0;
            const auto entries = pos == std::string_view::npos
                                     ? std::nullopt
                                     : parse_inline(source.substr(0, eol), pos, close);
            // what the text holds, by role
            std::vector<long long> written(world.roles.size(), 0);
            bool readable = entries.has_value();
            if (entries)
                for (const Entry& e : *entries) {
                    const auto it = std::find(world.roles.begin(), world.roles.end(), e.key);
                    if (it == world.roles.end()) {
                        readable = false;
                        break;
                    }
                    written[static_cast<std::size_t>(it - world.roles.begin())] = e.value;
                }
            bool same = readable;
            for (std::size_t r = 0; r < world.roles.size() && same; ++r)
                same = written[r] == (r < sh.staff.size() ? sh.staff[RoleId{r}] : 0);
            if (same) continue;
            if (!readable) {
                out.error = where(l) + ": the staff of " + shift_name +
                            " is not written as an inline table of role = number; write it as "
                            "staff = { injection = 2, ... } so that it can be rewritten";
                return out;
            }
            for (std::size_t r = 0; r < world.roles.size(); ++r) {
                if (written[r] == (r < sh.staff.size() ? sh.staff[RoleId{r}] : 0)) continue;
                for (std::size_t k = 0; k < c.stations.size() && k < sh.station_staff.size(); ++k)
                    if (c.stations[k].role == RoleId{r} && sh.station_staff[k] >= 0) {
                        out.error = where(l) + ": " + world.roles[RoleId{r}] + " on " + shift_name +
                                    " is split between stations with by_station; change the "
                                    "split by hand";
                        return out;
                    }
            }
            std::string table = "{ ";
            bool first = true;
            std::vector<char> done(world.roles.size(), 0);
            for (const Entry& e : *entries) {
                const auto r = static_cast<std::size_t>(
                    std::find(world.roles.begin(), world.roles.end(), e.key) - world.roles.begin());
                if (done[r]) continue;
                done[r] = 1;
                table += std::string(first ? "" : ", ") + key_text(e.key) + " = " +
                         std::to_string(r < sh.staff.size() ? sh.staff[RoleId{r}] : 0);
                first = false;
            }
            for (std::size_t r = 0; r < world.roles.size() && r < sh.staff.size(); ++r) {
                if (done[r] || sh.staff[RoleId{r}] == 0) continue;
                table += std::string(first ? "" : ", ") + key_text(world.roles[RoleId{r}]) + " = " +
                         std::to_string(sh.staff[RoleId{r}]);
                first = false;
            }
            table += first ? "}" : " }";
            edits.push_back({pos, close + 1, std::move(table)});
        }
    }
    // The replacement list on (riposte size may switch it on): a written `enabled = false` is
    // turned true, or, with no [replacement] table, one is appended.
    std::string appended;
    if (plan.replacement.enabled) {
        bool in_table = false, found = false;
        for (std::size_t pos = 0; pos < source.size();) {
            std::size_t eol = source.find('\n', pos);
            if (eol == std::string_view::npos) eol = source.size();
            std::string_view line = source.substr(pos, eol - pos);
            const std::size_t lead = line.find_first_not_of(" \t");
            const std::string_view body =
                lead == std::string_view::npos ? std::string_view{} : line.substr(lead);
            if (body.starts_with("[")) {
                in_table = body.starts_with("[replacement]");
                found = found || in_table;
            } else if (in_table && body.starts_with("enabled")) {
                const std::size_t eq = line.find('=');
                if (eq != std::string_view::npos) {
                    std::size_t v = line.find_first_not_of(" \t", eq + 1);
                    if (v != std::string_view::npos && line.substr(v).starts_with("false"))
                        edits.push_back({pos + v, pos + v + 5, "true"});
                }
            }
            pos = eol + 1;
        }
        if (!found) {
            const double m = plan.replacement.call_minutes;
            const std::string minutes =
                m == std::floor(m) ? std::to_string(static_cast<long long>(m)) : std::to_string(m);
            appended = "\n# La liste de remplacement (ajoutée par riposte size) : une personne "
                       "absente un jour est\n# remplacée par une personne du vivier libre ce "
                       "jour-là, dans ses heures par semaine et\n# son temps de trajet.\n"
                       "[replacement]\nenabled = true\ncall_minutes = " +
                       minutes +
                       "  # du début de la vacation (l'absence connue) au départ de chez soi\n";
        }
    }
    if (!hours_edits(source, plan, edits, out.error)) return out;
    std::stable_sort(edits.begin(), edits.end(),
                     [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
    std::string text(header);
    if (!text.empty() && text.back() != '\n') text += '\n';
    std::size_t at = 0;
    for (const Edit& e : edits) {
        if (e.begin < at) {
            out.error = plan.file + ": two shifts share one staff table; write one per shift";
            return out;
        }
        text.append(source.substr(at, e.begin - at));
        text += e.text;
        at = e.end;
    }
    text.append(source.substr(at));
    if (!appended.empty() && !text.empty() && text.back() != '\n') text += '\n';
    text += appended;
    out.text = std::move(text);
    return out;
}

WriteStatus write_plan_toml(const std::filesystem::path& path, const Plan& plan, const World& world,
                            std::string_view header) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!plan.stress.empty()) {
        const fs::path src_dir = fs::absolute(fs::path(plan.file), ec).parent_path();
        const fs::path out_dir = fs::absolute(path, ec).parent_path();
        if (fs::weakly_canonical(src_dir, ec) != fs::weakly_canonical(out_dir, ec))
            for (const StressCase& s : plan.stress)
                if (s.file.is_relative() || s.where.line > 0) {
                    return {path.string() + ": the plan names stress-case files relative to " +
                            src_dir.string() +
                            "; write the sized plan in that folder so that they still resolve"};
                }
    }
    const loader::FileRead read = loader::read_input_file(plan.file);
    if (!read.text) return {plan.file + ": cannot read the plan file: " + read.reason};
    const PlanText t = plan_with_staffing(*read.text, plan, world, header);
    if (!t.ok()) return {t.error};
    return write_file_atomic(path, t.text);
}

} // namespace riposte
