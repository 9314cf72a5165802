#include "user_config.hpp"

#include "riposte/output.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <system_error>

namespace riposte::gui {

std::filesystem::path user_config_dir() {
    if (const char* d = std::getenv("RIPOSTE_CONFIG_DIR"); d && *d) return d;
    if (const char* d = std::getenv("XDG_CONFIG_HOME"); d && *d)
        return std::filesystem::path(d) / "riposte";
    if (const char* d = std::getenv("HOME"); d && *d)
        return std::filesystem::path(d) / ".config" / "riposte";
    return {};
}

void RecentFiles::load(const std::filesystem::path& dir) {
    entries_.clear();
    if (dir.empty()) return;
    std::ifstream in(dir / "recent.txt");
    for (std::string line; std::getline(in, line) && entries_.size() < max_entries;) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos || tab == 0 || tab + 1 >= line.size()) continue;
        const RecentEntry e{line.substr(0, tab), line.substr(tab + 1)};
        if (std::find(entries_.begin(), entries_.end(), e) == entries_.end()) entries_.push_back(e);
    }
}

bool RecentFiles::save(const std::filesystem::path& dir) const {
    if (dir.empty()) return false;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::string text;
    for (const RecentEntry& e : entries_) {
        // a name with a tab or a line break cannot be kept in this format: left out
        if (e.world.find_first_of("\t\n\r") != std::string::npos ||
            e.plan.find_first_of("\t\n\r") != std::string::npos)
            continue;
        text += e.world + "\t" + e.plan + "\n";
    }
    return write_file_atomic(dir / "recent.txt", text).ok();
}

void RecentFiles::add(const RecentEntry& e) {
    entries_.erase(std::remove(entries_.begin(), entries_.end(), e), entries_.end());
    entries_.insert(entries_.begin(), e);
    if (entries_.size() > max_entries) entries_.resize(max_entries);
}

DirListing list_directory(const std::filesystem::path& dir, const std::string& extension) {
    DirListing out;
    std::error_code ec;
    std::filesystem::directory_iterator it(dir, ec);
    if (ec) {
        out.error = dir.string() + ": " + ec.message();
        return out;
    }
    for (std::filesystem::directory_iterator end; it != end; it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code type_ec;
        const bool folder = it->is_directory(type_ec);
        if (!folder && !extension.empty() && it->path().extension() != extension) continue;
        out.entries.push_back({name, folder});
    }
    std::sort(out.entries.begin(), out.entries.end(), [](const DirEntry& a, const DirEntry& b) {
        if (a.folder != b.folder) return a.folder;
        return a.name < b.name;
    });
    return out;
}

} // namespace riposte::gui
