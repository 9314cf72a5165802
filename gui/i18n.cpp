#include "i18n.hpp"

#include "riposte/text/strings.hpp"

namespace riposte::gui {

std::optional<Lang> parse_lang(std::string_view code) {
    if (code == "fr") return Lang::Fr;
    if (code == "en") return Lang::En;
    return std::nullopt;
}

std::string_view lang_code(Lang lang) {
    return lang == Lang::Fr ? "fr" : "en";
}

riposte::Language language_of(Lang lang) {
    return lang == Lang::Fr ? riposte::Language::French : riposte::Language::English;
}

const char* tr(Lang lang, Text id) {
    // The table's entries are NUL-terminated string literals.
    const std::string_view s = riposte::text::gui_text(id).in(language_of(lang));
    return s.empty() ? "?" : s.data();
}

std::string window_title(Lang lang, Text id, std::string_view stable_id) {
    std::string s = tr(lang, id);
    s += "###";
    s += stable_id;
    return s;
}

const char* label_value_format(Lang lang) {
    return lang == Lang::Fr ? "%s : %s" : "%s: %s";
}

std::string format_count(Lang lang, std::int64_t value) {
    return riposte::text::format_count(language_of(lang), value);
}

std::string format_decimal(Lang lang, double value, int decimals) {
    return riposte::text::format_decimal(language_of(lang), value, decimals);
}

} // namespace riposte::gui
