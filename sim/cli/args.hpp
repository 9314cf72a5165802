#pragma once
// Hand-written command-line parsing for the riposte CLI (no external library).
#include <cstdint>
#include <optional>
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

/// Parses `args` against `specs`. Options may appear anywhere; "--" ends options.
/// On a usage problem returns nullopt and sets `error` to a one-line message.
std::optional<ParsedArgs> parse_args(const std::vector<std::string>& args,
                                     const std::vector<OptionSpec>& specs, std::string& error);

/// Parses a whole non-negative decimal number (no sign, no spaces, no suffix).
std::optional<std::uint64_t> parse_u64(std::string_view text);

} // namespace riposte::cli
