#pragma once
// The riposte CLI commands. Each takes the arguments after the command name and returns the
// process exit code. The commands only call the public API (include/riposte/) and print.
#include "riposte/text/strings.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace riposte::cli {

namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int run_error = 1;  ///< the run failed, was interrupted, files not written
inline constexpr int plan_fails = 1; ///< validate: at least one rule fails
inline constexpr int usage = 2;      ///< bad input (scenario errors) or bad usage
} // namespace exit_code

int run_command(const std::vector<std::string>& args);
int compare_command(const std::vector<std::string>& args);
int validate_command(const std::vector<std::string>& args);
int size_command(const std::vector<std::string>& args);
int report_command(const std::vector<std::string>& args);
int check_command(const std::vector<std::string>& args);
int exercise_command(std::vector<std::string> args);
int sweep_command(const std::vector<std::string>& args);
int merge_command(const std::vector<std::string>& args);
/// riposte check SWEEP.toml: reads a sweep file and prepares its variants, printing problems.
int check_sweep_file(const std::string& file, riposte::Language lang);
int help_command(const std::vector<std::string>& args);

/// Prints "riposte : erreur : <message>" and the pointer to `riposte COMMAND --help` on
/// standard error, in usage_language() (args.hpp); returns exit_code::usage. `message` is
/// already in that language.
int usage_error(std::string_view message, std::string_view command);
/// Prints "riposte : erreur : <detail>" (in usage_language()) and a new line on standard error.
void print_error(std::string_view detail);
/// The same with `message` from the string table, filled with `args`.
int usage_error(const text::Text& message, std::initializer_list<std::string_view> args,
                std::string_view command);

/// A directory-name-safe form of a plan name: lower-case ASCII letters, digits, '-' and '_'
/// (French accents are transliterated: "Plan été" -> "plan-ete").
std::string file_slug(std::string_view name);

} // namespace riposte::cli
