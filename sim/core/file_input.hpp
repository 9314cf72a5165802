#pragma once
// Reading an input file whole, safely: only regular files are read (a device such as /dev/zero
// or a named pipe is refused before it is opened, so nothing blocks or reads forever), at most
// `max_bytes` bytes are read whatever the file system claims, and read errors are reported.
// Shared by the scenario loader, the national commune table and the report readers.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace riposte::loader {

/// Largest TOML or CSV input file read (a national commune table is about 3 MB).
inline constexpr std::uintmax_t max_input_bytes = 256u * 1024u * 1024u;

/// Why a file could not be read.
enum class FileReadFailure {
    Missing,    ///< no such file
    Directory,  ///< a directory
    NotRegular, ///< a device, a named pipe, a socket
    TooLarge,   ///< more than max_bytes (claimed or actually read)
    CannotOpen, ///< permissions, or it vanished
    ReadError,  ///< the system reported an error while reading
};

struct FileRead {
    std::optional<std::string> text;
    FileReadFailure failure = FileReadFailure::Missing;
    std::string reason; ///< English, ready to follow "cannot read the X file: "
};

/// Stable diagnostic id of a failure: "input.missing", "input.not_regular", ...
const char* file_read_id(FileReadFailure f);

/// Reads the whole regular file `p`, never more than `max_bytes` bytes. Never blocks on a FIFO
/// and never throws for a bad file.
FileRead read_input_file(const std::filesystem::path& p,
                         std::uintmax_t max_bytes = max_input_bytes);

} // namespace riposte::loader
