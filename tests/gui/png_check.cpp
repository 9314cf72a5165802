// Checks that a PNG is a real picture, not a blank or black window: it must load, be at least
// a given size, hold many distinct colours, and no single colour may cover nearly all of it.
//
//   riposte_gui_png_check FILE.png [--min-size WxH] [--min-colours N] [--max-dominant F]
//                         [--colour-in X,Y,W,H,R,G,B,N]...
//     --colour-in: at least N pixels within ±12 per channel of (R,G,B) inside the rectangle
//     (a chart's series colour inside the chart's window, a marker at its place)
//   riposte_gui_png_check --write-blank FILE.png WxH    (writes a one-colour picture, for the
//                                                        test that the check rejects it)
// Exit: 0 the picture passes, 1 it does not, 2 usage error.
#include <SFML/Graphics/Image.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

bool parse_size(std::string_view s, unsigned& w, unsigned& h) {
    const auto x = s.find('x');
    if (x == std::string_view::npos) return false;
    const auto a = std::from_chars(s.data(), s.data() + x, w);
    const auto b = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
    return a.ec == std::errc{} && a.ptr == s.data() + x && b.ec == std::errc{} &&
           b.ptr == s.data() + s.size() && w > 0 && h > 0;
}

struct ColourIn {
    int x = 0, y = 0, w = 0, h = 0, r = 0, g = 0, b = 0, n = 0;
};

bool parse_colour_in(std::string_view s, ColourIn& c) {
    int* fields[] = {&c.x, &c.y, &c.w, &c.h, &c.r, &c.g, &c.b, &c.n};
    for (std::size_t i = 0; i < 8; ++i) {
        const auto comma = i < 7 ? s.find(',') : s.size();
        if (comma == std::string_view::npos) return false;
        const auto res = std::from_chars(s.data(), s.data() + comma, *fields[i]);
        if (res.ec != std::errc{} || res.ptr != s.data() + comma) return false;
        s = i < 7 ? s.substr(comma + 1) : std::string_view{};
    }
    return c.w > 0 && c.h > 0 && c.n > 0;
}

int usage(const std::string& why) {
    std::cerr << "riposte_gui_png_check: error: " << why << "\n"
              << "usage: riposte_gui_png_check FILE.png [--min-size WxH] [--min-colours N] "
                 "[--max-dominant F] [--colour-in X,Y,W,H,R,G,B,N]...\n"
              << "       riposte_gui_png_check --write-blank FILE.png WxH\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && std::string_view{argv[1]} == "--write-blank") {
        unsigned w = 0, h = 0;
        if (argc != 4 || !parse_size(argv[3], w, h)) return usage("--write-blank FILE.png WxH");
        sf::Image img;
        img.create(w, h, sf::Color(24, 29, 38));
        return img.saveToFile(argv[2]) ? 0 : 1;
    }
    if (argc < 2) return usage("no file given");

    std::string file;
    unsigned min_w = 640, min_h = 400;
    std::size_t min_colours = 64;
    double max_dominant = 0.97;
    std::vector<ColourIn> colour_checks;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--min-size" && has_value) {
            if (!parse_size(argv[++i], min_w, min_h)) return usage("--min-size needs WxH");
        } else if (a == "--min-colours" && has_value) {
            const std::string_view v = argv[++i];
            if (std::from_chars(v.data(), v.data() + v.size(), min_colours).ec != std::errc{})
                return usage("--min-colours needs a whole number");
        } else if (a == "--max-dominant" && has_value) {
            try {
                max_dominant = std::stod(argv[++i]);
            } catch (...) {
                return usage("--max-dominant needs a number between 0 and 1");
            }
        } else if (a == "--colour-in" && has_value) {
            ColourIn c;
            if (!parse_colour_in(argv[++i], c)) return usage("--colour-in needs X,Y,W,H,R,G,B,N");
            colour_checks.push_back(c);
        } else if (!a.empty() && a.front() == '-') {
            return usage("unknown option " + std::string{a});
        } else {
            file = a;
        }
    }
    if (file.empty()) return usage("no file given");

    sf::Image img;
    if (!img.loadFromFile(file)) {
        std::cerr << file << ": FAIL: cannot read it as a picture\n";
        return 1;
    }
    const sf::Vector2u size = img.getSize();
    std::unordered_map<std::uint32_t, std::size_t> colours;
    for (unsigned y = 0; y < size.y; ++y)
        for (unsigned x = 0; x < size.x; ++x) ++colours[img.getPixel(x, y).toInteger()];
    std::size_t dominant = 0;
    for (const auto& [colour, count] : colours) dominant = std::max(dominant, count);
    const double pixels = static_cast<double>(size.x) * size.y;
    const double dominant_share = pixels > 0 ? static_cast<double>(dominant) / pixels : 1.0;

    std::cout << file << ": " << size.x << "x" << size.y << ", " << colours.size()
              << " distinct colours, most frequent colour covers " << dominant_share * 100 << "%\n";
    bool ok = true;
    if (size.x < min_w || size.y < min_h) {
        std::cerr << file << ": FAIL: smaller than " << min_w << "x" << min_h << "\n";
        ok = false;
    }
    if (colours.size() < min_colours) {
        std::cerr << file << ": FAIL: only " << colours.size() << " distinct colours (at least "
                  << min_colours << " expected): the window looks blank\n";
        ok = false;
    }
    if (dominant_share > max_dominant) {
        std::cerr << file << ": FAIL: one colour covers " << dominant_share * 100
                  << "% of the picture (at most " << max_dominant * 100 << "% expected)\n";
        ok = false;
    }
    for (const ColourIn& c : colour_checks) {
        int found = 0;
        for (int y = std::max(0, c.y); y < c.y + c.h && y < static_cast<int>(size.y); ++y)
            for (int x = std::max(0, c.x); x < c.x + c.w && x < static_cast<int>(size.x); ++x) {
                const sf::Color p =
                    img.getPixel(static_cast<unsigned>(x), static_cast<unsigned>(y));
                if (std::abs(p.r - c.r) <= 12 && std::abs(p.g - c.g) <= 12 &&
                    std::abs(p.b - c.b) <= 12)
                    ++found;
            }
        std::cout << file << ": " << found << " pixels of (" << c.r << "," << c.g << "," << c.b
                  << ") in " << c.w << "x" << c.h << "+" << c.x << "+" << c.y << "\n";
        if (found < c.n) {
            std::cerr << file << ": FAIL: fewer than " << c.n << " pixels of (" << c.r << "," << c.g
                      << "," << c.b << ") in the rectangle " << c.w << "x" << c.h << "+" << c.x
                      << "+" << c.y << "\n";
            ok = false;
        }
    }
    return ok ? 0 : 1;
}
