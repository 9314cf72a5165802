#include "riposte/core/invariant.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <exception>

namespace riposte {

namespace {
std::atomic<InvariantHandler> handler_{nullptr};
}

InvariantHandler set_invariant_handler(InvariantHandler handler) {
    return handler_.exchange(handler);
}

void invariant_violated(std::string_view file, int line, std::string_view condition) {
    if (InvariantHandler h = handler_.load()) h(file, line, condition);
    // the default, or a handler that returned: a broken invariant never goes on
    std::fprintf(stderr, "%.*s:%d: invariant violated: %.*s\n", static_cast<int>(file.size()),
                 file.data(), line, static_cast<int>(condition.size()), condition.data());
    std::abort();
}

bool invariants_enabled() {
#if defined(RIPOSTE_INVARIANTS) && RIPOSTE_INVARIANTS
    return true;
#else
    return false;
#endif
}

} // namespace riposte
