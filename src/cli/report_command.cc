// cradle report [--area CODE] [--period YYYY-YY] --out FILE [--pdf] [--template DIR] [--date D]
// The scrutiny report, "Reducing infant mortality in <area>", regenerated from
// the data: an HTML file in one piece, and with --pdf the same printed to PDF
// by headless Chromium. On a new or empty store it first loads the synthetic
// Leicester and the example plan, as `cradle serve` does.
#include <filesystem>
#include <fstream>

#include "cli/command.h"
#include "opendata/bundled.h"
#include "report/builder.h"
#include "report/pdf.h"
#include "report/render.h"

namespace cradle::cli {
namespace {

struct ReportArgs {
  SessionOptions session;
  std::string area = "E06000016";
  std::string period;
  std::string out;
  bool pdf = false;
  std::string template_dir;
  std::string date;
};

Status WriteFile(const std::string& path, const std::string& text) {
  const std::string temp = path + ".part";
  {
    std::ofstream file(temp, std::ios::binary);
    file << text;
    if (!file) return Status::IoError("cannot write " + path);
  }
  std::error_code error;
  std::filesystem::rename(temp, path, error);
  if (error) return Status::IoError("cannot write " + path + ": " + error.message());
  return Status::Ok();
}

Status RunReport(const ReportArgs& args, std::ostream& out) {
  std::filesystem::path html_path = args.out;
  std::filesystem::path pdf_path;
  if (args.pdf || html_path.extension() == ".pdf") {
    pdf_path = html_path;
    pdf_path.replace_extension(".pdf");
    html_path.replace_extension(".html");
  }
  records::Date today = Today();
  if (!args.date.empty()) {
    std::optional<records::Date> parsed = records::Date::Parse(args.date);
    if (!parsed) return Status::InvalidArgument("--date: not a date (YYYY-MM-DD): " + args.date);
    today = *parsed;
  }
  const std::string data_dir = opendata::DefaultDataDir();
  CRADLE_ASSIGN_OR_RETURN(
      auto renderer,
      report::ReportRenderer::Load(args.template_dir.empty() ? report::ReportTemplateDir(data_dir)
                                                             : args.template_dir));
  CRADLE_ASSIGN_OR_RETURN(auto session, Session::Open(args.session));
  CRADLE_RETURN_IF_ERROR(FillEmptyStore(*session, "report"));
  CRADLE_ASSIGN_OR_RETURN(report::LoadedInputs loaded,
                          report::LoadReportInputs(*session, data_dir));
  report::ReportRequest request;
  request.area = args.area;
  request.today = today;
  if (args.period.empty()) {
    if (!loaded.records) return Status::InvalidArgument("--period: give the report's period");
    request.period = loaded.records->DefaultPeriod();
  } else {
    CRADLE_ASSIGN_OR_RETURN(request.period, indicators::Period::Parse(args.period));
  }
  CRADLE_ASSIGN_OR_RETURN(report::Report report,
                          report::BuildReport(loaded.For(*session), request));
  CRADLE_RETURN_IF_ERROR(WriteFile(html_path.string(), renderer->Render(report)));
  out << "Wrote " << report.title << ", " << report.period << " to " << html_path.string();
  if (!pdf_path.empty()) {
    CRADLE_RETURN_IF_ERROR(report::PrintToPdf(html_path.string(), pdf_path.string()));
    out << " and " << pdf_path.string();
  }
  out << ".\n";
  if (!report.synthetic_notice.empty()) out << report.synthetic_notice << "\n";
  PrintAttributions(out, report.attributions);
  return Status::Ok();
}

}  // namespace

Command AddReportCommand(CLI::App& parent) {
  CLI::App* app = parent.add_subcommand(
      "report",
      "The scrutiny report on infant mortality, regenerated from the data (HTML, and PDF)");
  auto args = std::make_shared<ReportArgs>();
  app->add_option("--area", args->area, "Area: GSS code or name (default E06000016, Leicester)");
  app->add_option("--period", args->period,
                  "Period of the report, e.g. 2022-24 (default: the latest three years of "
                  "records)");
  app->add_option("--out", args->out, "The HTML file to write (report.html)")->required();
  app->add_flag("--pdf", args->pdf,
                "Also print it to PDF beside the HTML, with headless Chromium (an --out "
                "ending .pdf does the same)");
  app->add_option("--template", args->template_dir,
                  "Folder with report.mustache and report.css (default: the bundled "
                  "data/report, copy it to edit the wording and layout)");
  app->add_option("--date", args->date, "The report's date (default today), YYYY-MM-DD");
  AddSessionOptions(*app, args->session);
  return {app, [args](std::ostream& out) { return RunReport(*args, out); }};
}

}  // namespace cradle::cli
