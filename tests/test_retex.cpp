// The RETEX's "before and after each decision" table, on a journal and queue samples made by
// hand so that the expected figures are known.
#include "riposte/retex.hpp"

#include "riposte/scenario_loader.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace riposte;

TEST_CASE("retex: the queue in the 3 hours before and after a decision, all centres together") {
    const LoadResult loaded = load_scenario(default_world_file(), default_plan_file());
    REQUIRE(loaded.scenario);
    const Scenario& sc = *loaded.scenario;
    Results r;
    // two centres sampled every 15 min on day 1 from 08:00: 10 + 0 people queued before 12:00,
    // 2 + 1 from 12:00; one sample at 15:15 (outside both windows) holds 100
    const SimTime noon = days(1) + hours(12);
    for (SimTime t = days(1) + hours(8); t < days(1) + hours(16); t += minutes(15)) {
        const bool after = t >= noon;
        const int big = t == days(1) + hours(15) + minutes(15) ? 100 : 0;
        r.queue.push_back({0, t, after ? 2 + big : 10, 0});
        r.queue.push_back({1, t, after ? 1 : 0, 0});
    }
    r.queue.push_back({0, days(1) + hours(9), 30, 0}); // a second sample at 09:00: max 40
    Journal j;
    j.file = "seance.journal.toml";
    JournalEntry d;
    d.ordinal = 1;
    d.source = EntrySource::Decision;
    d.stamp.time = noon;
    d.change = AddLine{CentreRef::named("Gignac"), "injection", 1, noon, noon + hours(4), false};
    d.author = "référent SSE";
    d.text = "ligne de renfort";
    j.entries.push_back(d);
    JournalEntry m = d; // a message changes nothing: not in the table
    m.ordinal = 2;
    m.change = Message{"appeler le maire"};
    m.text = "appel au maire";
    j.entries.push_back(m);
    RetexInputs in;
    in.scenario = &sc;
    in.journal = &j;
    in.results = &r;
    const std::string html = retex_html(in);
    const auto at = html.find("<h2 id=\"avant-apres\">Avant et après chaque décision</h2>");
    REQUIRE(at != std::string::npos);
    const std::string section = html.substr(at, html.find("</table>", at) - at);
    // before: 09:00-11:45, 12 sample times of 10 people, 09:00 also 30 more: mean 150/12
    // = 12,5, max 40; after: 12:00-14:45, 12 sample times of 3 people: mean 3, max 3 (15:00
    // and the 100 of 15:15 are outside the window)
    CHECK(section.find("ligne de renfort (J1 12:00, référent SSE)") != std::string::npos);
    CHECK(section.find("<td class=\"n\">12,5</td><td class=\"n\">3</td><td class=\"n\">40</td>"
                       "<td class=\"n\">3</td>") != std::string::npos);
    CHECK(section.find("appel au maire") == std::string::npos);
}
