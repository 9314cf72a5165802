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

} // namespace riposte::fd_io
