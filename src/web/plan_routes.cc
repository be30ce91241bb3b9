#include "web/plan_routes.h"

#include <kainjow/mustache.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "accounts/user.h"
#include "base/strings.h"
#include "plan/plan_file.h"
#include "plan/plan_tables.h"
#include "plan/progress.h"
#include "plan/steering_view.h"
#include "web/app.h"
#include "web/downloads.h"

namespace cradle::web {

namespace mustache = kainjow::mustache;

struct PlanRoutes::Templates {
  std::unique_ptr<mustache::mustache> overview, priority, action, recommendation;
};

namespace {

constexpr std::string_view kActions = "/plan/actions/";
constexpr std::string_view kPriorities = "/plan/priorities/";
constexpr std::string_view kRecommendations = "/plan/recommendations/";

using report::ListData;

std::string Tail(std::string_view path, std::string_view prefix) {
  return std::string(path.substr(prefix.size()));
}

mustache::data CountsData(const plan::StatusCounts& c) {
  mustache::data data;
  data.set("not_started", std::to_string(c.not_started));
  data.set("in_progress", std::to_string(c.in_progress));
  data.set("complete", std::to_string(c.complete));
  data.set("closed", std::to_string(c.closed));
  data.set("red", std::to_string(c.red));
  data.set("amber", std::to_string(c.amber));
  data.set("green", std::to_string(c.green));
  data.set("blue", std::to_string(c.blue));
  data.set("overdue", std::to_string(c.overdue));
  data.set("has_overdue", c.overdue > 0);
  return data;
}

mustache::data ActionData(const store::PlanAction& action, const records::Date& today) {
  mustache::data data;
  data.set("id", action.id);
  data.set("title", action.title);
  data.set("rag", action.rag);
  data.set("rag_name", plan::RagName(action.rag));
  data.set("status", plan::StatusLabel(action.status));
  data.set("due", action.due ? action.due->ToString() : "");
  data.set("overdue", plan::Overdue(action, today));
  data.set("owner", action.owner + ", " + action.lead_organisation);
  data.set("reason", action.rag_reason);
  return data;
}

mustache::data MeasureData(const plan::MeasureSeries& series) {
  mustache::data data;
  data.set("id", std::string(series.definition->id));
  data.set("name", std::string(series.definition->name));
  data.set("needle", series.needle);
  data.set("synthetic", series.synthetic);
  data.set("source", std::string(series.definition->source));
  if (!series.points.empty()) {
    const plan::MeasurePoint& latest = series.points.back();
    data.set("period", latest.period);
    data.set("value", latest.hidden  ? std::string("*")
                      : latest.value ? plan::ShownValue(latest.value) + " " +
                                           std::string(series.definition->unit)
                                     : std::to_string(latest.count));
    if (latest.value) {
      stats::Estimate lower = *latest.value, upper = *latest.value;
      lower.value = latest.value->ci.lower;
      upper.value = latest.value->ci.upper;
      data.set("ci", plan::ShownValue(lower) + " to " + plan::ShownValue(upper));
    }
  }
  return data;
}

template <size_t N>
mustache::data Choices(const char* const (&values)[N], const std::string& chosen,
                       std::string (*label)(std::string_view)) {
  mustache::data list = ListData();
  for (const char* value : values) {
    mustache::data option;
    option.set("value", value);
    option.set("label", label(value));
    option.set("selected", chosen == value);
    list.push_back(option);
  }
  return list;
}

mustache::data EntriesData(const std::vector<store::ProgressEntry>& entries) {
  mustache::data list = ListData();
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    mustache::data entry;
    entry.set("on", it->on.ToString());
    entry.set("author", it->author);
    entry.set("rag", it->rag);
    entry.set("has_rag", !it->rag.empty());
    entry.set("rag_name", plan::RagName(it->rag));
    entry.set("status", plan::StatusLabel(it->status));
    entry.set("text", it->text);
    list.push_back(entry);
  }
  return list;
}

// A progress form (an action's update or a recommendation's note) read into
// `asked` and given to `add`: the redirect to `done` once it is stored, or
// nothing, with `error` saying why it was not.
template <typename Asked, typename Add>
std::optional<Response> AddProgress(const FormFields& form, Asked& asked, const std::string& done,
                                    std::string& error, Add add) {
  asked.status = FormValue(form, "status");
  asked.text = FormValue(form, "text");
  auto on = records::Date::Parse(Trim(FormValue(form, "on")));
  if (!on) {
    error = "the date: write it as YYYY-MM-DD";
    return std::nullopt;
  }
  asked.on = *on;
  auto added = add(asked);
  if (added.ok()) return Redirect(done);
  error = added.status().message();
  return std::nullopt;
}

}  // namespace

Result<std::unique_ptr<PlanRoutes>> PlanRoutes::Create(const RouteDeps& deps) {
  std::unique_ptr<PlanRoutes> routes(new PlanRoutes(deps));
  const std::string dir = deps.data_dir + "/web/templates/";
  CRADLE_ASSIGN_OR_RETURN(routes->templates_->overview, LoadTemplate(dir + "plan.mustache"));
  CRADLE_ASSIGN_OR_RETURN(routes->templates_->priority,
                          LoadTemplate(dir + "plan_priority.mustache"));
  CRADLE_ASSIGN_OR_RETURN(routes->templates_->action, LoadTemplate(dir + "plan_action.mustache"));
  CRADLE_ASSIGN_OR_RETURN(routes->templates_->recommendation,
                          LoadTemplate(dir + "plan_recommendation.mustache"));
  return routes;
}

PlanRoutes::PlanRoutes(const RouteDeps& deps)
    : deps_(deps), templates_(std::make_unique<Templates>()) {}

PlanRoutes::~PlanRoutes() = default;

int PlanRoutes::MinCount() const { return deps_.data.session->catalogue().disclosure_min_count(); }

bool PlanRoutes::Handles(std::string_view path) const {
  auto under = [&](std::string_view prefix) {
    return path.starts_with(prefix) && path.size() > prefix.size();
  };
  return path == "/plan" || path == "/plan.xlsx" || path == "/api/v1/plan" || under(kActions) ||
         under(kPriorities) || under(kRecommendations);
}

Response PlanRoutes::Handle(const Request& request, const RequestContext& context,
                            const FormFields& form) {
  const std::string& path = request.path;
  if (path.starts_with(kActions)) return Action(request, context, form, Tail(path, kActions));
  if (path.starts_with(kRecommendations)) {
    return RecommendationPage(request, context, form, Tail(path, kRecommendations));
  }
  if (!Reads(request)) return NotAllowed(request.method, "GET, HEAD");
  if (path == "/plan.xlsx") return Workbook();
  if (path == "/api/v1/plan") return Json();
  if (path.starts_with(kPriorities)) return Priority(Tail(path, kPriorities));
  return Overview(context);
}

Response PlanRoutes::Overview(const RequestContext& context) {
  auto view = plan::BuildSteeringView(deps_.store, TodayOf(deps_.clock), MinCount());
  if (!view.ok()) {
    if (view.status().code() == StatusCode::kNotFound) {
      return deps_.renderer.RenderError(404, "There is no action plan in this store yet.");
    }
    return deps_.renderer.RenderError(500, "Cannot read the action plan just now.");
  }
  mustache::data data;
  data.set("title", view->title);
  data.set("today", view->today.ToString());
  data.set("counts", CountsData(view->counts));
  bool synthetic = false;
  mustache::data themes = ListData();
  for (const plan::ThemeView& theme : view->themes) {
    mustache::data one;
    one.set("id", theme.theme.id);
    one.set("name", theme.theme.name);
    one.set("outcome", theme.theme.outcome);
    one.set("counts", CountsData(theme.counts));
    mustache::data priorities = ListData();
    for (const store::PlanPriority& priority : theme.priorities) {
      mustache::data item;
      item.set("id", priority.id);
      item.set("title", priority.title);
      priorities.push_back(item);
    }
    one.set("priorities", priorities);
    mustache::data actions = ListData();
    for (const store::PlanAction& action : theme.actions) {
      actions.push_back(ActionData(action, view->today));
    }
    one.set("actions", actions);
    mustache::data measures = ListData();
    for (const std::string& id : theme.measures) {
      const plan::MeasureSeries& series = view->measures.at(id);
      synthetic = synthetic || series.synthetic;
      measures.push_back(MeasureData(series));
    }
    one.set("measures", measures);
    one.set("has_measures", !theme.measures.empty());
    themes.push_back(one);
  }
  data.set("themes", themes);
  mustache::data recs = ListData();
  for (const plan::RecommendationView& rec : view->recommendations) {
    mustache::data item;
    item.set("id", rec.recommendation.id);
    item.set("title", rec.recommendation.title);
    item.set("status", plan::StatusLabel(rec.recommendation.status));
    item.set("owner", rec.recommendation.owner);
    std::string actions;
    for (const std::string& id : rec.action_ids) actions += (actions.empty() ? "" : ", ") + id;
    item.set("actions", actions);
    item.set("note",
             rec.latest_note ? rec.latest_note->on.ToString() + ": " + rec.latest_note->text : "");
    recs.push_back(item);
  }
  data.set("recommendations", recs);
  data.set("synthetic", synthetic);
  data.set("officer", context.session && plan::MayUpdateActions(context.session->user));
  return deps_.renderer.RenderContent(200, "Action plan", templates_->overview->render(data));
}

Response PlanRoutes::Workbook() {
  auto view = plan::BuildSteeringView(deps_.store, TodayOf(deps_.clock), MinCount());
  if (!view.ok()) return deps_.renderer.RenderError(404, "There is no action plan yet.");
  auto plans = deps_.store.Plan();
  auto stored = plans->ReadPlan();
  auto updates = plans->ActionUpdates("");
  if (!stored.ok() || !updates.ok()) {
    return deps_.renderer.RenderError(500, "Cannot read the action plan just now.");
  }
  auto bytes = WorkbookXlsx(plan::PlanTables(*view, *stored, *updates));
  if (!bytes.ok()) return deps_.renderer.RenderError(500, "Cannot make the workbook just now.");
  Response response = Response::Text(
      200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", std::move(*bytes));
  response.headers.emplace_back("Content-Disposition",
                                "attachment; filename=\"cradle-action-plan.xlsx\"");
  return response;
}

Response PlanRoutes::Json() {
  auto view = plan::BuildSteeringView(deps_.store, TodayOf(deps_.clock), MinCount());
  if (!view.ok()) {
    return Response::Text(404, "application/json",
                          nlohmann::json({{"error", "there is no action plan"}}).dump());
  }
  nlohmann::json out = {{"title", view->title}, {"date", view->today.ToString()}};
  auto counts = [](const plan::StatusCounts& c) {
    return nlohmann::json{{"not_started", c.not_started},
                          {"in_progress", c.in_progress},
                          {"complete", c.complete},
                          {"closed", c.closed},
                          {"red", c.red},
                          {"amber", c.amber},
                          {"green", c.green},
                          {"blue", c.blue},
                          {"overdue", c.overdue}};
  };
  out["counts"] = counts(view->counts);
  out["themes"] = nlohmann::json::array();
  for (const plan::ThemeView& theme : view->themes) {
    nlohmann::json one = {{"id", theme.theme.id},
                          {"name", theme.theme.name},
                          {"outcome", theme.theme.outcome},
                          {"counts", counts(theme.counts)},
                          {"measures", theme.measures}};
    one["actions"] = nlohmann::json::array();
    for (const store::PlanAction& action : theme.actions) {
      one["actions"].push_back({{"id", action.id},
                                {"priority", action.priority_id},
                                {"title", action.title},
                                {"owner", action.owner},
                                {"lead_organisation", action.lead_organisation},
                                {"due", action.due ? action.due->ToString() : ""},
                                {"status", action.status},
                                {"rag", action.rag},
                                {"overdue", plan::Overdue(action, view->today)},
                                {"recommendations", action.recommendations}});
    }
    out["themes"].push_back(one);
  }
  out["measures"] = nlohmann::json::array();
  for (const auto& [id, series] : view->measures) {
    nlohmann::json points = nlohmann::json::array();
    for (const plan::MeasurePoint& point : series.points) {
      nlohmann::json p = {{"period", point.period}};
      p["count"] = point.hidden ? nlohmann::json() : nlohmann::json(point.count);
      if (point.hidden) p["suppressed"] = true;
      if (point.denominator > 0) p["denominator"] = point.denominator;
      if (point.value) {
        p["value"] = point.value->value;
        p["lower_ci_95"] = point.value->ci.lower;
        p["upper_ci_95"] = point.value->ci.upper;
      }
      points.push_back(p);
    }
    out["measures"].push_back({{"id", id},
                               {"name", series.definition->name},
                               {"unit", series.definition->unit},
                               {"needle", series.needle},
                               {"synthetic", series.synthetic},
                               {"points", points}});
  }
  out["recommendations"] = nlohmann::json::array();
  for (const plan::RecommendationView& rec : view->recommendations) {
    out["recommendations"].push_back({{"id", rec.recommendation.id},
                                      {"title", rec.recommendation.title},
                                      {"status", rec.recommendation.status},
                                      {"owner", rec.recommendation.owner},
                                      {"actions", rec.action_ids},
                                      {"measures", rec.recommendation.measures}});
  }
  return Response::Text(200, "application/json", out.dump());
}

Response PlanRoutes::Priority(std::string_view id) {
  auto view = plan::BuildSteeringView(deps_.store, TodayOf(deps_.clock), MinCount());
  auto stored = deps_.store.Plan()->ReadPlan();
  if (!view.ok() || !stored.ok()) return deps_.renderer.RenderError(404, "No such priority.");
  const store::PlanPriority* priority = nullptr;
  for (const auto& one : stored->priorities) {
    if (one.id == id) priority = &one;
  }
  if (!priority) return deps_.renderer.RenderError(404, "No priority has that id.");
  mustache::data data;
  data.set("id", priority->id);
  data.set("title", priority->title);
  for (const auto& theme : stored->themes) {
    if (theme.id == priority->theme_id) {
      data.set("theme", theme.name);
      data.set("outcome", theme.outcome);
    }
  }
  for (const auto& group : stored->working_groups) {
    if (group.id != priority->working_group_id) continue;
    data.set("group", group.name);
    data.set("chair", group.chair);
    mustache::data members = ListData();
    for (const std::string& member : group.members) members.push_back(mustache::data(member));
    data.set("members", members);
  }
  mustache::data stages = ListData();
  for (const char* stage : plan::kStages) {
    mustache::data one;
    one.set("stage", plan::StageLabel(stage));
    mustache::data boxes = ListData();
    for (const store::LogicModelNode& node : stored->logic_model) {
      if (node.priority_id != priority->id || node.stage != stage) continue;
      mustache::data box;
      box.set("text", node.text);
      std::string leads;
      for (const std::string& to : node.contributes_to) {
        for (const auto& other : stored->logic_model) {
          if (other.id == to) leads += (leads.empty() ? "" : "; ") + other.text;
        }
      }
      box.set("leads_to", leads);
      mustache::data measures = ListData();
      for (const std::string& measure : node.measures) {
        measures.push_back(MeasureData(view->measures.at(measure)));
      }
      box.set("measures", measures);
      boxes.push_back(box);
    }
    if (boxes.is_non_empty_list()) {
      one.set("boxes", boxes);
      stages.push_back(one);
    }
  }
  data.set("stages", stages);
  mustache::data actions = ListData();
  for (const store::PlanAction& action : stored->actions) {
    if (action.priority_id == priority->id) actions.push_back(ActionData(action, view->today));
  }
  data.set("actions", actions);
  return deps_.renderer.RenderContent(200, priority->id + " " + priority->title,
                                      templates_->priority->render(data));
}

Response PlanRoutes::Action(const Request& request, const RequestContext& context,
                            const FormFields& form, std::string_view id) {
  auto stored = deps_.store.Plan()->ReadPlan();
  if (!stored.ok()) return deps_.renderer.RenderError(404, "There is no action plan yet.");
  const store::PlanAction* action = nullptr;
  for (const auto& one : stored->actions) {
    if (one.id == id) action = &one;
  }
  if (!action) return deps_.renderer.RenderError(404, "No action has that id.");
  const records::Date today = TodayOf(deps_.clock);
  std::string error;
  plan::ActionUpdateRequest asked{action->id, today, action->rag, action->status, ""};
  if (request.method == "POST") {
    if (auto refused = RequireRole(
            context,
            {accounts::Role::kAnalyst, accounts::Role::kCdopMember, accounts::Role::kAdmin},
            request, deps_.renderer)) {
      return std::move(*refused);
    }
    asked.rag = FormValue(form, "rag");
    plan::Progress progress(deps_.store, deps_.log);
    auto done = AddProgress(form, asked, std::string(kActions) + action->id + "?updated=1", error,
                            [&](const plan::ActionUpdateRequest& update) {
                              return progress.UpdateAction(context.session->user,
                                                           request.client_address, update);
                            });
    if (done) return std::move(*done);
  } else if (!Reads(request)) {
    return NotAllowed(request.method, "GET, HEAD, POST");
  }
  auto updates = deps_.store.Plan()->ActionUpdates(action->id);
  if (!updates.ok()) return deps_.renderer.RenderError(500, "Cannot read the updates just now.");
  mustache::data data = ActionData(*action, today);
  for (const auto& priority : stored->priorities) {
    if (priority.id == action->priority_id) {
      data.set("priority_id", priority.id);
      data.set("priority", priority.title);
    }
  }
  std::string recs;
  for (const std::string& rec : action->recommendations) recs += (recs.empty() ? "" : ", ") + rec;
  data.set("recommendations", recs);
  data.set("updates", EntriesData(*updates));
  data.set("has_updates", !updates->empty());
  data.set("updated", request.query.count("updated") > 0);
  const bool officer = context.session && plan::MayUpdateActions(context.session->user);
  data.set("officer", officer);
  data.set("csrf", context.csrf_token());
  data.set("has_error", !error.empty());
  data.set("error", error);
  data.set("on", asked.on.ToString());
  data.set("text", asked.text);
  data.set("rags", Choices(plan::kRags, asked.rag, [](std::string_view rag) {
             return std::string(rag) + " " + plan::RagName(rag);
           }));
  data.set("statuses", Choices(plan::kActionStatuses, asked.status,
                               [](std::string_view status) { return plan::StatusLabel(status); }));
  return deps_.renderer.RenderContent(error.empty() ? 200 : 400, action->id + " " + action->title,
                                      templates_->action->render(data));
}

Response PlanRoutes::RecommendationPage(const Request& request, const RequestContext& context,
                                        const FormFields& form, std::string_view id) {
  auto stored = deps_.store.Plan()->ReadPlan();
  if (!stored.ok()) return deps_.renderer.RenderError(404, "There is no action plan yet.");
  const store::Recommendation* rec = nullptr;
  for (const auto& one : stored->recommendations) {
    if (one.id == id) rec = &one;
  }
  if (!rec) return deps_.renderer.RenderError(404, "No recommendation has that id.");
  const records::Date today = TodayOf(deps_.clock);
  std::string error;
  plan::RecommendationNoteRequest asked{rec->id, today, rec->status, ""};
  if (request.method == "POST") {
    if (auto refused = RequireRole(context, {accounts::Role::kCdopMember, accounts::Role::kAdmin},
                                   request, deps_.renderer)) {
      return std::move(*refused);
    }
    plan::Progress progress(deps_.store, deps_.log);
    auto done = AddProgress(form, asked, std::string(kRecommendations) + rec->id + "?noted=1",
                            error, [&](const plan::RecommendationNoteRequest& note) {
                              return progress.NoteRecommendation(context.session->user,
                                                                 request.client_address, note);
                            });
    if (done) return std::move(*done);
  } else if (!Reads(request)) {
    return NotAllowed(request.method, "GET, HEAD, POST");
  }
  auto notes = deps_.store.Plan()->RecommendationNotes(rec->id);
  auto view = plan::BuildSteeringView(deps_.store, today, MinCount());
  if (!notes.ok() || !view.ok()) return deps_.renderer.RenderError(500, "Cannot read it just now.");
  mustache::data data;
  data.set("id", rec->id);
  data.set("title", rec->title);
  data.set("text", rec->text);
  data.set("owner", rec->owner);
  data.set("addressed_to", rec->addressed_to);
  data.set("notified_on", rec->notified_on ? rec->notified_on->ToString() : "");
  data.set("status", plan::StatusLabel(rec->status));
  mustache::data actions = ListData();
  for (const store::PlanAction& action : stored->actions) {
    for (const std::string& cited : action.recommendations) {
      if (cited == rec->id) actions.push_back(ActionData(action, today));
    }
  }
  data.set("actions", actions);
  mustache::data measures = ListData();
  for (const std::string& measure : rec->measures) {
    measures.push_back(MeasureData(view->measures.at(measure)));
  }
  data.set("measures", measures);
  data.set("notes", EntriesData(*notes));
  data.set("has_notes", !notes->empty());
  data.set("noted", request.query.count("noted") > 0);
  data.set("may_note", context.session && plan::MayNoteRecommendations(context.session->user));
  data.set("csrf", context.csrf_token());
  data.set("has_error", !error.empty());
  data.set("error", error);
  data.set("on", asked.on.ToString());
  data.set("note_text", asked.text);
  data.set("statuses", Choices(plan::kRecommendationStatuses, asked.status,
                               [](std::string_view status) { return plan::StatusLabel(status); }));
  return deps_.renderer.RenderContent(error.empty() ? 200 : 400, rec->title,
                                      templates_->recommendation->render(data));
}

}  // namespace cradle::web
