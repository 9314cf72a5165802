// The structured form of a change (change_form.hpp): a kind combo, then one widget per field of
// the kind's descriptor row, each writing the change's TOML text. Problems show inline under the
// field (a time that does not read, a required field left empty).
#include "change_form.hpp"
#include "panels.hpp"

#include "riposte/change_toml.hpp"
#include "riposte/text/names_texts.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

namespace riposte::gui {
namespace {

const ImVec4 problem_colour{1.0f, 0.45f, 0.4f, 1.0f};

template <std::size_t N> void copy_to(std::array<char, N>& buf, const std::string& s) {
    const std::size_t n = std::min(s.size(), N - 1);
    std::memcpy(buf.data(), s.data(), n);
    buf[n] = '\0';
}

/// A combo over `names`, shown as `words` (the same order: "sage-femme" for "sage_femme");
/// `value` is the TOML value (a quoted name). `allow_empty` offers "—".
bool combo_names(const char* label, std::string& value, const std::vector<std::string>& names,
                 const std::vector<std::string>& words, bool allow_empty) {
    const std::string current = toml_unquote(value).value_or(value);
    const auto shown = [&](std::size_t k) -> const std::string& {
        return k < words.size() ? words[k] : names[k];
    };
    std::string preview = current.empty() ? "—" : current;
    for (std::size_t k = 0; k < names.size(); ++k)
        if (names[k] == current) preview = shown(k);
    bool changed = false;
    if (ImGui::BeginCombo(label, preview.c_str())) {
        if (allow_empty && ImGui::Selectable("—", current.empty())) {
            value.clear();
            changed = true;
        }
        for (std::size_t k = 0; k < names.size(); ++k)
            if (ImGui::Selectable((shown(k) + "##" + names[k]).c_str(), names[k] == current)) {
                value = toml_quote(names[k]);
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

bool text_field(const char* label, std::string& shown) {
    std::array<char, 1024> buf{};
    copy_to(buf, shown);
    if (!ImGui::InputText(label, buf.data(), buf.size())) return false;
    shown = buf.data();
    return true;
}

bool draw_field(const FieldSpec& f, std::string& value, const Scenario* sc, bool triggered,
                Lang lang) {
    std::string label = tr(lang, f.label);
    if (f.unit[0] != '\0') label += std::string(" (") + f.unit + ")";
    label += std::string("##") + f.key;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    switch (f.type) {
    case FieldType::Centre: {
        if (!sc) break;
        const auto choices = centre_choices(sc->plan, triggered, lang);
        std::string preview = value;
        for (const CentreChoice& c : choices)
            if (c.value == value) preview = c.label;
        if (value.empty()) preview = "—";
        bool changed = false;
        if (ImGui::BeginCombo(label.c_str(), preview.c_str())) {
            if (f.optional && ImGui::Selectable("—", value.empty())) {
                value.clear();
                changed = true;
            }
            for (const CentreChoice& c : choices)
                if (ImGui::Selectable(c.label.c_str(), c.value == value)) {
                    value = c.value;
                    changed = true;
                }
            ImGui::EndCombo();
        }
        return changed;
    }
    case FieldType::Role:
        if (sc)
            return combo_names(label.c_str(), value, sc->world.roles.vector(),
                               role_words_of(*sc, lang), f.optional);
        break;
    case FieldType::Profession:
        if (sc)
            return combo_names(label.c_str(), value, sc->world.professions.vector(),
                               profession_words_of(*sc, lang), f.optional);
        break;
    case FieldType::Group:
        if (sc) {
            std::vector<std::string> names;
            for (const auto& g : sc->world.groups) names.push_back(g.name);
            return combo_names(label.c_str(), value, names, group_words_of(*sc, lang), f.optional);
        }
        break;
    case FieldType::Team:
        if (sc) {
            std::vector<std::string> names;
            for (const auto& m : sc->plan.mobile_teams) names.push_back(m.name);
            return combo_names(label.c_str(), value, names, names, f.optional);
        }
        break;
    case FieldType::Commune:
        if (sc) {
            const std::string code = toml_unquote(value).value_or("");
            int c = sc->world.find_commune(code);
            if (draw_commune_picker(label.c_str(), c, sc->world, lang)) {
                value = toml_quote(sc->world.territory.communes[static_cast<std::size_t>(c)].insee);
                return true;
            }
            return false;
        }
        break;
    case FieldType::Bool: {
        bool on = value == "true";
        if (!ImGui::Checkbox(label.c_str(), &on)) return false;
        value = on ? "true" : (f.optional ? "" : "false");
        return true;
    }
    case FieldType::Int:
    case FieldType::Number: {
        std::string shown = value;
        if (!text_field(label.c_str(), shown)) return false;
        value = shown;
        return true;
    }
    case FieldType::Communes: {
        std::string shown = communes_to_display(value);
        if (!text_field(label.c_str(), shown)) return false;
        value = communes_from_display(shown);
        return true;
    }
    case FieldType::Station:
    case FieldType::FreeText:
    case FieldType::DayTime:
    case FieldType::Duration:
        break;
    }
    // text-like fields: shown without quotes, written as a TOML string (a message: full width)
    if (f.type == FieldType::FreeText) ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 8);
    std::string shown = toml_unquote(value).value_or(value);
    if (!text_field(label.c_str(), shown)) return false;
    value = shown.empty() && f.optional ? std::string{} : toml_quote(shown);
    return true;
}

} // namespace

bool draw_commune_picker(const char* label, int& commune, const World& world, Lang lang) {
    const auto& communes = world.territory.communes;
    std::string preview = "—";
    if (commune >= 0 && static_cast<std::size_t>(commune) < communes.size())
        preview = communes[static_cast<std::size_t>(commune)].name + " (" +
                  communes[static_cast<std::size_t>(commune)].insee + ")";
    bool changed = false;
    if (ImGui::BeginCombo(label, preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        static std::array<char, 64> filter{};
        if (ImGui::IsWindowAppearing()) {
            filter[0] = '\0';
            ImGui::SetKeyboardFocusHere();
        }
        ImGui::InputTextWithHint("##filter", tr(lang, Text::CfFilter), filter.data(),
                                 filter.size());
        const std::string f = filter.data();
        int shown = 0;
        for (std::size_t k = 0; k < communes.size() && shown < 200; ++k) {
            const std::string item = communes[k].name + " (" + communes[k].insee + ")";
            if (!f.empty() && item.find(f) == std::string::npos) continue;
            ++shown;
            ImGui::PushID(static_cast<int>(k));
            if (ImGui::Selectable(item.c_str(), static_cast<int>(k) == commune)) {
                commune = static_cast<int>(k);
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

bool draw_change_form(const char* id, std::string& text, const Scenario* sc, bool triggered,
                      Lang lang) {
    ImGui::PushID(id);
    ChangeFields fields = split_change_text(text);
    bool changed = false;
    const KindSpec* spec = find_kind_spec(fields.kind);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo(tr(lang, Text::CfKind),
                          spec ? tr(lang, spec->label) : fields.kind.c_str())) {
        for (const KindSpec& k : change_kind_specs())
            if (ImGui::Selectable(tr(lang, k.label), spec == &k) && spec != &k) {
                text = default_change_text(k.kind, triggered);
                changed = true;
            }
        ImGui::EndCombo();
    }
    if (changed) {
        ImGui::PopID();
        return true;
    }
    if (spec) {
        for (const FieldSpec& f : spec->fields) {
            if (f.use == (triggered ? FieldUse::Scripted : FieldUse::Triggered)) continue;
            const std::string* v = fields.find(f.key);
            std::string value = v ? *v : std::string{};
            if (draw_field(f, value, sc, triggered, lang)) {
                fields.set(f.key, value);
                changed = true;
            }
            const std::string problem = field_problem(f, value, lang);
            if (!problem.empty()) {
                ImGui::SameLine();
                ImGui::TextColored(problem_colour, "%s", problem.c_str());
            }
        }
    }
    if (changed) text = join_change_text(fields);
    ImGui::PopID();
    return changed;
}

} // namespace riposte::gui
