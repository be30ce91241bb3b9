#include "report/builder.h"

#include <algorithm>

#include "opendata/attribution.h"
#include "opendata/bundled.h"
#include "report/figures.h"
#include "report/sections.h"
#include "workspace/synthetic_leicester.h"

namespace cradle::report {
namespace {

void AddUnique(std::vector<std::string>& lines, const std::string& line) {
  if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
}

}  // namespace

Block& ReportSection::Current() {
  if (blocks.empty()) blocks.emplace_back();
  return blocks.back();
}

void ReportSection::Begin(std::string sub_heading) {
  blocks.push_back(Block{std::move(sub_heading), {}, {}, {}});
}

std::vector<const Statement*> ReportSection::Statements() const {
  std::vector<const Statement*> all;
  for (const Block& block : blocks) {
    for (const Statement& statement : block.statements) all.push_back(&statement);
  }
  return all;
}

std::vector<const Statement*> AllStatements(const Report& report) {
  std::vector<const Statement*> all;
  for (const ReportSection& section : report.sections) {
    for (const Statement* statement : section.Statements()) all.push_back(statement);
  }
  return all;
}

Result<LoadedInputs> LoadReportInputs(workspace::Session& session, const std::string& data_dir) {
  LoadedInputs loaded;
  CRADLE_ASSIGN_OR_RETURN(bool no_births, workspace::HoldsNoBirths(session.store()));
  if (!no_births) {
    CRADLE_ASSIGN_OR_RETURN(
        loaded.records,
        workspace::LoadRecordScope(session, session.catalogue().disclosure_min_count()));
  }
  CRADLE_ASSIGN_OR_RETURN(loaded.upper_tier, opendata::ReadUpperTierBoundaries(data_dir));
  return loaded;
}

Result<Report> BuildReport(const ReportInputs& inputs, const ReportRequest& request) {
  if (request.period.years < 1 || request.period.years > 5) {
    return Status::InvalidArgument("period: a report covers one to five years, not " +
                                   request.period.Label());
  }
  const indicators::Engine& engine = inputs.session->engine();
  CRADLE_ASSIGN_OR_RETURN(const store::Area* area, engine.ResolveArea(request.area));
  SectionInputs in{
      .inputs = inputs, .area = *area, .period = request.period, .today = request.today};
  if (inputs.records && inputs.records->area_code == area->code) in.records = inputs.records;
  if (in.records && (request.period.first_year < in.records->frame.first_year ||
                     request.period.last_year() > in.records->frame.last_year)) {
    return Status::InvalidArgument(
        "period: the records hold births from " + std::to_string(in.records->frame.first_year) +
        " to " + std::to_string(in.records->frame.last_year) + ", not " + request.period.Label());
  }
  store::Store& store = inputs.session->store();
  auto view =
      plan::BuildSteeringView(store, request.today, engine.catalogue().disclosure_min_count());
  if (view.ok()) {
    in.measures = view->measures;
    in.plan = std::move(*view);
  } else {
    in.plan_missing = view.status().message();
    CRADLE_ASSIGN_OR_RETURN(
        std::vector<plan::MeasureSeries> measures,
        plan::ComputeMeasures(store, engine.catalogue().disclosure_min_count()));
    for (plan::MeasureSeries& series : measures) {
      in.measures.emplace(std::string(series.definition->id), std::move(series));
    }
  }

  Report report;
  report.title = "Reducing infant mortality in " + area->name;
  report.subtitle = "Report to the scrutiny commission, " + request.period.Label();
  report.area_code = area->code;
  report.area_name = area->name;
  report.period = request.period.Label();
  report.generated = request.today.ToString();
  if (in.records) report.synthetic_notice = in.records->SyntheticNotice();

  std::vector<ReportSection> sections;
  sections.push_back(ContextSection(in));
  sections.push_back(FactorsSection(in));
  sections.push_back(BookingSection(in));
  sections.push_back(RecommendationsSection(in));
  sections.push_back(PlanSection(in));
  sections.push_back(EqualitiesSection(in));

  AddUnique(report.attributions, std::string(opendata::kOnsAttribution));
  if (in.records) {
    for (const std::string& line : in.records->Attributions()) AddUnique(report.attributions, line);
  }
  if (inputs.upper_tier && !inputs.upper_tier->empty()) {
    for (const std::string& line : BoundaryAttributions()) AddUnique(report.attributions, line);
  }
  report.sections.push_back(SummarySection(sections));
  for (ReportSection& section : sections) report.sections.push_back(std::move(section));
  report.sections.push_back(DataNotesSection(in, report.attributions));
  return report;
}

}  // namespace cradle::report
