// Overview: the headline infant mortality rate of an area with its intervals
// against England and its county neighbour, its rank, what the gap means in
// deaths a year, the neonatal share, the trend, and every indicator of the
// profile.
#include <fmt/format.h>

#include <cmath>

#include "charts/bar_chart.h"
#include "charts/line_chart.h"
#include "geo/area_type.h"
#include "report/statements.h"
#include "web/page_parts.h"
#include "web/pages.h"

namespace cradle::web {

Result<Page> BuildOverview(const AppData& data, const Query& query) {
  const indicators::Engine& engine = data.session->engine();
  CRADLE_RETURN_IF_ERROR(CheckParameterNames(query, {"area", "period"}));
  CRADLE_ASSIGN_OR_RETURN(const store::Area* area, AreaParam(engine, query));
  CRADLE_ASSIGN_OR_RETURN(const indicators::Indicator* infant,
                          engine.catalogue().Find(kDefaultIndicator));
  CRADLE_ASSIGN_OR_RETURN(indicators::Period period, PeriodParam(engine, *infant, query));

  Page page;
  page.slug = "";
  page.title = "Infant mortality in " + area->name + ", " + period.Label();
  page.choices = {AreaChoice(engine, area->code), PeriodChoice(engine, *infant, period.Label(), 0)};

  indicators::IndicatorValue headline = engine.Compute(*infant, area->code, period);
  std::optional<std::string> neighbour_code = NearestNeighbour(data, area->code);
  std::vector<indicators::IndicatorValue> compared = {headline};
  if (neighbour_code) compared.push_back(engine.Compute(*infant, *neighbour_code, period));
  compared.push_back(engine.Compute(*infant, std::string(geo::kEnglandCode), period));

  Section rate{"headline", "How many babies die before their first birthday", {}, "", {}};
  rate.paragraphs = report::Texts(report::HeadlineStatements(engine, headline));
  if (neighbour_code) {
    rate.paragraphs.push_back(report::NeighbourStatement(engine, headline, compared[1]).text);
  }
  if (std::string gap = report::GapStatement(engine, headline).text; !gap.empty()) {
    rate.paragraphs.push_back(gap);
  }
  std::vector<charts::Bar> bars;
  for (const indicators::IndicatorValue& value : compared) {
    bars.push_back(AreaBar(engine, value, area->code));
  }
  charts::BarChartOptions bar_options;
  bar_options.id = "overview-rate";
  bar_options.title = infant->name + ", " + period.Label();
  bar_options.description = "Infant mortality rate with 95% confidence intervals for " +
                            area->name + ", its neighbour and England";
  bar_options.value_title = "Deaths under 1 year per 1,000 live births";
  bar_options.benchmark = headline.comparator_value;
  bar_options.notes = EngineNotes(engine, compared);
  charts::Chart bar_chart = charts::BarChart(bar_options, bars);
  rate.svg = bar_chart.svg;
  rate.table = ValuesTable(engine, bar_options.title, compared, false);
  page.sections.push_back(std::move(rate));

  // The neonatal share: most infant deaths are in the first 28 days.
  if (auto share = engine.catalogue().Find("neonatal-share"); share.ok()) {
    indicators::IndicatorValue value = engine.Compute(**share, area->code, period);
    Section neonatal{"neonatal", "Deaths in the first four weeks", {}, "", {}};
    neonatal.paragraphs.push_back(report::ShareStatement(engine, value).text);
    neonatal.table = ValuesTable(engine, (*share)->name, {value}, true);
    page.sections.push_back(std::move(neonatal));
  }

  // The trend over every 3-year period the data hold.
  Section trend{"trend", "Trend", {}, "", {}};
  std::vector<std::string> labels;
  std::vector<charts::LineSeries> series(2);
  series[0].name = area->name;
  series[1].name = "England";
  series[1].benchmark = true;
  std::vector<indicators::IndicatorValue> trend_values;
  for (const indicators::Period& one : engine.Periods(*infant)) {
    if (one.years != 3) continue;
    labels.push_back(one.Label());
    for (int i = 0; i < 2; ++i) {
      indicators::IndicatorValue value =
          engine.Compute(*infant, i == 0 ? area->code : std::string(geo::kEnglandCode), one);
      trend_values.push_back(value);
      series[i].points.push_back(LinePointOf(value));
    }
  }
  trend.paragraphs.push_back(
      "Rolling three-year rates. Up to 2015-17 the ONS counts deaths registered in each year; "
      "from 2020-22 deaths occurring in each year (the death cohort), so the two parts are not "
      "one series. The Trends page adds the county neighbour and the SPC chart.");
  charts::LineChartOptions line_options;
  line_options.id = "overview-trend";
  line_options.title = infant->name + ": " + area->name + " and England";
  line_options.description = "Rolling three-year infant mortality rates with 95% intervals";
  line_options.y_title = "Per 1,000 live births";
  line_options.notes = EngineNotes(engine, trend_values);
  charts::Chart line = charts::LineChart(line_options, labels, series);
  trend.svg = line.svg;
  trend.table = line.table;
  page.sections.push_back(std::move(trend));

  // Every indicator of the profile.
  std::vector<indicators::IndicatorValue> profile = engine.Profile(area->code, period);
  Section all{"profile", "Every indicator for " + area->name + ", " + period.Label(), {}, "", {}};
  all.paragraphs.push_back(
      "Compared with England at 95% confidence; rank among English upper-tier authorities, "
      "1 = highest value.");
  all.svg = SpineChartFor(data, area->code, period, profile);
  all.table = ValuesTable(engine, all.heading, profile, true);
  page.sections.push_back(std::move(all));
  page.notes = EngineNotes(engine, profile);
  return page;
}

}  // namespace cradle::web
