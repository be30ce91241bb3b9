// Assessments by touchpoint and level in a period, with small counts and
// what would reveal them hidden.
#include "casework/assessment_counts.h"

#include <gtest/gtest.h>

#include "casework/test_fixture.h"

namespace cradle::casework {
namespace {

store::AssessmentRow Row(const std::string& touchpoint, const std::string& level) {
  store::AssessmentRow row;
  row.touchpoint = touchpoint;
  row.level = level;
  return row;
}

std::vector<store::AssessmentRow> Rows(const std::string& touchpoint, int universal, int increased,
                                       int high) {
  std::vector<store::AssessmentRow> rows;
  for (int idx = 0; idx < universal; ++idx) rows.push_back(Row(touchpoint, "universal"));
  for (int idx = 0; idx < increased; ++idx) rows.push_back(Row(touchpoint, "increased"));
  for (int idx = 0; idx < high; ++idx) rows.push_back(Row(touchpoint, "high"));
  return rows;
}

TEST(AssessmentCountsTest, CountsByTouchpointAndLevelHidingSmallFamilies) {
  auto rows = Rows("new_birth_visit", 20, 8, 0);
  auto booking = Rows("booking", 12, 6, 2);  // 2 high: the row's levels are hidden
  rows.insert(rows.end(), booking.begin(), booking.end());
  auto few = Rows("", 1, 1, 1);  // 3 in all: everything hidden
  rows.insert(rows.end(), few.begin(), few.end());
  auto tallies = TallyAssessments(rows, 5);
  ASSERT_TRUE(tallies.ok()) << tallies.status().ToString();
  ASSERT_EQ(tallies->size(), 3u);
  const TouchpointTally& none = (*tallies)[0];
  EXPECT_EQ(none.touchpoint, "");
  EXPECT_FALSE(none.total.has_value());
  EXPECT_FALSE(none.universal.has_value());
  const TouchpointTally& at_booking = (*tallies)[1];
  EXPECT_EQ(at_booking.touchpoint, "booking");
  EXPECT_EQ(at_booking.total, 20);
  EXPECT_FALSE(at_booking.universal.has_value());
  EXPECT_FALSE(at_booking.increased.has_value());
  EXPECT_FALSE(at_booking.high.has_value());
  const TouchpointTally& visit = (*tallies)[2];
  EXPECT_EQ(visit.touchpoint, "new_birth_visit");
  EXPECT_EQ(visit.total, 28);
  EXPECT_EQ(visit.universal, 20);
  EXPECT_EQ(visit.increased, 8);
  EXPECT_EQ(visit.high, 0);  // zero identifies no one

  auto all = TallyAssessments(rows, 0);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ((*all)[1].high, 2);
  EXPECT_EQ((*all)[0].total, 3);
}

TEST(AssessmentCountsTest, RefusesAnUnknownLevel) {
  auto bad = Row("booking", "severe");
  bad.id = 7;
  EXPECT_EQ(TallyAssessments({bad}, 5).status().message(),
            "assessment 7 has level 'severe', not universal, increased or high");
}

using StoredCountsTest = testing::CaseworkTest;

TEST_F(StoredCountsTest, CountsEveryOrganisationsAssessmentsInThePeriod) {
  for (int idx = 0; idx < 5; ++idx) {
    ASSERT_TRUE(
        assessments_->Record(ann_, {testing::kFamilyA, SafeAssessment(), std::nullopt}).ok());
    ASSERT_TRUE(
        assessments_->Record(cat_, {testing::kFamilyB, SafeAssessment(), std::nullopt}).ok());
  }
  clock_.Advance(2 * testing::kDay);
  ASSERT_TRUE(assessments_->Record(ann_, {testing::kFamilyA, SafeAssessment(), std::nullopt}).ok());
  auto tallies = CountAssessments(*store_, testing::kStart, testing::kStart + testing::kDay, 5);
  ASSERT_TRUE(tallies.ok()) << tallies.status().ToString();
  ASSERT_EQ(tallies->size(), 1u);
  EXPECT_EQ((*tallies)[0].touchpoint, "new_birth_visit");
  EXPECT_EQ((*tallies)[0].total, 10);
  EXPECT_EQ((*tallies)[0].universal, 10);
  EXPECT_EQ(CountAssessments(*store_, 5, 5, 5).status().message(),
            "the period must end after it starts");
}

}  // namespace
}  // namespace cradle::casework
