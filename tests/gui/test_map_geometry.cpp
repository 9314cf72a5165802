#include "map_geometry.hpp"
#include "map_scene.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

using namespace riposte;
using namespace riposte::gui;

namespace {

Scenario three_communes() {
    Scenario s;
    auto& c = s.world.territory.communes;
    // Around Metz (49.1 N, 6.2 E): a big town, a village east, a village north.
    c.push_back({"57463", "Metz", 120000, 49.1193, 6.1757});
    c.push_back({"57001", "Est", 1000, 49.1193, 6.3757});
    c.push_back({"57002", "Nord", 4000, 49.2193, 6.1757});
    s.world.territory.edges.push_back({0, 1, 15, 18});
    Centre centre;
    centre.name = "CV Metz";
    centre.commune = 0;
    s.plan.centres.push_back(centre);
    Centre bad;
    bad.commune = 99; // out of range: ignored, not a crash
    s.plan.centres.push_back(bad);
    return s;
}

} // namespace

TEST_CASE("projection: east is +x, north is -y, distances in km") {
    const MapGeometry g = build_map_geometry(three_communes());
    REQUIRE(g.commune_pos.size() == 3);
    const MapPoint metz = g.commune_pos[0], est = g.commune_pos[1], nord = g.commune_pos[2];
    CHECK(est.x > metz.x);
    CHECK(est.y == doctest::Approx(metz.y));
    CHECK(nord.y < metz.y);
    CHECK(nord.x == doctest::Approx(metz.x));
    // 0.2 degree of longitude at 49.15 N is about 14.6 km; 0.1 degree of latitude 11.06 km.
    CHECK(est.x - metz.x == doctest::Approx(14.6).epsilon(0.02));
    CHECK(metz.y - nord.y == doctest::Approx(11.06).epsilon(0.01));
}

TEST_CASE("disc area grows with population, centres are indexed by commune") {
    const MapGeometry g = build_map_geometry(three_communes());
    CHECK(g.commune_radius[0] > g.commune_radius[2]);
    CHECK(g.commune_radius[2] > g.commune_radius[1]);
    REQUIRE(g.centres_in_commune.size() == 3);
    CHECK(g.centres_in_commune[0] == std::vector<int>{0});
    CHECK(g.centres_in_commune[1].empty());
    CHECK(g.by_population == std::vector<int>{0, 2, 1});
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(g.min.x <= g.commune_pos[i].x - g.commune_radius[i] + 1e-9);
        CHECK(g.max.y >= g.commune_pos[i].y + g.commune_radius[i] - 1e-9);
    }
}

TEST_CASE("an empty territory gives an empty geometry") {
    const MapGeometry g = build_map_geometry(Scenario{});
    CHECK(g.empty());
    MapCamera cam;
    cam.resize(800, 600);
    CHECK(cam.fit(g, {}) == 1.0);
}

TEST_CASE("camera: screen and map coordinates round-trip, zoom keeps the anchor") {
    MapCamera cam;
    cam.resize(800, 600);
    cam.centre = {10, -5};
    cam.scale = 4;
    const MapPoint p{12.5, 3.25};
    const MapPoint back = cam.to_map(cam.to_screen(p));
    CHECK(back.x == doctest::Approx(p.x));
    CHECK(back.y == doctest::Approx(p.y));
    CHECK(cam.to_screen(cam.centre).x == doctest::Approx(400));

    const MapPoint pixel{100, 500};
    const MapPoint under = cam.to_map(pixel);
    cam.zoom_at(pixel, 2.0, 0.1, 100);
    CHECK(cam.scale == doctest::Approx(8));
    CHECK(cam.to_map(pixel).x == doctest::Approx(under.x));
    CHECK(cam.to_map(pixel).y == doctest::Approx(under.y));
    cam.zoom_at(pixel, 1000.0, 0.1, 100);
    CHECK(cam.scale == doctest::Approx(100)); // clamped
    cam.zoom_at(pixel, 0.0, 0.1, 100);        // ignored
    CHECK(cam.scale == doctest::Approx(100));

    const MapPoint before = cam.to_screen(p);
    cam.pan_pixels(30, -20);
    CHECK(cam.to_screen(p).x == doctest::Approx(before.x + 30));
    CHECK(cam.to_screen(p).y == doctest::Approx(before.y - 20));
}

TEST_CASE("fit puts the whole map inside the free area") {
    const MapGeometry g = build_map_geometry(three_communes());
    MapCamera cam;
    cam.resize(1280, 800);
    const ScreenInsets insets{420, 36, 420, 10};
    cam.fit(g, insets);
    const MapPoint lo = cam.to_screen(g.min), hi = cam.to_screen(g.max);
    CHECK(lo.x >= insets.left - 1e-6);
    CHECK(hi.x <= 1280 - insets.right + 1e-6);
    CHECK(lo.y >= insets.top - 1e-6);
    CHECK(hi.y <= 800 - insets.bottom + 1e-6);
    // It fills the free area in at least one direction.
    const bool fills_w = std::abs((hi.x - lo.x) - (1280 - 840)) < 1e-6;
    const bool fills_h = std::abs((hi.y - lo.y) - (800 - 46)) < 1e-6;
    CHECK((fills_w || fills_h));
}

TEST_CASE("hit testing finds the commune under the mouse, -1 elsewhere") {
    const MapGeometry g = build_map_geometry(three_communes());
    MapCamera cam;
    cam.resize(1000, 1000);
    cam.fit(g, {});
    for (int i = 0; i < 3; ++i) {
        const MapPoint s = cam.to_screen(g.commune_pos[static_cast<std::size_t>(i)]);
        CHECK(find_commune_at(g, cam, s, min_commune_radius_px, 0) == i);
    }
    CHECK(find_commune_at(g, cam, {-50, -50}, min_commune_radius_px, 0) == -1);
    // A minimum radius in pixels makes a tiny disc clickable.
    const MapPoint est = cam.to_screen(g.commune_pos[1]);
    CHECK(find_commune_at(g, cam, {est.x + 0.9 * commune_radius_pixels(g, cam, 1, 20), est.y}, 20,
                          0) == 1);
}

namespace {

/// A mainland grid of 20 x 20 communes 0.05 degree apart around (46 N, 2 E), populations
/// varying, three centres in commune 0 and one in commune 210; plus three overseas communes
/// (two in Guadeloupe, one in La Réunion).
Scenario grid_with_overseas() {
    Scenario s;
    auto& c = s.world.territory.communes;
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x) {
            const int i = y * 20 + x;
            c.push_back({"01" + std::to_string(100 + i), "Commune" + std::to_string(i),
                         100 + (i * 7919) % 20000, 46.0 + 0.05 * y, 2.0 + 0.05 * x});
        }
    c.push_back({"97101", "Les Abymes", 53000, 16.27, -61.50});
    c.push_back({"97102", "Anse-Bertrand", 4000, 16.47, -61.51});
    c.push_back({"97411", "Saint-Denis", 150000, -20.88, 55.45});
    for (int k = 0; k < 3; ++k) {
        Centre centre;
        centre.name = "CV " + std::to_string(k);
        centre.commune = 0;
        s.plan.centres.push_back(centre);
    }
    Centre other;
    other.name = "CV far";
    other.commune = 210;
    s.plan.centres.push_back(other);
    return s;
}

LabelMetrics fixed_width_labels() {
    LabelMetrics m;
    m.font_size = 13;
    m.digit_width = 7;
    m.width = [](const std::string& t) { return 7.0f * static_cast<float>(t.size()); };
    return m;
}

/// The grid world with two overseas insets, fitted in an 800 x 600 view.
struct InsetView {
    Scenario s = grid_with_overseas();
    std::shared_ptr<const MapGeometry> g =
        std::make_shared<const MapGeometry>(build_map_geometry(s));
    MapCamera cam = fitted(*g);
    /// The first inset frame's width on screen.
    [[nodiscard]] float frame_px() const {
        return static_cast<float>((g->insets[0].hi.x - g->insets[0].lo.x) * cam.scale);
    }
    static MapCamera fitted(const MapGeometry& geometry) {
        MapCamera c;
        c.resize(800, 600);
        c.fit(geometry, {});
        return c;
    }
};

/// The screen box of a placed inset title, from the widths the scene was given.
std::array<float, 4> caption_box(const MapGeometry& g, const MapCamera& cam,
                                 const LabelMetrics& labels, const SceneCaption& c) {
    const auto k = static_cast<std::size_t>(c.inset);
    const MapPoint lo = cam.to_screen(g.insets[k].lo);
    const float w =
        (c.lines == 2 ? labels.inset_title_split_widths[k] : labels.inset_title_widths[k]) *
        c.scale;
    const auto x = static_cast<float>(lo.x) + c.dx, y = static_cast<float>(lo.y) + c.dy;
    return {x, y, x + w, y + labels.font_size * c.scale * static_cast<float>(c.lines)};
}

bool boxes_overlap(const std::array<float, 4>& a, const std::array<float, 4>& b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

} // namespace

TEST_CASE("overseas communes go to framed insets with their own scale, left of the mainland") {
    const MapGeometry g = build_map_geometry(grid_with_overseas());
    REQUIRE(g.insets.size() == 2);
    CHECK(g.insets[0].code == "971");
    CHECK(g.insets[1].code == "974");
    CHECK(g.insets[0].communes == 2);
    CHECK(g.commune_inset[0] == -1);
    CHECK(g.commune_inset[400] == 0);
    CHECK(g.commune_inset[402] == 1);
    for (std::size_t i = 400; i < 403; ++i) {
        const MapInset& f = g.insets[static_cast<std::size_t>(g.commune_inset[i])];
        CHECK(g.commune_pos[i].x > f.lo.x);
        CHECK(g.commune_pos[i].x < f.hi.x);
        CHECK(g.commune_pos[i].y > f.lo.y);
        CHECK(g.commune_pos[i].y < f.hi.y);
        CHECK(f.hi.x < g.main_min.x); // left of the mainland
    }
    // Guadeloupe's two communes, 22 km apart, are spread over the frame (own scale > 1)
    CHECK(g.insets[0].scale > 1.0);
    // the mainland keeps its true distances: 0.05 degree of latitude is 5.5 km
    CHECK(g.commune_pos[0].y - g.commune_pos[20].y == doctest::Approx(5.53).epsilon(0.01));
    // the frames are inside the fitted box
    CHECK(g.min.x <= g.insets[0].lo.x);
}

TEST_CASE("map scene: cells at low zoom, one marker with its count, names never overlap") {
    const Scenario s = grid_with_overseas();
    const auto g = std::make_shared<const MapGeometry>(build_map_geometry(s));
    MapCamera cam;
    cam.resize(200, 150); // a small window: the mainland's communes ~7 px apart
    cam.fit(*g, {});
    MapSceneCache cache;
    const LabelMetrics labels = fixed_width_labels();
    REQUIRE(cache.update(g, s, cam, nullptr, &labels));
    const MapScene fitted = cache.scene();
    // fitted, the 400 communes are gathered in cells, no disc soup
    CHECK(fitted.cells.size() > 10);
    std::int64_t in_cells = 0;
    for (const SceneCell& c : fitted.cells) in_cells += c.communes;
    CHECK(in_cells + static_cast<std::int64_t>(fitted.discs.size()) == 403);
    // commune 0's three centres: one marker with "3", not a row of squares
    const int m0 = fitted.centre_marker[0];
    REQUIRE(m0 >= 0);
    CHECK(fitted.centre_marker[1] == m0);
    CHECK(fitted.centre_marker[2] == m0);
    CHECK(fitted.markers[static_cast<std::size_t>(m0)].count >= 3);
    CHECK(std::string(fitted.markers[static_cast<std::size_t>(m0)].text.data()) ==
          std::to_string(fitted.markers[static_cast<std::size_t>(m0)].count));

    // zoomed in: communes one by one, each marker for its own commune
    const MapCamera small = cam;
    cam.resize(800, 600);
    cam.fit(*g, {});
    cam.zoom_at({400, 300}, 4, 0.01, 1e6);
    cam.centre = g->commune_pos[0];
    REQUIRE(cache.update(g, s, cam, nullptr, &labels));
    const MapScene& zoomed = cache.scene();
    CHECK(zoomed.cells.empty());
    CHECK(zoomed.discs.size() > 20);
    const SceneMarker& mk = zoomed.markers[static_cast<std::size_t>(zoomed.centre_marker[0])];
    CHECK(mk.communes == 1);
    CHECK(mk.count == 3);
    CHECK(std::string(mk.text.data()) == "3");
    const MapPoint at = zoomed.centre_marker_screen(0, cam);
    const MapPoint expected = cam.to_screen(g->commune_pos[0]);
    CHECK(at.x == doctest::Approx(expected.x));
    CHECK(at.y == doctest::Approx(expected.y));
    CHECK(zoomed.marker_at(at, cam) == zoomed.centre_marker[0]);

    // names: placed, none over another, none over a marker
    for (const MapScene* scene : {&fitted, &zoomed}) {
        const MapScene& sc = *scene;
        const MapCamera& view = scene == &fitted ? small : cam;
        REQUIRE_FALSE(sc.labels.empty());
        std::vector<std::array<float, 4>> boxes;
        for (const SceneLabel& l : sc.labels) {
            const MapPoint p = view.to_screen(l.anchor);
            boxes.push_back({static_cast<float>(p.x) + l.dx, static_cast<float>(p.y) + l.dy,
                             static_cast<float>(p.x) + l.dx + l.w,
                             static_cast<float>(p.y) + l.dy + l.h});
        }
        for (std::size_t a = 0; a < boxes.size(); ++a)
            for (std::size_t b = a + 1; b < boxes.size(); ++b)
                CHECK_FALSE(boxes_overlap(boxes[a], boxes[b]));
        if (scene == &zoomed)
            for (const SceneMarker& m : sc.markers) {
                const MapPoint p = cam.to_screen(m.at);
                const std::array<float, 4> box{
                    static_cast<float>(p.x) - m.half_px, static_cast<float>(p.y) - m.half_px,
                    static_cast<float>(p.x) + m.half_px, static_cast<float>(p.y) + m.half_px};
                for (const auto& l : boxes) CHECK_FALSE(boxes_overlap(l, box));
            }
    }
}

TEST_CASE("map scene: panning within the scene does not rebuild it, names stay on their communes") {
    const Scenario s = grid_with_overseas();
    const auto g = std::make_shared<const MapGeometry>(build_map_geometry(s));
    MapCamera cam;
    cam.resize(800, 600);
    cam.fit(*g, {});
    cam.zoom_at({400, 300}, 4, 0.01, 1e6);
    MapSceneCache cache;
    const LabelMetrics labels = fixed_width_labels();
    REQUIRE(cache.update(g, s, cam, nullptr, &labels));
    const std::uint64_t version = cache.scene().version;
    const std::vector<SceneLabel> before = cache.scene().labels;
    cam.pan_pixels(3, -2);
    CHECK_FALSE(cache.update(g, s, cam, nullptr, &labels));
    CHECK(cache.scene().version == version);
    // a pan far away rebuilds; coming back gives the same names at the same places
    cam.pan_pixels(2000, 0);
    CHECK(cache.update(g, s, cam, nullptr, &labels));
    cam.pan_pixels(-2000, 0);
    CHECK(cache.update(g, s, cam, nullptr, &labels));
    const std::vector<SceneLabel>& after = cache.scene().labels;
    REQUIRE(after.size() == before.size());
    for (std::size_t k = 0; k < after.size(); ++k) {
        CHECK(after[k].commune == before[k].commune);
        CHECK(after[k].dx == doctest::Approx(before[k].dx));
        CHECK(after[k].dy == doctest::Approx(before[k].dy));
    }
}

TEST_CASE("map scene: the insets' titles are placed first, names clear them and stay in frame") {
    const InsetView view;
    const Scenario& s = view.s;
    const auto& g = view.g;
    REQUIRE(g->insets.size() == 2);
    const MapCamera& cam = view.cam;
    MapSceneCache cache;
    LabelMetrics labels = fixed_width_labels();
    // titles as wide as the frames allow: every name near a frame's top left must go around
    const float frame_px = view.frame_px();
    labels.inset_title_widths = {frame_px - 2 * caption_dx - 1, 70};
    REQUIRE(cache.update(g, s, cam, nullptr, &labels));
    const MapScene& scene = cache.scene();
    REQUIRE(scene.captions.size() == 2);
    const auto box_of_caption = [&](const SceneCaption& c) {
        return caption_box(*g, cam, labels, c);
    };
    // the titles clear the markers (a title whose top corner has one goes to the bottom)
    for (const SceneCaption& c : scene.captions)
        for (const SceneMarker& m : scene.markers) {
            const MapPoint p = cam.to_screen(m.at);
            const std::array<float, 4> box{
                static_cast<float>(p.x) - m.half_px, static_cast<float>(p.y) - m.half_px,
                static_cast<float>(p.x) + m.half_px, static_cast<float>(p.y) + m.half_px};
            CHECK_FALSE(boxes_overlap(box, box_of_caption(c)));
        }
    int overseas = 0;
    for (const SceneLabel& l : scene.labels) {
        const MapPoint p = cam.to_screen(l.anchor);
        const std::array<float, 4> box{
            static_cast<float>(p.x) + l.dx, static_cast<float>(p.y) + l.dy,
            static_cast<float>(p.x) + l.dx + l.w, static_cast<float>(p.y) + l.dy + l.h};
        for (const SceneCaption& c : scene.captions)
            CHECK_FALSE(boxes_overlap(box, box_of_caption(c)));
        const int inset = g->commune_inset[static_cast<std::size_t>(l.commune)];
        if (inset < 0) continue;
        ++overseas;
        const MapInset& f = g->insets[static_cast<std::size_t>(inset)];
        const MapPoint lo = cam.to_screen(f.lo), hi = cam.to_screen(f.hi);
        CHECK(box[0] >= lo.x - 1.01);
        CHECK(box[2] <= hi.x + 1.01);
        CHECK(box[1] >= lo.y - 0.01);
        CHECK(box[3] <= hi.y + 0.01);
    }
    CHECK(overseas >= 2); // names were placed in the frames, around the titles

    // a title wider than its frame is not drawn; a change of the titles' widths (the
    // language) rebuilds the scene
    labels.inset_title_widths = {frame_px * 2, 70};
    REQUIRE(cache.update(g, s, cam, nullptr, &labels));
    REQUIRE(cache.scene().captions.size() == 1);
    CHECK(cache.scene().captions[0].inset == 1);
}

TEST_CASE("map scene: a title too wide for its frame goes on two lines, else smaller, inside it") {
    CHECK(split_inset_title("Saint-Pierre-et-Miquelon") ==
          std::pair<std::string, std::string>{"Saint-Pierre-", "et-Miquelon"});
    CHECK(split_inset_title("La Réunion") == std::pair<std::string, std::string>{"La", "Réunion"});
    CHECK(split_inset_title("Guadeloupe") == std::pair<std::string, std::string>{"Guadeloupe", ""});
    const InsetView view;
    const Scenario& s = view.s;
    const auto& g = view.g;
    REQUIRE(g->insets.size() == 2);
    const MapCamera& cam = view.cam;
    MapSceneCache cache;
    LabelMetrics labels = fixed_width_labels();
    const float frame_px = view.frame_px();
    // the first title fits only cut in two; the second only at the smaller size
    labels.inset_title_widths = {frame_px + 20, frame_px};
    labels.inset_title_split_widths = {frame_px / 2, 0};
    REQUIRE(cache.update(g, s, cam, nullptr, &labels));
    const MapScene& scene = cache.scene();
    REQUIRE(scene.captions.size() == 2);
    for (const SceneCaption& c : scene.captions) {
        const MapInset& f = g->insets[static_cast<std::size_t>(c.inset)];
        const MapPoint lo = cam.to_screen(f.lo), hi = cam.to_screen(f.hi);
        const auto box = caption_box(*g, cam, labels, c);
        CHECK(box[0] >= lo.x + caption_dx - 0.01);
        CHECK(box[2] <= hi.x - caption_dx + 0.01);
        CHECK(box[1] >= lo.y + caption_dy - 0.01);
        CHECK(box[3] <= hi.y - caption_dy + 0.01);
        for (const SceneMarker& m : scene.markers) {
            const MapPoint p = cam.to_screen(m.at);
            const std::array<float, 4> mb{
                static_cast<float>(p.x) - m.half_px, static_cast<float>(p.y) - m.half_px,
                static_cast<float>(p.x) + m.half_px, static_cast<float>(p.y) + m.half_px};
            CHECK_FALSE(boxes_overlap(mb, box));
        }
    }
    CHECK(scene.captions[0].inset == 0);
    CHECK(scene.captions[0].lines == 2);
    CHECK(scene.captions[0].scale == 1.0f);
    CHECK(scene.captions[1].inset == 1);
    CHECK(scene.captions[1].lines == 1);
    CHECK(scene.captions[1].scale == caption_small);
}
