#include "web/report_routes.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "base/file.h"
#include "report/builder.h"
#include "report/pdf.h"
#include "report/render.h"
#include "web/page_parts.h"
#include "web/params.h"

namespace cradle::web {

namespace mustache = kainjow::mustache;
using report::ListData;

struct ReportRoutes::Parts {
  std::unique_ptr<report::ReportRenderer> renderer;
  std::unique_ptr<mustache::mustache> chooser;
};

namespace {

// The three-year periods a report can cover, latest first: those of the
// records, then the ONS tables'.
std::vector<std::string> ReportPeriods(const AppData& data) {
  std::vector<std::string> labels;
  if (data.records) {
    const auto& frame = data.records->frame;
    for (int last = frame.last_year; last - 2 >= frame.first_year; --last) {
      labels.push_back(indicators::Period{last - 2, 3}.Label());
    }
  }
  const indicators::Engine& engine = data.session->engine();
  if (auto infant = engine.catalogue().Find(kDefaultIndicator); infant.ok()) {
    std::vector<indicators::Period> periods = engine.Periods(**infant);
    for (auto it = periods.rbegin(); it != periods.rend(); ++it) {
      if (it->years != 3) continue;
      if (std::find(labels.begin(), labels.end(), it->Label()) == labels.end()) {
        labels.push_back(it->Label());
      }
    }
  }
  return labels;
}

// <option>s for the chooser's <select>.
mustache::data Options(const std::vector<std::pair<std::string, std::string>>& choices,
                       const std::string& selected) {
  mustache::data options = ListData();
  for (const auto& [value, label] : choices) {
    mustache::data option;
    option.set("value", value);
    option.set("label", label);
    option.set("selected", value == selected);
    options.push_back(option);
  }
  return options;
}

std::string DefaultArea(const AppData& data) {
  return data.records && !data.records->area_code.empty() ? data.records->area_code
                                                          : std::string("E06000016");
}

}  // namespace

Result<std::unique_ptr<ReportRoutes>> ReportRoutes::Create(const RouteDeps& deps) {
  std::unique_ptr<ReportRoutes> routes(new ReportRoutes(deps));
  CRADLE_ASSIGN_OR_RETURN(routes->parts_->renderer,
                          report::ReportRenderer::Load(report::ReportTemplateDir(deps.data_dir)));
  CRADLE_ASSIGN_OR_RETURN(routes->parts_->chooser,
                          LoadTemplate(deps.data_dir + "/web/templates/reports.mustache"));
  return routes;
}

ReportRoutes::ReportRoutes(const RouteDeps& deps)
    : deps_(deps), parts_(std::make_unique<Parts>()) {}

ReportRoutes::~ReportRoutes() = default;

bool ReportRoutes::Handles(std::string_view path) const {
  return path == "/reports" || path == "/report" || path == "/report.pdf" || path == "/report.css";
}

Response ReportRoutes::Handle(const Request& request, const RequestContext& /*context*/,
                              const FormFields& /*form*/) {
  if (!Reads(request)) return NotAllowed(request.method, "GET, HEAD");
  if (request.path == "/reports") return Chooser(request);
  if (request.path == "/report.css") {
    Response response = Response::Text(200, "text/css; charset=utf-8", parts_->renderer->css());
    response.headers.emplace_back("Cache-Control", "public, max-age=3600");
    return response;
  }
  return Report(request, request.path == "/report.pdf");
}

Response ReportRoutes::Chooser(const Request& request) {
  const AppData& data = deps_.data;
  mustache::data view;
  const std::string area =
      request.query.count("area") ? request.query.at("area") : DefaultArea(data);
  view.set("areas", Options(AreaChoice(data.session->engine(), area).options, area));
  const std::vector<std::string> labels = ReportPeriods(data);
  std::string chosen = labels.empty() ? "" : labels.front();
  if (auto found = request.query.find("period"); found != request.query.end())
    chosen = found->second;
  std::vector<std::pair<std::string, std::string>> periods;
  for (const std::string& label : labels) periods.emplace_back(label, label);
  view.set("periods", Options(periods, chosen));
  view.set("records_area", data.records ? data.records->area_label : std::string("no area"));
  view.set("synthetic", data.records && !data.records->SyntheticNotice().empty());
  return deps_.renderer.RenderContent(200, "The scrutiny report", parts_->chooser->render(view));
}

Response ReportRoutes::Report(const Request& request, bool pdf) {
  const AppData& data = deps_.data;
  if (Status names = CheckParameterNames(request.query, {"area", "period"}); !names.ok()) {
    return deps_.renderer.RenderError(400, names.message());
  }
  report::ReportRequest wanted;
  wanted.area = request.query.count("area") ? request.query.at("area") : DefaultArea(data);
  wanted.today = TodayOf(deps_.clock);
  if (auto found = request.query.find("period"); found != request.query.end()) {
    auto period = indicators::Period::Parse(found->second);
    if (!period.ok())
      return deps_.renderer.RenderError(400, "period: " + period.status().message());
    wanted.period = *period;
  } else if (data.records) {
    wanted.period = data.records->DefaultPeriod();
  } else {
    return deps_.renderer.RenderError(400, "period: give the report's period, e.g. 2020-22");
  }
  report::ReportInputs inputs{data.session, data.records ? &*data.records : nullptr,
                              &data.upper_tier};
  auto built = report::BuildReport(inputs, wanted);
  if (!built.ok()) {
    const StatusCode code = built.status().code();
    return deps_.renderer.RenderError(
        code == StatusCode::kNotFound || code == StatusCode::kInvalidArgument ? 400 : 500,
        built.status().message());
  }
  if (!pdf) {
    return Response::Text(200, "text/html; charset=utf-8",
                          parts_->renderer->Render(*built, "/report.css"));
  }
  // Printed from a file of its own, with the style sheet inlined.
  namespace fs = std::filesystem;
  std::string folder = (fs::temp_directory_path() / "cradle-report-XXXXXX").string();
  if (mkdtemp(folder.data()) == nullptr) {
    return deps_.renderer.RenderError(500, "Cannot make the PDF just now.");
  }
  const std::string html = folder + "/report.html";
  const std::string out = folder + "/report.pdf";
  std::ofstream(html, std::ios::binary) << parts_->renderer->Render(*built);
  Status printed = report::PrintToPdf(html, out);
  Result<std::string> bytes = printed.ok() ? ReadFileBytes(out) : Result<std::string>(printed);
  std::error_code error;
  fs::remove_all(folder, error);
  if (!bytes.ok()) {
    return deps_.renderer.RenderError(503,
                                      "The PDF cannot be made here: " + bytes.status().message());
  }
  Response response = Response::Text(200, "application/pdf", std::move(*bytes));
  response.headers.emplace_back(
      "Content-Disposition",
      "attachment; filename=\"cradle-report-" + built->area_code + "-" + built->period + ".pdf\"");
  return response;
}

}  // namespace cradle::web
