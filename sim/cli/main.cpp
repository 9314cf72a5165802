// riposte: the command-line front end. Parses the command name and hands over to commands.cpp.
#include "args.hpp"
#include "commands.hpp"
#include "help.hpp"
#include "riposte/text/cli_texts.hpp"
#include "territory_command.hpp"

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace riposte::cli;
    try {
        std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + (argc > 0 ? argc : 0));
        if (args.empty()) {
            std::fputs(std::string(main_help(usage_language())).c_str(), stderr);
            return exit_code::usage;
        }
        // the language of usage errors, known before any option is parsed; an invalid --lang
        // is refused by the command itself, in French
        if (const auto code = riposte::cli::prescan_lang(args))
            if (const auto lang = riposte::parse_language(*code)) set_usage_language(*lang);
        lang_after_command(args);
        const std::string command = args.front();
        args.erase(args.begin());
        if (command == "-h" || command == "--help") return help_command(args);
        if (command == "--version" || command == "-V") {
            std::printf("riposte %.*s\n", static_cast<int>(version.size()), version.data());
            return exit_code::ok;
        }
        if (command == "run") return run_command(args);
        if (command == "compare") return compare_command(args);
        if (command == "validate") return validate_command(args);
        if (command == "size") return size_command(args);
        if (command == "report") return report_command(args);
        if (command == "check") return check_command(args);
        if (command == "exercise") return exercise_command(args);
        if (command == "territory") return run_territory_command(args);
        if (command == "sweep") return sweep_command(args);
        if (command == "merge") return merge_command(args);
        if (command == "help") return help_command(args);
        if (!command.empty() && command[0] == '-') {
            return usage_error(riposte::text::cli.usage_unknown_option, {command, ""}, "");
        }
        static const std::vector<std::string> commands{"run",    "compare", "validate", "size",
                                                       "report", "check",   "exercise", "territory",
                                                       "sweep",  "merge",   "help"};
        return usage_error(riposte::text::cli.usage_unknown_command,
                           {command, did_you_mean(command, commands)}, "");
    } catch (const std::exception& e) {
        print_error(e.what());
        return exit_code::run_error;
    } catch (...) {
        print_error(riposte::text::cli.unexpected_failure.in(usage_language()));
        return exit_code::run_error;
    }
}
