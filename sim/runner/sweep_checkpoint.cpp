// The sweep checkpoint and task files (riposte/sweep.hpp): a header line naming the sweep,
// then one line per finished task. The checkpoint is appended to and fsync'ed task by task.
#include "core/fd_io.hpp"
#include "riposte/sweep.hpp"

#include "core/file_input.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace riposte {

using fd_io::fsync_dir;
using fd_io::fsync_retry;
using fd_io::sys_error;
using fd_io::write_all;

namespace {

constexpr std::string_view header_tag = "riposte-sweep-tasks 1 ";

/// Parses the text of a task file. `complete_bytes` is the length of the part made of whole
/// lines (a last line without its newline was cut short by a crash and is left out).
std::vector<TaskResult> parse(std::string_view text, const std::filesystem::path& file,
                              std::string& digest, std::string& error,
                              std::size_t& complete_bytes) {
    std::vector<TaskResult> out;
    complete_bytes = 0;
    std::size_t pos = 0;
    int line_no = 0;
    while (pos < text.size()) {
        const std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) break; // cut short: ignored
        const std::string_view line = text.substr(pos, end - pos);
        ++line_no;
        if (line_no == 1) {
            if (line.substr(0, header_tag.size()) != header_tag) {
                error = file.string() + ":1:1: this is not a riposte sweep task file";
                return {};
            }
            digest = std::string(line.substr(header_tag.size()));
        } else {
            auto r = decode_task(line);
            if (!r) {
                error = file.string() + ":" + std::to_string(line_no) +
                        ":1: unreadable task line (the file was changed by hand?); delete the "
                        "file to start the sweep over";
                return {};
            }
            out.push_back(std::move(*r));
        }
        pos = end + 1;
        complete_bytes = pos;
    }
    if (line_no == 0) error = file.string() + ":1:1: empty sweep task file";
    return out;
}

} // namespace

std::vector<TaskResult> read_task_file(const std::filesystem::path& file, std::string& digest,
                                       std::string& error) {
    error.clear();
    const loader::FileRead r = loader::read_input_file(file, std::uintmax_t{1} << 32);
    if (!r.text) {
        error = "cannot read " + file.string() + ": " + r.reason;
        return {};
    }
    std::size_t complete = 0;
    return parse(*r.text, file, digest, error, complete);
}

std::optional<SweepInfo> read_sweep_info(const std::filesystem::path& file, std::string& error) {
    const loader::FileRead r = loader::read_input_file(file, loader::max_input_bytes);
    if (!r.text) {
        error = r.reason;
        return std::nullopt;
    }
    return decode_sweep_info(*r.text, error);
}

Checkpoint::~Checkpoint() {
    close();
}

void Checkpoint::close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

std::string Checkpoint::open(const std::filesystem::path& file, const std::string& digest,
                             std::vector<TaskResult>& tasks) {
    close();
    file_ = file;
    tasks.clear();
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) {
        const loader::FileRead r = loader::read_input_file(file, std::uintmax_t{1} << 32);
        if (!r.text) return "cannot read the checkpoint " + file.string() + ": " + r.reason;
        std::string found, error;
        std::size_t complete = 0;
        tasks = parse(*r.text, file, found, error, complete);
        if (!error.empty()) return error;
        if (found != digest) {
            tasks.clear();
            return "the checkpoint " + file.string() +
                   " belongs to another sweep (its files, replications or seed differ): "
                   "delete it to start over, or name another one with --checkpoint";
        }
        fd_ = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd_ < 0) return sys_error("cannot open the checkpoint", file);
        // a line cut short by a crash goes, so that the next task starts on its own line
        if (complete < r.text->size() && ::ftruncate(fd_, static_cast<off_t>(complete)) != 0)
            return sys_error("cannot repair the checkpoint", file);
        if (::lseek(fd_, 0, SEEK_END) < 0) return sys_error("cannot open the checkpoint", file);
        return {};
    }
    // the checkpoint appears with its header or not at all: a sweep killed while creating it
    // starts over next time instead of finding an empty file it cannot read
    const fd_io::Created c = fd_io::create_whole(file, std::string(header_tag) + digest + "\n");
    if (c.fd < 0) return sys_error("cannot create the checkpoint", file);
    fd_ = c.fd;
    return {};
}

bool Checkpoint::append(const TaskResult& task) {
    if (fd_ < 0) {
        error_ = "the checkpoint is not open";
        return false;
    }
    const std::string line = encode_task(task) + "\n";
    if (!write_all(fd_, line) || !fsync_retry(fd_)) {
        error_ = sys_error("cannot write the checkpoint", file_);
        return false;
    }
    return true;
}

std::string task_file_text(const std::string& digest, const std::vector<TaskResult>& tasks) {
    std::string out = std::string(header_tag) + digest + "\n";
    for (const TaskResult& t : tasks) out += encode_task(t) + "\n";
    return out;
}

} // namespace riposte
