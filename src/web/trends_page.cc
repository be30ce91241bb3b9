// Trends: rolling three-year rates with 95% intervals for the area, its
// county neighbour and England, and — where the store holds the area's
// records — the SPC (XmR) chart of infant deaths by month with the Making
// Data Count rules and icons.
#include "charts/line_chart.h"
#include "charts/spc_chart.h"
#include "geo/area_type.h"
#include "inequalities/death_series.h"
#include "stats/spc.h"
#include "web/page_parts.h"
#include "web/pages.h"

namespace cradle::web {
namespace {

charts::SpcPointType PointTypeOf(stats::PointType type) {
  switch (type) {
    case stats::PointType::kCommonCause:
      return charts::SpcPointType::kCommonCause;
    case stats::PointType::kSpecialCauseImprovement:
      return charts::SpcPointType::kImprovement;
    case stats::PointType::kSpecialCauseConcern:
      return charts::SpcPointType::kConcern;
    default:
      return charts::SpcPointType::kNeither;
  }
}

charts::SpcIcon VariationIconOf(stats::VariationIcon icon) {
  std::string text(stats::VariationIconName(icon));
  switch (icon) {
    case stats::VariationIcon::kCommonCause:
      return {charts::SpcPointType::kCommonCause, "C", text};
    case stats::VariationIcon::kImprovementHigh:
      return {charts::SpcPointType::kImprovement, "H", text};
    case stats::VariationIcon::kImprovementLow:
      return {charts::SpcPointType::kImprovement, "L", text};
    case stats::VariationIcon::kConcernHigh:
      return {charts::SpcPointType::kConcern, "H", text};
    case stats::VariationIcon::kConcernLow:
      return {charts::SpcPointType::kConcern, "L", text};
    case stats::VariationIcon::kNeitherHigh:
      return {charts::SpcPointType::kNeither, "H", text};
    case stats::VariationIcon::kNeitherLow:
      return {charts::SpcPointType::kNeither, "L", text};
  }
  return {charts::SpcPointType::kCommonCause, "C", text};
}

Section SpcSection(const AppData& data, const store::Area& area) {
  Section section{"spc", "Infant deaths by month: statistical process control", {}, "", {}};
  const auto& records = data.records;
  if (!records || records->area_code != area.code) {
    section.paragraphs.push_back("The store holds no record-level births and deaths for " +
                                 area.name + ", so there is no monthly series to chart.");
    return section;
  }
  inequalities::DeathSpcOptions options;
  options.disclosure_min_count = records->disclosure_min_count;
  auto spc = inequalities::DeathsSpc(records->frame, options);
  if (!spc.ok()) {
    section.paragraphs.push_back("No SPC chart: " + spc.status().message());
    return section;
  }
  section.paragraphs.push_back(
      "An XmR chart of deaths under one year by month of death, " +
      std::to_string(spc->first_year) + " to " + std::to_string(spc->last_year) +
      ", with the NHS Making Data Count rules: a point beyond the process limits, a run of "
      "seven on one side of the mean, a trend of seven, or two of three near a limit is special "
      "cause variation. Fewer deaths is an improvement.");
  for (const std::string& note : spc->notes) section.paragraphs.push_back(note);
  std::vector<charts::SpcPoint> points;
  for (size_t i = 0; i < spc->points.size(); ++i) {
    const stats::SpcPoint& point = spc->chart.points[i];
    charts::SpcPoint out;
    out.label = spc->points[i].label;
    if (!spc->points[i].hidden) out.value = static_cast<double>(spc->points[i].deaths);
    out.missing_text = spc->points[i].hidden ? "*" : "-";
    out.mean = point.limits.mean;
    out.upper_limit = point.limits.upper_process_limit;
    out.lower_limit = point.limits.lower_process_limit;
    out.upper_near = point.limits.upper_near_limit;
    out.lower_near = point.limits.lower_near_limit;
    out.type = PointTypeOf(point.point_type);
    points.push_back(out);
  }
  charts::SpcChartOptions chart_options;
  chart_options.id = "trends-spc";
  chart_options.title = "Infant deaths by month, " + area.name;
  chart_options.description = "XmR chart of monthly infant deaths with mean and process limits";
  chart_options.x_title = "Month of death";
  chart_options.y_title = "Infant deaths";
  chart_options.decimals = 0;
  chart_options.variation_icon = VariationIconOf(spc->chart.variation);
  chart_options.notes = RecordNotes(*records);
  charts::Chart chart = charts::SpcChart(chart_options, points);
  section.svg = chart.svg;
  section.table = chart.table;
  section.table->notes = RecordNotes(*records);
  return section;
}

}  // namespace

Result<Page> BuildTrends(const AppData& data, const Query& query) {
  const indicators::Engine& engine = data.session->engine();
  CRADLE_RETURN_IF_ERROR(CheckParameterNames(query, {"area", "indicator"}));
  CRADLE_ASSIGN_OR_RETURN(const store::Area* area, AreaParam(engine, query));
  CRADLE_ASSIGN_OR_RETURN(const indicators::Indicator* indicator, IndicatorParam(engine, query));
  Page page;
  page.slug = "trends";
  page.title = "Trends: " + indicator->name + ", " + area->name;
  Choice indicators_choice{"indicator", "Indicator", {}, indicator->id};
  for (const auto& one : engine.catalogue().indicators()) {
    indicators_choice.options.emplace_back(one.id, one.name);
  }
  page.choices = {AreaChoice(engine, area->code), indicators_choice};

  std::vector<std::string> codes = {area->code};
  if (auto neighbour = NearestNeighbour(data, area->code)) codes.push_back(*neighbour);
  codes.push_back(std::string(geo::kEnglandCode));
  std::vector<std::string> labels;
  std::vector<charts::LineSeries> series(codes.size());
  for (size_t i = 0; i < codes.size(); ++i) {
    series[i].name = AreaName(engine, codes[i]);
    series[i].benchmark = codes[i] == geo::kEnglandCode;
  }
  std::vector<indicators::IndicatorValue> values;
  for (const indicators::Period& period : engine.Periods(*indicator)) {
    if (period.years != 3) continue;
    labels.push_back(period.Label());
    for (size_t i = 0; i < codes.size(); ++i) {
      indicators::IndicatorValue value = engine.Compute(*indicator, codes[i], period);
      values.push_back(value);
      series[i].points.push_back(LinePointOf(value));
    }
  }
  Section rolling{"rolling", "Rolling three-year rates", {}, "", {}};
  rolling.paragraphs.push_back(
      area->name +
      " beside its nearest upper-tier neighbour and England, each with its 95% "
      "interval. To 2015-17 the ONS counts deaths registered in the year; from 2020-22 deaths "
      "occurring in the year (death cohort): the bases differ, so read the two parts apart.");
  charts::LineChartOptions options;
  options.id = "trends-rolling";
  options.title = indicator->name + ", rolling three-year periods";
  options.description = "Rolling three-year values with 95% intervals for " + area->name +
                        ", its neighbour and England";
  options.y_title = indicator->unit;
  options.decimals = indicator->decimals;
  options.notes = EngineNotes(engine, values);
  if (labels.empty()) {
    rolling.paragraphs.push_back(indicator->name + " has no three-year periods in the data.");
  } else {
    charts::Chart chart = charts::LineChart(options, labels, series);
    rolling.svg = chart.svg;
    rolling.table = ValuesTable(engine, options.title, values, false);
  }
  page.sections.push_back(std::move(rolling));
  page.sections.push_back(SpcSection(data, *area));
  page.notes = EngineNotes(engine, values);
  if (data.records && data.records->area_code == area->code) {
    for (const std::string& note : RecordNotes(*data.records)) {
      if (std::find(page.notes.begin(), page.notes.end(), note) == page.notes.end()) {
        page.notes.push_back(note);
      }
    }
  }
  return page;
}

}  // namespace cradle::web
