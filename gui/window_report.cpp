#include "window_report.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string_view>

namespace riposte::gui {

std::vector<WindowRect> drawn_windows() {
    std::vector<WindowRect> out;
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx) return out;
    for (int i = 0; i < ctx->Windows.Size; ++i) {
        const ImGuiWindow* w = ctx->Windows[i];
        if (!w->WasActive || w->Hidden) continue;
        if (w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip |
                        ImGuiWindowFlags_Popup | ImGuiWindowFlags_ChildMenu))
            continue;
        std::string_view name = w->Name;
        if (const auto at = name.find("###"); at != std::string_view::npos)
            name = name.substr(at + 3);
        if (name == "Debug##Default") continue; // ImGui's implicit fallback window
        out.push_back({std::string(name), w->Pos.x, w->Pos.y, w->Size.x, w->Size.y});
    }
    return out;
}

std::vector<WindowRect> windows_this_frame() {
    std::vector<WindowRect> out;
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx) return out;
    for (int i = 0; i < ctx->Windows.Size; ++i) {
        const ImGuiWindow* w = ctx->Windows[i];
        if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_ChildWindow)) continue;
        if (std::string_view{w->Name} == "Debug##Default") continue;
        out.push_back({std::string(w->Name), w->Pos.x, w->Pos.y, w->Size.x, w->Size.y});
    }
    return out;
}

bool covered_by(const std::vector<WindowRect>& windows, float x0, float y0, float x1, float y1) {
    for (const WindowRect& w : windows)
        if (x1 > w.x && x0 < w.x + w.w && y1 > w.y && y0 < w.y + w.h) return true;
    return false;
}

} // namespace riposte::gui
