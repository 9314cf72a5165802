#pragma once
// Whether a window can be opened at all. SFML 2.5 aborts the process when it cannot reach the
// X server, so the dashboard asks first and explains instead of crashing.
#include <string>

namespace riposte::gui {

/// Connects to the display and keeps the connection while it lives. Keep it until SFML has
/// opened its window: an X server without -noreset (Xvfb as xvfb-run starts it) resets when
/// its last client leaves and refuses connections for a moment, so closing this probe before
/// SFML connects would make SFML's own connection fail (and abort) now and then.
class DisplayProbe {
  public:
    DisplayProbe();
    ~DisplayProbe();
    DisplayProbe(const DisplayProbe&) = delete;
    DisplayProbe& operator=(const DisplayProbe&) = delete;

    /// Empty when the display is reachable; otherwise what is wrong and how to fix it.
    [[nodiscard]] const std::string& problem() const { return problem_; }

  private:
    void* display_ = nullptr; ///< Display* (X11), opaque here
    std::string problem_;
};

} // namespace riposte::gui
