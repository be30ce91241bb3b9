#include "charts/choropleth.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "charts/svg.h"
#include "charts/svg_check.h"

namespace cradle::charts {
namespace {

using testing::ByClass;
using testing::ParseXml;

TEST(ClassificationTest, QuantileBreaksSplitValuesEvenly) {
  Classification c = QuantileClasses({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 5, 1);
  ASSERT_EQ(c.breaks, (std::vector<double>{3, 5, 7, 9}));
  ASSERT_EQ(c.labels.size(), 5u);
  EXPECT_EQ(c.labels.front(), "1.0 \u2013 3.0");
  EXPECT_EQ(c.labels.back(), "9.0 \u2013 11.0");
  EXPECT_EQ(c.ClassOf(1), 0);
  EXPECT_EQ(c.ClassOf(3), 1);  // a break value goes up
  EXPECT_EQ(c.ClassOf(11), 4);
}

TEST(ClassificationTest, RepeatedValuesMergeClasses) {
  Classification c = QuantileClasses({0, 0, 0, 0, 0, 0, 5, 6}, 4, 0);
  EXPECT_LT(c.labels.size(), 4u);
  EXPECT_EQ(c.labels.size(), c.breaks.size() + 1);
  EXPECT_TRUE(QuantileClasses({}, 5, 1).labels.empty());
}

TEST(ClassificationTest, FixedBreaks) {
  Classification c = FixedBreakClasses({6, 2, 4}, 0);
  EXPECT_EQ(c.labels,
            (std::vector<std::string>{"Under 2", "2 \u2013 4", "4 \u2013 6", "6 and over"}));
  EXPECT_EQ(c.ClassOf(1.9), 0);
  EXPECT_EQ(c.ClassOf(6), 3);
}

TEST(ChoroplethTest, LeicesterWardsFromTheRealBoundaryFile) {
  auto wards = geo::ReadBoundaries(std::string(CRADLE_DATA_DIR) + "/open/leicester_wards.geojson",
                                   "WD22CD", "ward_name");
  ASSERT_TRUE(wards.ok()) << wards.status().ToString();
  std::vector<double> values;
  std::vector<MapArea> areas;
  for (size_t idx = 0; idx < wards->size(); ++idx) values.push_back(2.0 + 0.4 * idx);
  Classification classes = QuantileClasses(values, 5, 1);
  for (size_t idx = 0; idx < wards->size(); ++idx) {
    const geo::Boundary& ward = (*wards)[idx];
    MapArea area{ward.code, ward.name, values[idx], classes.ClassOf(values[idx]),
                 FormatNumber(values[idx], 1)};
    if (idx == 3) {  // suppressed
      area.value.reset();
      area.class_index = -1;
      area.shown = "*";
    }
    areas.push_back(area);
  }
  ChoroplethOptions options;
  options.id = "wards";
  options.title = "Infant mortality by ward";
  options.description = "Leicester wards";
  options.legend_title = "Deaths per 1,000 live births";
  options.notes = {"Contains OS data \u00a9 Crown copyright and database right 2024."};
  Chart chart = Choropleth(options, areas, *wards, classes.labels);
  auto broken = testing::BrokenChartRules(chart.svg);
  EXPECT_TRUE(broken.empty()) << ::testing::PrintToString(broken);
  auto doc = ParseXml(chart.svg);
  ASSERT_TRUE(doc.ok) << doc.error;
  auto paths = ByClass(doc, "cradle-area");
  ASSERT_EQ(paths.size(), 21u);
  // Every coordinate lies inside the viewBox.
  std::istringstream view_box(doc.elements[0].attrs.at("viewBox"));
  double vx, vy, vw, vh;
  view_box >> vx >> vy >> vw >> vh;
  for (const auto* path : paths) {
    std::string d = path->attrs.at("d");
    for (char& c : d) {
      if (c == 'M' || c == 'L' || c == 'Z') c = ' ';
    }
    std::istringstream coords(d);
    double px, py;
    int pairs = 0;
    while (coords >> px >> py) {
      ++pairs;
      EXPECT_GE(px, vx);
      EXPECT_LE(px, vx + vw);
      EXPECT_GE(py, vy);
      EXPECT_LE(py, vy + vh);
    }
    EXPECT_GE(pairs, 3) << path->attrs.at("data-code");
  }
  const auto* abbey = paths[0];
  EXPECT_EQ(abbey->attrs.at("data-code"), (*wards)[0].code);
  EXPECT_EQ(abbey->attrs.at("data-value"), "2");
  EXPECT_EQ(abbey->attrs.at("data-class"), classes.labels[0]);
  EXPECT_EQ(abbey->attrs.at("fill"), "#eff3ff");
  const auto* suppressed = paths[3];
  EXPECT_EQ(suppressed->attrs.at("data-value"), "");
  EXPECT_EQ(suppressed->attrs.at("data-class"), "Not shown");
  EXPECT_EQ(suppressed->attrs.at("fill"), "url(#wards-not-shown)");
  EXPECT_NE(testing::TitleOf(doc, *suppressed).find(": * \u2013 not shown"), std::string::npos);
  // Legend: every class range and the not-shown class; class numbers drawn
  // on the 20 shown wards.
  std::string text = testing::AllText(doc);
  for (const std::string& label : classes.labels) {
    EXPECT_NE(text.find(label), std::string::npos) << label;
  }
  EXPECT_NE(text.find("Not shown (no value or"), std::string::npos);
  EXPECT_NE(text.find("suppressed) (1)"), std::string::npos);
  EXPECT_FALSE(ByClass(doc, "cradle-legend").empty());
  ASSERT_EQ(ByClass(doc, "cradle-area-labels").size(), 1u);
  EXPECT_EQ(ByClass(doc, "cradle-area-labels")[0]->children.size(), 20u);
  ASSERT_EQ(chart.table.rows.size(), 21u);
  EXPECT_EQ(chart.table.rows[3][2].text, "*");
  EXPECT_EQ(chart.table.rows[3][3].text, "Not shown");
}

TEST(ChoroplethTest, UnmatchedAreasAndBoundaries) {
  std::vector<geo::Boundary> boundaries = {
      {"A", "Alpha", {{{0, 50}, {1, 50}, {1, 51}, {0, 50}}}},
      {"B", "Beta <&>", {{{1, 50}, {2, 50}, {2, 51}, {1, 50}}}}};
  std::vector<MapArea> areas = {{"A", "Alpha", 1.0, 0, "1.0"}, {"Z", "Zed", 2.0, 0, "2.0"}};
  ChoroplethOptions options;
  options.id = "m";
  options.title = "t";
  Chart chart = Choropleth(options, areas, boundaries, {"all"});
  EXPECT_TRUE(testing::BrokenChartRules(chart.svg).empty());
  auto doc = ParseXml(chart.svg);
  ASSERT_TRUE(doc.ok) << doc.error;
  auto paths = ByClass(doc, "cradle-area");
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_EQ(paths[1]->attrs.at("data-class"), "Not shown");
  EXPECT_EQ(paths[1]->attrs.at("data-name"), "Beta <&>");
  EXPECT_NE(chart.table.notes[0].find("Zed (Z)"), std::string::npos);
}

TEST(ChoroplethTest, OutlinesGoRoundTheOutsideOfEachGroup) {
  auto square = [](const std::string& code, double lon) {
    return geo::Boundary{
        code, code, {{{lon, 50}, {lon + 1, 50}, {lon + 1, 51}, {lon, 51}, {lon, 50}}}};
  };
  std::vector<geo::Boundary> boundaries = {square("A", 0), square("B", 1), square("C", 2),
                                           square("D", 3)};
  std::vector<MapArea> areas;
  for (const auto& b : boundaries) areas.push_back({b.code, b.code, 1.0, 0, "1.0"});
  ChoroplethOptions options;
  options.id = "m";
  options.title = "t";
  options.outlines = {{"Cluster 1 (most likely)", {"A", "B"}}, {"Cluster 2", {"D"}}};
  Chart chart = Choropleth(options, areas, boundaries, {"all"});
  EXPECT_TRUE(testing::BrokenChartRules(chart.svg).empty());
  auto doc = ParseXml(chart.svg);
  ASSERT_TRUE(doc.ok) << doc.error;
  auto outlines = ByClass(doc, "cradle-outline");
  ASSERT_EQ(outlines.size(), 2u);
  EXPECT_EQ(outlines[0]->attrs.at("data-codes"), "A B");
  EXPECT_EQ(outlines[0]->attrs.at("data-label"), "Cluster 1 (most likely)");
  EXPECT_EQ(outlines[0]->attrs.count("stroke-dasharray"), 0u);  // the first is solid
  EXPECT_EQ(outlines[1]->attrs.at("data-codes"), "D");
  EXPECT_EQ(outlines[1]->attrs.at("stroke-dasharray"), "7 4");
  // A and B share one edge: the outline is the other six, in one run.
  const std::string& d = outlines[0]->attrs.at("d");
  EXPECT_EQ(std::count(d.begin(), d.end(), 'L'), 6);
  EXPECT_EQ(std::count(d.begin(), d.end(), 'M'), 2);  // each square's run of outer edges
  EXPECT_EQ(ByClass(doc, "cradle-outline-halo").size(), 2u);
  auto paths = ByClass(doc, "cradle-area");
  ASSERT_EQ(paths.size(), 4u);
  EXPECT_EQ(paths[0]->attrs.at("data-outline"), "1");
  EXPECT_EQ(paths[2]->attrs.at("data-outline"), "");
  EXPECT_EQ(paths[3]->attrs.at("data-outline"), "2");
  EXPECT_NE(testing::TitleOf(doc, *paths[0]).find("in Cluster 1 (most likely)"), std::string::npos);
  EXPECT_NE(testing::AllText(doc).find("Cluster 2"), std::string::npos);  // the legend
  ASSERT_EQ(chart.table.columns.back(), "Outline");
  EXPECT_EQ(chart.table.rows[1].back().text, "Cluster 1 (most likely)");
  EXPECT_EQ(chart.table.rows[2].back().text, "");
}

TEST(ChoroplethTest, NoOutlinesNoOutlineColumn) {
  std::vector<geo::Boundary> boundaries = {{"A", "Alpha", {{{0, 50}, {1, 50}, {1, 51}, {0, 50}}}}};
  ChoroplethOptions options;
  options.id = "m";
  Chart chart = Choropleth(options, {{"A", "Alpha", 1.0, 0, "1.0"}}, boundaries, {"all"});
  EXPECT_EQ(chart.table.columns, (std::vector<std::string>{"Code", "Area", "Value", "Class"}));
  EXPECT_EQ(chart.svg.find("data-outline"), std::string::npos);
}

}  // namespace
}  // namespace cradle::charts
