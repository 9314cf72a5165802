#pragma once
// Internal to sim/output: a file written piece by piece and put in place atomically, like
// write_file_atomic() for a document too large to hold in memory. The pieces go to a
// temporary file in the same directory (".NAME.tmp-..."), which commit() flushes to disk and
// renames over the final name; a stream destroyed before commit() removes its temporary file.
#include <filesystem>
#include <string>
#include <string_view>

namespace riposte::output_detail {

class AtomicFileStream {
  public:
    AtomicFileStream() = default;
    ~AtomicFileStream();
    AtomicFileStream(const AtomicFileStream&) = delete;
    AtomicFileStream& operator=(const AtomicFileStream&) = delete;

    /// Creates the temporary file for `path`. False with `error` ("path: reason") on failure.
    [[nodiscard]] bool open(const std::filesystem::path& path, std::string& error);
    /// Appends `bytes` (buffered). False with `error` once a write failed.
    [[nodiscard]] bool write(std::string_view bytes, std::string& error);
    /// Flushes, syncs to disk, closes and renames the temporary file to the final name.
    [[nodiscard]] bool commit(std::string& error);
    /// Closes and removes the temporary file (nothing when not open).
    void abandon();
    [[nodiscard]] bool is_open() const { return fd_ >= 0; }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  private:
    bool flush(std::string& error);
    std::filesystem::path path_, temp_;
    int fd_ = -1;
    std::string buffer_;
};

} // namespace riposte::output_detail
