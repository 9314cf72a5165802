#pragma once
// Invariants of the engine: programmer errors, not bad input (DESIGN.md "Errors"). Unlike
// `assert`, RIPOSTE_INVARIANT is not compiled out by -DNDEBUG: it is on in every build where
// the CMake option RIPOSTE_INVARIANTS is ON (the default, tests included). The checks are
// integer comparisons on paths that already touch the same data, so their cost is small (see
// docs/benchmark.md). A violation calls the invariant handler, which by default prints
// "file:line: invariant violated: condition" on standard error and aborts.
#include <string_view>

namespace riposte {

using InvariantHandler = void (*)(std::string_view file, int line, std::string_view condition);

/// Installs `handler` (nullptr: the default, which aborts) and returns the previous one. Tests
/// install a throwing handler to prove a violation is caught.
InvariantHandler set_invariant_handler(InvariantHandler handler);

/// Called by RIPOSTE_INVARIANT on a violation.
[[noreturn]] void invariant_violated(std::string_view file, int line, std::string_view condition);

/// True when RIPOSTE_INVARIANT checks (the library was built with RIPOSTE_INVARIANTS).
bool invariants_enabled();

} // namespace riposte

#if defined(RIPOSTE_INVARIANTS) && RIPOSTE_INVARIANTS
#define RIPOSTE_INVARIANT(cond)                                                                    \
    do {                                                                                           \
        if (!(cond)) [[unlikely]]                                                                  \
            ::riposte::invariant_violated(__FILE__, __LINE__, #cond);                              \
    } while (false)
#else
#define RIPOSTE_INVARIANT(cond)                                                                    \
    do {                                                                                           \
    } while (false)
#endif
