#pragma once
// Hand-written command-line parsing for the riposte CLI (no external library).
#include "riposte/text/strings.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace riposte::cli {

/// An option a command accepts: "--name" (flag) or "--name VALUE" / "--name=VALUE".
struct OptionSpec {
    std::string_view name; ///< with the leading dashes, e.g. "--seed"
    bool takes_value = false;
};

/// What was found on the command line after the command name.
struct ParsedArgs {
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> options; ///< (name, value) in order
    bool help = false;                                        ///< -h or --help was given

    [[nodiscard]] bool has(std::string_view name) const;
    /// The last value given for `name`, if any.
    [[nodiscard]] std::optional<std::string> value(std::string_view name) const;
};

/// The language of usage errors (a bad option, a missing value): French unless the command
/// line holds a valid --lang. main() sets it from prescan_lang() before any parsing, so an
/// option that comes before --lang is refused in the language asked for.
Language usage_language();
void set_usage_language(Language language);
/// The value of the last "--lang X" or "--lang=X" before "--", if any (not checked).
std::optional<std::string> prescan_lang(const std::vector<std::string>& args);
/// Moves the "--lang X" / "--lang=X" options that open `args` after the word that follows them
/// (the command or subcommand), so that `riposte --lang en run` reads as `riposte run --lang en`
/// and `riposte exercise --lang en --help` as `riposte exercise --help --lang en`. The value is
/// checked by the command itself.
void lang_after_command(std::vector<std::string>& args);

/// "; vouliez-vous dire « x » ?" in usage_language() when a candidate is a plausible typo of
/// `word`, else "".
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

/// Parses `args` against `specs`. Options may appear anywhere; "--" ends options.
/// On a usage problem returns nullopt and sets `error` to a one-line message in
/// usage_language().
std::optional<ParsedArgs> parse_args(const std::vector<std::string>& args,
                                     const std::vector<OptionSpec>& specs, std::string& error);

/// Parses a whole non-negative decimal number (no sign, no spaces, no suffix).
std::optional<std::uint64_t> parse_u64(std::string_view text);

} // namespace riposte::cli
