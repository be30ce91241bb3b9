#include "web/app.h"

#include <fstream>
#include <sstream>

#include "accounts/pseudonym.h"
#include "base/csv_reader.h"
#include "base/strings.h"
#include "directory/seed.h"
#include "opendata/bundled.h"
#include "plan/bundled_plan.h"
#include "web/account_routes.h"
#include "web/api.h"
#include "web/casework_routes.h"
#include "web/cdop_routes.h"
#include "web/directory_admin_routes.h"
#include "web/downloads.h"
#include "web/hotspot_scans.h"
#include "web/hotspots_api.h"
#include "web/oruk_api.h"
#include "web/page_renderer.h"
#include "web/pages.h"
#include "web/plan_routes.h"
#include "web/records_routes.h"
#include "web/report_routes.h"
#include "web/routes.h"

namespace cradle::web {
namespace {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// IoD2019 File 11: the rank of each upper-tier authority's average IMD score
// (1 = most deprived) becomes a quintile.
Result<std::map<std::string, int>> ReadDeprivationQuintiles(const std::string& path) {
  CRADLE_ASSIGN_OR_RETURN(auto reader, CsvReader::Open(path));
  CRADLE_ASSIGN_OR_RETURN(size_t code_column, reader->RequireColumn("UTLA19CD"));
  CRADLE_ASSIGN_OR_RETURN(size_t rank_column, reader->RequireColumn("imd_rank_of_average_score"));
  std::vector<std::pair<std::string, int64_t>> ranks;
  for (;;) {
    CRADLE_ASSIGN_OR_RETURN(auto row, reader->Next());
    if (!row) break;
    auto rank = ParseInt64(row->fields[rank_column]);
    if (!rank) {
      return Status::InvalidData(path + " row " + std::to_string(row->row_number) +
                                 ": imd_rank_of_average_score '" + row->fields[rank_column] +
                                 "' is not a whole number");
    }
    ranks.emplace_back(row->fields[code_column], *rank);
  }
  std::map<std::string, int> quintiles;
  for (const auto& [code, rank] : ranks) {
    quintiles[code] = static_cast<int>((rank - 1) * 5 / static_cast<int64_t>(ranks.size())) + 1;
  }
  return quintiles;
}

std::string QueryString(const std::string& target) {
  size_t question = target.find('?');
  return question == std::string::npos ? "" : target.substr(question + 1);
}

const PageSpec* FindPage(std::string_view path) {
  for (const PageSpec& page : Pages()) {
    if (path == "/" + std::string(page.slug)) return &page;
  }
  return nullptr;
}

}  // namespace

void AddSecurityHeaders(Response& response) {
  response.headers.emplace_back(
      "Content-Security-Policy",
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  response.headers.emplace_back("Cross-Origin-Resource-Policy", "same-origin");
}

Result<std::unique_ptr<WebApp>> WebApp::Create(std::unique_ptr<workspace::Session> session,
                                               AppOptions options) {
  std::unique_ptr<WebApp> app(new WebApp());
  app->options_ = std::move(options);
  app->session_ = std::move(session);
  app->data_.session = app->session_.get();
  const std::string& dir = app->options_.data_dir;
  auto records =
      workspace::LoadRecordScope(*app->session_, app->session_->catalogue().disclosure_min_count());
  if (records.ok()) {
    app->data_.records = std::move(*records);
  } else if (records.status().code() != StatusCode::kNotFound) {
    return records.status();
  }
  CRADLE_ASSIGN_OR_RETURN(
      app->data_.wards,
      geo::ReadBoundaries(dir + "/open/leicester_wards.geojson", "WD22CD", "ward_name"));
  CRADLE_ASSIGN_OR_RETURN(
      app->data_.lsoas,
      geo::ReadBoundaries(dir + "/open/leicester_lsoa21_imd2025.geojson", "LSOA21CD", "LSOA21NM"));
  CRADLE_ASSIGN_OR_RETURN(app->data_.upper_tier, opendata::ReadUpperTierBoundaries(dir));
  CRADLE_ASSIGN_OR_RETURN(
      app->data_.deprivation_quintile,
      ReadDeprivationQuintiles(dir + "/open/england_utla2019_imd2019_summary.csv"));
  app->data_.hotspots = std::make_shared<HotspotScans>();
  // An empty service directory gets the bundled example entries, as an empty
  // store gets the bundled open data.
  CRADLE_RETURN_IF_ERROR(directory::LoadSeedIfEmpty(*app->session_->store().Directory(),
                                                    dir + "/directory/seed.json",
                                                    directory::NowTimestamp())
                             .status());
  // And a store without an action plan gets the bundled example plan.
  CRADLE_RETURN_IF_ERROR(plan::LoadBundledPlanIfEmpty(app->session_->store(), dir).status());
  CRADLE_ASSIGN_OR_RETURN(app->static_files_, StaticFiles::Load(dir + "/web/static"));
  CRADLE_ASSIGN_OR_RETURN(app->openapi_, ReadFile(dir + "/web/openapi.json"));
  CRADLE_ASSIGN_OR_RETURN(app->renderer_, PageRenderer::Load(dir + "/web/templates"));
  AccountRoutesOptions account_options{dir + "/web/templates", app->options_.audit_head_dir,
                                       app->options_.accounts, app->options_.secure_cookies};
  if (account_options.head_directory.empty()) {
    CRADLE_ASSIGN_OR_RETURN(account_options.head_directory, accounts::DefaultKeyDirectory());
  }
  const audit::Clock& clock = app->options_.clock ? *app->options_.clock : app->system_clock_;
  CRADLE_ASSIGN_OR_RETURN(app->accounts_, AccountRoutes::Create(app->session_->store(), clock,
                                                                *app->renderer_, account_options));
  std::string key_path = app->options_.pseudonym_key_path;
  if (key_path.empty()) {
    CRADLE_ASSIGN_OR_RETURN(key_path, accounts::DefaultPseudonymKeyPath());
  }
  CRADLE_ASSIGN_OR_RETURN(app->pseudonymiser_, accounts::Pseudonymiser::FromKeyFile(key_path));
  // The parts that answer for a known user (routes.h), each on its own paths.
  RouteDeps deps{app->data_, app->session_->store(), app->accounts_->log(),
                 clock,      *app->renderer_,        *app->pseudonymiser_,
                 dir};
  CRADLE_ASSIGN_OR_RETURN(auto casework, CaseworkRoutes::Create(deps));
  app->routes_.push_back(std::move(casework));
  CRADLE_ASSIGN_OR_RETURN(auto records_routes, RecordsRoutes::Create(deps));
  app->routes_.push_back(std::move(records_routes));
  CRADLE_ASSIGN_OR_RETURN(auto directory_admin, DirectoryAdminRoutes::Create(deps));
  app->routes_.push_back(std::move(directory_admin));
  CRADLE_ASSIGN_OR_RETURN(auto cdop_routes, CdopRoutes::Create(deps));
  app->routes_.push_back(std::move(cdop_routes));
  CRADLE_ASSIGN_OR_RETURN(auto plan_routes, PlanRoutes::Create(deps));
  app->routes_.push_back(std::move(plan_routes));
  CRADLE_ASSIGN_OR_RETURN(auto report_routes, ReportRoutes::Create(deps));
  app->routes_.push_back(std::move(report_routes));
  return app;
}

WebApp::~WebApp() = default;

Response WebApp::Handle(const Request& request) {
  // The ORUK API answers its own methods and CORS, and is never cached: the
  // directory changes while the server runs (admin edits, staleness by date).
  if (IsOrukPath(request.path)) {
    Response response;
    {
      std::lock_guard lock(compute_mutex_);
      response = HandleOruk(*session_->store().Directory(), request, workspace::Today());
    }
    AddSecurityHeaders(response);
    return response;
  }
  // Logging in and out and managing users change the store: never cached.
  if (AccountRoutes::Handles(request.path)) {
    Response response;
    {
      std::lock_guard lock(compute_mutex_);
      response = accounts_->Handle(request);
    }
    AddSecurityHeaders(response);
    return response;
  }
  for (const auto& routes : routes_) {
    if (routes->Handles(request.path)) {
      Response response;
      {
        std::lock_guard lock(compute_mutex_);
        response = ForUser(*routes, request);
      }
      AddSecurityHeaders(response);
      return response;
    }
  }
  if (request.method != "GET" && request.method != "HEAD") {
    Response response = JsonError(405, request.method + " is not allowed: this server only reads");
    response.headers.emplace_back("Allow", "GET, HEAD");
    AddSecurityHeaders(response);
    return response;
  }
  Response response;
  bool cached = false;
  {
    std::shared_lock lock(cache_mutex_);
    auto found = cache_.find(request.target);
    if (found != cache_.end()) {
      response = found->second;
      cached = true;
    }
  }
  if (!cached) {
    {
      std::lock_guard lock(compute_mutex_);
      response = Compute(request);
    }
    AddSecurityHeaders(response);
    std::unique_lock lock(cache_mutex_);
    if (cache_.size() < options_.max_cached) cache_.emplace(request.target, response);
  }
  // Kept pages carry the public header; a logged-in user's is put in its place.
  if (request.headers.count("cookie") && response.content_type.rfind("text/html", 0) == 0) {
    std::lock_guard lock(compute_mutex_);
    response = accounts_->Personalise(std::move(response), accounts_->Resolve(request));
  }
  return response;
}

// What every Routes needs done first (routes.h); its answer is the user's.
Response WebApp::ForUser(Routes& routes, const Request& request) {
  RequestContext context = accounts_->Resolve(request);
  auto answer = [&]() -> Response {
    if (Reads(request)) return routes.Handle(request, context, {});
    if (request.method != "POST") return NotAllowed(request.method, "GET, HEAD, POST");
    FormFields form;
    if (!request.body.empty()) {
      auto parsed = ParseForm(request);
      if (!parsed.ok()) {
        return renderer_->RenderError(
            400, "The form cannot be read: " + parsed.status().message() + ".");
      }
      form = std::move(*parsed);
    }
    Status csrf = accounts_->CheckCsrf(context, request, form);
    if (!csrf.ok()) return renderer_->RenderError(403, csrf.message());
    return routes.Handle(request, context, form);
  };
  Response response = accounts_->Personalise(answer(), context);
  // Record-level data and forms: no cache keeps them, logged in or not.
  bool has_cache_control = false;
  for (const auto& [name, value] : response.headers) has_cache_control |= name == "Cache-Control";
  if (!has_cache_control) response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Response WebApp::Compute(const Request& request) {
  const std::string& path = request.path;
  if (path.rfind("/api/v1/", 0) == 0) {
    if (path == "/api/v1/openapi.json") {
      return Response::Text(200, "application/json", openapi_);
    }
    // Hotspots read the records and boundaries, not only the engine.
    if (path == "/api/v1/hotspots") return HotspotsApi(data_, request);
    return HandleApi(session_->engine(), request);
  }
  if (path.rfind("/static/", 0) == 0) {
    const StaticFile* file = static_files_.Find(path.substr(8));
    if (!file) return renderer_->RenderError(404, "No such file: " + path);
    Response response = Response::Text(200, file->content_type, file->body);
    response.headers.emplace_back("Cache-Control", "public, max-age=3600");
    return response;
  }
  if (path.rfind("/data/", 0) == 0) return Download(request);
  const PageSpec* spec = FindPage(path);
  if (!spec) return renderer_->RenderError(404, "There is no page at " + path + ".");
  auto page = spec->build(data_, request.query);
  if (!page.ok()) {
    int status = page.status().code() == StatusCode::kInvalidArgument ? 400 : 500;
    return renderer_->RenderError(status, page.status().message());
  }
  return Response::Text(200, "text/html; charset=utf-8",
                        renderer_->Render(*page, QueryString(request.target)));
}

// /data/<page>-<section>.csv or .xlsx: the table behind one section of a
// page, for the same query as the page.
Response WebApp::Download(const Request& request) {
  std::string name = request.path.substr(6);
  size_t dot = name.rfind('.');
  std::string extension = dot == std::string::npos ? "" : name.substr(dot + 1);
  std::string id = name.substr(0, dot);
  if (extension != "csv" && extension != "xlsx") {
    return renderer_->RenderError(404, "Tables download as .csv or .xlsx: " + request.path);
  }
  for (const PageSpec& spec : Pages()) {
    std::string prefix =
        (spec.slug.empty() ? std::string("overview") : std::string(spec.slug)) + "-";
    if (id.rfind(prefix, 0) != 0) continue;
    auto page = spec.build(data_, request.query);
    if (!page.ok()) {
      int status = page.status().code() == StatusCode::kInvalidArgument ? 400 : 500;
      return renderer_->RenderError(status, page.status().message());
    }
    for (const Section& section : page->sections) {
      if (prefix + section.id != id || !section.table) continue;
      Response response;
      if (extension == "csv") {
        response = Response::Text(200, "text/csv; charset=utf-8", TableCsv(*section.table));
      } else {
        auto xlsx = TableXlsx(*section.table);
        if (!xlsx.ok()) return renderer_->RenderError(500, xlsx.status().message());
        response =
            Response::Text(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           std::move(*xlsx));
      }
      response.headers.emplace_back("Content-Disposition",
                                    "attachment; filename=\"cradle-" + id + "." + extension + "\"");
      return response;
    }
  }
  return renderer_->RenderError(404, "There is no table " + id + ".");
}

}  // namespace cradle::web
