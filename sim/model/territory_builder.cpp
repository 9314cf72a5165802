// Territory builder: selection from the national table, k-nearest-neighbour road graph on a
// spatial grid, bridging of disconnected parts, CSV output.
#include "riposte/territory_builder.hpp"

#include "riposte/core/text_format.hpp"
#include "riposte/diagnostics.hpp"
#include "riposte/territory.hpp"
#include "riposte/text/diagnostic_texts.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace riposte {

namespace {

/// The collectivités outside any ARS: Terres australes et antarctiques françaises (984),
/// Wallis-et-Futuna (986), Polynésie française (987), Nouvelle-Calédonie (988), Clipperton (989).
bool outside_any_ars(std::string_view departement) {
    return departement == "984" || departement == "986" || departement == "987" ||
           departement == "988" || departement == "989";
}

std::string outside_territory_name(std::string_view departement) {
    if (departement == "984") return "TAAF";
    if (departement == "986") return "Wallis-et-Futuna";
    if (departement == "987") return "Polynésie française";
    if (departement == "988") return "Nouvelle-Calédonie";
    if (departement == "989") return "Clipperton";
    return std::string(departement);
}

constexpr double earth_radius_km = 6371.0088;
constexpr double deg = 3.14159265358979323846 / 180.0;
constexpr double format_max_minutes = 1440; // edges.csv limits of the scenario format
constexpr double format_max_km = 5000;

// ---------------------------------------------------------------------------------------------
// "did you mean"

struct Candidate {
    std::string key;   ///< what the user should type
    std::string label; ///< shown in brackets (a name)
};

bool has_letters(std::string_view s) {
    // INSEE codes of Corsica hold 'A'/'B' in third place ("2A004"); a token with more letters
    // than that is a name.
    int letters = 0;
    for (char c : s)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (static_cast<unsigned char>(c) >= 0x80))
            ++letters;
    return letters > 1;
}

Bilingual suggestions(std::string_view token, const std::vector<Candidate>& cands) {
    const bool by_name = has_letters(token);
    const std::string low = [&] {
        std::string s;
        for (char c : token) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }();
    std::vector<std::pair<int, std::size_t>> scored;
    const int limit =
        by_name ? std::max(2, static_cast<int>(token.size()) / 3) : (token.size() > 3 ? 2 : 1);
    for (std::size_t k = 0; k < cands.size(); ++k) {
        int d = 0;
        if (by_name) {
            d = fuzzy_distance(token, cands[k].label);
            if (d > limit && low.size() >= 3) {
                // a part of the name ("metz" in "Metz Métropole") also counts
                std::string lab;
                for (char c : cands[k].label)
                    lab += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (lab.find(low) != std::string::npos) d = limit;
            }
        } else {
            d = fuzzy_distance(token, cands[k].key);
        }
        if (d <= limit) scored.emplace_back(d, k);
    }
    if (scored.empty()) return {};
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    Bilingual list;
    const std::size_t n = std::min<std::size_t>(scored.size(), 4);
    for (std::size_t i = 0; i < n; ++i) {
        const Candidate& c = cands[scored[i].second];
        if (i > 0) list += i + 1 == n ? say(text::diag.terr_or) : verbatim(", ");
        list += verbatim(c.key + (c.label.empty() ? std::string() : " (" + c.label + ")"));
    }
    return say(text::diag.terr_did_you_mean, {list});
}

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
    return std::string(s.substr(a, b - a));
}

std::string commune_label(const NationalCommune& c) {
    return c.name + " (" + c.insee + ")";
}

std::vector<Candidate> commune_candidates(const NationalTable& t) {
    std::vector<Candidate> v;
    v.reserve(t.communes.size());
    for (const auto& c : t.communes) v.push_back({c.insee, c.name});
    return v;
}

int find_insee_or_report(const NationalTable& t, const std::string& code, const char* option,
                         Diagnostics& d, const std::vector<Candidate>& cands) {
    const int k = t.find_insee(code);
    if (k < 0)
        d.error({option, 0, 0},
                say(text::diag.terr_unknown_insee, {code, suggestions(code, cands), t.file}));
    return k;
}

// ---------------------------------------------------------------------------------------------
// Spatial grid on the unit sphere: points as 3-D unit vectors, cubic cells. Chord length is a
// monotonic function of great-circle distance, so nearest by chord = nearest on the ground.

struct Vec3 {
    double x = 0, y = 0, z = 0;
};

Vec3 unit_vector(double lat, double lon) {
    const double la = lat * deg, lo = lon * deg;
    return {std::cos(la) * std::cos(lo), std::cos(la) * std::sin(lo), std::sin(la)};
}

double chord2(const Vec3& a, const Vec3& b) {
    const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
    return dx * dx + dy * dy + dz * dz;
}

double chord_to_km(double chord) {
    return 2 * earth_radius_km * std::asin(std::min(1.0, chord / 2));
}

class Grid {
  public:
    static constexpr int max_ring = 6;

    explicit Grid(const std::vector<Vec3>& pts, double cell_km = 5.0)
        : pts_(pts), h_(cell_km / earth_radius_km) {
        std::vector<std::pair<std::uint64_t, int>> keyed(pts.size());
        for (std::size_t i = 0; i < pts.size(); ++i)
            keyed[i] = {key(cell_of(pts[i])), static_cast<int>(i)};
        std::sort(keyed.begin(), keyed.end());
        order_.resize(keyed.size());
        for (std::size_t i = 0; i < keyed.size(); ++i) {
            order_[i] = keyed[i].second;
            auto& r = ranges_[keyed[i].first];
            if (r.second == 0) r.first = static_cast<int>(i);
            r.second = static_cast<int>(i) + 1;
        }
    }

    /// The k nearest points to point `i` among those for which `accept(j)` holds, as
    /// (chord², index) sorted ascending. `bound2`: ignore points at chord² >= bound2.
    template <class Accept>
    std::vector<std::pair<double, int>>
    nearest(int i, std::size_t k, Accept accept,
            double bound2 = std::numeric_limits<double>::infinity()) const {
        std::vector<std::pair<double, int>> best;
        const Vec3& p = pts_[static_cast<std::size_t>(i)];
        const auto home = cell_of(p);
        auto consider = [&](int j) {
            if (j == i || !accept(j)) return;
            const double d2 = chord2(p, pts_[static_cast<std::size_t>(j)]);
            if (d2 >= bound2) return;
            const std::pair<double, int> item{d2, j};
            if (best.size() == k && !(item < best.back())) return;
            best.insert(std::upper_bound(best.begin(), best.end(), item), item);
            if (best.size() > k) best.pop_back();
        };
        for (int r = 0; r <= max_ring; ++r) {
            for (int dx = -r; dx <= r; ++dx)
                for (int dy = -r; dy <= r; ++dy)
                    for (int dz = -r; dz <= r; ++dz) {
                        if (std::max({std::abs(dx), std::abs(dy), std::abs(dz)}) != r) continue;
                        const auto it =
                            ranges_.find(key({home[0] + dx, home[1] + dy, home[2] + dz}));
                        if (it == ranges_.end()) continue;
                        for (int s = it->second.first; s < it->second.second; ++s)
                            consider(order_[static_cast<std::size_t>(s)]);
                    }
            // every point not yet visited is at least r cells (r·h) away
            const double reach = static_cast<double>(r) * h_;
            const double limit2 = best.size() == k ? best.back().first : bound2;
            if (reach * reach >= limit2) return best;
        }
        // sparse neighbourhood (an island, an overseas département): look at everything
        best.clear();
        for (std::size_t j = 0; j < pts_.size(); ++j) consider(static_cast<int>(j));
        return best;
    }

  private:
    using Cell = std::array<int, 3>;
    Cell cell_of(const Vec3& v) const {
        return {static_cast<int>(std::floor(v.x / h_)), static_cast<int>(std::floor(v.y / h_)),
                static_cast<int>(std::floor(v.z / h_))};
    }
    static std::uint64_t key(const Cell& c) {
        auto part = [](int v) { return static_cast<std::uint64_t>(v + (1 << 20)) & 0x1fffff; };
        return (part(c[0]) << 42) | (part(c[1]) << 21) | part(c[2]);
    }
    const std::vector<Vec3>& pts_;
    double h_;
    std::vector<int> order_;
    std::unordered_map<std::uint64_t, std::pair<int, int>> ranges_;
};

struct UnionFind {
    std::vector<int> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int x) {
        while (parent[static_cast<std::size_t>(x)] != x) {
            auto& p = parent[static_cast<std::size_t>(x)];
            p = parent[static_cast<std::size_t>(p)];
            x = p;
        }
        return x;
    }
    bool unite(int a, int b) {
        a = find(a);
        b = find(b);
        if (a == b) return false;
        parent[static_cast<std::size_t>(std::max(a, b))] = std::min(a, b);
        return true;
    }
};

double round_to(double v, double step) {
    return std::round(v / step) * step;
}

} // namespace

// ---------------------------------------------------------------------------------------------

void validate_road_graph_options(const RoadGraphOptions& o, const std::string& where,
                                 Diagnostics& d) {
    if (o.k < 1 || o.k > 50)
        d.error({where, 0, 0}, say(text::diag.terr_k_range, {std::to_string(o.k)}));
    if (!(o.detour >= 1 && o.detour <= 5))
        d.error({where, 0, 0}, say(text::diag.terr_detour_range, {format_fixed(o.detour, 2)}));
    if (!(o.speed_kmh >= 5 && o.speed_kmh <= 200))
        d.error({where, 0, 0}, say(text::diag.terr_speed_range, {format_fixed(o.speed_kmh, 1)}));
    if (!(o.max_bridge_km >= 0 && o.max_bridge_km <= 20000))
        d.error({where, 0, 0},
                say(text::diag.terr_bridge_range, {format_fixed(o.max_bridge_km, 1)}));
}

std::vector<int> select_communes(const NationalTable& t, const TerritorySelection& sel,
                                 Diagnostics& d) {
    std::vector<char> chosen(t.communes.size(), 0);
    const std::size_t errors_before = d.error_count();
    std::vector<Candidate> commune_cands;
    auto communes_cands = [&]() -> const std::vector<Candidate>& {
        if (commune_cands.empty()) commune_cands = commune_candidates(t);
        return commune_cands;
    };

    switch (sel.by) {
    case SelectBy::Insee: {
        if (sel.codes.empty()) d.error({"--insee", 0, 0}, say(text::diag.terr_no_insee));
        for (const auto& raw : sel.codes) {
            const std::string code = trim(raw);
            if (code.empty()) continue;
            const int k = find_insee_or_report(t, code, "--insee", d, communes_cands());
            if (k >= 0) chosen[static_cast<std::size_t>(k)] = 1;
        }
        break;
    }
    case SelectBy::Epci: {
        if (sel.codes.empty()) d.error({"--epci", 0, 0}, say(text::diag.terr_no_epci));
        std::vector<Candidate> epcis;
        {
            std::set<std::string> seen;
            for (const auto& c : t.communes)
                if (!c.epci_siren.empty() && seen.insert(c.epci_siren).second)
                    epcis.push_back({c.epci_siren, c.epci_name});
        }
        for (const auto& raw : sel.codes) {
            const std::string code = trim(raw);
            if (code.empty()) continue;
            bool any = false;
            for (std::size_t k = 0; k < t.communes.size(); ++k)
                if (t.communes[k].epci_siren == code) {
                    chosen[k] = 1;
                    any = true;
                }
            if (!any)
                d.error({"--epci", 0, 0},
                        say(text::diag.terr_unknown_epci, {code, suggestions(code, epcis)}));
        }
        break;
    }
    case SelectBy::Departement: {
        if (sel.codes.empty())
            d.error({"--departement", 0, 0}, say(text::diag.terr_no_departement));
        std::vector<Candidate> deps;
        {
            std::set<std::string> seen;
            for (const auto& c : t.communes)
                if (seen.insert(c.departement).second) deps.push_back({c.departement, ""});
        }
        for (const auto& raw : sel.codes) {
            const std::string code = trim(raw);
            if (code.empty()) continue;
            bool any = false;
            for (std::size_t k = 0; k < t.communes.size(); ++k)
                if (t.communes[k].departement == code) {
                    chosen[k] = 1;
                    any = true;
                }
            if (!any) {
                Bilingual hint = suggestions(code, deps);
                if (code.size() == 1 && code[0] >= '1' && code[0] <= '9')
                    hint = say(text::diag.terr_departement_zero, {code});
                d.error({"--departement", 0, 0},
                        say(text::diag.terr_unknown_departement, {code, hint}));
            }
        }
        break;
    }
    case SelectBy::Around: {
        const std::string code = trim(sel.centre);
        if (code.empty()) {
            d.error({"--around", 0, 0}, say(text::diag.terr_no_around));
            break;
        }
        if (!(sel.radius_km > 0 && sel.radius_km <= 1000)) {
            d.error({"--radius-km", 0, 0}, say(text::diag.terr_radius));
            break;
        }
        const int k = find_insee_or_report(t, code, "--around", d, communes_cands());
        if (k < 0) break;
        const NationalCommune& c0 = t.communes[static_cast<std::size_t>(k)];
        if (!c0.has_coordinates) {
            d.error({"--around", 0, 0},
                    say(text::diag.terr_centre_no_coordinates,
                        {commune_label(c0), t.file + ":" + std::to_string(c0.line)}));
            break;
        }
        for (std::size_t j = 0; j < t.communes.size(); ++j) {
            const auto& c = t.communes[j];
            if (c.has_coordinates && great_circle_km(c0.lat, c0.lon, c.lat, c.lon) <= sel.radius_km)
                chosen[j] = 1;
        }
        break;
    }
    case SelectBy::All:
        std::fill(chosen.begin(), chosen.end(), 1);
        break;
    }

    for (const auto& raw : sel.exclude) {
        const std::string code = trim(raw);
        if (code.empty()) continue;
        const int k = find_insee_or_report(t, code, "--exclude", d, communes_cands());
        if (k >= 0) chosen[static_cast<std::size_t>(k)] = 0;
    }
    if (d.error_count() > errors_before) return {};

    // Polynésie française, Nouvelle-Calédonie and Wallis-et-Futuna run their own health
    // systems, outside any ARS; the TAAF and Clipperton have no resident population. No CPTS
    // plans there: left out of --all, refused when named.
    std::vector<std::string> outside;
    std::vector<std::string> outside_deps;
    for (std::size_t k = 0; k < t.communes.size(); ++k) {
        if (!chosen[k]) continue;
        const auto& c = t.communes[k];
        if (!outside_any_ars(c.departement)) continue;
        chosen[k] = 0;
        outside.push_back(c.insee);
        if (std::find(outside_deps.begin(), outside_deps.end(), c.departement) ==
            outside_deps.end())
            outside_deps.push_back(c.departement);
    }
    if (!outside.empty()) {
        std::string where;
        for (std::size_t k = 0; k < outside_deps.size(); ++k)
            where += (k ? ", " : "") + outside_territory_name(outside_deps[k]) + " (" +
                     outside_deps[k] + ")";
        const bool many = outside.size() > 1;
        const Bilingual msg =
            say(text::diag.terr_outside_ars,
                {std::to_string(outside.size()),
                 say(many ? text::diag.terr_commune_many : text::diag.terr_commune_one), where,
                 say(many ? text::diag.terr_left_out_many : text::diag.terr_left_out_one)});
        if (sel.by == SelectBy::All) {
            d.warning({t.file, 0, 0}, msg);
        } else {
            d.error({t.file, 0, 0}, msg);
            return {};
        }
    }

    std::vector<int> out;
    std::vector<Bilingual> missing;
    std::vector<std::string> missing_codes;
    for (std::size_t k = 0; k < t.communes.size(); ++k) {
        if (!chosen[k]) continue;
        const auto& c = t.communes[k];
        if (!c.has_coordinates) {
            missing.push_back(verbatim(commune_label(c)) + say(text::diag.terr_at) +
                              verbatim(t.file + ":" + std::to_string(c.line)));
            missing_codes.push_back(c.insee);
            continue;
        }
        out.push_back(static_cast<int>(k));
    }
    if (!missing.empty()) {
        Bilingual list;
        std::string codes;
        for (std::size_t k = 0; k < missing.size(); ++k) {
            if (k < 20) list += (k ? verbatim(", ") : Bilingual{}) + missing[k];
            codes += (k ? "," : "") + missing_codes[k];
        }
        if (missing.size() > 20)
            list += verbatim(", ... (" + std::to_string(missing.size())) +
                    say(text::diag.terr_in_all) + verbatim(")");
        const bool many = missing.size() > 1;
        const Bilingual msg =
            say(text::diag.terr_missing_coordinates,
                {std::to_string(missing.size()),
                 say(many ? text::diag.terr_selected_many : text::diag.terr_selected_one), list,
                 say(many ? text::diag.terr_leave_them : text::diag.terr_leave_it),
                 missing.size() <= 20 ? codes : std::string("CODES")});
        if (sel.skip_missing_coordinates)
            d.warning({t.file, 0, 0}, msg);
        else
            d.error({t.file, 0, 0}, msg);
        if (!sel.skip_missing_coordinates) return {};
    }
    if (out.empty())
        d.error({"selection", 0, 0},
                say(sel.by == SelectBy::Around ? text::diag.terr_none_in_radius
                                               : text::diag.terr_selection_empty));
    return out;
}

RoadGraphReport build_road_graph(Territory& territory, const RoadGraphOptions& o) {
    RoadGraphReport rep;
    territory.edges.clear();
    const auto& cs = territory.communes;
    const std::size_t n = cs.size();
    if (n == 0) return rep;
    std::vector<Vec3> pts(n);
    for (std::size_t i = 0; i < n; ++i) pts[i] = unit_vector(cs[i].lat, cs[i].lon);
    const Grid grid(pts);

    // The longest great-circle link whose km and minutes fit the scenario format (edges.csv).
    const double auto_max =
        std::min(format_max_km, format_max_minutes / 60.0 * o.speed_kmh) / o.detour;

    // k nearest neighbours, symmetric union. A commune with fewer than k others within the
    // format's reach (Saint-Pierre-et-Miquelon: two communes, 4,000 km from the next) keeps
    // only the links that fit: a longer one could not be written or read back.
    std::vector<std::pair<int, int>> pairs;
    pairs.reserve(n * static_cast<std::size_t>(o.k));
    const auto k = static_cast<std::size_t>(std::max(1, o.k));
    for (std::size_t i = 0; i < n; ++i) {
        const auto near = grid.nearest(static_cast<int>(i), k, [](int) { return true; });
        for (const auto& [d2, j] : near) {
            const auto& a = cs[i];
            const auto& b = cs[static_cast<std::size_t>(j)];
            if (great_circle_km(a.lat, a.lon, b.lat, b.lon) > auto_max) continue;
            pairs.emplace_back(std::min(static_cast<int>(i), j), std::max(static_cast<int>(i), j));
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

    UnionFind uf(n);
    for (const auto& [a, b] : pairs) uf.unite(a, b);
    auto count_parts = [&] {
        int parts = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (uf.find(static_cast<int>(i)) == static_cast<int>(i)) ++parts;
        return parts;
    };
    rep.parts_before = count_parts();

    // Bridge the parts: each round, every part but the largest adds its shortest link to
    // another part (Borůvka), until one part is left or no allowed link remains.
    const double max_gc_km = o.max_bridge_km > 0 ? o.max_bridge_km : auto_max;
    std::set<int> given_up; // roots of parts whose shortest link is too long
    for (;;) {
        std::unordered_map<int, std::vector<int>> members;
        for (std::size_t i = 0; i < n; ++i)
            members[uf.find(static_cast<int>(i))].push_back(static_cast<int>(i));
        if (members.size() <= 1) break;
        std::vector<int> roots;
        for (const auto& [r, m] : members) roots.push_back(r);
        std::sort(roots.begin(), roots.end());
        int largest = roots.front();
        for (int r : roots)
            if (members[r].size() > members[largest].size()) largest = r;
        std::vector<std::pair<int, int>> links;
        bool progress = false;
        for (int r : roots) {
            if (r == largest || given_up.count(r)) continue;
            double best2 = std::numeric_limits<double>::infinity();
            std::pair<int, int> best{-1, -1};
            for (int i : members[r]) {
                const auto near = grid.nearest(
                    i, 1, [&](int j) { return uf.find(j) != r; }, best2);
                if (near.empty()) continue;
                const auto& [d2, j] = near.front();
                const std::pair<int, int> link{std::min(i, j), std::max(i, j)};
                if (d2 < best2 || (d2 == best2 && link < best)) {
                    best2 = d2;
                    best = link;
                }
            }
            if (best.first < 0) continue;
            const double km = chord_to_km(std::sqrt(best2));
            if (km > max_gc_km) {
                given_up.insert(r);
                continue;
            }
            links.push_back(best);
        }
        std::sort(links.begin(), links.end());
        links.erase(std::unique(links.begin(), links.end()), links.end());
        for (const auto& l : links) {
            if (!uf.unite(l.first, l.second)) continue;
            pairs.push_back(l);
            ++rep.bridges;
            progress = true;
            const auto& a = cs[static_cast<std::size_t>(l.first)];
            const auto& b = cs[static_cast<std::size_t>(l.second)];
            rep.longest_bridge_km =
                std::max(rep.longest_bridge_km, great_circle_km(a.lat, a.lon, b.lat, b.lon));
        }
        if (!progress) break;
        // parts given up may have been joined by another part's link since: ask again
        std::set<int> still;
        for (int r : given_up)
            if (uf.find(r) == r) still.insert(r);
        given_up = std::move(still);
    }
    rep.parts_after = count_parts();
    if (rep.parts_after > 1) {
        std::unordered_map<int, int> biggest; // root -> most populous member
        std::unordered_map<int, std::size_t> size;
        for (std::size_t i = 0; i < n; ++i) {
            const int r = uf.find(static_cast<int>(i));
            ++size[r];
            auto it = biggest.find(r);
            if (it == biggest.end() ||
                cs[i].population > cs[static_cast<std::size_t>(it->second)].population)
                biggest[r] = static_cast<int>(i);
        }
        int main_root = -1;
        for (const auto& [r, s] : size)
            if (main_root < 0 || s > size[main_root] || (s == size[main_root] && r < main_root))
                main_root = r;
        std::vector<int> others;
        for (const auto& [r, c] : biggest)
            if (r != main_root) others.push_back(c);
        std::sort(others.begin(), others.end());
        for (int c : others)
            rep.isolated.push_back(cs[static_cast<std::size_t>(c)].name + " (" +
                                   cs[static_cast<std::size_t>(c)].insee + ")");
    }

    // edges, a < b by INSEE code, sorted
    territory.edges.reserve(pairs.size());
    for (auto [a, b] : pairs) {
        if (cs[static_cast<std::size_t>(a)].insee > cs[static_cast<std::size_t>(b)].insee)
            std::swap(a, b);
        const auto& ca = cs[static_cast<std::size_t>(a)];
        const auto& cb = cs[static_cast<std::size_t>(b)];
        const double km =
            round_to(great_circle_km(ca.lat, ca.lon, cb.lat, cb.lon) * o.detour, 0.01);
        const double minutes = round_to(km / o.speed_kmh * 60.0, 0.1);
        territory.edges.push_back({a, b, km, minutes});
    }
    std::sort(territory.edges.begin(), territory.edges.end(),
              [&](const RoadEdge& x, const RoadEdge& y) {
                  const auto& xa = cs[static_cast<std::size_t>(x.a)].insee;
                  const auto& ya = cs[static_cast<std::size_t>(y.a)].insee;
                  if (xa != ya) return xa < ya;
                  return cs[static_cast<std::size_t>(x.b)].insee <
                         cs[static_cast<std::size_t>(y.b)].insee;
              });
    return rep;
}

TerritoryBuild build_territory(const NationalTable& table, const TerritorySelection& selection,
                               const RoadGraphOptions& options, std::string name) {
    TerritoryBuild out;
    validate_road_graph_options(options, "road graph", out.diagnostics);
    const std::vector<int> picked = select_communes(table, selection, out.diagnostics);
    if (out.diagnostics.has_errors()) return out;
    Territory t;
    t.name = std::move(name);
    t.communes.reserve(picked.size());
    for (int k : picked) {
        const auto& c = table.communes[static_cast<std::size_t>(k)];
        t.communes.push_back({c.insee, c.name, c.population, c.lat, c.lon});
    }
    if (t.communes.size() > Limits::max_communes) {
        out.diagnostics.error({"selection", 0, 0}, say(text::diag.terr_too_many,
                                                       {std::to_string(t.communes.size()),
                                                        std::to_string(Limits::max_communes)}));
        return out;
    }
    out.graph = build_road_graph(t, options);
    out.territory = std::move(t);
    return out;
}

std::string territory_communes_csv(const Territory& t) {
    std::string s = "insee,name,population,lat,lon\n";
    s.reserve(t.communes.size() * 48);
    for (const auto& c : t.communes) {
        s += csv_field(c.insee);
        s += ',';
        s += csv_field(c.name);
        s += ',';
        s += std::to_string(c.population);
        s += ',';
        s += format_fixed(c.lat, 5);
        s += ',';
        s += format_fixed(c.lon, 5);
        s += '\n';
    }
    return s;
}

std::string territory_edges_csv(const Territory& t) {
    std::string s = "insee_a,insee_b,km,minutes\n";
    s.reserve(t.edges.size() * 32);
    for (const auto& e : t.edges) {
        s += csv_field(t.communes[static_cast<std::size_t>(e.a)].insee);
        s += ',';
        s += csv_field(t.communes[static_cast<std::size_t>(e.b)].insee);
        s += ',';
        s += format_fixed(e.km, 2);
        s += ',';
        s += format_fixed(e.minutes, 1);
        s += '\n';
    }
    return s;
}

} // namespace riposte
