#include "inequalities/death_series.h"

#include <gtest/gtest.h>

#include <cmath>

#include "inequalities/testing.h"

namespace cradle::inequalities {
namespace {

using testing::Add;
using testing::Died;
using testing::MakeBirth;

// Births every month of 2020-2022; deaths: 2 a month in 2021-2022 except 9
// in March 2022 (neonatal) and one post-neonatal death in January 2021 of a
// baby born in 2020.
RecordFrame Monthly() {
  RecordFrame frame = testing::FourLsoas();
  Add(frame, MakeBirth("2020-01-15"), 10);
  Add(frame, Died(MakeBirth("2020-11-20"), 60));  // dies 2021-01-19
  for (int year : {2021, 2022}) {
    for (int month = 1; month <= 12; ++month) {
      char date[16];
      std::snprintf(date, sizeof date, "%d-%02d-01", year, month);
      int deaths = year == 2022 && month == 3 ? 9 : 2;
      Add(frame, Died(MakeBirth(date), 3), deaths);
    }
  }
  return frame;
}

TEST(DeathSeriesTest, MonthlyInfantDeathsFromTheSecondYear) {
  DeathSpcOptions options;
  options.disclosure_min_count = 0;
  auto spc = DeathsSpc(Monthly(), options);
  ASSERT_TRUE(spc.ok()) << spc.status().ToString();
  EXPECT_EQ(spc->first_year, 2021);
  EXPECT_EQ(spc->last_year, 2022);
  ASSERT_EQ(spc->points.size(), 24u);
  EXPECT_EQ(spc->points[0].label, "2021-01");
  EXPECT_EQ(spc->points[0].deaths, 3);
  EXPECT_EQ(spc->points[14].label, "2022-03");
  EXPECT_EQ(spc->points[14].deaths, 9);
  EXPECT_TRUE(spc->notes.empty());
  // The chart is the XmR chart of exactly these counts, under MDC's rules.
  std::vector<double> values;
  for (const SeriesPoint& point : spc->points) values.push_back(static_cast<double>(point.deaths));
  stats::SpcOptions mdc = stats::MakingDataCountToolOptions();
  mdc.improvement = stats::ImprovementDirection::kDecrease;
  auto expected = stats::XmrChart(values, mdc);
  ASSERT_TRUE(expected.ok());
  EXPECT_DOUBLE_EQ(spc->chart.points[0].limits.mean, expected->points[0].limits.mean);
  EXPECT_DOUBLE_EQ(spc->chart.points[0].limits.upper_process_limit,
                   expected->points[0].limits.upper_process_limit);
  // March 2022 is above the upper limit: more deaths is concern.
  EXPECT_EQ(spc->chart.points[14].special_cause, stats::SpecialCauseType::kAboveUpperLimit);
  EXPECT_EQ(spc->chart.points[14].point_type, stats::PointType::kSpecialCauseConcern);
}

TEST(DeathSeriesTest, QuartersNeonatalAndDisclosure) {
  DeathSpcOptions options;
  options.interval = SeriesInterval::kQuarter;
  options.measure = DeathMeasure::kNeonatal;
  options.rules = SpcRules::kNhsrPlotTheDots;  // MDC refuses under 13 points
  auto spc = DeathsSpc(Monthly(), options);
  ASSERT_TRUE(spc.ok()) << spc.status().ToString();
  EXPECT_EQ(spc->first_year, 2020);  // neonatal deaths are complete from the start
  ASSERT_EQ(spc->points.size(), 12u);
  EXPECT_EQ(spc->points[4].label, "2021 Q1");
  EXPECT_EQ(spc->points[4].deaths, 6);  // the post-neonatal death is not counted
  EXPECT_EQ(spc->points[8].deaths, 13);
  EXPECT_EQ(spc->points[0].deaths, 0);
  EXPECT_FALSE(spc->points[0].hidden);  // zero is shown
  EXPECT_FALSE(spc->points[4].hidden);
  EXPECT_FALSE(spc->chart.warnings.empty());  // short segment under NHSRplotthedots: warned
  options.rules = SpcRules::kMakingDataCount;
  options.first_year = 2022;
  auto refused = DeathsSpc(Monthly(), options);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
}

TEST(DeathSeriesTest, YearsOutsideTheRecords) {
  DeathSpcOptions options;
  options.first_year = 2019;
  EXPECT_EQ(DeathsSpc(Monthly(), options).status().message(),
            "the records hold births of 2020-2022, not all of 2019-2022");
  options.first_year = 2020;
  auto with_note = DeathsSpc(Monthly(), options);
  ASSERT_TRUE(with_note.ok());
  ASSERT_EQ(with_note->notes.size(), 1u);
  EXPECT_EQ(with_note->points[0].deaths, 0);
  EXPECT_EQ(DeathsSpc(RecordFrame{}, options).status().message(),
            "the store holds no births: import or synthesise records first");
}

}  // namespace
}  // namespace cradle::inequalities
