#include "i18n.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <limits>
#include <string>

using namespace riposte::gui;

TEST_CASE("every text exists in French and English") {
    int differing = 0;
    for (int i = 0; i < static_cast<int>(Text::Count); ++i) {
        const auto id = static_cast<Text>(i);
        CAPTURE(i);
        REQUIRE(tr(Lang::Fr, id) != nullptr);
        REQUIRE(tr(Lang::En, id) != nullptr);
        CHECK(std::strlen(tr(Lang::Fr, id)) > 0);
        CHECK(std::strlen(tr(Lang::En, id)) > 0);
        if (std::strcmp(tr(Lang::Fr, id), tr(Lang::En, id)) != 0) ++differing;
    }
    // Most strings differ between the languages (a few words are the same, e.g. "Communes").
    CHECK(differing > static_cast<int>(Text::Count) * 2 / 3);
    CHECK(std::string{tr(Lang::Fr, Text::PanelScenario)} == "Scénario");
    CHECK(std::string{tr(Lang::En, Text::PanelScenario)} == "Scenario");
}

TEST_CASE("languages parse from their codes only") {
    CHECK(parse_lang("fr") == Lang::Fr);
    CHECK(parse_lang("en") == Lang::En);
    CHECK_FALSE(parse_lang("FR").has_value());
    CHECK_FALSE(parse_lang("de").has_value());
    CHECK_FALSE(parse_lang("").has_value());
    CHECK(lang_code(Lang::Fr) == "fr");
    CHECK(lang_code(Lang::En) == "en");
}

TEST_CASE("window titles keep a stable ImGui id across languages") {
    const std::string fr = window_title(Lang::Fr, Text::PanelRun, "run");
    const std::string en = window_title(Lang::En, Text::PanelRun, "run");
    CHECK(fr != en);
    CHECK(fr.ends_with("###run"));
    CHECK(en.ends_with("###run"));
}

TEST_CASE("counts are grouped by thousands in each language's way") {
    const std::string nbsp = "\xC2\xA0";
    CHECK(format_count(Lang::En, 0) == "0");
    CHECK(format_count(Lang::En, 999) == "999");
    CHECK(format_count(Lang::En, 1000) == "1,000");
    CHECK(format_count(Lang::En, 1234567) == "1,234,567");
    CHECK(format_count(Lang::En, -1234567) == "-1,234,567");
    CHECK(format_count(Lang::Fr, 127259) == "127" + nbsp + "259");
    CHECK(format_count(Lang::Fr, INT64_MIN) == "-9" + nbsp + "223" + nbsp + "372" + nbsp + "036" +
                                                   nbsp + "854" + nbsp + "775" + nbsp + "808");
}

TEST_CASE("decimals use the language's decimal mark and never print -0") {
    const std::string nbsp = "\xC2\xA0";
    CHECK(format_decimal(Lang::En, 1234.567, 2) == "1,234.57");
    CHECK(format_decimal(Lang::Fr, 1234.567, 2) == "1" + nbsp + "234,57");
    CHECK(format_decimal(Lang::Fr, 0.5, 0) == "0"); // round-half-even in to_chars: 0
    CHECK(format_decimal(Lang::En, -0.001, 1) == "0.0");
    CHECK(format_decimal(Lang::En, -2.25, 1) == "-2.2");
    CHECK(format_decimal(Lang::En, 3.0, 0) == "3");
    CHECK(format_decimal(Lang::En, std::numeric_limits<double>::infinity(), 1) == "—");
}

TEST_CASE("label/value format follows French typography") {
    CHECK(std::string{label_value_format(Lang::Fr)} == "%s : %s");
    CHECK(std::string{label_value_format(Lang::En)} == "%s: %s");
}
