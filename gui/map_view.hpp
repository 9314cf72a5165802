#pragma once
// The territory map drawn with SFML in a few batched draw calls (one vertex array per layer:
// inset frames, roads, aggregated cells, commune discs, centre markers), never one SFML shape
// per commune. It draws a MapScene (map_scene.hpp): only what the view shows, rebuilt only when
// the scene changes; panning moves the SFML view, nothing else.
#include "map_geometry.hpp"
#include "map_scene.hpp"

#include "riposte/scenario.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/Graphics/View.hpp>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace riposte::gui {

class MapView {
  public:
    MapView();
    /// Takes the geometry (and the scenario, kept alive for the centres' kinds) to draw.
    void set_scenario(std::shared_ptr<const Scenario> scenario,
                      std::shared_ptr<const MapGeometry> geometry);
    /// Draws `scene` (built for this geometry) seen by `camera` (whose viewport is the whole
    /// target, drawn with its pixel view). A map of `cache_min_vertices` vertices or more is
    /// drawn into a picture of the target's size, kept while the scene and the camera stay the
    /// same, and copied in one quad: with software OpenGL, thousands of communes' triangles cost
    /// more than the copy (a small map is cheaper to draw again).
    void draw(sf::RenderTarget& target, const MapCamera& camera, const MapScene& scene);
    static constexpr std::size_t cache_min_vertices = 20000;
    /// Times the map was drawn into its cached picture (tests, benchmark).
    [[nodiscard]] int cache_redraws() const { return cache_redraws_; }

    /// Vertices in each layer (tests, benchmark).
    [[nodiscard]] std::size_t road_vertices() const { return roads_.getVertexCount(); }
    [[nodiscard]] std::size_t commune_vertices() const {
        return cells_.getVertexCount() + discs_.getVertexCount();
    }
    [[nodiscard]] std::size_t centre_vertices() const { return centres_.getVertexCount(); }

  private:
    void rebuild(const MapScene& scene);
    void draw_layers(sf::RenderTarget& target, const sf::View& view);

    std::shared_ptr<const Scenario> scenario_;
    std::shared_ptr<const MapGeometry> geometry_;
    sf::VertexArray frames_;              ///< inset frames: filled backgrounds (triangles)
    sf::VertexArray borders_;             ///< inset frames: outlines (lines)
    sf::VertexArray roads_;               ///< lines between communes drawn as discs
    sf::VertexArray cells_;               ///< aggregated cells (triangles)
    sf::VertexArray discs_;               ///< commune discs, few segments (triangles)
    sf::VertexArray rims_;                ///< their darker outlines (lines)
    sf::VertexArray centres_;             ///< squares with an outline
    std::vector<std::size_t> disc_order_; ///< discs, largest first (reused)
    std::uint64_t built_version_ = 0;     ///< scene version the layers were built from
    double built_scale_ = -1;
    std::optional<sf::RenderTexture> cache_; ///< the map drawn for cache_key_
    std::array<double, 6> cache_key_{};      ///< scene version, camera centre, scale, size
    bool cache_valid_ = false;
    int cache_redraws_ = 0;
};

} // namespace riposte::gui
