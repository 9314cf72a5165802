// The journal (docs/exercise.md "The journal"): SHA-256 against the FIPS 180-4 vectors, entries
// written and read back, a torn last entry dropped at every byte where a crash could cut it, a
// corrupt entry in the middle named by its line, and resuming after a crash.
#include "riposte/change_toml.hpp"
#include "riposte/journal.hpp"

#include "cli_process.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using riposte::test::read_text;
using riposte::test::write_text;
using namespace riposte;

namespace {

class TempDir {
  public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "riposte-journal-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

JournalHeader header() {
    JournalHeader h;
    h.world = "../centre-herault/world.toml";
    h.plan = "../centre-herault/plan.toml";
    h.exercise = "stress.toml";
    h.world_sha256 = sha256_hex("world");
    h.plan_sha256 = sha256_hex("plan");
    h.exercise_sha256 = sha256_hex("exercise");
    h.seed = 18446744073709551615ull; // survives only as text
    h.replication = 3;
    return h;
}

/// Entries of every source, as a live session would record them.
std::vector<JournalEntry> entries() {
    std::vector<JournalEntry> v;
    auto add = [&](EntrySource src, SimTime t, std::uint64_t ev, std::uint32_t order,
                   std::optional<Change> c) {
        JournalEntry e;
        e.source = src;
        e.stamp = {t, ev, order};
        e.change = std::move(c);
        v.push_back(std::move(e));
        return &v.back();
    };
    add(EntrySource::ScriptedFired, days(1) + hours(8), 1200, 0, AbsenceWave{"infirmier", 0.2, 10})
        ->inject_id = "nurses";
    auto* d = add(EntrySource::Decision, days(1) + hours(9), 1500, 0,
                  AddLine{CentreRef::named("Gignac"), "injection", 2, days(1) + hours(10),
                          days(1) + hours(18), true});
    d->author = "référent SSE";
    d->text = "On ouvre une ligne de réserve à Gignac";
    d->notes = "décision rapide";
    auto* m = add(EntrySource::Decision, days(1) + hours(9), 1500, 1,
                  Message{"Informer le maire de Gignac"});
    m->author = "président CPTS";
    auto* r = add(EntrySource::Decision, days(1) + hours(9) + seconds(30), 1501, 0,
                  ReallocateDoses{CentreRef::named("Lodève"), CentreRef::named("Gignac"), 100000});
    r->refused = true;
    r->refusal = "seulement 1200 doses en stock";
    add(EntrySource::AdHocInject, days(2), 2000, 0,
        StationSlowed{CentreRef::all(), "reception", 3, days(2) + hours(4)});
    add(EntrySource::ScriptedSkipped, days(2) + hours(1), 2100, 0, std::nullopt)->inject_id =
        "press";
    auto* dl = add(EntrySource::ScriptedDelayed, days(2) + hours(1), 2100, 1, std::nullopt);
    dl->inject_id = "fridge";
    dl->new_time = days(3) + hours(7);
    add(EntrySource::ScriptedEdited, days(2) + hours(1), 2100, 2,
        CentreClosed{CentreRef{CentreRef::By::Largest, {}}, days(5)})
        ->inject_id = "premises";
    add(EntrySource::TriggerFired, days(2) + hours(15), 2900, 0,
        AddLine{CentreRef::concerned(), "injection", 1, days(2) + hours(15), days(2) + hours(19),
                true})
        ->inject_id = "long-queue";
    add(EntrySource::Decision, days(2) + hours(15), 2900, 1, ChangeBooking{3, std::nullopt});
    auto* o = add(EntrySource::Observation, days(2) + hours(16), 3000, 0, std::nullopt);
    o->author = "évaluateur 1";
    o->text = "La cellule n'a pas prévenu la presse.\nÀ revoir en RETEX.";
    return v;
}

void check_same(const JournalEntry& a, const JournalEntry& b, std::uint64_t ordinal) {
    CHECK(a.ordinal == ordinal);
    CHECK(a.source == b.source);
    CHECK(a.stamp == b.stamp);
    CHECK(a.change == b.change);
    CHECK(a.inject_id == b.inject_id);
    CHECK(a.author == b.author);
    CHECK(a.notes == b.notes);
    CHECK(a.refused == b.refused);
    CHECK(a.refusal == b.refusal);
    if (b.source == EntrySource::ScriptedDelayed) CHECK(a.new_time == b.new_time);
    if (!(b.change && std::holds_alternative<Message>(*b.change))) CHECK(a.text == b.text);
}

fs::path write_journal(const fs::path& dir) {
    const fs::path file = dir / "journal.toml";
    std::string error;
    auto w = JournalWriter::create(file, header(), &error);
    REQUIRE_MESSAGE(w, error);
    for (const JournalEntry& e : entries()) REQUIRE_MESSAGE(w->append(e, &error), error);
    CHECK(w->entries_written() == entries().size());
    return file;
}

std::string all_text(const Diagnostics& d) {
    std::string s;
    for (const auto& i : d.items()) s += format_diagnostic(i) + "\n";
    return s;
}

} // namespace

TEST_CASE("SHA-256 gives the FIPS 180-4 test vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // lengths around the padding boundary (55, 56 and 64 bytes) differ from each other
    CHECK(sha256_hex(std::string(55, 'x')) != sha256_hex(std::string(56, 'x')));
    TempDir dir;
    write_text(dir.path() / "abc.txt", "abc");
    CHECK(sha256_file(dir.path() / "abc.txt") == sha256_hex("abc"));
    CHECK(sha256_file(dir.path() / "missing.txt").empty());
    CHECK(sha256_file("/dev/zero").empty());
}

TEST_CASE("a journal written entry by entry reads back the same") {
    TempDir dir;
    const fs::path file = write_journal(dir.path());
    const JournalReadResult r = read_journal(file);
    CHECK_MESSAGE(r.diagnostics.items().empty(), all_text(r.diagnostics));
    REQUIRE(r.journal);
    const JournalHeader& h = r.journal->header;
    CHECK(h.version == 1);
    CHECK(h.world == header().world);
    CHECK(h.plan_sha256 == header().plan_sha256);
    CHECK(h.exercise == "stress.toml");
    CHECK(h.seed == 18446744073709551615ull);
    CHECK(h.replication == 3);
    const auto want = entries();
    REQUIRE(r.journal->entries.size() == want.size());
    for (std::size_t k = 0; k < want.size(); ++k) {
        CAPTURE(k);
        check_same(r.journal->entries[k], want[k], k + 1);
    }
    // the text is human-readable TOML with the seed as text
    const std::string text = read_text(file);
    CHECK(text.find("seed = \"18446744073709551615\"\n") != std::string::npos);
    CHECK(text.find("[[entry]]\nordinal = 2\nsource = \"decision\"\nat = \"J1 09:00\"\n") !=
          std::string::npos);
    CHECK(text.find("author = \"référent SSE\"\n") != std::string::npos);
    // creating it again fails: a journal is never overwritten
    std::string error;
    CHECK_FALSE(JournalWriter::create(file, header(), &error));
    CHECK(error.find("already exists") != std::string::npos);
}

TEST_CASE("a journal cut at any byte of its last entry keeps every entry before it") {
    TempDir dir;
    const fs::path file = write_journal(dir.path());
    const std::string full = read_text(file);
    const std::size_t n = entries().size();
    // where the last entry's block begins: after the end line of the one before
    const std::string before_last = "# end of entry " + std::to_string(n - 1) + "\n";
    const std::size_t last_begin = full.find(before_last) + before_last.size();
    REQUIRE(last_begin < full.size());
    const auto want = entries();
    int warned = 0;
    for (std::size_t cut = last_begin; cut < full.size(); ++cut) {
        CAPTURE(cut);
        const JournalReadResult r = read_journal_text(full.substr(0, cut), "journal.toml");
        REQUIRE_MESSAGE(r.journal, all_text(r.diagnostics));
        CHECK_FALSE(r.diagnostics.has_errors());
        REQUIRE(r.journal->entries.size() == n - 1);
        check_same(r.journal->entries.back(), want[n - 2], n - 1);
        // a warning once something of the last entry is there (not for the blank line alone)
        const bool torn = full.find_first_not_of(" \n", last_begin) < cut;
        CHECK(r.diagnostics.items().size() == (torn ? 1u : 0u));
        if (torn) {
            CHECK(r.diagnostics.items()[0].id == "journal.torn_entry");
            CHECK(r.diagnostics.items()[0].where.line > 1);
            ++warned;
        }
    }
    CHECK(warned > 100);
    // the same through a real file cut in the middle of the last block
    const std::size_t cut = (last_begin + full.size()) / 2;
    REQUIRE(::truncate(file.c_str(), static_cast<off_t>(cut)) == 0);
    const JournalReadResult r = read_journal(file);
    REQUIRE(r.journal);
    CHECK(r.journal->entries.size() == n - 1);
    CHECK(r.diagnostics.items().size() == 1);
}

TEST_CASE("a journal cut inside its header is unusable, and says so") {
    TempDir dir;
    const std::string full = read_text(write_journal(dir.path()));
    const std::size_t header_end = full.find("# end of header\n") + 16;
    for (std::size_t cut = 0; cut < header_end; cut += 7) {
        const JournalReadResult r = read_journal_text(full.substr(0, cut), "j.toml");
        CHECK_FALSE(r.journal);
        REQUIRE(r.diagnostics.items().size() == 1);
        CHECK(r.diagnostics.items()[0].id == "journal.no_header");
    }
    const JournalReadResult r = read_journal_text(full.substr(0, header_end), "j.toml");
    REQUIRE(r.journal);
    CHECK(r.journal->entries.empty());
}

TEST_CASE("a journal appears whole: nobody ever finds it without its complete header") {
    // A live session killed while creating its journal left an empty file, and resuming then
    // refused it ("its header was never written"; CI's kill test met it under ASan). A reader
    // polls the name while the journal is created: every time the file is there it must hold
    // the whole header (before the fix, about one read in forty found it empty).
    TempDir dir;
    const std::string expected = journal_header_to_toml(header());
    riposte::test::CreationWatch all;
    for (int round = 0; round < 300; ++round) {
        const fs::path file = dir.path() / ("j" + std::to_string(round) + ".toml");
        all += riposte::test::watch_creation(file, expected, [&] {
            std::string error;
            REQUIRE_MESSAGE(JournalWriter::create(file, header(), &error), error);
        });
    }
    CHECK(all.missing == 0);
    CHECK(all.seen >= 300);
    CHECK(all.partial == 0);
    // nothing but the journals is left in the folder (no temporary file)
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir.path())) {
        CHECK(e.path().filename().string().rfind('j', 0) == 0);
        ++files;
    }
    CHECK(files == 300);
    // the name taken: refused, the journal there untouched, no temporary file left
    std::string error;
    CHECK_FALSE(JournalWriter::create(dir.path() / "j0.toml", header(), &error));
    CHECK(error.find("already exists") != std::string::npos);
    CHECK(read_text(dir.path() / "j0.toml") == expected);
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 300);
}

TEST_CASE("a journal's mode is 0644 less the user's umask, as any file the user creates") {
    // The temporary file behind create_whole was made by mkstemp (0600) and then chmod'ed to
    // 0644 whatever the umask: a user with umask 077 got journals others could read. Before
    // that, and now again, the file is created with 0644 and the umask applies.
    TempDir dir;
    const ::mode_t before = ::umask(077);
    std::string error;
    const bool made_private =
        JournalWriter::create(dir.path() / "private.toml", header(), &error).has_value();
    ::umask(022);
    const bool made_shared =
        JournalWriter::create(dir.path() / "shared.toml", header(), &error).has_value();
    ::umask(before);
    REQUIRE_MESSAGE(made_private, error);
    REQUIRE_MESSAGE(made_shared, error);
    struct ::stat st {};
    REQUIRE(::stat((dir.path() / "private.toml").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat((dir.path() / "shared.toml").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0644);
}

TEST_CASE("a corrupt entry in the middle of a journal is an error naming its line") {
    TempDir dir;
    const std::string full = read_text(write_journal(dir.path()));
    auto line_of = [&](std::size_t pos) {
        return 1 + static_cast<int>(
                       std::count(full.begin(), full.begin() + static_cast<long>(pos), '\n'));
    };
    SUBCASE("a bad value") {
        const std::size_t at = full.find("people = 2\n");
        REQUIRE(at != std::string::npos);
        std::string bad = full;
        bad.replace(at, 11, "people = \"two\"\n");
        const JournalReadResult r = read_journal_text(bad, "j.toml");
        CHECK_FALSE(r.journal);
        REQUIRE(r.diagnostics.error_count() == 1);
        CHECK(r.diagnostics.items()[0].where.line == line_of(at));
        CHECK(r.diagnostics.items()[0].where.column == 10);
    }
    SUBCASE("a TOML syntax error") {
        const std::size_t at = full.find("source = \"adhoc_inject\"");
        REQUIRE(at != std::string::npos);
        std::string bad = full;
        bad.replace(at, 8, "source =");
        bad.insert(at + 8, " =");
        const JournalReadResult r = read_journal_text(bad, "j.toml");
        CHECK_FALSE(r.journal);
        REQUIRE(r.diagnostics.error_count() == 1);
        CHECK(r.diagnostics.items()[0].id == "toml.syntax");
        CHECK(r.diagnostics.items()[0].where.line == line_of(at));
    }
    SUBCASE("an entry whose end line was lost runs into the next one") {
        const std::size_t at = full.find("# end of entry 3\n");
        std::string bad = full;
        bad.erase(at, 17);
        const JournalReadResult r = read_journal_text(bad, "j.toml");
        CHECK_FALSE(r.journal);
        REQUIRE(r.diagnostics.has_errors());
        CHECK(r.diagnostics.items()[0].where.line == line_of(full.find("[[entry]]\nordinal = 3")));
    }
    SUBCASE("an unknown key, with a hint") {
        const std::size_t at = full.find("inject_id = \"press\"");
        std::string bad = full;
        bad.replace(at, 9, "injectid ");
        const JournalReadResult r = read_journal_text(bad, "j.toml");
        CHECK_FALSE(r.journal);
        bool hinted = false;
        for (const auto& d : r.diagnostics.items())
            if (d.id == "key.unknown" && d.where.line == line_of(at) &&
                d.message.find("did you mean 'inject_id'") != std::string::npos)
                hinted = true;
        CHECK(hinted);
    }
    SUBCASE("a seed that is not a whole number") {
        const std::size_t at = full.find("seed = ");
        std::string bad = full;
        bad.replace(at, 7 + 22, "seed = 42");
        const JournalReadResult r = read_journal_text(bad, "j.toml");
        CHECK_FALSE(r.journal);
        REQUIRE(r.diagnostics.error_count() == 1);
        CHECK(r.diagnostics.items()[0].where.line == line_of(at));
    }
}

TEST_CASE("resuming a journal after a crash drops the torn entry and appends after the last "
          "complete one") {
    TempDir dir;
    const fs::path file = write_journal(dir.path());
    const std::string full = read_text(file);
    const std::size_t n = entries().size();
    const std::size_t last = full.rfind("[[entry]]");
    REQUIRE(::truncate(file.c_str(), static_cast<off_t>(last + 25)) == 0);
    std::string error;
    CHECK_FALSE(JournalWriter::resume(
        file,
        [] {
            JournalHeader h = header();
            h.seed = 7;
            return h;
        }(),
        &error));
    CHECK(error.find("does not match") != std::string::npos);
    auto w = JournalWriter::resume(file, header(), &error);
    REQUIRE_MESSAGE(w, error);
    CHECK(w->entries_written() == n - 1);
    JournalEntry e = entries().back();
    e.ordinal = 3; // not the next one
    CHECK_FALSE(w->append(e, &error));
    e.ordinal = 0;
    REQUIRE(w->append(e, &error));
    w.reset();
    const JournalReadResult r = read_journal(file);
    CHECK_MESSAGE(r.diagnostics.items().empty(), all_text(r.diagnostics));
    REQUIRE(r.journal);
    REQUIRE(r.journal->entries.size() == n);
    check_same(r.journal->entries.back(), entries().back(), n);
    // an uninterrupted journal and the resumed one are the same bytes
    CHECK(read_text(file) == full);
}

TEST_CASE("a journal header names its inputs relative to the journal, with their SHA-256") {
    TempDir dir;
    fs::create_directories(dir.path() / "sessions");
    write_text(dir.path() / "world.toml", "w");
    write_text(dir.path() / "plan.toml", "p");
    const JournalHeader h =
        make_journal_header(dir.path() / "sessions" / "j.toml", dir.path() / "world.toml",
                            dir.path() / "plan.toml", {}, 42, 1);
    CHECK(h.world == "../world.toml");
    CHECK(h.plan == "../plan.toml");
    CHECK(h.exercise.empty());
    CHECK(h.world_sha256 == sha256_hex("w"));
    CHECK(h.plan_sha256 == sha256_hex("p"));
    CHECK(h.exercise_sha256.empty());
    CHECK(h.seed == 42);
    std::string error;
    REQUIRE(JournalWriter::create(dir.path() / "sessions" / "j.toml", h, &error));
    const JournalReadResult r = read_journal(dir.path() / "sessions" / "j.toml");
    REQUIRE(r.journal);
    CHECK(r.journal->header.world == "../world.toml");
    CHECK(r.journal->header.seed == 42);
}

TEST_CASE("journal: an observation's objective and HSEEP rating round-trip, a bad rating is an "
          "error at its line") {
    const std::string header = "[journal]\nversion = 1\nworld = \"w\"\nworld_sha256 = \"\"\n"
                               "plan = \"p\"\nplan_sha256 = \"\"\nexercise = \"\"\n"
                               "exercise_sha256 = \"\"\nseed = \"1\"\nreplication = 0\n"
                               "parent = \"\"\nparent_entry = 0\n# end of header\n";
    riposte::JournalEntry e;
    e.ordinal = 1;
    e.source = riposte::EntrySource::Observation;
    e.author = "évaluateur";
    e.text = "appel de la réserve en 20 minutes";
    e.objective = "reserve";
    e.rating = "M";
    const auto ok =
        riposte::read_journal_text(header + riposte::journal_entry_to_toml(e), "j.toml");
    REQUIRE(ok.journal);
    REQUIRE(ok.journal->entries.size() == 1);
    CHECK(ok.journal->entries[0].objective == "reserve");
    CHECK(ok.journal->entries[0].rating == "M");
    e.rating = "X";
    const auto bad =
        riposte::read_journal_text(header + riposte::journal_entry_to_toml(e), "j.toml");
    CHECK_FALSE(bad.journal);
    bool named = false;
    for (const auto& d : bad.diagnostics.items())
        named |= d.id == "journal.rating" && d.where.line == 24;
    CHECK(named);
}
