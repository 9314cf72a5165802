#include "map_geometry.hpp"

#include <doctest/doctest.h>

#include <cmath>

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
