#pragma once
// The dashboard application: the window and frame loop, the loaded scenario, the run worker.
// Uses SFML (window, events, map drawing) and the backend, never ImGui directly: panels do
// the ImGui drawing and are dispatched from App::draw().
#include "backend/imgui_sfml_backend.hpp"
#include "commands.hpp"
#include "map_view.hpp"
#include "options.hpp"
#include "riposte/run_worker.hpp"
#include "snapshot.hpp"
#include "ui_state.hpp"

#include <SFML/Graphics/RenderWindow.hpp>

#include <memory>
#include <optional>

namespace riposte::gui {

/// Loads the scenario files named in `options` (the bundled default when none) and prepares
/// the map geometry. Never throws: problems are diagnostics.
std::shared_ptr<const LoadedScenario> load_for_gui(const GuiOptions& options);

class App {
  public:
    explicit App(GuiOptions options);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    /// Opens the window and runs until it is closed (or the screenshot is saved).
    /// Returns the process exit code.
    int run();

  private:
    bool open_window();
    void handle_event(const sf::Event& event);
    void fit_map_if_needed();
    [[nodiscard]] Snapshot make_snapshot() const;
    void draw(const Snapshot& snapshot, Commands& commands);
    void apply(Commands& commands);
    [[nodiscard]] bool save_screenshot(const std::filesystem::path& file);
    [[nodiscard]] int screenshot_exit_code() const;

    GuiOptions options_;
    // Created by open_window(): constructing any SFML window (even closed) reaches for the
    // display, and SFML 2.5 aborts when there is none.
    std::optional<sf::RenderWindow> window_;
    ImguiSfmlBackend backend_;
    std::optional<MapView> map_; // needs the window's OpenGL context
    UiState ui_;
    std::shared_ptr<const LoadedScenario> loaded_;
    bool dragging_ = false;
    sf::Vector2i drag_last_;
    float fps_ = 0;         ///< frames per second over the last measuring window
    int fps_frames_ = 0;    ///< frames counted in the current window
    float fps_seconds_ = 0; ///< length of the current window so far
    RunWorker worker_;      // last: stopped and joined first on destruction
};

} // namespace riposte::gui
