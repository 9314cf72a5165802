#include "map_scene.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace riposte::gui {
namespace {

constexpr double commune_cell_px = 10;  ///< aggregation cells: 10 to 20 pixels
constexpr double marker_cell_px = 28;   ///< marker clusters: 28 to 56 pixels
constexpr std::size_t max_labels = 400; ///< names placed at most
constexpr float label_gap = 3;          ///< pixels between a disc and its name
constexpr double bucket_px = 64;        ///< label collision buckets
constexpr double roads_spacing_px = 18; ///< roads shown when communes are this far apart

/// The smallest power of two kilometres that is at least `pixels` on screen.
double power_of_two_cell(double pixels, double scale) {
    return std::exp2(std::ceil(std::log2(pixels / scale)));
}

std::uint64_t pack(long long x, long long y) {
    constexpr long long bias = 1LL << 31;
    return (static_cast<std::uint64_t>(x + bias) << 32) |
           static_cast<std::uint64_t>(static_cast<std::uint32_t>(y + bias));
}

long long unpack_x(std::uint64_t k) {
    return static_cast<long long>(k >> 32) - (1LL << 31);
}

long long unpack_y(std::uint64_t k) {
    return static_cast<long long>(k & 0xffffffffULL) - (1LL << 31);
}

Rgba with_alpha(Rgba c, std::uint8_t a) {
    c[3] = a;
    return c;
}

/// Alpha of an aggregated cell from its population: sparse land stays faint.
std::uint8_t cell_alpha(std::int64_t population, bool metric) {
    const double l = std::log10(static_cast<double>(population) + 1.0);
    const double lo = metric ? 150 : 70;
    return static_cast<std::uint8_t>(std::clamp(lo + 40.0 * (l - 2.0), lo, 235.0));
}

} // namespace

std::uint64_t MapScene::cell_key(MapPoint p) const {
    return pack(static_cast<long long>(std::floor(p.x / cell_km)),
                static_cast<long long>(std::floor(p.y / cell_km)));
}

int MapScene::cell_at(MapPoint p) const {
    if (!(cell_km > 0)) return -1;
    const std::uint64_t k = cell_key(p);
    const auto it = std::lower_bound(cell_keys.begin(), cell_keys.end(), k);
    if (it == cell_keys.end() || *it != k) return -1;
    return static_cast<int>(it - cell_keys.begin());
}

MapPoint MapScene::centre_marker_screen(int centre, const MapCamera& cam) const {
    if (centre < 0 || static_cast<std::size_t>(centre) >= centre_marker.size() ||
        centre_marker[static_cast<std::size_t>(centre)] < 0)
        return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    return cam.to_screen(
        markers[static_cast<std::size_t>(centre_marker[static_cast<std::size_t>(centre)])].at);
}

int MapScene::marker_at(MapPoint pixel, const MapCamera& cam) const {
    int best = -1;
    double best_d = 0;
    for (std::size_t m = 0; m < markers.size(); ++m) {
        const MapPoint p = cam.to_screen(markers[m].at);
        const double reach = markers[m].half_px + 3.0;
        const double dx = std::abs(p.x - pixel.x), dy = std::abs(p.y - pixel.y);
        if (dx > reach || dy > reach) continue;
        const double d = dx * dx + dy * dy;
        if (best < 0 || d < best_d) {
            best = static_cast<int>(m);
            best_d = d;
        }
    }
    return best;
}

bool MapSceneCache::update(const std::shared_ptr<const MapGeometry>& geometry,
                           const Scenario& scenario, const MapCamera& camera,
                           const std::shared_ptr<const MetricValues>& metric,
                           const LabelMetrics* labels) {
    if (!geometry || geometry->empty() || !(camera.scale > 0)) {
        if (key_.geometry == nullptr && scene_.version > 0) return false;
        key_ = {};
        geometry_.reset();
        metric_.reset();
        const std::uint64_t v = scene_.version + 1;
        scene_ = MapScene{};
        scene_.version = v;
        return true;
    }
    const MapGeometry& g = *geometry;
    const double scale = camera.scale;
    // the tiles (a screen's size) covering the view and half a screen around it
    const double tile = 0.25 * std::max(camera.width, camera.height) / scale;
    const MapPoint view_lo = camera.to_map({0, 0}),
                   view_hi = camera.to_map({camera.width, camera.height});
    const double mx = camera.width * 0.125 / scale, my = camera.height * 0.125 / scale;
    Key key;
    key.geometry = &g;
    key.scale = scale;
    key.tx0 = static_cast<long long>(std::floor((view_lo.x - mx) / tile));
    key.ty0 = static_cast<long long>(std::floor((view_lo.y - my) / tile));
    key.tx1 = static_cast<long long>(std::floor((view_hi.x + mx) / tile));
    key.ty1 = static_cast<long long>(std::floor((view_hi.y + my) / tile));
    key.metric = metric && metric->available ? metric.get() : nullptr;
    key.font = labels ? labels->font_size : 0;
    if (labels) {
        key.inset_titles = labels->inset_title_widths;
        key.inset_split_titles = labels->inset_title_split_widths;
    }
    if (key == key_) return false;
    key_ = key;
    geometry_ = geometry;
    metric_ = metric;
    const auto t0 = std::chrono::steady_clock::now();
    build(g, scenario, camera, key, tile, labels);
    longest_ms_ = std::max(
        longest_ms_,
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    return true;
}

std::pair<std::string, std::string> split_inset_title(const std::string& title) {
    std::size_t best = std::string::npos;
    const double middle = static_cast<double>(title.size()) / 2.0;
    for (std::size_t i = 1; i + 1 < title.size(); ++i)
        if ((title[i] == '-' || title[i] == ' ') &&
            (best == std::string::npos || std::abs(static_cast<double>(i) - middle) <
                                              std::abs(static_cast<double>(best) - middle)))
            best = i;
    if (best == std::string::npos) return {title, ""};
    if (title[best] == ' ') return {title.substr(0, best), title.substr(best + 1)};
    return {title.substr(0, best + 1), title.substr(best + 1)};
}

bool MapSceneCache::build(const MapGeometry& g, const Scenario& scenario, const MapCamera& camera,
                          const Key& key, double tile, const LabelMetrics* labels) {
    const double scale = camera.scale;
    MapScene& s = scene_;
    s.version += 1;
    s.scale = scale;
    s.cell_km = power_of_two_cell(commune_cell_px, scale);
    s.marker_cell_km = power_of_two_cell(marker_cell_px, scale);
    s.lo = {static_cast<double>(key.tx0) * tile, static_cast<double>(key.ty0) * tile};
    s.hi = {static_cast<double>(key.tx1 + 1) * tile, static_cast<double>(key.ty1 + 1) * tile};
    s.cells.clear();
    s.cell_keys.clear();
    s.discs.clear();
    s.roads.clear();
    s.markers.clear();
    s.marker_centres.clear();
    s.labels.clear();
    s.captions.clear();
    s.centre_marker.assign(scenario.plan.centres.size(), -1);
    const MetricValues* m = key.metric;
    const auto value_of = [&](int i) {
        return m && static_cast<std::size_t>(i) < m->value.size()
                   ? m->value[static_cast<std::size_t>(i)]
                   : std::numeric_limits<double>::quiet_NaN();
    };

    // The communes of the region, by cell.
    items_.clear();
    g.for_each_in(s.lo, s.hi, [&](int i) {
        items_.emplace_back(s.cell_key(g.commune_pos[static_cast<std::size_t>(i)]), i);
    });
    std::sort(items_.begin(), items_.end());
    is_disc_.assign(g.commune_pos.size(), 0);
    for (std::size_t a = 0; a < items_.size();) {
        std::size_t b = a + 1;
        while (b < items_.size() && items_[b].first == items_[a].first) ++b;
        if (b - a == 1) {
            const int i = items_[a].second;
            SceneDisc d;
            d.commune = i;
            d.radius_px =
                static_cast<float>(commune_radius_pixels(g, camera, i, min_commune_radius_px));
            const double v = value_of(i);
            d.colour = m ? commune_metric_colour(*m, v) : map_colours::commune;
            if (m) d.colour[3] = 220;
            s.discs.push_back(d);
            is_disc_[static_cast<std::size_t>(i)] = 1;
        } else {
            SceneCell c;
            const auto cx = static_cast<double>(unpack_x(items_[a].first));
            const auto cy = static_cast<double>(unpack_y(items_[a].first));
            c.lo = {cx * s.cell_km, cy * s.cell_km};
            c.hi = {(cx + 1) * s.cell_km, (cy + 1) * s.cell_km};
            double weighted = 0, weight = 0;
            for (std::size_t k = a; k < b; ++k) {
                const int i = items_[k].second;
                const std::int64_t pop = g.population[static_cast<std::size_t>(i)];
                c.population += pop;
                ++c.communes;
                if (c.top < 0 || pop > g.population[static_cast<std::size_t>(c.top)]) c.top = i;
                const double v = value_of(i);
                if (std::isfinite(v)) {
                    // an empty commune still counts a little (its value is shown)
                    const double w = static_cast<double>(std::max<std::int64_t>(pop, 1));
                    weighted += w * v;
                    weight += w;
                }
            }
            c.value = weight > 0 ? weighted / weight : std::numeric_limits<double>::quiet_NaN();
            c.colour = with_alpha(m ? commune_metric_colour(*m, c.value) : map_colours::commune,
                                  cell_alpha(c.population, m != nullptr));
            s.cells.push_back(c);
            s.cell_keys.push_back(items_[a].first);
        }
        a = b;
    }
    // roads between communes drawn as discs, once they are far enough apart to be told apart
    const bool roads = g.spacing * scale >= roads_spacing_px;
    for (std::size_t k0 = 0; roads && k0 < s.discs.size(); ++k0) {
        const SceneDisc& d = s.discs[k0];
        const auto i = static_cast<std::size_t>(d.commune);
        for (int k = g.road_start[i]; k < g.road_start[i + 1]; ++k) {
            const int j = g.road_to[static_cast<std::size_t>(k)];
            // no road from one inset to another (the Antilles' ferries) or to the mainland
            if (d.commune < j && is_disc_[static_cast<std::size_t>(j)] &&
                g.commune_inset[i] == g.commune_inset[static_cast<std::size_t>(j)])
                s.roads.push_back({d.commune, j});
        }
    }

    // Markers: the communes with centres, binned in marker cells.
    const auto& centres = scenario.plan.centres;
    items_.clear();
    g.for_each_in(s.lo, s.hi, [&](int i) {
        if (!g.centres_in_commune[static_cast<std::size_t>(i)].empty()) {
            const MapPoint p = g.commune_pos[static_cast<std::size_t>(i)];
            items_.emplace_back(pack(static_cast<long long>(std::floor(p.x / s.marker_cell_km)),
                                     static_cast<long long>(std::floor(p.y / s.marker_cell_km))),
                                i);
        }
    });
    std::sort(items_.begin(), items_.end());
    for (std::size_t a = 0; a < items_.size();) {
        std::size_t b = a + 1;
        while (b < items_.size() && items_[b].first == items_[a].first) ++b;
        SceneMarker mk;
        mk.first = static_cast<int>(s.marker_centres.size());
        mk.communes = static_cast<int>(b - a);
        std::array<int, 3> kinds{};
        std::size_t best_n = 0;
        for (std::size_t k = a; k < b; ++k) {
            const int i = items_[k].second;
            const auto& here = g.centres_in_commune[static_cast<std::size_t>(i)];
            // it stands on the commune with the most centres, then the most populous
            if (mk.commune < 0 || here.size() > best_n ||
                (here.size() == best_n && g.population[static_cast<std::size_t>(i)] >
                                              g.population[static_cast<std::size_t>(mk.commune)])) {
                mk.commune = i;
                best_n = here.size();
            }
            for (int c : here) {
                s.marker_centres.push_back(c);
                ++kinds[static_cast<std::size_t>(centres[static_cast<std::size_t>(c)].kind)];
            }
        }
        mk.count = static_cast<int>(s.marker_centres.size()) - mk.first;
        mk.at = g.commune_pos[static_cast<std::size_t>(mk.commune)];
        const auto major =
            static_cast<std::size_t>(std::max_element(kinds.begin(), kinds.end()) - kinds.begin());
        mk.colour = centre_colour(static_cast<CentreKind>(major));
        if (mk.count > 1) {
            std::snprintf(mk.text.data(), mk.text.size(), "%d", std::min(mk.count, 999999));
            const float digits = static_cast<float>(std::strlen(mk.text.data()));
            const float digit = labels ? labels->digit_width : 7.0f;
            const float height = labels ? labels->font_size : 13.0f;
            mk.half_px = std::max({7.0f, digits * digit * 0.5f + 3.0f, height * 0.5f + 1.0f});
        }
        const int index = static_cast<int>(s.markers.size());
        for (int k = mk.first; k < mk.first + mk.count; ++k)
            s.centre_marker[static_cast<std::size_t>(
                s.marker_centres[static_cast<std::size_t>(k)])] = index;
        s.markers.push_back(mk);
        a = b;
    }

    if (!labels || !labels->width) return true;
    // Names: greedy placement in (absolute) screen space, most important first.
    if (name_width_font_ != labels->font_size || name_width_.size() != g.commune_pos.size()) {
        name_width_.assign(g.commune_pos.size(), -1.0f);
        name_width_font_ = labels->font_size;
    }
    candidates_.clear();
    const auto priority = [&](int i) {
        return static_cast<double>(g.population[static_cast<std::size_t>(i)]) *
               (1.0 +
                static_cast<double>(g.centres_in_commune[static_cast<std::size_t>(i)].size()));
    };
    for (const SceneCell& c : s.cells)
        candidates_.push_back(
            {priority(c.top), c.top, static_cast<float>(s.cell_km * scale * 0.5)});
    for (const SceneDisc& d : s.discs)
        candidates_.push_back({priority(d.commune), d.commune, d.radius_px});
    std::sort(candidates_.begin(), candidates_.end(), [](const Candidate& a, const Candidate& b) {
        return a.priority != b.priority ? a.priority > b.priority : a.commune < b.commune;
    });
    boxes_.clear();
    std::unordered_map<std::uint64_t, std::vector<int>> buckets;
    const auto bucket_range = [](const std::array<float, 4>& r, auto&& f) {
        const auto x0 = static_cast<long long>(std::floor(r[0] / bucket_px));
        const auto x1 = static_cast<long long>(std::floor(r[2] / bucket_px));
        const auto y0 = static_cast<long long>(std::floor(r[1] / bucket_px));
        const auto y1 = static_cast<long long>(std::floor(r[3] / bucket_px));
        for (long long y = y0; y <= y1; ++y)
            for (long long x = x0; x <= x1; ++x) f(pack(x, y));
    };
    const auto add_box = [&](const std::array<float, 4>& r) {
        const int index = static_cast<int>(boxes_.size());
        boxes_.push_back(r);
        bucket_range(r, [&](std::uint64_t k) { buckets[k].push_back(index); });
    };
    const auto free = [&](const std::array<float, 4>& r) {
        bool ok = true;
        bucket_range(r, [&](std::uint64_t k) {
            if (!ok) return;
            const auto it = buckets.find(k);
            if (it == buckets.end()) return;
            for (int o : it->second) {
                const auto& b = boxes_[static_cast<std::size_t>(o)];
                if (r[0] < b[2] && b[0] < r[2] && r[1] < b[3] && b[1] < r[3]) {
                    ok = false;
                    return;
                }
            }
        });
        return ok;
    };
    for (const SceneMarker& mk : s.markers) {
        const auto x = static_cast<float>(mk.at.x * scale), y = static_cast<float>(mk.at.y * scale);
        add_box({x - mk.half_px - 1, y - mk.half_px - 1, x + mk.half_px + 1, y + mk.half_px + 1});
    }
    const float h = labels->font_size;
    // the insets' titles first: the names go around them. Each goes inside its frame, to the
    // first corner clear of the markers (bottom left, top left, bottom right, top right: a top
    // corner of the first row is often under the folded legend), in one line, else in two, else
    // the same at the smaller size; failing that, just below or above the frame if that is
    // clear of the markers and of the other frames. A title that fits nowhere is not drawn.
    std::vector<std::array<float, 4>> frames;
    for (const MapInset& inset : g.insets)
        frames.push_back(
            {static_cast<float>(inset.lo.x * scale), static_cast<float>(inset.lo.y * scale),
             static_cast<float>(inset.hi.x * scale), static_cast<float>(inset.hi.y * scale)});
    for (std::size_t k = 0; k < g.insets.size() && k < labels->inset_title_widths.size(); ++k) {
        const float one = labels->inset_title_widths[k];
        const float two = k < labels->inset_title_split_widths.size()
                              ? labels->inset_title_split_widths[k]
                              : 0.0f;
        const auto [x0, y0, x1, y1] = frames[k];
        const auto clear_of_frames = [&](const std::array<float, 4>& box) {
            for (std::size_t o = 0; o < frames.size(); ++o)
                if (o != k && box[0] < frames[o][2] && frames[o][0] < box[2] &&
                    box[1] < frames[o][3] && frames[o][1] < box[3])
                    return false;
            return true;
        };
        bool placed = false;
        for (const bool outside : {false, true})
            for (const float size : {1.0f, caption_small})
                for (const int lines : {1, 2}) {
                    if (placed || (lines == 2 && !(two > 0))) continue;
                    const float w = (lines == 1 ? one : two) * size,
                                th = h * size * static_cast<float>(lines);
                    if (x1 - x0 < w + 2 * caption_dx || (!outside && y1 - y0 < th + 2 * caption_dy))
                        continue;
                    // (right, bottom) corners inside; below then above outside
                    const std::array<std::array<bool, 2>, 4> inside{
                        {{false, true}, {false, false}, {true, true}, {true, false}}};
                    for (std::size_t pos = 0; pos < (outside ? 2 : 4) && !placed; ++pos) {
                        const bool right = !outside && inside[pos][0];
                        const bool bottom = outside ? pos == 0 : inside[pos][1];
                        const float left = right ? x1 - caption_dx - w : x0 + caption_dx;
                        const float top = outside
                                              ? (bottom ? y1 + 1 : y0 - 1 - th)
                                              : (bottom ? y1 - caption_dy - th : y0 + caption_dy);
                        const std::array<float, 4> box{left - 1, top, left + w + 1, top + th};
                        if (!free(box) || (outside && !clear_of_frames(box))) continue;
                        add_box(box);
                        s.captions.push_back(
                            {static_cast<int>(k), left - x0, top - y0, lines, size});
                        placed = true;
                    }
                }
    }
    const auto& communes = scenario.world.territory.communes;
    for (const Candidate& c : candidates_) {
        if (s.labels.size() >= max_labels) break;
        const auto ci = static_cast<std::size_t>(c.commune);
        float& w = name_width_[ci];
        if (w < 0) w = labels->width(communes[ci].name);
        const MapPoint p = g.commune_pos[ci];
        const auto x = static_cast<float>(p.x * scale), y = static_cast<float>(p.y * scale);
        // a commune with centres: its name clears its marker
        const float r =
            g.centres_in_commune[ci].empty()
                ? c.r
                : std::max(
                      c.r,
                      s.markers[static_cast<std::size_t>(s.centre_marker[static_cast<std::size_t>(
                                    g.centres_in_commune[ci][0])])]
                              .half_px +
                          1.0f);
        // right, left, below, above the disc
        const std::array<std::array<float, 2>, 4> offsets{{{r + label_gap, -h / 2},
                                                           {-r - label_gap - w, -h / 2},
                                                           {-w / 2, r + 1},
                                                           {-w / 2, -r - 1 - h}}};
        // an overseas commune's name stays inside its frame
        const int in_inset = ci < g.commune_inset.size() ? g.commune_inset[ci] : -1;
        const auto inside_frame = [&](const std::array<float, 4>& box) {
            if (in_inset < 0) return true;
            const MapInset& f = g.insets[static_cast<std::size_t>(in_inset)];
            return box[0] >= f.lo.x * scale && box[2] <= f.hi.x * scale &&
                   box[1] >= f.lo.y * scale && box[3] <= f.hi.y * scale;
        };
        for (const auto& o : offsets) {
            const std::array<float, 4> box{x + o[0] - 1, y + o[1], x + o[0] + w + 1, y + o[1] + h};
            if (!inside_frame(box) || !free(box)) continue;
            add_box(box);
            s.labels.push_back({c.commune, p, o[0], o[1], w, h});
            break;
        }
    }
    return true;
}

} // namespace riposte::gui
