// riposte report RESULTS_DIR: the HTML report of a folder written by run, compare or
// validate (--out).
#include "cli_common.hpp"
#include "commands.hpp"

#include "riposte/output.hpp"
#include "riposte/report.hpp"
#include "riposte/results_folder.hpp"

#include <system_error>

namespace riposte::cli {

namespace fs = std::filesystem;

int report_command(const std::vector<std::string>& args) {
    std::string error;
    const auto parsed =
        parse_args(args, {{"--lang", true}, {"--out", true}, {"--quiet", false}}, error);
    if (!parsed) return usage_error(error, "report");
    if (parsed->help) return print_help("report");
    int exit = exit_code::ok;
    const auto lang = lang_option(*parsed, "report", exit);
    if (!lang) return exit;
    if (parsed->positional.size() != 1) {
        return usage_error(parsed->positional.empty() ? text::cli.usage_report_needs_dir
                                                      : text::cli.usage_report_one_dir,
                           {}, "report");
    }
    const fs::path dir = parsed->positional.front();
    const auto out_option = parsed->value("--out");
    if (out_option && out_option->empty())
        return usage_error(text::cli.usage_needs_file, {"--out"}, "report");
    const fs::path file = out_option ? fs::path(*out_option) : dir / "report.html";

    // a folder whose files do not all come from one run is refused: a report of a mix would
    // describe a run that never happened
    std::error_code dir_ec;
    if (fs::is_directory(dir, dir_ec) && holds_results(dir)) {
        const std::vector<std::string> problems = check_results_folder(dir);
        if (!problems.empty()) {
            print_error(text::fill(*lang, text::cli.report_mixed, {dir.string()}));
            for (const std::string& p : problems) print_err("  " + p + "\n");
            return exit_code::usage;
        }
    }
    const ReportResult report = build_report(dir, *lang);
    if (!report.ok()) {
        print_err(report.error + "\n");
        return exit_code::usage;
    }
    for (const std::string& note : report.notes) print_err(note + "\n");
    if (file.has_parent_path()) {
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
    }
    const WriteStatus status = write_file_atomic(file, report.html);
    if (!status.ok()) {
        print_error(status.error);
        return exit_code::run_error;
    }
    if (!parsed->has("--quiet")) print_out("Report: " + file.string() + "\n");
    return exit_code::ok;
}

} // namespace riposte::cli
