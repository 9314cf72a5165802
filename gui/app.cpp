#include "app.hpp"

#include "display_check.hpp"
#include "layout_audit.hpp"
#include "panels.hpp"
#include "window_report.hpp"

#include "riposte/exercise_loader.hpp"
#include "riposte/output.hpp"
#include "riposte/plan_toml.hpp"
#include "riposte/scenario_loader.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Graphics/View.hpp>
#include <SFML/System/Clock.hpp>
#include <SFML/System/Sleep.hpp>
#include <SFML/Window/Event.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <exception>
#include <iostream>
#include <set>
#include <system_error>
#include <thread>
#include <type_traits>

namespace riposte::gui {
namespace {

/// Seconds between frames while background replications run and no input comes.
constexpr float background_redraw_seconds = 0.5f;

/// Longest wait for a --run replication before a screenshot is taken anyway.
constexpr float screenshot_run_timeout_seconds = 300.0f;

sf::Color to_sf(Rgba c) {
    return {c[0], c[1], c[2], c[3]};
}

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

std::shared_ptr<const LoadedScenario> load_for_gui(const GuiOptions& options) {
    auto loaded = std::make_shared<LoadedScenario>();
    try {
        loaded->world_file = options.world.empty() ? default_world_file() : options.world;
        loaded->plan_file = options.plan.empty() ? default_plan_file() : options.plan;
        LoadResult result = load_scenario(loaded->world_file, loaded->plan_file);
        loaded->diagnostics = result.diagnostics.items();
        if (result.scenario && !result.diagnostics.has_errors()) {
            auto scenario = std::make_shared<const Scenario>(std::move(*result.scenario));
            loaded->map = std::make_shared<const MapGeometry>(build_map_geometry(*scenario));
            loaded->scenario = std::move(scenario);
        }
        // the plans a comparison offers: this one, then the folder's other plan*.toml
        loaded->plan_candidates.push_back(loaded->plan_file);
        std::set<std::filesystem::path> siblings;
        std::error_code ec;
        const auto folder = loaded->world_file.has_parent_path() ? loaded->world_file.parent_path()
                                                                 : std::filesystem::path{"."};
        for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
             it.increment(ec)) {
            const auto& p = it->path();
            std::error_code same_ec;
            if (p.extension() == ".toml" && p.filename().string().starts_with("plan") &&
                !std::filesystem::equivalent(p, loaded->plan_file, same_ec))
                siblings.insert(p);
        }
        loaded->plan_candidates.insert(loaded->plan_candidates.end(), siblings.begin(),
                                       siblings.end());
    } catch (const std::exception& e) {
        // The loader reports bad input as diagnostics; this is a defect, shown all the same.
        loaded->scenario.reset();
        loaded->map.reset();
        Diagnostic d;
        d.where.file = loaded->world_file.string();
        d.message = std::string{"internal error while loading: "} + e.what() +
                    " (please report it with the scenario files)";
        loaded->diagnostics.push_back(std::move(d));
    }
    if (!loaded->scenario && loaded->diagnostics.empty()) {
        Diagnostic d;
        d.where.file = loaded->world_file.string();
        d.message = "the scenario could not be loaded";
        loaded->diagnostics.push_back(std::move(d));
    }
    return loaded;
}

App::App(GuiOptions options) : options_(std::move(options)) {
    ui_.lang = options_.lang;
    ui_.large_font = options_.large_font;
    ui_.seed = options_.seed;
    ui_.chart_tab_wanted = options_.charts_tab;
    if (options_.map_metric == "travel") ui_.map_metric = MapMetric::TravelMinutes;
    if (options_.map_metric == "coverage") ui_.map_metric = MapMetric::Coverage;
    if (options_.map_metric == "unmet") ui_.map_metric = MapMetric::Unmet;
}

App::~App() {
    backend_.shutdown();
}

bool App::open_window() {
    // Default (compatibility) context: SFML 2.5 draws with the fixed pipeline, so never ask
    // for a core profile. ImGui's OpenGL3 renderer runs on 3.x+ compatibility contexts.
    sf::ContextSettings settings;
    settings.depthBits = 0;
    settings.stencilBits = 0;
    settings.antialiasingLevel = 0;
    window_.emplace();
    window_->create(sf::VideoMode(options_.width, options_.height),
                    sf::String::fromUtf8(std::string_view{tr(ui_.lang, Text::AppTitle)}.begin(),
                                         std::string_view{tr(ui_.lang, Text::AppTitle)}.end()),
                    sf::Style::Default, settings);
    if (!window_->isOpen()) return false;
    window_->setFramerateLimit(60);
    window_->setKeyRepeatEnabled(true);
    return true;
}

void App::fit_map_if_needed() {
    const sf::Vector2u size = window_->getSize();
    ui_.camera.resize(size.x, size.y);
    if (ui_.camera_fitted || !loaded_->map) return;
    const double side = side_panel_width(ui_, static_cast<float>(size.x)) + 2 * panel_margin;
    ScreenInsets insets;
    insets.left = ui_.show_scenario ? side : panel_margin;
    if (session_ && ui_.show_console) insets.left = 460 + 2 * panel_margin;
    insets.right = ui_.show_run ? side : panel_margin;
    insets.top = menu_bar_height(ui_) + panel_margin;
    // The charts take the bottom of the map area; without them the legend sits there.
    if (ui_.show_charts)
        insets.bottom = charts_height(ui_, static_cast<float>(size.y)) + 2 * panel_margin;
    else if (session_ && ui_.show_course)
        insets.bottom = static_cast<float>(size.y) * 0.32f + 2 * panel_margin;
    else
        insets.bottom = ui_.show_legend ? legend_height_estimate(ui_) : panel_margin;
    ui_.fit_scale = ui_.camera.fit(*loaded_->map, insets);
    ui_.camera_fitted = true;
    if (options_.zoom > 1) {
        // --zoom: closer, on the middle of the mainland (France: not its overseas frames),
        // brought to the middle of the map area
        const MapGeometry& g = *loaded_->map;
        const MapPoint mainland{(g.main_min.x + g.main_max.x) / 2,
                                (g.main_min.y + g.main_max.y) / 2};
        const MapPoint area{(insets.left + size.x - insets.right) / 2,
                            (insets.top + size.y - insets.bottom) / 2};
        ui_.camera.zoom_at(ui_.camera.to_screen(mainland), options_.zoom, ui_.fit_scale / 8,
                           ui_.fit_scale * 400);
        const MapPoint now = ui_.camera.to_screen(mainland);
        ui_.camera.pan_pixels(area.x - now.x, area.y - now.y);
    }
}

void App::handle_event(const sf::Event& event) {
    backend_.process_event(event); // ImGui always sees every event
    switch (event.type) {
    case sf::Event::Closed:
        window_->close();
        break;
    case sf::Event::Resized: {
        const auto w = static_cast<float>(event.size.width);
        const auto h = static_cast<float>(event.size.height);
        window_->setView(sf::View(sf::FloatRect(0, 0, w, h)));
        ui_.camera.resize(w, h);
        break;
    }
    case sf::Event::MouseButtonPressed:
        // ImGui's capture flag is from the last frame, as the ImGui FAQ advises.
        if (event.mouseButton.button == sf::Mouse::Left && !backend_.wants_mouse()) {
            dragging_ = true;
            drag_last_ = {event.mouseButton.x, event.mouseButton.y};
        }
        break;
    case sf::Event::MouseButtonReleased:
        if (event.mouseButton.button == sf::Mouse::Left) dragging_ = false;
        break;
    case sf::Event::MouseMoved:
        if (dragging_) {
            const sf::Vector2i now{event.mouseMove.x, event.mouseMove.y};
            ui_.camera.pan_pixels(now.x - drag_last_.x, now.y - drag_last_.y);
            drag_last_ = now;
        }
        break;
    case sf::Event::LostFocus:
        dragging_ = false;
        break;
    case sf::Event::MouseWheelScrolled:
        if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel && !backend_.wants_mouse()) {
            const double factor = std::pow(1.25, static_cast<double>(event.mouseWheelScroll.delta));
            ui_.camera.zoom_at({static_cast<double>(event.mouseWheelScroll.x),
                                static_cast<double>(event.mouseWheelScroll.y)},
                               factor, ui_.fit_scale / 8, ui_.fit_scale * 400);
        }
        break;
    case sf::Event::KeyPressed:
        if (backend_.wants_keyboard()) break;
        if (event.key.code == sf::Keyboard::R) ui_.camera_fitted = false;
        if (event.key.code == sf::Keyboard::Add || event.key.code == sf::Keyboard::Subtract ||
            event.key.code == sf::Keyboard::Equal || event.key.code == sf::Keyboard::Hyphen) {
            const bool in =
                event.key.code == sf::Keyboard::Add || event.key.code == sf::Keyboard::Equal;
            ui_.camera.zoom_at({ui_.camera.width / 2, ui_.camera.height / 2}, in ? 1.25 : 0.8,
                               ui_.fit_scale / 8, ui_.fit_scale * 400);
        }
        break;
    default:
        break;
    }
}

Snapshot App::make_snapshot() const {
    Snapshot s;
    s.loaded = loaded_;
    s.frame = live_.latest();
    s.series = &series_;
    s.metric = metric_;
    s.frames_per_second = fps_;
    s.compare = compare_.view();
    s.validation = validate_.view();
    return s;
}

void App::draw(const Snapshot& snapshot, Commands& commands) {
    // a panel that opens comes to the front
    if (ui_.show_editor && !ui_.editor_shown) ui_.editor_focus = true;
    if (ui_.show_validation && !ui_.validation_shown) ui_.validation_focus = true;
    ui_.editor_shown = ui_.show_editor;
    ui_.validation_shown = ui_.show_validation;
    draw_menu_bar(snapshot, ui_, commands);
    draw_map_overlay(snapshot, ui_, commands);
    if (ui_.show_scenario) draw_scenario_panel(snapshot, ui_, commands);
    if (ui_.show_run) draw_run_panel(snapshot, ui_, commands);
    if (ui_.show_charts) draw_charts_panel(snapshot, ui_, commands);
    if (ui_.show_centre) draw_centre_panel(snapshot, ui_, commands);
    if (ui_.show_compare) draw_compare_panel(snapshot, ui_, commands);
    if (ui_.show_editor) draw_editor_panel(snapshot, ui_, commands);
    if (ui_.show_validation) draw_validation_panel(snapshot, ui_, commands);
    draw_load_problems(snapshot, ui_, commands);
    draw_file_dialog(snapshot, ui_, commands);
    if (snapshot.frame->session) {
        if (ui_.show_console) draw_console_panel(snapshot, ui_, commands);
        if (ui_.show_course) draw_course_panel(snapshot, ui_, commands);
    }
    // the exercise editor: asked for from the View menu, opened on the session's exercise (or
    // a new exercise.toml here)
    if (ui_.show_exercise_editor && !editor_.open) {
        if (editor_.file.empty())
            editor_open(editor_, options_.exercise.empty() ? std::filesystem::path("exercise.toml")
                                                           : options_.exercise);
        editor_.open = true;
    }
    if (editor_.open) draw_exercise_editor(snapshot, editor_, ui_.lang);
    ui_.show_exercise_editor = editor_.open;
    // last: the map's texts keep clear of every window drawn above
    draw_map_labels(snapshot, ui_);
}

void App::apply(Commands& commands) {
    for (const Command& c : commands.queue) {
        std::visit(Overloaded{
                       [&](const RestartRun& r) {
                           // a session's replication is the journal's: it is not restarted
                           if (loaded_->scenario && !session_)
                               live_.restart(loaded_->scenario, r.seed);
                       },
                       [&](const PlayRun&) { live_.play(); },
                       [&](const PauseRun&) { live_.pause(); },
                       [&](const StepEvent&) { live_.step_event(); },
                       [&](const StepBy& s) { live_.step(s.d); },
                       [&](const SetSpeed& s) { live_.set_speed(s.sim_seconds_per_second); },
                       [&](const JumpTo& j) { live_.run_to(j.t); },
                       [&](const ResetMapView&) { ui_.camera_fitted = false; },
                       [&](const Decide& d) {
                           live_.decide(d.request, d.change, d.source, d.author, d.text);
                       },
                       [&](const InjectAction& a) {
                           switch (a.kind) {
                           case InjectAction::Kind::FireNow:
                               live_.fire_inject_now(a.request, a.id, a.author);
                               break;
                           case InjectAction::Kind::Skip:
                               live_.skip_inject(a.request, a.id, a.author);
                               break;
                           case InjectAction::Kind::Delay:
                               live_.delay_inject(a.request, a.id, a.at, a.author);
                               break;
                           case InjectAction::Kind::Edit:
                               live_.edit_inject(a.request, a.id, a.edit, a.author);
                               break;
                           }
                       },
                       [&](const Observe& o) {
                           live_.observe(o.request, o.author, o.text, o.objective, o.rating);
                       },
                       [&](const SetPauseAtInjects& p) { live_.set_pause_at_injects(p.on); },
                       [&](const StartCompare& s) {
                           // the comparison shows, with these plans ticked
                           ui_.show_compare = true;
                           ui_.compare_focus = true;
                           if (ui_.compare_files.empty())
                               for (const auto& p : loaded_->plan_candidates) {
                                   ui_.compare_files.push_back(p.string());
                                   ui_.compare_picked.push_back(0);
                               }
                           std::fill(ui_.compare_picked.begin(), ui_.compare_picked.end(), 0);
                           for (const auto& p : s.plans) {
                               const auto it =
                                   std::find(ui_.compare_files.begin(), ui_.compare_files.end(), p);
                               if (it == ui_.compare_files.end()) {
                                   ui_.compare_files.push_back(p);
                                   ui_.compare_picked.push_back(1);
                               } else {
                                   ui_.compare_picked[static_cast<std::size_t>(
                                       it - ui_.compare_files.begin())] = 1;
                               }
                           }
                           CompareRequest request;
                           request.world = loaded_->world_file;
                           for (const auto& p : s.plans) request.plans.emplace_back(p);
                           request.replications = s.replications;
                           request.seed = s.seed;
                           compare_.start(std::move(request));
                       },
                       [&](const CancelCompare&) { compare_.cancel(); },
                       [&](const SavePlan& s) { save_plan(s.file, s.overwrite); },
                       [&](const StartValidate& v) {
                           validate_.start(
                               loaded_->scenario, v.replications, ui_.seed,
                               static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
                       },
                       [&](const CancelValidate&) { validate_.cancel(); },
                       [&](const GoToPlace& g) { go_to(g.centre, g.day); },
                       [&](const OpenScenario& o) { open_scenario(o.world, o.plan); },
                       [&](const OpenPlan& o) { open_plan(o.file); },
                       [&](const ExportCompare& e) {
                           const auto view = compare_.view();
                           if (!view->comparison) return;
                           const WriteStatus status =
                               write_file_atomic(e.file, compare_csv(*view->comparison));
                           ui_.compare_message =
                               status.ok()
                                   ? std::string{tr(ui_.lang, Text::CompareWritten)} + " " + e.file
                                   : status.error;
                       },
                   },
                   c);
    }
    commands.queue.clear();
}

bool App::save_screenshot(const std::filesystem::path& file) {
    // Read the back buffer before display(): after it, its content is undefined.
    const sf::Vector2u size = window_->getSize();
    sf::Texture texture;
    if (!texture.create(size.x, size.y)) {
        std::cerr << "riposte-gui: error: cannot create a " << size.x << "x" << size.y
                  << " texture to copy the window into\n";
        return false;
    }
    texture.update(*window_);
    const sf::Image image = texture.copyToImage();

    // Written atomically: a temporary file in the same directory (ending in .png, since SFML
    // picks the format from the extension), then renamed over the target.
    const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : ".";
    const std::filesystem::path tmp =
        dir / ("." + file.filename().string() + ".tmp-" + std::to_string(::getpid()) + ".png");
    if (!image.saveToFile(tmp.string())) {
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        std::cerr << "riposte-gui: error: cannot write the screenshot into '" << dir.string()
                  << "' (is the directory writable?)\n";
        return false;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        std::cerr << "riposte-gui: error: cannot rename " << tmp.string() << " to " << file.string()
                  << ": " << ec.message() << "\n";
        return false;
    }
    std::cout << "riposte-gui: saved " << file.string() << " (" << size.x << "x" << size.y << ")\n";
    if (editor_.open)
        for (std::size_t k = 0; k < editor_.marker_at.size(); ++k)
            std::cout << "riposte-gui: editor inject " << k << " marker at "
                      << std::lround(editor_.marker_at[k][0]) << ","
                      << std::lround(editor_.marker_at[k][1]) << "\n";
    // Where things were drawn, for the screenshot tests' pixel checks.
    for (const WindowRect& w : drawn_windows())
        std::cout << "riposte-gui: window " << w.name << " at " << std::lround(w.x) << ","
                  << std::lround(w.y) << " size " << std::lround(w.w) << "x" << std::lround(w.h)
                  << "\n";
    if (loaded_->scenario && loaded_->map) {
        const MapScene& scene = ui_.map_scene.scene();
        for (std::size_t c = 0; c < loaded_->scenario->plan.centres.size(); ++c) {
            const MapPoint p = scene.centre_marker_screen(static_cast<int>(c), ui_.camera);
            if (!std::isfinite(p.x)) continue; // outside the view's scene
            const Rgba rgb = scene.markers[static_cast<std::size_t>(scene.centre_marker[c])].colour;
            std::cout << "riposte-gui: centre " << c << " marker at " << std::lround(p.x) << ","
                      << std::lround(p.y) << " rgb " << int{rgb[0]} << "," << int{rgb[1]} << ","
                      << int{rgb[2]} << "\n";
        }
        // the map's aggregated markers and overseas frames (France), for the pixel checks
        for (const SceneMarker& m : scene.markers) {
            if (m.count < 2) continue;
            const MapPoint p = ui_.camera.to_screen(m.at);
            if (p.x < 0 || p.y < 0 || p.x >= ui_.camera.width || p.y >= ui_.camera.height) continue;
            std::cout << "riposte-gui: map marker " << m.count << " centres at " << std::lround(p.x)
                      << "," << std::lround(p.y) << " half " << std::lround(m.half_px) << "\n";
        }
        for (const MapInset& inset : loaded_->map->insets) {
            const MapPoint lo = ui_.camera.to_screen(inset.lo), hi = ui_.camera.to_screen(inset.hi);
            std::cout << "riposte-gui: map inset " << inset.code << " at " << std::lround(lo.x)
                      << "," << std::lround(lo.y) << " size " << std::lround(hi.x - lo.x) << "x"
                      << std::lround(hi.y - lo.y) << "\n";
        }
        for (const auto& [k, x, y] : ui_.inset_titles_drawn)
            std::cout << "riposte-gui: map inset title "
                      << loaded_->map->insets[static_cast<std::size_t>(k)].code << " drawn at "
                      << std::lround(x) << "," << std::lround(y) << "\n";
        std::cout << "riposte-gui: map cells " << scene.cells.size() << " discs "
                  << scene.discs.size() << " labels " << scene.labels.size() << "\n";
    }
    return true;
}

LayoutAudit App::audit_last_frame() {
    backend_.make_current();
    return audit_layout();
}

bool App::report_layout_audit() {
    // the frame just saved: its draw lists stay valid until the next frame starts
    backend_.make_current();
    const LayoutAudit audit = audit_layout();
    for (const std::string& line : format_layout_audit(audit))
        std::cout << "riposte-gui: " << line << "\n";
    bool ok = audit.problems.empty();
    if (players_.is_open()) {
        // the players' screen is a window of its own, with its own ImGui
        const LayoutAudit players = players_.audit();
        for (const std::string& line : format_layout_audit(players))
            std::cout << "riposte-gui: players: " << line << "\n";
        ok = ok && players.problems.empty();
    }
    return ok;
}

int App::screenshot_exit_code() const {
    if (!loaded_->scenario) return static_cast<int>(ExitCode::BadInput);
    const auto frame = live_.latest();
    if (frame->status == LiveStatus::Failed) return static_cast<int>(ExitCode::RunError);
    if (options_.run_at_start && frame->status != LiveStatus::Done)
        return static_cast<int>(ExitCode::RunError); // the run did not finish in time
    if (options_.until_day && frame->state.now < until_time())
        return static_cast<int>(ExitCode::RunError); // the day was not reached in time
    if (!options_.compare.empty()) {
        const auto v = compare_.view();
        if (v->status != CompareStatus::Done)
            return static_cast<int>(v->diagnostics.empty() ? ExitCode::RunError
                                                           : ExitCode::BadInput);
    }
    return static_cast<int>(ExitCode::Ok);
}

bool App::screenshot_ready(float waited_seconds) const {
    if (!loaded_->scenario || waited_seconds >= screenshot_run_timeout_seconds) return true;
    if (options_.validate_replications > 0 &&
        snapshot_.validation->status == ValidateStatus::Running)
        return false; // the verdict drawn must be the targets'
    if (!options_.compare.empty()) {
        // the table drawn must be the finished comparison's
        const CompareStatus s = snapshot_.compare->status;
        if (s == CompareStatus::Loading || s == CompareStatus::Running) return false;
    }
    const LiveFrame& f = *snapshot_.frame;
    if (f.status == LiveStatus::Failed) return true;
    // The frame drawn must show what was asked for, with its series taken in.
    if (options_.run_at_start) return f.status == LiveStatus::Done;
    if (options_.until_day) return f.status == LiveStatus::Paused && f.state.now >= until_time();
    return f.status != LiveStatus::Idle;
}

std::optional<int> App::open() {
    loaded_ = load_for_gui(options_);
    for (const Diagnostic& d : loaded_->diagnostics) std::cerr << format_diagnostic(d) << "\n";

    if (options_.screenshot) {
        const auto dir = options_.screenshot->has_parent_path() ? options_.screenshot->parent_path()
                                                                : std::filesystem::path{"."};
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) {
            std::cerr << "riposte-gui: error: cannot save the screenshot into '" << dir.string()
                      << "': no such directory; create it or choose another path\n";
            return static_cast<int>(ExitCode::BadInput);
        }
    }
    display_.emplace();
    if (!display_->problem().empty()) {
        std::cerr << "riposte-gui: error: " << display_->problem() << "\n";
        return static_cast<int>(ExitCode::RunError);
    }
    if (!open_window()) {
        std::cerr << "riposte-gui: error: cannot open a window. Is an X display available "
                     "(DISPLAY set)? Without one, run under xvfb-run -a -s \"-screen 0 "
                     "1600x1000x24\".\n";
        return static_cast<int>(ExitCode::RunError);
    }
    // The window's frames come first; the run goes on with the processor time they leave
    // (on a two-core laptop with software OpenGL, a run at full speed would halve the frame
    // rate).
    live_.lower_worker_priority();
    if (!backend_.init(*window_)) {
        std::cerr << "riposte-gui: error: cannot start Dear ImGui's OpenGL renderer on this "
                     "display (OpenGL 2.0 or later is needed)\n";
        return static_cast<int>(ExitCode::RunError);
    }
    map_.emplace();
    map_->set_scenario(loaded_->scenario, loaded_->map);
    if (options_.remember) {
        config_dir_ = user_config_dir();
        std::error_code ec;
        if (!config_dir_.empty()) std::filesystem::create_directories(config_dir_, ec);
        if (config_dir_.empty() || ec) {
            std::cerr << "riposte-gui: warning: no per-user config folder (set HOME or "
                         "RIPOSTE_CONFIG_DIR): the layout and recent files are not kept\n";
            config_dir_.clear();
        } else {
            backend_.set_layout_file((config_dir_ / "imgui.ini").string());
            recent_.load(config_dir_);
        }
    }
    if (!loaded_->scenario) {
        for (const Diagnostic& d : loaded_->diagnostics)
            ui_.load_problems.push_back(format_diagnostic(d));
        ui_.show_load_problems = true;
    }
    remember_loaded();
    if (ui_.recent.empty())
        for (const RecentEntry& e : recent_.entries()) ui_.recent.emplace_back(e.world, e.plan);

    series_.reset(loaded_->scenario.get());
    validate_.structure(loaded_->scenario);
    if (loaded_->scenario && !options_.centre.empty()) {
        const int c = loaded_->scenario->plan.find_centre(options_.centre).value();
        if (c < 0) {
            std::cerr << "riposte-gui: error: the plan has no centre named '" << options_.centre
                      << "'\n";
            return static_cast<int>(ExitCode::BadInput);
        }
        ui_.selected_centre = c;
        ui_.show_centre = true;
    }
    if (!options_.edit_exercise.empty()) {
        editor_open(editor_, options_.edit_exercise);
        ui_.show_exercise_editor = true;
    }
    if (loaded_->scenario && !options_.exercise.empty()) {
        if (const auto stop = start_exercise()) return stop;
    } else if (loaded_->scenario) {
        external_.push(RestartRun{ui_.seed});
        if (options_.speed) {
            external_.push(SetSpeed{*options_.speed});
            ui_.speed_max = *options_.speed <= 0;
            if (*options_.speed > 0)
                ui_.speed_log10 = static_cast<float>(std::log10(*options_.speed));
        }
        for (const std::string& p : options_.panels) {
            if (p == "compare") ui_.show_compare = true;
            if (p == "editor") ui_.show_editor = true;
            if (p == "validation") ui_.show_validation = true;
            if (p == "files") open_file_dialog(*loaded_, ui_, FileDialogState::Folder);
        }
        if (options_.validate_replications > 0) {
            ui_.show_validation = true;
            ui_.validation_replications = options_.validate_replications;
            external_.push(StartValidate{options_.validate_replications});
        }
        if (!options_.compare.empty()) {
            ui_.show_compare = true;
            ui_.compare_focus = true;
            ui_.compare_replications = options_.replications;
            StartCompare start{{}, options_.replications, ui_.seed};
            for (const auto& p : options_.compare) {
                ui_.compare_files.push_back(p.string());
                ui_.compare_picked.push_back(1);
                start.plans.push_back(p.string());
            }
            external_.push(std::move(start));
        }
        if (options_.run_at_start)
            external_.push(PlayRun{});
        else if (options_.until_day)
            external_.push(JumpTo{until_time()});
        apply(external_);
    }
    snapshot_ = make_snapshot();
    frame_clock_.restart();
    return std::nullopt;
}

std::optional<int> App::start_exercise() {
    ExerciseLoadResult ex = load_exercise(options_.exercise, *loaded_->scenario);
    for (const Diagnostic& d : ex.diagnostics.items()) std::cerr << format_diagnostic(d) << "\n";
    if (!ex.exercise) return static_cast<int>(ExitCode::BadInput);
    SessionInputs in;
    in.scenario = loaded_->scenario;
    in.exercise = std::make_shared<const Exercise>(std::move(*ex.exercise));
    in.seed = ui_.seed;
    in.world_file = loaded_->world_file;
    in.plan_file = loaded_->plan_file;
    in.exercise_file = options_.exercise;
    std::filesystem::path journal = options_.journal;
    if (journal.empty()) {
        const std::time_t now =
            std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
        journal = options_.exercise.stem().string() + "-" + stamp + ".journal.toml";
    }
    std::error_code ec;
    const bool resume = std::filesystem::exists(journal, ec);
    if (resume) {
        // resuming: the session's seed is the journal's
        const JournalReadResult jr = read_journal(journal);
        for (const Diagnostic& d : jr.diagnostics.items())
            std::cerr << format_diagnostic(d) << "\n";
        if (!jr.journal) return static_cast<int>(ExitCode::BadInput);
        in.seed = jr.journal->header.seed;
        in.replication = jr.journal->header.replication;
        ui_.seed = in.seed;
    }
    std::cout << "riposte-gui: " << (resume ? "resuming the session of " : "journal: ")
              << journal.string() << "\n";
    session_ = true;
    // the console takes the left of the window, the main courante the bottom; the charts and
    // the legend stay in the View menu
    ui_.show_scenario = false;
    ui_.show_charts = false;
    ui_.show_legend = false;
    // by default the facilitator plays each inject out (the console can turn it off); sent
    // before the session starts so that its first frame already says so
    live_.set_pause_at_injects(options_.pause_at_injects);
    live_.start_session(std::move(in), journal, resume);
    if (options_.run_at_start) live_.play();
    if (options_.speed) {
        live_.set_speed(*options_.speed);
        ui_.speed_max = false;
        ui_.speed_log10 = static_cast<float>(std::log10(*options_.speed));
    }
    if (options_.players_window &&
        !players_.open(loaded_, ui_.lang, options_.width, options_.height))
        std::cerr << "riposte-gui: warning: the players' window could not be opened\n";
    return std::nullopt;
}

std::filesystem::path App::journal() const {
    const auto f = live_.latest();
    return f->session ? f->session->journal : std::filesystem::path{};
}

bool App::frame(bool present) {
    sf::Event event;
    bool input = false;
    while (window_->pollEvent(event)) {
        handle_event(event);
        input = true;
    }
    if (!window_->isOpen()) return false;
    // While replications run in the background (a comparison, a validation) only their progress
    // moves: a frame is drawn on input or every background_redraw_seconds, else the thread
    // sleeps briefly (software GL would take a core from the replications).
    const bool background = compare_.busy() || validate_.busy();
    if (background && !input &&
        redraw_clock_.getElapsedTime().asSeconds() < background_redraw_seconds) {
        drew_ = false;
        sf::sleep(sf::milliseconds(8));
        return true;
    }
    drew_ = true;
    redraw_clock_.restart();

    const float dt = frame_clock_.restart().asSeconds();
    ++fps_frames_;
    fps_seconds_ += dt;
    if (fps_seconds_ >= 0.5f) {
        fps_ = static_cast<float>(fps_frames_) / fps_seconds_;
        fps_frames_ = 0;
        fps_seconds_ = 0;
    }
    fit_map_if_needed();

    // Take in what the worker published: the latest frame and the rows added since.
    const auto poll_start = std::chrono::steady_clock::now();
    LiveUpdate update = live_.poll();
    last_poll_ms_ =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - poll_start)
            .count();
    if (update.reset) series_.reset(loaded_->scenario.get());
    if (loaded_->scenario) series_.add(*loaded_->scenario, update.added);
    update_metric(*update.frame);
    snapshot_ = make_snapshot();
    snapshot_.frame = update.frame;

    backend_.set_large_font(ui_.large_font);
    backend_.new_frame(*window_, dt);
    Commands commands;
    draw(snapshot_, commands);

    // SFML first (its cached GL state is stale after ImGui's renderer ran), ImGui on top.
    window_->resetGLStates();
    window_->clear(to_sf(map_colours::background));
    map_->draw(*window_, ui_.camera, ui_.map_scene.scene());
    backend_.render(*window_);
    if (present) window_->display();
    // the players' screen draws from the same snapshot; its decisions join the commands
    if (players_.is_open()) players_.frame(snapshot_, ui_.next_request, commands, present);
    (void)window_->setActive(true);
    apply(commands);
    apply(external_);
    return true;
}

void App::update_metric(const LiveFrame& frame) {
    if (!loaded_->scenario) return;
    const MetricKey key{ui_.map_metric, frame.state.now.day(), ui_.metric_group, frame.generation,
                        frame.results.get()};
    if (key == metric_key_) return;
    metric_key_ = key;
    auto values = std::make_shared<MetricValues>(
        metrics_.compute(*loaded_->scenario, key.metric, key.day, key.group, frame.results.get()));
    metric_ = std::move(values); // the map's scene is rebuilt with it
}

void App::close() {
    live_.pause();
    players_.close();
    if (window_ && window_->isOpen()) {
        backend_.shutdown(); // while the window's context still exists
        window_->close();
    }
}

void App::save_plan(const std::string& file, bool overwrite) {
    PlanEditorState& e = ui_.editor;
    if (!e.draft) return;
    PlanOrigin origin;
    origin.program = "riposte-gui";
    origin.plan_file = loaded_->plan_file;
    origin.world_file = loaded_->world_file;
    origin.note = "Edited in the dashboard's plan editor.";
    origin.save_to = file;
    const PlanText text = plan_to_toml(*e.draft, origin);
    if (!text.ok()) {
        e.message = text.error;
        return;
    }
    const WriteStatus status = save_plan_toml(file, text.text, overwrite);
    if (!status.ok()) {
        e.message = status.error;
        return;
    }
    e.message = std::string{tr(ui_.lang, Text::EditorSaved)} + " " + file;
    e.saved_file = file;
    std::cout << "riposte-gui: saved the plan " << file << "\n";
}

void App::go_to(int centre, int day) {
    if (!loaded_->scenario) return;
    if (centre >= 0 && centre < static_cast<int>(loaded_->scenario->plan.centres.size())) {
        ui_.selected_centre = centre;
        ui_.show_centre = true;
        const int commune =
            loaded_->scenario->plan.centres[static_cast<std::size_t>(centre)].commune;
        if (loaded_->map && commune >= 0 &&
            static_cast<std::size_t>(commune) < loaded_->map->commune_pos.size())
            ui_.camera.centre = loaded_->map->commune_pos[static_cast<std::size_t>(commune)];
    }
    if (day >= 0 && !session_) live_.run_to(days(day));
}

void App::open_plan(const std::string& file) {
    open_scenario(loaded_->world_file.string(), file);
}

void App::remember_loaded() {
    if (!loaded_->scenario) return;
    recent_.add({loaded_->world_file.string(), loaded_->plan_file.string()});
    ui_.recent.clear();
    for (const RecentEntry& e : recent_.entries()) ui_.recent.emplace_back(e.world, e.plan);
    if (!config_dir_.empty() && !recent_.save(config_dir_))
        std::cerr << "riposte-gui: warning: cannot write the recent files into "
                  << config_dir_.string() << "\n";
}

void App::open_scenario(const std::string& world, const std::string& plan) {
    GuiOptions o = options_;
    o.world = world;
    o.plan = plan;
    auto next = load_for_gui(o);
    if (!next->scenario) {
        // nothing changes; the problems show in their panel, file:line:column first
        ui_.load_problems.clear();
        for (const Diagnostic& d : next->diagnostics)
            ui_.load_problems.push_back(format_diagnostic(d));
        ui_.show_load_problems = true;
        ui_.editor.message = std::string{tr(ui_.lang, Text::PanelLoadProblems)};
        return;
    }
    ui_.load_problems.clear();
    ui_.show_load_problems = false;
    loaded_ = std::move(next);
    options_.world = loaded_->world_file;
    options_.plan = loaded_->plan_file;
    map_->set_scenario(loaded_->scenario, loaded_->map);
    series_.reset(loaded_->scenario.get());
    metric_key_ = {};
    ui_.selected_centre = -1;
    ui_.show_centre = false;
    ui_.compare_files.clear();
    ui_.compare_picked.clear();
    if (!session_) live_.restart(loaded_->scenario, ui_.seed);
    validate_.structure(loaded_->scenario);
    ui_.camera_fitted = false; // another world may be elsewhere
    remember_loaded();
    std::cout << "riposte-gui: opened " << world << " and " << plan << "\n";
}

bool App::report_compare() {
    compare_reported_ = true;
    const auto v = compare_.view();
    for (const Diagnostic& d : v->diagnostics) std::cerr << format_diagnostic(d) << "\n";
    if (v->status != CompareStatus::Done || !v->comparison) {
        std::cerr << "riposte-gui: error: the comparison did not finish"
                  << (v->error.empty() ? std::string{} : ": " + v->error) << "\n";
        return false;
    }
    std::cout << "riposte-gui: comparison done in " << v->seconds << " s ("
              << v->comparison->plans.size() << " plans x " << options_.replications
              << " replications)\n";
    if (!options_.compare_csv.empty()) {
        const WriteStatus status =
            write_file_atomic(options_.compare_csv, compare_csv(*v->comparison));
        if (!status.ok()) {
            std::cerr << "riposte-gui: error: " << status.error << "\n";
            return false;
        }
        std::cout << "riposte-gui: wrote " << options_.compare_csv.string() << "\n";
    }
    return true;
}

namespace {

/// Processor time this process has used so far, every thread (the window's, Mesa's rasterizer
/// threads, the live run's worker), in milliseconds: the work of the frames, which the machine's
/// load does not stretch as it stretches their wall time.
double process_cpu_ms() {
    rusage ru{};
    if (getrusage(RUSAGE_SELF, &ru) != 0) return 0;
    const auto ms = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
    };
    return ms(ru.ru_utime) + ms(ru.ru_stime);
}

} // namespace

int App::run_frame_stats() {
    window_->setFramerateLimit(0); // the work of a frame, not the cap's sleep
    constexpr int warmup = 30;
    std::vector<double> frame_ms;
    double longest_wait = 0;
    int n = 0;
    double cpu_start = process_cpu_ms();
    while (static_cast<int>(frame_ms.size()) < options_.frame_stats) {
        const auto t0 = std::chrono::steady_clock::now();
        if (!frame(false)) break;
        if (!drew_) continue;
        window_->display();
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
        if (++n <= warmup) {
            if (n == warmup) cpu_start = process_cpu_ms();
            continue;
        }
        frame_ms.push_back(ms);
        longest_wait = std::max(longest_wait, last_poll_ms_);
    }
    const double cpu_ms = process_cpu_ms() - cpu_start;
    const auto status = live_.latest()->status;
    close();
    if (frame_ms.empty()) return static_cast<int>(ExitCode::RunError);
    std::vector<double> sorted = frame_ms;
    std::sort(sorted.begin(), sorted.end());
    const auto at = [&](double q) {
        return sorted[std::min(sorted.size() - 1,
                               static_cast<std::size_t>(q * static_cast<double>(sorted.size())))];
    };
    std::cout << "riposte-gui: frame-stats frames " << sorted.size() << " median_ms " << at(0.5)
              << " p90_ms " << at(0.9) << " max_ms " << sorted.back() << " engine_wait_max_ms "
              << longest_wait << " scene_rebuilds " << ui_.map_scene.rebuilds()
              << " scene_build_max_ms " << ui_.map_scene.longest_rebuild_ms() << " run "
              << (status == LiveStatus::Done     ? "done"
                  : status == LiveStatus::Paused ? "paused"
                                                 : "running")
              << " cpu_ms_per_frame " << cpu_ms / static_cast<double>(frame_ms.size())
              << " map_cache_redraws " << (map_ ? map_->cache_redraws() : 0) << "\n";
    return static_cast<int>(ExitCode::Ok);
}

int App::run() {
    if (const auto stop = open()) return *stop;
    int exit_code = static_cast<int>(ExitCode::Ok);
    int frames_ready = 0;
    sf::Clock wall_clock;
    if (options_.frame_stats > 0) return run_frame_stats();
    while (frame(false)) {
        if (!drew_) continue; // nothing new drawn: nothing to show or save
        if (!options_.compare.empty() && !compare_reported_) {
            const CompareStatus s = snapshot_.compare->status;
            if (s != CompareStatus::Loading && s != CompareStatus::Running &&
                s != CompareStatus::Idle && !report_compare())
                exit_code = static_cast<int>(ExitCode::RunError);
        }
        if (options_.screenshot) {
            if (screenshot_ready(wall_clock.getElapsedTime().asSeconds())) ++frames_ready;
            if (frames_ready >= options_.frames) {
                const int shot = save_screenshot(*options_.screenshot)
                                     ? screenshot_exit_code()
                                     : static_cast<int>(ExitCode::RunError);
                if (exit_code == static_cast<int>(ExitCode::Ok)) exit_code = shot;
                if (options_.layout_audit && !report_layout_audit() &&
                    exit_code == static_cast<int>(ExitCode::Ok))
                    exit_code = static_cast<int>(ExitCode::RunError);
                break;
            }
        }
        window_->display();
    }
    close();
    return exit_code;
}

} // namespace riposte::gui
