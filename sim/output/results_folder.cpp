#include "riposte/results_folder.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <sys/syscall.h>
#include <unistd.h>

namespace riposte {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view staging_tag = ".riposte-new-";
constexpr std::string_view old_tag = ".riposte-old-";

std::optional<std::string> read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return s.str();
}

/// FNV-1a, fed piece by piece (content_hash() of the concatenation).
class Fnv1a {
  public:
    void add(std::string_view bytes) {
        for (char c : bytes) {
            h_ ^= static_cast<unsigned char>(c);
            h_ *= 0x100000001b3ULL;
        }
    }
    [[nodiscard]] std::string hex() const {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
        return buf;
    }

  private:
    std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

/// content_hash() of a file, read in pieces (a table of many replications can be gigabytes);
/// nullopt when it cannot be read.
std::optional<std::string> file_hash(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    Fnv1a h;
    std::string buf(1 << 16, '\0');
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        h.add(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
    }
    if (in.bad()) return std::nullopt;
    return h.hex();
}

/// Every name riposte writes into a results folder (run, validate, compare, report).
const std::set<std::string>& riposte_file_names() {
    static const std::set<std::string> names = [] {
        std::set<std::string> n(result_file_names().begin(), result_file_names().end());
        n.insert(replication_result_file_names().begin(), replication_result_file_names().end());
        for (const char* extra : {"validation.json", "compare.csv", "compare.json", "report.html",
                                  results_manifest_name})
            n.insert(extra);
        return n;
    }();
    return names;
}

/// A temporary file of write_file_atomic (".NAME.tmp-...") left by a killed run.
bool is_leftover_temp(const std::string& name) {
    return name.size() > 1 && name[0] == '.' && name.find(".tmp-") != std::string::npos;
}

void fsync_path(const fs::path& p, bool directory) {
    const int fd = ::open(p.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

/// Exchanges two paths atomically (Linux renameat2 RENAME_EXCHANGE). False when the system
/// or the file system does not support it.
bool exchange(const fs::path& a, const fs::path& b) {
#if defined(SYS_renameat2)
    constexpr unsigned rename_exchange = 2; // RENAME_EXCHANGE
    return ::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), rename_exchange) == 0;
#else
    (void)a;
    (void)b;
    return false;
#endif
}

std::string unique_suffix() {
    std::random_device rd;
    return std::to_string(::getpid()) + "-" + std::to_string(rd());
}

} // namespace

ResultsFolder::ResultsFolder(fs::path target, fs::path staging)
    : target_(std::move(target)), staging_(std::move(staging)) {}

ResultsFolder::ResultsFolder(ResultsFolder&& o) noexcept
    : target_(std::move(o.target_)), staging_(std::move(o.staging_)), done_(o.done_) {
    o.done_ = true;
}

ResultsFolder& ResultsFolder::operator=(ResultsFolder&& o) noexcept {
    if (this != &o) {
        std::swap(target_, o.target_);
        std::swap(staging_, o.staging_);
        std::swap(done_, o.done_);
    }
    return *this;
}

ResultsFolder::~ResultsFolder() {
    if (done_) return;
    std::error_code ec;
    fs::remove_all(staging_, ec);
}

std::optional<ResultsFolder> ResultsFolder::prepare(const fs::path& dir, bool force,
                                                    std::vector<std::string>& foreign,
                                                    std::string& error) {
    std::error_code ec;
    const fs::path target = fs::absolute(dir, ec).lexically_normal();
    fs::path clean = target;
    if (clean.filename().empty()) clean = clean.parent_path();
    const fs::path parent = clean.parent_path();
    const std::string base = clean.filename().string();
    fs::create_directories(parent, ec);
    if (ec || !fs::is_directory(parent, ec)) {
        error = parent.string() + ": cannot create the folder that holds the results";
        return std::nullopt;
    }
    // leftovers of killed runs: staging and old siblings of this folder
    for (const auto& e : fs::directory_iterator(parent, ec)) {
        const std::string n = e.path().filename().string();
        if (n.rfind("." + base + std::string(staging_tag), 0) == 0 ||
            n.rfind("." + base + std::string(old_tag), 0) == 0)
            fs::remove_all(e.path(), ec);
    }
    if (fs::exists(clean, ec)) {
        if (!fs::is_directory(clean, ec)) {
            error = clean.string() + ": not a directory; choose another --out";
            return std::nullopt;
        }
        for (const auto& e : fs::directory_iterator(clean, ec)) {
            const std::string n = e.path().filename().string();
            if (e.is_regular_file() && (riposte_file_names().count(n) || is_leftover_temp(n)))
                continue;
            foreign.push_back(e.path().string());
        }
        std::sort(foreign.begin(), foreign.end());
        if (!foreign.empty() && !force) {
            error = clean.string() +
                    ": holds files riposte did not write; choose another --out, or give --force "
                    "to replace the folder and everything in it";
            return std::nullopt;
        }
    }
    const fs::path staging = parent / ("." + base + std::string(staging_tag) + unique_suffix());
    fs::create_directory(staging, ec);
    if (ec) {
        error = staging.string() + ": cannot create a folder for the new results: " + ec.message();
        return std::nullopt;
    }
    return ResultsFolder(clean, staging);
}

WriteStatus ResultsFolder::commit() {
    WriteStatus st;
    std::error_code ec;
    // the manifest, written last: every file and its hash
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(staging_, ec))
        if (e.is_regular_file()) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    std::string manifest = "riposte results manifest 1\n";
    for (const std::string& n : names) {
        const auto hash = file_hash(staging_ / n);
        if (!hash) {
            st.error = (staging_ / n).string() + ": cannot be read back";
            return st;
        }
        manifest += n + " " + *hash + "\n";
    }
    if (WriteStatus w = write_file_atomic(staging_ / results_manifest_name, manifest); !w.ok())
        return w;
    fsync_path(staging_, true);
    if (!fs::exists(target_, ec)) {
        fs::rename(staging_, target_, ec);
        if (ec) {
            st.error = target_.string() + ": cannot put the new results in place: " + ec.message();
            return st;
        }
    } else if (exchange(staging_, target_)) {
        // staging_ now holds the old set
        fs::remove_all(staging_, ec);
    } else {
        // no atomic exchange here: move the old set aside, then the new one in
        const fs::path old = target_.parent_path() / ("." + target_.filename().string() +
                                                      std::string(old_tag) + unique_suffix());
        fs::rename(target_, old, ec);
        if (!ec) fs::rename(staging_, target_, ec);
        if (ec) {
            st.error = target_.string() + ": cannot put the new results in place: " + ec.message();
            return st;
        }
        fs::remove_all(old, ec);
    }
    fsync_path(target_.parent_path(), true);
    done_ = true;
    return st;
}

std::string content_hash(std::string_view bytes) {
    Fnv1a h;
    h.add(bytes);
    return h.hex();
}

bool holds_results(const fs::path& dir) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (riposte_file_names().count(e.path().filename().string())) return true;
    return false;
}

std::vector<std::string> check_results_folder(const fs::path& dir) {
    std::vector<std::string> problems;
    const auto manifest = read_file(dir / results_manifest_name);
    if (!manifest) {
        problems.push_back((dir / results_manifest_name).string() +
                           ": missing: the folder was not written whole by this version of "
                           "riposte; run it again");
        return problems;
    }
    std::istringstream in(*manifest);
    std::string line;
    std::getline(in, line);
    if (line != "riposte results manifest 1") {
        problems.push_back((dir / results_manifest_name).string() + ": not a riposte manifest");
        return problems;
    }
    std::set<std::string> listed;
    while (std::getline(in, line)) {
        const auto sp = line.rfind(' ');
        if (sp == std::string::npos) continue;
        const std::string name = line.substr(0, sp), hash = line.substr(sp + 1);
        listed.insert(name);
        const auto got = file_hash(dir / name);
        if (!got)
            problems.push_back((dir / name).string() + ": missing");
        else if (*got != hash)
            problems.push_back((dir / name).string() + ": does not come from the same run");
    }
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string n = e.path().filename().string();
        if (n == results_manifest_name || n == "report.html" || listed.count(n) ||
            is_leftover_temp(n))
            continue;
        problems.push_back(e.path().string() + ": not part of the run that wrote this folder");
    }
    std::sort(problems.begin(), problems.end());
    return problems;
}

} // namespace riposte
