#include "charts/bar_chart.h"

#include <gtest/gtest.h>

#include "charts/svg_check.h"

namespace cradle::charts {
namespace {

using testing::ByClass;
using testing::ParseXml;

BarChartOptions Options() {
  BarChartOptions options;
  options.id = "utla";
  options.title = "Infant mortality 2020-22";
  options.description = "Upper-tier local authorities";
  options.value_title = "Deaths per 1,000 live births";
  options.benchmark = 3.7;
  return options;
}

Bar MakeBar(std::string label, std::optional<double> value, Comparison comparison) {
  Bar bar;
  bar.label = std::move(label);
  bar.value = value;
  if (value) {
    bar.lower = *value - 1;
    bar.upper = *value + 1;
  }
  bar.comparison = comparison;
  return bar;
}

TEST(BarChartTest, BarsCarryValuesComparisonsAndTooltips) {
  std::vector<Bar> bars = {
      MakeBar("Slough", 7.58, Comparison::kWorse), MakeBar("Leicester", 7.23, Comparison::kWorse),
      MakeBar("Rutland", 1.5, Comparison::kSimilar), MakeBar("Surrey", 2.4, Comparison::kBetter)};
  bars[1].highlight = true;
  Chart chart = BarChart(Options(), bars);
  auto broken = testing::BrokenChartRules(chart.svg);
  EXPECT_TRUE(broken.empty()) << ::testing::PrintToString(broken);
  auto doc = ParseXml(chart.svg);
  ASSERT_TRUE(doc.ok) << doc.error;
  auto rects = ByClass(doc, "cradle-bar");
  ASSERT_EQ(rects.size(), 4u);
  EXPECT_EQ(rects[1]->attrs.at("data-label"), "Leicester");
  EXPECT_EQ(rects[1]->attrs.at("data-value"), "7.23");
  EXPECT_EQ(rects[1]->attrs.at("data-comparison"), "Worse");
  EXPECT_EQ(rects[1]->attrs.at("fill"), "#d4351c");
  EXPECT_EQ(rects[1]->attrs.at("stroke-width"), "2.5");  // highlighted
  EXPECT_EQ(rects[0]->attrs.at("stroke-width"), "0.5");
  EXPECT_EQ(rects[3]->attrs.at("fill"), "#00703c");
  EXPECT_EQ(testing::TitleOf(doc, *rects[1]), "Leicester: 7.2 (6.2 \u2013 8.2) \u2013 Worse");
  // Bars are in the order given, top to bottom.
  EXPECT_LT(std::stod(rects[0]->attrs.at("y")), std::stod(rects[3]->attrs.at("y")));
  // Legend shows the comparisons used, with words; the benchmark is labelled.
  std::string text = testing::AllText(doc);
  for (const char* word : {"Better", "Similar", "Worse", "England 3.7", "Deaths per 1,000"}) {
    EXPECT_NE(text.find(word), std::string::npos) << word;
  }
  EXPECT_EQ(text.find("Higher"), std::string::npos);
  ASSERT_EQ(ByClass(doc, "cradle-benchmark").size(), 1u);
  EXPECT_EQ(ByClass(doc, "cradle-benchmark")[0]->attrs.at("data-value"), "3.7");
  EXPECT_EQ(ByClass(doc, "cradle-comparison").size(), 4u);
  ASSERT_EQ(chart.table.rows.size(), 4u);
  EXPECT_EQ(chart.table.rows[1][4].text, "Worse");
}

TEST(BarChartTest, SuppressedBarIsNotDrawnAndTableSaysSo) {
  std::vector<Bar> bars = {MakeBar("A", 5.0, Comparison::kWorse),
                           MakeBar("B", std::nullopt, Comparison::kNotCompared)};
  bars[1].missing_text = "*";
  Chart chart = BarChart(Options(), bars);
  auto doc = ParseXml(chart.svg);
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_EQ(ByClass(doc, "cradle-bar").size(), 1u);
  EXPECT_EQ(chart.table.rows[1][1].text, "*");
  EXPECT_FALSE(chart.table.rows[1][1].number.has_value());
  ASSERT_FALSE(chart.table.notes.empty());
  EXPECT_NE(chart.table.notes[0].find("B (*)"), std::string::npos);
}

TEST(BarChartTest, OneHundredFiftyBarsGrowTheChart) {
  std::vector<Bar> bars;
  for (int idx = 0; idx < 150; ++idx) {
    bars.push_back(MakeBar("Authority " + std::to_string(idx), 2.0 + idx * 0.04,
                           idx < 50 ? Comparison::kBetter : Comparison::kSimilar));
  }
  Chart chart = BarChart(Options(), bars);
  EXPECT_TRUE(testing::BrokenChartRules(chart.svg).empty());
  auto doc = ParseXml(chart.svg);
  ASSERT_TRUE(doc.ok) << doc.error;
  auto rects = ByClass(doc, "cradle-bar");
  ASSERT_EQ(rects.size(), 150u);
  double height = std::stod(doc.elements[0].attrs.at("height"));
  EXPECT_GE(height, 150 * 20.0);
  for (const auto* rect : rects) {
    double bottom = std::stod(rect->attrs.at("y")) + std::stod(rect->attrs.at("height"));
    EXPECT_LT(bottom, height);
  }
  EXPECT_EQ(rects[149]->attrs.at("data-value"), "7.96");
  EXPECT_EQ(chart.table.rows.size(), 150u);
}

TEST(BarChartTest, EscapesLabels) {
  std::vector<Bar> bars = {MakeBar("Bath & <North> \"East\"", 3.0, Comparison::kLower)};
  BarChartOptions options = Options();
  options.benchmark_label = "E&W";
  Chart chart = BarChart(options, bars);
  EXPECT_TRUE(testing::BrokenChartRules(chart.svg).empty());
  auto doc = ParseXml(chart.svg);
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_EQ(ByClass(doc, "cradle-bar")[0]->attrs.at("data-label"), "Bath & <North> \"East\"");
  EXPECT_NE(testing::AllText(doc).find("E&W 3.7"), std::string::npos);
}

}  // namespace
}  // namespace cradle::charts
