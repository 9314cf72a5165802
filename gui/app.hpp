#pragma once
// The dashboard application: the window and frame loop, the loaded scenario, the live run.
// Uses SFML (window, events, map drawing) and the backend, never ImGui directly: panels do
// the ImGui drawing and are dispatched from App::draw().
#include "backend/imgui_sfml_backend.hpp"
#include "commands.hpp"
#include "compare_job.hpp"
#include "display_check.hpp"
#include "exercise_editor.hpp"
#include "layout_audit.hpp"
#include "live_series.hpp"
#include "map_view.hpp"
#include "options.hpp"
#include "players_window.hpp"
#include "riposte/live_run.hpp"
#include "snapshot.hpp"
#include "ui_state.hpp"
#include "user_config.hpp"
#include "validate_job.hpp"

#include <SFML/Graphics/RenderWindow.hpp>

#include <memory>
#include <optional>

namespace riposte::gui {

/// Loads the scenario files named in `options` (the bundled default when none) and prepares
/// the map geometry. Never throws: problems are diagnostics.
std::shared_ptr<const LoadedScenario> load_for_gui(const GuiOptions& options);

class App {
  public:
    explicit App(GuiOptions options);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    /// Opens the window and runs until it is closed (or the screenshot is saved).
    /// Returns the process exit code.
    int run();

    // The pieces of run(), for tests that drive a real window frame by frame.
    /// Loads the scenario, opens the window and starts the live run (paused at time 0).
    /// Returns the exit code to stop with, or nullopt when the window is ready.
    std::optional<int> open();
    /// Handles pending window events, draws one frame, applies the panels' commands, and shows
    /// it when `present` (run() reads the back buffer for a screenshot first). While
    /// replications run in the background and no input comes, a call may draw nothing (at most
    /// 0.5 s apart; drew() says). False once the window is closed.
    bool frame(bool present = true);
    /// Asks for a command as a panel would (applied after the next frame is drawn).
    void command(Command c) { external_.push(std::move(c)); }
    /// Closes the window and stops the live run.
    void close();
    [[nodiscard]] const Snapshot& last_snapshot() const { return snapshot_; }
    [[nodiscard]] bool drew() const { return drew_; }
    [[nodiscard]] const LiveSeries& series() const { return series_; }
    [[nodiscard]] const UiState& ui() const { return ui_; }
    [[nodiscard]] UiState& ui() { return ui_; }
    /// The players' window (exercise sessions; null when not open).
    [[nodiscard]] ExerciseEditor& editor() { return editor_; }
    [[nodiscard]] PlayersWindow* players() { return players_.is_open() ? &players_ : nullptr; }
    /// The dashboard's window (tests: pictures); null before open().
    [[nodiscard]] sf::RenderWindow* window() { return window_ ? &*window_ : nullptr; }
    /// The journal the session writes now (empty: not an exercise session).
    [[nodiscard]] std::filesystem::path journal() const;
    /// The layout audit of the last frame drawn in the dashboard's window (tests; as
    /// --layout-audit reports it).
    [[nodiscard]] LayoutAudit audit_last_frame();
    /// Feeds an input event as the window would (tests: clicks on the map).
    void inject_event(const sf::Event& event) { handle_event(event); }

  private:
    bool open_window();
    /// --exercise: loads the chronogramme and starts (or resumes) the journaled session.
    std::optional<int> start_exercise();
    void handle_event(const sf::Event& event);
    void fit_map_if_needed();
    [[nodiscard]] Snapshot make_snapshot() const;
    void draw(const Snapshot& snapshot, Commands& commands);
    void apply(Commands& commands);
    [[nodiscard]] bool save_screenshot(const std::filesystem::path& file);
    [[nodiscard]] int screenshot_exit_code() const;
    /// --layout-audit: prints the saved frame's cut, overlapping and hidden texts; false when
    /// there are any.
    bool report_layout_audit();
    /// True when a --screenshot run has what it waits for (a finished run, a day reached).
    [[nodiscard]] bool screenshot_ready(float waited_seconds) const;
    /// --until-day / --until-hour as a simulated time.
    [[nodiscard]] SimTime until_time() const {
        return days(options_.until_day.value_or(0)) + hours(options_.until_hour);
    }

    GuiOptions options_;
    // Held from open() to the end, past the window's creation (see DisplayProbe).
    std::optional<DisplayProbe> display_;
    // Created by open_window(): constructing any SFML window (even closed) reaches for the
    // display, and SFML 2.5 aborts when there is none.
    std::optional<sf::RenderWindow> window_;
    ImguiSfmlBackend backend_;
    std::optional<MapView> map_; // needs the window's OpenGL context
    UiState ui_;
    std::shared_ptr<const LoadedScenario> loaded_;
    bool dragging_ = false;
    sf::Vector2i drag_last_;
    float fps_ = 0;         ///< frames per second over the last measuring window
    int fps_frames_ = 0;    ///< frames counted in the current window
    float fps_seconds_ = 0; ///< length of the current window so far
    sf::Clock frame_clock_;
    Snapshot snapshot_;
    LiveSeries series_;
    Commands external_;    ///< commands from command() (tests, start-up options)
    bool session_ = false; ///< an exercise session runs (restart is not offered)
    PlayersWindow players_;
    ExerciseEditor editor_; ///< the exercise editor (--edit-exercise, or the View menu)
    // the communes' metric: recomputed when what it depends on changes
    void update_metric(const LiveFrame& frame);
    CommuneMetrics metrics_;
    std::shared_ptr<const MetricValues> metric_ = std::make_shared<const MetricValues>();
    struct MetricKey {
        MapMetric metric = MapMetric::None;
        int day = -1, group = -1;
        std::uint64_t generation = 0;
        const Results* results = nullptr;
        bool operator==(const MetricKey&) const = default;
    } metric_key_;
    RecentFiles recent_;
    std::filesystem::path config_dir_; ///< empty: nothing is remembered
    CompareJob compare_;
    ValidateJob validate_;
    bool compare_reported_ = false;
    double last_poll_ms_ = 0; ///< time the last frame waited on the live run's poll()
    /// --frame-stats: measures frames and exits.
    int run_frame_stats();
    bool drew_ = false;      ///< the last frame() drew (false: skipped while work runs)
    sf::Clock redraw_clock_; ///< since the last frame drawn ///< the --compare outcome was printed
                             ///< (and its CSV written)
    /// Once a --compare comparison is over: prints its time, writes --compare-csv. False when
    /// it failed or the CSV could not be written.
    bool report_compare();
    /// The plan editor's draft saved as plan TOML (SavePlan).
    void save_plan(const std::string& file, bool overwrite);
    /// Loads this plan against the loaded world and restarts the live run on it (OpenPlan).
    void open_plan(const std::string& file);
    /// Loads a world and a plan (File menu). On failure the open scenario stays and the
    /// problems go to the load-problems panel.
    void open_scenario(const std::string& world, const std::string& plan);
    /// Adds the loaded files to the recent ones (and saves them when remembering).
    void remember_loaded();
    /// Opens a centre's panel (map centred on it) and jumps the run to a day (GoToPlace).
    void go_to(int centre, int day);
    LiveRun live_; // last: stopped and joined first on destruction
};

} // namespace riposte::gui
