// Writes one SVG of each chart, with realistic Leicester data, to the
// directory named by CRADLE_CHART_SAMPLES so the pictures can be looked at
// (skipped when unset). Each sample is also held to the chart rules, so the
// samples cannot drift into something the other tests would reject.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "charts/bar_chart.h"
#include "charts/choropleth.h"
#include "charts/funnel_plot.h"
#include "charts/line_chart.h"
#include "charts/spc_chart.h"
#include "charts/spine_chart.h"
#include "charts/svg.h"
#include "charts/svg_check.h"

namespace cradle::charts {
namespace {

void Save(const std::string& name, const Chart& chart) {
  auto broken = testing::BrokenChartRules(chart.svg);
  EXPECT_TRUE(broken.empty()) << name << ": " << ::testing::PrintToString(broken);
  const char* dir = std::getenv("CRADLE_CHART_SAMPLES");
  if (dir == nullptr || *dir == '\0') GTEST_SKIP() << "CRADLE_CHART_SAMPLES is not set";
  std::filesystem::create_directories(dir);
  std::ofstream(std::filesystem::path(dir) / (name + ".svg")) << chart.svg;
}

TEST(ChartSamples, LineChart) {
  LineChartOptions options;
  options.id = "sample-line";
  options.title = "Infant mortality rate, 3-year rolling, Leicester, Leicestershire and England";
  options.description = "Deaths under 1 year per 1,000 live births, 2010-12 to 2020-22.";
  options.y_title = "Deaths per 1,000 live births";
  options.notes = {
      "Source: ONS infant deaths and live births; Office for National Statistics "
      "licensed under the Open Government Licence v3.0.",
      "Shaded bands: 95% confidence intervals (Byar's method)."};
  std::vector<std::string> periods = {"2010-12", "2011-13", "2012-14", "2013-15",
                                      "2014-16", "2015-17", "2016-18", "2017-19",
                                      "2018-20", "2019-21", "2020-22"};
  std::vector<LineSeries> series = {
      {"Leicester",
       {{6.6, 5.5, 7.9},
        {6.3, 5.2, 7.6},
        {6.4, 5.3, 7.7},
        {6.1, 5.0, 7.4},
        {5.9, 4.8, 7.1},
        {6.4, 5.3, 7.7},
        {6.8, 5.6, 8.1},
        {6.5, 5.4, 7.8},
        LinePoint::Missing("*"),
        {6.9, 5.7, 8.3},
        {7.2, 5.8, 8.8}}},
      {"Leicestershire",
       {{3.9, 3.2, 4.7},
        {3.6, 3.0, 4.4},
        {3.4, 2.8, 4.2},
        {3.3, 2.7, 4.0},
        {3.5, 2.9, 4.3},
        {3.6, 3.0, 4.4},
        {3.4, 2.8, 4.2},
        {3.3, 2.7, 4.1},
        {3.5, 2.8, 4.3},
        {3.6, 2.9, 4.4},
        {3.5, 2.8, 4.3}}},
      {"England",
       {{4.3}, {4.1}, {4.0}, {3.9}, {3.9}, {3.9}, {3.9}, {3.9}, {3.9}, {3.9}, {3.7}},
       true}};
  Save("line_chart", LineChart(options, periods, series));
}

TEST(ChartSamples, BarChart) {
  BarChartOptions options;
  options.id = "sample-bar";
  options.title = "Infant mortality 2020-22: Leicester and its statistical neighbours";
  options.description = "Deaths under 1 year per 1,000 live births by upper-tier authority.";
  options.value_title = "Deaths per 1,000 live births";
  options.benchmark = 3.7;
  options.notes = {"Source: ONS child and infant mortality, death cohort 2020-2022."};
  struct Row {
    const char* name;
    double value, lower, upper;
    Comparison comparison;
  };
  const Row rows[] = {{"Slough", 7.58, 5.64, 9.97, Comparison::kWorse},
                      {"Birmingham", 7.33, 6.60, 8.12, Comparison::kWorse},
                      {"Leicester", 7.23, 5.84, 8.85, Comparison::kWorse},
                      {"Stoke-on-Trent", 7.01, 5.45, 8.88, Comparison::kWorse},
                      {"Bradford", 6.45, 5.56, 7.44, Comparison::kWorse},
                      {"Wolverhampton", 5.1, 3.8, 6.7, Comparison::kSimilar},
                      {"Coventry", 4.2, 3.3, 5.3, Comparison::kSimilar},
                      {"Nottingham", 4.0, 3.0, 5.2, Comparison::kSimilar},
                      {"Derby", 3.9, 2.8, 5.3, Comparison::kSimilar},
                      {"Leicestershire", 3.5, 2.8, 4.3, Comparison::kSimilar},
                      {"Surrey", 2.4, 2.0, 2.9, Comparison::kBetter}};
  std::vector<Bar> bars;
  for (const Row& row : rows) {
    Bar bar;
    bar.label = row.name;
    bar.value = row.value;
    bar.lower = row.lower;
    bar.upper = row.upper;
    bar.comparison = row.comparison;
    bar.highlight = bar.label == "Leicester";
    bars.push_back(bar);
  }
  Bar rutland;
  rutland.label = "Rutland";
  rutland.missing_text = "*";
  bars.push_back(rutland);
  Save("bar_chart", BarChart(options, bars));
}

TEST(ChartSamples, FunnelPlot) {
  FunnelPlotOptions options;
  options.id = "sample-funnel";
  options.title = "Infant mortality 2020-22 by upper-tier authority against live births";
  options.description = "Funnel plot of rates against live births with control limits.";
  options.x_title = "Live births 2020-22";
  options.y_title = "Deaths per 1,000 live births";
  options.notes = {"Control limits around England's rate (Poisson, 95% and 99.8%)."};
  const double england = 3.7;
  std::vector<FunnelLimit> l95, l998;
  for (double n = 300; n <= 60000; n *= 1.1) {
    double sd = std::sqrt(england / 1000 / n) * 1000;
    l95.push_back({n, std::max(0.0, england - 1.96 * sd), england + 1.96 * sd});
    l998.push_back({n, std::max(0.0, england - 3.09 * sd), england + 3.09 * sd});
  }
  std::vector<FunnelPoint> points;
  unsigned seed = 7;
  for (int idx = 0; idx < 140; ++idx) {
    seed = seed * 1103515245 + 12345;
    double births = 2000 + (seed >> 8) % 30000;
    seed = seed * 1103515245 + 12345;
    double noise = ((seed >> 8) % 1000) / 1000.0 - 0.5;
    double rate = england + noise * 4 * std::sqrt(england / births * 1000);
    double sd = std::sqrt(england / 1000 / births) * 1000;
    Comparison c = rate > england + 1.96 * sd   ? Comparison::kWorse
                   : rate < england - 1.96 * sd ? Comparison::kBetter
                                                : Comparison::kSimilar;
    points.push_back({"Area " + std::to_string(idx), births, rate, c, false, "-"});
  }
  points.push_back({"Leicester", 13004, 7.23, Comparison::kWorse, true, "-"});
  Save("funnel_plot", FunnelPlot(options, points, england, l95, l998));
}

TEST(ChartSamples, ChoroplethWards) {
  auto wards = geo::ReadBoundaries(std::string(CRADLE_DATA_DIR) + "/open/leicester_wards.geojson",
                                   "WD22CD", "ward_name");
  ASSERT_TRUE(wards.ok()) << wards.status().ToString();
  std::vector<double> values;
  for (size_t idx = 0; idx < wards->size(); ++idx)
    values.push_back(3.0 + std::fmod(idx * 2.7, 7.0));
  Classification classes = QuantileClasses(values, 5, 1);
  std::vector<MapArea> areas;
  for (size_t idx = 0; idx < wards->size(); ++idx) {
    const geo::Boundary& w = (*wards)[idx];
    if (idx == 6) {
      areas.push_back({w.code, w.name, std::nullopt, -1, "*"});
    } else {
      areas.push_back({w.code, w.name, values[idx], classes.ClassOf(values[idx]),
                       FormatNumber(values[idx], 1)});
    }
  }
  ChoroplethOptions options;
  options.id = "sample-map";
  options.title = "Infant mortality by ward, Leicester, 2020-22 (synthetic)";
  options.description = "Map of Leicester's 21 wards shaded by infant mortality rate quintile.";
  options.legend_title = "Deaths per 1,000 live births (quintiles)";
  options.notes = {"Contains OS data © Crown copyright and database right 2024.",
                   "Source: Office for National Statistics licensed under the Open Government "
                   "Licence v3.0."};
  Save("choropleth_wards", Choropleth(options, areas, *wards, classes.labels));

  auto lsoas =
      geo::ReadBoundaries(std::string(CRADLE_DATA_DIR) + "/open/leicester_lsoa21_imd2025.geojson",
                          "LSOA21CD", "LSOA21NM");
  ASSERT_TRUE(lsoas.ok()) << lsoas.status().ToString();
  std::vector<MapArea> lsoa_areas;
  for (size_t idx = 0; idx < lsoas->size(); ++idx) {
    int decile_class = static_cast<int>(idx * 7 % 5);
    lsoa_areas.push_back({(*lsoas)[idx].code, (*lsoas)[idx].name, double(decile_class),
                          decile_class, std::to_string(decile_class + 1)});
  }
  options.id = "sample-lsoa";
  options.title = "LSOAs by class (synthetic)";
  Save("choropleth_lsoas", Choropleth(options, lsoa_areas, *lsoas,
                                      {"Class 1", "Class 2", "Class 3", "Class 4", "Class 5"}));
}

TEST(ChartSamples, SpcChart) {
  SpcChartOptions options;
  options.id = "sample-spc";
  options.title = "Safer-sleep assessments completed within 10 days of birth";
  options.description = "XmR chart by month with process limits.";
  options.y_title = "Percent of births";
  options.target = 90;
  options.variation_icon =
      SpcIcon{SpcPointType::kImprovement, "H", "Special cause variation – improving (high)"};
  options.assurance_icon = SpcIcon{SpcPointType::kCommonCause, "?",
                                   "Hit and miss: the target lies within the process limits"};
  const char* months[] = {"Apr 23", "May 23", "Jun 23", "Jul 23", "Aug 23", "Sep 23", "Oct 23",
                          "Nov 23", "Dec 23", "Jan 24", "Feb 24", "Mar 24", "Apr 24", "May 24",
                          "Jun 24", "Jul 24", "Aug 24", "Sep 24", "Oct 24", "Nov 24"};
  const double values[] = {82, 85, 80, 84, 83, 81, 86, 84, 79, 83,
                           88, 90, 91, 89, 92, 93, 90, 94, 92, 95};
  std::vector<SpcPoint> points;
  for (int idx = 0; idx < 20; ++idx) {
    SpcPoint p;
    p.label = months[idx];
    p.value = values[idx];
    bool rebased = idx >= 10;
    p.mean = rebased ? 91.4 : 82.7;
    p.upper_limit = p.mean + (rebased ? 5.6 : 7.0);
    p.lower_limit = p.mean - (rebased ? 5.6 : 7.0);
    p.upper_near = p.mean + (rebased ? 3.7 : 4.7);
    p.lower_near = p.mean - (rebased ? 3.7 : 4.7);
    p.type = idx >= 14 ? SpcPointType::kImprovement : SpcPointType::kCommonCause;
    if (idx == 8) p.type = SpcPointType::kConcern;
    points.push_back(p);
  }
  points[6].value.reset();
  points[6].missing_text = "*";
  Save("spc_chart", SpcChart(options, points));
}

TEST(ChartSamples, SpineChart) {
  SpineChartOptions options;
  options.id = "sample-spine";
  options.title = "Leicester compared with England: infant and maternal health";
  options.description = "Spine chart of indicators for Leicester against all upper-tier areas.";
  options.notes = {"Range: 151 upper-tier local authorities."};
  auto row = [](std::string name, std::string unit, std::optional<double> v, double eng, double lo,
                double q25, double q75, double hi, Comparison c, bool low_good) {
    SpineRow r;
    r.indicator = std::move(name);
    r.period = "2020-22";
    r.unit = std::move(unit);
    r.area_value = v;
    r.england = eng;
    r.lowest = lo;
    r.q25 = q25;
    r.q75 = q75;
    r.highest = hi;
    r.comparison = c;
    r.low_is_good = low_good;
    return r;
  };
  std::vector<SpineRow> rows = {row("Infant mortality rate", "per 1,000", 7.2, 3.7, 0.0, 2.9, 4.5,
                                    7.6, Comparison::kWorse, true),
                                row("Neonatal mortality rate", "per 1,000", 5.5, 2.7, 0.0, 2.0, 3.3,
                                    5.8, Comparison::kWorse, true),
                                row("Low birth weight of term babies", "%", 3.9, 2.9, 1.6, 2.5, 3.3,
                                    4.6, Comparison::kWorse, true),
                                row("Smoking at time of delivery", "%", 7.1, 8.8, 2.9, 6.9, 11.0,
                                    17.5, Comparison::kBetter, true),
                                row("Baby's first feed breastmilk", "%", 79.1, 71.7, 50.1, 65.0,
                                    77.0, 90.2, Comparison::kBetter, false),
                                row("Stillbirth rate", "per 1,000", std::nullopt, 3.9, 1.5, 3.2,
                                    4.6, 7.0, Comparison::kNotCompared, true)};
  rows.back().missing_text = "*";
  Save("spine_chart", SpineChart(options, rows));
}

}  // namespace
}  // namespace cradle::charts
