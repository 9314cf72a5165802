// Writing journals (riposte/journal.hpp): POSIX files opened for appending, each block written
// whole and fsync'ed before append() returns.
#include "core/fd_io.hpp"
#include "core/file_input.hpp"
#include "core/journal_format.hpp"
#include "riposte/change_toml.hpp"
#include "riposte/journal.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace riposte {

using fd_io::fsync_dir;
using fd_io::fsync_retry;
using fd_io::sys_error;
using fd_io::write_all;

namespace {

void set(std::string* error, std::string msg) {
    if (error) *error = std::move(msg);
}

std::string relative_to(const std::filesystem::path& journal, const std::filesystem::path& p) {
    if (p.empty()) return {};
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path base = fs::absolute(journal, ec).parent_path().lexically_normal();
    const fs::path abs = fs::absolute(p, ec).lexically_normal();
    fs::path rel = abs.lexically_relative(base);
    if (rel.empty()) rel = abs;
    return rel.generic_string();
}

} // namespace

const char* entry_source_name(EntrySource source) {
    switch (source) {
    case EntrySource::Decision:
        return "decision";
    case EntrySource::AdHocInject:
        return "adhoc_inject";
    case EntrySource::ScriptedFired:
        return "scripted_fired";
    case EntrySource::ScriptedSkipped:
        return "scripted_skipped";
    case EntrySource::ScriptedDelayed:
        return "scripted_delayed";
    case EntrySource::ScriptedEdited:
        return "scripted_edited";
    case EntrySource::TriggerFired:
        return "trigger_fired";
    case EntrySource::Observation:
        return "observation";
    }
    return "decision";
}

std::string journal_header_to_toml(const JournalHeader& h) {
    std::string out =
        "# riposte journal (docs/exercise.md): one [[entry]] per change applied live, each\n"
        "# written and flushed to disk before it takes effect. Replay checks every entry.\n"
        "[journal]\n";
    auto line = [&](std::string_view key, const std::string& value) {
        out += key;
        out += " = ";
        out += value;
        out += '\n';
    };
    line("version", std::to_string(h.version));
    line("world", toml_quote(h.world));
    line("world_sha256", toml_quote(h.world_sha256));
    line("plan", toml_quote(h.plan));
    line("plan_sha256", toml_quote(h.plan_sha256));
    line("exercise", toml_quote(h.exercise));
    line("exercise_sha256", toml_quote(h.exercise_sha256));
    line("seed", toml_quote(std::to_string(h.seed)));
    line("replication", std::to_string(h.replication));
    line("parent", toml_quote(h.parent));
    line("parent_entry", std::to_string(h.parent_entry));
    out += journal_format::header_end_line;
    out += '\n';
    return out;
}

std::string journal_entry_to_toml(const JournalEntry& e) {
    std::string out = "\n[[entry]]\n";
    auto line = [&](std::string_view key, const std::string& value) {
        out += key;
        out += " = ";
        out += value;
        out += '\n';
    };
    line("ordinal", std::to_string(e.ordinal));
    line("source", toml_quote(entry_source_name(e.source)));
    line("at", toml_quote(format_day_time(e.stamp.time)));
    line("event", std::to_string(e.stamp.ordinal));
    line("order", std::to_string(e.stamp.order));
    if (!e.author.empty()) line("author", toml_quote(e.author));
    if (!e.inject_id.empty()) line("inject_id", toml_quote(e.inject_id));
    if (e.source == EntrySource::ScriptedDelayed)
        line("new_time", toml_quote(format_day_time(e.new_time)));
    if (e.change) out += change_to_toml(*e.change);
    if (!e.text.empty()) line("text", toml_quote(e.text));
    if (!e.notes.empty()) line("notes", toml_quote(e.notes));
    if (!e.objective.empty()) line("objective", toml_quote(e.objective));
    if (!e.rating.empty()) line("rating", toml_quote(e.rating));
    if (e.refused) {
        line("refused", "true");
        line("refusal", toml_quote(e.refusal));
    }
    out += journal_format::entry_end_prefix;
    out += std::to_string(e.ordinal);
    out += '\n';
    return out;
}

JournalHeader make_journal_header(const std::filesystem::path& journal,
                                  const std::filesystem::path& world,
                                  const std::filesystem::path& plan,
                                  const std::filesystem::path& exercise, std::uint64_t seed,
                                  int replication) {
    JournalHeader h;
    h.world = relative_to(journal, world);
    h.plan = relative_to(journal, plan);
    h.exercise = relative_to(journal, exercise);
    h.world_sha256 = sha256_file(world);
    h.plan_sha256 = sha256_file(plan);
    if (!exercise.empty()) h.exercise_sha256 = sha256_file(exercise);
    h.seed = seed;
    h.replication = replication;
    return h;
}

std::optional<JournalWriter> JournalWriter::create(const std::filesystem::path& file,
                                                   const JournalHeader& header,
                                                   std::string* error) {
    // The journal appears whole: a session killed while creating it leaves no journal (nothing
    // was decided yet), never one without its header, which could not be resumed.
    const std::string text = journal_header_to_toml(header);
    const fd_io::Created c = fd_io::create_whole(file, text);
    if (c.fd < 0) {
        set(error, c.exists ? "the journal " + file.string() +
                                  " already exists: resume it or choose another name"
                            : sys_error("cannot create the journal", file));
        return std::nullopt;
    }
    JournalWriter w;
    w.fd_ = c.fd;
    w.size_ = text.size();
    return w;
}

namespace {

bool resume_impl(const std::filesystem::path& file, const JournalHeader* expected,
                 std::string* error, int& fd_out, std::uint64_t& count, std::uint64_t& size) {
    const loader::FileRead r = loader::read_input_file(file);
    if (!r.text) {
        set(error, "cannot read the journal " + file.string() + ": " + r.reason);
        return false;
    }
    const std::string& text = *r.text;
    const journal_format::Scan s = journal_format::scan(text);
    if (!s.header_complete) {
        set(error, file.string() + ": the journal's header is incomplete: nothing to resume");
        return false;
    }
    const std::string_view header(text.data(), s.header_end);
    if (expected) {
        if (header != journal_header_to_toml(*expected)) {
            set(error, file.string() +
                           ": the journal's header does not match this session's inputs "
                           "(world, plan, exercise, seed or replication)");
            return false;
        }
    } else if (header.find("\nversion = 1\n") == std::string_view::npos) {
        set(error, file.string() + ": not a version 1 riposte journal");
        return false;
    }
    for (std::size_t k = 0; k < s.entries.size(); ++k)
        if (s.entries[k].number != k + 1) {
            set(error, file.string() + ":" + std::to_string(s.entries[k].line) + ": entry " +
                           std::to_string(k + 1) + " ends with the line for entry " +
                           std::to_string(s.entries[k].number) + ": the journal is corrupt");
            return false;
        }
    const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0) {
        set(error, sys_error("cannot open the journal", file));
        return false;
    }
    if (s.tail < text.size()) {
        // a torn last entry was never applied: cut it so that the next entry follows a
        // complete one
        if (::ftruncate(fd, static_cast<off_t>(s.tail)) != 0 || !fsync_retry(fd)) {
            set(error, sys_error("cannot cut the torn last entry of the journal", file));
            ::close(fd);
            return false;
        }
    }
    fd_out = fd;
    count = s.entries.size();
    size = s.tail;
    return true;
}

} // namespace

std::optional<JournalWriter> JournalWriter::resume(const std::filesystem::path& file,
                                                   std::string* error) {
    JournalWriter w;
    if (!resume_impl(file, nullptr, error, w.fd_, w.count_, w.size_)) return std::nullopt;
    return w;
}

std::optional<JournalWriter> JournalWriter::resume(const std::filesystem::path& file,
                                                   const JournalHeader& expected,
                                                   std::string* error) {
    JournalWriter w;
    if (!resume_impl(file, &expected, error, w.fd_, w.count_, w.size_)) return std::nullopt;
    return w;
}

JournalWriter::JournalWriter(JournalWriter&& o) noexcept
    : fd_(o.fd_), count_(o.count_), size_(o.size_) {
    o.fd_ = -1;
}

JournalWriter& JournalWriter::operator=(JournalWriter&& o) noexcept {
    if (this != &o) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = o.fd_;
        count_ = o.count_;
        size_ = o.size_;
        o.fd_ = -1;
    }
    return *this;
}

JournalWriter::~JournalWriter() {
    if (fd_ >= 0) ::close(fd_);
}

bool JournalWriter::append(const JournalEntry& entry, std::string* error) {
    if (fd_ < 0) {
        set(error, "the journal is not open");
        return false;
    }
    if (entry.ordinal != 0 && entry.ordinal != count_ + 1) {
        set(error, "entry ordinal " + std::to_string(entry.ordinal) + " is not the next one (" +
                       std::to_string(count_ + 1) + ")");
        return false;
    }
    JournalEntry e = entry;
    e.ordinal = count_ + 1;
    const std::string text = journal_entry_to_toml(e);
    if (!write_all(fd_, text) || !fsync_retry(fd_)) {
        const std::string why = std::strerror(errno);
        // leave the file ending with a complete entry, so that the next append is readable
        if (::ftruncate(fd_, static_cast<off_t>(size_)) == 0) (void)fsync_retry(fd_);
        set(error, "cannot write entry " + std::to_string(e.ordinal) + " to the journal: " + why);
        return false;
    }
    size_ += text.size();
    ++count_;
    return true;
}

} // namespace riposte
