#include "riposte/diagnostics.hpp"

#include "riposte/text/diagnostic_texts.hpp"

#include <algorithm>

namespace riposte {

Bilingual say(const text::Text& pattern, std::initializer_list<SayArg> args) {
    std::vector<std::string_view> fr, en;
    for (const SayArg& a : args) {
        fr.emplace_back(a.fr);
        en.emplace_back(a.en);
    }
    const auto fill_with = [](std::string_view p, const std::vector<std::string_view>& v) {
        // text::fill takes an initializer_list: fill the placeholders one by one
        std::string out(p);
        for (std::size_t k = v.size(); k-- > 0;) {
            const std::string key = "{" + std::to_string(k) + "}";
            for (std::size_t pos = out.find(key); pos != std::string::npos;
                 pos = out.find(key, pos + v[k].size()))
                out.replace(pos, key.size(), v[k]);
        }
        return out;
    };
    return {fill_with(pattern.fr, fr), fill_with(pattern.en, en)};
}

std::string format_diagnostic(const Diagnostic& d, Language language) {
    std::string out = d.where.file.empty() ? std::string("<input>") : d.where.file;
    if (d.where.line > 0) {
        out += ':' + std::to_string(d.where.line);
        if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
    }
    const text::Text& severity =
        d.severity == Severity::Error ? text::diag.error : text::diag.warning;
    out += language == Language::French ? ": " : ": ";
    out += severity.in(language);
    out += language == Language::French ? " : " : ": ";
    if (!d.id.empty()) out += '[' + d.id + "] ";
    out += language == Language::French && !d.message_fr.empty() ? d.message_fr : d.message;
    return out;
}

bool Diagnostics::has_errors() const {
    return std::any_of(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

} // namespace riposte
