#pragma once
// Every text a person reads in the dashboard, in French (default) and English: a thin view onto
// the one string table (include/riposte/text/), with the dashboard's own language switch.
// Strings are UTF-8.
#include "riposte/text/gui_texts.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace riposte::gui {

enum class Lang { Fr, En };

/// "fr" / "en" → Lang; nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view code);
std::string_view lang_code(Lang lang);
/// The table's language for `lang`.
riposte::Language language_of(Lang lang);

/// The dashboard's texts: ids and rows live in the one string table
/// (include/riposte/text/gui_texts.hpp, sim/text/gui_texts.cpp); add new ones there.
using Text = riposte::text::GuiText;

/// The text in `lang`. Never null, never empty.
const char* tr(Lang lang, Text id);

/// Window title with a stable ImGui id: "<translated>###<id>", so switching language keeps the
/// window's place and size.
std::string window_title(Lang lang, Text id, std::string_view stable_id);

/// printf format for "label: value" with two %s ("%s : %s" in French, "%s: %s" in English).
const char* label_value_format(Lang lang);

/// Whole number with thousands separators: "12 345" (fr, no-break space) or "12,345" (en).
std::string format_count(Lang lang, std::int64_t value);
/// Number with `decimals` digits after the decimal mark ("," in fr, "." in en), grouped.
std::string format_decimal(Lang lang, double value, int decimals);

} // namespace riposte::gui
