#pragma once
// The national commune table shipped in scenarios/data/france/communes.csv: every French commune
// with its INSEE code, name, département, région, EPCI, population and coordinates. Territories
// are cut from it by the territory builder (territory_builder.hpp). Bad input is reported as
// Diagnostics (file:line:column), never thrown.
#include "riposte/diagnostics.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace riposte {

struct NationalCommune {
    std::string insee;       ///< INSEE code, e.g. "57463" (Corsica: "2A004")
    std::string name;        ///< official name, e.g. "Metz"
    std::string departement; ///< e.g. "57", "2A", "971"
    std::string region;      ///< INSEE région code, e.g. "44"
    std::string epci_siren;  ///< SIREN of the EPCI the commune belongs to (empty for a few)
    std::string epci_name;
    std::int64_t population = 0; ///< INSEE population municipale
    bool has_coordinates = false;
    double lat = 0, lon = 0; ///< WGS84 degrees (meaningful only when has_coordinates)
    int line = 0;            ///< line in the CSV file (for messages)
};

struct NationalTable {
    std::string file;                      ///< where it was read from
    std::vector<NationalCommune> communes; ///< in file order
    std::unordered_map<std::string, int> by_insee;

    /// Index of the commune with this INSEE code, or -1.
    [[nodiscard]] int find_insee(std::string_view insee) const;
    [[nodiscard]] std::int64_t population() const;
};

struct NationalTableLoad {
    std::optional<NationalTable> table; ///< set only when there is no error
    Diagnostics diagnostics;
};

/// Reads the national table from a CSV file with the header
/// `insee,name,departement,region,epci_siren,epci_name,population,lat,lon` (columns in any
/// order, RFC 4180 quoting). Empty lat and lon mean "no coordinates" (kept, flagged).
NationalTableLoad load_national_table(const std::filesystem::path& file);

/// Same, from text in memory; `file_name` is used in diagnostics.
NationalTableLoad parse_national_table(std::string_view text, std::string file_name);

/// Where the table lives inside a scenarios directory: "data/france/communes.csv".
std::filesystem::path national_table_relative_path();

/// The shipped table, looked for in $RIPOSTE_SCENARIOS, then next to the executable
/// (../scenarios, ../../scenarios, ../share/riposte/scenarios). Empty when not found.
std::optional<std::filesystem::path> find_national_table();

/// Levenshtein distance between two strings, counted in bytes of their case-folded ASCII form
/// (accents are dropped: "Liévin" and "lievin" are at distance 0). Used for "did you mean".
int fuzzy_distance(std::string_view a, std::string_view b);

/// A name as the name lookups compare it: ASCII-folded lower case ("Angoulême" → "angouleme"),
/// '-', '\'', '_' and other punctuation as spaces, spaces collapsed. With `epci`, the legal-form
/// prefix (CA, CC, CU, Métropole, Eurométropole, Communauté d'agglomération / de communes /
/// urbaine) and the article after it are dropped, and "métropole" anywhere: "CA du Grand
/// Angoulême" and "grand angouleme" give the same key.
std::string name_key(std::string_view name, bool epci = false);

/// Communes or EPCIs whose name matches a name given where a code is expected.
struct NameMatches {
    std::vector<int> exact; ///< same key (commune indices; for EPCIs one commune per EPCI)
    std::vector<int> near;  ///< no exact match: names holding the key, or a close spelling
};
NameMatches match_commune_name(const NationalTable& table, std::string_view name);
NameMatches match_epci_name(const NationalTable& table, std::string_view name);

} // namespace riposte
