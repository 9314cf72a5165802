// The layout audit (--layout-audit) on real ImGui frames drawn headless: it finds a text cut at
// a window's edge or in a narrow table column and names the panel and the text, sees two texts
// drawn over each other and a background label under a window, and finds nothing wrong with
// the same texts wrapped or in a table sized to its content.
#include "chart.hpp"
#include "fit.hpp"
#include "headless_imgui.hpp"
#include "layout_audit.hpp"

#include <imgui.h>

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

using namespace riposte::gui;

namespace {

/// An ImGui context of its own with the built-in font, no renderer: frames are built and
/// rendered into draw lists only.
using riposte::gui::test::HeadlessImgui;

/// Draws `panel` in a 220x300 window named "narrow###narrow" for three frames, audits the last.
LayoutAudit audit(const std::function<void()>& panel) {
    HeadlessImgui imgui;
    for (int frame = 0; frame < 3; ++frame) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos({100, 100}, ImGuiCond_Always);
        ImGui::SetNextWindowSize({220, 300}, ImGuiCond_Always);
        ImGui::Begin("Étroit###narrow");
        panel();
        ImGui::End();
        ImGui::Render();
    }
    return audit_layout();
}

const char* long_text = "Rendez-vous non honorés dans la journée";

int texts_in(const LayoutAudit& a, const std::string& panel) {
    for (const auto& [name, n] : a.texts_per_panel)
        if (name == panel) return n;
    return 0;
}

} // namespace

TEST_CASE("layout audit: a text running past its window's edge is cut, named with its panel") {
    const LayoutAudit a = audit([] { ImGui::TextUnformatted(long_text); });
    REQUIRE(a.problems.size() == 1);
    const LayoutProblem& p = a.problems.front();
    CHECK(p.kind == LayoutProblem::Kind::Cut);
    CHECK(p.panel == "narrow");
    // the text as drawn: the start of the line, up to the edge
    CHECK(p.text.size() > 5);
    CHECK(std::string{long_text}.starts_with(p.text));
    CHECK(p.text != long_text);
    const auto lines = format_layout_audit(a);
    REQUIRE(!lines.empty());
    CHECK(lines.front().starts_with("layout cut: panel narrow: \"Rendez-vous"));
}

TEST_CASE("layout audit: the same text wrapped, or short, is whole") {
    const LayoutAudit a = audit([] {
        wrapped(long_text);
        ImGui::TextUnformatted("Vaccinations");
    });
    CHECK(a.problems.empty());
    CHECK(texts_in(a, "narrow") >= 3); // two wrapped lines at least, and the short one
}

TEST_CASE("layout audit: a cell cut by its column, the table sized to its content is whole") {
    const auto table = [](ImGuiTableFlags flags, float height) {
        if (!ImGui::BeginTable("t", 2, flags, {0, height})) return;
        for (int row = 0; row < 2; ++row) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted("medical interview");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted("vaccine_preparation");
        }
        ImGui::EndTable();
    };
    const LayoutAudit stretched =
        audit([&] { table(ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV, 0); });
    REQUIRE(!stretched.problems.empty());
    CHECK(stretched.problems.front().kind == LayoutProblem::Kind::Cut);
    CHECK(stretched.problems.front().panel == "narrow");
    // columns as wide as their content, a horizontal scrollbar for the rest: nothing is cut
    const LayoutAudit fitted = audit([&] { table(fit_table_flags, fit_table_height(2, false)); });
    CHECK(fitted.problems.empty());
    CHECK(texts_in(fitted, "narrow") >= 2);
}

TEST_CASE("layout audit: two texts drawn over each other overlap, a shadow does not") {
    const LayoutAudit a = audit([] {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        dl->AddText({at.x, at.y}, IM_COL32(255, 255, 255, 255), "Pas de");
        dl->AddText({at.x + 10, at.y + 3}, IM_COL32(255, 255, 255, 255), "50,0");
        // the same text one pixel aside: a shadow
        dl->AddText({at.x + 1, at.y + 41}, IM_COL32(0, 0, 0, 255), "Gignac");
        dl->AddText({at.x, at.y + 40}, IM_COL32(255, 255, 255, 255), "Gignac");
    });
    REQUIRE(a.problems.size() == 1);
    CHECK(a.problems.front().kind == LayoutProblem::Kind::Overlap);
    CHECK(a.problems.front().text == "Pas de");
    CHECK(a.problems.front().other == "50,0");
}

TEST_CASE("layout audit: a map label on the background layer under a window is named") {
    const LayoutAudit a = audit([] {
        ImDrawList* bg = ImGui::GetBackgroundDrawList();
        bg->AddText({150, 200}, IM_COL32(255, 255, 255, 255), "Lodève");   // under the window
        bg->AddText({500, 200}, IM_COL32(255, 255, 255, 255), "Clermont"); // clear of it
    });
    REQUIRE(a.problems.size() == 1);
    CHECK(a.problems.front().kind == LayoutProblem::Kind::UnderPanel);
    CHECK(a.problems.front().text == "Lodève");
    CHECK(a.problems.front().other == "narrow");
    CHECK(texts_in(a, "map") == 2);
}

TEST_CASE("layout audit: in a window without padding, a line cut exactly between two glyphs is "
          "cut, the same line that fits is whole") {
    // A child window without border or padding whose right edge falls exactly where the pen is
    // after the first `shown` letters: ImFont::RenderText drops the next glyph whole (its ink
    // starts past the edge), so no glyph crosses the edge. The same child as wide as the whole
    // text ends on the edge too, and nothing is lost.
    const std::string text = "Montigny-les-Metz";
    const auto in_child = [&](std::size_t shown) {
        return audit([&, shown] {
            ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
            const float w = ImGui::CalcTextSize(text.c_str(), text.c_str() + shown).x;
            ImGui::BeginChild("cell", {w, ImGui::GetTextLineHeightWithSpacing() * 2}, false,
                              ImGuiWindowFlags_NoScrollbar);
            ImGui::TextUnformatted(text.c_str());
            ImGui::EndChild();
            ImGui::PopStyleVar();
        });
    };
    const LayoutAudit cut = in_child(8); // "Montigny" shown, "-les-Metz" dropped
    REQUIRE(cut.problems.size() == 1);
    CHECK(cut.problems.front().kind == LayoutProblem::Kind::Cut);
    CHECK(cut.problems.front().panel == "narrow");
    CHECK(cut.problems.front().text == "Montigny");
    const LayoutAudit whole = in_child(text.size());
    CHECK(whole.problems.empty());
    CHECK(texts_in(whole, "narrow") == 2); // the window's title and the line
}

TEST_CASE("layout audit: a chart's threshold label at the top of the plot stays inside it") {
    // A target at the very top of the y range (0 to 100): its label, drawn above the line,
    // would leave the plot rectangle and be cut by the plot's clip; it goes below the line.
    const LayoutAudit a = audit([] {
        ChartSpec spec;
        spec.height = 160;
        spec.y_min_span = 100;
        spec.empty_text = "Pas encore";
        draw_chart(spec, {}, {{"objectif 100", 100.0, {255, 90, 80, 255}}});
    });
    for (const LayoutProblem& p : a.problems) MESSAGE(p.text);
    CHECK(a.problems.empty());
    bool seen = false;
    for (const auto& [panel, text] : a.texts) seen = seen || text == "objectif 100";
    CHECK(seen);
}

TEST_CASE("layout audit: before any data, a target's label keeps clear of the placeholder") {
    // The France layout's coverage chart before the first day: a target line across the
    // middle of the plot, whose label sat on the centred « Pas encore de données » text.
    const LayoutAudit a = audit([] {
        ChartSpec spec;
        spec.height = 160;
        spec.y_min_span = 100;
        spec.empty_text = "Pas encore de données : lancez la simulation.";
        draw_chart(spec, {}, {{"objectif 75 ans et plus", 50.0, {255, 90, 80, 255}}});
    });
    for (const LayoutProblem& p : a.problems) MESSAGE(p.text << " / " << p.other);
    CHECK(a.problems.empty());
    bool label = false, placeholder = false;
    for (const auto& [panel, text] : a.texts) {
        label = label || text == "objectif 75 ans et plus";
        placeholder = placeholder || text.rfind("Pas encore", 0) == 0;
    }
    CHECK(label);
    CHECK(placeholder);
}

TEST_CASE("layout audit: a short chart with six long series keeps a legend in columns") {
    // Six group names in words on a short chart: wrapped one under the other they would leave
    // the plot no room, and the legend used to be dropped. It goes into the rows left, in
    // columns, each label shortened to its column, nothing cut.
    const std::vector<std::string> names = {"75 ans et plus",     "Professionnels de santé",
                                            "Personnes à risque", "50 à 74 ans",
                                            "18 à 49 ans",        "Enfants de 5 à 17 ans"};
    const LayoutAudit a = audit([&names] {
        ChartSpec spec;
        spec.height = 110;
        std::vector<ChartSeries> series;
        for (std::size_t i = 0; i < names.size(); ++i) {
            ChartSeries s;
            s.label = names[i];
            s.colour = {static_cast<unsigned char>(40 * i), 200, 120, 255};
            s.x = {0, 1, 2};
            s.y = {1, 2, 3};
            series.push_back(s);
        }
        draw_chart(spec, series);
    });
    for (const LayoutProblem& p : a.problems) MESSAGE(p.text);
    CHECK(a.problems.empty());
    for (const std::string& name : names) {
        CAPTURE(name);
        bool seen = false;
        for (const auto& [panel, text] : a.texts)
            seen = seen || text.rfind(name.substr(0, 4), 0) == 0;
        CHECK(seen);
    }
}
