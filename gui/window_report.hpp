#pragma once
// Where the dashboard's windows were in the last frame drawn, for the screenshot tests' checks
// ("nothing cut off": every window inside the screen). Plain declarations; the ImGui side is in
// window_report.cpp.
#include <string>
#include <vector>

namespace riposte::gui {

struct WindowRect {
    std::string name; ///< the window's stable id (after "###" when it has one)
    float x = 0, y = 0, w = 0, h = 0;
};

/// The top-level windows drawn in the last frame (no child windows, tooltips or popups).
std::vector<WindowRect> drawn_windows();

/// The windows already drawn in the frame being built (panels, menu bar, popups; no child
/// windows): what covers the map, for the map's texts to keep clear of.
std::vector<WindowRect> windows_this_frame();

/// True when the rectangle [x0, x1] x [y0, y1] meets one of `windows`.
bool covered_by(const std::vector<WindowRect>& windows, float x0, float y0, float x1, float y1);

} // namespace riposte::gui
