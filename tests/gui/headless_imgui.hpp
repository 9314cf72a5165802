// An ImGui context for headless GUI tests: no window, no OpenGL, an 800×600 display and a
// built font atlas (NewFrame needs one). It becomes current on construction; the context that
// was current before is restored on destruction.
#pragma once

#include <imgui.h>

namespace riposte::gui::test {

struct HeadlessImgui {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGuiContext* context = ImGui::CreateContext();
    HeadlessImgui() {
        ImGui::SetCurrentContext(context);
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {800, 600};
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~HeadlessImgui() {
        ImGui::DestroyContext(context);
        ImGui::SetCurrentContext(previous);
    }
    HeadlessImgui(const HeadlessImgui&) = delete;
    HeadlessImgui& operator=(const HeadlessImgui&) = delete;
};

} // namespace riposte::gui::test
