#pragma once
// What the dashboard remembers between sessions, in a per-user folder: the window layout
// (ImGui's imgui.ini) and the recent scenario files. Plain C++ (no ImGui, no SFML).
#include <filesystem>
#include <string>
#include <vector>

namespace riposte::gui {

/// $RIPOSTE_CONFIG_DIR, else $XDG_CONFIG_HOME/riposte, else $HOME/.config/riposte; empty when
/// none of them is set.
std::filesystem::path user_config_dir();

/// A world and plan opened together.
struct RecentEntry {
    std::string world, plan;
    bool operator==(const RecentEntry&) const = default;
};

/// The recent files, most recent first, at most `max_entries`.
class RecentFiles {
  public:
    static constexpr std::size_t max_entries = 8;
    /// Reads `dir`/recent.txt (world TAB plan per line); a missing or unreadable file is empty.
    void load(const std::filesystem::path& dir);
    /// Writes `dir`/recent.txt atomically (creating the folder). False when it cannot.
    bool save(const std::filesystem::path& dir) const;
    /// Puts the pair first (removing an older copy), dropping the oldest beyond max_entries.
    void add(const RecentEntry& e);
    [[nodiscard]] const std::vector<RecentEntry>& entries() const { return entries_; }

  private:
    std::vector<RecentEntry> entries_;
};

/// A folder's entries for the file dialog: sub-folders first, then files ending in `extension`
/// ("" for every file), each group sorted by name; hidden entries (".x") left out.
struct DirEntry {
    std::string name;
    bool folder = false;
};
struct DirListing {
    std::vector<DirEntry> entries;
    std::string error; ///< the folder cannot be read (the entries are empty)
};
DirListing list_directory(const std::filesystem::path& dir, const std::string& extension);

} // namespace riposte::gui
