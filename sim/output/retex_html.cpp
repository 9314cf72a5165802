// The RETEX of an exercise session as one HTML page (include/riposte/retex.hpp).
#include "riposte/retex.hpp"

#include "riposte/change_toml.hpp"
#include "riposte/objectives.hpp"
#include "riposte/output.hpp"
#include "riposte/report.hpp"

#include <algorithm>
#include <map>

namespace riposte {
namespace {

struct Words {
    const char *title, *scenario, *journal, *seed, *branch_of, *entries, *summary, *objectives,
        *met, *not_met, *no_objective, *judged, *timeline, *time, *source, *who, *what, *indicators,
        *vacc_chart, *wait_chart, *queue_chart, *wasted_chart, *day, *people, *minutes, *doses,
        *broke, *worst_waits, *turned_away, *stock_outs, *none, *hours, *profession, *rostered,
        *worked, *overtime, *observations, *no_observation, *actions, *action, *owner, *deadline,
        *suggest, *markers_note, *vaccinations, *unmet, *wasted, *wait_p90, *staff_hours, *refused,
        *target, *inject, *decision, *counterfactuals, *cf_note, *with, *without, *difference,
        *no_longer, *refused_title, *refused_note, *reason, *to_observe, *by_observation,
        *around_title, *around_note, *waiting_mean, *waiting_max, *before, *after;
};

constexpr Words fr{"RETEX de l'exercice",
                   "Scénario",
                   "Journal",
                   "Graine",
                   "Branche de",
                   "Entrées du journal",
                   "Synthèse",
                   "Objectifs",
                   "atteint",
                   "non atteint",
                   "L'exercice ne fixe pas d'objectif.",
                   "centre-jours examinés",
                   "Chronologie (main courante)",
                   "Heure",
                   "Origine",
                   "Qui",
                   "Quoi",
                   "Indicateurs et chronologie",
                   "Vaccinations par jour",
                   "Attente p90 par jour (minutes)",
                   "File d'attente maximale par jour",
                   "Doses perdues par jour",
                   "jour",
                   "personnes",
                   "minutes",
                   "doses",
                   "Ce qui a cassé",
                   "Pires attentes (p90)",
                   "Personnes refoulées",
                   "Ruptures de stock (stock nul en fin de journée)",
                   "aucun",
                   "heures",
                   "Profession",
                   "Heures prévues",
                   "Heures travaillées",
                   "Heures supplémentaires",
                   "Observations des évaluateurs",
                   "Aucune observation.",
                   "Plan d'actions correctives",
                   "Action",
                   "Responsable",
                   "Échéance",
                   "l'inscrire au plan ?",
                   "Traits verticaux : stimuli (orange) et décisions (bleu), numérotés comme "
                   "dans la chronologie.",
                   "Vaccinations",
                   "Demande non satisfaite",
                   "Doses perdues",
                   "Attente p90 (min)",
                   "Heures de professionnels",
                   "refusée",
                   "cible",
                   "stimulus",
                   "décision",
                   "Contrefactuels : chaque décision retirée",
                   "La même séance rejouée sans la décision (les entrées suivantes appliquées à "
                   "leur heure), comparée à la séance rejouée de même avec toutes ses entrées.",
                   "avec",
                   "sans",
                   "écart",
                   "Ne s'appliquent plus sans elle :",
                   "Décisions refusées",
                   "Décisions et stimuli ad hoc que le modèle a refusés au moment où ils ont été "
                   "pris (journalisés, jamais appliqués), avec le motif : à relire avec le plan.",
                   "Motif",
                   "À observer :",
                   "jugé sur les observations",
                   "Avant et après chaque décision",
                   "Personnes en file d'attente dans l'ensemble des centres, relevées toutes les "
                   "15 minutes, dans les 3 heures de temps simulé avant la décision et les 3 "
                   "heures après.",
                   "file d'attente moyenne (personnes)",
                   "file d'attente maximale (personnes)",
                   "3 h avant",
                   "3 h après"};

constexpr Words en{"Exercise after-action report (RETEX)",
                   "Scenario",
                   "Journal",
                   "Seed",
                   "Branch of",
                   "Journal entries",
                   "Summary",
                   "Objectives",
                   "met",
                   "not met",
                   "The exercise sets no objective.",
                   "centre-days judged",
                   "Timeline (main courante)",
                   "Time",
                   "Source",
                   "Who",
                   "What",
                   "Indicators and timeline",
                   "Vaccinations per day",
                   "p90 wait per day (minutes)",
                   "Longest queue per day",
                   "Doses wasted per day",
                   "day",
                   "people",
                   "minutes",
                   "doses",
                   "What broke",
                   "Worst waits (p90)",
                   "People turned away",
                   "Stock-outs (no stock at the end of the day)",
                   "none",
                   "hours",
                   "Profession",
                   "Rostered hours",
                   "Worked hours",
                   "Overtime hours",
                   "Evaluators' observations",
                   "No observation.",
                   "Corrective action plan",
                   "Action",
                   "Owner",
                   "Deadline",
                   "add it to the plan?",
                   "Vertical lines: injects (orange) and decisions (blue), numbered as in the "
                   "timeline.",
                   "Vaccinations",
                   "Unmet demand",
                   "Doses wasted",
                   "p90 wait (min)",
                   "Professional hours",
                   "refused",
                   "target",
                   "inject",
                   "decision",
                   "Counterfactuals: each decision left out",
                   "The same session replayed without the decision (the later entries applied at "
                   "their times), against the session replayed the same way with every entry.",
                   "with",
                   "without",
                   "difference",
                   "No longer apply without it:",
                   "Refused decisions",
                   "Decisions and ad-hoc injects the model refused when they were taken "
                   "(journaled, never applied), with the reason: to read with the plan.",
                   "Reason",
                   "To observe:",
                   "judged on the observations",
                   "Before and after each decision",
                   "People queued in all centres, sampled every 15 minutes, in the 3 hours of "
                   "simulated time before the decision and the 3 hours after.",
                   "mean queue (people)",
                   "largest queue (people)",
                   "3 h before",
                   "3 h after"};

const char* source_word(EntrySource s, bool french) {
    switch (s) {
    case EntrySource::Decision:
        return french ? "Décision" : "Decision";
    case EntrySource::AdHocInject:
        return french ? "Stimulus ad hoc" : "Ad-hoc inject";
    case EntrySource::ScriptedFired:
        return french ? "Stimulus" : "Inject";
    case EntrySource::ScriptedSkipped:
        return french ? "Stimulus non joué" : "Inject skipped";
    case EntrySource::ScriptedDelayed:
        return french ? "Stimulus décalé" : "Inject delayed";
    case EntrySource::ScriptedEdited:
        return french ? "Stimulus modifié" : "Inject edited";
    case EntrySource::TriggerFired:
        return french ? "Stimulus conditionnel" : "Conditional inject";
    case EntrySource::Observation:
        return french ? "Observation" : "Observation";
    }
    return "";
}

bool is_inject_entry(EntrySource s) {
    return s == EntrySource::AdHocInject || s == EntrySource::ScriptedFired ||
           s == EntrySource::TriggerFired;
}

std::string number(double v, int decimals, bool french) {
    std::string s = format_decimal(v, decimals);
    if (french) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string inject_text(const Exercise* ex, const std::string& id) {
    if (!ex) return {};
    for (const ScriptedInject& in : ex->injects)
        if (in.id == id) return in.text;
    for (const TriggeredInject& in : ex->triggers)
        if (in.id == id) return in.text;
    return {};
}

std::string one_line(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

const char* css =
    R"(body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:0 24px 48px;color:#1d232b}
h1{font-size:26px;margin:28px 0 6px}h2{font-size:20px;margin:32px 0 10px;border-bottom:2px solid #d9dee5;padding-bottom:4px}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e3e6ea;vertical-align:top}
th{background:#f2f4f7}td.n{text-align:right;font-variant-numeric:tabular-nums}.meta{color:#55606e;font-size:14px}
.met{color:#1b7a3a;font-weight:600}.miss{color:#b3261e;font-weight:600}.refused{color:#b3261e}
.inject{color:#b45a00}.decision{color:#1f5fa8}figure{margin:16px 0}figcaption,.note{color:#55606e;font-size:13px}
svg{max-width:100%;height:auto}svg text{font-family:system-ui,sans-serif;font-size:12px}svg .ax{fill:#444}svg .rl{font-size:11px}
)";

} // namespace

std::string retex_html(const RetexInputs& in) {
    const bool french = in.lang != "en";
    const Words& w = french ? fr : en;
    const Scenario& sc = *in.scenario;
    const Journal& j = *in.journal;
    const Results& r = *in.results;
    const Exercise* ex = in.exercise;
    const char mark = french ? ',' : '.';
    auto esc = [](const std::string& s) { return html_escape(s); };
    auto centre_name = [&](int c) {
        return c >= 0 && static_cast<std::size_t>(c) < sc.plan.centres.size()
                   ? sc.plan.centres[static_cast<std::size_t>(c)].name
                   : std::to_string(c);
    };

    std::string h = "<!DOCTYPE html>\n<html lang=\"" + std::string(french ? "fr" : "en") +
                    "\">\n<head><meta charset=\"utf-8\"><title>";
    const std::string name = ex && !ex->name.empty() ? ex->name : j.file.filename().string();
    h += esc(std::string(w.title) + " — " + name) + "</title><style>" + css +
         "</style></head>\n<body>\n";
    h += "<h1>" + esc(std::string(w.title) + " — " + name) + "</h1>\n<p class=\"meta\">";
    h += esc(std::string(w.scenario) + " : " + sc.world.name + " — " + sc.plan.name) + "<br>";
    h += esc(std::string(w.journal) + " : " + j.file.filename().string() + " · " + w.seed + " " +
             std::to_string(j.header.seed) + " · " + w.entries + " : " +
             std::to_string(j.entries.size()));
    if (!j.header.parent.empty())
        h += "<br>" + esc(std::string(w.branch_of) + " " + j.header.parent + " (" +
                          std::to_string(j.header.parent_entry) + ")");
    h += "</p>\n";
    if (ex && !ex->synopsis.empty()) h += "<p>" + esc(ex->synopsis) + "</p>\n";

    // ---- summary
    h += "<h2 id=\"synthese\">" + esc(w.summary) + "</h2>\n<table>";
    auto row = [&](const char* label, const std::string& value) {
        h += "<tr><th>" + esc(label) + "</th><td class=\"n\">" + esc(value) + "</td></tr>";
    };
    row(w.vaccinations, number(static_cast<double>(r.totals.vaccinations), 0, french));
    row(w.turned_away, number(static_cast<double>(r.totals.turned_away), 0, french));
    row(w.unmet, number(static_cast<double>(r.totals.unmet), 0, french));
    row(w.wasted, number(static_cast<double>(r.totals.doses_wasted), 0, french));
    row(w.wait_p90, number(r.totals.wait_p90_min, 1, french));
    row(w.staff_hours, number(r.totals.staff_hours, 0, french));
    h += "</table>\n";

    // ---- objectives
    h += "<h2 id=\"objectifs\">" + esc(w.objectives) + "</h2>\n";
    if (!ex || ex->objectives.empty()) {
        h += "<p>" + esc(w.no_objective) + "</p>\n";
    } else {
        h += "<ul>";
        for (const ObjectiveVerdict& v : evaluate_objectives(*ex, sc, r)) {
            if (v.objective->checks.empty()) // nothing the model can judge: the room's call
                h += "<li><span class=\"meta\">" + esc(w.by_observation) + "</span> — " +
                     esc(v.objective->text.empty() ? v.objective->id : v.objective->text);
            else
                h += "<li><span class=\"" + std::string(v.met ? "met" : "miss") + "\">" +
                     esc(v.met ? w.met : w.not_met) + "</span> — " +
                     esc(v.objective->text.empty() ? v.objective->id : v.objective->text) +
                     " <span class=\"meta\">(" + std::to_string(v.judged) + " " + esc(w.judged) +
                     ")</span>";
            if (!v.objective->observations.empty()) {
                h += "<br><span class=\"meta\">" + esc(w.to_observe) + "</span><ul>";
                for (const std::string& o : v.objective->observations)
                    h += "<li>" + esc(o) + "</li>";
                h += "</ul>";
            }
            if (!v.misses.empty()) {
                h += "<ul>";
                for (std::size_t k = 0; k < v.misses.size() && k < 8; ++k) {
                    const ObjectiveMiss& m = v.misses[k];
                    h += "<li>" +
                         esc("J" + std::to_string(m.day) + ", " + centre_name(m.centre) + " : " +
                             m.kpi + " = " + number(m.value, 1, french) + " (" + w.target +
                             (m.below ? " ≤ " : " ≥ ") + number(m.threshold, 1, french) + ")") +
                         "</li>";
                }
                if (v.misses.size() > 8) h += "<li>…</li>";
                h += "</ul>";
            }
            // the evaluators' observations about it, with their HSEEP ratings
            std::string obs;
            for (const JournalEntry& e : j.entries)
                if (e.source == EntrySource::Observation && e.objective == v.objective->id)
                    obs += "<li>" + (e.rating.empty() ? "" : "<b>" + esc(e.rating) + "</b> ") +
                           esc(format_day_time(e.stamp.time) + " — " + e.author + " : " + e.text) +
                           "</li>";
            if (!obs.empty()) h += "<ul class=\"obs\">" + obs + "</ul>";
            h += "</li>";
        }
        h += "</ul>\n";
    }

    // ---- timeline
    h += "<h2 id=\"chronologie\">" + esc(w.timeline) + "</h2>\n<table><tr><th>n°</th><th>" +
         esc(w.time) + "</th><th>" + esc(w.source) + "</th><th>" + esc(w.who) + "</th><th>" +
         esc(w.what) + "</th></tr>";
    std::vector<TimeMarker> markers;
    for (const JournalEntry& e : j.entries) {
        std::string what =
            !e.inject_id.empty() ? "[" + e.inject_id + "] " + inject_text(ex, e.inject_id) : e.text;
        if (e.source == EntrySource::ScriptedDelayed) what += " → " + format_day_time(e.new_time);
        if (e.change && !std::holds_alternative<Message>(*e.change))
            what += (what.empty() ? "" : " — ") + one_line(change_to_toml(*e.change));
        else if (e.change && what.empty())
            what = std::get<Message>(*e.change).text;
        const bool inject = is_inject_entry(e.source);
        const bool decision = e.source == EntrySource::Decision;
        h += "<tr><td class=\"n\">" + std::to_string(e.ordinal) + "</td><td>" +
             esc(format_day_time(e.stamp.time)) + "</td><td class=\"" +
             std::string(inject     ? "inject"
                         : decision ? "decision"
                                    : "") +
             "\">" + esc(source_word(e.source, french)) + "</td><td>" + esc(e.author) +
             "</td><td>" + esc(what);
        if (e.refused)
            h +=
                " <span class=\"refused\">(" + esc(w.refused) + " : " + esc(e.refusal) + ")</span>";
        h += "</td></tr>";
        if ((inject || decision) && !is_refused_decision(e)) { // a refusal changed nothing
            const double x = static_cast<double>(e.stamp.time.seconds()) / 86400.0;
            const std::string tip = std::to_string(e.ordinal) + ". " +
                                    source_word(e.source, french) + " " +
                                    format_day_time(e.stamp.time) + " — " + what;
            // entries at the same moment share one marker: "1,2,7"
            if (!markers.empty() && markers.back().x == x) {
                markers.back().label += "," + std::to_string(e.ordinal);
                markers.back().tooltip += "\n" + tip;
                if (decision) markers.back().colour = "#1f5fa8";
            } else {
                markers.push_back(
                    {x, std::to_string(e.ordinal), tip, inject ? "#d55e00" : "#1f5fa8"});
            }
        }
    }
    h += "</table>\n";

    // ---- charts: the KPIs per centre and day, with the timeline's markers
    h += "<h2 id=\"indicateurs\">" + esc(w.indicators) + "</h2>\n<p class=\"note\">" +
         esc(w.markers_note) + "</p>\n";
    auto chart = [&](const char* title, const char* y_label, auto value,
                     std::vector<ReferenceLine> lines) {
        LineChart c;
        c.title = title;
        c.x_label = w.day;
        c.y_label = y_label;
        c.decimal_mark = mark;
        c.markers = markers;
        c.lines = std::move(lines);
        for (std::size_t ci = 0; ci < sc.plan.centres.size(); ++ci) {
            ChartSeries s;
            s.name = sc.plan.centres[ci].name;
            for (const CentreDayRow& d : r.centre_days)
                if (d.centre == static_cast<int>(ci)) {
                    s.x.push_back(d.day + 0.5); // a day's figure sits in the middle of the day
                    s.y.push_back(value(d));
                }
            c.series.push_back(std::move(s));
        }
        h += "<figure>" + svg_line_chart(c) + "</figure>\n";
    };
    std::vector<ReferenceLine> wait_lines;
    if (ex)
        for (const Objective& o : ex->objectives)
            for (const ObjectiveCheck& c : o.checks)
                if (c.kpi == "wait_p90_min")
                    wait_lines.push_back({c.threshold, std::string(w.target) + " " + o.id});
    chart(w.vacc_chart, w.people,
          [](const CentreDayRow& d) { return static_cast<double>(d.vaccinations); }, {});
    chart(
        w.wait_chart, w.minutes, [](const CentreDayRow& d) { return d.wait_p90_min; }, wait_lines);
    chart(w.queue_chart, w.people,
          [](const CentreDayRow& d) { return static_cast<double>(d.max_waiting); }, {});
    chart(w.wasted_chart, w.doses,
          [](const CentreDayRow& d) { return static_cast<double>(d.doses_wasted); }, {});

    // ---- the queues in the hours before and after each decision that changed the plan
    {
        std::vector<const JournalEntry*> decisions;
        for (const JournalEntry& e : j.entries)
            if (e.source == EntrySource::Decision && e.change && !is_refused_decision(e) &&
                !std::holds_alternative<Message>(*e.change))
                decisions.push_back(&e);
        if (!decisions.empty() && !r.queue.empty()) {
            // total queued over every centre at each sample time, in time order
            std::map<std::int64_t, double> queued;
            for (const QueueSample& q : r.queue) queued[q.time.seconds()] += q.waiting;
            struct Window {
                double mean = 0, max = 0;
                int samples = 0;
            };
            auto window = [&](std::int64_t from, std::int64_t to) { // [from, to)
                Window out;
                for (auto it = queued.lower_bound(from); it != queued.end() && it->first < to;
                     ++it) {
                    out.mean += it->second;
                    out.max = std::max(out.max, it->second);
                    ++out.samples;
                }
                if (out.samples > 0) out.mean /= out.samples;
                return out;
            };
            auto cell = [&](const Window& x, bool mean) {
                if (x.samples == 0) return std::string("—");
                return number(mean ? x.mean : x.max, mean ? 1 : 0, french);
            };
            const std::int64_t span = 3 * 3600;
            h += "<h2 id=\"avant-apres\">" + esc(w.around_title) + "</h2>\n<p class=\"note\">" +
                 esc(w.around_note) + "</p>\n<table><tr><th>n°</th><th>" + esc(w.decision) +
                 "</th><th>" + esc(std::string(w.waiting_mean) + ", " + w.before) + "</th><th>" +
                 esc(std::string(w.waiting_mean) + ", " + w.after) + "</th><th>" +
                 esc(std::string(w.waiting_max) + ", " + w.before) + "</th><th>" +
                 esc(std::string(w.waiting_max) + ", " + w.after) + "</th></tr>";
            for (const JournalEntry* e : decisions) {
                const std::int64_t t = e->stamp.time.seconds();
                const Window before = window(t - span, t), after = window(t, t + span);
                const std::string wording =
                    (e->text.empty() ? std::string(change_kind_name(*e->change)) : e->text) + " (" +
                    format_day_time(e->stamp.time) + (e->author.empty() ? "" : ", " + e->author) +
                    ")";
                h += "<tr><td class=\"n\">" + std::to_string(e->ordinal) + "</td><td>" +
                     esc(wording) + "</td><td class=\"n\">" + cell(before, true) +
                     "</td><td class=\"n\">" + cell(after, true) + "</td><td class=\"n\">" +
                     cell(before, false) + "</td><td class=\"n\">" + cell(after, false) +
                     "</td></tr>";
            }
            h += "</table>\n";
        }
    }

    // ---- counterfactuals
    if (in.counterfactuals && !in.counterfactuals->empty()) {
        h += "<h2 id=\"contrefactuels\">" + esc(w.counterfactuals) + "</h2>\n<p class=\"note\">" +
             esc(w.cf_note) + "</p>\n<table><tr><th>n°</th><th>" + esc(w.decision) + "</th><th>" +
             esc(w.what) + "</th><th>" + esc(w.with) + "</th><th>" + esc(w.without) + "</th><th>" +
             esc(w.difference) + "</th></tr>";
        for (const Counterfactual& c : *in.counterfactuals) {
            const JournalEntry* e = nullptr;
            for (const JournalEntry& x : j.entries)
                if (x.ordinal == c.entry) e = &x;
            if (!e) continue;
            const std::string wording =
                (e->text.empty() ? std::string(change_kind_name(*e->change)) : e->text) + " (" +
                format_day_time(e->stamp.time) + (e->author.empty() ? "" : ", " + e->author) + ")";
            struct Kpi {
                const char* name;
                double with, without;
                int decimals;
            };
            const Kpi kpis[] = {
                {w.vaccinations, static_cast<double>(c.with.vaccinations),
                 static_cast<double>(c.without.vaccinations), 0},
                {w.turned_away, static_cast<double>(c.with.turned_away),
                 static_cast<double>(c.without.turned_away), 0},
                {w.unmet, static_cast<double>(c.with.unmet), static_cast<double>(c.without.unmet),
                 0},
                {w.wasted, static_cast<double>(c.with.doses_wasted),
                 static_cast<double>(c.without.doses_wasted), 0},
                {w.wait_p90, c.with.wait_p90_min, c.without.wait_p90_min, 1},
            };
            bool first = true;
            for (const Kpi& k : kpis) {
                const double diff = k.with - k.without;
                h += "<tr>";
                if (first) {
                    const std::string span = std::to_string(std::size(kpis));
                    h += "<td class=\"n\" rowspan=\"" + span + "\">" + std::to_string(c.entry) +
                         "</td><td rowspan=\"" + span + "\">" + esc(wording);
                    if (!c.no_longer_apply.empty()) {
                        h += "<br><span class=\"refused\">" + esc(w.no_longer);
                        for (const auto& [o, why] : c.no_longer_apply)
                            h += " " + esc("n° " + std::to_string(o) + " (" + why + ")");
                        h += "</span>";
                    }
                    h += "</td>";
                    first = false;
                }
                h += "<td>" + esc(k.name) + "</td><td class=\"n\">" +
                     number(k.with, k.decimals, french) + "</td><td class=\"n\">" +
                     number(k.without, k.decimals, french) + "</td><td class=\"n\">" +
                     (diff > 0 ? "+" : "") + number(diff, k.decimals, french) + "</td></tr>";
            }
        }
        h += "</table>\n";
    }

    // ---- refused decisions (journaled for the record, never applied)
    {
        std::vector<const JournalEntry*> refused;
        for (const JournalEntry& e : j.entries)
            if (is_refused_decision(e)) refused.push_back(&e);
        if (!refused.empty()) {
            h += "<h2 id=\"refusees\">" + esc(w.refused_title) + "</h2>\n<p class=\"note\">" +
                 esc(w.refused_note) + "</p>\n<table><tr><th>n°</th><th>" + esc(w.time) +
                 "</th><th>" + esc(w.who) + "</th><th>" + esc(w.what) + "</th><th>" +
                 esc(w.reason) + "</th></tr>";
            for (const JournalEntry* e : refused) {
                std::string what = e->text;
                if (e->change && !std::holds_alternative<Message>(*e->change))
                    what += (what.empty() ? "" : " — ") + one_line(change_to_toml(*e->change));
                h += "<tr><td class=\"n\">" + std::to_string(e->ordinal) + "</td><td>" +
                     esc(format_day_time(e->stamp.time)) + "</td><td>" + esc(e->author) +
                     "</td><td>" + esc(what) + "</td><td class=\"refused\">" + esc(e->refusal) +
                     "</td></tr>";
            }
            h += "</table>\n";
        }
    }

    // ---- what broke
    h += "<h2 id=\"casse\">" + esc(w.broke) + "</h2>\n";
    std::vector<const CentreDayRow*> days;
    for (const CentreDayRow& d : r.centre_days) days.push_back(&d);
    std::stable_sort(days.begin(), days.end(), [](const CentreDayRow* a, const CentreDayRow* b) {
        return a->wait_p90_min > b->wait_p90_min;
    });
    h += "<h3>" + esc(w.worst_waits) + "</h3><ul>";
    for (std::size_t k = 0; k < days.size() && k < 5; ++k)
        h += "<li>" +
             esc("J" + std::to_string(days[k]->day) + ", " + centre_name(days[k]->centre) + " : " +
                 number(days[k]->wait_p90_min, 1, french) + " min") +
             "</li>";
    h += "</ul><h3>" + esc(w.turned_away) + "</h3><ul>";
    int listed = 0;
    for (const CentreDayRow& d : r.centre_days)
        if (d.turned_away > 0 && listed < 10) {
            ++listed;
            h += "<li>" +
                 esc("J" + std::to_string(d.day) + ", " + centre_name(d.centre) + " : " +
                     std::to_string(d.turned_away)) +
                 "</li>";
        }
    if (listed == 0) h += "<li>" + esc(w.none) + "</li>";
    h += "</ul><h3>" + esc(w.stock_outs) + "</h3><ul>";
    listed = 0;
    for (const CentreDayRow& d : r.centre_days)
        if (d.stock_end == 0 && d.slots_opened > 0 && listed < 10) {
            ++listed;
            h += "<li>" + esc("J" + std::to_string(d.day) + ", " + centre_name(d.centre)) + "</li>";
        }
    if (listed == 0) h += "<li>" + esc(w.none) + "</li>";
    h += "</ul>\n";

    // ---- staff hours by profession
    h += "<h2 id=\"heures\">" + esc(w.staff_hours) + "</h2>\n<table><tr><th>" + esc(w.profession) +
         "</th><th>" + esc(w.rostered) + "</th><th>" + esc(w.worked) + "</th><th>" +
         esc(w.overtime) + "</th></tr>";
    for (const ProfessionRow& p : r.professions) {
        const std::string prof = p.profession >= 0 && static_cast<std::size_t>(p.profession) <
                                                          sc.world.professions.size()
                                     ? sc.world.professions[ProfessionId{p.profession}]
                                     : std::to_string(p.profession);
        h += "<tr><td>" + esc(prof) + "</td><td class=\"n\">" +
             number(p.rostered_hours, 1, french) + "</td><td class=\"n\">" +
             number(p.worked_hours, 1, french) + "</td><td class=\"n\">" +
             number(p.overtime_hours, 1, french) + "</td></tr>";
    }
    h += "</table>\n";

    // ---- observations
    h += "<h2 id=\"observations\">" + esc(w.observations) + "</h2>\n";
    bool any = false;
    h += "<ul>";
    for (const JournalEntry& e : j.entries)
        if (e.source == EntrySource::Observation) {
            any = true;
            std::string tag;
            if (!e.objective.empty() || !e.rating.empty())
                tag = "[" + e.objective + (e.objective.empty() || e.rating.empty() ? "" : ", ") +
                      e.rating + "] ";
            h += "<li>" +
                 esc(format_day_time(e.stamp.time) + " — " + e.author + " : " + tag + e.text) +
                 "</li>";
        }
    h += "</ul>";
    if (!any) h += "<p>" + esc(w.no_observation) + "</p>";

    // ---- corrective action plan, pre-filled from the decisions that changed the plan
    h += "\n<h2 id=\"actions\">" + esc(w.actions) + "</h2>\n<table><tr><th>" + esc(w.action) +
         "</th><th>" + esc(w.owner) + "</th><th>" + esc(w.deadline) + "</th></tr>";
    for (const JournalEntry& e : j.entries) {
        if (e.source != EntrySource::Decision || e.refused || !e.change ||
            std::holds_alternative<Message>(*e.change))
            continue;
        const std::string wording = e.text.empty() ? change_kind_name(*e.change) : e.text;
        h += "<tr><td>" +
             esc("« " + wording + " » (" + format_day_time(e.stamp.time) +
                 (e.author.empty() ? "" : ", " + e.author) + " : " +
                 one_line(change_to_toml(*e.change)) + ") — " + w.suggest) +
             "</td><td></td><td></td></tr>";
    }
    h += "</table>\n</body>\n</html>\n";
    return h;
}

} // namespace riposte
