// display_name on a group, role, profession and centre: the loader reads it, the human outputs
// show it instead of the identifier (or the string table's words), the files keep identifiers.
#include "cli_process.hpp"
#include "riposte/output.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/simulation.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace riposte;

namespace {

const fs::path tiny = fs::path(RIPOSTE_SCENARIO_DIR) / "tests" / "tiny";

std::string read(const fs::path& p) {
    return riposte::test::read_text(p);
}

/// `text` with `what` replaced by `with` (once; the test fails if `what` is absent).
std::string replaced(std::string text, const std::string& what, const std::string& with) {
    const std::size_t at = text.find(what);
    REQUIRE_MESSAGE(at != std::string::npos, what);
    return text.replace(at, what.size(), with);
}

std::string diagnostics(const LoadResult& r) {
    std::string out;
    for (const Diagnostic& d : r.diagnostics.items()) out += format_diagnostic(d) + "\n";
    return out;
}

} // namespace

TEST_CASE("display_name: groups, roles, professions and centres are shown by their words") {
    std::string world = read(tiny / "world.toml");
    world = replaced(world, "name = \"75+\"\n",
                     "name = \"75+\"\ndisplay_name = \"Aînés (75 ans et +)\"\n");
    world += "\n[scope.role.injection]\ndisplay_name = \"vaccination (injection)\"\n"
             "allowed = [\"infirmier\", \"pharmacien\", \"sage_femme\", \"chirurgien_dentiste\",\n"
             "           \"masseur_kinesitherapeute\", \"medecin\"]\n"
             "supervised = [\"etudiant_sante\"]\n"
             "\n[scope.profession.medecin]\ndisplay_name = \"médecin généraliste\"\n";
    std::string plan = read(tiny / "plan.toml");
    plan = replaced(plan, "name = \"Gignac\"\n",
                    "name = \"Gignac\"\ndisplay_name = \"Gignac, salle polyvalente\"\n");
    const LoadResult loaded = load_scenario_text(world, "world.toml", plan, "plan.toml", tiny);
    REQUIRE_MESSAGE(loaded.scenario, diagnostics(loaded));
    CHECK_MESSAGE(!loaded.diagnostics.has_errors(), diagnostics(loaded));
    const Scenario& s = *loaded.scenario;
    CHECK(s.world.groups[0].display_name == "Aînés (75 ans et +)");
    CHECK(s.plan.centres[0].display_name == "Gignac, salle polyvalente");

    const Results r = run_replication(s, RunOptions{});
    const std::string text = format_summary(s, r, Language::French);
    CHECK(text.find("Aînés (75 ans et +)") != std::string::npos);
    CHECK(text.find("vaccination (injection)") != std::string::npos);
    CHECK(text.find("médecin généraliste") != std::string::npos);
    CHECK(text.find("Gignac, salle polyvalente") != std::string::npos);
    // without a display_name, the string table's words
    CHECK(text.find("entretien médical") != std::string::npos);
    // the files keep the identifiers, and summary.json says which words go with them
    CHECK(coverage_csv(s, r).find(",75+,") != std::string::npos);
    const std::string json = summary_json(s, r);
    CHECK(json.find("\"display_names\"") != std::string::npos);
    CHECK(json.find("\"75+\": \"Aînés (75 ans et +)\"") != std::string::npos);
}

TEST_CASE("display_name: an unknown [scope.profession.X] is an error at its line") {
    std::string world = read(tiny / "world.toml");
    world += "\n[scope.profession.medicin]\ndisplay_name = \"médecin\"\n";
    const LoadResult loaded =
        load_scenario_text(world, "world.toml", read(tiny / "plan.toml"), "plan.toml", tiny);
    const std::string all = diagnostics(loaded);
    CHECK(loaded.diagnostics.has_errors());
    CHECK_MESSAGE(all.find("[scope.profession.medicin] is not one of the professions") !=
                      std::string::npos,
                  all);
    CHECK(all.find("did you mean 'medecin'") != std::string::npos);
}

TEST_CASE("display_name: a scenario without display names writes no display_names key") {
    const LoadResult loaded = load_scenario(tiny / "world.toml", tiny / "plan.toml");
    REQUIRE(loaded.scenario);
    const Results r = run_replication(*loaded.scenario, RunOptions{});
    CHECK(summary_json(*loaded.scenario, r).find("display_names") == std::string::npos);
}
