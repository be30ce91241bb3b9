#include "plan/plan_tables.h"

#include <cstdio>

#include "plan/plan_file.h"

namespace cradle::plan {
namespace {

using charts::Cell;
using charts::DataTable;

Cell Number(int64_t value) { return Cell(std::to_string(value), static_cast<double>(value)); }

Cell Decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return Cell(text, value);
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

std::string DateText(const std::optional<records::Date>& date) {
  return date ? date->ToString() : "";
}

const std::string kExampleNote =
    "The bundled plan is example content (data/plan/leicester.json): replace it with the "
    "steering group's own.";

}  // namespace

std::string ShownValue(const std::optional<stats::Estimate>& value) {
  if (!value) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value->value);
  return text;
}

std::vector<DataTable> PlanTables(const SteeringView& view, const store::Plan& plan,
                                  const std::vector<store::ProgressEntry>& updates) {
  std::vector<DataTable> tables;

  DataTable themes{"Themes",
                   {"Theme", "Outcome", "Actions", "Not started", "In progress", "Complete",
                    "Closed", "Red", "Amber", "Green", "Blue", "Overdue"},
                   {},
                   {view.title + ", on " + view.today.ToString(), kExampleNote}};
  for (const ThemeView& theme : view.themes) {
    const StatusCounts& c = theme.counts;
    themes.rows.push_back(
        {theme.theme.name, theme.theme.outcome, Number(static_cast<int64_t>(theme.actions.size())),
         Number(c.not_started), Number(c.in_progress), Number(c.complete), Number(c.closed),
         Number(c.red), Number(c.amber), Number(c.green), Number(c.blue), Number(c.overdue)});
  }
  tables.push_back(std::move(themes));

  DataTable actions{
      "Actions",
      {"Action", "Theme", "Priority", "Title", "Owner", "Lead organisation", "Due", "Status", "RAG",
       "RAG rating", "Reason", "Overdue", "Last update", "Recommendations", "Factors", "Measures"},
      {},
      {"RAG: R red, A amber, G green, B blue (complete); the letter is given as "
       "well as the colour.",
       kExampleNote}};
  for (const ThemeView& theme : view.themes) {
    for (const store::PlanAction& action : theme.actions) {
      std::string priority_title;
      for (const store::PlanPriority& priority : theme.priorities) {
        if (priority.id == action.priority_id) priority_title = priority.id + " " + priority.title;
      }
      auto latest = view.latest_updates.find(action.id);
      actions.rows.push_back(
          {action.id, theme.theme.name, priority_title, action.title, action.owner,
           action.lead_organisation, DateText(action.due), StatusLabel(action.status), action.rag,
           RagName(action.rag), action.rag_reason, Overdue(action, view.today) ? "yes" : "no",
           latest == view.latest_updates.end() ? "" : latest->second.on.ToString(),
           Joined(action.recommendations), Joined(action.factor_codes), Joined(action.measures)});
    }
  }
  tables.push_back(std::move(actions));

  DataTable log{"Action updates",
                {"Action", "Date", "By", "RAG", "Status", "Update", "Recorded (UTC)"},
                {},
                {"Append-only: an update is never edited or removed."}};
  for (const store::ProgressEntry& update : updates) {
    log.rows.push_back(
        {update.subject_id, update.on.ToString(), update.author, update.rag,
         StatusLabel(update.status), update.text,
         records::Date::FromDays(static_cast<int>(update.recorded_at / 86400)).ToString()});
  }
  tables.push_back(std::move(log));

  DataTable recs{"Recommendations",
                 {"Recommendation", "Title", "Text", "Owner", "Addressed to", "Notified on",
                  "Status", "Actions", "Factors", "Measures", "Latest note", "Note date"},
                 {},
                 {"The CDOP's recommendations and the actions that answer them."}};
  for (const RecommendationView& rec_view : view.recommendations) {
    const store::Recommendation& rec = rec_view.recommendation;
    recs.rows.push_back(
        {rec.id, rec.title, rec.text, rec.owner, rec.addressed_to, DateText(rec.notified_on),
         StatusLabel(rec.status), Joined(rec_view.action_ids), Joined(rec.factor_codes),
         Joined(rec.measures), rec_view.latest_note ? rec_view.latest_note->text : "",
         rec_view.latest_note ? rec_view.latest_note->on.ToString() : ""});
  }
  tables.push_back(std::move(recs));

  DataTable measures{
      "Measures",
      {"Measure", "Unit", "Period", "Count", "Denominator", "Value", "Lower CI 95.0 limit",
       "Upper CI 95.0 limit", "Is the needle moving?", "Source"},
      {},
      {"Percentages with Wilson 95% intervals; the infant mortality rate with "
       "exact (under 10 deaths) or Byar intervals. The needle: Fingertips' "
       "recent-trend test on the five latest periods, read with the measure's "
       "polarity. * a count too small to show, and its value."}};
  bool synthetic = false;
  for (const MeasureDefinition& definition : MeasureDefinitions()) {
    const MeasureSeries& series = view.measures.at(std::string(definition.id));
    synthetic = synthetic || series.synthetic;
    if (series.points.empty()) {
      measures.rows.push_back({std::string(definition.name), std::string(definition.unit), "", "",
                               "", "", "", "", series.needle, std::string(definition.source)});
    }
    for (const MeasurePoint& point : series.points) {
      const bool has_value = point.value.has_value();
      measures.rows.push_back({std::string(definition.name), std::string(definition.unit),
                               point.period, point.hidden ? Cell("*") : Number(point.count),
                               point.denominator > 0 ? Number(point.denominator) : Cell(""),
                               has_value ? Decimal(point.value->value) : Cell(""),
                               has_value ? Decimal(point.value->ci.lower) : Cell(""),
                               has_value ? Decimal(point.value->ci.upper) : Cell(""), series.needle,
                               std::string(definition.source)});
    }
  }
  if (synthetic) {
    measures.notes.push_back("Made from synthetic records and reviews: not real people.");
  }
  tables.push_back(std::move(measures));

  DataTable models{"Logic models",
                   {"Priority", "Stage", "Box", "Leads to", "Measures"},
                   {},
                   {"Inputs, activities, outputs, outcomes (short, medium, long term) and impact "
                    "(DOMAIN.md section 5)."}};
  for (const store::LogicModelNode& node : plan.logic_model) {
    models.rows.push_back({node.priority_id, StageLabel(node.stage), node.text,
                           Joined(node.contributes_to), Joined(node.measures)});
  }
  tables.push_back(std::move(models));
  return tables;
}

}  // namespace cradle::plan
