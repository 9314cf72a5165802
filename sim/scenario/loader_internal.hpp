#pragma once
// Pieces shared by the world, scope and plan readers (sim/scenario only).
#include "toml_reader.hpp"

#include "core/file_input.hpp"

#include "riposte/scenario.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace riposte::loader {

/// Largest TOML or CSV file read (a national commune table is about 3 MB).
inline constexpr std::uintmax_t max_file_bytes = max_input_bytes;

/// Top-level keys of each file.
inline constexpr std::string_view world_top_keys[] = {
    "world",   "territory", "group",   "behaviour",   "scope", "pool",
    "vaccine", "delivery",  "testing", "absenteeism", "cost"};
inline constexpr std::string_view plan_top_keys[] = {"plan",        "booking",    "centre",
                                                     "mobile_team", "validation", "replacement"};

/// Hash indexes of the communes by INSEE code, name and ASCII-lower-cased name, so that a
/// national table (35,000 communes) and large pools resolve quickly.
struct CommuneLookup {
    std::unordered_map<std::string, int> by_insee;
    std::unordered_map<std::string, std::vector<int>> by_name;
    std::unordered_map<std::string, std::vector<int>> by_lower_name;
    explicit CommuneLookup(const World& w);
};

/// What the plan reader and the cross-file checks need to know about the world beyond the
/// World values: which parts are complete enough to check references against, and where the
/// world's deliveries were written (the plan's centres resolve them).
struct WorldInfo {
    bool parsed = false;            ///< the world file was read and parsed as TOML
    bool communes_complete = false; ///< the commune table was read (references can be checked)
    /// The file whose errors may have dropped communes (empty when none): an unknown commune
    /// is then reported as a possible consequence of those errors, which are printed first.
    std::string communes_errors_in;
    bool scope_complete = false;    ///< professions and roles are known
    bool vaccines_complete = false; ///< every [[vaccine]] was read
    bool pool_complete = false;     ///< the pool was read without errors
    bool has_testing_demand = false;
    std::shared_ptr<const CommuneLookup> communes; ///< set once the territory is read
    std::vector<SourceLoc> delivery_loc;           ///< per delivery: its table
    std::vector<SourceLoc> delivery_centre_loc;    ///< per delivery: its 'centre' value
};

struct PlanInfo {
    std::vector<SourceLoc> centre_loc;          ///< per centre: its [[centre]] table
    std::vector<SourceLoc> allocation_loc;      ///< per centre: 'allocation_share' (line 0: unset)
    std::vector<SourceLoc> team_loc;            ///< per mobile team: its table
    std::vector<SourceLoc> team_allocation_loc; ///< per mobile team: 'allocation_share'
};

/// Parses TOML text; a syntax error becomes a diagnostic with its position and a hint.
std::optional<toml::table> parse_toml(std::string_view text, const std::string& name,
                                      Diagnostics& diags);

/// The world file: fills `w` and `info`.
void read_world(const TomlFile& f, const toml::table& root, World& w, WorldInfo& info);

/// The scope of practice: the bundled table, overridden by the world's [scope] (a table, or a
/// string naming a TOML file holding a [scope] table). `node` is null when the world has none.
void read_scope(const TomlFile& f, const toml::node* node, World& w, WorldInfo& info);

/// The plan file, checked against the world.
void read_plan(const TomlFile& f, const toml::table& root, const World& w, const WorldInfo& wi,
               Plan& p, PlanInfo& pi);

/// Checks that need both files: deliveries addressed to centres, allocation shares.
void link_world_and_plan(World& w, const WorldInfo& wi, Plan& p, const PlanInfo& pi,
                         Diagnostics& diags);

/// Resolves the 'vaccine' value `n` of table `r` (null when absent: the world's only vaccine).
std::optional<int> resolve_vaccine(const TomlFile& f, const TableReader& r, const toml::node* n,
                                   const World& w, const WorldInfo& info, const SayArg& owner);

/// " (this may follow from the errors in FILE, reported above: fix those first)" when the
/// commune table had errors, else "".
Bilingual after_commune_errors(const WorldInfo& info);

/// Resolves an INSEE code or a commune name. Reports unknown or ambiguous names at `where`.
std::optional<int> resolve_commune(const World& w, const WorldInfo& info, std::string_view text,
                                   const SourceLoc& where, Diagnostics& diags);
/// Resolves a name in a list; reports "unknown <what> 'x'; did you mean 'y'?" at `where`.
std::optional<int> resolve_name(const std::vector<std::string>& names, std::string_view text,
                                std::string_view what, const SourceLoc& where, Diagnostics& diags,
                                const SayArg& fix);
/// "; did you mean 'x'?" in both languages when a name of `names` is close to `word`, else
/// nothing.
Bilingual suggest_name(std::string_view word, std::span<const std::string> names);

} // namespace riposte::loader
