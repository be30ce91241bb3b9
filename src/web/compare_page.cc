// Compare areas: every English upper-tier authority's value as bars with 95%
// intervals against England, and a funnel plot of value against live births
// with England's 95% and 99.8% control limits; filtered by region and by
// deprivation (the quintile of the IMD 2019 average score among upper-tier
// authorities).
#include <algorithm>
#include <cmath>

#include "charts/bar_chart.h"
#include "charts/funnel_plot.h"
#include "geo/area_type.h"
#include "stats/funnel.h"
#include "web/page_parts.h"
#include "web/pages.h"

namespace cradle::web {
namespace {

// England's funnel limits for a rate per `multiplier` around `average_rate`
// (events per person), on a log-spaced grid of denominators from `low` to
// `high`. stats:: gives, for a number of events, the denominators at which it
// sits on each limit; here each limit curve is interpolated (in log
// denominator) onto the common grid the chart draws.
struct FunnelCurves {
  std::vector<charts::FunnelLimit> limits95;
  std::vector<charts::FunnelLimit> limits998;
};

double Interpolate(const std::vector<std::pair<double, double>>& curve, double x) {
  // curve: (denominator, rate), sorted by denominator.
  if (x <= curve.front().first) return curve.front().second;
  if (x >= curve.back().first) return curve.back().second;
  auto upper = std::lower_bound(curve.begin(), curve.end(), std::make_pair(x, -1e300));
  auto lower = upper - 1;
  double t =
      (std::log(x) - std::log(lower->first)) / (std::log(upper->first) - std::log(lower->first));
  return lower->second + t * (upper->second - lower->second);
}

FunnelCurves RateFunnel(double average_rate, double multiplier, double low, double high) {
  std::vector<std::pair<double, double>> curves[4];
  double max_events = average_rate * high * 4 + 50;
  for (double events = 0.5; events < max_events; events *= 1.15) {
    auto point = stats::RateFunnelLimits(events, average_rate, multiplier, 1);
    if (!point.ok()) continue;
    curves[0].emplace_back(point->lower_2s_population_per_year, point->limits.lower_2s);
    curves[1].emplace_back(point->upper_2s_population_per_year, point->limits.upper_2s);
    curves[2].emplace_back(point->lower_3s_population_per_year, point->limits.lower_3s);
    curves[3].emplace_back(point->upper_3s_population_per_year, point->limits.upper_3s);
  }
  for (auto& curve : curves) std::sort(curve.begin(), curve.end());
  FunnelCurves out;
  if (curves[0].empty()) return out;
  for (int i = 0; i <= 60; ++i) {
    double x = low * std::pow(high / low, i / 60.0);
    out.limits95.push_back(
        {x, std::max(0.0, Interpolate(curves[0], x)), Interpolate(curves[1], x)});
    out.limits998.push_back(
        {x, std::max(0.0, Interpolate(curves[2], x)), Interpolate(curves[3], x)});
  }
  return out;
}

}  // namespace

Result<Page> BuildCompare(const AppData& data, const Query& query) {
  const indicators::Engine& engine = data.session->engine();
  CRADLE_RETURN_IF_ERROR(
      CheckParameterNames(query, {"indicator", "period", "area", "region", "deprivation"}));
  CRADLE_ASSIGN_OR_RETURN(const indicators::Indicator* indicator, IndicatorParam(engine, query));
  CRADLE_ASSIGN_OR_RETURN(indicators::Period period, PeriodParam(engine, *indicator, query));
  CRADLE_ASSIGN_OR_RETURN(const store::Area* area, AreaParam(engine, query));
  std::string region;
  if (auto found = query.find("region"); found != query.end() && !found->second.empty()) {
    const store::Area* chosen = engine.FindArea(found->second);
    if (!chosen || chosen->type != "Region") {
      return Status::InvalidArgument("region: '" + found->second +
                                     "' is not an English region code (E12…)");
    }
    region = chosen->code;
  }
  CRADLE_ASSIGN_OR_RETURN(int deprivation, IntParam(query, "deprivation", 0, 5, 0));

  Page page;
  page.slug = "compare";
  page.title = "Compare areas: " + indicator->name + ", " + period.Label();
  page.intro.push_back(
      "Every English upper-tier authority with data, compared with England at 95% confidence. "
      "Colours follow Fingertips; shapes say the same for readers who do not see colour.");

  Choice indicators_choice{"indicator", "Indicator", {}, indicator->id};
  for (const auto& one : engine.catalogue().indicators()) {
    indicators_choice.options.emplace_back(one.id, one.name);
  }
  Choice regions{"region", "Region", {{"", "All of England"}}, region};
  for (const store::Area& one : engine.areas()) {
    if (one.type == "Region") regions.options.emplace_back(one.code, one.name);
  }
  Choice deprivation_choice{"deprivation",
                            "Deprivation (IMD 2019)",
                            {{"0", "All areas"},
                             {"1", "Most deprived fifth"},
                             {"2", "Second fifth"},
                             {"3", "Middle fifth"},
                             {"4", "Fourth fifth"},
                             {"5", "Least deprived fifth"}},
                            std::to_string(deprivation)};
  page.choices = {indicators_choice, PeriodChoice(engine, *indicator, period.Label(), 0),
                  AreaChoice(engine, area->code), regions, deprivation_choice};

  std::vector<indicators::IndicatorValue> ranked = engine.Rank(*indicator, period);
  std::vector<indicators::IndicatorValue> shown;
  for (const auto& value : ranked) {
    const store::Area* one = engine.FindArea(value.area_code);
    if (!region.empty() && !(one && one->parent_code == region)) continue;
    if (deprivation > 0) {
      auto quintile = data.deprivation_quintile.find(value.area_code);
      if (quintile == data.deprivation_quintile.end() || quintile->second != deprivation) continue;
    }
    shown.push_back(value);
  }
  indicators::IndicatorValue england =
      engine.Compute(*indicator, std::string(geo::kEnglandCode), period);
  int decimals = indicator->decimals;

  Section bars_section{"bars", "Every area with its 95% confidence interval", {}, "", {}};
  if (shown.empty()) {
    bars_section.paragraphs.push_back("No area with data matches these choices.");
  }
  std::vector<charts::Bar> bars;
  for (const auto& value : shown) bars.push_back(AreaBar(engine, value, area->code));
  charts::BarChartOptions bar_options;
  bar_options.id = "compare-bars";
  bar_options.title = indicator->name + ", " + period.Label();
  bar_options.description = std::to_string(bars.size()) +
                            " upper-tier authorities, highest first, with 95% intervals and "
                            "England's value";
  bar_options.value_title = indicator->unit.empty() ? indicator->name : indicator->unit;
  bar_options.benchmark = england.value();
  bar_options.decimals = decimals;
  bar_options.notes = EngineNotes(engine, shown);
  charts::Chart bar_chart = charts::BarChart(bar_options, bars);
  bars_section.svg = bar_chart.svg;
  bars_section.table = ValuesTable(engine, bar_options.title, shown, false);
  page.sections.push_back(std::move(bars_section));

  // The funnel: only for rates, where England's rate and the births give the limits.
  Section funnel{"funnel", "Funnel plot: is the variation more than chance?", {}, "", {}};
  funnel.paragraphs.push_back(
      "Each point is an area's value against its denominator. Inside the 95% limits an area is "
      "within what chance alone gives around England's value; beyond the 99.8% limits, very "
      "unlikely to be chance. Limits are exact Poisson, as PHEindicatormethods computes them.");
  std::vector<charts::FunnelPoint> points;
  double low = 1e300, high = 0;
  for (const auto& value : shown) {
    if (!value.denominator || *value.denominator <= 0) continue;
    charts::FunnelPoint point;
    point.label = AreaName(engine, value.area_code);
    point.denominator = *value.denominator;
    point.value = value.value();
    if (!value.has_value()) point.missing_text = value.suppressed ? "*" : "-";
    point.comparison = ComparisonOf(value);
    point.highlight = value.area_code == area->code;
    low = std::min(low, point.denominator);
    high = std::max(high, point.denominator);
    points.push_back(point);
  }
  if (points.empty() || !england.has_value() || !england.denominator ||
      indicator->value_type != indicators::ValueType::kCrudeRate) {
    funnel.paragraphs.push_back(
        "A funnel plot needs crude rates with England's value; "
        "none to draw for these choices.");
  } else {
    double average_rate = *england.count / *england.denominator;
    FunnelCurves curves = RateFunnel(average_rate, indicator->multiplier, low * 0.8, high * 1.2);
    charts::FunnelPlotOptions options;
    options.id = "compare-funnel";
    options.title = indicator->name + " against live births, " + period.Label();
    options.description = "Funnel plot of " + std::to_string(points.size()) + " areas";
    options.x_title = "Denominator, " + period.Label();
    options.y_title = indicator->unit;
    options.decimals = decimals;
    options.notes = EngineNotes(engine, shown);
    charts::Chart chart =
        charts::FunnelPlot(options, points, *england.value(), curves.limits95, curves.limits998);
    funnel.svg = chart.svg;
    funnel.table = chart.table;
  }
  page.sections.push_back(std::move(funnel));
  page.notes = EngineNotes(engine, shown);
  return page;
}

}  // namespace cradle::web
