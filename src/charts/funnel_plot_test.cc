#include "charts/funnel_plot.h"

#include <gtest/gtest.h>

#include <cmath>

#include "charts/svg_check.h"

namespace cradle::charts {
namespace {

using testing::ByClass;
using testing::ParseXml;

std::vector<FunnelLimit> Limits(double z) {
  std::vector<FunnelLimit> limits;
  for (double n = 500; n <= 40000; n *= 1.25) {
    double half = z * std::sqrt(3.7 / n * 1000);
    limits.push_back({n, 3.7 - half, 3.7 + half});
  }
  return limits;
}

TEST(FunnelPlotTest, PointsLimitsAndHighlight) {
  FunnelPlotOptions options;
  options.id = "funnel";
  options.title = "Infant mortality 2020-22 against live births";
  options.description = "Funnel plot";
  options.x_title = "Live births 2020-22";
  options.y_title = "Deaths per 1,000 live births";
  std::vector<FunnelPoint> points = {
      {"Leicester", 13004, 7.23, Comparison::kWorse, true, "-"},
      {"Rutland", 1000, std::nullopt, Comparison::kNotCompared, false, "*"},
      {"Surrey", 36000, 2.4, Comparison::kBetter, false, "-"},
      {"Derby", 9000, 3.9, Comparison::kSimilar, false, "-"}};
  Chart chart = FunnelPlot(options, points, 3.7, Limits(1.96), Limits(3.09));
  auto broken = testing::BrokenChartRules(chart.svg);
  EXPECT_TRUE(broken.empty()) << ::testing::PrintToString(broken);
  auto doc = ParseXml(chart.svg);
  ASSERT_TRUE(doc.ok) << doc.error;
  auto drawn = ByClass(doc, "cradle-point");
  ASSERT_EQ(drawn.size(), 3u);  // Rutland suppressed
  // The highlight is drawn last (on top) and labelled.
  EXPECT_EQ(drawn.back()->attrs.at("data-label"), "Leicester");
  EXPECT_EQ(drawn.back()->attrs.at("data-value"), "7.23");
  EXPECT_EQ(drawn.back()->attrs.at("data-denominator"), "13004");
  ASSERT_EQ(ByClass(doc, "cradle-point-label").size(), 1u);
  EXPECT_EQ(ByClass(doc, "cradle-point-label")[0]->text, "Leicester");
  EXPECT_EQ(ByClass(doc, "cradle-limit").size(), 4u);  // two limits, lower and upper
  EXPECT_EQ(ByClass(doc, "cradle-benchmark")[0]->attrs.at("data-value"), "3.7");
  std::string text = testing::AllText(doc);
  for (const char* word : {"95% limits", "99.8% limits", "England 3.7", "Live births 2020-22",
                           "Deaths per 1,000 live births", "Worse", "Better", "Similar"}) {
    EXPECT_NE(text.find(word), std::string::npos) << word;
  }
  ASSERT_EQ(chart.table.rows.size(), 4u);
  EXPECT_EQ(chart.table.rows[1][2].text, "*");
  EXPECT_EQ(chart.table.rows[0][1].number, 13004);
  EXPECT_NE(chart.table.notes[0].find("Rutland (*)"), std::string::npos);
}

}  // namespace
}  // namespace cradle::charts
