#pragma once
// Internal to sim/output: parts of summary.json shared by the one-replication summary
// (riposte-summary/1) and the summary of several replications (riposte-summary/2).
#include "output/json_writer.hpp"
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"

namespace riposte::output_detail {

/// "vaccination", "testing" or "both".
std::string_view centre_kind_name(CentreKind k);
/// "scenario": world, files, plan, territory, dates, days, communes, centres.
void write_scenario(JsonWriter& j, const Scenario& s);
/// "totals": the totals of one replication.
void write_totals(JsonWriter& j, const Scenario& s, const Totals& t);

} // namespace riposte::output_detail
