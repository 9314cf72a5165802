#pragma once
// Everything the interface remembers between frames (no function-local statics in panels).
#include "i18n.hpp"
#include "map_geometry.hpp"
#include "map_metric.hpp"
#include "map_scene.hpp"
#include "plan_edit.hpp"

#include "riposte/diagnostics.hpp"
#include "riposte/scenario.hpp"
#include "riposte/validation.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace riposte::gui {

/// A decision form's fields (the players' screen and the console each have one).
struct DecisionForm {
    enum Kind : int {
        CloseCentre,
        OpenCentre,
        AddLine,
        CallReserve,
        Reallocate,
        Booking,
        MoveStaff,
        SendTeam,
        ChangeHours,
        Message,
        KindCount
    };
    int kind = AddLine;
    int centre = 0, centre_to = 1; ///< plan centre indices
    int role = 0;                  ///< world role index
    int profession = 0;            ///< world profession index (move staff)
    int people = 1;
    int doses = 100;
    int horizon_days = 7;
    int from_day = 0; ///< booking: 0-based day index
    // booking rules: each one changed only when its box is ticked
    bool set_horizon = true, set_slot = false, set_per_slot = false, set_overbooking = false;
    int slot_minutes = 10, doses_per_slot = 1;
    float overbooking = 0.1f;
    int booking_centre = -1; ///< plan centre index (-1: every centre)
    int team = 0;            ///< send a mobile team: plan mobile team index (day: from_day)
    std::array<char, 256> communes{};      ///< send a mobile team: "34142, Aniane"
    int to_day = 0;                        ///< change hours: last day (from_day to to_day)
    std::array<char, 8> opens{}, closes{}; ///< change hours: "08:00", "20:00"
    std::array<char, 32> from{}, until{};
    std::array<char, 64> author{};
    std::array<char, 256> text{};
    std::uint64_t sent = 0;                 ///< request of the last decision sent (0: none)
    std::array<float, 2> submit_at{-1, -1}; ///< centre of the "Décider" button last drawn (px)
    std::string problem;                    ///< a field that does not read (shown under the form)
};

/// The ad-hoc inject form's fields (the facilitator console).
struct InjectForm {
    enum Kind : int {
        StaffIll,
        AbsenceWave,
        DeliveryLate,
        ColdChainFailure,
        DemandSurge,
        CentreClosed,
        StationSlowed,
        RoadCut,
        GroupEligible,
        Message,
        KindCount
    };
    int kind = StaffIll;
    int centre = 0;     ///< plan centre index
    int profession = 0; ///< world profession index
    int station = -1;   ///< station of the centre (-1: every station)
    int people = 1, days = 1, delay_days = 1;
    float share = 0.2f, lost_share = 0.0f, factor = 2.0f, walk_ins_per_hour = 0.0f;
    int group = 0; ///< world population group index (group eligible)
    std::array<char, 32> until{};
    std::array<char, 64> commune_a{}, commune_b{}; ///< road cut: INSEE codes or names
    std::array<char, 512> text{};                  ///< the text for the players
};

/// The facilitator console's fields.
struct ConsoleState {
    InjectForm inject;
    std::array<char, 64> author{}; ///< the animator acting
    std::string selected;          ///< inject id whose delay / edit fields are open
    std::array<char, 32> delay_to{};
    std::array<char, 1024> edit{};
    std::array<char, 1024> adhoc{};
    std::array<char, 32> rewind_to{};
    std::array<char, 512> observation{};
    int observation_objective = -1; ///< index in the exercise's objectives (-1: none)
    int observation_rating = -1;    ///< 0..3: P, S, M, U (-1: none)
    std::uint64_t sent = 0;         ///< request of the last action sent
    std::string problem;
};

/// The plan editor: a draft copy of the open plan, its structural verdict and the loader's
/// reading of the draft written as TOML (both redone after each change).
struct PlanEditorState {
    std::shared_ptr<Scenario> draft;       ///< null until the editor opens on a loaded plan
    const Scenario* source = nullptr;      ///< the loaded scenario the draft was copied from
    std::uint64_t version = 1;             ///< bumped by each change of the draft
    std::uint64_t checked = 0;             ///< version the verdicts below belong to
    ValidationReport rules;                ///< validate_structure(draft)
    std::vector<Diagnostic> read_back;     ///< the draft written as TOML and loaded again
    std::string write_error;               ///< the draft cannot be written (escalation rules)
    std::optional<std::string> difference; ///< first difference to the open plan (none: same)
    std::array<char, 512> save_as{};
    bool confirm = false;   ///< "the file exists: replace it?" is shown
    std::string message;    ///< the last save's outcome
    std::string saved_file; ///< the last file saved (run / compare it)
    // adding and removing (plan_edit.hpp)
    std::string edit_message; ///< what the last add/remove did, or why it was refused
    bool edit_refused = false;
    NewCentre new_centre; ///< the "add a centre" form
    std::array<char, 128> new_centre_name{};
    struct NewStation {
        std::array<char, 128> name{};
        int role = -1;
        bool area = false;
        int posts = 0, capacity = 10;
        std::array<char, 128> service{'3', ' ', '+', ' ', 'e', 'x', 'p', '(', '1', ')'};
        bool gives_dose = false, takes_sample = false;
    } new_station;
    std::string station_problem; ///< the service time of the "add a station" form
    std::array<char, 128> new_team_name{};
    int new_team_base = -1;
    /// The "name, kind and commune" form of the centre open in the editor.
    struct CentreForm {
        int centre = -1;
        std::uint64_t version = 0; ///< the draft's version it was filled from
        std::array<char, 128> name{};
        CentreKind kind = CentreKind::Vaccination;
        int commune = -1;
    } centre_form;
    /// Escalation decisions whose form does not read yet: (rule, decision) → text, problem.
    struct PendingDecision {
        int rule = -1, decision = -1;
        std::string text, problem;
    };
    std::vector<PendingDecision> pending;
    /// Where a few widgets were drawn (x, y, w, h in window pixels), by name ("escalation",
    /// "add_rule"): the scripted-input tests click there.
    std::vector<std::pair<std::string, std::array<float, 4>>> widget_at;
};

/// The file dialog (File menu): what it opens and where it is.
struct FileDialogState {
    enum Mode : int { Folder, Plan, World };
    bool open = false;
    int mode = Folder;
    std::string dir;                ///< the folder listed
    std::string listed;             ///< the folder the entries below are of
    std::vector<std::string> names; ///< entries of `listed` (folders end with '/')
    std::string error;              ///< `listed` cannot be read
    std::array<char, 1024> path{};  ///< the path field (a file or a folder)
};

struct UiState {
    Lang lang = Lang::Fr;
    bool large_font = false;
    // windows shown
    bool show_scenario = true;
    bool show_run = true;
    bool show_legend = true;
    bool show_charts = true;
    // run panel
    std::uint64_t seed = 1;
    float speed_log10 = 3.0f; ///< speed slider: log10 of simulated seconds per second (0..4)
    bool speed_max = true;    ///< as fast as possible (the slider is ignored)
    int jump_day = 0;         ///< "jump to day" field (0-based day index)
    // charts panel
    int chart_tab = 0;
    int chart_tab_wanted = -1; ///< a tab to bring forward at the next frame (-1: none)
    // scenario panel: commune table order (indices), rebuilt when the sort changes
    std::vector<int> commune_order;
    // map
    MapCamera camera;
    bool camera_fitted = false; ///< false: fit the map to the window on the next frame
    double fit_scale = 1;       ///< scale of the last fit (zoom limits are relative to it)
    int hovered_commune = -1;   ///< set by the map overlay each frame
    int selected_centre = -1;   ///< centre whose panel is open (-1: none)
    MapSceneCache map_scene;    ///< what the map shows (rebuilt on view changes)
    /// The insets' titles drawn in the last frame: (inset, screen x, screen y) (report)
    std::vector<std::array<float, 3>> inset_titles_drawn;
    std::vector<int> map_popup_centres; ///< centres offered by the "pick a centre" popup
    std::vector<int> map_marker_waiting, map_marker_staff; ///< per scene marker (scratch)
    MapMetric map_metric = MapMetric::None;                ///< what colours the communes
    int metric_group = -1; ///< coverage / unmet of this group (-1: all)
    bool show_centre = false;
    // exercise session
    bool show_console = true;
    bool show_course = true;
    int course_filter = 0;             ///< 0 all, else EntrySource + 1
    bool show_exercise_editor = false; ///< the exercise editor's window
    DecisionForm decision; ///< the console's own decision form (on behalf of the players)
    ConsoleState console;
    std::uint64_t next_request = 1; ///< numbers the session commands (shared by both windows)
    // comparison of plans
    bool show_compare = false;
    bool compare_focus = false;             ///< bring the window to the front on the next frame
    std::vector<std::string> compare_files; ///< the plans offered (LoadedScenario's, then added)
    std::vector<char> compare_picked;       ///< ticked, per compare_files entry
    int compare_replications = 20;
    std::array<char, 512> compare_add{};    ///< "add a plan" field
    std::array<char, 512> compare_export{}; ///< where "export compare.csv" writes
    std::string compare_message;            ///< the last export or add, for the panel
    // File menu
    FileDialogState file_dialog;
    std::vector<std::pair<std::string, std::string>> recent; ///< world, plan; newest first
    std::vector<std::string> load_problems; ///< file:line:column: message of the last failure
    bool show_load_problems = false;
    // validation panel
    bool show_validation = false;
    bool validation_focus = false; ///< bring the window to the front on the next frame
    int validation_replications = 20;
    // plan editor
    bool show_editor = false;
    bool editor_focus = false; ///< bring the window to the front on the next frame
    bool editor_shown = false, validation_shown = false; ///< shown in the last frame
    PlanEditorState editor;
};

/// The players' window: what it remembers between frames.
struct PlayersUi {
    Lang lang = Lang::Fr;
    bool large_font = true; ///< a projector
    MapCamera camera;
    MapSceneCache map_scene;
    bool camera_fitted = false;
    double fit_scale = 1;
    DecisionForm decision;
    std::vector<std::string> shown; ///< the messages drawn in the last frame (tests read it)
};

/// Width of the side panels on first use, in pixels.
/// Never more than 30% of the window.
inline float side_panel_width(const UiState& ui, float window_width) {
    const float wanted = ui.large_font ? 560.0f : 400.0f;
    return wanted < window_width * 0.3f ? wanted : window_width * 0.3f;
}
/// Gap between panels and the window edges.
inline constexpr float panel_margin = 10.0f;
/// Room kept under the map for the legend window when fitting the map.
inline double legend_height_estimate(const UiState& ui) {
    return ui.large_font ? 300.0 : 190.0;
}
/// Height of the live charts window on first use, in pixels (at the bottom of the map area).
inline float charts_height(const UiState& /*ui*/, float window_height) {
    return window_height * 0.52f;
}
/// Height kept for the main menu bar.
inline float menu_bar_height(const UiState& ui) {
    return ui.large_font ? 40.0f : 26.0f;
}

} // namespace riposte::gui
