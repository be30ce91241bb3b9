#include "web/cdop_routes.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <kainjow/mustache.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "accounts/user.h"
#include "base/strings.h"
#include "cdop/factor_ranking.h"
#include "cdop/register.h"
#include "cdop/timeliness.h"
#include "records/cdop_codes.h"
#include "records/codes.h"
#include "web/app.h"

namespace cradle::web {

namespace mustache = kainjow::mustache;

struct CdopRoutes::Templates {
  std::unique_ptr<mustache::mustache> factors, reviews, form;
  std::string factor_table;  // the partial each group's table is rendered with
  cdop::TimelinessTargets targets;
};

namespace {

constexpr std::string_view kReviewsPrefix = "/cdop/reviews/";

using report::ListData;

std::string OneDecimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

std::string CategoryName(const std::optional<int>& code) {
  if (!code) return "";
  for (const records::DeathCategory& category : records::DeathCategories()) {
    if (category.code == *code) return std::to_string(*code) + " " + std::string(category.name);
  }
  return std::to_string(*code);
}

std::string TrendText(const cdop::FactorShare& share) {
  return share.Rising() ? "Rising" : std::string(stats::TrendMarkerName(share.trend));
}

mustache::data ShareData(const cdop::FactorShare& share, int min_count, bool with_trend) {
  mustache::data row;
  row.set("rank", share.rank > 0 ? std::to_string(share.rank) : "");
  row.set("name", share.name);
  row.set("domain", share.domain ? std::string(1, share.domain) : "Flag");
  row.set("count", share.hidden ? "fewer than " + std::to_string(min_count)
                                : WithThousands(share.reviews_with));
  row.set("percent", share.percent ? OneDecimal(share.percent->value) : "");
  row.set("ci", share.percent ? OneDecimal(share.percent->ci.lower) + " to " +
                                    OneDecimal(share.percent->ci.upper)
                              : "");
  row.set("with_trend", with_trend);
  row.set("trend", TrendText(share));
  row.set("rising", share.Rising());
  return row;
}

mustache::data GroupData(const cdop::FactorGroup& group, int min_count, bool overall,
                         const std::string& id) {
  mustache::data data;
  data.set("id", id);
  data.set("label", group.label);
  data.set("reviews", group.reviews_hidden ? "fewer than " + std::to_string(min_count)
                                           : WithThousands(group.reviews));
  data.set("with_trend", overall);
  if (group.modifiable_percent) {
    data.set("modifiable", WithThousands(group.with_modifiable) + " (" +
                               OneDecimal(group.modifiable_percent->value) + "%, 95% CI " +
                               OneDecimal(group.modifiable_percent->ci.lower) + " to " +
                               OneDecimal(group.modifiable_percent->ci.upper) + ")");
  }
  mustache::data rows = ListData();
  for (const auto& share : group.factors) rows.push_back(ShareData(share, min_count, overall));
  for (const auto& share : group.flags) rows.push_back(ShareData(share, min_count, overall));
  data.set("rows", rows);
  return data;
}

nlohmann::json ShareJson(const cdop::FactorShare& share, bool with_trend) {
  nlohmann::json out = {
      {"code", share.code},
      {"name", share.name},
      {"domain", share.domain ? std::string(1, share.domain) : "flag"},
      {"rank", share.rank > 0 ? nlohmann::json(share.rank) : nlohmann::json()},
      {"reviews_with", share.hidden ? nlohmann::json() : nlohmann::json(share.reviews_with)},
      {"hidden", share.hidden}};
  if (share.percent) {
    out["percent"] = share.percent->value;
    out["lower_ci_95"] = share.percent->ci.lower;
    out["upper_ci_95"] = share.percent->ci.upper;
  } else {
    out["percent"] = out["lower_ci_95"] = out["upper_ci_95"] = nullptr;
  }
  if (with_trend) {
    out["recent_trend"] = TrendText(share);
    out["rising"] = share.Rising();
  }
  return out;
}

nlohmann::json GroupJson(const cdop::FactorGroup& group, bool overall) {
  nlohmann::json out = {{"label", group.label},
                        {"completed_reviews",
                         group.reviews_hidden ? nlohmann::json() : nlohmann::json(group.reviews)}};
  out["factors"] = nlohmann::json::array();
  for (const auto& share : group.factors) out["factors"].push_back(ShareJson(share, overall));
  out["flags"] = nlohmann::json::array();
  for (const auto& share : group.flags) out["flags"].push_back(ShareJson(share, overall));
  return out;
}

// The answers of a review form, as reviews.csv's fields.
std::vector<std::string> FieldsFromForm(const FormFields& form, std::string_view fixed_id,
                                        const std::vector<std::string>& recommendation_ids) {
  std::string factors;
  for (const records::ContributoryFactor& factor : records::ContributoryFactors()) {
    const std::string code(factor.code);
    const std::string relevance = FormValue(form, "relevance_" + code);
    if (relevance.empty()) continue;
    const bool modifiable = FormValue(form, "modifiable_" + code) == "Y";
    factors +=
        (factors.empty() ? "" : ";") + code + ":" + relevance + ":" + (modifiable ? "Y" : "N");
  }
  std::string recommendations;
  for (const std::string& id : recommendation_ids) {
    if (FormValue(form, "rec_" + id) == "yes") {
      recommendations += (recommendations.empty() ? "" : ";") + id;
    }
  }
  std::vector<std::string> fields;
  for (const std::string& column : records::ReviewColumns()) {
    if (column == "review_id" && !fixed_id.empty()) {
      fields.emplace_back(fixed_id);
    } else if (column == "factors") {
      fields.push_back(factors);
    } else if (column == "recommendations") {
      fields.push_back(recommendations);
    } else {
      fields.emplace_back(Trim(FormValue(form, column)));
    }
  }
  return fields;
}

// The recommendation ids a review may cite: the plan's, then any the review
// already cites that the plan does not hold.
std::vector<std::pair<std::string, std::string>> RecommendationChoices(
    store::Store& store, const std::vector<std::string>& cited) {
  std::vector<std::pair<std::string, std::string>> choices;
  auto plan = store.Plan()->ReadPlan();
  if (plan.ok()) {
    for (const auto& rec : plan->recommendations) choices.emplace_back(rec.id, rec.title);
  }
  for (const std::string& id : cited) {
    bool known = false;
    for (const auto& choice : choices) known = known || choice.first == id;
    if (!known) choices.emplace_back(id, id);
  }
  return choices;
}

}  // namespace

Result<std::unique_ptr<CdopRoutes>> CdopRoutes::Create(const RouteDeps& deps) {
  std::unique_ptr<CdopRoutes> routes(new CdopRoutes(deps));
  const std::string dir = deps.data_dir + "/web/templates/";
  CRADLE_ASSIGN_OR_RETURN(routes->templates_->factors, LoadTemplate(dir + "cdop_factors.mustache"));
  CRADLE_ASSIGN_OR_RETURN(routes->templates_->reviews, LoadTemplate(dir + "cdop_reviews.mustache"));
  CRADLE_ASSIGN_OR_RETURN(routes->templates_->form,
                          LoadTemplate(dir + "cdop_review_form.mustache"));
  // Checked as a template, kept as text for the partial.
  CRADLE_RETURN_IF_ERROR(LoadTemplate(dir + "factor_table.mustache").status());
  std::ifstream partial(dir + "factor_table.mustache", std::ios::binary);
  routes->templates_->factor_table.assign(std::istreambuf_iterator<char>(partial), {});
  CRADLE_ASSIGN_OR_RETURN(routes->templates_->targets,
                          cdop::LoadTimelinessTargets(cdop::TimelinessTargetsPath(deps.data_dir)));
  return routes;
}

CdopRoutes::CdopRoutes(const RouteDeps& deps)
    : deps_(deps), templates_(std::make_unique<Templates>()) {}

CdopRoutes::~CdopRoutes() = default;

bool CdopRoutes::Handles(std::string_view path) const {
  return path == "/cdop/factors" || path == "/api/v1/cdop/factors" || path == "/cdop/reviews" ||
         (path.starts_with(kReviewsPrefix) && path.size() > kReviewsPrefix.size());
}

Response CdopRoutes::Handle(const Request& request, const RequestContext& context,
                            const FormFields& form) {
  const std::string& path = request.path;
  if (path == "/cdop/factors" || path == "/api/v1/cdop/factors") {
    if (!Reads(request)) return NotAllowed(request.method, "GET, HEAD");
    return Factors(request, context, path.starts_with("/api/"));
  }
  if (auto refused = RequireRole(context, {accounts::Role::kCdopMember}, request, deps_.renderer)) {
    return std::move(*refused);
  }
  if (path == "/cdop/reviews") {
    if (!Reads(request)) return NotAllowed(request.method, "GET, HEAD");
    return List(request, context);
  }
  std::string_view id = std::string_view(path).substr(kReviewsPrefix.size());
  return ReviewForm(request, context, form, id == "new" ? "" : id);
}

Response CdopRoutes::Factors(const Request& /*request*/, const RequestContext& context, bool json) {
  const bool cdop = context.session && cdop::MaySeeCases(context.session->user);
  auto reviews = deps_.store.Reviews()->Reviews();
  if (!reviews.ok()) return deps_.renderer.RenderError(500, "Cannot read the reviews just now.");
  cdop::RankingOptions options;
  options.min_count = cdop ? 1 : deps_.data.session->catalogue().disclosure_min_count();
  const cdop::FactorRanking ranking = cdop::RankFactors(*reviews, options);
  if (json) {
    nlohmann::json out = {
        {"small_number_rule_min_count", ranking.min_count},
        {"synthetic", ranking.synthetic},
        {"open_reviews",
         ranking.open_reviews_hidden ? nlohmann::json() : nlohmann::json(ranking.open_reviews)},
        {"overall", GroupJson(ranking.overall, true)}};
    out["by_category"] = nlohmann::json::array();
    for (const auto& group : ranking.by_category)
      out["by_category"].push_back(GroupJson(group, false));
    out["by_year"] = nlohmann::json::array();
    for (const auto& group : ranking.by_year) out["by_year"].push_back(GroupJson(group, false));
    return Response::Text(200, "application/json", out.dump());
  }
  mustache::data data;
  const std::string& table = templates_->factor_table;
  data.set("factor_table", mustache::partial([&table]() { return table; }));
  data.set("has_reviews", !reviews->empty());
  data.set("synthetic", ranking.synthetic);
  data.set("cdop", cdop);
  data.set("open_reviews", cdop::OpenReviewsText(ranking));
  data.set("first_panel", ranking.first_panel ? ranking.first_panel->ToString() : "");
  data.set("last_panel", ranking.last_panel ? ranking.last_panel->ToString() : "");
  data.set("hidden_rule", ranking.min_count > 1);
  data.set("min_count", std::to_string(ranking.min_count));
  data.set("overall", GroupData(ranking.overall, ranking.min_count, true, "all"));
  mustache::data categories = ListData();
  for (size_t idx = 0; idx < ranking.by_category.size(); ++idx) {
    categories.push_back(GroupData(ranking.by_category[idx], ranking.min_count, false,
                                   "category-" + std::to_string(idx + 1)));
  }
  data.set("categories", categories);
  mustache::data years = ListData();
  for (size_t idx = 0; idx < ranking.by_year.size(); ++idx) {
    years.push_back(GroupData(ranking.by_year[idx], ranking.min_count, false,
                              "year-" + std::to_string(idx + 1)));
  }
  data.set("years", years);
  if (cdop) {
    mustache::data steps = ListData();
    for (const cdop::StepSummary& step :
         cdop::SummariseTimeliness(*reviews, templates_->targets, TodayOf(deps_.clock))) {
      mustache::data row;
      row.set("step", step.step);
      row.set("target", std::to_string(step.target_days));
      row.set("on_time", WithThousands(step.on_time));
      row.set("late", WithThousands(step.late));
      row.set("overdue", WithThousands(step.overdue));
      row.set("not_yet_due", WithThousands(step.not_yet_due));
      row.set("median", step.median_days ? OneDecimal(*step.median_days) : "-");
      steps.push_back(row);
    }
    data.set("timeliness", steps);
  }
  return deps_.renderer.RenderContent(200, "What child death reviews say",
                                      templates_->factors->render(data));
}

Response CdopRoutes::List(const Request& request, const RequestContext& context) {
  cdop::Register reg(deps_.store, deps_.log);
  auto reviews = reg.List(context.session->user, request.client_address);
  if (!reviews.ok()) {
    return deps_.renderer.RenderError(
        500, "The register is not shown: this read could not be written to the audit log.");
  }
  const records::Date today = TodayOf(deps_.clock);
  mustache::data rows = ListData();
  bool synthetic = false;
  for (auto it = reviews->rbegin(); it != reviews->rend(); ++it) {
    const records::ReviewRecord& review = *it;
    synthetic = synthetic || records::IsSyntheticId(review.review_id);
    const cdop::ReviewTimeliness timing = cdop::Timeliness(review, templates_->targets, today);
    mustache::data row;
    row.set("id", review.review_id);
    row.set("date_of_death", review.date_of_death.ToString());
    row.set("age", std::to_string(review.age_at_death_days));
    row.set("category", CategoryName(review.category_of_death));
    row.set("outcome", std::string(records::ReviewOutcomeLabel(review.outcome)));
    row.set("notification", std::string(cdop::StepStatusName(timing.notification.status)));
    row.set("meeting", std::string(cdop::StepStatusName(timing.review_meeting.status)));
    row.set("panel", std::string(cdop::StepStatusName(timing.panel.status)));
    row.set("overdue", timing.panel.status == cdop::StepStatus::kOverdue);
    rows.push_back(row);
  }
  mustache::data data;
  data.set("rows", rows);
  data.set("count", WithThousands(static_cast<int64_t>(reviews->size())));
  data.set("synthetic", synthetic);
  data.set("saved", request.query.count("saved") > 0);
  return deps_.renderer.RenderContent(200, "Child death reviews",
                                      templates_->reviews->render(data));
}

Response CdopRoutes::ReviewForm(const Request& request, const RequestContext& context,
                                const FormFields& form, std::string_view id) {
  const accounts::User& user = context.session->user;
  cdop::Register reg(deps_.store, deps_.log);
  const bool is_new = id.empty();
  std::vector<std::string> fields;
  std::vector<records::FieldError> errors;
  std::vector<std::string> cited;
  if (Reads(request)) {
    if (is_new) {
      fields.assign(records::ReviewColumns().size(), "");
    } else {
      auto review = reg.Find(user, request.client_address, id);
      if (!review.ok()) {
        return deps_.renderer.RenderError(
            500, "The review is not shown: this read could not be written to the audit log.");
      }
      if (!*review) return deps_.renderer.RenderError(404, "No review has that id.");
      fields = records::ReviewFields(**review);
      cited = (*review)->recommendations;
    }
  } else if (request.method == "POST") {
    std::vector<std::string> all_ids;
    for (const auto& [rec_id, title] : RecommendationChoices(deps_.store, {})) {
      all_ids.push_back(rec_id);
    }
    for (const auto& [name, value] : form) {
      if (!name.starts_with("rec_")) continue;
      const std::string rec_id = name.substr(4);
      if (std::find(all_ids.begin(), all_ids.end(), rec_id) == all_ids.end()) {
        all_ids.push_back(rec_id);
      }
    }
    fields = FieldsFromForm(form, id, all_ids);
    auto saved = reg.Save(user, request.client_address, fields, is_new);
    if (!saved.ok()) {
      return deps_.renderer.RenderError(saved.status().code() == StatusCode::kNotFound ? 404 : 500,
                                        saved.status().message() + ".");
    }
    if (saved->empty()) {
      return Redirect(std::string(kReviewsPrefix) + fields[0] + "?saved=1");
    }
    errors = std::move(*saved);
    for (const std::string& rec_id : all_ids) {
      if (FormValue(form, "rec_" + rec_id) == "yes") cited.push_back(rec_id);
    }
  } else {
    return NotAllowed(request.method, "GET, HEAD, POST");
  }

  // The form, filled with `fields` (reviews.csv's columns) and the errors.
  const std::vector<std::string>& columns = records::ReviewColumns();
  auto value = [&](const std::string& column) {
    for (size_t idx = 0; idx < columns.size(); ++idx) {
      if (columns[idx] == column) return fields[idx];
    }
    return std::string();
  };
  std::map<std::string, std::string> error_of;
  mustache::data error_list = ListData();
  for (const records::FieldError& error : errors) {
    error_of[error.column] += (error_of[error.column].empty() ? "" : " ") + error.reason;
    mustache::data item;
    item.set("field", error.column);
    item.set("message", error.column + ": " + error.reason);
    error_list.push_back(item);
  }
  mustache::data data;
  data.set("csrf", context.csrf_token());
  data.set("is_new", is_new);
  data.set("action", is_new ? "/cdop/reviews/new" : std::string(kReviewsPrefix) + std::string(id));
  data.set("has_errors", !errors.empty());
  data.set("errors", error_list);
  data.set("saved", request.query.count("saved") > 0);
  data.set("synthetic", records::IsSyntheticId(value("review_id")));
  mustache::data inputs = ListData();
  const std::pair<const char*, const char*> kTextFields[] = {
      {"review_id", "Review id (pseudonymous)"},
      {"birth_id", "Birth record id (if there is one)"},
      {"date_of_death", "Date of death (YYYY-MM-DD)"},
      {"age_at_death_days", "Age at death (days)"},
      {"notified_on", "Notified to CDOP (YYYY-MM-DD)"},
      {"cdrm_on", "Child death review meeting (YYYY-MM-DD)"},
      {"panel_on", "CDOP panel (YYYY-MM-DD; empty while open)"}};
  for (const auto& [name, label] : kTextFields) {
    mustache::data input;
    input.set("name", name);
    input.set("label", label);
    input.set("value", value(name));
    input.set("readonly", std::string_view(name) == "review_id" && !is_new);
    input.set("has_error", error_of.count(name) > 0);
    input.set("error", error_of[name]);
    inputs.push_back(input);
  }
  data.set("inputs", inputs);
  auto options = [&](const std::string& column,
                     const std::vector<std::pair<std::string, std::string>>& choices) {
    mustache::data list = ListData();
    for (const auto& [code, label] : choices) {
      mustache::data option;
      option.set("value", code);
      option.set("label", label);
      option.set("selected", value(column) == code);
      list.push_back(option);
    }
    mustache::data select;
    select.set("name", column);
    select.set("options", list);
    select.set("has_error", error_of.count(column) > 0);
    select.set("error", error_of[column]);
    return select;
  };
  std::vector<std::pair<std::string, std::string>> categories = {{"", "Not yet categorised"}};
  for (const records::DeathCategory& category : records::DeathCategories()) {
    categories.emplace_back(std::to_string(category.code), CategoryName(category.code));
  }
  std::vector<std::pair<std::string, std::string>> outcomes = {{"", "Not yet reviewed"}};
  for (std::string_view outcome : records::ReviewOutcomes()) {
    outcomes.emplace_back(std::string(outcome), std::string(records::ReviewOutcomeLabel(outcome)));
  }
  const std::vector<std::pair<std::string, std::string>> flags = {
      {"U", "Not known"}, {"Y", "Yes"}, {"N", "No"}};
  mustache::data category = options("category_of_death", categories);
  category.set("label", "Category of death (the highest that applies)");
  mustache::data sudden = options("sudden_unexpected", flags);
  sudden.set("label", "Sudden and unexpected death");
  mustache::data overseas = options("overseas_ivf", flags);
  overseas.set("label", "Assisted conception overseas");
  mustache::data outcome = options("outcome", outcomes);
  outcome.set("label", "The panel's judgement");
  mustache::data selects = ListData();
  for (auto* select : {&category, &sudden, &overseas, &outcome}) selects.push_back(*select);
  data.set("selects", selects);

  // The factors, by domain, from the factors field ("CODE:relevance:Y|N;…").
  std::map<std::string, std::pair<std::string, bool>> given;
  for (const std::string& item : Split(value("factors"), ';')) {
    std::vector<std::string> parts = Split(item, ':');
    if (parts.size() == 3) given[std::string(Trim(parts[0]))] = {parts[1], parts[2] == "Y"};
  }
  mustache::data domains = ListData();
  for (const records::FactorDomain& domain : records::FactorDomains()) {
    mustache::data domain_data;
    domain_data.set("name", std::string(1, domain.code) + " " + std::string(domain.name));
    mustache::data factor_rows = ListData();
    for (const records::ContributoryFactor& factor : records::ContributoryFactors()) {
      if (factor.domain_2018 != domain.code) continue;
      const std::string code(factor.code);
      auto found = given.find(code);
      mustache::data row;
      row.set("code", code);
      row.set("name", std::string(factor.name));
      mustache::data levels = ListData();
      for (const char* level : {"", "0", "1", "2"}) {
        mustache::data option;
        option.set("value", level);
        option.set("label", std::string(level).empty()  ? "Not recorded"
                            : std::string(level) == "0" ? "0 information not available"
                            : std::string(level) == "1" ? "1 none, or unlikely to have contributed"
                                                        : "2 may have contributed");
        option.set("selected", found != given.end() ? found->second.first == level
                                                    : std::string(level).empty());
        levels.push_back(option);
      }
      row.set("levels", levels);
      row.set("modifiable", found != given.end() && found->second.second);
      factor_rows.push_back(row);
    }
    domain_data.set("factors", factor_rows);
    domains.push_back(domain_data);
  }
  data.set("domains", domains);
  data.set("has_factors_error", error_of.count("factors") > 0);
  data.set("factors_error", error_of["factors"]);
  data.set("learning_points", value("learning_points"));
  data.set("has_learning_error", error_of.count("learning_points") > 0);
  data.set("learning_error", error_of["learning_points"]);
  mustache::data recs = ListData();
  for (const auto& [rec_id, title] : RecommendationChoices(deps_.store, cited)) {
    mustache::data rec;
    rec.set("id", rec_id);
    rec.set("title", title);
    bool checked = false;
    for (const std::string& one : cited) checked = checked || one == rec_id;
    rec.set("checked", checked);
    recs.push_back(rec);
  }
  data.set("recommendations", recs);
  data.set("has_recommendations_error", error_of.count("recommendations") > 0);
  data.set("recommendations_error", error_of["recommendations"]);
  const std::string title = is_new ? "Enter a child death review" : "Review " + std::string(id);
  return deps_.renderer.RenderContent(errors.empty() ? 200 : 400, title,
                                      templates_->form->render(data));
}

}  // namespace cradle::web
