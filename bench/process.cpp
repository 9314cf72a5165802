// Child processes (the scenario children, the SimPy model) and measurement helpers.
#include "bench.hpp"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace riposte::bench {

ChildOutput run_child(const std::vector<std::string>& argv, bool quiet_stderr) {
    ChildOutput result;
    if (argv.empty()) {
        result.error = "empty command";
        return result;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        result.error = std::string("pipe: ") + std::strerror(errno);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    if (quiet_stderr)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        result.error = argv[0] + ": " + std::strerror(rc);
        return result;
    }
    char buf[4096];
    for (;;) {
        const ssize_t n = read(fds[0], buf, sizeof buf);
        if (n > 0) {
            result.out.append(buf, static_cast<std::size_t>(n));
        } else if (n == 0 || errno != EINTR) {
            break;
        }
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            result.error = std::string("waitpid: ") + std::strerror(errno);
            return result;
        }
    }
    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
        // posix_spawnp reports exec failures through status 127 on glibc
        if (result.exit_code == 127) result.error = argv[0] + ": cannot be run";
    } else if (WIFSIGNALED(status)) {
        result.exit_code = 128 + WTERMSIG(status);
        result.error = argv[0] + ": killed by signal " + std::to_string(WTERMSIG(status));
    }
    return result;
}

std::map<std::string, std::string> parse_key_values(const std::string& text) {
    std::map<std::string, std::string> kv;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(pos, end - pos);
        const std::size_t tab = line.find('\t');
        if (tab != std::string::npos) kv[line.substr(0, tab)] = line.substr(tab + 1);
        pos = end + 1;
    }
    return kv;
}

namespace {
std::optional<std::size_t> json_value_pos(const std::string& json, const std::string& key) {
    const std::string quoted = "\"" + key + "\"";
    std::size_t p = json.find(quoted);
    if (p == std::string::npos) return std::nullopt;
    p = json.find(':', p + quoted.size());
    if (p == std::string::npos) return std::nullopt;
    ++p;
    while (p < json.size() && (json[p] == ' ' || json[p] == '\t')) ++p;
    return p;
}
} // namespace

std::optional<double> json_number(const std::string& json, const std::string& key) {
    const auto p = json_value_pos(json, key);
    if (!p) return std::nullopt;
    const char* begin = json.c_str() + *p;
    char* end = nullptr;
    const double v = std::strtod(begin, &end);
    if (end == begin) return std::nullopt;
    return v;
}

std::optional<std::string> json_string(const std::string& json, const std::string& key) {
    const auto p = json_value_pos(json, key);
    if (!p || *p >= json.size() || json[*p] != '"') return std::nullopt;
    std::string s;
    for (std::size_t i = *p + 1; i < json.size(); ++i) {
        if (json[i] == '"') return s;
        if (json[i] == '\\' && i + 1 < json.size()) ++i;
        s += json[i];
    }
    return std::nullopt;
}

double peak_rss_mb() {
    rusage ru{};
    if (getrusage(RUSAGE_SELF, &ru) != 0) return 0;
    return static_cast<double>(ru.ru_maxrss) * 1024.0 / 1e6; // Linux: KiB
}

namespace {
double proc_status_mb(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::size_t n = std::strlen(field);
    while (std::getline(in, line)) {
        if (line.compare(0, n, field) == 0)
            return std::strtod(line.c_str() + n, nullptr) * 1024.0 / 1e6; // kB
    }
    return 0;
}
} // namespace

double current_rss_mb() {
    return proc_status_mb("VmRSS:");
}

double address_space_peak_rss_mb() {
    return proc_status_mb("VmHWM:");
}

std::string self_exe() {
    std::error_code ec;
    const auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("/proc/self/exe") : p.string();
}

double now_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

} // namespace riposte::bench
