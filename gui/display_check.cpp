#include "display_check.hpp"

#if defined(RIPOSTE_GUI_X11)
#include <X11/Xlib.h>

#include <cstdlib>
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
    display_ = XOpenDisplay(nullptr);
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
