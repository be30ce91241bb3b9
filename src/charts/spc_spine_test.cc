// SpcChart and SpineChart.
#include <gtest/gtest.h>

#include "charts/spc_chart.h"
#include "charts/spine_chart.h"
#include "charts/svg_check.h"

namespace cradle::charts {
namespace {

using testing::ByClass;
using testing::ParseXml;

std::vector<SpcPoint> SpcPoints() {
  std::vector<SpcPoint> points;
  for (int idx = 0; idx < 12; ++idx) {
    SpcPoint p;
    p.label = "M" + std::to_string(idx + 1);
    p.value = 5.0 + (idx % 3) * 0.5;
    bool rebased = idx >= 8;
    p.mean = rebased ? 7.0 : 5.5;
    p.upper_limit = p.mean + 2;
    p.lower_limit = p.mean - 2;
    p.type = idx == 5 ? SpcPointType::kConcern : SpcPointType::kCommonCause;
    points.push_back(p);
  }
  points[9].value.reset();
  points[9].missing_text = "*";
  return points;
}

TEST(SpcChartTest, PointsLimitsRebaseAndIcons) {
  SpcChartOptions options;
  options.id = "spc";
  options.title = "Safer-sleep assessments completed, % by month";
  options.description = "XmR chart";
  options.y_title = "Percent";
  options.variation_icon =
      SpcIcon{SpcPointType::kConcern, "H", "Special cause variation \u2013 concerning (high)"};
  options.assurance_icon = SpcIcon{SpcPointType::kCommonCause, "?", "Hit and miss target"};
  options.target = 6;
  Chart chart = SpcChart(options, SpcPoints());
  auto broken = testing::BrokenChartRules(chart.svg);
  EXPECT_TRUE(broken.empty()) << ::testing::PrintToString(broken);
  auto doc = ParseXml(chart.svg);
  ASSERT_TRUE(doc.ok) << doc.error;
  auto points = ByClass(doc, "cradle-point");
  ASSERT_EQ(points.size(), 11u);
  EXPECT_EQ(points[5]->attrs.at("data-type"), "Special cause \u2013 concern");
  EXPECT_EQ(points[5]->attrs.at("fill"), "#fab428");
  EXPECT_EQ(points[0]->attrs.at("fill"), "#7b7d7d");
  EXPECT_EQ(points[0]->attrs.at("data-value"), "5");
  // The mean is two segments: before and after the rebase.
  EXPECT_EQ(ByClass(doc, "cradle-mean").size(), 2u);
  EXPECT_EQ(ByClass(doc, "cradle-ucl").size(), 2u);
  auto icons = ByClass(doc, "cradle-spc-icon");
  ASSERT_EQ(icons.size(), 2u);
  EXPECT_EQ(icons[0]->attrs.at("data-text"), "Special cause variation \u2013 concerning (high)");
  std::string text = testing::AllText(doc);
  for (const char* word : {"Percent", "Period", "Mean", "Target 6.0", "Common cause variation"}) {
    EXPECT_NE(text.find(word), std::string::npos) << word;
  }
  ASSERT_EQ(chart.table.rows.size(), 12u);
  EXPECT_EQ(chart.table.rows[9][1].text, "*");
  EXPECT_EQ(chart.table.rows[9][5].text, "");
}

SpineRow Row(std::string name, std::optional<double> value, Comparison comparison,
             bool low_is_good) {
  SpineRow r;
  r.indicator = std::move(name);
  r.period = "2020-22";
  r.unit = "per 1,000";
  r.area_value = value;
  r.england = 4.0;
  r.lowest = 1.0;
  r.q25 = 3.0;
  r.q75 = 5.0;
  r.highest = 8.0;
  r.comparison = comparison;
  r.low_is_good = low_is_good;
  return r;
}

TEST(SpineChartTest, WorstOnTheLeftWhateverThePolarity) {
  SpineChartOptions options;
  options.id = "spine";
  options.title = "Leicester compared with England";
  std::vector<SpineRow> rows = {
      Row("Infant mortality", 7.2, Comparison::kWorse, true),
      Row("Breastfeeding <&>", 7.2, Comparison::kBetter, false),
      Row("Low birth weight", std::nullopt, Comparison::kNotCompared, true)};
  rows[2].missing_text = "*";
  Chart chart = SpineChart(options, rows);
  auto broken = testing::BrokenChartRules(chart.svg);
  EXPECT_TRUE(broken.empty()) << ::testing::PrintToString(broken);
  auto doc = ParseXml(chart.svg);
  ASSERT_TRUE(doc.ok) << doc.error;
  auto points = ByClass(doc, "cradle-point");
  ASSERT_EQ(points.size(), 2u);
  auto centre_x = [](const testing::Element* e) {
    if (e->attrs.count("cx")) return std::stod(e->attrs.at("cx"));
    // Paths start "M<x> <y>": the square's left edge; add its half-width.
    return std::stod(e->attrs.at("d").substr(1)) + 5.4;
  };
  auto benchmark = ByClass(doc, "cradle-benchmark");
  ASSERT_EQ(benchmark.size(), 3u);
  double centre = std::stod(benchmark[0]->attrs.at("x1"));
  // 7.2 is high: worse (left of centre) when low is good, better (right) when
  // high is good.
  EXPECT_LT(centre_x(points[0]), centre);
  EXPECT_GT(centre_x(points[1]), centre);
  EXPECT_EQ(points[1]->attrs.at("data-label"), "Breastfeeding <&>");
  EXPECT_EQ(points[0]->attrs.at("fill"), "#d4351c");
  ASSERT_EQ(chart.table.rows.size(), 3u);
  EXPECT_EQ(chart.table.rows[0][5].text, "8.0");  // worst when low is good
  EXPECT_EQ(chart.table.rows[1][5].text, "1.0");  // worst when high is good
  EXPECT_EQ(chart.table.rows[2][3].text, "*");
  std::string text = testing::AllText(doc);
  for (const char* word :
       {"Worse than England", "Better than England", "Worst", "Best", "25th to 75th percentile"}) {
    EXPECT_NE(text.find(word), std::string::npos) << word;
  }
}

}  // namespace
}  // namespace cradle::charts
