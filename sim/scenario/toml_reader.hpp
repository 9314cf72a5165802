#pragma once
// Reading toml++ tables into plain values with diagnostics. Every accessor marks its key as
// known; TableReader::finish() then reports every other key as unknown, with a "did you mean"
// hint. Errors carry the source position of the offending node (toml++ source regions).
// This header (and sim/scenario/) is the only place toml++ is used.
#include "riposte/core/distribution.hpp"
#include "riposte/diagnostics.hpp"
#include "riposte/scenario.hpp"
#include "riposte/text/diagnostic_texts.hpp"

#include <toml++/toml.h>

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace riposte::loader {

/// One TOML file being read: its name for diagnostics, its text (to locate characters inside
/// string values) and the directory relative paths are resolved from.
class TomlFile {
  public:
    TomlFile(std::string name, std::string_view text, std::filesystem::path base_dir,
             Diagnostics& diags)
        : name_(std::move(name)), text_(text), base_dir_(std::move(base_dir)), diags_(&diags) {}

    /// The file's root table and its top-level keys, to recognise a top-level key written
    /// after a [table] header (where TOML makes it part of that table).
    void set_root(const toml::table* root, std::span<const std::string_view> top_keys) {
        root_ = root;
        top_keys_ = top_keys;
    }
    [[nodiscard]] const toml::table* root() const { return root_; }
    [[nodiscard]] std::span<const std::string_view> top_keys() const { return top_keys_; }

    /// Lines to add to toml++'s positions, for a part of the file parsed on its own (a journal
    /// entry block); `text` is then still the whole file.
    void set_line_offset(int lines) { line_offset_ = lines; }

    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] const std::filesystem::path& base_dir() const { return base_dir_; }
    [[nodiscard]] Diagnostics& diags() const { return *diags_; }

    [[nodiscard]] SourceLoc loc(const toml::source_position& p) const;
    [[nodiscard]] SourceLoc loc(const toml::node& n) const { return loc(n.source().begin); }
    [[nodiscard]] SourceLoc loc(const toml::key& k) const { return loc(k.source().begin); }
    /// Position of the byte `offset` inside the string value `n` (after its opening quote).
    [[nodiscard]] SourceLoc loc_in_string(const toml::node& n, std::size_t offset) const;
    /// The file path as written in a string value, resolved against base_dir.
    [[nodiscard]] std::filesystem::path resolve(std::string_view relative) const;

    void error(const toml::node& n, std::string msg) const {
        diags_->error(loc(n), std::move(msg));
    }
    void error(SourceLoc where, std::string msg) const {
        diags_->error(std::move(where), std::move(msg));
    }
    /// With a stable message id (riposte/diagnostics.hpp).
    void error(const toml::node& n, std::string id, std::string msg) const {
        diags_->error(loc(n), std::move(id), std::move(msg));
    }
    void error(SourceLoc where, std::string id, std::string msg) const {
        diags_->error(std::move(where), std::move(id), std::move(msg));
    }
    void error(const toml::node& n, Bilingual msg) const { diags_->error(loc(n), std::move(msg)); }
    void error(SourceLoc where, Bilingual msg) const {
        diags_->error(std::move(where), std::move(msg));
    }
    void error(const toml::node& n, std::string id, Bilingual msg) const {
        diags_->error(loc(n), std::move(id), std::move(msg));
    }
    void error(SourceLoc where, std::string id, Bilingual msg) const {
        diags_->error(std::move(where), std::move(id), std::move(msg));
    }
    void warning(const toml::node& n, Bilingual msg) const {
        diags_->warning(loc(n), std::move(msg));
    }
    void warning(SourceLoc where, Bilingual msg) const {
        diags_->warning(std::move(where), std::move(msg));
    }
    void warning(const toml::node& n, std::string msg) const {
        diags_->warning(loc(n), std::move(msg));
    }
    void warning(SourceLoc where, std::string msg) const {
        diags_->warning(std::move(where), std::move(msg));
    }

  private:
    std::string name_;
    std::string_view text_;
    std::filesystem::path base_dir_;
    Diagnostics* diags_;
    const toml::table* root_ = nullptr;
    std::span<const std::string_view> top_keys_;
    int line_offset_ = 0;
};

/// "a string", "a whole number", ... for messages, in both languages.
Bilingual type_words(const toml::node& n);
/// The same in English only, for the messages not yet in the string table.
std::string type_phrase(const toml::node& n);
/// An English phrase of the readers (a range hint, a table's description, a kind of name) in
/// both languages, from the string table's lists (text::range_hints, text::reader_phrases);
/// verbatim when the table does not hold it (a TOML header such as "[[centre]]").
Bilingual phrase(std::string_view english);
/// "'a', 'b' or 'c'" ("... ou 'c'" in French), at most `max_items` names, then how many in all.
Bilingual quoted_words(std::span<const std::string> names, std::size_t max_items = 12);

/// Inclusive numeric bounds and how to phrase a violation.
struct Range {
    double lo = 0;
    double hi = 0;
    const char* hint = nullptr; ///< appended to the message, e.g. "(a share: 0.11 for 11%)"
};
inline constexpr Range share_range{0.0, 1.0, "a share between 0 and 1, e.g. 0.11 for 11%"};

/// Node-level conversions (used for table values, array items and inline-table values).
/// `what` names the value in messages, e.g. "'share'" or "item 3 of 'hourly_profile'".
std::optional<std::string> to_string(const TomlFile& f, const toml::node& n, const SayArg& what);
std::optional<std::int64_t> to_int(const TomlFile& f, const toml::node& n, const SayArg& what,
                                   std::int64_t lo, std::int64_t hi);
std::optional<double> to_number(const TomlFile& f, const toml::node& n, const SayArg& what,
                                const Range& r);
std::optional<bool> to_bool(const TomlFile& f, const toml::node& n, const SayArg& what);

/// Reads the keys of one table. Construct, call accessors for every key the table may hold,
/// then finish().
class TableReader {
  public:
    /// `where` names the table in messages, e.g. "[[centre]]" or "[world]".
    TableReader(const TomlFile& f, const toml::table& t, std::string where);
    TableReader(const TableReader&) = delete;
    TableReader& operator=(const TableReader&) = delete;

    [[nodiscard]] const TomlFile& file() const { return f_; }
    [[nodiscard]] const toml::table& table() const { return t_; }
    [[nodiscard]] const std::string& where() const { return where_; }
    /// where() in both languages, for messages.
    [[nodiscard]] const Bilingual& where_words() const { return where_words_; }
    /// Location of the table itself (its [header] or '{').
    [[nodiscard]] SourceLoc loc() const;

    /// The node for `key` (marking it known), or nullptr. When `required` and absent, reports
    /// "missing key" with `example` as the fix.
    const toml::node* node(std::string_view key, bool required = false,
                           std::string_view example = {});
    /// Marks a key known without reading it.
    void allow(std::string_view key);
    [[nodiscard]] bool has(std::string_view key) const { return t_.contains(key); }

    std::optional<std::string> string(std::string_view key, bool required = false,
                                      std::string_view example = {});
    std::optional<std::int64_t> integer(std::string_view key, std::int64_t lo, std::int64_t hi,
                                        bool required = false, std::string_view example = {});
    std::optional<double> number(std::string_view key, const Range& r, bool required = false,
                                 std::string_view example = {});
    std::optional<bool> boolean(std::string_view key, bool required = false);

    /// Keyword from a fixed list ("vaccination" | "testing" | "both"); returns its index.
    std::optional<int> keyword(std::string_view key, std::span<const std::string_view> words,
                               bool required = false);
    /// A weekday set ("mon-fri").
    std::optional<WeekdayMask> weekdays(std::string_view key, bool required = false);
    /// A clock time "HH:MM" (a string or a TOML local time such as 08:30:00).
    std::optional<SimTime> clock(std::string_view key, bool allow_24, bool required = false);
    /// A distribution in the text form of core/distribution.hpp; numbers without a unit are in
    /// minutes. The error column points inside the string where the parser stopped.
    std::optional<Distribution> distribution(std::string_view key, bool required = false,
                                             std::string_view example = {});
    /// A sub-table (or nullptr). A value that is not a table is reported.
    const toml::table* subtable(std::string_view key, bool required = false);
    /// An array of tables (written [[key]] or key = [{...}, ...]); empty when absent.
    std::vector<const toml::table*> table_array(std::string_view key, bool required = false);

    /// Reports every key not read by an accessor as unknown. `other_file_keys` lists keys that
    /// belong to the other file (world vs plan) to say so instead.
    void finish(std::span<const std::string_view> other_file_keys = {},
                std::string_view other_file = {});

  private:
    void missing(std::string_view key, std::string_view example);
    const TomlFile& f_;
    const toml::table& t_;
    std::string where_;
    Bilingual where_words_; ///< where_ in both languages, for messages
    std::vector<std::string> known_;
};

} // namespace riposte::loader
