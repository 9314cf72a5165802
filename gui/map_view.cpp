#include "map_view.hpp"

#include <SFML/Graphics/RenderStates.hpp>
#include <SFML/Graphics/View.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace riposte::gui {
namespace {

sf::Color to_sf(Rgba c) {
    return {c[0], c[1], c[2], c[3]};
}

sf::Vector2f to_sf(MapPoint p) {
    return {static_cast<float>(p.x), static_cast<float>(p.y)};
}

/// Appends a rectangle (two triangles).
void add_rect(sf::VertexArray& va, sf::Vector2f lo, sf::Vector2f hi, sf::Color colour) {
    va.append({lo, colour});
    va.append({{hi.x, lo.y}, colour});
    va.append({hi, colour});
    va.append({lo, colour});
    va.append({hi, colour});
    va.append({{lo.x, hi.y}, colour});
}

/// Inset frames' background.
const sf::Color frame_fill(36, 43, 56, 255);

/// `c` drawn over `ground`, as one opaque colour.
sf::Color opaque(Rgba c, Rgba ground) {
    const double a = c[3] / 255.0;
    const auto mix = [&](int k) {
        return static_cast<sf::Uint8>(std::lround(c[static_cast<std::size_t>(k)] * a +
                                                  ground[static_cast<std::size_t>(k)] * (1 - a)));
    };
    return {mix(0), mix(1), mix(2), 255};
}

/// Discs smaller than this (pixels of radius) are dots drawn as squares: a few pixels wide,
/// they look the same and cost a third.
constexpr float small_disc_px = 3.5f;

/// Segments of a disc of `r` pixels: few for small discs (software rendering on a projector
/// laptop draws thousands of them).
int disc_segments(double r) {
    return std::clamp(static_cast<int>(std::ceil(r * 0.9)), 6, 28);
}

} // namespace

MapView::MapView()
    : frames_(sf::Triangles), borders_(sf::Lines), roads_(sf::Lines), cells_(sf::Triangles),
      discs_(sf::Triangles), rims_(sf::Lines), centres_(sf::Triangles) {}

void MapView::set_scenario(std::shared_ptr<const Scenario> scenario,
                           std::shared_ptr<const MapGeometry> geometry) {
    scenario_ = std::move(scenario);
    geometry_ = std::move(geometry);
    frames_.clear();
    borders_.clear();
    roads_.clear();
    cells_.clear();
    discs_.clear();
    rims_.clear();
    centres_.clear();
    built_version_ = 0;
    built_scale_ = -1;
    cache_valid_ = false;
}

void MapView::rebuild(const MapScene& scene) {
    const MapGeometry& g = *geometry_;
    const double scale = scene.scale;
    frames_.clear();
    borders_.clear();
    roads_.clear();
    cells_.clear();
    discs_.clear();
    rims_.clear();
    centres_.clear();
    const sf::Color frame_line(120, 132, 150, 255);
    for (const MapInset& inset : g.insets) {
        const sf::Vector2f lo = to_sf(inset.lo), hi = to_sf(inset.hi);
        add_rect(frames_, lo, hi, frame_fill);
        const sf::Vector2f c[4] = {lo, {hi.x, lo.y}, hi, {lo.x, hi.y}};
        for (int k = 0; k < 4; ++k) {
            borders_.append({c[k], frame_line});
            borders_.append({c[(k + 1) % 4], frame_line});
        }
    }
    const sf::Color road = to_sf(map_colours::road);
    for (const auto& r : scene.roads) {
        roads_.append({to_sf(g.commune_pos[static_cast<std::size_t>(r[0])]), road});
        roads_.append({to_sf(g.commune_pos[static_cast<std::size_t>(r[1])]), road});
    }
    // Cells and discs are drawn opaque (their colour blended over the background here, once):
    // software OpenGL then writes their pixels without reading them back.
    const Rgba frame_rgba{frame_fill.r, frame_fill.g, frame_fill.b, 255};
    const auto ground = [&](int commune) {
        return g.commune_inset[static_cast<std::size_t>(commune)] >= 0 ? frame_rgba
                                                                       : map_colours::background;
    };
    const auto gap = static_cast<float>(0.5 / scale); // half a pixel between cells
    for (const SceneCell& c : scene.cells) {
        const sf::Vector2f lo = to_sf(c.lo), hi = to_sf(c.hi);
        add_rect(cells_, {lo.x + gap, lo.y + gap}, {hi.x - gap, hi.y - gap},
                 opaque(c.colour, ground(c.top)));
    }
    // the largest discs first: a town does not hide the villages around it
    disc_order_.resize(scene.discs.size());
    for (std::size_t k = 0; k < disc_order_.size(); ++k) disc_order_[k] = k;
    std::stable_sort(disc_order_.begin(), disc_order_.end(), [&](std::size_t a, std::size_t b) {
        return scene.discs[a].radius_px > scene.discs[b].radius_px;
    });
    for (std::size_t k : disc_order_) {
        const SceneDisc& d = scene.discs[k];
        const sf::Vector2f at = to_sf(g.commune_pos[static_cast<std::size_t>(d.commune)]);
        const double r = d.radius_px / scale;
        const int n = disc_segments(d.radius_px);
        const sf::Color fill = opaque(d.colour, ground(d.commune));
        if (d.radius_px < small_disc_px) { // a dot: a square, no outline
            const auto h = static_cast<float>(r);
            add_rect(discs_, {at.x - h, at.y - h}, {at.x + h, at.y + h}, fill);
            continue;
        }
        const sf::Color rim(static_cast<sf::Uint8>(d.colour[0] * 0.6),
                            static_cast<sf::Uint8>(d.colour[1] * 0.6),
                            static_cast<sf::Uint8>(d.colour[2] * 0.6), 255);
        sf::Vector2f prev{at.x + static_cast<float>(r), at.y};
        for (int seg = 1; seg <= n; ++seg) {
            const double a = 2 * std::numbers::pi * seg / n;
            const sf::Vector2f next{at.x + static_cast<float>(r * std::cos(a)),
                                    at.y + static_cast<float>(r * std::sin(a))};
            discs_.append({at, fill});
            discs_.append({prev, fill});
            discs_.append({next, fill});
            rims_.append({prev, rim});
            rims_.append({next, rim});
            prev = next;
        }
    }
    const sf::Color outline = to_sf(map_colours::centre_outline);
    const auto rim = static_cast<float>(1.5 / scale);
    for (const SceneMarker& m : scene.markers) {
        const sf::Vector2f at = to_sf(m.at);
        const auto half = static_cast<float>(m.half_px / scale);
        add_rect(centres_, {at.x - half - rim, at.y - half - rim},
                 {at.x + half + rim, at.y + half + rim}, outline);
        add_rect(centres_, {at.x - half, at.y - half}, {at.x + half, at.y + half}, to_sf(m.colour));
    }
    built_version_ = scene.version;
    built_scale_ = scale;
}

void MapView::draw(sf::RenderTarget& target, const MapCamera& camera, const MapScene& scene) {
    if (!geometry_ || geometry_->empty() || !(camera.scale > 0) || scene.version == 0) return;
    if (scene.version != built_version_) rebuild(scene);

    const sf::View view(to_sf(camera.centre),
                        sf::Vector2f(static_cast<float>(camera.width / camera.scale),
                                     static_cast<float>(camera.height / camera.scale)));
    const std::size_t vertices = frames_.getVertexCount() + borders_.getVertexCount() +
                                 roads_.getVertexCount() + cells_.getVertexCount() +
                                 discs_.getVertexCount() + rims_.getVertexCount() +
                                 centres_.getVertexCount();
    if (vertices < cache_min_vertices) {
        draw_layers(target, view);
        return;
    }
    const sf::Vector2u size = target.getSize();
    const std::array<double, 6> key{static_cast<double>(scene.version),
                                    camera.centre.x,
                                    camera.centre.y,
                                    camera.scale,
                                    camera.width,
                                    camera.height};
    if (!cache_valid_ || key != cache_key_ || !cache_ || cache_->getSize() != size) {
        if (!cache_ || cache_->getSize() != size) {
            cache_.emplace();
            if (!cache_->create(size.x, size.y)) { // no picture: draw the map each frame
                cache_.reset();
                cache_valid_ = false;
                draw_layers(target, view);
                return;
            }
        }
        cache_->clear(to_sf(map_colours::background));
        draw_layers(*cache_, view);
        cache_->display();
        cache_key_ = key;
        cache_valid_ = true;
        ++cache_redraws_;
    }
    // one quad, texel for pixel, replacing what is under it (the window's clear colour)
    const sf::View before = target.getView();
    target.setView(target.getDefaultView());
    sf::VertexArray quad(sf::TriangleStrip, 4);
    const auto w = static_cast<float>(size.x), h = static_cast<float>(size.y);
    quad[0] = sf::Vertex({0, 0}, {0, 0});
    quad[1] = sf::Vertex({w, 0}, {w, 0});
    quad[2] = sf::Vertex({0, h}, {0, h});
    quad[3] = sf::Vertex({w, h}, {w, h});
    sf::RenderStates states;
    states.blendMode = sf::BlendNone;
    states.texture = &cache_->getTexture();
    target.draw(quad, states);
    target.setView(before);
}

void MapView::draw_layers(sf::RenderTarget& target, const sf::View& view) {
    const sf::View before = target.getView();
    target.setView(view);
    target.draw(frames_);
    target.draw(borders_);
    target.draw(roads_);
    sf::RenderStates opaque_states;
    opaque_states.blendMode = sf::BlendNone;
    target.draw(cells_, opaque_states);
    target.draw(discs_, opaque_states);
    target.draw(rims_);
    target.draw(centres_);
    target.setView(before);
}

} // namespace riposte::gui
