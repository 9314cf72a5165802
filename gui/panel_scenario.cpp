// The "Scenario" panel: what was loaded (files, territory, centres, pool) or why it was not.
#include "fit.hpp"
#include "panels.hpp"

#include "riposte/output.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <string>

namespace riposte::gui {
namespace {

const ImVec4 error_colour{1.0f, 0.42f, 0.38f, 1.0f};
const ImVec4 warning_colour{1.0f, 0.8f, 0.35f, 1.0f};

std::string hhmm(SimTime t) {
    return clock_hhmm(t.seconds());
}

const char* kind_text(Lang lang, CentreKind kind) {
    switch (kind) {
    case CentreKind::Vaccination:
        return tr(lang, Text::KindVaccination);
    case CentreKind::Testing:
        return tr(lang, Text::KindTesting);
    case CentreKind::Both:
        return tr(lang, Text::KindBoth);
    }
    return "?";
}

/// One "label | value" row of a two-column table.
void value_row(const char* label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    wrapped(label); // a long label wraps in its column, the value keeps its width
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value.c_str());
}

void draw_diagnostics(const std::vector<Diagnostic>& diagnostics, Severity which, Lang lang) {
    for (const Diagnostic& d : diagnostics) {
        if (d.severity != which) continue;
        ImGui::PushStyleColor(ImGuiCol_Text,
                              which == Severity::Error ? error_colour : warning_colour);
        ImGui::TextWrapped("%s", format_diagnostic(d, language_of(lang)).c_str());
        ImGui::PopStyleColor();
    }
}

void draw_summary(const Scenario& s, Lang lang) {
    const auto& communes = s.world.territory.communes;
    const std::int64_t population =
        std::accumulate(communes.begin(), communes.end(), std::int64_t{0},
                        [](std::int64_t acc, const Commune& c) { return acc + c.population; });
    std::int64_t people = 0;
    for (const PoolEntry& p : s.world.pool) people += p.count;
    int vacc = 0, test = 0, both = 0;
    for (const Centre& c : s.plan.centres) {
        if (c.kind == CentreKind::Vaccination)
            ++vacc;
        else if (c.kind == CentreKind::Testing)
            ++test;
        else
            ++both;
    }
    std::int64_t doses = 0;
    for (const Delivery& d : s.world.deliveries) doses += d.doses;

    if (!ImGui::BeginTable("summary", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV))
        return;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed);
    value_row(tr(lang, Text::StartDate), s.world.start_date);
    value_row(tr(lang, Text::Days), format_count(lang, s.world.days));
    value_row(tr(lang, Text::Communes),
              format_count(lang, static_cast<std::int64_t>(communes.size())));
    value_row(tr(lang, Text::Population), format_count(lang, population));
    value_row(tr(lang, Text::Roads),
              format_count(lang, static_cast<std::int64_t>(s.world.territory.edges.size())));
    value_row(tr(lang, Text::Centres),
              format_count(lang, static_cast<std::int64_t>(s.plan.centres.size())));
    // Centres by kind, indented under the total; kinds absent from the plan are not listed.
    const std::string indent = "    ";
    if (vacc > 0)
        value_row((indent + tr(lang, Text::KindVaccination)).c_str(), format_count(lang, vacc));
    if (test > 0)
        value_row((indent + tr(lang, Text::KindTesting)).c_str(), format_count(lang, test));
    if (both > 0) value_row((indent + tr(lang, Text::KindBoth)).c_str(), format_count(lang, both));
    value_row(tr(lang, Text::Pool), format_count(lang, people));
    value_row(tr(lang, Text::PoolEntries),
              format_count(lang, static_cast<std::int64_t>(s.world.pool.size())));
    value_row(tr(lang, Text::PopulationGroups),
              format_count(lang, static_cast<std::int64_t>(s.world.groups.size())));
    value_row(tr(lang, Text::Deliveries),
              format_count(lang, doses) + " " + tr(lang, Text::DosesUnit));
    ImGui::EndTable();
}

void sort_communes(const Scenario& s, UiState& ui, const ImGuiTableSortSpecs* specs) {
    const auto& communes = s.world.territory.communes;
    if (ui.commune_order.size() != communes.size()) {
        ui.commune_order.resize(communes.size());
        std::iota(ui.commune_order.begin(), ui.commune_order.end(), 0);
    }
    if (specs == nullptr || specs->SpecsCount == 0) return;
    const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
    const bool ascending = spec.SortDirection == ImGuiSortDirection_Ascending;
    const auto column = spec.ColumnUserID;
    std::stable_sort(ui.commune_order.begin(), ui.commune_order.end(), [&](int ia, int ib) {
        const Commune& a = communes[static_cast<std::size_t>(ia)];
        const Commune& b = communes[static_cast<std::size_t>(ib)];
        int cmp = 0;
        if (column == 0)
            cmp = a.name.compare(b.name);
        else if (column == 1)
            cmp = a.insee.compare(b.insee);
        else
            cmp = a.population < b.population ? -1 : (a.population > b.population ? 1 : 0);
        return ascending ? cmp < 0 : cmp > 0;
    });
}

void draw_communes(const Scenario& s, UiState& ui) {
    const Lang lang = ui.lang;
    const ImGuiTableFlags flags =
        fit_table_flags | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable;
    const float height = ImGui::GetTextLineHeightWithSpacing() * 10;
    if (!ImGui::BeginTable("communes", 3, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(lang, Text::Name), ImGuiTableColumnFlags_None, 0.0f, 0);
    ImGui::TableSetupColumn(tr(lang, Text::Insee), ImGuiTableColumnFlags_None, 0.0f, 1);
    ImGui::TableSetupColumn(
        tr(lang, Text::Population),
        ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending, 0.0f, 2);
    ImGui::TableHeadersRow();
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    const bool order_stale = ui.commune_order.size() != s.world.territory.communes.size();
    if (order_stale || (specs != nullptr && specs->SpecsDirty)) {
        sort_communes(s, ui, specs);
        if (specs != nullptr) specs->SpecsDirty = false;
    }
    ImGuiListClipper clipper; // only the visible rows are laid out
    clipper.Begin(static_cast<int>(ui.commune_order.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const int i = ui.commune_order[static_cast<std::size_t>(row)];
            const Commune& c = s.world.territory.communes[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            if (i == ui.hovered_commune)
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1,
                                       ImGui::GetColorU32(ImGuiCol_HeaderHovered));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.insee.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_count(lang, c.population).c_str());
        }
    }
    ImGui::EndTable();
}

void draw_centres(const Scenario& s, Lang lang) {
    const ImGuiTableFlags flags = fit_table_flags | ImGuiTableFlags_ScrollY;
    const int rows = static_cast<int>(std::min<std::size_t>(s.plan.centres.size(), 8));
    if (!ImGui::BeginTable("centres", 3, flags, ImVec2(0, fit_table_height(rows)))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(lang, Text::Name));
    ImGui::TableSetupColumn(tr(lang, Text::Commune));
    ImGui::TableSetupColumn(tr(lang, Text::Hours));
    ImGui::TableHeadersRow();
    const auto& communes = s.world.territory.communes;
    for (const Centre& c : s.plan.centres) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const Rgba col = centre_colour(c.kind);
        ImGui::TextColored(ImVec4(col[0] / 255.0f, col[1] / 255.0f, col[2] / 255.0f, 1.0f),
                           "\xE2\x96\xA0"); // ■, the map's marker colour
        ImGui::SameLine();
        ImGui::TextUnformatted(c.name.c_str());
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(c.name.c_str());
            ImGui::TextUnformatted(kind_text(lang, c.kind));
            ImGui::Text(label_value_format(lang), tr(lang, Text::Stations),
                        std::to_string(c.stations.size()).c_str());
            ImGui::EndTooltip();
        }
        ImGui::TableNextColumn();
        const bool known = c.commune >= 0 && static_cast<std::size_t>(c.commune) < communes.size();
        ImGui::TextUnformatted(known ? communes[static_cast<std::size_t>(c.commune)].name.c_str()
                                     : "?");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((hhmm(c.opens) + "\xE2\x80\x93" + hhmm(c.closes)).c_str());
    }
    ImGui::EndTable();
}

void draw_pool(const Scenario& s, Lang lang) {
    const auto& professions = s.world.professions;
    std::vector<std::int64_t> people(professions.size(), 0);
    std::vector<double> hours(professions.size(), 0.0);
    for (const PoolEntry& p : s.world.pool) {
        if (!p.profession.valid() || p.profession.index() >= professions.size()) continue;
        people[p.profession.index()] += p.count;
        hours[p.profession.index()] += p.count * p.weekly_hours;
    }
    const int rows = static_cast<int>(
        std::count_if(people.begin(), people.end(), [](std::int64_t n) { return n != 0; }));
    if (!ImGui::BeginTable("pool", 3, fit_table_flags, ImVec2(0, fit_table_height(rows)))) return;
    ImGui::TableSetupColumn(tr(lang, Text::Profession));
    ImGui::TableSetupColumn(tr(lang, Text::People));
    ImGui::TableSetupColumn(tr(lang, Text::HoursPerWeek));
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < professions.size(); ++i) {
        if (people[i] == 0) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        // in words ("sage-femme"), or the scenario's display_name
        ImGui::TextUnformatted(profession_words(s, static_cast<int>(i), language_of(lang)).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_count(lang, people[i]).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_decimal(lang, hours[i], 0).c_str());
    }
    ImGui::EndTable();
}

} // namespace

std::vector<std::string> group_words_of(const Scenario& scenario, Lang lang) {
    std::vector<std::string> out;
    for (std::size_t g = 0; g < scenario.world.groups.size(); ++g)
        out.push_back(group_words(scenario, static_cast<int>(g), language_of(lang)));
    return out;
}

std::vector<std::string> profession_words_of(const Scenario& scenario, Lang lang) {
    std::vector<std::string> out;
    for (std::size_t p = 0; p < scenario.world.professions.size(); ++p)
        out.push_back(profession_words(scenario, static_cast<int>(p), language_of(lang)));
    return out;
}

std::vector<std::string> role_words_of(const Scenario& scenario, Lang lang) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < scenario.world.roles.size(); ++r)
        out.push_back(role_words(scenario, static_cast<int>(r), language_of(lang)));
    return out;
}

void draw_scenario_panel(const Snapshot& snapshot, UiState& ui, Commands& /*commands*/) {
    const Lang lang = ui.lang;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float top = menu_bar_height(ui) + panel_margin;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + panel_margin, top), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(
        ImVec2(side_panel_width(ui, vp->Size.x), vp->Size.y - top - panel_margin),
        ImGuiCond_FirstUseEver);
    const std::string title = window_title(lang, Text::PanelScenario, "scenario");
    if (!ImGui::Begin(title.c_str(), &ui.show_scenario)) {
        ImGui::End();
        return;
    }
    const LoadedScenario& loaded = *snapshot.loaded;
    ImGui::TextDisabled("%s", tr(lang, Text::WorldFile));
    ImGui::TextWrapped("%s", loaded.world_file.string().c_str());
    ImGui::TextDisabled("%s", tr(lang, Text::PlanFile));
    ImGui::TextWrapped("%s", loaded.plan_file.string().c_str());
    ImGui::Separator();

    if (!loaded.scenario) {
        ImGui::TextColored(error_colour, "%s", tr(lang, Text::LoadFailed));
        draw_diagnostics(loaded.diagnostics, Severity::Error, lang);
        draw_diagnostics(loaded.diagnostics, Severity::Warning, lang);
        ImGui::End();
        return;
    }
    const Scenario& s = *loaded.scenario;
    const char* fmt = label_value_format(lang);
    ImGui::TextWrapped(fmt, tr(lang, Text::World), s.world.name.c_str());
    ImGui::TextWrapped(fmt, tr(lang, Text::Plan), s.plan.name.c_str());
    draw_summary(s, lang);

    const bool has_warnings =
        std::any_of(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::Warning; });
    if (has_warnings) {
        const std::string header = std::string{tr(lang, Text::LoadWarnings)} + "###warnings";
        if (ImGui::CollapsingHeader(header.c_str()))
            draw_diagnostics(loaded.diagnostics, Severity::Warning, lang);
    }
    const std::string centres_header = std::string{tr(lang, Text::Centres)} + "###centres";
    if (ImGui::CollapsingHeader(centres_header.c_str(), ImGuiTreeNodeFlags_DefaultOpen))
        draw_centres(s, lang);
    const std::string communes_header = std::string{tr(lang, Text::Communes)} + "###communes";
    if (ImGui::CollapsingHeader(communes_header.c_str(), ImGuiTreeNodeFlags_DefaultOpen))
        draw_communes(s, ui);
    const std::string pool_header = std::string{tr(lang, Text::Pool)} + "###pool";
    if (ImGui::CollapsingHeader(pool_header.c_str())) draw_pool(s, lang);
    ImGui::End();
}

} // namespace riposte::gui
