#include "map_view.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderStates.hpp>
#include <SFML/Graphics/View.hpp>

#include <algorithm>
#include <cmath>

namespace riposte::gui {
namespace {

constexpr unsigned disc_size = 128;

sf::Color to_sf(Rgba c) {
    return {c[0], c[1], c[2], c[3]};
}

sf::Vector2f to_sf(MapPoint p) {
    return {static_cast<float>(p.x), static_cast<float>(p.y)};
}

/// White disc, anti-aliased edge, rim at 60% brightness: tinted by the vertex colour it gives
/// a filled circle with a darker outline of the same hue.
sf::Image make_disc_image() {
    sf::Image img;
    img.create(disc_size, disc_size, sf::Color::Transparent);
    const double c = (disc_size - 1) / 2.0;
    const double r = c - 1.0;
    const double rim = disc_size / 14.0;
    for (unsigned y = 0; y < disc_size; ++y) {
        for (unsigned x = 0; x < disc_size; ++x) {
            const double d = std::hypot(x - c, y - c);
            const double alpha = std::clamp(r + 0.5 - d, 0.0, 1.0);
            const double in_rim = std::clamp(d - (r - rim) + 0.5, 0.0, 1.0);
            const double v = 255.0 * (1.0 - 0.4 * in_rim);
            const auto level = static_cast<sf::Uint8>(std::lround(v));
            img.setPixel(
                x, y,
                sf::Color(level, level, level, static_cast<sf::Uint8>(std::lround(255.0 * alpha))));
        }
    }
    return img;
}

/// Appends an axis-aligned square (two triangles) centred on `c`.
void add_square(sf::VertexArray& va, sf::Vector2f c, float half, sf::Color colour,
                sf::Vector2f tex_lo = {}, sf::Vector2f tex_hi = {}) {
    const sf::Vector2f p0{c.x - half, c.y - half}, p1{c.x + half, c.y - half},
        p2{c.x + half, c.y + half}, p3{c.x - half, c.y + half};
    const sf::Vector2f t0{tex_lo.x, tex_lo.y}, t1{tex_hi.x, tex_lo.y}, t2{tex_hi.x, tex_hi.y},
        t3{tex_lo.x, tex_hi.y};
    va.append({p0, colour, t0});
    va.append({p1, colour, t1});
    va.append({p2, colour, t2});
    va.append({p0, colour, t0});
    va.append({p2, colour, t2});
    va.append({p3, colour, t3});
}

} // namespace

MapView::MapView() : roads_(sf::Lines), communes_(sf::Triangles), centres_(sf::Triangles) {
    if (disc_.loadFromImage(make_disc_image())) {
        disc_.setSmooth(true);
        (void)disc_.generateMipmap(); // nicer small discs; plain smoothing if unsupported
    }
}

void MapView::set_scenario(std::shared_ptr<const Scenario> scenario,
                           std::shared_ptr<const MapGeometry> geometry) {
    scenario_ = std::move(scenario);
    geometry_ = std::move(geometry);
    roads_.clear();
    communes_.clear();
    centres_.clear();
    built_for_scale_ = -1;
    if (!scenario_ || !geometry_) return;

    const auto& pos = geometry_->commune_pos;
    const auto n = static_cast<int>(pos.size());
    const sf::Color road = to_sf(map_colours::road);
    for (const RoadEdge& e : scenario_->world.territory.edges) {
        if (e.a < 0 || e.b < 0 || e.a >= n || e.b >= n) continue;
        roads_.append({to_sf(pos[static_cast<std::size_t>(e.a)]), road});
        roads_.append({to_sf(pos[static_cast<std::size_t>(e.b)]), road});
    }
}

void MapView::set_commune_colours(std::vector<Rgba> colours) {
    commune_colours_ = std::move(colours);
    built_for_scale_ = -1; // rebuilt at the next draw
}

void MapView::rebuild_scaled_layers(const MapCamera& camera) {
    // Discs have a minimum size and markers a fixed size in pixels: both depend on the zoom.
    const MapGeometry& g = *geometry_;
    const double scale = camera.scale;
    communes_.clear();
    centres_.clear();
    const sf::Color commune = to_sf(map_colours::commune);
    const auto ts = static_cast<float>(disc_size);
    for (std::size_t i = 0; i < g.commune_pos.size(); ++i) {
        const double r_px =
            commune_radius_pixels(g, camera, static_cast<int>(i), min_commune_radius_px);
        const sf::Color colour = i < commune_colours_.size() ? to_sf(commune_colours_[i]) : commune;
        add_square(communes_, to_sf(g.commune_pos[i]), static_cast<float>(r_px / scale), colour,
                   {0, 0}, {ts, ts});
    }
    const sf::Color outline = to_sf(map_colours::centre_outline);
    const auto half = static_cast<float>(centre_marker_half_px / scale);
    const auto rim = static_cast<float>(1.5 / scale);
    for (std::size_t c = 0; c < g.centres_in_commune.size(); ++c) {
        const auto& here = g.centres_in_commune[c];
        for (std::size_t k = 0; k < here.size(); ++k) {
            const MapPoint off = centre_marker_offset(k, here.size());
            const sf::Vector2f at{static_cast<float>(g.commune_pos[c].x + off.x / scale),
                                  static_cast<float>(g.commune_pos[c].y + off.y / scale)};
            const auto& centre = scenario_->plan.centres[static_cast<std::size_t>(here[k])];
            add_square(centres_, at, half + rim, outline);
            add_square(centres_, at, half, to_sf(centre_colour(centre.kind)));
        }
    }
    built_for_scale_ = scale;
}

void MapView::draw(sf::RenderTarget& target, const MapCamera& camera) {
    if (!geometry_ || geometry_->empty() || !(camera.scale > 0)) return;
    if (camera.scale != built_for_scale_) rebuild_scaled_layers(camera);

    const sf::View before = target.getView();
    sf::View view(to_sf(camera.centre),
                  sf::Vector2f(static_cast<float>(camera.width / camera.scale),
                               static_cast<float>(camera.height / camera.scale)));
    target.setView(view);
    target.draw(roads_);
    sf::RenderStates disc_states;
    disc_states.texture = &disc_;
    target.draw(communes_, disc_states);
    target.draw(centres_);
    target.setView(before);
}

} // namespace riposte::gui
