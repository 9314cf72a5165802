#pragma once
// Layout audit (--layout-audit): after a frame is rendered, reads Dear ImGui's draw lists back
// and finds every text that is not fully visible. Text is found from the glyph quads themselves
// (each quad's texture coordinates name a glyph of the font atlas), so every panel is audited
// the same way whatever widget drew the text: ImGui::Text, buttons, table cells, window titles,
// chart labels drawn on a draw list. For each line of text it records:
//  - cut: a glyph crosses the clip rectangle it was drawn with (the GPU scissor, or ImGui's CPU
//    clip for buttons and labels), or the line ends on the clip edge (the next glyph was dropped),
//    and the window cannot scroll to show the rest (in a window without padding, where a
//    line that fits may end on the edge: when the window's content reaches past it);
//  - overlap: two different texts of one window drawn over each other;
//  - under panel: a text of the background layer (the map's labels) under a panel.
// Plain declarations; the ImGui side is in layout_audit.cpp.
#include <string>
#include <vector>

namespace riposte::gui {

struct LayoutProblem {
    enum class Kind { Cut, Overlap, UnderPanel } kind = Kind::Cut;
    std::string panel; ///< the top-level window's stable id (after "###"), "map" for labels
    std::string text;  ///< the text concerned (as drawn: the visible glyphs)
    std::string other; ///< overlap: the other text; under panel: the panel
    float x = 0, y = 0, w = 0, h = 0; ///< the text's rectangle on the screen
};

struct LayoutAudit {
    std::vector<LayoutProblem> problems;
    /// Lines of text found per panel (proof that the audit saw something to check).
    std::vector<std::pair<std::string, int>> texts_per_panel;
    /// Every line of text found, with its panel ("map" for the background layer), in draw
    /// order: what a person reads on the screen (tests look for ids shown instead of words).
    std::vector<std::pair<std::string, std::string>> texts;
};

/// Editable one-line fields of the frame being drawn (their text scrolls inside them: a long
/// path is reachable), noted by the panels, forgotten when a new frame starts. Per ImGui
/// context.
void note_scrolling_field(float x0, float y0, float x1, float y1);

/// Audits the current ImGui context's last rendered frame (call after ImGui::Render(), before
/// the next NewFrame()).
LayoutAudit audit_layout();

/// One line per problem, then one per panel with its count of texts, e.g.
/// "layout cut: panel charts: « Temps d'attente p90 par centre » at 412,300 120x20".
std::vector<std::string> format_layout_audit(const LayoutAudit& audit);

} // namespace riposte::gui
