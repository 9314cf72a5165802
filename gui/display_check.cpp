#include "display_check.hpp"

#if defined(RIPOSTE_GUI_X11)
#include <X11/Xlib.h>

#include <chrono>
#include <cstdlib>
#include <thread>
#endif

namespace riposte::gui {

DisplayProbe::DisplayProbe() {
#if defined(RIPOSTE_GUI_X11)
    const char* name = std::getenv("DISPLAY");
    const std::string hint =
        " Run the dashboard in a graphical session, or without a screen "
        "under Xvfb: xvfb-run -a -s \"-screen 0 1600x1000x24\" riposte-gui ...";
    if (name == nullptr || *name == '\0') {
        problem_ = "no X display: DISPLAY is not set." + hint;
        return;
    }
    // A busy server (Xvfb with many clients starting at once) may refuse a connection for a
    // moment: a few tries, 100 ms apart, before giving up.
    for (int attempt = 0; attempt < 5 && display_ == nullptr; ++attempt) {
        if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        display_ = XOpenDisplay(nullptr);
    }
    if (display_ == nullptr)
        problem_ = "cannot open the X display '" + std::string{name} + "'." + hint;
#endif
}

DisplayProbe::~DisplayProbe() {
#if defined(RIPOSTE_GUI_X11)
    if (display_ != nullptr) XCloseDisplay(static_cast<Display*>(display_));
#endif
}

} // namespace riposte::gui
