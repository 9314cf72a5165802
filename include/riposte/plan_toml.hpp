#pragma once
// A plan written back as a plan TOML file (the format of docs/scenario-format.md, [plan],
// [booking], [[centre]], [[mobile_team]], [validation]), for the dashboard's plan editor:
// loading the written text against the same world gives an equal Plan (plan_difference()
// finds nothing). toml++ keeps no comments, so the text starts with a generated header saying
// where it came from. No TOML library is needed to write it.
#include "riposte/output.hpp"
#include "riposte/scenario.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace riposte {

/// Where a written plan came from, for its header.
struct PlanOrigin {
    std::string program = "riposte"; ///< "riposte-gui"
    std::filesystem::path plan_file; ///< the plan it was loaded from (may be empty)
    std::filesystem::path world_file;
    std::string note; ///< e.g. "edited in the plan editor" (may be empty)
    /// Where the text will be saved: stress files are written relative to its folder (empty:
    /// absolute paths).
    std::filesystem::path save_to;
};

struct PlanText {
    std::string text;  ///< the file's content (empty when `error` is set)
    std::string error; ///< why the plan cannot be written
    [[nodiscard]] bool ok() const { return error.empty(); }
};

/// The plan of `scenario` as TOML text. Names (roles, vaccines, communes) are the world's.
/// [[escalation]] rules are written with their `when`, `then` (one inline table per decision,
/// times as offsets from the firing) and `once_per_day`.
PlanText plan_to_toml(const Scenario& scenario, const PlanOrigin& origin);

/// One decision of an escalation rule's `then`, as the plan reader wants it:
/// { add_line = { role = "injection", people = 1, for = "3h" } }.
std::string escalation_decision_to_toml(const Change& change);

/// Writes `text` to `file` atomically (temporary file, then rename). Refuses to replace an
/// existing file unless `overwrite` (the editor asks first).
WriteStatus save_plan_toml(const std::filesystem::path& file, const std::string& text,
                           bool overwrite);

/// The first difference between two plans of the same world, as "centres[1].shifts[0].staff
/// [injection]: 3 vs 2"; nullopt when they are equal. Source locations and the file name are
/// not compared; stress files are compared as canonical paths; distributions by their text.
std::optional<std::string> plan_difference(const World& world, const Plan& a, const Plan& b);

// ---- the author's file with only the staffing changed (riposte size; sim/output/plan_patch.cpp):
// comments, order and layout kept, each shift's `staff = { ... }` rewritten where the staffing
// of `plan` differs from the text.

/// `source` (the text of the plan file `plan` was read from) with the `staff` inline table of
/// every shift whose counts differ from `plan`'s rewritten: roles keep their order, a role
/// that comes to 0 stays written as 0, a new role is appended. Shifts whose staffing did not
/// change are left byte for byte. The opening hours and days (`riposte size --hours`) are
/// written the same way: each centre's `opens`, `closes` and `days`, each shift's `start`,
/// `end` and `days`, rewritten in place where the text writes them and differs, added under
/// the table's header where it does not (a shift without the key takes its centre's value, so
/// nothing is added when it follows). `header` (comment lines, each starting with '#') goes
/// first.
/// Fails (nothing returned) when a changed shift's staff is not an inline table, or when a
/// changed role is split between stations with `by_station` (the split would no longer add up).
PlanText plan_with_staffing(std::string_view source, const Plan& plan, const World& world,
                            std::string_view header = {});

/// Reads `plan.file`, applies plan_with_staffing() and writes the result to `path`
/// atomically. `path` must be in the folder of `plan.file` when the plan names files by a
/// relative path (stress cases), so that they still resolve.
[[nodiscard]] WriteStatus write_plan_toml(const std::filesystem::path& path, const Plan& plan,
                                          const World& world, std::string_view header = {});

} // namespace riposte
