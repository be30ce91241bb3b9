#include "charts/line_chart.h"

#include <gtest/gtest.h>

#include "charts/svg_check.h"

namespace cradle::charts {
namespace {

using testing::ByClass;
using testing::ParseXml;

std::vector<std::string> Periods() { return {"2017-19", "2018-20", "2019-21", "2020-22"}; }

std::vector<LineSeries> Series() {
  LineSeries leicester{"Leicester",
                       {{6.1, 4.9, 7.5}, {6.5, 5.2, 8.0}, {7.0, 5.7, 8.5}, {7.2, 5.8, 8.8}}};
  LineSeries county{"Leicestershire",
                    {{3.9, 3.1, 4.8}, LinePoint::Missing("*"), {3.6, 2.9, 4.4}, {3.5, 2.8, 4.3}}};
  LineSeries england{"England", {{3.9}, {3.9}, {3.8}, {3.7}}, /*benchmark=*/true};
  return {leicester, county, england};
}

LineChartOptions Options() {
  LineChartOptions options;
  options.id = "imr";
  options.title = "Infant mortality rate, 3-year rolling";
  options.description = "Leicester, Leicestershire and England";
  options.y_title = "Deaths per 1,000 live births";
  options.notes = {"Source: ONS."};
  return options;
}

TEST(LineChartTest, FollowsTheChartRules) {
  Chart chart = LineChart(Options(), Periods(), Series());
  auto broken = testing::BrokenChartRules(chart.svg);
  EXPECT_TRUE(broken.empty()) << ::testing::PrintToString(broken);
  auto doc = ParseXml(chart.svg);
  ASSERT_TRUE(doc.ok) << doc.error;
  std::string text = testing::AllText(doc);
  EXPECT_NE(text.find("Infant mortality rate, 3-year rolling"), std::string::npos);
  EXPECT_NE(text.find("Deaths per 1,000 live births"), std::string::npos);
  EXPECT_NE(text.find("Period"), std::string::npos);
  EXPECT_FALSE(ByClass(doc, "cradle-legend").empty());
  EXPECT_FALSE(ByClass(doc, "cradle-ci").empty());
}

TEST(LineChartTest, OnePointPerValueCarryingTheData) {
  Chart chart = LineChart(Options(), Periods(), Series());
  auto doc = ParseXml(chart.svg);
  ASSERT_TRUE(doc.ok) << doc.error;
  auto points = ByClass(doc, "cradle-point");
  // 4 + 3 (one suppressed) + 4.
  ASSERT_EQ(points.size(), 11u);
  const testing::Element* last_leicester = nullptr;
  for (const auto* p : points) {
    if (p->attrs.at("data-series") == "Leicester" && p->attrs.at("data-label") == "2020-22") {
      last_leicester = p;
    }
    EXPECT_FALSE(p->attrs.at("data-series") == "Leicestershire" &&
                 p->attrs.at("data-label") == "2018-20")
        << "a suppressed value must not be drawn";
  }
  ASSERT_NE(last_leicester, nullptr);
  EXPECT_EQ(last_leicester->attrs.at("data-value"), "7.2");
  EXPECT_EQ(last_leicester->attrs.at("data-lower"), "5.8");
  EXPECT_EQ(last_leicester->attrs.at("data-upper"), "8.8");
  EXPECT_EQ(testing::TitleOf(doc, *last_leicester), "Leicester 2020-22: 7.2 (5.8 \u2013 8.8)");
}

TEST(LineChartTest, SuppressedValueIsAGapAndTheTableSaysSo) {
  Chart chart = LineChart(Options(), Periods(), Series());
  ASSERT_EQ(chart.table.columns,
            (std::vector<std::string>{"Series", "Period", "Value", "Lower CI", "Upper CI"}));
  ASSERT_EQ(chart.table.rows.size(), 12u);
  const auto& suppressed = chart.table.rows[5];  // Leicestershire 2018-20
  EXPECT_EQ(suppressed[0].text, "Leicestershire");
  EXPECT_EQ(suppressed[1].text, "2018-20");
  EXPECT_EQ(suppressed[2].text, "*");
  EXPECT_FALSE(suppressed[2].number.has_value());
  EXPECT_EQ(chart.table.rows[3][2].number, 7.2);
  ASSERT_FALSE(chart.table.notes.empty());
  EXPECT_NE(chart.table.notes[0].find("Leicestershire 2018-20 (*)"), std::string::npos);
  EXPECT_NE(chart.svg.find("not zero"), std::string::npos);
  // The Leicestershire line is broken in two runs: no path crosses the gap.
  auto doc = ParseXml(chart.svg);
  int county_lines = 0;
  for (const auto& e : doc.elements) {
    if (e.attrs.count("data-series") && e.attrs.at("data-series") == "Leicestershire" &&
        e.name == "g") {
      for (size_t child : e.children) {
        auto it = doc.elements[child].attrs.find("class");
        if (it != doc.elements[child].attrs.end() && it->second == "cradle-line") ++county_lines;
      }
    }
  }
  EXPECT_EQ(county_lines, 2);
}

TEST(LineChartTest, EscapesLabels) {
  LineChartOptions options = Options();
  options.title = "Rates <&\"> test";
  std::vector<LineSeries> series = {{"A <&\"> B", {{1.0}, {2.0}}}};
  Chart chart = LineChart(options, {"P<1>", "P&2"}, series);
  EXPECT_TRUE(testing::BrokenChartRules(chart.svg).empty());
  auto doc = ParseXml(chart.svg);
  ASSERT_TRUE(doc.ok) << doc.error;
  auto points = ByClass(doc, "cradle-point");
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0]->attrs.at("data-series"), "A <&\"> B");
  EXPECT_EQ(points[1]->attrs.at("data-label"), "P&2");
  EXPECT_EQ(doc.elements[1].text, "Rates <&\"> test");
}

TEST(LineChartTest, ShortSeriesAndNoDataDoNotCrash) {
  std::vector<LineSeries> series = {{"Only one", {{5.0}}}};
  Chart chart = LineChart(Options(), Periods(), series);
  EXPECT_TRUE(testing::BrokenChartRules(chart.svg).empty());
  EXPECT_EQ(ByClass(ParseXml(chart.svg), "cradle-point").size(), 1u);
  EXPECT_EQ(chart.table.rows.size(), 4u);
  Chart empty = LineChart(Options(), {}, {});
  EXPECT_TRUE(testing::BrokenChartRules(empty.svg).empty());
}

}  // namespace
}  // namespace cradle::charts
