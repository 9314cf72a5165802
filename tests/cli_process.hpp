#pragma once
// Test helper: runs the riposte command-line binary (RIPOSTE_CLI) as a real process in a
// temporary directory and captures its exit code, standard output and standard error.
#include <doctest/doctest.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace riposte::test {

/// A fresh directory under the system temp dir, removed at scope exit.
class TempDir {
  public:
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "riposte-cli-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

inline std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Writes `text` to `p`, replacing what was there (a test's own fixture, not an output).
inline void write_text(const std::filesystem::path& p, std::string_view text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

struct Outcome {
    int exit_code = -1;
    std::string out, err;
    bool timed_out = false; ///< finish_within() killed it
};

/// A started CLI process; finish() waits for it.
class CliProcess {
  public:
    CliProcess(const std::vector<std::string>& args, const std::filesystem::path& cwd)
        : CliProcess(RIPOSTE_CLI, args, cwd) {}
    /// Any program of the build (e.g. a test driver), not only the CLI.
    CliProcess(const std::string& program, const std::vector<std::string>& args,
               const std::filesystem::path& cwd)
        : out_file_(cwd / ".stdout"), err_file_(cwd / ".stderr") {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file_.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_file_.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0644);
        std::vector<std::string> argv_storage{program};
        argv_storage.insert(argv_storage.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& a : argv_storage) argv.push_back(a.data());
        argv.push_back(nullptr);
        // posix_spawn has no portable chdir action: change directory around it.
        const std::filesystem::path previous = std::filesystem::current_path();
        std::filesystem::current_path(cwd);
        const int rc = ::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
        std::filesystem::current_path(previous);
        posix_spawn_file_actions_destroy(&actions);
        REQUIRE_MESSAGE(rc == 0, "cannot start " << program);
    }
    void signal(int sig) const { ::kill(pid_, sig); }
    Outcome finish() {
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0) {
        }
        Outcome o;
        o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        o.out = read_text(out_file_);
        o.err = read_text(err_file_);
        std::filesystem::remove(out_file_);
        std::filesystem::remove(err_file_);
        return o;
    }

    /// Waits at most `limit`; a process still running then is killed (SIGKILL) and the
    /// outcome says timed_out.
    Outcome finish_within(std::chrono::milliseconds limit) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        int status = 0;
        bool timed_out = false;
        for (;;) {
            const pid_t r = ::waitpid(pid_, &status, WNOHANG);
            if (r == pid_) break;
            if (r < 0 && errno != EINTR) break;
            if (std::chrono::steady_clock::now() > deadline) {
                ::kill(pid_, SIGKILL);
                while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
                }
                timed_out = true;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        Outcome o;
        o.timed_out = timed_out;
        o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        o.out = read_text(out_file_);
        o.err = read_text(err_file_);
        std::filesystem::remove(out_file_);
        std::filesystem::remove(err_file_);
        return o;
    }

  private:
    std::filesystem::path out_file_, err_file_;
    pid_t pid_ = 0;
};

/// Runs the CLI with `args` in working directory `cwd` and waits for it.
inline Outcome run_cli(const std::vector<std::string>& args, const std::filesystem::path& cwd) {
    return CliProcess(args, cwd).finish();
}

inline bool contains(const std::string& text, std::string_view what) {
    return text.find(what) != std::string::npos;
}

/// Number of non-overlapping occurrences of `what` in `text`.
inline std::size_t count_of(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t pos = text.find(what); pos != std::string::npos;
         pos = text.find(what, pos + what.size()))
        ++n;
    return n;
}

/// What a reader saw of a file while it was being created (watch_creation).
struct CreationWatch {
    int seen = 0;    ///< reads that found the file
    int partial = 0; ///< of them, reads that found anything but `expected`
    int missing = 0; ///< the file was not there once create() had returned
    CreationWatch& operator+=(const CreationWatch& o) {
        seen += o.seen;
        partial += o.partial;
        missing += o.missing;
        return *this;
    }
};

/// Calls `create()` (which makes `file` holding `expected`) while another thread reads `file`
/// again and again: every read that finds it must find all of `expected`. The reader goes on
/// until it has read the file once after create() returned, so it always looks at least once.
template <class Create>
CreationWatch watch_creation(const std::filesystem::path& file, const std::string& expected,
                             Create&& create) {
    CreationWatch w;
    std::atomic<bool> created{false};
    std::thread reader([&] {
        for (bool found = false; !found;) {
            const bool done = created.load();
            const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                if (done) {
                    ++w.missing;
                    break;
                }
                continue;
            }
            std::string text;
            char buf[4096];
            for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;)
                text.append(buf, static_cast<std::size_t>(n));
            ::close(fd);
            ++w.seen;
            if (text != expected) ++w.partial;
            found = done;
        }
    });
    create();
    created.store(true);
    reader.join();
    return w;
}

} // namespace riposte::test
