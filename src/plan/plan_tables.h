// The plan as tables, one per sheet of the steering group's workbook (and
// the data behind the web pages): themes with their counts, actions with
// their current RAG, the updates log, recommendations, the measures with
// whether the needle moves, and the logic models. Each table carries its
// notes (example content, synthetic records) so they travel with the data.
#pragma once

#include <vector>

#include "charts/data_table.h"
#include "plan/steering_view.h"

namespace cradle::plan {

// `updates`: every action update, oldest first.
std::vector<charts::DataTable> PlanTables(const SteeringView& view, const store::Plan& plan,
                                          const std::vector<store::ProgressEntry>& updates);

// A value as the tables show it: one decimal, "-" when there is none.
std::string ShownValue(const std::optional<stats::Estimate>& value);

}  // namespace cradle::plan
