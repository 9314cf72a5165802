// riposte validate: the verdict of every rule as terminal text and as validation.json.
#include "output/json_writer.hpp"
#include "output/text_table.hpp"
#include "riposte/output.hpp"
#include "riposte/text/cli_texts.hpp"
#include "riposte/text/names_texts.hpp"
#include "riposte/text/validation_texts.hpp"

#include <algorithm>
#include <filesystem>

namespace riposte {

namespace {

using namespace output_detail;

std::string file_name_only(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

int failed_rules(const ValidationReport& report) {
    int n = 0;
    for (const RuleVerdict& r : report.rules) n += r.pass ? 0 : 1;
    return n;
}

} // namespace

std::string validation_json(const Scenario& s, const ValidationReport& report, std::uint64_t seed) {
    JsonWriter j;
    j.begin_object();
    j.field("format", "riposte-validation/1");
    j.field("world", s.world.name);
    j.field("world_file", file_name_only(s.world.file));
    j.field("plan", s.plan.name);
    j.field("plan_file", file_name_only(s.plan.file));
    j.key("seed");
    j.unsigned_integer(seed);
    j.field("replications", report.replications);
    j.key("partial");
    j.boolean(report.partial);
    j.key("pass");
    j.boolean(report.all_pass());
    bool targets_checked = false;
    for (const RuleVerdict& r : report.rules) targets_checked = targets_checked || !r.structural;
    j.key("targets_checked");
    j.boolean(targets_checked);
    const int failed = failed_rules(report);
    j.field("rules_passed", static_cast<int>(report.rules.size()) - failed);
    j.field("rules_failed", failed);
    j.key("rules");
    j.begin_array();
    for (const RuleVerdict& r : report.rules) {
        j.begin_object();
        j.field("id", r.id);
        j.field("title", r.title);
        j.key("structural");
        j.boolean(r.structural);
        j.key("pass");
        j.boolean(r.pass);
        j.key("warning");
        j.boolean(r.warning);
        j.field("measured", r.measured);
        j.field("threshold", r.threshold);
        // the same two as a phrase id and values, for wording in another language
        for (const auto& [key, p] :
             {std::pair<const char*, const Phrase*>{"measured_phrase", &r.measured_phrase},
              {"threshold_phrase", &r.threshold_phrase}}) {
            j.key(key);
            j.begin_object();
            j.field("id", p->id);
            j.key("args");
            j.begin_array();
            for (const std::string& a : p->args) j.string(a);
            j.end_array();
            j.end_object();
        }
        j.key("where");
        j.begin_array();
        for (const std::string& w : r.where) j.string(w);
        j.end_array();
        j.key("where_phrases");
        j.begin_array();
        for (const Phrase& p : r.where_phrases) {
            j.begin_object();
            j.field("id", p.id);
            j.key("args");
            j.begin_array();
            for (const std::string& a : p.args) j.string(a);
            j.end_array();
            j.end_object();
        }
        j.end_array();
        j.field("where_total", std::max(r.where_total, static_cast<int>(r.where.size())));
        j.end_object();
    }
    j.end_array();
    j.end_object();
    return j.take();
}

std::string format_validation(const Scenario& s, const ValidationReport& report, std::uint64_t seed,
                              Language lang) {
    const text::CliTexts& t = text::cli;
    std::string out = text::fill(lang, t.validate_heading,
                                 {s.plan.name, file_name_only(s.plan.file), s.world.name}) +
                      "\n  ";
    bool targets = false;
    for (const RuleVerdict& r : report.rules) targets = targets || !r.structural;
    if (!targets) {
        out += t.structural_only.in(lang);
    } else {
        out += text::fill(
            lang, t.targets_judged,
            {std::to_string(report.replications),
             (report.replications == 1 ? t.replication_word : t.replications_word).in(lang),
             std::to_string(seed)});
        if (report.partial) out += t.partial_judged.in(lang);
    }
    out += "\n\n";
    // the verdict tags padded to one width, so the rule names line up
    std::size_t tag_width = 0;
    for (const text::Text* tag : {&t.tag_pass, &t.tag_fail, &t.tag_warn})
        tag_width = std::max(tag_width, display_width(tag->in(lang)));
    const std::string pad(tag_width + 2, ' ');
    const auto tag = [&](const text::Text& x) {
        std::string s2(x.in(lang));
        s2.append(tag_width + 2 - display_width(s2), ' ');
        return s2;
    };
    const std::string colon = lang == Language::French ? " : " : ": ";
    for (const RuleVerdict& r : report.rules) {
        out += tag(!r.pass ? t.tag_fail : r.warning ? t.tag_warn : t.tag_pass);
        const std::string title = text::name_in(text::rule_titles, r.id, lang);
        out += r.id + colon + (lang == Language::English || title == r.id ? r.title : title) + "\n";
        const auto worded = [lang](const Phrase& p, const std::string& english) {
            return lang == Language::English ? english
                                             : text::phrase_text(lang, p.id, p.args, english);
        };
        out += pad +
               text::fill(lang, t.measured_required,
                          {worded(r.measured_phrase, r.measured),
                           worded(r.threshold_phrase, r.threshold)}) +
               "\n";
        if (r.pass && !r.warning) continue;
        const std::string where(t.where.in(lang));
        const std::string indent(display_width(where), ' ');
        for (std::size_t i = 0; i < r.where.size(); ++i) {
            const std::string place =
                i < r.where_phrases.size() ? worded(r.where_phrases[i], r.where[i]) : r.where[i];
            out += pad + (i == 0 ? where : indent) + place + "\n";
        }
        const int total = std::max(r.where_total, static_cast<int>(r.where.size()));
        const int more = total - static_cast<int>(r.where.size());
        if (more > 0) {
            out += pad + (r.where.empty() ? where : indent) +
                   text::fill(lang, t.and_more, {std::to_string(more)}) + "\n";
        }
    }
    const int failed = failed_rules(report);
    const std::string rules = std::to_string(report.rules.size());
    out += "\n";
    if (failed == 0) {
        if (targets) {
            out += text::fill(lang, t.result_pass, {rules}) + "\n";
        } else if (!s.plan.targets.empty()) {
            out += text::fill(lang, t.result_targets_skipped,
                              {rules, std::to_string(s.plan.targets.size())}) +
                   "\n";
        } else {
            // a plan without targets is not "validated": only its structure was checked
            out += text::fill(lang, t.result_no_targets, {rules}) + "\n";
            out += t.usual_targets.in(lang);
        }
    } else {
        std::string ids;
        for (const RuleVerdict& r : report.rules)
            if (!r.pass) ids += " " + r.id;
        out += text::fill(lang, t.result_fail, {std::to_string(failed), rules, ids}) + "\n";
    }
    return out;
}

} // namespace riposte
