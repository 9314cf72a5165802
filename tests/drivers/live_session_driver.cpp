// A headless live session for the kill-and-resume test (issue 8 §5): it applies a fixed list of
// decisions through the API at their times, journaling each before it takes effect, then
// writes the run's outputs. Run again on the same journal after a crash, it resumes: rebuilds
// the run from the journal and goes on with the decisions not journaled yet.
//
//   riposte_live_driver JOURNAL OUTPUT [PAUSE_MS]
//
// PAUSE_MS sleeps after each decision, so that a kill lands in the middle of the session.
#include "riposte/output.hpp"
#include "riposte/scenario_loader.hpp"
#include "riposte/session.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

using namespace riposte;

namespace {

SimTime at(int day, int hour, int minute = 0) {
    return days(day) + hours(hour) + minutes(minute);
}

std::shared_ptr<const Exercise> exercise() {
    auto ex = std::make_shared<Exercise>();
    ScriptedInject fridge;
    fridge.id = "frigo-lodeve";
    fridge.at = at(6, 10);
    fridge.change = ColdChainFailure{CentreRef::named("Lodève")};
    fridge.text = "Panne du réfrigérateur à Lodève.";
    ex->injects.push_back(fridge);
    TriggeredInject queue;
    queue.id = "file-longue";
    queue.when.kind = Condition::Kind::QueueAbove;
    queue.when.threshold = 8;
    queue.when.for_time = minutes(30);
    queue.when.centre = CentreRef::all();
    queue.change = Message{"File d'attente longue"};
    queue.once = false;
    ex->triggers.push_back(queue);
    return ex;
}

struct Planned {
    SimTime when;
    Change change;
    const char* text;
};

std::vector<Planned> decisions() {
    return {
        {at(0, 8), AddLine{CentreRef::named("Gignac"), "injection", 1, at(0, 13), at(0, 17)},
         "un infirmier de plus à Gignac l'après-midi"},
        {at(1, 9), StationSlowed{CentreRef::named("Gignac"), "reception", 1.5, at(1, 12)},
         "panne du logiciel de réservation à l'accueil"},
        {at(1, 14), Message{"point de situation avec l'ARS"}, "point ARS"},
        {at(2, 7),
         ReallocateDoses{CentreRef::named("Clermont-l'Hérault"), CentreRef::named("Gignac"), 30},
         "30 doses de Clermont vers Gignac"},
        {at(3, 10), StaffIll{CentreRef::named("Lodève"), "infirmier", 1, 2}, "IDE malade"},
        {at(4, 0), CentreClosed{CentreRef::named("Gignac"), at(4, 12)}, "gymnase indisponible"},
        {at(5, 12), DemandSurge{CentreRef{CentreRef::By::Kind, "testing"}, 1.8, 2},
         "annonce dans la presse"},
        {at(7, 8),
         AddLine{CentreRef::named("Clermont-l'Hérault"), "injection", 1, at(7, 13), at(7, 17)},
         "renfort Clermont"},
        {at(8, 9), DeliveryLate{CentreRef::named("Gignac"), 2, 0.1}, "livraison en retard"},
        {at(9, 15), SetCentreOpen{CentreRef::named("Lodève"), false, at(10, 0)},
         "fermeture anticipée de Lodève"},
        {at(11, 6), ChangeBooking{12, 7}, "horizon de réservation à 7 jours"},
        {at(12, 11), Message{"fin de l'exercice de crise"}, "fin"},
    };
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: riposte_live_driver JOURNAL OUTPUT [PAUSE_MS]\n");
        return 2;
    }
    const std::filesystem::path journal = argv[1], output = argv[2];
    const int pause_ms = argc > 3 ? std::atoi(argv[3]) : 0;
    const LoadResult lr = load_scenario(default_world_file(), default_plan_file());
    if (!lr.scenario) return 2;
    SessionInputs in;
    in.scenario = std::make_shared<const Scenario>(*lr.scenario);
    in.exercise = exercise();
    in.seed = 11;
    in.world_file = default_world_file();
    in.plan_file = default_plan_file();
    std::string error;
    auto session = std::filesystem::exists(journal) ? LiveSession::resume(in, journal, &error)
                                                    : LiveSession::start(in, journal, &error);
    if (!session) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    std::size_t done = 0;
    for (const JournalEntry& e : session->journal_entries())
        if (e.source == EntrySource::Decision) ++done;
    const auto plan = decisions();
    for (std::size_t i = done; i < plan.size(); ++i) {
        session->advance_to(plan[i].when, &error);
        const auto d = session->decide(plan[i].change, EntrySource::Decision, "référent SSE",
                                       plan[i].text, &error);
        if (!d.journaled) {
            std::fprintf(stderr, "journal: %s\n", error.c_str());
            return 1;
        }
        if (pause_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
    }
    const Results r = session->finish(&error);
    std::string text = centre_day_csv(*in.scenario, r) + events_csv(*in.scenario, r);
    for (const AppliedChange& c : session->sim().changes())
        text += std::string(change_kind_name(c.change)) + " " + c.inject_id + " " +
                std::to_string(c.outcome.stamp.time.seconds()) + " " +
                std::to_string(c.outcome.stamp.ordinal) + " " +
                (c.outcome.applied() ? "applied" : "refused") + "\n";
    if (!write_file_atomic(output, text).ok()) return 1;
    return 0;
}
