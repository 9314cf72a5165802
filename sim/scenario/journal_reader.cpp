// Reading journals (riposte/journal.hpp, docs/exercise.md "The journal"): the block structure
// comes from core/journal_format.hpp, each block is parsed on its own with toml++ so that a
// torn last entry never hides the complete ones before it.
#include "change_reader.hpp"
#include "core/file_input.hpp"
#include "core/journal_format.hpp"
#include "core/text_parse.hpp"
#include "loader_internal.hpp"
#include "riposte/journal.hpp"

#include <array>

namespace riposte {

namespace {

using loader::TableReader;
using loader::TomlFile;

constexpr std::array<EntrySource, 8> all_sources = {
    EntrySource::Decision,        EntrySource::AdHocInject,     EntrySource::ScriptedFired,
    EntrySource::ScriptedSkipped, EntrySource::ScriptedDelayed, EntrySource::ScriptedEdited,
    EntrySource::TriggerFired,    EntrySource::Observation};

constexpr std::string_view header_top_keys[] = {"journal"};
constexpr std::string_view entry_top_keys[] = {"entry"};

/// Diagnostics of a block parsed on its own, moved to their lines in the whole file.
void shift_lines(Diagnostics& from, int lines, Diagnostics& to) {
    for (Diagnostic d : from.items()) {
        if (d.where.line > 0) d.where.line += lines;
        to.add(std::move(d));
    }
}

std::optional<toml::table> parse_block(std::string_view whole, const journal_format::Block& b,
                                       const std::string& name, Diagnostics& diags) {
    Diagnostics local;
    auto root = loader::parse_toml(whole.substr(b.begin, b.end - b.begin), name, local);
    shift_lines(local, b.first_line - 1, diags);
    return root;
}

bool is_hex64(std::string_view s) {
    if (s.size() != 64) return false;
    for (const char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

void read_header(const TomlFile& f, const toml::table& root, JournalHeader& h) {
    TableReader top(f, root, "the journal header");
    const toml::table* t = top.subtable("journal", true);
    top.finish();
    if (!t) return;
    TableReader r(f, *t, "[journal]");
    if (const auto v = r.integer("version", 1, 1000000, true, "version = 1")) {
        if (*v != 1)
            f.error(*t->get("version"), "journal.version",
                    say(text::diag.journal_version, {std::to_string(*v)}));
        h.version = static_cast<int>(*v);
    }
    h.world = r.string("world", true, "world = \"world.toml\"").value_or("");
    h.plan = r.string("plan", true, "plan = \"plan.toml\"").value_or("");
    h.exercise = r.string("exercise").value_or("");
    for (auto [key, out, required] : {std::tuple{"world_sha256", &h.world_sha256, true},
                                      std::tuple{"plan_sha256", &h.plan_sha256, true},
                                      std::tuple{"exercise_sha256", &h.exercise_sha256, false}}) {
        const toml::node* n = r.node(key, required, std::string(key) + " = \"…64 hex digits…\"");
        if (!n) continue;
        if (auto s = loader::to_string(f, *n, "'" + std::string(key) + "'")) {
            if (!s->empty() && !is_hex64(*s))
                f.error(*n, "journal.bad_sha256",
                        say(text::diag.journal_bad_sha, {std::string(key)}));
            else
                *out = *s;
        }
    }
    if (const toml::node* n = r.node("seed", true, "seed = \"42\"")) {
        if (const auto* s = n->as_string()) {
            const std::string& v = s->get();
            bool ok = !v.empty() && v.size() <= 20;
            std::uint64_t x = 0;
            for (const char c : v) {
                if (c < '0' || c > '9') ok = false;
                if (!ok) break;
                const auto digit = static_cast<std::uint64_t>(c - '0');
                if (x > (UINT64_MAX - digit) / 10)
                    ok = false;
                else
                    x = x * 10 + digit;
            }
            if (!ok)
                f.error(*n, "journal.bad_seed", say(text::diag.journal_bad_seed));
            else
                h.seed = x;
        } else {
            f.error(*n, "value.type",
                    say(text::diag.journal_seed_quotes, {loader::type_words(*n)}));
        }
    }
    h.replication = static_cast<int>(r.integer("replication", 0, 1000000).value_or(0));
    h.parent = r.string("parent").value_or("");
    h.parent_entry =
        static_cast<std::uint64_t>(r.integer("parent_entry", 0, INT64_MAX).value_or(0));
    if (h.parent.empty() && h.parent_entry != 0)
        f.error(r.loc(), "journal.parent", say(text::diag.journal_parent));
    r.finish();
}

std::optional<JournalEntry> read_entry(const TomlFile& f, const toml::table& root,
                                       const journal_format::Block& b, std::uint64_t expected) {
    const SourceLoc block_loc{f.name(), b.line, 1};
    const toml::node* arr_node = root.get("entry");
    const toml::array* arr = arr_node ? arr_node->as_array() : nullptr;
    if (!arr || arr->size() != 1 || !(*arr)[0].is_table() || root.size() != 1) {
        f.error(block_loc, "journal.bad_block",
                say(text::diag.journal_bad_block,
                    {std::to_string(expected),
                     std::string(journal_format::entry_end_prefix) + std::to_string(b.number)}));
        return std::nullopt;
    }
    const toml::table& t = *(*arr)[0].as_table();
    TableReader r(f, t, "[[entry]]");
    JournalEntry e;
    e.line = b.line;
    const std::size_t errors_before = f.diags().error_count();
    if (const auto v = r.integer("ordinal", 1, INT64_MAX, true, "ordinal = 1")) {
        e.ordinal = static_cast<std::uint64_t>(*v);
        if (e.ordinal != expected || e.ordinal != b.number)
            f.error(*t.get("ordinal"), "journal.ordinal",
                    b.number != expected ? say(text::diag.journal_ordinal_block,
                                               {std::to_string(*v), std::to_string(expected),
                                                std::to_string(b.number)})
                                         : say(text::diag.journal_ordinal,
                                               {std::to_string(*v), std::to_string(expected)}));
    }
    std::array<std::string_view, all_sources.size()> words{};
    for (std::size_t k = 0; k < all_sources.size(); ++k)
        words[k] = entry_source_name(all_sources[k]);
    if (const auto s = r.keyword("source", words, true)) e.source = all_sources[*s];
    const auto at = loader::read_day_time(r, "at", true);
    if (at) e.stamp.time = *at;
    e.stamp.ordinal =
        static_cast<std::uint64_t>(r.integer("event", 0, INT64_MAX, true, "event = 0").value_or(0));
    e.stamp.order = static_cast<std::uint32_t>(
        r.integer("order", 0, UINT32_MAX, true, "order = 0").value_or(0));
    e.author = r.string("author").value_or("");
    e.inject_id = r.string("inject_id").value_or("");
    if (const toml::node* n = r.node("new_time")) {
        if (const auto v = loader::to_day_time(f, *n, "'new_time'")) e.new_time = *v;
    } else if (e.source == EntrySource::ScriptedDelayed) {
        f.error(r.loc(), "key.missing", say(text::diag.journal_new_time));
    }
    const bool needs_change = e.source == EntrySource::Decision ||
                              e.source == EntrySource::AdHocInject ||
                              e.source == EntrySource::ScriptedEdited;
    if (r.has("kind") || needs_change) {
        loader::ChangeContext ctx;
        ctx.at = at.value_or(SimTime{});
        ctx.where = "[[entry]]";
        ctx.lenient = true;
        e.change = loader::read_change(r, ctx);
    }
    const bool needs_inject =
        e.source == EntrySource::ScriptedFired || e.source == EntrySource::ScriptedSkipped ||
        e.source == EntrySource::ScriptedDelayed || e.source == EntrySource::ScriptedEdited ||
        e.source == EntrySource::TriggerFired;
    if (needs_inject && e.inject_id.empty() && !r.has("inject_id"))
        f.error(r.loc(), "key.missing",
                say(text::diag.journal_inject_id, {entry_source_name(e.source)}));
    e.text = r.string("text").value_or("");
    e.notes = r.string("notes").value_or("");
    e.objective = r.string("objective").value_or("");
    // the HSEEP rating of an observation: P, S, M or U (upper case, as evaluators write it)
    if (const toml::node* n = r.node("rating")) {
        const auto v = n->value<std::string>();
        if (v && (*v == "P" || *v == "S" || *v == "M" || *v == "U"))
            e.rating = *v;
        else
            f.error(*n, "journal.rating", say(text::diag.journal_rating));
    }
    e.refused = r.boolean("refused").value_or(false);
    e.refusal = r.string("refusal").value_or("");
    if (e.change)
        if (auto* m = std::get_if<Message>(&*e.change); m && m->text.empty()) m->text = e.text;
    r.finish();
    if (f.diags().error_count() != errors_before) return std::nullopt;
    return e;
}

} // namespace

JournalReadResult read_journal_text(std::string_view text, std::string name) {
    JournalReadResult out;
    Diagnostics& d = out.diagnostics;
    const journal_format::Scan s = journal_format::scan(text);
    if (!s.header_complete) {
        d.error({name, 1, 1}, "journal.no_header",
                text.empty()
                    ? say(text::diag.journal_empty)
                    : say(text::diag.journal_header_incomplete, {journal_format::header_end_line}));
        return out;
    }
    Journal j;
    j.file = name;
    {
        journal_format::Block hb;
        hb.begin = 0;
        hb.end = s.header_end;
        hb.first_line = 1;
        if (auto root = parse_block(text, hb, name, d)) {
            TomlFile f(name, text, std::filesystem::path(name).parent_path(), d);
            f.set_root(&*root, header_top_keys);
            read_header(f, *root, j.header);
        }
    }
    if (d.has_errors()) return out;
    for (std::size_t k = 0; k < s.entries.size(); ++k) {
        const journal_format::Block& b = s.entries[k];
        auto root = parse_block(text, b, name, d);
        if (!root) continue;
        TomlFile f(name, text, {}, d);
        f.set_line_offset(b.first_line - 1);
        f.set_root(&*root, entry_top_keys);
        auto e = read_entry(f, *root, b, k + 1);
        if (!e) continue;
        if (!j.entries.empty() && e->stamp < j.entries.back().stamp)
            d.error({name, e->line, 1}, "journal.out_of_order",
                    say(text::diag.journal_out_of_order,
                        {std::to_string(e->ordinal), std::to_string(j.entries.back().ordinal)}));
        j.entries.push_back(std::move(*e));
    }
    if (s.torn)
        d.warning({name, s.tail_line, 1}, "journal.torn_entry", say(text::diag.journal_torn));
    if (!d.has_errors()) out.journal = std::move(j);
    return out;
}

JournalReadResult read_journal(const std::filesystem::path& file) {
    loader::FileRead r = loader::read_input_file(file, loader::max_file_bytes);
    if (!r.text) {
        JournalReadResult out;
        Bilingual msg =
            say(text::diag.cannot_read_file, {loader::phrase("journal"), loader::phrase(r.reason)});
        if (r.failure == loader::FileReadFailure::Missing) msg += say(text::diag.check_path);
        out.diagnostics.error({file.string(), 1, 1}, loader::file_read_id(r.failure),
                              std::move(msg));
        return out;
    }
    JournalReadResult out = read_journal_text(*r.text, file.string());
    if (out.journal) out.journal->file = file;
    return out;
}

} // namespace riposte
