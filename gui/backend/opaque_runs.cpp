#include "backend/opaque_runs.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace riposte::gui {

void split_opaque_runs(ImDrawData& data, ImVec2 white_uv, ImDrawCallback off, ImDrawCallback on,
                       float min_area) {
    std::vector<ImDrawCmd> out;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        ImDrawList& dl = *data.CmdLists[n];
        out.clear();
        bool unblended = false;
        const auto emit = [&](const ImDrawCmd& cmd, unsigned begin, unsigned end, bool opaque) {
            if (end <= begin) return;
            if (opaque != unblended) {
                ImDrawCmd toggle = cmd;
                toggle.UserCallback = opaque ? off : on;
                toggle.ElemCount = 0;
                out.push_back(toggle);
                unblended = opaque;
            }
            ImDrawCmd part = cmd;
            part.IdxOffset = cmd.IdxOffset + begin;
            part.ElemCount = end - begin;
            out.push_back(part);
        };
        for (const ImDrawCmd& cmd : dl.CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                if (unblended) {
                    ImDrawCmd toggle = cmd;
                    toggle.UserCallback = on;
                    toggle.ElemCount = 0;
                    out.push_back(toggle);
                    unblended = false;
                }
                out.push_back(cmd);
                continue;
            }
            const ImDrawIdx* idx = dl.IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vtx = dl.VtxBuffer.Data + cmd.VtxOffset;
            // runs: [run_begin, t) of one kind
            unsigned run_begin = 0;
            bool run_opaque = false;
            float run_area = 0;
            unsigned pending = 0; // start of the elements not yet emitted
            for (unsigned t = 0; t + 3 <= cmd.ElemCount; t += 3) {
                const ImDrawVert& a = vtx[idx[t]];
                const ImDrawVert& b = vtx[idx[t + 1]];
                const ImDrawVert& c = vtx[idx[t + 2]];
                const bool opaque = (a.col >> IM_COL32_A_SHIFT & 0xFF) == 0xFF &&
                                    (b.col >> IM_COL32_A_SHIFT & 0xFF) == 0xFF &&
                                    (c.col >> IM_COL32_A_SHIFT & 0xFF) == 0xFF &&
                                    a.uv.x == white_uv.x && a.uv.y == white_uv.y &&
                                    b.uv.x == white_uv.x && b.uv.y == white_uv.y &&
                                    c.uv.x == white_uv.x && c.uv.y == white_uv.y;
                if (opaque != run_opaque) {
                    if (run_opaque && run_area >= min_area) {
                        emit(cmd, pending, run_begin, false);
                        emit(cmd, run_begin, t, true);
                        pending = t;
                    }
                    run_begin = t;
                    run_opaque = opaque;
                    run_area = 0;
                }
                if (opaque)
                    run_area += 0.5f * std::abs((b.pos.x - a.pos.x) * (c.pos.y - a.pos.y) -
                                                (c.pos.x - a.pos.x) * (b.pos.y - a.pos.y));
            }
            if (run_opaque && run_area >= min_area) {
                emit(cmd, pending, run_begin, false);
                emit(cmd, run_begin, cmd.ElemCount, true);
            } else {
                emit(cmd, pending, cmd.ElemCount, false);
            }
        }
        if (unblended) {
            ImDrawCmd toggle = dl.CmdBuffer.back();
            toggle.UserCallback = on;
            toggle.ElemCount = 0;
            out.push_back(toggle);
        }
        dl.CmdBuffer.resize(static_cast<int>(out.size()));
        std::copy(out.begin(), out.end(), dl.CmdBuffer.Data);
    }
}

} // namespace riposte::gui
