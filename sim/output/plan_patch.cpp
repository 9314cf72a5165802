// The plan patcher: the author's plan text with the shifts' staff rewritten (plan_toml.hpp).
// Works on the text, from the positions the plan reader recorded, so that comments and layout
// survive; the reader (sim/scenario/plan_reader.cpp) reads back every inline table written here.
#include "riposte/plan_toml.hpp"

#include "core/file_input.hpp"

#include <algorithm>
#include <cmath>
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
    std::sort(edits.begin(), edits.end(),
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
