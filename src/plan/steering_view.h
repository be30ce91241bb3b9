// What the steering group and the scrutiny commission look at: per theme,
// its outcome statement, how many actions are not started, in progress,
// complete or closed, the RAG of those still open (letter and colour, DOMAIN.md
// §5), the actions past their due date, and the measures its priorities'
// logic models and actions name, each with whether its needle moves; then
// the CDOP recommendations with their status and latest progress note.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "plan/measures.h"
#include "records/date.h"
#include "store/store.h"

namespace cradle::plan {

struct StatusCounts {
  int not_started = 0, in_progress = 0, complete = 0, closed = 0;
  int red = 0, amber = 0, green = 0, blue = 0;  // every action's current RAG
  int overdue = 0;                              // due before today and not complete or closed
};

struct ThemeView {
  store::PlanTheme theme;
  std::vector<store::PlanPriority> priorities;
  std::vector<store::PlanAction> actions;  // in plan order
  StatusCounts counts;
  std::vector<std::string> measures;  // ids, in MeasureDefinitions() order
};

struct RecommendationView {
  store::Recommendation recommendation;
  std::vector<std::string> action_ids;  // actions that cite it
  std::optional<store::ProgressEntry> latest_note;
};

struct SteeringView {
  std::string title;
  records::Date today;
  std::vector<ThemeView> themes;
  StatusCounts counts;  // every action
  std::vector<RecommendationView> recommendations;
  std::map<std::string, MeasureSeries> measures;               // by id
  std::map<std::string, store::ProgressEntry> latest_updates;  // by action id
};

// NotFound (with what to run) when the store holds no plan. The measures'
// counts from 1 to `min_count` - 1 are hidden (ComputeMeasures).
Result<SteeringView> BuildSteeringView(store::Store& store, const records::Date& today,
                                       int min_count);

// True for an action past its due date that is not complete or closed.
bool Overdue(const store::PlanAction& action, const records::Date& today);

}  // namespace cradle::plan
