#include "file_input.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace riposte::loader {

namespace {

FileRead fail(FileReadFailure f, std::string reason) {
    FileRead r;
    r.failure = f;
    r.reason = std::move(reason);
    return r;
}

std::string megabytes(std::uintmax_t bytes) {
    return std::to_string(bytes / (1024u * 1024u)) + " MB";
}

FileRead too_large(std::uintmax_t max_bytes, std::string size) {
    return fail(FileReadFailure::TooLarge, "the file is " + size + ", more than the " +
                                               megabytes(max_bytes) + " riposte reads");
}

/// Refuses what is not a regular file, from a stat() result.
std::optional<FileRead> refuse_kind(const struct stat& st) {
    if (S_ISDIR(st.st_mode))
        return fail(FileReadFailure::Directory, "it is a directory, not a file");
    if (!S_ISREG(st.st_mode)) {
        const char* kind = S_ISFIFO(st.st_mode)                         ? "a named pipe"
                           : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                           : S_ISSOCK(st.st_mode)                       ? "a socket"
                                                                        : "not a plain file";
        return fail(FileReadFailure::NotRegular, std::string("it is ") + kind +
                                                     ", not a regular file: give the path of "
                                                     "a file saved on disk");
    }
    return std::nullopt;
}

class Fd {
  public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const { return fd_; }

  private:
    int fd_;
};

} // namespace

const char* file_read_id(FileReadFailure f) {
    switch (f) {
    case FileReadFailure::Missing:
        return "input.missing";
    case FileReadFailure::Directory:
        return "input.directory";
    case FileReadFailure::NotRegular:
        return "input.not_regular";
    case FileReadFailure::TooLarge:
        return "input.too_large";
    case FileReadFailure::CannotOpen:
        return "input.cannot_open";
    case FileReadFailure::ReadError:
        return "input.read_error";
    }
    return "input.unreadable";
}

FileRead read_input_file(const std::filesystem::path& p, std::uintmax_t max_bytes) {
    // stat() first: opening a FIFO without a writer would block, and a device has no size.
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return fail(FileReadFailure::Missing, "no such file");
        return fail(FileReadFailure::CannotOpen,
                    std::string("cannot open it: ") + std::strerror(errno));
    }
    if (auto refused = refuse_kind(st)) return *refused;
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes)
        return too_large(max_bytes, megabytes(static_cast<std::uintmax_t>(st.st_size)));

    // O_NONBLOCK: if the path was swapped for a FIFO after stat(), open() does not wait.
    Fd fd(::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0)
        return fail(FileReadFailure::CannotOpen, std::string("cannot open it (") +
                                                     std::strerror(errno) +
                                                     "): check the permissions");
    // Check again what was actually opened.
    if (::fstat(fd.get(), &st) != 0)
        return fail(FileReadFailure::ReadError, std::string("read error: ") + std::strerror(errno));
    if (auto refused = refuse_kind(st)) return *refused;

    std::string text;
    const std::uintmax_t claimed = static_cast<std::uintmax_t>(st.st_size);
    text.reserve(static_cast<std::size_t>(claimed < max_bytes ? claimed : max_bytes));
    char buf[64 * 1024];
    for (;;) {
        const ::ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(FileReadFailure::ReadError,
                        std::string("read error: ") + std::strerror(errno));
        }
        // The file may grow while it is read: never hold more than max_bytes.
        if (text.size() + static_cast<std::size_t>(n) > max_bytes)
            return too_large(max_bytes, "over " + megabytes(max_bytes));
        text.append(buf, static_cast<std::size_t>(n));
    }
    FileRead r;
    r.text = std::move(text);
    return r;
}

} // namespace riposte::loader
