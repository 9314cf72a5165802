#include "layout_audit.hpp"

#include "riposte/core/text_format.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iomanip>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>

namespace riposte::gui {
namespace {

/// The visible glyphs of every font in the atlas, found from a point of the texture.
class GlyphIndex {
  public:
    GlyphIndex() {
        const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        for (int f = 0; f < atlas->Fonts.Size; ++f) {
            const ImFont* font = atlas->Fonts[f];
            for (int g = 0; g < font->Glyphs.Size; ++g) {
                const ImFontGlyph& glyph = font->Glyphs[g];
                if (!glyph.Visible || glyph.U1 <= glyph.U0 || glyph.V1 <= glyph.V0) continue;
                const auto id = glyphs_.size();
                glyphs_.push_back(&glyph);
                font_size_.push_back(font->FontSize);
                for (int cy = cell(glyph.V0); cy <= cell(glyph.V1); ++cy)
                    for (int cx = cell(glyph.U0); cx <= cell(glyph.U1); ++cx)
                        grid_[static_cast<std::size_t>(cy * cells + cx)].push_back(id);
            }
        }
    }
    /// The glyph whose texture rectangle holds (u, v); null: not a glyph (filled shapes use
    /// the atlas's white pixel, lines its baked lines).
    [[nodiscard]] std::pair<const ImFontGlyph*, float> find(float u, float v) const {
        if (u < 0 || v < 0 || u > 1 || v > 1) return {nullptr, 0.0f};
        for (const std::size_t id : grid_[static_cast<std::size_t>(cell(v) * cells + cell(u))]) {
            const ImFontGlyph* g = glyphs_[id];
            if (u >= g->U0 && u <= g->U1 && v >= g->V0 && v <= g->V1) return {g, font_size_[id]};
        }
        return {nullptr, 0.0f};
    }

  private:
    static constexpr int cells = 64;
    static int cell(float t) { return std::clamp(static_cast<int>(t * cells), 0, cells - 1); }
    std::vector<const ImFontGlyph*> glyphs_;
    std::vector<float> font_size_; ///< the size of each glyph's font, in font units
    std::vector<std::vector<std::size_t>> grid_ =
        std::vector<std::vector<std::size_t>>(static_cast<std::size_t>(cells * cells));
};

struct Rect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    [[nodiscard]] float w() const { return x1 - x0; }
    [[nodiscard]] float h() const { return y1 - y0; }
    void add(const Rect& r) {
        x0 = std::min(x0, r.x0);
        y0 = std::min(y0, r.y0);
        x1 = std::max(x1, r.x1);
        y1 = std::max(y1, r.y1);
    }
};

Rect intersect(const Rect& a, const Rect& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

/// One glyph as drawn.
struct DrawnGlyph {
    std::uint32_t codepoint = 0;
    Rect full;  ///< where the whole glyph would be, before any clipping
    Rect shown; ///< what is left of it inside the clip rectangle
    float origin_x = 0, origin_y = 0, advance = 0;
    float size = 0;                    ///< the font's size as drawn, in pixels
    bool cut_x = false, cut_y = false; ///< clipped across a left/right or top/bottom edge
};

/// One line of text: glyphs of one draw command on one baseline, close together.
struct TextLine {
    std::string text;
    Rect ink;   ///< union of the glyphs' full rectangles
    Rect shown; ///< union of their visible parts
    Rect clip;
    float pen_end = 0; ///< where the glyph after the last one would start (its pen position)
    float size = 0;    ///< the font's size as drawn
    bool ends_at_edge = false; ///< the next glyph would have started on the right clip edge
    bool cut_x = false, cut_y = false;
    bool cut_left = false, cut_right = false, cut_top = false, cut_bottom = false;
};

/// The glyph drawn by the quad of vertices v[0..3] (ImFont::RenderText's order), or nullopt.
std::optional<DrawnGlyph> glyph_of(const ImDrawVert* v, const ImVec4& clip,
                                   const GlyphIndex& index) {
    // a glyph is an axis-aligned quad: (x1,y1) (x2,y1) (x2,y2) (x1,y2), uv likewise
    if (v[0].pos.y != v[1].pos.y || v[1].pos.x != v[2].pos.x || v[2].pos.y != v[3].pos.y ||
        v[3].pos.x != v[0].pos.x || v[0].uv.y != v[1].uv.y || v[1].uv.x != v[2].uv.x)
        return std::nullopt;
    const float x1 = v[0].pos.x, y1 = v[0].pos.y, x2 = v[2].pos.x, y2 = v[2].pos.y;
    const float u1 = v[0].uv.x, t1 = v[0].uv.y, u2 = v[2].uv.x, t2 = v[2].uv.y;
    if (x2 <= x1 || y2 <= y1 || u2 <= u1 || t2 <= t1) return std::nullopt;
    const auto [g, font_size] = index.find((u1 + u2) * 0.5f, (t1 + t2) * 0.5f);
    if (!g || g->X1 <= g->X0 || g->Y1 <= g->Y0) return std::nullopt;
    // pixels per texture unit, then the whole glyph's rectangle (ImGui's CPU clip moves the
    // quad's edges and texture coordinates together)
    const float sx = (x2 - x1) / (u2 - u1), sy = (y2 - y1) / (t2 - t1);
    DrawnGlyph d;
    d.codepoint = g->Codepoint;
    d.full = {x1 - (u1 - g->U0) * sx, y1 - (t1 - g->V0) * sy, x2 + (g->U1 - u2) * sx,
              y2 + (g->V1 - t2) * sy};
    const float scale = d.full.w() / (g->X1 - g->X0);
    d.origin_x = d.full.x0 - g->X0 * scale;
    d.origin_y = d.full.y0 - g->Y0 * scale;
    d.advance = g->AdvanceX * scale;
    d.size = font_size * scale;
    const Rect c{clip.x, clip.y, clip.z, clip.w};
    d.shown = intersect({x1, y1, x2, y2}, c);
    constexpr float tolerance = 0.5f;
    d.cut_x = d.shown.x0 > d.full.x0 + tolerance || d.shown.x1 < d.full.x1 - tolerance;
    d.cut_y = d.shown.y0 > d.full.y0 + tolerance || d.shown.y1 < d.full.y1 - tolerance;
    return d;
}

std::string panel_name(const ImGuiWindow* w) {
    if (!w) return "?";
    const ImGuiWindow* root = w->RootWindow ? w->RootWindow : w;
    std::string_view name = root->Name;
    if (const auto at = name.find("###"); at != std::string_view::npos) name = name.substr(at + 3);
    return std::string(name);
}

/// True when the part of a text cut at `edge` of `clip` can be scrolled into view: some window
/// from `w` up whose visible area ends there scrolls that way.
bool reachable_by_scrolling(const ImGuiWindow* w, bool horizontal, float edge) {
    for (; w; w = w->ParentWindow) {
        const ImRect& r = w->InnerClipRect;
        const bool at_edge =
            horizontal ? (std::abs(edge - r.Min.x) <= 1.5f || std::abs(edge - r.Max.x) <= 1.5f)
                       : (std::abs(edge - r.Min.y) <= 1.5f || std::abs(edge - r.Max.y) <= 1.5f);
        // ImGui keeps a scroll range even without a scrollbar: horizontally only a visible
        // scrollbar lets the user reach the rest; vertically the mouse wheel does too
        const bool scrolls =
            horizontal ? w->ScrollbarX
                       : w->ScrollbarY || (w->ScrollMax.y > 0 &&
                                           !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse));
        if (at_edge && scrolls) return true;
        if (!(w->Flags & ImGuiWindowFlags_ChildWindow)) break;
    }
    return false;
}

std::vector<TextLine> lines_of(const ImDrawList* dl, const GlyphIndex& index, ImTextureID font) {
    std::vector<TextLine> lines;
    for (int c = 0; c < dl->CmdBuffer.Size; ++c) {
        const ImDrawCmd& cmd = dl->CmdBuffer[c];
        if (cmd.UserCallback || cmd.TextureId != font) continue;
        const ImDrawIdx* idx = dl->IdxBuffer.Data + cmd.IdxOffset;
        const ImDrawVert* vtx = dl->VtxBuffer.Data + cmd.VtxOffset;
        std::vector<DrawnGlyph> glyphs;
        for (unsigned i = 0; i + 6 <= cmd.ElemCount;) {
            const unsigned a = idx[i];
            const bool quad = idx[i + 1] == a + 1 && idx[i + 2] == a + 2 && idx[i + 3] == a &&
                              idx[i + 4] == a + 2 && idx[i + 5] == a + 3;
            if (!quad) {
                i += 3;
                continue;
            }
            if (auto g = glyph_of(vtx + a, cmd.ClipRect, index)) glyphs.push_back(*g);
            i += 6;
        }
        // glyphs → lines: same baseline, each after the previous one, no more than a few
        // spaces apart (separate labels drawn side by side are separate lines)
        TextLine* line = nullptr;
        const DrawnGlyph* prev = nullptr;
        const Rect clip{cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w};
        const std::size_t first_line = lines.size();
        for (const DrawnGlyph& g : glyphs) {
            const float em = g.size;
            // (two spaces or more apart: two items side by side, e.g. a field and its button;
            // nothing follows a glyph cut on its right in the same text)
            const bool joins = prev && std::abs(g.origin_y - prev->origin_y) < 0.75f &&
                               g.origin_x >= prev->origin_x + 0.1f &&
                               g.origin_x - (prev->origin_x + prev->advance) < 0.55f * em &&
                               !(prev->cut_x && prev->shown.x1 < prev->full.x1 - 0.5f);
            if (!joins) {
                lines.push_back({});
                line = &lines.back();
                line->ink = g.full;
                line->shown = g.shown;
                line->clip = clip;
            } else {
                if (g.origin_x - (prev->origin_x + prev->advance) > 0.2f * em) line->text += ' ';
                line->ink.add(g.full);
                line->shown.add(g.shown);
            }
            append_utf8(line->text, g.codepoint);
            line->pen_end = g.origin_x + g.advance;
            line->size = g.size;
            if (g.cut_x) {
                // a glyph whose pen position is inside, clipped on the left by its own bearing
                // (a 'J' at a column's edge), loses a pixel of ink, not a letter
                const bool left = g.shown.x0 > g.full.x0 + 0.5f;
                if (!left || g.origin_x < clip.x0 - 0.5f) {
                    line->cut_x = true;
                    (left ? line->cut_left : line->cut_right) = true;
                }
            }
            if (g.cut_y) {
                line->cut_y = true;
                (g.shown.y0 > g.full.y0 + 0.5f ? line->cut_top : line->cut_bottom) = true;
            }
            prev = &g;
        }
        // A line whose next glyph would start within a letter's bearing of its clip edge lost
        // that glyph and the rest (ImFont::RenderText drops the glyphs that start past the
        // edge). A line that fits ends at least the window's or cell's padding (4 px) before.
        for (std::size_t k = first_line; k < lines.size(); ++k) {
            TextLine& l = lines[k];
            const float bearing = std::clamp(l.size * 0.12f, 1.5f, 3.5f);
            if (!l.cut_right && l.pen_end > l.clip.x1 - bearing && l.ink.x1 <= l.clip.x1 + 0.5f)
                l.ends_at_edge = true;
        }
    }
    return lines;
}

/// The fields noted during the frame of `frame` (ImGui's frame count) in each context.
struct NotedFields {
    const ImGuiContext* context = nullptr;
    int frame = -1;
    std::vector<Rect> rects;
};
std::vector<NotedFields>& noted_fields() {
    static std::vector<NotedFields> all;
    return all;
}
NotedFields& fields_of(const ImGuiContext* ctx) {
    for (NotedFields& f : noted_fields())
        if (f.context == ctx) return f;
    noted_fields().push_back({ctx, -1, {}});
    return noted_fields().back();
}

} // namespace

void note_scrolling_field(float x0, float y0, float x1, float y1) {
    NotedFields& f = fields_of(ImGui::GetCurrentContext());
    if (f.frame != ImGui::GetFrameCount()) {
        f.frame = ImGui::GetFrameCount();
        f.rects.clear();
    }
    f.rects.push_back({x0, y0, x1, y1});
}

LayoutAudit audit_layout() {
    LayoutAudit out;
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data || !data->Valid) return out;
    const GlyphIndex index;
    const ImTextureID font = ImGui::GetIO().Fonts->TexID;

    // the panels on the screen (for the map's labels under them)
    struct Panel {
        std::string name;
        Rect rect;
    };
    std::vector<Panel> panels;
    const ImGuiContext* ctx = ImGui::GetCurrentContext();
    for (int i = 0; i < ctx->Windows.Size; ++i) {
        const ImGuiWindow* w = ctx->Windows[i];
        if (!w->WasActive || w->Hidden || (w->Flags & ImGuiWindowFlags_ChildWindow)) continue;
        if (std::string_view{w->Name} == "Debug##Default") continue;
        panels.push_back(
            {panel_name(w), {w->Pos.x, w->Pos.y, w->Pos.x + w->Size.x, w->Pos.y + w->Size.y}});
    }

    std::map<std::string, int> counts;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* dl = data->CmdLists[n];
        const std::string_view owner = dl->_OwnerName ? dl->_OwnerName : "";
        const bool background = owner == "##Background";
        const ImGuiWindow* window =
            background || owner.empty() ? nullptr : ImGui::FindWindowByName(dl->_OwnerName);
        if (!background && !window) continue; // the foreground layer: nothing of ours
        const std::string panel = background ? std::string{"map"} : panel_name(window);
        const std::vector<TextLine> lines = lines_of(dl, index, font);
        counts[panel] += static_cast<int>(lines.size());
        for (const TextLine& l : lines) out.texts.emplace_back(panel, l.text);
        const auto problem = [&](LayoutProblem::Kind kind, const TextLine& l, std::string other) {
            LayoutProblem p;
            p.kind = kind;
            p.panel = panel;
            p.text = l.text;
            p.other = std::move(other);
            p.x = l.ink.x0;
            p.y = l.ink.y0;
            p.w = l.ink.w();
            p.h = l.ink.h();
            out.problems.push_back(std::move(p));
        };
        for (const TextLine& l : lines) {
            if (background) {
                // a map label must be in the map's visible area, not under a panel
                for (const Panel& p : panels) {
                    const Rect i = intersect(l.shown, p.rect);
                    if (i.w() > 1 && i.h() > 1) {
                        problem(LayoutProblem::Kind::UnderPanel, l, p.name);
                        break;
                    }
                }
                continue;
            }
            bool cut = false;
            const NotedFields& fields = fields_of(ctx);
            bool in_field = false;
            if (fields.frame == ImGui::GetFrameCount())
                for (const Rect& r : fields.rects)
                    in_field = in_field || (l.shown.x0 >= r.x0 - 1 && l.shown.x1 <= r.x1 + 1 &&
                                            l.shown.y0 >= r.y0 - 1 && l.shown.y1 <= r.y1 + 1);
            if (in_field) continue; // the field scrolls to show the rest
            // A window without padding (a child without border) lets a line that fits end
            // right on its clip edge. There, a line ending on the edge lost its end when the
            // window's content (the items laid out this frame) reaches past that edge: a text
            // cut exactly between two glyphs shows no glyph crossing it.
            const bool unpadded_edge = std::abs(l.clip.x1 - window->InnerClipRect.Max.x) < 1.0f &&
                                       window->WindowPadding.x < 1.0f;
            const bool content_past_edge = window->DC.CursorMaxPos.x > l.clip.x1 + 0.5f;
            if (l.ends_at_edge && (!unpadded_edge || content_past_edge) &&
                !reachable_by_scrolling(window, true, l.clip.x1))
                cut = true;
            if (l.cut_left && !reachable_by_scrolling(window, true, l.clip.x0)) cut = true;
            if (l.cut_right && !reachable_by_scrolling(window, true, l.clip.x1)) cut = true;
            if (l.cut_top && !reachable_by_scrolling(window, false, l.clip.y0)) cut = true;
            if (l.cut_bottom && !reachable_by_scrolling(window, false, l.clip.y1)) cut = true;
            if (cut) problem(LayoutProblem::Kind::Cut, l, {});
        }
        if (background) continue;
        // texts drawn over one another (a shadow: the same text a pixel or two aside, is not)
        for (std::size_t a = 0; a < lines.size(); ++a)
            for (std::size_t b = a + 1; b < lines.size(); ++b) {
                const TextLine &la = lines[a], &lb = lines[b];
                const Rect i = intersect(la.shown, lb.shown);
                if (i.w() <= 2 || i.h() <= 2) continue;
                if (la.text == lb.text && std::abs(la.ink.x0 - lb.ink.x0) <= 3 &&
                    std::abs(la.ink.y0 - lb.ink.y0) <= 3)
                    continue;
                problem(LayoutProblem::Kind::Overlap, la, lb.text);
            }
    }
    for (const auto& [panel, n] : counts) out.texts_per_panel.emplace_back(panel, n);
    return out;
}

std::vector<std::string> format_layout_audit(const LayoutAudit& audit) {
    std::vector<std::string> out;
    for (const LayoutProblem& p : audit.problems) {
        std::ostringstream s;
        switch (p.kind) {
        case LayoutProblem::Kind::Cut:
            s << "layout cut: panel " << p.panel << ": \"" << p.text << "\"";
            break;
        case LayoutProblem::Kind::Overlap:
            s << "layout overlap: panel " << p.panel << ": \"" << p.text << "\" over \"" << p.other
              << "\"";
            break;
        case LayoutProblem::Kind::UnderPanel:
            s << "layout label under panel: panel " << p.other << ": map label \"" << p.text
              << "\"";
            break;
        }
        s << " at " << std::lround(p.x) << "," << std::lround(p.y) << " size " << std::lround(p.w)
          << "x" << std::lround(p.h);
        out.push_back(s.str());
    }
    for (const auto& [panel, n] : audit.texts_per_panel)
        out.push_back("layout audit: panel " + panel + " texts " + std::to_string(n));
    return out;
}

} // namespace riposte::gui
