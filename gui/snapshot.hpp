#pragma once
// What one frame draws from: immutable shared values, rebuilt cheaply each frame by the App
// (pointers are shared, nothing is copied deeply). Panels read it and never change it.
#include "compare_job.hpp"
#include "live_series.hpp"
#include "map_geometry.hpp"
#include "map_metric.hpp"
#include "validate_job.hpp"

#include "riposte/diagnostics.hpp"
#include "riposte/live_run.hpp"
#include "riposte/scenario.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace riposte::gui {

/// The outcome of loading the scenario files (immutable once built).
struct LoadedScenario {
    std::filesystem::path world_file, plan_file;
    std::shared_ptr<const Scenario> scenario; ///< null when loading failed
    std::vector<Diagnostic> diagnostics;      ///< errors and warnings, in file order
    std::shared_ptr<const MapGeometry> map;   ///< null when there is no scenario
    /// Plans the comparison offers: the plan file, then the other plan*.toml files of the
    /// world's folder (sorted).
    std::vector<std::filesystem::path> plan_candidates;
};

struct Snapshot {
    std::shared_ptr<const LoadedScenario> loaded; ///< never null
    std::shared_ptr<const LiveFrame> frame;       ///< the latest published frame; never null
    /// The run's series so far (owned by the App, changed only between frames).
    const LiveSeries* series = nullptr; ///< never null
    /// The communes' values of the metric chosen in UiState (never null).
    std::shared_ptr<const MetricValues> metric;
    float frames_per_second = 0;
    /// The comparison of plans (never null; Idle before the first).
    std::shared_ptr<const CompareView> compare;
    /// The validation verdict of the open plan (never null).
    std::shared_ptr<const ValidateView> validation;
};

} // namespace riposte::gui
