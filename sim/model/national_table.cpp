// Reading the national commune table (scenarios/data/france/communes.csv) with the project's
// RFC 4180 CSV reader (sim/core/csv_reader), which keeps the line and column of every cell.
#include "riposte/national.hpp"

#include "riposte/diagnostics.hpp"
#include "riposte/text/diagnostic_texts.hpp"

#include "core/csv_reader.hpp"
#include "core/file_input.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace riposte {

namespace {

constexpr std::uintmax_t max_table_bytes = 64u * 1024u * 1024u;
constexpr std::size_t max_table_rows = 100000;

constexpr std::array<std::string_view, 9> columns = {"insee",      "name",       "departement",
                                                     "region",     "epci_siren", "epci_name",
                                                     "population", "lat",        "lon"};

/// Appends the ASCII fold of one UTF-8 sequence starting at s[i]; returns its length.
std::size_t fold_one(std::string_view s, std::size_t i, std::string& out) {
    const auto c0 = static_cast<unsigned char>(s[i]);
    if (c0 < 0x80) {
        char c = static_cast<char>(c0);
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == '-' || c == '\'' || c == '_') c = ' ';
        out += c;
        return 1;
    }
    if (c0 == 0xC3 && i + 1 < s.size()) {
        // Latin-1 supplement letters (U+00C0..U+00FF) written as C3 80..C3 BF.
        static constexpr std::string_view fold = "aaaaaaeceeeeiiiidnooooo*ouuuuyts"
                                                 "aaaaaaeceeeeiiiidnooooo/ouuuuyty";
        const auto c1 = static_cast<unsigned char>(s[i + 1]);
        if (c1 >= 0x80 && c1 <= 0xBF) {
            out += fold[static_cast<std::size_t>(c1 - 0x80)];
            return 2;
        }
    }
    if (c0 == 0xC5 && i + 1 < s.size()) {
        const auto c1 = static_cast<unsigned char>(s[i + 1]);
        if (c1 == 0x92 || c1 == 0x93) { // Œ œ
            out += "oe";
            return 2;
        }
        if (c1 == 0xB8) { // Ÿ
            out += 'y';
            return 2;
        }
    }
    std::size_t len = 1;
    if ((c0 & 0xE0) == 0xC0)
        len = 2;
    else if ((c0 & 0xF0) == 0xE0)
        len = 3;
    else if ((c0 & 0xF8) == 0xF0)
        len = 4;
    len = std::min(len, s.size() - i);
    out.append(s.substr(i, len));
    return len;
}

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) i += fold_one(s, i, out);
    return out;
}

} // namespace

int NationalTable::find_insee(std::string_view insee) const {
    const auto it = by_insee.find(std::string(insee));
    return it == by_insee.end() ? -1 : it->second;
}

std::int64_t NationalTable::population() const {
    std::int64_t total = 0;
    for (const auto& c : communes) total += c.population;
    return total;
}

int fuzzy_distance(std::string_view a_raw, std::string_view b_raw) {
    const std::string a = fold(a_raw), b = fold(b_raw);
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string name_key(std::string_view name, bool epci) {
    const std::string folded = fold(name);
    std::vector<std::string> words;
    std::string word;
    for (char c : folded) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                           static_cast<unsigned char>(c) >= 0x80;
        if (alnum) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    if (epci) {
        std::size_t k = 0;
        const auto at = [&](std::size_t j, std::string_view w) {
            return j < words.size() && words[j] == w;
        };
        if (at(0, "ca") || at(0, "cc") || at(0, "cu") || at(0, "metropole") ||
            at(0, "eurometropole")) {
            k = 1;
        } else if (at(0, "communaute") &&
                   (at(1, "urbaine") || ((at(1, "de") || at(1, "d")) &&
                                         (at(2, "communes") || at(2, "agglomeration"))))) {
            k = at(1, "urbaine") ? 2 : 3;
        }
        if (k > 0) {
            // the article after the legal form: "de la", "de l'", "du", "des", "de", "d'"
            if (at(k, "de") && (at(k + 1, "la") || at(k + 1, "l")))
                k += 2;
            else if (at(k, "du") || at(k, "des") || at(k, "de") || at(k, "d"))
                k += 1;
        }
        words.erase(words.begin(),
                    words.begin() + static_cast<std::ptrdiff_t>(std::min(k, words.size())));
        std::erase(words, std::string("metropole"));
    }
    std::string key;
    for (const std::string& w : words) key += (key.empty() ? "" : " ") + w;
    return key;
}

namespace {

/// Exact and near matches of `name` among `keys` (index, key).
NameMatches match_keys(const std::vector<std::pair<int, std::string>>& keys,
                       const std::string& wanted) {
    NameMatches m;
    if (wanted.empty()) return m;
    for (const auto& [index, key] : keys)
        if (key == wanted) m.exact.push_back(index);
    if (!m.exact.empty()) return m;
    const int close = std::max(1, static_cast<int>(wanted.size()) / 5);
    for (const auto& [index, key] : keys)
        if (key.find(wanted) != std::string::npos || fuzzy_distance(key, wanted) <= close)
            m.near.push_back(index);
    return m;
}

} // namespace

NameMatches match_commune_name(const NationalTable& table, std::string_view name) {
    std::vector<std::pair<int, std::string>> keys;
    keys.reserve(table.communes.size());
    for (std::size_t k = 0; k < table.communes.size(); ++k)
        keys.emplace_back(static_cast<int>(k), name_key(table.communes[k].name));
    return match_keys(keys, name_key(name));
}

NameMatches match_epci_name(const NationalTable& table, std::string_view name) {
    std::vector<std::pair<int, std::string>> keys;
    std::unordered_map<std::string, bool> seen;
    for (std::size_t k = 0; k < table.communes.size(); ++k) {
        const NationalCommune& c = table.communes[k];
        if (c.epci_siren.empty() || !seen.emplace(c.epci_siren, true).second) continue;
        keys.emplace_back(static_cast<int>(k), name_key(c.epci_name, true));
    }
    return match_keys(keys, name_key(name, true));
}

NationalTableLoad parse_national_table(std::string_view text, std::string file_name) {
    NationalTableLoad out;
    Diagnostics& d = out.diagnostics;
    // the project's CSV reader (sim/core), shared with the scenario loader
    const loader::CsvTable t = loader::parse_csv(text, file_name, d, max_table_rows);
    if (d.has_errors()) return out;
    if (t.header.empty()) {
        d.error({file_name, 1, 1}, say(text::diag.nt_empty));
        return out;
    }
    const int header_line = t.header.front().line;
    std::array<int, columns.size()> at{};
    at.fill(-1);
    for (std::size_t k = 0; k < t.header.size(); ++k) {
        const auto it = std::find(columns.begin(), columns.end(), t.header[k].text);
        if (it == columns.end()) continue; // extra columns are allowed and ignored
        const auto ci = static_cast<std::size_t>(it - columns.begin());
        if (at[ci] >= 0)
            d.error({file_name, header_line, t.header[k].column},
                    say(text::diag.nt_column_twice, {t.header[k].text}));
        at[ci] = static_cast<int>(k);
    }
    for (std::size_t ci = 0; ci < columns.size(); ++ci)
        if (at[ci] < 0)
            d.error({file_name, header_line, 1}, say(text::diag.nt_missing_column, {columns[ci]}));
    if (d.has_errors()) return out;
    const auto width = static_cast<std::size_t>(*std::max_element(at.begin(), at.end())) + 1;

    NationalTable table;
    table.file = file_name;
    table.communes.reserve(t.rows.size());
    for (const loader::CsvRow& row : t.rows) {
        if (row.cells.size() < width) {
            const int col = row.cells.empty() ? 1 : row.cells.back().column;
            d.error({file_name, row.line, col},
                    say(text::diag.nt_short_line,
                        {std::to_string(row.cells.size()), std::to_string(width)}));
            continue;
        }
        auto cell = [&](std::size_t ci) -> const loader::CsvCell& {
            return row.cells[static_cast<std::size_t>(at[ci])];
        };
        auto loc = [&](std::size_t ci) { return SourceLoc{file_name, row.line, cell(ci).column}; };
        NationalCommune c;
        c.line = row.line;
        c.insee = cell(0).text;
        c.name = cell(1).text;
        c.departement = cell(2).text;
        c.region = cell(3).text;
        c.epci_siren = cell(4).text;
        c.epci_name = cell(5).text;
        if (c.insee.empty()) {
            d.error(loc(0), say(text::diag.nt_empty_insee));
            continue;
        }
        if (c.name.empty()) d.error(loc(1), say(text::diag.nt_empty_name, {c.insee}));
        if (const auto p = loader::parse_int(cell(6).text); p && *p >= 0)
            c.population = *p;
        else
            d.error(loc(6), say(text::diag.nt_bad_population, {cell(6).text, c.name}));
        const std::string& la = cell(7).text;
        const std::string& lo = cell(8).text;
        if (la.empty() && lo.empty()) {
            c.has_coordinates = false;
        } else if (la.empty() || lo.empty()) {
            d.error(loc(la.empty() ? 7 : 8), say(text::diag.nt_one_coordinate, {c.name, c.insee}));
        } else {
            const auto lat = loader::parse_double(la);
            const auto lon = loader::parse_double(lo);
            if (!lat || *lat < -90 || *lat > 90)
                d.error(loc(7), say(text::diag.nt_bad_latitude, {la}));
            if (!lon || *lon < -180 || *lon > 180)
                d.error(loc(8), say(text::diag.nt_bad_longitude, {lo}));
            if (lat && lon) {
                c.lat = *lat;
                c.lon = *lon;
                c.has_coordinates = true;
            }
        }
        const auto [it, fresh] =
            table.by_insee.emplace(c.insee, static_cast<int>(table.communes.size()));
        if (!fresh) {
            d.error(loc(0),
                    say(text::diag.nt_duplicate,
                        {c.insee, std::to_string(
                                      table.communes[static_cast<std::size_t>(it->second)].line)}));
            continue;
        }
        table.communes.push_back(std::move(c));
    }
    if (!d.has_errors()) out.table = std::move(table);
    return out;
}

NationalTableLoad load_national_table(const std::filesystem::path& file) {
    NationalTableLoad out;
    loader::FileRead r = loader::read_input_file(file, max_table_bytes);
    if (!r.text) {
        // the reader's reason in both languages when the table has it ("no such file", "it is
        // a directory, not a file"), else as it is
        Bilingual reason = verbatim(r.reason);
        for (const text::Text& t : text::reader_phrases)
            if (t.en == r.reason) reason = say(t);
        Bilingual msg = say(text::diag.nt_cannot_read, {reason});
        if (r.failure == loader::FileReadFailure::Missing) msg += say(text::diag.nt_table_hint);
        out.diagnostics.error({file.string(), 1, 1}, std::move(msg));
        return out;
    }
    return parse_national_table(*r.text, file.string());
}

std::filesystem::path national_table_relative_path() {
    return std::filesystem::path("data") / "france" / "communes.csv";
}

std::optional<std::filesystem::path> find_national_table() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path rel = national_table_relative_path();
    if (const char* env = std::getenv("RIPOSTE_SCENARIOS"); env && *env) {
        const fs::path p = fs::path(env) / rel;
        if (fs::exists(p, ec)) return p;
    }
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && !exe.empty()) {
        const fs::path dir = exe.parent_path();
        for (const fs::path& cand : {dir / ".." / "scenarios", dir / ".." / ".." / "scenarios",
                                     dir / ".." / "share" / "riposte" / "scenarios"}) {
            const fs::path p = cand / rel;
            if (fs::exists(p, ec)) return p.lexically_normal();
        }
    }
    return std::nullopt;
}

} // namespace riposte
