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

} // namespace riposte::gui
