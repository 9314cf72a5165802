#pragma once
// Cutting a territory out of the national commune table (national.hpp) and giving it a
// road-like graph: each commune joined to its k nearest neighbours (symmetric union),
// km = great-circle distance × detour factor, minutes at a constant speed, and the parts
// left disconnected bridged by their shortest link. k-nearest-neighbour search uses a
// spatial grid, so the whole of France (35,000 communes) takes well under a second.
#include "riposte/diagnostics.hpp"
#include "riposte/national.hpp"
#include "riposte/scenario.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace riposte {

enum class SelectBy { Insee, Epci, Departement, Around, All };

struct TerritorySelection {
    SelectBy by = SelectBy::Insee;
    std::vector<std::string> codes;   ///< INSEE codes, EPCI SIRENs or département codes
    std::string centre;               ///< Around: INSEE code of the centre commune
    double radius_km = 0;             ///< Around: great-circle radius
    std::vector<std::string> exclude; ///< INSEE codes removed from the selection
    /// All: communes without coordinates are skipped (listed in the build's warnings)
    /// instead of being an error.
    bool skip_missing_coordinates = false;
};

struct RoadGraphOptions {
    int k = 4;             ///< nearest neighbours per commune (1..50)
    double detour = 1.3;   ///< road km per great-circle km (1..5)
    double speed_kmh = 50; ///< average road speed (5..200)
    /// Longest bridge added between disconnected parts, in great-circle km. 0 = automatic:
    /// the longest bridge whose travel time fits the scenario format (1440 minutes, 5000 km).
    double max_bridge_km = 0;
};

struct RoadGraphReport {
    int parts_before = 0; ///< connected parts of the k-nearest-neighbour graph
    int bridges = 0;      ///< links added to join them
    int parts_after = 0;  ///< 1 unless some part is farther than the longest bridge allowed
    double longest_bridge_km = 0;
    std::vector<std::string> isolated; ///< "Name (INSEE)" of a commune in each part left apart
};

/// Indices into `table.communes` (in table order) of the selected communes. Unknown codes,
/// empty selections and selected communes without coordinates are errors in `diags`.
std::vector<int> select_communes(const NationalTable& table, const TerritorySelection& selection,
                                 Diagnostics& diags);

/// Fills `territory.edges` from the communes' coordinates (any previous edges are replaced).
/// Edges are (a < b by INSEE code), sorted; km rounded to 0.01, minutes to 0.1 as written in
/// edges.csv. Requires valid options (see validate_road_graph_options).
RoadGraphReport build_road_graph(Territory& territory, const RoadGraphOptions& options);

/// Errors for options out of range (k, detour, speed, max bridge), located at `where`.
void validate_road_graph_options(const RoadGraphOptions& options, const std::string& where,
                                 Diagnostics& diags);

struct TerritoryBuild {
    std::optional<Territory> territory; ///< set only when there is no error
    Diagnostics diagnostics;
    RoadGraphReport graph;
};

/// select_communes + build_road_graph. `name` becomes Territory::name.
TerritoryBuild build_territory(const NationalTable& table, const TerritorySelection& selection,
                               const RoadGraphOptions& options, std::string name);

/// communes.csv (`insee,name,population,lat,lon`, 5 decimals) and edges.csv
/// (`insee_a,insee_b,km,minutes`) as the scenario format reads them.
std::string territory_communes_csv(const Territory& territory);
std::string territory_edges_csv(const Territory& territory);

/// Writes DIR/communes.csv and DIR/edges.csv atomically (DIR is created). Empty string on
/// success, else "path: what went wrong".
std::string write_territory_files(const Territory& territory, const std::filesystem::path& dir);

} // namespace riposte
