#pragma once
// The world generator: from a territory and a few figures (professionals per 100,000
// inhabitants, the share of them volunteering, group shares and uptake), writes a complete
// world.toml a CPTS can then edit, and a starter plan.toml sized to that pool: vaccination
// centres in the most populous communes (reception -> medical interview -> injection ->
// 15 min observation), one testing centre, weekly deliveries matching the centres' slots.
// Every default names its source in the generated file. The output is plain TOML text written
// by hand (the engine library does not use toml++); `riposte check` reads it back.
#include "riposte/diagnostics.hpp"
#include "riposte/scenario.hpp"
#include "riposte/text/strings.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace riposte {

/// What the national commune table's populations are: written as `population_source` in the
/// worlds `riposte territory` generates, and quoted in the report's footer.
inline constexpr const char* national_population_source =
    "INSEE, populations légales 2023 en vigueur au 1er janvier 2026 (Mayotte : 2017)";

/// Professionals of one profession available to the crisis centres.
struct ProfessionSupply {
    std::string profession;        ///< name in the scope table, e.g. "infirmier"
    double per_100k = 0;           ///< professionals per 100,000 inhabitants (all of them)
    double volunteer_share = 0.25; ///< share of them who give hours to the centres
    double weekly_hours = 6;       ///< hours each volunteer gives per week
    std::string source;            ///< written as a comment next to the figure
    /// When >= 0: the number of volunteers in the territory (overrides per_100k × share).
    std::int64_t count = -1;
    std::string source_fr; ///< `source` in French (the defaults' sources); empty: `source`
};

struct GroupSpec {
    std::string name;
    double share = 0;  ///< of each commune's population
    double uptake = 0; ///< share of the group wanting the vaccine
    int eligible_day = 0;
    int doses = 2;
    int interval_days = 28;
    double cannot_travel = 0;
    std::string source;
    std::string source_fr; ///< `source` in French (the defaults' sources); empty: `source`
};

struct GeneratorOptions {
    std::string name;         ///< scenario name (world and plan titles)
    std::string description;  ///< one line, written in [world]
    std::string command_line; ///< how the files were made (written as a comment when set)
    std::string start_date = "2021-04-05"; ///< ISO date, day 0 (2021-04-05 is a Monday)
    int days = 56;
    std::vector<GroupSpec> groups;             ///< empty: default_groups()
    std::vector<ProfessionSupply> professions; ///< empty: default_professions()
    int doses = 0;                             ///< > 0: overrides every group's doses
    int interval_days = 0;                     ///< > 0: overrides every group's interval
    double max_commute_minutes = 30;
    int retry_days = 3; ///< a person who found no slot looks again after this many days
    std::string communes_file = "communes.csv";
    std::string edges_file = "edges.csv";
    std::string pool_file = "pool.csv"; ///< used when the pool has more than inline_pool_max rows
    std::size_t inline_pool_max = 80;
    // ---- starter plan ----
    double people_per_centre = 50000; ///< one vaccination centre per this many inhabitants
    int centres = 0;                  ///< > 0: exact number of vaccination centres
    bool per_departement = false; ///< at least one centre (and one testing centre) per département
    std::string open_days = "mon-sat";
    int opens_hour = 9, closes_hour = 18; ///< centre hours (whole hours, 0..24)
    int shift_hours = 3;                  ///< shift length; the day is cut into such shifts
    int interview_lines = 0;   ///< > 0: médecins at the medical interview per shift (else sized)
    double target_load = 0.75; ///< booked slots as a share of the busiest station's capacity
    int testing_centres = 1;   ///< 0: none (per_departement: one per département)
    // ---- epidemic ----
    double incidence_base = 10, incidence_peak = 40; ///< daily cases per 100,000
    double tests_per_case = 2; ///< tests sought at the CPTS's centres per case
    /// The language of the files' comments, of the summary and of the diagnostics' text
    /// (the TOML keys and values are the same in both).
    Language lang = Language::French;
};

std::vector<ProfessionSupply> default_professions();
std::vector<GroupSpec> default_groups();

/// Parses "medecin=85,infirmier=150" into densities per 100,000 (professions must be among
/// `supply`); errors name the item. Updates `supply` in place.
void parse_pool_densities(std::string_view text, std::vector<ProfessionSupply>& supply,
                          const std::string& where, Diagnostics& diags);

struct GeneratedScenario {
    std::string world_toml, plan_toml;
    std::string pool_csv;             ///< empty when the pool is written inline
    std::vector<std::string> summary; ///< lines for the terminal
    Diagnostics diagnostics;          ///< errors (bad options) and warnings (thin pool)
};

/// Generates world.toml (naming the territory files `communes_file`, `edges_file`) and
/// plan.toml for `territory`. Nothing is written to disk.
GeneratedScenario generate_scenario(const Territory& territory, const GeneratorOptions& options);

} // namespace riposte
