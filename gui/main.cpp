// riposte-gui: the dashboard. Parses the command line, then hands over to App.
#include "app.hpp"
#include "options.hpp"

#include <exception>
#include <iostream>
#include <string_view>
#include <vector>

int main(int argc, char** argv) {
    using namespace riposte::gui;
    std::vector<std::string_view> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);

    const ParsedOptions parsed = parse_options(args);
    if (!parsed.ok()) {
        std::cerr << "riposte-gui: error: " << parsed.error << "\n"
                  << "(riposte-gui --help shows the usage)\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    if (parsed.options.help) {
        std::cout << usage_text();
        return static_cast<int>(ExitCode::Ok);
    }
    try {
        App app(parsed.options);
        return app.run();
    } catch (const std::exception& e) {
        std::cerr << "riposte-gui: internal error: " << e.what() << "\n";
        return static_cast<int>(ExitCode::RunError);
    }
}
