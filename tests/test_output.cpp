// Output writers: atomic files, CSV/JSON escaping, deterministic numbers, tidy tables,
// summary.json well-formedness and the terminal summary.
#include "riposte/output.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace riposte;
namespace fs = std::filesystem;

namespace {

/// A fresh directory under the system temp dir, removed at scope exit.
class TempDir {
  public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "riposte-test-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> dir_entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

// ---- a strict JSON checker (RFC 8259 grammar), enough to prove the writer's output parses ----
class JsonChecker {
  public:
    explicit JsonChecker(std::string_view s) : s_(s) {}
    bool document() {
        ws();
        if (!value()) return false;
        ws();
        return i_ == s_.size();
    }

  private:
    bool value() {
        if (i_ >= s_.size()) return false;
        switch (s_[i_]) {
        case '{':
            return object();
        case '[':
            return array();
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }
    bool object() {
        ++i_;
        ws();
        if (peek('}')) return ++i_, true;
        for (;;) {
            ws();
            if (!peek('"') || !string()) return false;
            ws();
            if (!peek(':')) return false;
            ++i_;
            ws();
            if (!value()) return false;
            ws();
            if (peek(',')) {
                ++i_;
                continue;
            }
            if (peek('}')) return ++i_, true;
            return false;
        }
    }
    bool array() {
        ++i_;
        ws();
        if (peek(']')) return ++i_, true;
        for (;;) {
            ws();
            if (!value()) return false;
            ws();
            if (peek(',')) {
                ++i_;
                continue;
            }
            if (peek(']')) return ++i_, true;
            return false;
        }
    }
    bool string() {
        ++i_;
        while (i_ < s_.size()) {
            const auto c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') return ++i_, true;
            if (c < 0x20) return false;
            if (c == '\\') {
                ++i_;
                if (i_ >= s_.size()) return false;
                const char e = s_[i_];
                if (e == 'u') {
                    for (int k = 0; k < 4; ++k) {
                        ++i_;
                        if (i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_])))
                            return false;
                    }
                } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                    return false;
                }
            }
            ++i_;
        }
        return false;
    }
    bool number() {
        const std::size_t start = i_;
        if (peek('-')) ++i_;
        if (peek('0')) {
            ++i_;
        } else if (digits() == 0) {
            return false;
        }
        if (peek('.')) {
            ++i_;
            if (digits() == 0) return false;
        }
        if (peek('e') || peek('E')) {
            ++i_;
            if (peek('+') || peek('-')) ++i_;
            if (digits() == 0) return false;
        }
        return i_ > start;
    }
    std::size_t digits() {
        std::size_t n = 0;
        while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_, ++n;
        return n;
    }
    bool literal(std::string_view w) {
        if (s_.substr(i_, w.size()) != w) return false;
        i_ += w.size();
        return true;
    }
    void ws() {
        while (i_ < s_.size() && std::string_view(" \t\r\n").find(s_[i_]) != std::string_view::npos)
            ++i_;
    }
    [[nodiscard]] bool peek(char c) const { return i_ < s_.size() && s_[i_] == c; }

    std::string_view s_;
    std::size_t i_ = 0;
};

bool json_ok(std::string_view s) {
    return JsonChecker(s).document();
}

/// Splits CSV text into rows of fields (RFC 4180 quoting).
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(field);
            field.clear();
        } else if (c == '\n') {
            row.push_back(field);
            field.clear();
            rows.push_back(row);
            row.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

/// A small hand-built scenario and results with awkward names (accents, commas, quotes).
struct Fixture {
    Scenario s;
    Results r;
    Fixture() {
        s.world.name = "Territoire «test»";
        s.world.file = "/somewhere/world.toml";
        s.world.start_date = "2021-02-27";
        s.world.days = 3;
        s.world.territory.name = "Essonne sud";
        s.world.territory.communes = {{"91226", "Étréchy", 6500, 48.49, 2.19},
                                      {"91223", "Étampes", 25000, 48.43, 2.16}};
        s.world.roles = {"reception", "injection"};
        s.world.professions = {"medecin", "infirmier"};
        s.world.groups = {PopulationGroup{.name = "75+ ans", .share = 0.1, .uptake = 0.9}};
        Centre a;
        a.name = "Salle des fêtes, Étréchy";
        a.commune = 0;
        Centre b;
        b.name = "Gymnase \"B\"";
        b.commune = 1;
        s.plan.name = "Plan été";
        s.plan.file = "plan.toml";
        s.plan.centres = {a, b};

        r.seed = 42;
        r.replication = 1;
        r.events = 1234;
        CentreDayRow d0;
        d0.centre = 0;
        d0.day = 2;
        d0.arrivals = 100;
        d0.served = 90;
        d0.wait_mean_min = 1.0 / 3.0;
        d0.wait_p90_min = 12.346;
        d0.wait_max_min = 40;
        d0.doses_used = 90;
        d0.doses_wasted = 10;
        CentreDayRow d1 = d0;
        d1.centre = 1;
        d1.served = 0; // no one served: means are undefined but must not break anything
        d1.wait_mean_min = std::numeric_limits<double>::quiet_NaN();
        r.centre_days = {d0, d1};
        r.role_days = {{0, 2, 1, 8.0, 6.0, 2, 2}, {1, 2, 0, 0.0, 0.0, 1, 0}};
        r.queue = {{0, days(2) + hours(9) + minutes(15), 3, 7}};
        r.coverage = {{0, 0, 10, 0, 585, 650}, {2, 0, 100, 20, 585, 650}};
        r.communes = {CommuneGroupRow{.commune = 0,
                                      .group = 0,
                                      .population = 650,
                                      .wanting = 585,
                                      .first_dose = 100,
                                      .complete = 20,
                                      .unmet = 485,
                                      .cannot_travel = 3,
                                      .home_first_dose = 2,
                                      .travel_minutes = 12.5},
                      CommuneGroupRow{.commune = 1,
                                      .group = 0,
                                      .population = 2500,
                                      .wanting = 2250,
                                      .unmet = 2250,
                                      .travel_minutes = -1}};
        MobileTeam team;
        team.name = "Équipe mobile sud";
        team.base_commune = 1;
        s.plan.mobile_teams = {team};
        r.mobile_days = {MobileDayRow{.team = 0,
                                      .day = 1,
                                      .staff_present = 2,
                                      .first_doses = 7,
                                      .second_doses = 1,
                                      .communes_visited = 2,
                                      .drive_minutes = 95.5,
                                      .doses_used = 8,
                                      .vials_opened = 2,
                                      .doses_wasted = 4,
                                      .stock_end = 20}};
        r.totals.home_vaccinations = 8;
        r.professions = {{0, 5, 2, 16, 15.5, 0.5, 0, 1.25, 775}};
        for (int i = 0; i < 12; ++i) {
            r.shortfalls.push_back(
                {1, i % 3, 1, hours(8), hours(13), 2, 1, "pool exhausted, \"infirmier\""});
        }
        r.testing_days = {{1, 2, 40, 30, 8, 2, 0.5, 100}};
        LogEntry inject{
            .time = days(2) + hours(10), .kind = LogKind::Inject, .event = LogEvent::Intervention};
        inject.change_kind = 3; // absence_wave
        inject.id = "Absence: 30% des infirmiers\nfin";
        inject.centre = 1;
        LogEntry delivery{
            .time = days(1), .kind = LogKind::Delivery, .event = LogEvent::DosesDelivered};
        delivery.count = 600;
        delivery.centre = 0;
        r.log = {inject, delivery};
        r.totals.vaccinations = 90;
        r.totals.doses_used = 90;
        r.totals.doses_wasted = 10;
        r.totals.wanting = 2835;
        r.totals.unmet = 2735;
        r.totals.shortfall_role_shifts = 12;
        r.totals.tests = 38;
        r.totals.unmet_tests = 5;
    }
};

} // namespace

TEST_CASE("csv_field quotes only when needed and doubles quotes") {
    CHECK(csv_field("Étréchy") == "Étréchy");
    CHECK(csv_field("") == "");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("cr\r") == "\"cr\r\"");
}

TEST_CASE("json_string escapes specials, keeps UTF-8 and repairs invalid bytes") {
    CHECK(json_string("Saint-Étienne-du-Rouvray") == "\"Saint-Étienne-du-Rouvray\"");
    CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json_string("l1\nl2\tx\r") == "\"l1\\nl2\\tx\\r\"");
    CHECK(json_string(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
    CHECK(json_string("\x1f") == "\"\\u001f\"");
    CHECK(json_string("bad \xff byte") == "\"bad \\ufffd byte\"");
    CHECK(json_string("cut \xc3") == "\"cut \\ufffd\"");               // truncated sequence
    CHECK(json_string("\xc0\xaf") == "\"\\ufffd\\ufffd\"");            // overlong '/'
    CHECK(json_string("\xed\xa0\x80") == "\"\\ufffd\\ufffd\\ufffd\""); // UTF-16 surrogate
    CHECK(json_string("😀 œ") == "\"😀 œ\"");
    CHECK(json_ok(json_string("any \x01 \xfe text \" \\")));
}

TEST_CASE("format_fixed is locale-free, exact in decimals and never prints -0") {
    CHECK(format_fixed(2.5, 2) == "2.50");
    CHECK(format_fixed(1234567.126, 1) == "1234567.1");
    CHECK(format_fixed(0.0, 0) == "0");
    CHECK(format_fixed(-0.001, 2) == "0.00");
    CHECK(format_fixed(-0.0, 1) == "0.0");
    CHECK(format_fixed(-3.26, 1) == "-3.3");
    CHECK(format_fixed(1e20, 0) == "100000000000000000000");
    CHECK(format_fixed(1.0 / 3.0, 4) == "0.3333");
    CHECK(format_fixed(std::numeric_limits<double>::quiet_NaN(), 2).empty());
    CHECK(format_fixed(std::numeric_limits<double>::infinity(), 2).empty());
}

TEST_CASE("iso_date adds days across months, leap years and years") {
    CHECK(iso_date("2021-02-27", 0) == "2021-02-27");
    CHECK(iso_date("2021-02-27", 2) == "2021-03-01");
    CHECK(iso_date("2024-02-28", 1) == "2024-02-29");
    CHECK(iso_date("2021-12-31", 1) == "2022-01-01");
    CHECK(iso_date("2021-04-01", 365) == "2022-04-01");
    CHECK(iso_date("not a date", 3) == "day 3");
    CHECK(iso_date("2021-02-30", 0) == "day 0");
    CHECK(iso_date("2021-2-3", 0) == "day 0");
}

TEST_CASE("clock_hhmm and log kind names") {
    CHECK(clock_hhmm(8 * 3600 + 30 * 60 + 59) == "08:30");
    CHECK(clock_hhmm(0) == "00:00");
    CHECK(clock_hhmm(25 * 3600) == "25:00");
    CHECK(log_kind_name(LogKind::Inject) == "inject");
    CHECK(log_kind_name(LogKind::Shortfall) == "shortfall");
}

TEST_CASE("write_file_atomic writes exact content and leaves no temporary file") {
    TempDir dir;
    const fs::path file = dir.path() / "out.csv";
    const std::string binary("a,b\n\0\xff\r\n", 8);
    REQUIRE(write_file_atomic(file, binary).ok());
    CHECK(read_file(file) == binary);
    CHECK(dir_entries(dir.path()) == std::vector<std::string>{"out.csv"});

    REQUIRE(write_file_atomic(file, "second").ok());
    CHECK(read_file(file) == "second");
    REQUIRE(write_file_atomic(file, "").ok());
    CHECK(read_file(file).empty());
    CHECK(fs::exists(file));
    CHECK(dir_entries(dir.path()) == std::vector<std::string>{"out.csv"});
}

TEST_CASE("write_file_atomic reports a missing or unusable directory as a value") {
    TempDir dir;
    const fs::path not_a_dir = dir.path() / "plain-file";
    REQUIRE(write_file_atomic(not_a_dir, "x").ok());

    const WriteStatus under_file = write_file_atomic(not_a_dir / "out.csv", "data");
    CHECK_FALSE(under_file.ok());
    CHECK(under_file.error.find("out.csv") != std::string::npos);

    const WriteStatus missing = write_file_atomic(dir.path() / "no" / "such" / "f.csv", "data");
    CHECK_FALSE(missing.ok());
    CHECK(dir_entries(dir.path()) == std::vector<std::string>{"plain-file"});

    // A target that is a directory cannot be replaced: error, directory untouched.
    fs::create_directory(dir.path() / "sub");
    const WriteStatus onto_dir = write_file_atomic(dir.path() / "sub", "data");
    CHECK_FALSE(onto_dir.ok());
    CHECK(fs::is_directory(dir.path() / "sub"));
    CHECK(dir_entries(dir.path()) == std::vector<std::string>{"plain-file", "sub"});
}

TEST_CASE("write_file_atomic in a read-only directory keeps the old content") {
    TempDir dir;
    const fs::path ro = dir.path() / "ro";
    fs::create_directory(ro);
    const fs::path file = ro / "summary.json";
    REQUIRE(write_file_atomic(file, "old").ok());
    fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
    // root ignores directory permissions: then this case proves nothing and is skipped.
    const bool enforced = ::access(ro.c_str(), W_OK) != 0;
    if (enforced) {
        const WriteStatus st = write_file_atomic(file, "new content");
        CHECK_FALSE(st.ok());
        CHECK(st.error.find("summary.json") != std::string::npos);
        CHECK(read_file(file) == "old");
        CHECK(dir_entries(ro) == std::vector<std::string>{"summary.json"});
    } else {
        MESSAGE("running as root: directory permissions not enforced, see the RLIMIT case");
    }
    fs::permissions(ro, fs::perms::owner_all);
}

TEST_CASE("write_file_atomic failing mid-write keeps the old content and removes the temp") {
    // A file-size limit makes write() fail with EFBIG after a partial write, even for root.
    TempDir dir;
    const fs::path file = dir.path() / "centre_day.csv";
    REQUIRE(write_file_atomic(file, "old,content\n").ok());

    rlimit saved{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    const WriteStatus st = write_file_atomic(file, std::string(100000, 'x'));
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, old_handler);

    CHECK_FALSE(st.ok());
    CHECK(st.error.find("centre_day.csv") != std::string::npos);
    CHECK(read_file(file) == "old,content\n");
    CHECK(dir_entries(dir.path()) == std::vector<std::string>{"centre_day.csv"});
}

TEST_CASE("summary.json is well-formed and carries names, totals and shortfalls") {
    const Fixture f;
    const std::string json = summary_json(f.s, f.r);
    CHECK(json_ok(json));
    CHECK(json.find("\"plan\": \"Plan été\"") != std::string::npos);
    CHECK(json.find("\"world\": \"Territoire «test»\"") != std::string::npos);
    CHECK(json.find("\"world_file\": \"world.toml\"") != std::string::npos); // no directory
    CHECK(json.find("\"name\": \"Gymnase \\\"B\\\"\"") != std::string::npos);
    CHECK(json.find("\"seed\": 42") != std::string::npos);
    CHECK(json.find("\"count\": 12") != std::string::npos);
    CHECK(json.find("\"name\": \"Équipe mobile sud\"") != std::string::npos);
    CHECK(json.find("\"home_vaccinations\": 8,") != std::string::npos);
    CHECK(json.find("\"unmet_tests\": 5,") != std::string::npos);
    CHECK(json.find("\"doses_wasted_share\": 0.1000") != std::string::npos);
    CHECK(json.find("\"day_coverage_target_reached\": null") != std::string::npos);
    CHECK(json.find("\"group\": \"75+ ans\"") != std::string::npos);
    CHECK(json.back() == '\n');

    Fixture empty;
    empty.r = Results{};
    empty.s.plan.centres.clear();
    CHECK(json_ok(summary_json(empty.s, empty.r)));
}

TEST_CASE("CSV tables are rectangular, named and dated") {
    const Fixture f;
    const auto centre_day = parse_csv(centre_day_csv(f.s, f.r));
    REQUIRE(centre_day.size() == 3);
    CHECK(centre_day[0][0] == "centre");
    for (const auto& row : centre_day) CHECK(row.size() == centre_day[0].size());
    CHECK(centre_day[1][0] == "Salle des fêtes, Étréchy");
    CHECK(centre_day[1][1] == "91226");
    CHECK(centre_day[1][2] == "Étréchy");
    CHECK(centre_day[1][4] == "2021-03-01");
    const auto col = [&](std::string_view name) {
        const auto& h = centre_day[0];
        return static_cast<std::size_t>(std::find(h.begin(), h.end(), name) - h.begin());
    };
    CHECK(centre_day[1][col("wait_mean_min")] == "0.33");
    CHECK(centre_day[1][col("wait_p90_min")] == "12.35");
    CHECK(centre_day[2][col("wait_mean_min")].empty()); // NaN is written as a missing value

    const auto shortfall = parse_csv(shortfall_csv(f.s, f.r));
    REQUIRE(shortfall.size() == 13);
    CHECK(shortfall[1][0] == "Gymnase \"B\"");
    CHECK(shortfall[1][3] == "08:00");
    CHECK(shortfall[1][5] == "injection");
    CHECK(shortfall[1][8] == "1");
    CHECK(shortfall[1][9] == "pool exhausted, \"infirmier\"");

    const auto events = parse_csv(events_csv(f.s, f.r));
    REQUIRE(events.size() == 3);
    CHECK(events[1][0] == "208800");
    CHECK(events[1][2] == "2021-03-01");
    CHECK(events[1][3] == "10:00");
    CHECK(events[1][4] == "inject");
    // the text column: the stable English sentence, ids as the scenario spells them, quoted
    // where it holds a comma, a quote or a line break
    CHECK(events[1][5] ==
          "absence_wave [Absence: 30% des infirmiers\nfin] at Gymnase \"B\": applied");
    CHECK(events[2][5] == "600 doses delivered to Salle des fêtes, Étréchy");
    // the same entries for people, in French and in English, with words
    CHECK(log_text(f.s, f.r.log[0], Language::French) ==
          "vague d'absences [Absence: 30% des infirmiers\nfin] à Gymnase \"B\" : appliqué");
    CHECK(log_text(f.s, f.r.log[1], Language::French) ==
          "600 doses livrées à Salle des fêtes, Étréchy");
    CHECK(log_text(f.s, f.r.log[0], Language::English) ==
          "absence wave [Absence: 30% des infirmiers\nfin] at Gymnase \"B\": applied");

    const auto communes = parse_csv(commune_group_csv(f.s, f.r));
    REQUIRE(communes.size() == 3);
    CHECK(communes[0][9] == "home_first_dose");
    CHECK(communes[1][9] == "2");
    CHECK(communes[1][10] == "12.50");
    CHECK(communes[2][10].empty()); // no reachable centre

    const auto mobile = parse_csv(mobile_day_csv(f.s, f.r));
    REQUIRE(mobile.size() == 2);
    CHECK(mobile[0].size() == mobile[1].size());
    CHECK(mobile[1][0] == "Équipe mobile sud");
    CHECK(mobile[1][2] == "Étampes");
    CHECK(mobile[1][4] == "2021-02-28");
    CHECK(mobile[1][9] == "95.50");

    const auto roles = parse_csv(role_day_csv(f.s, f.r));
    REQUIRE(roles.size() == 3);
    CHECK(roles[1][3] == "injection");
    CHECK(roles[1][6] == "0.7500");
    CHECK(roles[2][6].empty()); // 0 staffed hours: utilisation undefined

    const auto queue = parse_csv(queue_csv(f.s, f.r));
    REQUIRE(queue.size() == 2);
    CHECK(queue[1][4] == "09:15");

    for (const auto& text :
         {coverage_csv(f.s, f.r), profession_csv(f.s, f.r), testing_day_csv(f.s, f.r)}) {
        const auto rows = parse_csv(text);
        REQUIRE(rows.size() >= 2);
        for (const auto& row : rows) CHECK(row.size() == rows[0].size());
    }
}

TEST_CASE("write_results writes every file, and identical results give identical bytes") {
    const Fixture f;
    TempDir a, b;
    const WriteReport ra = write_results(f.s, f.r, a.path() / "nested" / "out");
    REQUIRE(ra.ok());
    CHECK(ra.files.size() == result_file_names().size());
    CHECK(dir_entries(a.path() / "nested" / "out").size() == result_file_names().size());
    const WriteReport rb = write_results(f.s, f.r, b.path());
    REQUIRE(rb.ok());
    for (const std::string& name : result_file_names()) {
        const std::string content = read_file(a.path() / "nested" / "out" / name);
        CHECK_MESSAGE(!content.empty(), name);
        CHECK_MESSAGE(content == read_file(b.path() / name), name);
    }
    CHECK(json_ok(read_file(b.path() / "summary.json")));

    // An output path that is a file is refused without writing anything.
    const WriteReport bad = write_results(f.s, f.r, b.path() / "summary.json");
    CHECK_FALSE(bad.ok());
    CHECK(json_ok(read_file(b.path() / "summary.json")));
}

TEST_CASE("format_summary shows KPIs, aligned tables and never drops shortfalls silently") {
    const Fixture f;
    const std::string text = format_summary(f.s, f.r, Language::English);
    CHECK(text.find("Plan été") != std::string::npos);
    CHECK(text.find("seed 42, replication 1") != std::string::npos);
    CHECK(text.find("2021-02-27 to 2021-03-01") != std::string::npos);
    CHECK(text.find("Doses wasted") != std::string::npos);
    CHECK(text.find("10 (10.0% of doses drawn from vials)") != std::string::npos);
    CHECK(text.find("SHORTFALLS: 12") != std::string::npos);
    CHECK(text.find("Unmet test demand") != std::string::npos);
    CHECK(text.find("MOBILE TEAMS") != std::string::npos);
    CHECK(text.find("Équipe mobile sud") != std::string::npos);
    CHECK(text.find("... and 2 more") != std::string::npos);
    CHECK(text.find("75+ ans") != std::string::npos);
    CHECK(text.find("doctor") != std::string::npos); // professions as words
    CHECK(text.find("nan") == std::string::npos);

    // The centre tables' last columns are right-aligned: every line of a table has the same
    // width in code points, accents included.
    const auto table_widths = [&](const std::string& title) {
        std::istringstream in(text);
        std::string line;
        while (std::getline(in, line) && line != title) {
        }
        std::vector<std::size_t> widths;
        while (std::getline(in, line) && !line.empty() && line.rfind("  Util.", 0) != 0 &&
               line.rfind("  Time queued", 0) != 0) {
            std::size_t w = 0;
            for (char c : line) w += (static_cast<unsigned char>(c) & 0xc0u) != 0x80u ? 1 : 0;
            widths.push_back(w);
        }
        return widths;
    };
    for (const std::string title : {"CENTRES", "WAITS BY CENTRE (minutes)"}) {
        const std::vector<std::size_t> widths = table_widths(title);
        REQUIRE_MESSAGE(widths.size() == 3, title); // header + two centres
        CHECK(widths[0] == widths[1]);
        CHECK(widths[1] == widths[2]);
    }
}
