// The CDOP's recommendations with their progress, and the action plan's
// status by theme — from the plan held in the store, with the measures that
// would show their effect and whether each needle moves.
#include <algorithm>
#include <set>

#include "plan/plan_file.h"
#include "plan/plan_tables.h"
#include "report/sections.h"

namespace cradle::report {
namespace {

// The plan's table `title` (plan_tables.h) with only the `columns` a printed
// page has room for, in that order.
std::optional<charts::DataTable> PlanTable(const SectionInputs& in, const std::string& title,
                                           const std::vector<std::string>& columns) {
  auto plan = in.inputs.session->store().Plan()->ReadPlan();
  if (!plan.ok()) return std::nullopt;
  for (const charts::DataTable& table : plan::PlanTables(*in.plan, *plan, {})) {
    if (table.title != title) continue;
    std::vector<size_t> kept;
    for (const std::string& column : columns) {
      auto found = std::find(table.columns.begin(), table.columns.end(), column);
      if (found != table.columns.end()) kept.push_back(found - table.columns.begin());
    }
    charts::DataTable narrow{table.title, {}, {}, table.notes};
    for (size_t idx : kept) narrow.columns.push_back(table.columns[idx]);
    for (const auto& row : table.rows) {
      std::vector<charts::Cell> cells;
      for (size_t idx : kept) cells.push_back(row[idx]);
      narrow.rows.push_back(std::move(cells));
    }
    return narrow;
  }
  return std::nullopt;
}

std::string Counted(int count, const std::string& what) {
  return std::to_string(count) + " " + what;
}

// "3 in progress, 1 open"
std::string Tally(const std::map<std::string, int>& by_status) {
  std::string text;
  for (const auto& [status, count] : by_status) {
    text += (text.empty() ? "" : ", ") + std::to_string(count) + " " + status;
  }
  return text;
}

std::string NoPlan(const SectionInputs& in) {
  return "The store holds no action plan (" + in.plan_missing + ").";
}

}  // namespace

ReportSection RecommendationsSection(const SectionInputs& in) {
  ReportSection section;
  section.id = "recommendations";
  section.heading = "CDOP recommendations and their progress";
  if (!in.plan) {
    section.Say(Plain(NoPlan(in)));
    return section;
  }
  std::map<std::string, int> by_status;
  for (const plan::RecommendationView& view : in.plan->recommendations) {
    ++by_status[plan::StatusLabel(view.recommendation.status)];
  }
  Statement opening =
      Plain("The panel has made " + std::to_string(in.plan->recommendations.size()) +
            " recommendations that the plan answers: " + Tally(by_status) + ".");
  opening.key = true;
  section.Say(std::move(opening));
  std::set<std::string> measured;
  for (const plan::RecommendationView& view : in.plan->recommendations) {
    const store::Recommendation& rec = view.recommendation;
    std::string line =
        rec.id + " " + rec.title + " (to " + rec.addressed_to +
        "): " + plan::StatusLabel(rec.status) + "; answered by " +
        (view.action_ids.empty() ? std::string("no action yet")
                                 : Counted(static_cast<int>(view.action_ids.size()),
                                           view.action_ids.size() == 1 ? "action" : "actions"));
    if (view.latest_note) {
      line +=
          ". Latest progress (" + view.latest_note->on.ToString() + "): " + view.latest_note->text;
    }
    if (!line.ends_with(".")) line += ".";
    section.Say(Plain(line));
    for (const std::string& id : rec.measures) measured.insert(id);
  }
  for (const plan::MeasureDefinition& definition : plan::MeasureDefinitions()) {
    if (!measured.count(std::string(definition.id))) continue;
    auto found = in.measures.find(std::string(definition.id));
    if (found != in.measures.end()) {
      section.Say(MeasureTrendStatement(found->second, in.MinCount()));
    }
  }
  if (auto table = PlanTable(in, "Recommendations",
                             {"Recommendation", "Title", "Addressed to", "Notified on", "Status",
                              "Actions", "Latest note", "Note date"})) {
    section.Tabulate(std::move(*table));
  }
  return section;
}

ReportSection PlanSection(const SectionInputs& in) {
  ReportSection section;
  section.id = "plan";
  section.heading = "The action plan: status by theme";
  if (!in.plan) {
    section.Say(Plain(NoPlan(in)));
    return section;
  }
  const plan::StatusCounts& all = in.plan->counts;
  Statement opening = Plain(
      in.plan->title + ", on " + in.today.ToString() + ": of " +
      std::to_string(all.not_started + all.in_progress + all.complete + all.closed) + " actions, " +
      std::to_string(all.complete) + " complete, " + std::to_string(all.in_progress) +
      " in progress and " + std::to_string(all.not_started) + " not started" +
      (all.closed ? ", " + std::to_string(all.closed) + " closed" : "") + "; " +
      std::to_string(all.red) + " rated red, " + std::to_string(all.amber) + " amber, " +
      std::to_string(all.green) + " green; " + std::to_string(all.overdue) +
      " past their due date.");
  opening.key = true;
  section.Say(std::move(opening));
  for (const plan::ThemeView& theme : in.plan->themes) {
    const plan::StatusCounts& c = theme.counts;
    section.Begin(theme.theme.name);
    std::string outcome = theme.theme.outcome;
    if (!outcome.ends_with(".")) outcome += ".";
    std::string line = "Outcome: " + outcome + " " + std::to_string(theme.actions.size()) +
                       " actions: " + std::to_string(c.complete) + " complete, " +
                       std::to_string(c.in_progress) + " in progress, " +
                       std::to_string(c.not_started) + " not started; RAG " +
                       std::to_string(c.red) + " red, " + std::to_string(c.amber) + " amber, " +
                       std::to_string(c.green) + " green, " + std::to_string(c.blue) + " blue";
    if (c.overdue) line += "; " + std::to_string(c.overdue) + " overdue";
    section.Say(Plain(line + "."));
    for (const std::string& id : theme.measures) {
      auto found = in.measures.find(id);
      if (found == in.measures.end()) continue;
      section.Say(MeasureTrendStatement(found->second, in.MinCount()));
    }
  }
  section.Begin("Every action");
  if (auto table = PlanTable(in, "Actions",
                             {"Action", "Theme", "Title", "Owner", "Due", "Status", "RAG",
                              "Overdue", "Last update"})) {
    section.Tabulate(std::move(*table));
  }
  return section;
}

}  // namespace cradle::report
