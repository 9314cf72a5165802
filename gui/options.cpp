#include "options.hpp"

#include <charconv>
#include <system_error>

namespace riposte::gui {
namespace {

template <typename T> std::optional<T> parse_number(std::string_view text) {
    T value{};
    const char* end = text.data() + text.size();
    const auto res = std::from_chars(text.data(), end, value);
    if (res.ec != std::errc{} || res.ptr != end || text.empty()) return std::nullopt;
    return value;
}

bool ends_with_png(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext == ".png";
}

} // namespace

std::string usage_text() {
    return R"(usage: riposte-gui [WORLD PLAN | DIR] [options]

The riposte dashboard: the territory map, the scenario, and one replication run live
(play, pause, step, speed, jump to a day, restart with a seed) with live charts.
With no WORLD and PLAN files, the bundled default scenario is loaded; DIR is a folder
holding world.toml and plan.toml, as for the command line.

options:
  --lang fr|en          language of the interface (default: fr)
  --large-font          large characters, for a projector (also in the View menu)
  --seed N              seed of the live replication (default: 1)
  --run                 play the replication as fast as possible as soon as it is loaded
  --until-day D         run to the start of day D (1 = the second day), then pause
  --until-hour H        with --until-day: stop at H:00 that day instead (0 to 23)
  --speed X             simulated seconds per real second, 1 to 10000 (default: as fast
                        as possible)
  --size WxH            window size in pixels (default: 1280x800)
  --screenshot FILE.png draw --frames frames, save the window to FILE.png and exit
                        (with --run: wait for the run to finish first; with
                        --until-day: wait until that day is reached, mid-run)
  --frames N            frames drawn before the screenshot (default: 10)
  --charts-tab T        the live charts' tab in front: activity, waits or resources
  --layout-audit        with --screenshot: list every text of the last frame that is cut
                        off (not fully visible and not reachable by scrolling), drawn over
                        another text, or a map label under a panel; exit 1 when any is
  --centre NAME         open the panel of the centre NAME (as a click on the map does)
  --map-metric M        colour the communes by travel (minutes to the nearest open
                        vaccination centre), coverage or unmet (both once the run is over)
  --exercise FILE       run a tabletop exercise (exercise.toml): the facilitator console,
                        the main courante, and the players' screen in a second window
  --journal FILE        the session's journal: written as the exercise runs (each entry
                        fsync'ed before its change applies); an existing journal is resumed
                        at its last entry (default: NAME-YYYYMMDD-HHMMSS.journal.toml here)
  --compare P1,P2[,..]  compare these plan files against the world at start (P1 is the
                        reference A): N replications each with common random numbers, as
                        riposte compare runs them; with --screenshot, wait for the table
  --replications N      replications per plan of the comparison (default: 20)
  --compare-csv FILE    once the comparison is done, write its compare.csv to FILE
  --panel P1[,P2..]     open these panels at start: compare (the comparison of plans),
                        editor (the plan editor), validation (the plan's verdict), files
                        (the File menu's dialog, opening a scenario folder)
  --validate N          with --panel validation: judge the targets over N replications
                        at start (with --screenshot, wait for the verdict)
  --zoom F              zoom the fitted map F times (1 to 400) at its centre
  --frame-stats N       measure N frames (after 30 of warm-up, no 60 fps cap), print their
                        median and 90th percentile times, the longest wait on the engine and
                        the processor time per frame, then exit (for the benchmark; e.g. with
                        --run)
  --no-players          no players' window (the console only)
  --edit-exercise FILE  open the exercise editor on FILE (created when it does not exist;
                        saved atomically, only when riposte check accepts it)
  --no-pause-at-injects the session does not pause when an inject fires (the console's
                        "Pause à chaque stimulus" unticked); with --run it plays on to the end
  -h, --help            show this help

The window layout (imgui.ini) and the recent files are kept in $RIPOSTE_CONFIG_DIR, else
$XDG_CONFIG_HOME/riposte, else ~/.config/riposte (not with --screenshot).

exit codes: 0 ok; 1 the run failed or the screenshot could not be saved;
            2 bad usage or a scenario that does not load.
)";
}

ParsedOptions parse_options(const std::vector<std::string_view>& args) {
    ParsedOptions out;
    GuiOptions& o = out.options;
    std::vector<std::string_view> positional;
    bool frames_given = false;
    bool until_hour_given = false;

    auto fail = [&](std::string message) {
        out.error = std::move(message);
        return out;
    };

    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view arg = args[i];
        std::string_view inline_value;
        bool has_inline_value = false;
        if (arg.starts_with("--")) {
            if (const auto eq = arg.find('='); eq != std::string_view::npos) {
                inline_value = arg.substr(eq + 1);
                arg = arg.substr(0, eq);
                has_inline_value = true;
            }
        }
        // Value of an option that takes one: "--x=v" or "--x v".
        auto value = [&]() -> std::optional<std::string_view> {
            if (has_inline_value) return inline_value;
            if (i + 1 < args.size()) return args[++i];
            return std::nullopt;
        };
        auto takes_no_value = [&]() { return !has_inline_value; };

        if (arg == "-h" || arg == "--help") {
            o.help = true;
        } else if (arg == "--large-font") {
            if (!takes_no_value()) return fail("--large-font takes no value");
            o.large_font = true;
        } else if (arg == "--run") {
            if (!takes_no_value()) return fail("--run takes no value");
            o.run_at_start = true;
        } else if (arg == "--lang") {
            const auto v = value();
            if (!v) return fail("--lang needs a value: fr or en");
            const auto lang = parse_lang(*v);
            if (!lang) return fail("unknown language '" + std::string{*v} + "': use fr or en");
            o.lang = *lang;
        } else if (arg == "--seed") {
            const auto v = value();
            const auto n = v ? parse_number<std::uint64_t>(*v) : std::nullopt;
            if (!n) return fail("--seed needs a whole number, e.g. --seed 42");
            o.seed = *n;
        } else if (arg == "--until-day") {
            const auto v = value();
            const auto n = v ? parse_number<int>(*v) : std::nullopt;
            if (!n || *n < 0 || *n > 100000)
                return fail("--until-day needs a day number (0 is the first day), e.g. "
                            "--until-day 5");
            o.until_day = *n;
        } else if (arg == "--until-hour") {
            const auto v = value();
            const auto n = v ? parse_number<int>(*v) : std::nullopt;
            if (!n || *n < 0 || *n > 23)
                return fail("--until-hour needs an hour from 0 to 23, e.g. --until-hour 11");
            o.until_hour = *n;
            until_hour_given = true;
        } else if (arg == "--speed") {
            const auto v = value();
            const auto n = v ? parse_number<int>(*v) : std::nullopt;
            if (!n || *n < 1 || *n > 10000)
                return fail("--speed needs simulated seconds per second from 1 to 10000, e.g. "
                            "--speed 3600");
            o.speed = static_cast<double>(*n);
        } else if (arg == "--centre") {
            const auto v = value();
            if (!v || v->empty()) return fail("--centre needs a centre name from the plan");
            o.centre = std::string{*v};
        } else if (arg == "--map-metric") {
            const auto v = value();
            if (!v || (*v != "travel" && *v != "coverage" && *v != "unmet"))
                return fail("--map-metric needs travel, coverage or unmet");
            o.map_metric = std::string{*v};
        } else if (arg == "--exercise") {
            const auto v = value();
            if (!v || v->empty()) return fail("--exercise needs an exercise file (exercise.toml)");
            o.exercise = std::string{*v};
        } else if (arg == "--edit-exercise") {
            const auto v = value();
            if (!v || v->empty())
                return fail(
                    "--edit-exercise needs an exercise file (exercise.toml) to open or create");
            o.edit_exercise = std::string{*v};
        } else if (arg == "--journal") {
            const auto v = value();
            if (!v || v->empty()) return fail("--journal needs a journal file name");
            o.journal = std::string{*v};
        } else if (arg == "--compare") {
            const auto v = value();
            if (!v || v->empty())
                return fail("--compare needs plan files separated by commas, e.g. --compare "
                            "plan.toml,plan-b.toml");
            std::string_view list = *v;
            while (!list.empty()) {
                const auto comma = list.find(',');
                const std::string_view name = list.substr(0, comma);
                if (!name.empty()) o.compare.emplace_back(std::string{name});
                list =
                    comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
            }
            if (o.compare.size() < 2)
                return fail("--compare needs at least two plan files, separated by commas");
        } else if (arg == "--replications") {
            const auto v = value();
            const auto n = v ? parse_number<int>(*v) : std::nullopt;
            if (!n || *n < 2 || *n > 1000)
                return fail("--replications needs a number from 2 to 1000, e.g. --replications 20");
            o.replications = *n;
        } else if (arg == "--panel") {
            const auto v = value();
            std::string_view list = v.value_or("");
            if (list.empty())
                return fail("--panel needs panel names: compare, editor, validation, files");
            while (!list.empty()) {
                const auto comma = list.find(',');
                const std::string name{list.substr(0, comma)};
                if (name != "compare" && name != "editor" && name != "validation" &&
                    name != "files")
                    return fail("unknown panel '" + name +
                                "': use compare, editor, validation or files");
                o.panels.push_back(name);
                list =
                    comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
            }
        } else if (arg == "--validate") {
            const auto v = value();
            const auto n = v ? parse_number<int>(*v) : std::nullopt;
            if (!n || *n < 1 || *n > 1000)
                return fail("--validate needs a number of replications from 1 to 1000");
            o.validate_replications = *n;
        } else if (arg == "--frame-stats") {
            const auto v = value();
            const auto n = v ? parse_number<int>(*v) : std::nullopt;
            if (!n || *n < 1 || *n > 100000)
                return fail("--frame-stats needs a number of frames from 1 to 100000");
            o.frame_stats = *n;
        } else if (arg == "--zoom") {
            const auto v = value();
            const auto n = v ? parse_number<int>(*v) : std::nullopt;
            if (!n || *n < 1 || *n > 400) return fail("--zoom needs a factor from 1 to 400");
            o.zoom = *n;
        } else if (arg == "--compare-csv") {
            const auto v = value();
            if (!v || v->empty()) return fail("--compare-csv needs a file name");
            o.compare_csv = std::string{*v};
        } else if (arg == "--no-pause-at-injects") {
            if (!takes_no_value()) return fail("--no-pause-at-injects takes no value");
            o.pause_at_injects = false;
        } else if (arg == "--charts-tab") {
            const auto v = value();
            const std::string_view t = v.value_or("");
            if (t == "activity")
                o.charts_tab = 0;
            else if (t == "waits")
                o.charts_tab = 1;
            else if (t == "resources")
                o.charts_tab = 2;
            else
                return fail("--charts-tab needs activity, waits or resources");
        } else if (arg == "--layout-audit") {
            if (!takes_no_value()) return fail("--layout-audit takes no value");
            o.layout_audit = true;
        } else if (arg == "--no-players") {
            if (!takes_no_value()) return fail("--no-players takes no value");
            o.players_window = false;
        } else if (arg == "--frames") {
            const auto v = value();
            const auto n = v ? parse_number<int>(*v) : std::nullopt;
            if (!n || *n < 1 || *n > 100000)
                return fail("--frames needs a number of frames from 1 to 100000, e.g. --frames 10");
            o.frames = *n;
            frames_given = true;
        } else if (arg == "--screenshot") {
            const auto v = value();
            if (!v || v->empty()) return fail("--screenshot needs a file name ending in .png");
            std::filesystem::path p{std::string{*v}};
            if (!ends_with_png(p))
                return fail("--screenshot file '" + p.string() +
                            "' must end in .png (the picture is saved as PNG)");
            o.screenshot = std::move(p);
        } else if (arg == "--size") {
            const auto v = value();
            const std::string_view s = v.value_or("");
            const auto x = s.find('x');
            const auto w =
                x == std::string_view::npos ? std::nullopt : parse_number<unsigned>(s.substr(0, x));
            const auto h = x == std::string_view::npos ? std::nullopt
                                                       : parse_number<unsigned>(s.substr(x + 1));
            if (!w || !h || *w < 320 || *h < 240 || *w > 16384 || *h > 16384)
                return fail("--size needs WIDTHxHEIGHT in pixels, at least 320x240, e.g. "
                            "--size 1600x900");
            o.width = *w;
            o.height = *h;
        } else if (arg.size() > 1 && arg.front() == '-') {
            return fail("unknown option '" + std::string{args[i]} + "'");
        } else {
            positional.push_back(arg);
        }
    }

    if (o.help) return out;
    if (positional.size() == 1) {
        // a scenario folder, as the command line takes it
        const std::filesystem::path dir{std::string{positional[0]}};
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec))
            return fail("'" + dir.string() +
                        "' is not a directory: give WORLD and PLAN files, a directory holding "
                        "world.toml and plan.toml, or nothing for the bundled default scenario");
        o.world = dir / "world.toml";
        o.plan = dir / "plan.toml";
    }
    if (positional.size() > 2)
        return fail("too many files: expected WORLD PLAN or a directory, got " +
                    std::to_string(positional.size()) + " names");
    if (positional.size() == 2) {
        o.world = std::string{positional[0]};
        o.plan = std::string{positional[1]};
    }
    if (!o.journal.empty() && o.exercise.empty())
        return fail("--journal goes with --exercise (the session's chronogramme)");
    if (!o.exercise.empty() && o.until_day)
        return fail("--until-day is for a plain run; an exercise is driven from the console");
    if (o.exercise.empty() && !o.pause_at_injects)
        return fail("--no-pause-at-injects goes with --exercise");
    o.remember = !o.screenshot && o.frame_stats == 0;
    if (!o.compare_csv.empty() && o.compare.empty())
        return fail("--compare-csv goes with --compare");
    if (!o.compare.empty() && !o.exercise.empty())
        return fail("--compare is for plans, not an exercise session");
    if (frames_given && !o.screenshot) return fail("--frames only makes sense with --screenshot");
    if (o.layout_audit && !o.screenshot)
        return fail("--layout-audit goes with --screenshot (it audits the frame saved)");
    if (until_hour_given && !o.until_day) return fail("--until-hour goes with --until-day");
    if (o.run_at_start && o.until_day)
        return fail("--run plays to the end and --until-day stops at a day: choose one");
    return out;
}

} // namespace riposte::gui
