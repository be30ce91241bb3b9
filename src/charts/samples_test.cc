// Writes one SVG of each chart, with realistic Leicester data, to the
// directory named by CRADLE_CHART_SAMPLES so the pictures can be looked at
// (skipped when unset). Each sample is also held to the chart rules, so the
// samples cannot drift into something the other tests would reject.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "charts/bar_chart.h"
#include "charts/line_chart.h"
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

}  // namespace
}  // namespace cradle::charts
