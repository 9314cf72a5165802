#pragma once
// A results folder is replaced as a whole: what riposte writes there is either the old set of
// files or the new one, never a mix (a kill -9, a second Ctrl-C or a full disk in the middle
// leave the old set). The files are written into a temporary sibling folder, a manifest naming
// every file with its hash is written last, and the sibling is exchanged with the old folder
// in one rename (renameat2 RENAME_EXCHANGE on Linux); the old set is then removed.
#include "riposte/output.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace riposte {

/// Name of the manifest file inside a results folder.
inline constexpr const char* results_manifest_name = "riposte-manifest.txt";

class ResultsFolder {
  public:
    /// Prepares to replace `dir`. Refuses (returns nullopt, `foreign` lists the files) when
    /// `dir` exists and holds files riposte did not write, unless `force`. Leftovers of killed
    /// runs (temporary siblings of `dir`) are removed. `error` says what went wrong.
    static std::optional<ResultsFolder> prepare(const std::filesystem::path& dir, bool force,
                                                std::vector<std::string>& foreign,
                                                std::string& error);
    ResultsFolder(ResultsFolder&& other) noexcept;
    ResultsFolder& operator=(ResultsFolder&& other) noexcept;
    ResultsFolder(const ResultsFolder&) = delete;
    ~ResultsFolder(); ///< removes the staging folder unless committed

    /// Where the writers write: the staging folder.
    [[nodiscard]] const std::filesystem::path& staging() const { return staging_; }
    [[nodiscard]] const std::filesystem::path& target() const { return target_; }
    /// Writes the manifest, flushes the folder to disk and puts it in place of the target.
    [[nodiscard]] WriteStatus commit();

  private:
    ResultsFolder(std::filesystem::path target, std::filesystem::path staging);
    std::filesystem::path target_, staging_;
    bool done_ = false;
};

/// Checks that the files of a results folder come from one run: every file its manifest names
/// is there with the same content, and no other file is there but the report. Returns the
/// problems ("FILE: ..."), empty when the folder is whole.
std::vector<std::string> check_results_folder(const std::filesystem::path& dir);

/// The 64-bit FNV-1a hash of `bytes` as 16 hex digits (the manifest's file hashes).
std::string content_hash(std::string_view bytes);

/// True when `dir` holds a manifest or any file riposte writes into a results folder.
bool holds_results(const std::filesystem::path& dir);

} // namespace riposte
