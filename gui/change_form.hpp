#pragma once
// A change (an inject or a decision, intervention.hpp) edited through a structured form: one
// row of field descriptors per change kind (its keys as the exercise files write them, each with
// a widget type, a label and a unit), and the form's values kept as the TOML text of the change
// (`kind = "..."` then one `key = value` line per field), so that what the form builds is read
// back by the file reader itself, with its diagnostics. Adding a kind is one row in
// change_kind_specs() (and its label texts).
//
// Plain C++ (no ImGui): the exercise editor and the plan editor's escalation rules draw it with
// draw_change_form() (panel_change_form.cpp).
#include "i18n.hpp"

#include "riposte/scenario.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riposte::gui {

/// The widget a field is edited with.
enum class FieldType {
    Centre,     ///< a centre of the plan, "*" (every centre), the largest, the concerned one
    Station,    ///< a station name (free text, offered from the plan's stations)
    Role,       ///< a role of the world
    Profession, ///< a profession of the world
    Group,      ///< a group of the world
    Commune,    ///< a commune of the world (INSEE code), picked with a filter
    Communes,   ///< a list of communes
    Team,       ///< a mobile team of the plan
    FreeText,   ///< free text
    Int,        ///< a whole number
    Number,     ///< a decimal number
    DayTime,    ///< "J3 14:00"
    Duration,   ///< "4h", "2h30min", "3d"
    Bool,
};

/// Where a field is written: both forms, only a scripted inject's (absolute times), only a
/// trigger's or an escalation rule's (offsets from the firing).
enum class FieldUse { Both, Scripted, Triggered };

struct FieldSpec {
    const char* key;
    FieldType type;
    Text label;
    const char* unit = ""; ///< shown after the label: "min", "j", "%"...
    bool optional = false; ///< may be left empty (not written)
    FieldUse use = FieldUse::Both;
};

struct KindSpec {
    const char* kind; ///< change_kind_names[...]
    Text label;       ///< words for the kind
    std::vector<FieldSpec> fields;
};

/// One row per change kind, in change_kind_names order.
const std::vector<KindSpec>& change_kind_specs();
const KindSpec* find_kind_spec(std::string_view kind);

/// A change's TOML text split into its kind and its `key = value` lines (values as TOML text:
/// strings quoted, inline tables as written). Lines that do not read as `key = value` are kept
/// in `other` (the advanced text view shows them).
struct ChangeFields {
    std::string kind;
    std::vector<std::pair<std::string, std::string>> values;
    std::string other;
    [[nodiscard]] const std::string* find(std::string_view key) const;
    void set(std::string_view key, std::string value); ///< empty `value`: removes the key
};

ChangeFields split_change_text(std::string_view text);
/// `kind = "..."` then the values in the kind's field order (then any key it does not list).
std::string join_change_text(const ChangeFields& fields);

/// An inline table's `key = value` pairs ("{ queue_above = 40, centre = { largest = true } }")
/// and back.
ChangeFields split_inline_table(std::string_view text);
std::string join_inline_table(const ChangeFields& fields);

/// The text of a default change of `kind` (for a trigger: offsets), for the form when the kind
/// is switched. Empty for an unknown kind.
std::string default_change_text(std::string_view kind, bool triggered);

/// A TOML basic string's content ("\"Gignac\"" → Gignac); nullopt when `value` is not one.
std::optional<std::string> toml_unquote(std::string_view value);
/// "[\"34079\", \"34114\"]" ↔ "34079, 34114".
std::string communes_to_display(std::string_view value);
std::string communes_from_display(std::string_view text);

/// What the form's centre combo offers: display words and the TOML value, in order.
struct CentreChoice {
    std::string label;
    std::string value;
};
std::vector<CentreChoice> centre_choices(const Plan& plan, bool triggered, Lang lang);

/// A field's inline problem ("J3 25:00" does not read as a time...), empty when it reads.
std::string field_problem(const FieldSpec& spec, std::string_view value, Lang lang);

/// A commune of `world` picked from a combo with a filter box (by name or INSEE code); true
/// when `commune` changed (panel_change_form.cpp).
bool draw_commune_picker(const char* label, int& commune, const World& world, Lang lang);

/// The form (panel_change_form.cpp): kind combo then one widget per field of the kind, each
/// writing `text` (the change's TOML text). `triggered`: offsets (`for`) instead of absolute
/// times. `id` keeps ImGui ids apart. True when `text` changed this frame.
bool draw_change_form(const char* id, std::string& text, const Scenario* scenario, bool triggered,
                      Lang lang);

} // namespace riposte::gui
