#pragma once
// Writing a plan back as TOML (docs/sizing.md): the plan file as its author wrote it (comments,
// order and layout kept), with each shift's `staff = { ... }` rewritten where the staffing of
// `plan` differs from the text. This is how `riposte size` writes the plan it found; the
// result loads back (riposte check) with exactly the staffing given and every other value as
// in the source.
#include "riposte/output.hpp"
#include "riposte/scenario.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace riposte {

struct PlanText {
    std::string text;
    std::string error; ///< "file:line:column: what went wrong; how to fix it" (empty: ok)
    [[nodiscard]] bool ok() const { return error.empty(); }
};

/// `source` (the text of the plan file `plan` was read from) with the `staff` inline table of
/// every shift whose counts differ from `plan`'s rewritten: roles keep their order, a role
/// that comes to 0 stays written as 0, a new role is appended. Shifts whose staffing did not
/// change are left byte for byte. `header` (comment lines, each starting with '#') goes first.
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
