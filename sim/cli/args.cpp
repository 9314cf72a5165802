#include "args.hpp"

#include "riposte/core/suggest.hpp"
#include "riposte/text/cli_texts.hpp"

#include <algorithm>
#include <charconv>
#include <system_error>

namespace riposte::cli {

namespace {
Language usage_lang = Language::French;
} // namespace

Language usage_language() {
    return usage_lang;
}

void set_usage_language(Language language) {
    usage_lang = language;
}

void lang_after_command(std::vector<std::string>& args) {
    std::size_t k = 0;
    while (k < args.size()) {
        if (args[k] == "--lang" && k + 1 < args.size())
            k += 2;
        else if (args[k].rfind("--lang=", 0) == 0)
            ++k;
        else
            break;
    }
    if (k == 0 || k >= args.size()) return;
    const auto first = args.begin();
    std::rotate(first, first + static_cast<std::ptrdiff_t>(k),
                first + static_cast<std::ptrdiff_t>(k) + 1);
}

std::optional<std::string> prescan_lang(const std::vector<std::string>& args) {
    std::optional<std::string> found;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--") break;
        if (arg == "--lang" && i + 1 < args.size())
            found = args[++i];
        else if (arg.rfind("--lang=", 0) == 0)
            found = arg.substr(7);
    }
    return found;
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
    const auto near = closest_candidate(word, candidates);
    return near ? text::fill(usage_lang, text::cli.usage_did_you_mean, {*near}) : std::string();
}

bool ParsedArgs::has(std::string_view name) const {
    for (const auto& [n, v] : options) {
        if (n == name) return true;
    }
    return false;
}

std::optional<std::string> ParsedArgs::value(std::string_view name) const {
    std::optional<std::string> found;
    for (const auto& [n, v] : options) {
        if (n == name) found = v;
    }
    return found;
}

std::optional<ParsedArgs> parse_args(const std::vector<std::string>& args,
                                     const std::vector<OptionSpec>& specs, std::string& error) {
    ParsedArgs out;
    bool options_done = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (options_done || arg.size() < 2 || arg[0] != '-') {
            out.positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            options_done = true;
            continue;
        }
        if (arg == "-h" || arg == "--help") {
            out.help = true;
            continue;
        }
        const std::size_t eq = arg.find('=');
        std::string name = arg.substr(0, eq);
        // short forms of the common options, where the command has the long one
        static const std::pair<std::string_view, std::string_view> short_forms[] = {
            {"-n", "--replications"}, {"-j", "--threads"}, {"-o", "--out"}};
        for (const auto& form : short_forms)
            if (name == form.first &&
                std::any_of(specs.begin(), specs.end(),
                            [&](const OptionSpec& s) { return s.name == form.second; }))
                name = std::string(form.second);
        const OptionSpec* spec = nullptr;
        for (const OptionSpec& s : specs) {
            if (s.name == name) spec = &s;
        }
        if (spec == nullptr) {
            std::vector<std::string> known{"--help"};
            for (const OptionSpec& s : specs) known.emplace_back(s.name);
            error = text::fill(usage_lang, text::cli.usage_unknown_option,
                               {name, did_you_mean(name, known)});
            return std::nullopt;
        }
        if (!spec->takes_value) {
            if (eq != std::string::npos) {
                error = text::fill(usage_lang, text::cli.usage_takes_no_value, {name});
                return std::nullopt;
            }
            out.options.emplace_back(name, std::string{});
            continue;
        }
        if (eq != std::string::npos) {
            out.options.emplace_back(name, arg.substr(eq + 1));
        } else if (i + 1 < args.size()) {
            out.options.emplace_back(name, args[++i]);
        } else {
            error = text::fill(usage_lang, text::cli.usage_needs_value, {name});
            return std::nullopt;
        }
    }
    return out;
}

std::optional<std::uint64_t> parse_u64(std::string_view text) {
    if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
    std::uint64_t v = 0;
    const char* last = text.data() + text.size();
    const auto res = std::from_chars(text.data(), last, v);
    if (res.ec != std::errc{} || res.ptr != last) return std::nullopt;
    return v;
}

} // namespace riposte::cli
