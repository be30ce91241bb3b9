// Timeliness against the targets, and the targets file's errors.
#include "cdop/timeliness.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace cradle::cdop {
namespace {

using records::Date;

std::string TargetsFile(const std::string& name, const std::string& json) {
  auto path = std::filesystem::temp_directory_path() /
              ("cradle_timeliness_" + std::to_string(::getpid()) + "_" + name + ".json");
  std::ofstream(path) << json;
  return path.string();
}

TEST(TimelinessTest, TheBundledTargetsAreTheLocalPractice) {
  auto targets = LoadTimelinessTargets(TimelinessTargetsPath(CRADLE_DATA_DIR));
  ASSERT_TRUE(targets.ok()) << targets.status().message();
  EXPECT_EQ(targets->notification_days, 2);
  EXPECT_EQ(targets->review_meeting_days, 91);
  EXPECT_EQ(targets->panel_days, 183);
}

TEST(TimelinessTest, BadTargetsNameTheFileAndKey) {
  auto missing = LoadTimelinessTargets(
      TargetsFile("missing", R"({"notification_days": 2, "panel_days": 100})"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("'review_meeting_days' is missing"), std::string::npos);
  auto bad = LoadTimelinessTargets(TargetsFile(
      "bad", R"({"notification_days": "2", "review_meeting_days": 90, "panel_days": 180})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(
                "'notification_days' is \"2\"; give a whole number of days from 0 to 3650"),
            std::string::npos);
  auto order = LoadTimelinessTargets(TargetsFile(
      "order", R"({"notification_days": 2, "review_meeting_days": 200, "panel_days": 180})"));
  ASSERT_FALSE(order.ok());
  EXPECT_NE(order.status().message().find("process's order"), std::string::npos);
}

TEST(TimelinessTest, EachStepIsOnTimeLateOverdueOrNotYetDue) {
  const TimelinessTargets targets;  // 2, 91, 183
  records::ReviewRecord review;
  review.date_of_death = *Date::Parse("2024-01-01");
  review.notified_on = *Date::Parse("2024-01-03");  // 2 days: on time
  review.cdrm_on = Date::Parse("2024-04-05");       // 95 days: late
  const Date today = *Date::Parse("2024-06-01");    // 152 days: panel not yet due
  ReviewTimeliness timing = Timeliness(review, targets, today);
  EXPECT_EQ(timing.notification.status, StepStatus::kOnTime);
  EXPECT_EQ(timing.review_meeting.status, StepStatus::kLate);
  EXPECT_EQ(timing.review_meeting.days, 95);
  EXPECT_EQ(timing.panel.status, StepStatus::kNotYetDue);
  EXPECT_EQ(Timeliness(review, targets, *Date::Parse("2024-07-03")).panel.status,
            StepStatus::kOverdue);  // 184 days

  records::ReviewRecord second = review;
  second.notified_on = *Date::Parse("2024-01-06");  // 5 days: late
  second.panel_on = Date::Parse("2024-05-01");
  std::vector<StepSummary> summary = SummariseTimeliness({review, second}, targets, today);
  ASSERT_EQ(summary.size(), 3u);
  EXPECT_EQ(summary[0].on_time, 1);
  EXPECT_EQ(summary[0].late, 1);
  EXPECT_EQ(summary[0].median_days, 3.5);
  EXPECT_EQ(summary[2].on_time, 1);
  EXPECT_EQ(summary[2].not_yet_due, 1);
}

}  // namespace
}  // namespace cradle::cdop
