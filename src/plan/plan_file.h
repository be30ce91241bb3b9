// The action plan as a file (data/plan/leicester.json, docs/plan.md): themes,
// working groups, priorities, recommendations, actions and the logic model,
// each part checked against the others — every reference names a part that
// exists, every factor code and measure is known, logic-model arrows run from
// an earlier stage to a later one, a status and RAG agree (blue only for a
// complete action). A bad file is refused with its JSON path, e.g.
// "leicester.json: actions[3].priority: 'P9' is not a priority id".
#pragma once

#include <algorithm>
#include <string>

#include "base/result.h"
#include "store/plan_store.h"

namespace cradle::plan {

// The bundled plan under `data_dir`.
std::string BundledPlanPath(const std::string& data_dir);

Result<store::Plan> ReadPlanFile(const std::string& path);

// The same checks on a plan already in memory; `file` prefixes the messages.
Status CheckPlan(const store::Plan& plan, const std::string& file);

inline constexpr const char* kActionStatuses[] = {"not_started", "in_progress", "complete",
                                                  "closed"};
inline constexpr const char* kRecommendationStatuses[] = {"open", "in_progress", "implemented",
                                                          "closed"};
inline constexpr const char* kRags[] = {"R", "A", "G", "B"};
inline constexpr const char* kStages[] = {
    "input", "activity", "output", "outcome_short", "outcome_medium", "outcome_long", "impact"};

// Whether `value` is one of the code list `allowed` (a status, a RAG, a stage).
template <size_t N>
bool OneOf(const std::string& value, const char* const (&allowed)[N]) {
  return std::find(std::begin(allowed), std::end(allowed), value) != std::end(allowed);
}

// "Red", "Amber", "Green", "Blue (complete)".
std::string RagName(std::string_view rag);
// "Inputs", "Activities", ..., "Short-term outcomes", ..., "Impact".
std::string StageLabel(std::string_view stage);
// "not started", "in progress", ...: the status with spaces.
std::string StatusLabel(std::string_view status);

}  // namespace cradle::plan
