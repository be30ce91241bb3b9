// The casework pages' dispatch and what they share (casework_routes.h); the
// pages themselves are in assessment_*.cc and referral_*.cc.
#include "web/casework_routes.h"

#include <cctype>
#include <ctime>

#include "base/strings.h"
#include "web/app.h"

namespace cradle::web {
namespace {

// The id in "/assessments/12" after `prefix` ("/assessments/"), up to the
// next '/' or the end; nullopt unless it is a positive whole number written
// in digits only (so "/assessments/+1" or "/assessments/01x" are not pages).
std::optional<int64_t> IdAfter(std::string_view path, std::string_view prefix,
                               std::string_view* rest) {
  if (path.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::string_view tail = path.substr(prefix.size());
  size_t slash = tail.find('/');
  std::string_view digits = tail.substr(0, slash);
  if (digits.empty() || digits.size() > 18 || digits[0] == '0') return std::nullopt;
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  *rest = slash == std::string_view::npos ? std::string_view() : tail.substr(slash);
  return ParseInt64(digits);
}

Response GetOnly(const Request& request) { return NotAllowed(request.method, "GET, HEAD"); }

}  // namespace

CaseworkRoutes::CaseworkRoutes(const RouteDeps& deps)
    : data_(deps.data),
      store_(deps.store),
      clock_(deps.clock),
      renderer_(deps.renderer),
      pseudonymiser_(deps.pseudonymiser),
      directory_(deps.store.Directory()),
      templates_(std::make_unique<Templates>()) {}

CaseworkRoutes::~CaseworkRoutes() = default;

Result<std::unique_ptr<CaseworkRoutes>> CaseworkRoutes::Create(const RouteDeps& deps) {
  std::unique_ptr<CaseworkRoutes> routes(new CaseworkRoutes(deps));
  CRADLE_ASSIGN_OR_RETURN(routes->rules_,
                          safesleep::RulesRegistry::LoadDirectory(deps.data_dir + "/safesleep"));
  // The casework objects keep a reference to rules_, so they are made only
  // once it holds its final value.
  routes->assessments_ = std::make_unique<casework::Assessments>(
      deps.store, deps.log, routes->rules_, deps.pseudonymiser);
  routes->referrals_ =
      std::make_unique<casework::Referrals>(deps.store, deps.log, deps.pseudonymiser);
  const std::string dir = deps.data_dir + "/web/templates/";
  Templates& templates = *routes->templates_;
  for (auto [slot, name] : {std::pair{&templates.assessment_list, "assessment_list"},
                            std::pair{&templates.assessment_touchpoint, "assessment_touchpoint"},
                            std::pair{&templates.assessment_form, "assessment_form"},
                            std::pair{&templates.assessment_outcome, "assessment_outcome"},
                            std::pair{&templates.referral_list, "referral_list"},
                            std::pair{&templates.referral_form, "referral_form"},
                            std::pair{&templates.referral_detail, "referral_detail"},
                            std::pair{&templates.referral_timing, "referral_timing"}}) {
    CRADLE_ASSIGN_OR_RETURN(*slot, LoadTemplate(dir + name + ".mustache"));
  }
  return routes;
}

bool CaseworkRoutes::Handles(std::string_view path) const {
  for (std::string_view root : {std::string_view("/assessments"), std::string_view("/referrals")}) {
    if (path == root) return true;
    if (path.size() > root.size() && path.substr(0, root.size()) == root &&
        path[root.size()] == '/') {
      return true;
    }
  }
  return false;
}

Response CaseworkRoutes::Handle(const Request& request, const RequestContext& context,
                                const FormFields& form) {
  const std::string& path = request.path;
  const bool reads = Reads(request);
  // Aggregates with the small-number rule applied: no family in them, so
  // those who plan services see them too.
  if (path == "/referrals/timing") {
    if (auto refused = RequireRole(
            context,
            {accounts::Role::kPractitioner, accounts::Role::kAnalyst, accounts::Role::kAdmin},
            request, renderer_)) {
      return *refused;
    }
    return reads ? ReferralTiming(context) : GetOnly(request);
  }
  if (auto refused = RequireRole(context, {accounts::Role::kPractitioner}, request, renderer_)) {
    return *refused;
  }
  casework::Caller caller{context.session->user, request.client_address};
  if (path == "/assessments") return reads ? AssessmentList(caller) : GetOnly(request);
  if (path == "/assessments/new") {
    return reads ? AssessmentForm(request, context, {}, 200, {})
                 : AssessmentPost(request, context, form);
  }
  if (path == "/referrals") return reads ? ReferralList(caller) : GetOnly(request);
  if (path == "/referrals/new") {
    return reads ? ReferralForm(request, context, {}, 200, {})
                 : ReferralPost(request, context, form);
  }
  std::string_view rest;
  if (auto id = IdAfter(path, "/assessments/", &rest); id && rest.empty()) {
    return reads ? AssessmentOutcome(caller, *id) : GetOnly(request);
  }
  if (auto id = IdAfter(path, "/referrals/", &rest)) {
    if (rest.empty()) {
      return reads ? ReferralDetail(request, context, *id, 200, "", "") : GetOnly(request);
    }
    if (rest == "/status") {
      if (reads) return NotAllowed(request.method, "POST");
      return ReferralStatusPost(request, context, *id, form);
    }
  }
  return renderer_.RenderError(404, "There is no page at " + path + ".");
}

Response CaseworkRoutes::Page(int status, const std::string& title, const std::string& content,
                              std::string_view current) const {
  std::string links;
  if (!current.empty()) {
    // The casework pages are not in the site's navigation (which is the
    // public's); these links join them up.
    links = "<nav class=\"casework-nav\" aria-label=\"Casework\"><ul>";
    for (auto [href, label] :
         {std::pair{"/assessments", "Assessments"}, std::pair{"/referrals", "Referrals"},
          std::pair{"/referrals/timing", "Time to completion"}}) {
      links += "<li><a href=\"" + std::string(href) + "\"" +
               (current == href ? " aria-current=\"page\"" : "") + ">" + label + "</a></li>";
    }
    links += "</ul></nav>\n";
  }
  return renderer_.RenderContent(status, title, links + content);
}

Response CaseworkRoutes::Refusal(const Status& status) const {
  int code = HttpStatus(status.code());
  if (code >= 500) return renderer_.RenderError(500, "Cannot do this just now; try again.");
  return renderer_.RenderError(code, Sentence(status.message()));
}

std::string CaseworkRoutes::FormatTime(int64_t unix_seconds) {
  std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%d %b %Y %H:%M UTC", &utc);
  return text;
}

std::string CaseworkRoutes::DaysBetween(int64_t from, int64_t to) {
  int64_t days = (to - from) / 86'400;
  if (days <= 0) return "under a day";
  return std::to_string(days) + (days == 1 ? " day" : " days");
}

std::string CaseworkRoutes::Sentence(std::string message) {
  if (message.empty()) return message;
  message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
  if (message.back() != '.') message += '.';
  return message;
}

void CaseworkRoutes::SetErrors(kainjow::mustache::data& view,
                               const std::vector<FieldError>& errors) {
  view.set("has_errors", !errors.empty());
  kainjow::mustache::data list(kainjow::mustache::data::type::list);
  for (const FieldError& error : errors) {
    kainjow::mustache::data one;
    one.set("message", error.message);
    one.set("field", error.field);
    one.set("has_field", !error.field.empty());
    list.push_back(one);
  }
  view.set("errors", list);
}

std::string CaseworkRoutes::ErrorFor(const std::vector<FieldError>& errors,
                                     std::string_view field) {
  for (const FieldError& error : errors) {
    if (error.field == field) return error.message;
  }
  return "";
}

std::string CaseworkRoutes::ShortPseudonym(const std::string& pseudonym) {
  return pseudonym.substr(0, 8);
}

}  // namespace cradle::web
