#include "exercise_editor.hpp"

#include "riposte/change_toml.hpp"
#include "riposte/exercise_loader.hpp"
#include "riposte/exercise_toml.hpp"
#include "riposte/scenario_loader.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <set>
#include <sstream>

namespace riposte::gui {
namespace {

template <std::size_t N> void put(std::array<char, N>& buf, const std::string& s) {
    const std::size_t n = std::min(s.size(), N - 1);
    std::memcpy(buf.data(), s.data(), n);
    buf[n] = '\0';
}

template <std::size_t N> std::string get(const std::array<char, N>& buf) {
    return std::string(buf.data(), strnlen(buf.data(), N));
}

std::string diagnostics_text(const Diagnostics& d) {
    std::string out;
    for (const Diagnostic& x : d.items())
        if (x.severity == Severity::Error) out += format_diagnostic(x) + "\n";
    return out;
}

/// Reads a one-block exercise text as the file reader does, and checks its names.
std::optional<Exercise> read_block(const std::string& text, const Scenario* scenario,
                                   std::string& problem) {
    ExerciseLoadResult r = load_exercise_text(text, "bloc");
    if (r.exercise && scenario) {
        Diagnostics d = check_exercise(r, *scenario);
        if (d.has_errors()) {
            problem = diagnostics_text(d);
            return std::nullopt;
        }
    }
    if (!r.exercise) {
        problem = diagnostics_text(r.diagnostics);
        if (problem.empty()) problem = "?";
        return std::nullopt;
    }
    return std::move(r.exercise);
}

std::set<std::string> ids_in_use(const Exercise& ex) {
    std::set<std::string> ids;
    for (const auto& i : ex.injects) ids.insert(i.id);
    for (const auto& t : ex.triggers) ids.insert(t.id);
    return ids;
}

std::string unique(const std::string& id, const std::set<std::string>& used) {
    if (!used.count(id)) return id;
    for (int n = 2;; ++n) {
        std::string candidate = id + "-" + std::to_string(n);
        if (!used.count(candidate)) return candidate;
    }
}

void sort_injects(Exercise& ex) {
    std::stable_sort(ex.injects.begin(), ex.injects.end(),
                     [](const ScriptedInject& a, const ScriptedInject& b) { return a.at < b.at; });
}

/// The objective's checks, written as the file has them (without the [[objective]] head).
std::string checks_text(const Objective& o) {
    Exercise one;
    Objective copy = o;
    copy.observations.clear();
    one.objectives.push_back(copy);
    const std::string all = exercise_to_toml(one);
    const auto at = all.find("[[objective.check]]");
    return at == std::string::npos ? std::string{} : all.substr(at);
}

void push_bounded(std::vector<ExerciseEditor::State>& stack, ExerciseEditor::State state) {
    stack.push_back(std::move(state));
    if (stack.size() > ExerciseEditor::undo_limit) stack.erase(stack.begin());
}

ExerciseEditor::State current(const ExerciseEditor& ed) {
    return {ed.exercise, ed.selected, ed.index};
}

void restore(ExerciseEditor& ed, ExerciseEditor::State state) {
    ed.exercise = std::move(state.exercise);
    put(ed.name, ed.exercise.name);
    put(ed.synopsis, ed.exercise.synopsis);
    const auto size = [&](ExerciseEditor::Block b) -> std::size_t {
        switch (b) {
        case ExerciseEditor::Block::Inject:
            return ed.exercise.injects.size();
        case ExerciseEditor::Block::Trigger:
            return ed.exercise.triggers.size();
        case ExerciseEditor::Block::Objective:
            return ed.exercise.objectives.size();
        case ExerciseEditor::Block::None:
            return 0;
        }
        return 0;
    };
    if (state.selected != ExerciseEditor::Block::None && state.index >= 0 &&
        static_cast<std::size_t>(state.index) < size(state.selected))
        editor_select(ed, state.selected, state.index);
    else {
        ed.selected = ExerciseEditor::Block::None;
        ed.index = -1;
    }
    ed.problem.clear();
    ed.dirty = true;
}

} // namespace

void editor_checkpoint(ExerciseEditor& ed) {
    push_bounded(ed.undo, current(ed));
    ed.redo.clear();
}

bool editor_undo(ExerciseEditor& ed) {
    if (ed.undo.empty()) return false;
    push_bounded(ed.redo, current(ed));
    ExerciseEditor::State back = std::move(ed.undo.back());
    ed.undo.pop_back();
    restore(ed, std::move(back));
    return true;
}

bool editor_redo(ExerciseEditor& ed) {
    if (ed.redo.empty()) return false;
    push_bounded(ed.undo, current(ed));
    ExerciseEditor::State next = std::move(ed.redo.back());
    ed.redo.pop_back();
    restore(ed, std::move(next));
    return true;
}

void editor_set_meta(ExerciseEditor& ed) {
    const std::string name = get(ed.name), synopsis = get(ed.synopsis);
    if (name == ed.exercise.name && synopsis == ed.exercise.synopsis) return;
    editor_checkpoint(ed);
    ed.exercise.name = name;
    ed.exercise.synopsis = synopsis;
    ed.dirty = true;
}

TriggerWindow trigger_window(const TriggeredInject& tr, const Scenario* sc, int n_days) {
    TriggerWindow w{SimTime{}, days(std::max(1, n_days))};
    if (tr.when.kind == Condition::Kind::At) {
        w.earliest = tr.when.at;
        return w;
    }
    if (!sc) return w;
    // the first moment a centre where it is read is open
    std::optional<SimTime> first;
    for (const Centre& c : sc->plan.centres) {
        if (tr.when.centre.by == CentreRef::By::Name && c.name != tr.when.centre.value) continue;
        for (int d = 0; d < n_days; ++d)
            if (c.open_on(d, sc->world.start_weekday)) {
                const SimTime t = days(d) + (c.continuous ? SimTime{} : c.opens);
                if (!first || t < *first) first = t;
                break;
            }
    }
    if (!first) return w;
    w.earliest = *first;
    if (tr.when.kind == Condition::Kind::QueueAbove) w.earliest = w.earliest + tr.when.for_time;
    return w;
}

std::vector<std::filesystem::path> stress_library() {
    std::vector<std::filesystem::path> out;
    const auto dir = default_world_file().parent_path().parent_path() / "stress";
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.path().extension() == ".toml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

void editor_open(ExerciseEditor& ed, const std::filesystem::path& file) {
    ed.file = file;
    ed.exercise = Exercise{};
    ed.problem.clear();
    ed.status.clear();
    ed.selected = ExerciseEditor::Block::None;
    ed.index = -1;
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) {
        ExerciseLoadResult r = load_exercise(file);
        if (r.exercise)
            ed.exercise = std::move(*r.exercise);
        else
            ed.problem = diagnostics_text(r.diagnostics);
    } else {
        ed.exercise.name = file.stem().string();
    }
    put(ed.name, ed.exercise.name);
    put(ed.synopsis, ed.exercise.synopsis);
    put(ed.path, file.string());
    ed.library = stress_library();
    // the first scripted inject's form is shown: the editor opens on something to edit
    if (!ed.exercise.injects.empty()) editor_select(ed, ExerciseEditor::Block::Inject, 0);
    ed.open = true;
    ed.dirty = false;
    ed.undo.clear();
    ed.redo.clear();
}

bool editor_add_from_library(ExerciseEditor& ed, const std::filesystem::path& file) {
    ExerciseLoadResult r = load_exercise(file);
    if (!r.exercise) {
        ed.problem = diagnostics_text(r.diagnostics);
        return false;
    }
    editor_checkpoint(ed);
    std::set<std::string> used = ids_in_use(ed.exercise);
    for (ScriptedInject in : r.exercise->injects) {
        in.id = unique(in.id, used);
        used.insert(in.id);
        ed.exercise.injects.push_back(std::move(in));
    }
    for (TriggeredInject tr : r.exercise->triggers) {
        tr.id = unique(tr.id, used);
        used.insert(tr.id);
        ed.exercise.triggers.push_back(std::move(tr));
    }
    std::set<std::string> objectives;
    for (const Objective& o : ed.exercise.objectives) objectives.insert(o.id);
    for (Objective o : r.exercise->objectives) {
        o.id = unique(o.id, objectives);
        objectives.insert(o.id);
        ed.exercise.objectives.push_back(std::move(o));
    }
    sort_injects(ed.exercise);
    if (ed.exercise.synopsis.empty() && !r.exercise->synopsis.empty()) {
        ed.exercise.synopsis = r.exercise->synopsis;
        put(ed.synopsis, ed.exercise.synopsis);
    }
    ed.problem.clear();
    ed.status = file.filename().string();
    ed.dirty = true;
    return true;
}

void editor_select(ExerciseEditor& ed, ExerciseEditor::Block block, int index) {
    ed.selected = block;
    ed.index = index;
    ed.problem.clear();
    const auto i = static_cast<std::size_t>(index);
    switch (block) {
    case ExerciseEditor::Block::Inject: {
        const ScriptedInject& in = ed.exercise.injects.at(i);
        put(ed.id, in.id);
        put(ed.at, format_day_time(in.at));
        put(ed.change, change_to_toml(in.change));
        put(ed.text, in.text);
        put(ed.notes, in.notes);
        break;
    }
    case ExerciseEditor::Block::Trigger: {
        const TriggeredInject& tr = ed.exercise.triggers.at(i);
        put(ed.id, tr.id);
        put(ed.when, condition_to_toml(tr.when));
        put(ed.change, trigger_change_to_toml(tr.change));
        put(ed.text, tr.text);
        put(ed.notes, tr.notes);
        ed.once = tr.once;
        break;
    }
    case ExerciseEditor::Block::Objective: {
        const Objective& o = ed.exercise.objectives.at(i);
        put(ed.id, o.id);
        put(ed.text, o.text);
        std::string lines;
        for (const std::string& s : o.observations) lines += s + "\n";
        put(ed.observe, lines);
        put(ed.checks, checks_text(o));
        break;
    }
    case ExerciseEditor::Block::None:
        break;
    }
}

bool editor_apply(ExerciseEditor& ed, const Scenario* scenario, Lang lang) {
    ed.problem.clear();
    if (ed.selected == ExerciseEditor::Block::None || ed.index < 0) return false;
    const auto i = static_cast<std::size_t>(ed.index);
    const std::string id = get(ed.id);
    std::string doc = "[exercise]\nname = \"bloc\"\n";
    switch (ed.selected) {
    case ExerciseEditor::Block::Inject:
        doc += "[[inject]]\nid = " + toml_quote(id) + "\nat = " + toml_quote(get(ed.at)) + "\n" +
               get(ed.change) + "\n";
        break;
    case ExerciseEditor::Block::Trigger:
        doc += "[[trigger]]\nid = " + toml_quote(id) + "\nwhen = " + get(ed.when) + "\n" +
               get(ed.change) + "\n";
        if (!ed.once) doc += "once = false\n";
        break;
    case ExerciseEditor::Block::Objective: {
        doc +=
            "[[objective]]\nid = " + toml_quote(id) + "\ntext = " + toml_quote(get(ed.text)) + "\n";
        std::istringstream lines(get(ed.observe));
        std::string obs;
        for (std::string line; std::getline(lines, line);)
            if (line.find_first_not_of(" \t\r") != std::string::npos)
                obs += "  " + toml_quote(line) + ",\n";
        if (!obs.empty()) doc += "observe = [\n" + obs + "]\n";
        doc += get(ed.checks) + "\n";
        break;
    }
    case ExerciseEditor::Block::None:
        return false;
    }
    if (ed.selected != ExerciseEditor::Block::Objective) {
        if (!get(ed.text).empty()) doc += "text = " + toml_quote(get(ed.text)) + "\n";
        if (!get(ed.notes).empty()) doc += "notes = " + toml_quote(get(ed.notes)) + "\n";
    }
    auto block = read_block(doc, scenario, ed.problem);
    if (!block) return false;
    // an id is the block's identity (it keys its random draws): one of each
    if (ed.selected == ExerciseEditor::Block::Objective) {
        for (std::size_t k = 0; k < ed.exercise.objectives.size(); ++k)
            if (k != i && ed.exercise.objectives[k].id == id) {
                ed.problem = "id « " + id + " » : " + tr(lang, Text::EdIdUsed);
                return false;
            }
        editor_checkpoint(ed);
        ed.exercise.objectives.at(i) = std::move(block->objectives.at(0));
    } else {
        const std::string old = ed.selected == ExerciseEditor::Block::Inject
                                    ? ed.exercise.injects.at(i).id
                                    : ed.exercise.triggers.at(i).id;
        std::set<std::string> used = ids_in_use(ed.exercise);
        used.erase(old);
        if (used.count(id)) {
            ed.problem = "id « " + id + " » : " + tr(lang, Text::EdIdUsed);
            return false;
        }
        editor_checkpoint(ed);
        if (ed.selected == ExerciseEditor::Block::Inject) {
            ed.exercise.injects.at(i) = std::move(block->injects.at(0));
            sort_injects(ed.exercise);
            for (std::size_t k = 0; k < ed.exercise.injects.size(); ++k)
                if (ed.exercise.injects[k].id == id) ed.index = static_cast<int>(k);
        } else {
            ed.exercise.triggers.at(i) = std::move(block->triggers.at(0));
        }
    }
    ed.dirty = true;
    editor_select(ed, ed.selected, ed.index);
    return true;
}

void editor_add(ExerciseEditor& ed, ExerciseEditor::Block block, SimTime at) {
    if (block == ExerciseEditor::Block::None) return;
    editor_checkpoint(ed);
    const std::set<std::string> used = ids_in_use(ed.exercise);
    switch (block) {
    case ExerciseEditor::Block::Inject: {
        ScriptedInject in;
        in.id = unique("stimulus", used);
        in.at = at;
        in.change = Message{};
        in.text = "Message aux joueurs";
        ed.exercise.injects.push_back(in);
        sort_injects(ed.exercise);
        for (std::size_t k = 0; k < ed.exercise.injects.size(); ++k)
            if (ed.exercise.injects[k].id == in.id) editor_select(ed, block, static_cast<int>(k));
        break;
    }
    case ExerciseEditor::Block::Trigger: {
        TriggeredInject tr;
        tr.id = unique("conditionnel", used);
        tr.when.kind = Condition::Kind::QueueAbove;
        tr.when.threshold = 40;
        tr.when.for_time = minutes(30);
        tr.change = Message{};
        tr.text = "La file dépasse 40 personnes depuis 30 minutes.";
        ed.exercise.triggers.push_back(tr);
        editor_select(ed, block, static_cast<int>(ed.exercise.triggers.size()) - 1);
        break;
    }
    case ExerciseEditor::Block::Objective: {
        std::set<std::string> objectives;
        for (const Objective& o : ed.exercise.objectives) objectives.insert(o.id);
        Objective o;
        o.id = unique("objectif", objectives);
        o.text = "Tenir l'attente";
        ObjectiveCheck c;
        c.kpi = "wait_p90_min";
        c.threshold = 45;
        o.checks.push_back(c);
        ed.exercise.objectives.push_back(o);
        editor_select(ed, block, static_cast<int>(ed.exercise.objectives.size()) - 1);
        break;
    }
    case ExerciseEditor::Block::None:
        return;
    }
    ed.dirty = true;
}

void editor_remove(ExerciseEditor& ed) {
    if (ed.index < 0 || ed.selected == ExerciseEditor::Block::None) return;
    const auto i = static_cast<std::size_t>(ed.index);
    editor_checkpoint(ed);
    switch (ed.selected) {
    case ExerciseEditor::Block::Inject:
        if (i < ed.exercise.injects.size())
            ed.exercise.injects.erase(ed.exercise.injects.begin() + ed.index);
        break;
    case ExerciseEditor::Block::Trigger:
        if (i < ed.exercise.triggers.size())
            ed.exercise.triggers.erase(ed.exercise.triggers.begin() + ed.index);
        break;
    case ExerciseEditor::Block::Objective:
        if (i < ed.exercise.objectives.size())
            ed.exercise.objectives.erase(ed.exercise.objectives.begin() + ed.index);
        break;
    case ExerciseEditor::Block::None:
        return;
    }
    ed.selected = ExerciseEditor::Block::None;
    ed.index = -1;
    ed.dirty = true;
}

bool editor_save(ExerciseEditor& ed, const Scenario* scenario, Lang lang) {
    ed.problem.clear();
    ed.status.clear();
    editor_set_meta(ed);
    const std::string p = get(ed.path);
    if (!p.empty()) ed.file = p;
    if (ed.file.empty()) {
        ed.problem = tr(lang, Text::EdNoFile);
        return false;
    }
    const std::string text = exercise_to_toml(ed.exercise);
    // what riposte check would say of the file
    ExerciseLoadResult r = load_exercise_text(text, ed.file.filename().string());
    if (!r.exercise) {
        ed.problem = diagnostics_text(r.diagnostics);
        return false;
    }
    if (scenario) {
        const Diagnostics d = check_exercise(r, *scenario);
        if (d.has_errors()) {
            ed.problem = diagnostics_text(d);
            return false;
        }
    }
    const WriteStatus w = save_exercise(ed.file, ed.exercise);
    if (!w.ok()) {
        ed.problem = w.error;
        return false;
    }
    ed.dirty = false;
    ed.status = ed.file.string();
    return true;
}

} // namespace riposte::gui
