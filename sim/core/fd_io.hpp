#pragma once
// Durable appends to files by descriptor (POSIX): the journal writer and the sweep checkpoint
// both append fsync'ed lines and must survive a crash between two of them.
#include <filesystem>
#include <string>
#include <string_view>

namespace riposte::fd_io {

/// "what path: strerror(errno)".
std::string sys_error(const std::string& what, const std::filesystem::path& p);
/// Writes every byte (retrying short writes and EINTR); false with errno set on failure.
bool write_all(int fd, std::string_view bytes);
/// fsync, retried on EINTR; false with errno set on failure.
bool fsync_retry(int fd);
/// fsync of the folder holding `file`, so that a file just created survives a crash (best
/// effort: a folder that cannot be opened is left alone).
void fsync_dir(const std::filesystem::path& file);

/// What create_whole() gives: a descriptor open for appending, or -1 with `exists` (the name was
/// taken) or errno set.
struct Created {
    int fd = -1;
    bool exists = false;
};
/// Creates `file` holding `first` (fsync'ed, its folder too), whole or not at all: the bytes go
/// into a temporary file of the same folder, which takes the name only if nothing has it (as
/// O_EXCL). A process killed on the way leaves no file under that name (at worst a hidden
/// ".NAME.new-PID-N" beside it), never one cut short, which a resume could not read. The file's
/// mode is 0644 less the umask, as open(O_CREAT) gives. The descriptor appends to the file
/// (O_APPEND, close-on-exec).
Created create_whole(const std::filesystem::path& file, std::string_view first);

} // namespace riposte::fd_io
