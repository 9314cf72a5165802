// split_opaque_runs on a real ImGui frame drawn headless (built-in font, no renderer): the same
// triangles in the same order with the same clip rectangles and textures, blending switched
// off only around opaque flat triangles (the window background, a frame, table rows), and
// back on before text and at the end of each draw list.
#include "backend/opaque_runs.hpp"
#include "headless_imgui.hpp"

#include <imgui.h>

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

using namespace riposte::gui;

namespace {

void off(const ImDrawList*, const ImDrawCmd*) {}
void on(const ImDrawList*, const ImDrawCmd*) {}

/// One triangle as the renderer would draw it: its vertices, clip rectangle and texture.
struct Drawn {
    ImDrawVert v[3];
    ImVec4 clip;
    ImTextureID texture;
    bool blending;
};

std::vector<Drawn> drawn(const ImDrawData& data) {
    std::vector<Drawn> out;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& dl = *data.CmdLists[n];
        bool blending = true;
        for (const ImDrawCmd& cmd : dl.CmdBuffer) {
            if (cmd.UserCallback == &off) blending = false;
            if (cmd.UserCallback == &on) blending = true;
            if (cmd.UserCallback) continue;
            for (unsigned t = 0; t + 3 <= cmd.ElemCount; t += 3) {
                Drawn d{};
                for (int k = 0; k < 3; ++k)
                    d.v[k] = dl.VtxBuffer[static_cast<int>(
                        cmd.VtxOffset + dl.IdxBuffer[static_cast<int>(cmd.IdxOffset + t) + k])];
                d.clip = cmd.ClipRect;
                d.texture = cmd.TextureId;
                d.blending = blending;
                out.push_back(d);
            }
        }
        CHECK(blending); // each draw list ends with blending on
    }
    return out;
}

bool same(const ImDrawVert& a, const ImDrawVert& b) {
    return a.pos.x == b.pos.x && a.pos.y == b.pos.y && a.uv.x == b.uv.x && a.uv.y == b.uv.y &&
           a.col == b.col;
}

} // namespace

TEST_CASE("opaque runs: the same triangles drawn, blending off only over opaque flat fills") {
    riposte::gui::test::HeadlessImgui imgui;
    ImGuiIO& io = ImGui::GetIO();
    ImGui::GetStyle().Colors[ImGuiCol_WindowBg].w = 1.0f; // opaque, as the dashboard has it
    for (int frame = 0; frame < 3; ++frame) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos({50, 50}, ImGuiCond_Always);
        ImGui::SetNextWindowSize({400, 300}, ImGuiCond_Always);
        ImGui::Begin("Simulation");
        ImGui::TextUnformatted("Injections");
        static char field[32] = "Metz";
        ImGui::InputText("Commune", field, sizeof field);
        if (ImGui::BeginTable("t", 2, ImGuiTableFlags_RowBg)) {
            for (int row = 0; row < 4; ++row) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted("Doses");
                ImGui::TableNextColumn();
                ImGui::TextUnformatted("1 000");
            }
            ImGui::EndTable();
        }
        ImGui::End();
        ImGui::SetNextWindowBgAlpha(0.85f); // a translucent window stays blended
        ImGui::SetNextWindowPos({500, 50}, ImGuiCond_Always);
        ImGui::SetNextWindowSize({200, 200}, ImGuiCond_Always);
        ImGui::Begin("Légende");
        ImGui::TextUnformatted("Vaccination");
        ImGui::End();
        ImGui::Render();
    }
    ImDrawData& data = *ImGui::GetDrawData();
    const std::vector<Drawn> before = drawn(data);
    const ImVec2 white = io.Fonts->TexUvWhitePixel;
    split_opaque_runs(data, white, &off, &on, 4000.0f);
    const std::vector<Drawn> after = drawn(data);

    REQUIRE(after.size() == before.size());
    int unblended = 0;
    bool background_unblended = false;
    for (std::size_t i = 0; i < after.size(); ++i) {
        const Drawn &a = after[i], &b = before[i];
        for (int k = 0; k < 3; ++k) CHECK(same(a.v[k], b.v[k]));
        CHECK(a.clip.x == b.clip.x);
        CHECK(a.clip.y == b.clip.y);
        CHECK(a.clip.z == b.clip.z);
        CHECK(a.clip.w == b.clip.w);
        CHECK(a.texture == b.texture);
        if (a.blending) continue;
        ++unblended;
        for (const ImDrawVert& v : a.v) {
            // only opaque flat triangles lose their blending: the same pixels either way
            CHECK((v.col >> IM_COL32_A_SHIFT & 0xFF) == 0xFF);
            CHECK(v.uv.x == white.x);
            CHECK(v.uv.y == white.y);
            // none of the translucent legend
            CHECK(v.pos.x < 500);
        }
        // the opaque window's background (its whole width, under its title bar)
        background_unblended =
            background_unblended || (a.v[0].pos.x <= 51 && a.v[0].pos.y >= 50 && a.v[0].pos.y < 90);
    }
    CHECK(unblended >= 2);
    CHECK(background_unblended);
}
