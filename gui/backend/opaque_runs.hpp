#pragma once
// Opaque fills drawn without blending. Mesa's software rasterizer (llvmpipe: Xvfb, laptops
// without a GPU driver) reads the frame buffer back for every blended pixel; ImGui's renderer
// blends everything. The window backgrounds, frames and table rows are opaque flat triangles
// (every vertex's alpha 255, the font atlas's white texel): blended or not, their pixels come
// out the same, so their runs are drawn with blending off.
#include <imgui.h>

namespace riposte::gui {

/// Splits every draw command of `data` into runs: each run of opaque flat triangles covering
/// `min_area` pixels or more (a draw call has its cost) is preceded by a callback command
/// `off` and followed by one `on` (`on` also before any user callback met while off, and at
/// the end of a draw list left off). The triangles drawn, their order, clip rectangles and
/// textures are unchanged. Call after ImGui::Render(), before the renderer draws `data`.
void split_opaque_runs(ImDrawData& data, ImVec2 white_uv, ImDrawCallback off, ImDrawCallback on,
                       float min_area);

} // namespace riposte::gui
