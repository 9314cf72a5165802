#pragma once
// Help texts and the version of the riposte CLI (all user-facing CLI text lives here and in
// commands.cpp's messages).
#include <optional>
#include <string_view>

namespace riposte::cli {

/// Keep in step with project(riposte VERSION ...) in the top-level CMakeLists.txt.
inline constexpr std::string_view version = "0.1.0";

std::string_view main_help();
/// Help of one command ("run", "compare", "validate", "report", "check", "help"), or nullopt for an
/// unknown command.
std::optional<std::string_view> command_help(std::string_view command);

} // namespace riposte::cli
