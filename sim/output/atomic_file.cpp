// Atomic file writing: temp file in the same directory, write, fsync, rename.
#include "output/atomic_stream.hpp"
#include "riposte/output.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace riposte {

namespace {

std::string errno_message(const std::filesystem::path& path, std::string_view what, int err) {
    return path.string() + ": " + std::string(what) + ": " + std::strerror(err);
}

/// Closes a descriptor on scope exit unless released.
class FdGuard {
  public:
    explicit FdGuard(int fd) : fd_(fd) {}
    ~FdGuard() {
        if (fd_ >= 0) ::close(fd_);
    }
    FdGuard(const FdGuard&) = delete;
    FdGuard& operator=(const FdGuard&) = delete;
    [[nodiscard]] int get() const { return fd_; }
    /// Closes now and reports the error (close can report a delayed write error).
    int close_now() {
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc;
    }

  private:
    int fd_;
};

bool write_all(int fd, std::string_view content, int& err) {
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            err = errno;
            return false;
        }
        if (n == 0) {
            err = EIO;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

/// Flushes the directory entry (the rename) to disk; best effort.
void sync_directory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

/// Distinct names for the temporary files of this process.
std::string temp_name(const std::filesystem::path& path) {
    static std::atomic<unsigned> counter{0};
    return "." + path.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
           std::to_string(counter.fetch_add(1));
}

} // namespace

WriteStatus write_file_atomic(const std::filesystem::path& path, std::string_view content) {
    if (path.empty() || !path.has_filename()) return {path.string() + ": not a file name"};
    const std::filesystem::path dir =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    const std::filesystem::path temp = dir / temp_name(path);

    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) return {errno_message(path, "cannot create a file in this directory", errno)};
    FdGuard guard(fd);
    const auto fail = [&](std::string_view what, int err) {
        if (guard.get() >= 0) guard.close_now();
        ::unlink(temp.c_str());
        return WriteStatus{errno_message(path, what, err)};
    };

    int err = 0;
    if (!write_all(fd, content, err)) return fail("cannot write", err);
    if (::fsync(fd) != 0) return fail("cannot flush to disk", errno);
    if (guard.close_now() != 0) return fail("cannot close", errno);
    if (::rename(temp.c_str(), path.c_str()) != 0) return fail("cannot replace", errno);
    sync_directory(dir);
    return {};
}

namespace output_detail {

namespace {
constexpr std::size_t stream_buffer_bytes = 64 * 1024;
}

AtomicFileStream::~AtomicFileStream() {
    abandon();
}

bool AtomicFileStream::open(const std::filesystem::path& path, std::string& error) {
    abandon();
    if (path.empty() || !path.has_filename()) {
        error = path.string() + ": not a file name";
        return false;
    }
    const std::filesystem::path dir =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    path_ = path;
    temp_ = dir / temp_name(path);
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ < 0) {
        error = errno_message(path, "cannot create a file in this directory", errno);
        return false;
    }
    return true;
}

bool AtomicFileStream::flush(std::string& error) {
    int err = 0;
    if (fd_ < 0) {
        error = path_.string() + ": cannot write: the file is not open";
        return false;
    }
    if (!write_all(fd_, buffer_, err)) {
        error = errno_message(path_, "cannot write", err);
        abandon();
        return false;
    }
    buffer_.clear();
    return true;
}

bool AtomicFileStream::write(std::string_view bytes, std::string& error) {
    if (fd_ < 0) {
        error = path_.string() + ": cannot write: the file is not open";
        return false;
    }
    buffer_ += bytes;
    return buffer_.size() < stream_buffer_bytes || flush(error);
}

bool AtomicFileStream::commit(std::string& error) {
    if (!flush(error)) return false;
    const auto fail = [&](std::string_view what, int err) {
        error = errno_message(path_, what, err);
        abandon();
        return false;
    };
    if (::fsync(fd_) != 0) return fail("cannot flush to disk", errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp_.c_str());
        error = errno_message(path_, "cannot close", err);
        return false;
    }
    if (::rename(temp_.c_str(), path_.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp_.c_str());
        error = errno_message(path_, "cannot replace", err);
        return false;
    }
    sync_directory(path_.has_parent_path() ? path_.parent_path() : std::filesystem::path("."));
    buffer_.clear();
    buffer_.shrink_to_fit();
    return true;
}

void AtomicFileStream::abandon() {
    if (fd_ < 0) return;
    ::close(fd_);
    fd_ = -1;
    ::unlink(temp_.c_str());
    buffer_.clear();
    buffer_.shrink_to_fit();
}

} // namespace output_detail

} // namespace riposte
