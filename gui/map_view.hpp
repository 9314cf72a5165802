#pragma once
// The territory map drawn with SFML in a few batched draw calls (one vertex array per layer:
// roads, commune discs, centre markers), never one SFML shape per commune.
#include "map_geometry.hpp"

#include "riposte/scenario.hpp"

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <memory>
#include <vector>

namespace riposte::gui {

class MapView {
  public:
    MapView();
    /// Takes the geometry (and the scenario, kept alive for the centres' kinds) to draw.
    void set_scenario(std::shared_ptr<const Scenario> scenario,
                      std::shared_ptr<const MapGeometry> geometry);
    /// One colour per commune (a metric); empty: the default colour for all.
    void set_commune_colours(std::vector<Rgba> colours);
    /// Draws the map seen by `camera` (whose viewport is the whole target).
    void draw(sf::RenderTarget& target, const MapCamera& camera);

    /// Vertices in each layer (tests, benchmark).
    [[nodiscard]] std::size_t road_vertices() const { return roads_.getVertexCount(); }
    [[nodiscard]] std::size_t commune_vertices() const { return communes_.getVertexCount(); }
    [[nodiscard]] std::size_t centre_vertices() const { return centres_.getVertexCount(); }

  private:
    void rebuild_scaled_layers(const MapCamera& camera);

    std::shared_ptr<const Scenario> scenario_;
    std::shared_ptr<const MapGeometry> geometry_;
    sf::Texture disc_;                  ///< anti-aliased white disc with a darker rim
    sf::VertexArray roads_;             ///< lines, built once
    sf::VertexArray communes_;          ///< textured quads (two triangles each)
    sf::VertexArray centres_;           ///< squares with an outline
    std::vector<Rgba> commune_colours_; ///< per commune (empty: map_colours::commune)
    double built_for_scale_ = -1;       ///< camera scale the last two layers were built for
};

} // namespace riposte::gui
