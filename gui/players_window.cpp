#include "players_window.hpp"

#include "panels.hpp"

#include <SFML/Graphics/View.hpp>
#include <SFML/Window/Event.hpp>

#include <string_view>

namespace riposte::gui {

PlayersWindow::~PlayersWindow() {
    close();
}

bool PlayersWindow::open(std::shared_ptr<const LoadedScenario> loaded, Lang lang, unsigned width,
                         unsigned height) {
    loaded_ = std::move(loaded);
    ui_.lang = lang;
    sf::ContextSettings settings; // compatibility profile, as the main window
    window_.emplace();
    const std::string_view title = tr(lang, Text::PlayersTitle);
    window_->create(sf::VideoMode(width, height), sf::String::fromUtf8(title.begin(), title.end()),
                    sf::Style::Default, settings);
    if (!window_->isOpen()) return false;
    window_->setFramerateLimit(60);
    if (!backend_.init(*window_)) return false;
    map_.emplace();
    if (loaded_) map_->set_scenario(loaded_->scenario, loaded_->map);
    clock_.restart();
    return true;
}

void PlayersWindow::inject_event(const sf::Event& event) {
    backend_.process_event(event);
    if (event.type == sf::Event::Resized) {
        const auto w = static_cast<float>(event.size.width);
        const auto h = static_cast<float>(event.size.height);
        window_->setView(sf::View(sf::FloatRect(0, 0, w, h)));
        ui_.camera_fitted = false;
    }
    // the players' window is not closed by the players: the facilitator ends the session
}

void PlayersWindow::frame(const Snapshot& snapshot, std::uint64_t& next_request, Commands& commands,
                          bool present) {
    if (!is_open()) return;
    sf::Event event;
    while (window_->pollEvent(event)) inject_event(event);
    const sf::Vector2u size = window_->getSize();
    ui_.camera.resize(size.x, size.y);
    if (!ui_.camera_fitted && loaded_ && loaded_->map) {
        // the map between the messages (left) and the KPIs and forms (right)
        ScreenInsets insets;
        insets.left = insets.right = size.x * 0.34 + 2 * panel_margin;
        insets.top = insets.bottom = panel_margin;
        ui_.fit_scale = ui_.camera.fit(*loaded_->map, insets);
        ui_.camera_fitted = true;
    }
    backend_.set_large_font(ui_.large_font);
    backend_.new_frame(*window_, clock_.restart().asSeconds());
    draw_players_panels(snapshot, ui_, next_request, commands);
    // after the panels: the map's texts keep clear of them
    if (loaded_) draw_map_layer_texts(*loaded_, ui_.map_scene, ui_.camera, ui_.lang);
    window_->resetGLStates();
    window_->clear(sf::Color(map_colours::background[0], map_colours::background[1],
                             map_colours::background[2]));
    map_->draw(*window_, ui_.camera, ui_.map_scene.scene());
    backend_.render(*window_);
    if (present) window_->display();
}

void PlayersWindow::close() {
    if (window_ && window_->isOpen()) {
        (void)window_->setActive(true);
        backend_.shutdown();
        window_->close();
    }
}

} // namespace riposte::gui
