// The world generator: writes world.toml and a starter plan.toml for a territory. Plain text
// output (no TOML library in the engine). The sizing of the plan follows the bundled scope
// table (scenarios/common/scope_fr_2021.toml): which professions may fill which role.
#include "riposte/world_generator.hpp"

#include "riposte/text/generator_texts.hpp"

#include "riposte/core/text_format.hpp"
#include "riposte/territory.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <numeric>
#include <queue>
#include <set>

namespace riposte {

namespace {

// Service times of the generated stations, in minutes (means in comments). Hanly et al., BMC
// Health Services Research 22:1059 (2022), as used by the default scenario.
constexpr const char* reception_service = "3 + exp(1.43)"; // mean 4.43
constexpr const char* interview_service = "2 + exp(1)";    // mean 3
constexpr const char* injection_service = "3 + exp(1)";    // mean 4
constexpr double reception_mean = 4.43, interview_mean = 3.0, injection_mean = 4.0;
constexpr const char* swab_service = "4 + exp(0.5)"; // one swab every 4-5 min (VALIDATION.md)
constexpr double swab_mean = 4.5;
constexpr const char* test_reception_service = "1 + exp(1)";
constexpr double observation_minutes = 15;
constexpr double absence = 0.03;      // [absenteeism] baseline written below
constexpr double roster_margin = 0.9; // commute limits and days make some hours unusable

// Preference lists of the bundled 2021 scope table, used to size the plan.
const std::vector<std::string> interview_profs = {"medecin"};
const std::vector<std::string> observation_profs = {"infirmier", "etudiant_sante", "sage_femme",
                                                    "medecin", "benevole"};
const std::vector<std::string> swab_profs = {
    "infirmier",           "pharmacien", "masseur_kinesitherapeute",
    "chirurgien_dentiste", "sage_femme", "medecin"};
const std::vector<std::string> injection_profs = {
    "infirmier", "pharmacien",    "sage_femme", "chirurgien_dentiste", "masseur_kinesitherapeute",
    "medecin",   "etudiant_sante"};
const std::vector<std::string> reception_profs = {"administratif",
                                                  "benevole",
                                                  "etudiant_sante",
                                                  "masseur_kinesitherapeute",
                                                  "chirurgien_dentiste",
                                                  "sage_femme",
                                                  "pharmacien",
                                                  "infirmier",
                                                  "medecin"};

std::string toml_string(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7f) {
            static constexpr char hex[] = "0123456789ABCDEF";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

/// A number with at most `decimals` decimals, trailing zeros dropped ("0.25", "6", "1.5").
std::string num(double v, int decimals = 3) {
    std::string s = format_fixed(v, decimals);
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    return s;
}

/// "12,345" (thousands separated by commas, for comments and the summary).
std::string grouped(std::int64_t v) {
    std::string digits = std::to_string(v < 0 ? -v : v);
    std::string out;
    for (std::size_t k = 0; k < digits.size(); ++k) {
        if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
        out += digits[k];
    }
    return v < 0 ? "-" + out : out;
}

std::string two(int h) {
    return (h < 10 ? "0" : "") + std::to_string(h) + ":00";
}

std::string departement_of(const std::string& insee) {
    if (insee.size() >= 3 && insee[0] == '9' && (insee[1] == '7' || insee[1] == '8'))
        return insee.substr(0, 3);
    return insee.substr(0, std::min<std::size_t>(2, insee.size()));
}

int weekdays_in(std::string_view text) {
    // "mon-sat", "mon-fri", "all", "mon,wed,fri": counts the days (English three-letter names).
    static constexpr std::string_view names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    if (text == "all") return 7;
    auto index = [&](std::string_view n) {
        for (int k = 0; k < 7; ++k)
            if (names[k] == n) return k;
        return -1;
    };
    int mask = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t comma = std::min(text.find(',', pos), text.size());
        const std::string_view item = text.substr(pos, comma - pos);
        const std::size_t dash = item.find('-');
        if (dash == std::string_view::npos) {
            const int k = index(item);
            if (k < 0) return -1;
            mask |= 1 << k;
        } else {
            const int a = index(item.substr(0, dash)), b = index(item.substr(dash + 1));
            if (a < 0 || b < 0) return -1;
            for (int k = a;; k = (k + 1) % 7) {
                mask |= 1 << k;
                if (k == b) break;
            }
        }
        pos = comma + 1;
    }
    int n = 0;
    for (int k = 0; k < 7; ++k) n += (mask >> k) & 1;
    return n;
}

/// Highest-averages (D'Hondt) apportionment of `seats` over weights: the largest weights get
/// the first seats; a weight gets its (s+1)-th seat when weight/(s+1) is among the largest.
/// `first` seats are given first (e.g. one per département). Ties go to the lower index.
std::vector<int> apportion(const std::vector<double>& weight, std::int64_t seats,
                           const std::vector<int>& first = {}, const std::vector<int>& cap = {}) {
    std::vector<int> got(weight.size(), 0);
    for (int k : first) {
        if (seats <= 0) break;
        ++got[static_cast<std::size_t>(k)];
        --seats;
    }
    using Item = std::pair<double, int>; // (quotient, -index): max-heap pops largest, lower index
    auto cmp = [](const Item& a, const Item& b) {
        if (a.first != b.first) return a.first < b.first;
        return a.second < b.second;
    };
    std::priority_queue<Item, std::vector<Item>, decltype(cmp)> heap(cmp);
    for (std::size_t k = 0; k < weight.size(); ++k)
        if (weight[k] > 0) heap.emplace(weight[k] / (got[k] + 1), -static_cast<int>(k));
    while (seats > 0 && !heap.empty()) {
        const auto [q, negk] = heap.top();
        heap.pop();
        const auto k = static_cast<std::size_t>(-negk);
        if (!cap.empty() && got[k] >= cap[k]) continue;
        ++got[k];
        --seats;
        heap.emplace(weight[k] / (got[k] + 1), negk);
    }
    return got;
}

/// "# text" lines of at most 96 columns; continuation lines get `indent` after "# ".
std::string wrap_comment(const std::string& text, const std::string& indent) {
    constexpr std::size_t width = 96;
    std::string out;
    std::string cur = "#";
    std::size_t cols = 1;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t sp = text.find(' ', pos);
        if (sp == std::string::npos) sp = text.size();
        const std::string word = text.substr(pos, sp - pos);
        pos = sp + 1;
        if (word.empty()) continue;
        std::size_t wcols = 0;
        for (char c : word)
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++wcols;
        if (cols + 1 + wcols > width && cols > 2 + indent.size()) {
            out += cur + "\n";
            cur = "# " + indent;
            cols = 2 + indent.size();
            cur += word;
            cols += wcols;
            continue;
        }
        cur += ' ';
        cur += word;
        cols += 1 + wcols;
    }
    return out + cur + "\n";
}

struct PoolRow {
    std::string profession;
    int commune = 0;
    std::int64_t count = 0;
    double weekly_hours = 0;
};

struct CentrePlace {
    std::string name;
    int commune = 0;
};

} // namespace

// ---------------------------------------------------------------------------------------------

std::vector<ProfessionSupply> default_professions() {
    const text::GeneratorTexts& g = text::generator_texts;
    // the source in both languages, {0} filled with the DREES reference
    const auto src = [&](ProfessionSupply p, const text::Text& t) {
        const std::string drees_en(g.src_drees.en), drees_fr(g.src_drees.fr);
        p.source = text::fill(Language::English, t, {drees_en});
        p.source_fr = text::fill(Language::French, t, {drees_fr});
        return p;
    };
    return {
        src({"medecin", 85, 0.25, 6, "", -1, ""}, g.src_medecin),
        src({"infirmier", 150, 0.25, 6, "", -1, ""}, g.src_infirmier),
        src({"pharmacien", 80, 0.25, 6, "", -1, ""}, g.src_pharmacien),
        src({"sage_femme", 12, 0.25, 6, "", -1, ""}, g.src_sage_femme),
        src({"chirurgien_dentiste", 55, 0.25, 6, "", -1, ""}, g.src_dentiste),
        src({"masseur_kinesitherapeute", 110, 0.25, 6, "", -1, ""}, g.src_kine),
        src({"etudiant_sante", 200, 0.10, 6, "", -1, ""}, g.src_etudiant),
        src({"administratif", 10, 1.0, 12, "", -1, ""}, g.src_administratif),
        src({"benevole", 20, 1.0, 6, "", -1, ""}, g.src_benevole),
    };
}

std::vector<GroupSpec> default_groups() {
    const text::GeneratorTexts& g = text::generator_texts;
    // the source in both languages, {0} the INSEE reference and {1} the uptake's
    const auto src = [&](GroupSpec s, const text::Text& t) {
        for (const Language l : {Language::English, Language::French}) {
            const std::string insee(g.src_insee.in(l)), uptake(g.src_uptake.in(l));
            (l == Language::English ? s.source : s.source_fr) = text::fill(l, t, {insee, uptake});
        }
        return s;
    };
    return {
        src({"75+", 0.098, 0.90, 0, 2, 28, 0.05, "", ""}, g.src_75),
        src({"65-74", 0.110, 0.92, 0, 2, 28, 0.01, "", ""}, g.src_65),
        src({"at_risk", 0.060, 0.85, 0, 2, 28, 0.02, "", ""}, g.src_at_risk),
        src({"health_professionals", 0.030, 0.90, 0, 2, 28, 0, "", ""}, g.src_health),
        src({"18-64", 0.500, 0.80, 14, 2, 28, 0, "", ""}, g.src_18_64),
        src({"12-17", 0.074, 0.75, 28, 2, 28, 0, "", ""}, g.src_12_17),
    };
}

void parse_pool_densities(std::string_view text, std::vector<ProfessionSupply>& supply,
                          const std::string& where, Diagnostics& diags) {
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t comma = std::min(text.find(',', pos), text.size());
        const std::string_view item = text.substr(pos, comma - pos);
        pos = comma + 1;
        if (item.empty()) continue;
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos) {
            diags.error({where, 0, 0}, say(text::generator_texts.pool_item_syntax, {item}));
            continue;
        }
        const std::string name(item.substr(0, eq));
        const std::string_view value = item.substr(eq + 1);
        double v = 0;
        const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        if (ec != std::errc() || p != value.data() + value.size() || !(v >= 0) || v > 100000) {
            diags.error({where, 0, 0}, say(text::generator_texts.pool_item_range, {item}));
            continue;
        }
        auto it = std::find_if(supply.begin(), supply.end(),
                               [&](const ProfessionSupply& s) { return s.profession == name; });
        if (it == supply.end()) {
            std::string names;
            for (const auto& s : supply) names += (names.empty() ? "" : ", ") + s.profession;
            diags.error({where, 0, 0},
                        say(text::generator_texts.pool_item_profession, {name, names}));
            continue;
        }
        it->per_100k = v;
        it->count = -1;
    }
}

GeneratedScenario generate_scenario(const Territory& t, const GeneratorOptions& in) {
    const text::GeneratorTexts& gt = text::generator_texts;
    const Language lang = in.lang;
    const auto tr = [&](const text::Text& pattern, std::initializer_list<std::string_view> args) {
        return text::fill(lang, pattern, args);
    };
    const auto count = [&](std::int64_t v) { return text::format_count(lang, v); };
    GeneratedScenario out;
    Diagnostics& d = out.diagnostics;
    GeneratorOptions o = in;
    if (o.groups.empty()) o.groups = default_groups();
    if (o.professions.empty()) o.professions = default_professions();
    for (auto& g : o.groups) {
        if (o.doses > 0) g.doses = o.doses;
        if (o.interval_days > 0) g.interval_days = o.interval_days;
        if (g.eligible_day >= o.days) {
            const int moved = std::max(0, o.days / 2);
            out.summary.push_back(tr(
                gt.note_eligible, {g.name, std::to_string(moved), std::to_string(g.eligible_day)}));
            g.eligible_day = moved;
        }
    }
    const std::string where = "territory --world";
    if (t.communes.empty()) d.error({where, 0, 0}, say(gt.no_commune));
    if (o.days < 7 || o.days > Limits::max_days)
        d.error({where, 0, 0}, say(gt.days_range, {std::to_string(Limits::max_days)}));
    if (o.opens_hour < 0 || o.closes_hour > 24 || o.opens_hour >= o.closes_hour)
        d.error({where, 0, 0}, say(gt.hours_order));
    if (o.shift_hours < 1 || o.shift_hours > 12) d.error({where, 0, 0}, say(gt.shift_range));
    const int open_days = weekdays_in(o.open_days);
    if (open_days <= 0) d.error({where, 0, 0}, say(gt.open_days, {o.open_days}));
    if (!(o.people_per_centre >= 1000)) d.error({where, 0, 0}, say(gt.people_per_centre));
    if (!(o.target_load > 0 && o.target_load <= 1)) d.error({where, 0, 0}, say(gt.target_load));
    for (const auto& p : o.professions)
        if (!(p.volunteer_share >= 0 && p.volunteer_share <= 1) ||
            !(p.weekly_hours >= 0.5 && p.weekly_hours <= 168))
            d.error({where, 0, 0}, say(gt.profession_range, {p.profession}));
    if (d.has_errors()) return out;

    const auto& cs = t.communes;
    std::int64_t population = 0;
    for (const auto& c : cs) population += c.population;
    std::vector<double> weight(cs.size());
    for (std::size_t k = 0; k < cs.size(); ++k) weight[k] = static_cast<double>(cs[k].population);
    // the most populous commune of each département (for per_departement)
    std::map<std::string, int> dep_top;
    for (std::size_t k = 0; k < cs.size(); ++k) {
        const std::string dep = departement_of(cs[k].insee);
        auto it = dep_top.find(dep);
        if (it == dep_top.end() ||
            cs[k].population > cs[static_cast<std::size_t>(it->second)].population)
            dep_top[dep] = static_cast<int>(k);
    }
    std::vector<int> dep_firsts;
    for (const auto& [dep, k] : dep_top) dep_firsts.push_back(k);
    std::sort(dep_firsts.begin(), dep_firsts.end(), [&](int a, int b) {
        return cs[static_cast<std::size_t>(a)].population >
               cs[static_cast<std::size_t>(b)].population;
    });

    // ---- the pool: each profession's volunteers placed in the largest communes -------------
    std::vector<PoolRow> pool;
    std::map<std::string, double> hours;       // usable hours per week, by profession
    std::map<std::string, std::int64_t> heads; // volunteers by profession
    const int shift_len = o.shift_hours;
    for (const auto& p : o.professions) {
        const std::int64_t n =
            p.count >= 0
                ? p.count
                : static_cast<std::int64_t>(std::llround(static_cast<double>(population) *
                                                         p.per_100k / 1e5 * p.volunteer_share));
        heads[p.profession] = n;
        if (n <= 0) continue;
        const auto got = apportion(weight, n);
        for (std::size_t k = 0; k < cs.size(); ++k)
            if (got[k] > 0)
                pool.push_back({p.profession, static_cast<int>(k), got[k], p.weekly_hours});
        // a person works whole shifts: 6 h a week with 3-hour shifts is two shifts
        const double usable = std::floor(p.weekly_hours / shift_len) * shift_len;
        if (usable <= 0)
            d.warning({where, 0, 0}, say(gt.short_week, {p.profession, num(p.weekly_hours),
                                                         std::to_string(shift_len)}));
        hours[p.profession] += static_cast<double>(n) * usable * (1 - absence) * roster_margin;
    }
    std::int64_t pool_people = 0;
    for (const auto& r : pool) pool_people += r.count;
    if (pool_people > static_cast<std::int64_t>(Limits::max_pool_people)) {
        d.error({where, 0, 0}, say(gt.pool_too_large, {grouped(pool_people)}));
        return out;
    }

    // Hours taken from the pool for a role, professions in the scope table's order.
    auto available = [&](const std::vector<std::string>& profs) {
        double h = 0;
        for (const auto& p : profs) h += hours.count(p) ? hours[p] : 0.0;
        return h;
    };
    auto take = [&](const std::vector<std::string>& profs, double need) {
        for (const auto& p : profs) {
            if (need <= 0) break;
            double& h = hours[p];
            const double x = std::min(h, need);
            h -= x;
            need -= x;
        }
        return need <= 1e-9;
    };

    // ---- the plan's size -------------------------------------------------------------------
    const int day_hours = o.closes_hour - o.opens_hour;
    const double week_hours = static_cast<double>(open_days * day_hours); // per position
    int n_centres =
        o.centres > 0
            ? o.centres
            : std::max<int>(1, static_cast<int>(std::llround(static_cast<double>(population) /
                                                             o.people_per_centre)));
    if (o.per_departement) n_centres = std::max<int>(n_centres, static_cast<int>(dep_top.size()));
    n_centres = std::min<int>(n_centres, static_cast<int>(Limits::max_centres) / 2);
    const int wanted_centres = n_centres;
    const double medecin_hours = available(interview_profs);
    int lines = o.interview_lines;
    if (lines <= 0) {
        if (o.centres <= 0 && !o.per_departement)
            n_centres = std::clamp(static_cast<int>(medecin_hours / week_hours), 1, n_centres);
        lines = std::clamp(static_cast<int>(medecin_hours / (week_hours * n_centres)), 1, 40);
    }
    if (n_centres < wanted_centres)
        out.summary.push_back(
            tr(gt.note_fewer_centres,
               {std::to_string(n_centres),
                (n_centres > 1 ? gt.vacc_centre_many : gt.vacc_centre_one).in(lang),
                std::to_string(wanted_centres), count(std::llround(medecin_hours)),
                num(week_hours) + " h"}));
    if (medecin_hours < week_hours * lines * n_centres * 0.999)
        d.warning({where, 0, 0},
                  say(gt.medecins_short, {grouped(std::llround(medecin_hours)),
                                          std::to_string(n_centres), std::to_string(lines),
                                          grouped(std::llround(week_hours * lines * n_centres))}));
    take(interview_profs, week_hours * lines * n_centres);

    // testing demand and swab lines
    int n_testing = o.per_departement ? static_cast<int>(dep_top.size()) : o.testing_centres;
    if (o.tests_per_case <= 0 || o.incidence_peak <= 0) n_testing = 0;
    n_testing = std::min(n_testing, static_cast<int>(cs.size()));
    int swab_lines = 0;
    double peak_tests_day = 0;
    if (n_testing > 0) {
        peak_tests_day =
            o.incidence_peak * static_cast<double>(population) / 1e5 * o.tests_per_case;
        const double peak_hour = peak_tests_day / n_testing / day_hours * 1.4;
        swab_lines =
            std::max(1, static_cast<int>(std::ceil(peak_hour / (60.0 / swab_mean) / 0.85)));
    }
    // observation watchers, one per shift (more for large areas, see below)
    const int throughput_guess = static_cast<int>(lines * 60.0 / interview_mean);
    const int watchers = std::max(1, static_cast<int>(std::ceil(throughput_guess * 0.5 / 40.0)));
    take(observation_profs, week_hours * watchers * n_centres);
    if (n_testing > 0) {
        const double per_line = week_hours * n_testing;
        const int can = static_cast<int>(available(swab_profs) * 0.5 / per_line);
        swab_lines = std::clamp(can, 1, swab_lines);
        take(swab_profs, per_line * swab_lines);
        take(reception_profs, per_line); // one receptionist per testing centre
    }
    const int inj_target = static_cast<int>(std::ceil(lines * injection_mean / interview_mean));
    const int injectors = std::clamp(
        static_cast<int>(available(injection_profs) / (week_hours * n_centres)), 1, inj_target);
    take(injection_profs, week_hours * injectors * n_centres);
    const int rec_target = static_cast<int>(std::ceil(lines * reception_mean / interview_mean));
    const int receptionists = std::clamp(
        static_cast<int>(available(reception_profs) / (week_hours * n_centres)), 1, rec_target);
    take(reception_profs, week_hours * receptionists * n_centres);

    const double capacity_h =
        std::min({lines * 60.0 / interview_mean, injectors * 60.0 / injection_mean,
                  receptionists * 60.0 / reception_mean});
    const double q = std::max(1.0, capacity_h * o.target_load); // booked people per hour
    const int doses_per_slot = std::max(1, static_cast<int>(std::ceil(q / 15.0)));
    const int slot_minutes =
        std::clamp(static_cast<int>(std::lround(60.0 * doses_per_slot / q)), 1, 240);
    const std::int64_t slots_day =
        static_cast<std::int64_t>(day_hours * 60 / slot_minutes) * doses_per_slot;
    const double per_hour = static_cast<double>(doses_per_slot) * 60.0 / slot_minutes;
    const int chairs = static_cast<int>(std::ceil(per_hour * observation_minutes / 60.0 * 2.0)) + 2;
    const std::int64_t weekly_doses = slots_day * open_days * n_centres;

    // ---- where the centres go --------------------------------------------------------------
    std::vector<int> firsts;
    if (o.per_departement) firsts = dep_firsts;
    // one centre per commune, in the most populous ones; a commune much larger than
    // people_per_centre (Paris, Marseille, Lyon) gets one per people_per_centre inhabitants
    std::vector<int> cap(cs.size());
    for (std::size_t k = 0; k < cs.size(); ++k)
        cap[k] = std::max(1, static_cast<int>(std::llround(weight[k] / o.people_per_centre)));
    const auto seats = apportion(weight, n_centres, firsts, cap);
    std::map<std::string, int> name_uses;
    for (std::size_t k = 0; k < cs.size(); ++k)
        if (seats[k] > 0) ++name_uses[cs[k].name];
    std::vector<CentrePlace> vacc;
    std::vector<int> order(cs.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return cs[static_cast<std::size_t>(a)].population >
               cs[static_cast<std::size_t>(b)].population;
    });
    auto base_name = [&](int k) {
        const auto& c = cs[static_cast<std::size_t>(k)];
        return name_uses[c.name] > 1 ? c.name + " (" + c.insee + ")" : c.name;
    };
    for (int k : order) {
        const int s = seats[static_cast<std::size_t>(k)];
        for (int j = 1; j <= s; ++j)
            vacc.push_back({base_name(k) + (s > 1 ? " " + std::to_string(j) : ""), k});
    }
    std::vector<CentrePlace> testing;
    if (n_testing > 0) {
        std::vector<int> places;
        if (o.per_departement) {
            places = dep_firsts;
        } else {
            for (int k : order)
                if (static_cast<int>(places.size()) < n_testing) places.push_back(k);
        }
        for (int k : places) testing.push_back({"Dépistage " + base_name(k), k});
    }

    // ---- demand and deliveries -------------------------------------------------------------
    double wanted_doses = 0;
    for (const auto& g : o.groups)
        if (g.eligible_day < o.days)
            wanted_doses += static_cast<double>(population) * g.share * g.uptake *
                            (1 - g.cannot_travel) * g.doses;
    const int weeks = (o.days + 6) / 7;
    constexpr int vial = 6;
    std::vector<std::pair<int, std::int64_t>> deliveries;
    double left = wanted_doses * 1.1;
    for (int w = 0; w < weeks && left > 0; ++w) {
        std::int64_t doses =
            std::min<std::int64_t>(weekly_doses, static_cast<std::int64_t>(std::ceil(left)));
        doses = (doses + vial - 1) / vial * vial;
        deliveries.emplace_back(7 * w, doses);
        left -= static_cast<double>(doses);
    }

    // ---- world.toml ------------------------------------------------------------------------
    std::string w;
    auto line = [&](const std::string& s = {}) { w += s + "\n"; };
    auto comment = [&](const std::string& s, const std::string& indent = "") {
        w += wrap_comment(s, indent);
    };
    comment(tr(gt.world_title, {o.name.empty() ? t.name : o.name}));
    if (!o.command_line.empty()) line("# " + tr(gt.made_with, {o.command_line}));
    line("#");
    comment(tr(gt.world_territory,
               {t.name, count(static_cast<std::int64_t>(cs.size())), count(population)}));
    comment(tr(gt.world_defaults, {}));
    line();
    line("[world]");
    line("name = " + toml_string(o.name.empty() ? t.name : o.name));
    if (!o.description.empty()) line("description = " + toml_string(o.description));
    line("start_date = " + o.start_date);
    line("days = " + std::to_string(o.days));
    line();
    line("[territory]");
    line("name = " + toml_string(t.name));
    comment(tr(gt.world_sources, {}));
    line("population_source = " + toml_string(national_population_source));
    line("communes = " + toml_string(o.communes_file));
    comment(tr(gt.world_edges, {}));
    line("edges = " + toml_string(o.edges_file));
    if (const int parts = connected_parts(t); parts > 1) {
        comment(tr(gt.world_parts, {std::to_string(parts)}));
        line("allow_separate_parts = true");
    }
    line();
    comment(tr(gt.world_groups, {}));
    for (const auto& g : o.groups) {
        line();
        comment(lang == Language::French && !g.source_fr.empty() ? g.source_fr : g.source);
        line("[[group]]");
        line("name = " + toml_string(g.name));
        line("share = " + num(g.share));
        line("uptake = " + num(g.uptake));
        line("eligible_day = " + std::to_string(g.eligible_day));
        line("doses = " + std::to_string(g.doses));
        line("interval_days = " + std::to_string(g.interval_days));
        if (g.cannot_travel > 0) line("cannot_travel = " + num(g.cannot_travel));
    }
    line();
    line("[behaviour]");
    line("booking_delay = \"exp(3) d\"    # " + tr(gt.booking_delay, {}));
    line("no_show = 0.01                 # " + tr(gt.no_show, {}));
    line("punctuality = \"normal(-3, 5)\" # " + tr(gt.punctuality, {}));
    line("max_travel_minutes = 45        # " + tr(gt.max_travel, {}));
    line("retry_days = " + std::to_string(o.retry_days) + " # " + tr(gt.retry, {}));
    line();
    comment(tr(gt.world_pool, {}));
    for (const auto& p : o.professions) {
        if (p.count >= 0)
            comment(
                tr(gt.pool_given, {p.profession, count(heads[p.profession]), num(p.weekly_hours)}),
                "  ");
        else
            comment(tr(gt.pool_density,
                       {p.profession, num(p.per_100k), num(p.volunteer_share),
                        count(heads[p.profession]), num(p.weekly_hours),
                        lang == Language::French && !p.source_fr.empty() ? p.source_fr : p.source}),
                    "  ");
    }
    comment(tr(gt.pool_assumptions, {}));
    if (pool.size() > o.inline_pool_max) {
        line("[[pool]]");
        line("file = " + toml_string(o.pool_file) +
             " # profession,commune,count,weekly_hours,max_commute_minutes");
        std::string csv = "profession,commune,count,weekly_hours,max_commute_minutes\n";
        csv.reserve(pool.size() * 40);
        for (const auto& r : pool)
            csv += r.profession + "," + cs[static_cast<std::size_t>(r.commune)].insee + "," +
                   std::to_string(r.count) + "," + num(r.weekly_hours) + "," +
                   num(o.max_commute_minutes) + "\n";
        out.pool_csv = std::move(csv);
    } else {
        for (const auto& r : pool) {
            line();
            line("[[pool]]");
            line("profession = " + toml_string(r.profession));
            line("commune = " + toml_string(cs[static_cast<std::size_t>(r.commune)].insee) + " # " +
                 cs[static_cast<std::size_t>(r.commune)].name);
            line("count = " + std::to_string(r.count));
            line("weekly_hours = " + num(r.weekly_hours));
            line("max_commute_minutes = " + num(o.max_commute_minutes));
        }
    }
    line();
    line("[[vaccine]]");
    line("name = \"Comirnaty\"   # Pfizer-BioNTech");
    line("doses_per_vial = 6   # " + tr(gt.after_dilution, {}));
    line("shelf_life_hours = 6 # " + tr(gt.discard, {}));
    line();
    comment(tr(gt.world_deliveries, {count(weekly_doses), count(std::llround(wanted_doses))}));
    for (const auto& [day, doses] : deliveries) {
        line("[[delivery]]");
        line("day = " + std::to_string(day));
        line("vaccine = \"Comirnaty\"");
        line("doses = " + std::to_string(doses));
        line();
    }
    line("[testing]");
    const std::int64_t kits_week = static_cast<std::int64_t>(std::ceil(peak_tests_day * 7));
    line("initial_kits = " + std::to_string(kits_week));
    if (kits_week > 0) {
        line("kit_delivery = [");
        for (int wk = 1; wk < weeks; ++wk)
            line("  { day = " + std::to_string(7 * wk) + ", kits = " + std::to_string(kits_week) +
                 " },");
        line("]");
    }
    comment(tr(gt.world_tests, {num(o.tests_per_case)}));
    line("tests_per_case = " + num(o.tests_per_case));
    line("pcr_share = 0.3");
    comment(tr(gt.world_hourly, {}));
    line("hourly_profile = [0, 0, 0, 0, 0, 0, 0, 0.2,");
    line("                  1.0, 1.4, 1.5, 1.3, 0.9, 0.7, 1.0, 1.2,");
    line("                  1.3, 1.1, 0.8, 0.3, 0, 0, 0, 0]");
    comment(tr(gt.world_incidence, {num(o.incidence_base), num(o.incidence_peak)}));
    {
        std::string inc = "incidence = [";
        const double mid = (o.days - 1) / 2.0, width = std::max(3.0, o.days / 5.0);
        for (int day = 0; day < o.days; ++day) {
            const double x = (day - mid) / width;
            const double v =
                o.incidence_base + (o.incidence_peak - o.incidence_base) * std::exp(-x * x);
            if (day > 0) inc += day % 10 == 0 ? ",\n             " : ", ";
            inc += num(v, 1);
        }
        line(inc + "]");
    }
    line();
    line("[absenteeism]");
    line("baseline = " + num(absence) + "              # " + tr(gt.absence_baseline, {}));
    line("per_100k_incidence = 0.0004  # " + tr(gt.absence_incidence, {}));
    line();
    line("[cost]");
    comment(tr(gt.world_cost, {}));
    line("hourly_eur = 60");
    out.world_toml = std::move(w);

    // ---- plan.toml -------------------------------------------------------------------------
    std::string p;
    auto pl = [&](const std::string& s = {}) { p += s + "\n"; };
    auto plc = [&](const std::string& s) { p += wrap_comment(s, ""); };
    const auto vacc_words = (vacc.size() > 1 ? gt.vacc_centre_many : gt.vacc_centre_one).in(lang);
    const bool one_testing = lang == Language::French ? testing.size() <= 1 : testing.size() == 1;
    const auto testing_words =
        (one_testing ? gt.testing_centre_one : gt.testing_centre_many).in(lang);
    plc(tr(gt.plan_title, {o.name.empty() ? t.name : o.name}));
    if (!o.command_line.empty()) pl("# " + tr(gt.made_with, {o.command_line}));
    pl("#");
    plc(tr(gt.plan_centres,
           {std::to_string(vacc.size()), vacc_words, count(std::llround(o.people_per_centre)),
            o.per_departement ? gt.per_departement.in(lang) : std::string_view(), o.open_days,
            two(o.opens_hour), two(o.closes_hour), std::to_string(shift_len),
            std::to_string(testing.size()), testing_words}));
    plc(tr(gt.plan_sized,
           {std::to_string(lines), (lines > 1 ? gt.medecin_many : gt.medecin_one).in(lang),
            std::to_string(injectors), std::to_string(receptionists), std::to_string(watchers),
            num(o.target_load * 100), num(per_hour, 1)}));
    plc(tr(gt.plan_service, {}));
    plc(tr(gt.plan_deliveries, {}));
    pl();
    pl("[plan]");
    pl("name = " +
       toml_string("Plan de départ : " + std::to_string(vacc.size()) + " centre" +
                   (vacc.size() > 1 ? "s" : "") + " de vaccination" +
                   (testing.empty() ? ""
                                    : " et " + std::to_string(testing.size()) + " centre" +
                                          (testing.size() > 1 ? "s" : "") + " de dépistage")));
    pl("description = " + toml_string("Généré pour " + t.name +
                                      " ; modifiez les centres, les horaires et les effectifs."));
    pl();
    pl("[booking]");
    pl("horizon_days = 14");
    pl("overbooking = 0.0");
    pl();
    plc(tr(gt.plan_targets, {}));
    pl("[validation]");
    pl("max_travel_minutes = 45");
    pl();
    pl("[[validation.target]]");
    pl("kind = \"wait_p90\"");
    pl("max_minutes = 30");
    pl();
    pl("[[validation.target]]");
    pl("kind = \"wasted_doses\"");
    pl("max_percent = 5");
    if (std::any_of(o.groups.begin(), o.groups.end(),
                    [](const GroupSpec& g) { return g.name == "75+"; })) {
        pl();
        pl("[[validation.target]]");
        pl("kind = \"coverage\"");
        pl("group = \"75+\"");
        pl("min_percent = 50");
    }
    auto shifts = [&](const std::string& staff) {
        for (int h = o.opens_hour; h < o.closes_hour; h += shift_len) {
            const int e = std::min(o.closes_hour, h + shift_len);
            pl();
            pl("  [[centre.shift]]");
            pl("  start = \"" + two(h) + "\"");
            pl("  end = \"" + two(e) + "\"");
            pl("  staff = { " + staff + " }");
        }
    };
    for (const auto& c : vacc) {
        const auto& cm = cs[static_cast<std::size_t>(c.commune)];
        pl();
        pl("# "
           "---------------------------------------------------------------------------------------"
           "------");
        pl("[[centre]]");
        pl("name = " + toml_string(c.name));
        pl("kind = \"vaccination\"");
        pl("commune = " + toml_string(cm.insee) + " # " + cm.name);
        pl("days = \"" + o.open_days + "\"");
        pl("opens = \"" + two(o.opens_hour) + "\"");
        pl("closes = \"" + two(o.closes_hour) + "\"");
        pl("waiting_room = " + std::to_string(std::max(30, static_cast<int>(std::ceil(per_hour)))));
        pl("vaccine = \"Comirnaty\"");
        pl("slot_minutes = " + std::to_string(slot_minutes));
        pl("doses_per_slot = " + std::to_string(doses_per_slot) + " # " +
           tr(gt.per_hour, {num(per_hour, 1)}));
        pl();
        pl("  [[centre.station]]");
        pl("  name = \"reception\"");
        pl("  role = \"reception\"");
        pl(std::string("  service = \"") + reception_service + "\"");
        pl();
        pl("  [[centre.station]]");
        pl("  name = \"medical interview\"");
        pl("  role = \"medical_interview\"");
        pl(std::string("  service = \"") + interview_service + "\"");
        pl();
        pl("  [[centre.station]]");
        pl("  name = \"injection\"");
        pl("  role = \"injection\"");
        pl(std::string("  service = \"") + injection_service + "\"");
        pl("  gives_dose = true");
        pl();
        pl("  [[centre.station]]");
        pl("  name = \"observation\"");
        pl("  kind = \"area\"");
        pl("  role = \"observation_watch\"");
        pl("  dwell = \"" + num(observation_minutes) + "\"");
        pl("  capacity = " + std::to_string(chairs));
        shifts("reception = " + std::to_string(receptionists) + ", medical_interview = " +
               std::to_string(lines) + ", injection = " + std::to_string(injectors) +
               ", observation_watch = " + std::to_string(watchers));
    }
    for (const auto& c : testing) {
        const auto& cm = cs[static_cast<std::size_t>(c.commune)];
        pl();
        pl("# "
           "---------------------------------------------------------------------------------------"
           "------");
        pl("[[centre]]");
        pl("name = " + toml_string(c.name));
        pl("kind = \"testing\"");
        pl("commune = " + toml_string(cm.insee) + " # " + cm.name);
        pl("days = \"" + o.open_days + "\"");
        pl("opens = \"" + two(o.opens_hour) + "\"");
        pl("closes = \"" + two(o.closes_hour) + "\"");
        pl("waiting_room = 40");
        pl("test_type = \"both\"");
        pl("pcr_result_delay = \"lognormal(24, 8) h\" # " + tr(gt.pcr_delay, {}));
        pl();
        pl("  [[centre.station]]");
        pl("  name = \"reception\"");
        pl("  role = \"reception\"");
        pl(std::string("  service = \"") + test_reception_service + "\"");
        pl();
        pl("  [[centre.station]]");
        pl("  name = \"swab\"");
        pl("  role = \"swab\"");
        pl(std::string("  service = \"") + swab_service + "\"");
        pl("  takes_sample = true");
        shifts("reception = 1, swab = " + std::to_string(swab_lines));
    }
    out.plan_toml = std::move(p);

    // ---- summary ---------------------------------------------------------------------------
    std::string profs;
    for (const auto& pr : o.professions) {
        if (heads[pr.profession] <= 0) continue;
        profs += (profs.empty() ? "" : ", ") + pr.profession + " " + count(heads[pr.profession]);
    }
    out.summary.push_back(tr(gt.summary_pool, {count(pool_people), profs}));
    out.summary.push_back(tr(
        gt.summary_plan, {count(static_cast<std::int64_t>(vacc.size())),
                          (vacc.size() > 1 ? gt.vacc_centre_many : gt.vacc_centre_one).in(lang),
                          std::to_string(lines), std::to_string(injectors),
                          std::to_string(receptionists), text::format_decimal(lang, per_hour, 1),
                          count(weekly_doses), count(static_cast<std::int64_t>(testing.size())),
                          (one_testing ? gt.testing_centre_one : gt.testing_centre_many).in(lang),
                          std::to_string(swab_lines)}));
    return out;
}

} // namespace riposte
