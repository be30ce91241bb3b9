#include "plan/steering_view.h"

#include <algorithm>
#include <set>

namespace cradle::plan {
namespace {

void Count(const store::PlanAction& action, const records::Date& today, StatusCounts& counts) {
  counts.not_started += action.status == "not_started";
  counts.in_progress += action.status == "in_progress";
  counts.complete += action.status == "complete";
  counts.closed += action.status == "closed";
  counts.red += action.rag == "R";
  counts.amber += action.rag == "A";
  counts.green += action.rag == "G";
  counts.blue += action.rag == "B";
  counts.overdue += Overdue(action, today);
}

}  // namespace

bool Overdue(const store::PlanAction& action, const records::Date& today) {
  return action.due && *action.due < today && action.status != "complete" &&
         action.status != "closed";
}

Result<SteeringView> BuildSteeringView(store::Store& store, const records::Date& today,
                                       int min_count) {
  auto plans = store.Plan();
  CRADLE_ASSIGN_OR_RETURN(bool has_plan, plans->HasPlan());
  if (!has_plan) {
    return Status::NotFound("the store holds no action plan: load one with `cradle plan load`");
  }
  CRADLE_ASSIGN_OR_RETURN(store::Plan plan, plans->ReadPlan());
  SteeringView view;
  view.title = plan.title;
  view.today = today;
  CRADLE_ASSIGN_OR_RETURN(std::vector<MeasureSeries> measures, ComputeMeasures(store, min_count));
  for (MeasureSeries& series : measures) {
    view.measures.emplace(std::string(series.definition->id), std::move(series));
  }
  CRADLE_ASSIGN_OR_RETURN(auto updates, plans->ActionUpdates(""));
  for (store::ProgressEntry& update : updates) {
    view.latest_updates[update.subject_id] = std::move(update);  // oldest first: the last stays
  }
  for (const store::PlanTheme& theme : plan.themes) {
    ThemeView theme_view;
    theme_view.theme = theme;
    std::set<std::string> priority_ids, measure_ids;
    for (const store::PlanPriority& priority : plan.priorities) {
      if (priority.theme_id != theme.id) continue;
      theme_view.priorities.push_back(priority);
      priority_ids.insert(priority.id);
    }
    for (const store::PlanAction& action : plan.actions) {
      if (!priority_ids.count(action.priority_id)) continue;
      theme_view.actions.push_back(action);
      Count(action, today, theme_view.counts);
      Count(action, today, view.counts);
      measure_ids.insert(action.measures.begin(), action.measures.end());
    }
    for (const store::LogicModelNode& node : plan.logic_model) {
      if (priority_ids.count(node.priority_id)) {
        measure_ids.insert(node.measures.begin(), node.measures.end());
      }
    }
    for (const MeasureDefinition& definition : MeasureDefinitions()) {
      if (measure_ids.count(std::string(definition.id))) {
        theme_view.measures.emplace_back(definition.id);
      }
    }
    view.themes.push_back(std::move(theme_view));
  }
  CRADLE_ASSIGN_OR_RETURN(auto notes, plans->RecommendationNotes(""));
  for (const store::Recommendation& rec : plan.recommendations) {
    RecommendationView rec_view;
    rec_view.recommendation = rec;
    for (const store::PlanAction& action : plan.actions) {
      if (std::find(action.recommendations.begin(), action.recommendations.end(), rec.id) !=
          action.recommendations.end()) {
        rec_view.action_ids.push_back(action.id);
      }
    }
    for (const store::ProgressEntry& note : notes) {
      if (note.subject_id == rec.id) rec_view.latest_note = note;
    }
    view.recommendations.push_back(std::move(rec_view));
  }
  return view;
}

}  // namespace cradle::plan
