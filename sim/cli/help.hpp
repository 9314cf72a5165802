#pragma once
// Help texts and the version of the riposte CLI (all user-facing CLI text lives here and in
// commands.cpp's messages).
#include "riposte/text/strings.hpp"

#include <optional>
#include <string_view>

namespace riposte::cli {

/// Keep in step with project(riposte VERSION ...) in the top-level CMakeLists.txt.
inline constexpr std::string_view version = "0.1.0";

/// The help of `riposte --help`, in French or English.
std::string_view main_help(Language language);
/// Help of one command ("run", "compare", "validate", "size", "report", "check", "exercise",
/// "territory", "sweep", "merge", "help") in French or English, or nullopt for an unknown
/// command.
std::optional<std::string_view> command_help(std::string_view command, Language language);
/// The French help texts (help_fr.cpp): "" for the main help, else a command's; nullopt for an
/// unknown command.
std::optional<std::string_view> french_help(std::string_view command);

} // namespace riposte::cli
