#pragma once
// `riposte territory`: builds a territory (communes.csv, edges.csv) from the national commune
// table, and with --world a generated world.toml and starter plan.toml. Thin: the work is in
// the library (territory_builder.hpp, world_generator.hpp).
#include <string>
#include <string_view>
#include <vector>

namespace riposte::cli {

/// Runs the command on the arguments after "territory"; returns the exit code (0 ok, 1 files
/// could not be written, 2 bad input or usage).
int run_territory_command(const std::vector<std::string>& args);

/// The English text of `riposte territory --help` (the French one is in help_fr.cpp).
std::string_view territory_help();

} // namespace riposte::cli
