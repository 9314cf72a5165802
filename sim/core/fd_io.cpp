// Durable appends by descriptor (core/fd_io.hpp).
#include "core/fd_io.hpp"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace riposte::fd_io {

std::string sys_error(const std::string& what, const std::filesystem::path& p) {
    return what + " " + p.string() + ": " + std::strerror(errno);
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (n == 0) {
            errno = EIO;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool fsync_retry(int fd) {
    while (::fsync(fd) != 0)
        if (errno != EINTR) return false;
    return true;
}

void fsync_dir(const std::filesystem::path& file) {
    std::filesystem::path dir = file.parent_path();
    if (dir.empty()) dir = ".";
    const int d = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d < 0) return;
    (void)fsync_retry(d);
    ::close(d);
}

Created create_whole(const std::filesystem::path& file, std::string_view first) {
    Created c;
    // a name of this process (pid and a counter), created as O_EXCL with mode 0644 so that the
    // umask applies as to any file the user creates (mkstemp would give 0600, and a fixed chmod
    // would ignore the umask); a name left by a killed process of the same pid is skipped
    static std::atomic<unsigned> counter{0};
    std::string temp;
    int fd = -1;
    for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
        temp = (file.parent_path() /
                ("." + file.filename().string() + ".new-" + std::to_string(::getpid()) + "-" +
                 std::to_string(counter.fetch_add(1))))
                   .string();
        fd = ::open(temp.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST) return c;
    }
    if (fd < 0) return c;
    const auto fail = [&]() {
        const int e = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        errno = e;
        return c;
    };
    if (!write_all(fd, first) || !fsync_retry(fd)) return fail();
    // link() fails when the name is taken; where the file system has no hard links, a rename
    // that refuses to replace does the same
    bool named = ::link(temp.c_str(), file.c_str()) == 0;
    if (named) {
        ::unlink(temp.c_str());
    } else if (errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP) {
        named = ::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, file.c_str(), RENAME_NOREPLACE) == 0;
    }
    if (!named) {
        c.exists = errno == EEXIST;
        return fail();
    }
    fsync_dir(file);
    c.fd = fd;
    return c;
}

} // namespace riposte::fd_io
