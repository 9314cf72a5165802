#pragma once
// Layout helpers that keep every text whole whatever the window's size and font (projector
// mode, issue 9 §9): tables whose columns take their content's width and scroll sideways when
// they do not fit, cells and lines that wrap. ImGui only; used by the panels.
#include "layout_audit.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace riposte::gui {

/// A data table: each column as wide as its widest cell (header included); a horizontal
/// scrollbar when they do not all fit, so nothing is cut off, the rest is a scroll away.
inline constexpr ImGuiTableFlags fit_table_flags = ImGuiTableFlags_SizingFixedFit |
                                                   ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg |
                                                   ImGuiTableFlags_BordersOuter;

/// The outer height of a fit table of `rows` one-line rows (and a header row): room for the
/// horizontal scrollbar included.
inline float fit_table_height(int rows, bool header = true) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row = ImGui::GetTextLineHeight() + style.CellPadding.y * 2;
    return row * static_cast<float>(rows + (header ? 1 : 0)) + style.ScrollbarSize +
           style.CellPadding.y * 2 + 2;
}

/// Where wrapped text wraps (window coordinates, for ImGui::PushTextWrapPos): a quarter of the
/// font before the end of the cell or window, so that a wrapped line never ends on the clip
/// edge, where the layout audit cannot tell it from a line that lost its end (at the normal
/// font, wrapped lines ending a pixel or two before the edge were reported cut).
inline float wrap_pos() {
    return ImGui::GetContentRegionMax().x + ImGui::GetScrollX() - ImGui::GetFontSize() * 0.25f;
}

/// A text that wraps at the end of its cell or window (never cut at the edge).
inline void wrapped(const char* text) {
    ImGui::PushTextWrapPos(wrap_pos());
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

/// Same, in the disabled (dim) colour.
inline void wrapped_disabled(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    wrapped(text);
    ImGui::PopStyleColor();
}

/// Same, in `colour`.
inline void wrapped_coloured(const ImVec4& colour, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrapped(text);
    ImGui::PopStyleColor();
}

/// ImGui::SameLine() when an item `next_width` wide still fits after the last one (with
/// `spacing` between); else the next item goes to a new line.
/// A small button whose frame holds its whole text: ImGui::SmallButton has no vertical padding,
/// and the descenders of "p" and "j" cross its clip rectangle ("Ne pas jouer" cut at the normal
/// font). A pixel or a tenth of the font above and below, the same height otherwise.
inline bool small_button(const char* label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(style.FramePadding.x, std::max(1.0f, ImGui::GetFontSize() * 0.1f)));
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleVar();
    return pressed;
}

inline void same_line_if_room(float next_width, float spacing) {
    const float end = ImGui::GetItemRectMax().x + spacing + next_width;
    const float limit = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (end <= limit) ImGui::SameLine(0, spacing);
}

/// The label to give an input `width` wide (ImGui draws its label at its right): the label
/// itself when it fits there, else "##" + label after drawing the label on the line above
/// (wrapped), so that it is never cut at the window's edge.
inline std::string label_fitting(const char* label, float width) {
    const std::string text{label};
    const auto hidden = text.find("##");
    const std::string shown = text.substr(0, hidden);
    const float label_w = ImGui::CalcTextSize(shown.c_str()).x;
    if (width + ImGui::GetStyle().ItemInnerSpacing.x + label_w <= ImGui::GetContentRegionAvail().x)
        return text;
    wrapped(shown.c_str());
    return "##" + text;
}

/// Width for an input followed on its line by a button labelled `button`: the room left.
inline float width_before_button(const char* button) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button_w = ImGui::CalcTextSize(button, nullptr, true).x + style.FramePadding.x * 2;
    const float avail = ImGui::GetContentRegionAvail().x - button_w - style.ItemSpacing.x;
    return avail > ImGui::GetFontSize() * 4 ? avail : ImGui::GetFontSize() * 4;
}

/// SameLine() when a button labelled `button` still fits on the line, else a new line.
inline void same_line_for_button(const char* button) {
    const ImGuiStyle& style = ImGui::GetStyle();
    same_line_if_room(ImGui::CalcTextSize(button, nullptr, true).x + style.FramePadding.x * 2,
                      style.ItemSpacing.x);
}

/// Tells the layout audit that the last item is an editable one-line field: its text scrolls
/// inside it (ImGui follows the cursor), so the part past its edge is reachable.
inline void note_text_field() {
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    note_scrolling_field(lo.x, lo.y, hi.x, hi.y);
}

/// A selectable line whose text wraps at the end of the window (ImGui::Selectable cuts a long
/// label at its edge). Push an id first when there are several.
inline bool wrapped_selectable(const char* text) {
    const float wrap = ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 0.25f;
    const ImVec2 size = ImGui::CalcTextSize(text, nullptr, false, wrap);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::Selectable("##wrapped", false, 0, ImVec2(wrap, size.y));
    ImGui::GetWindowDrawList()->AddText(nullptr, 0.0f, at, ImGui::GetColorU32(ImGuiCol_Text), text,
                                        nullptr, wrap);
    return clicked;
}

/// A bullet and a text that wraps after it.
inline void wrapped_bullet(const char* text) {
    ImGui::Bullet();
    wrapped(text);
}

} // namespace riposte::gui
