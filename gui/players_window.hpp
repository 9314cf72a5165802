#pragma once
// The players' screen (the crisis cell's projector): a second SFML window with its own ImGui
// context, beside the facilitator's. It draws from the same Snapshot as the console: the map,
// the injects as messages once they fired (never the upcoming ones, never controller notes),
// the KPIs the objectives name, and the decision forms. Uses SFML and the backend, never ImGui
// directly (the panels draw).
#include "backend/imgui_sfml_backend.hpp"
#include "commands.hpp"
#include "layout_audit.hpp"
#include "map_view.hpp"
#include "snapshot.hpp"
#include "ui_state.hpp"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Clock.hpp>

#include <optional>

namespace riposte::gui {

class PlayersWindow {
  public:
    PlayersWindow() = default;
    ~PlayersWindow();
    PlayersWindow(const PlayersWindow&) = delete;
    PlayersWindow& operator=(const PlayersWindow&) = delete;

    /// Opens the window for the loaded scenario; false when it cannot.
    bool open(std::shared_ptr<const LoadedScenario> loaded, Lang lang, unsigned width,
              unsigned height);
    [[nodiscard]] bool is_open() const { return window_ && window_->isOpen(); }
    /// Handles its events and draws one frame from `snapshot`; decisions go to `commands`
    /// (numbered from `next_request`, shared with the console).
    void frame(const Snapshot& snapshot, std::uint64_t& next_request, Commands& commands,
               bool present = true);
    /// Feeds an input event as the window would (tests).
    void inject_event(const sf::Event& event);
    /// The layout audit of its last frame drawn (--layout-audit).
    [[nodiscard]] LayoutAudit audit() {
        backend_.make_current();
        return audit_layout();
    }
    void close();
    [[nodiscard]] PlayersUi& ui() { return ui_; }
    [[nodiscard]] sf::RenderWindow* window() { return window_ ? &*window_ : nullptr; }

  private:
    std::optional<sf::RenderWindow> window_;
    ImguiSfmlBackend backend_;
    std::optional<MapView> map_;
    std::shared_ptr<const LoadedScenario> loaded_;
    PlayersUi ui_;
    sf::Clock clock_;
};

} // namespace riposte::gui
