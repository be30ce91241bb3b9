// The time from referral to completed on hand-made sets whose median, 90th
// centile and share within N days are worked out by hand, the small-number
// rule, and the same measure read from referrals made through the store.
#include "casework/referral_timing.h"

#include <gtest/gtest.h>

#include "casework/test_fixture.h"

namespace cradle::casework {
namespace {

constexpr int64_t kNow = 1'800'000'000;
constexpr int64_t kDay = testing::kDay;

// A referral to `service` sent `sent_days_ago` before kNow, with its status;
// completed ones are completed `days` after being sent.
store::ReferralRow Referral(const std::string& service, double sent_days_ago,
                            const std::string& status, double days = 0) {
  store::ReferralRow row;
  row.to_service_id = service;
  row.to_service = "Service " + service;
  row.to_organisation = "Org " + service;
  row.created_at = kNow - static_cast<int64_t>(sent_days_ago * kDay);
  row.status = status;
  row.events.push_back({"sent", row.created_at, 1, "", ""});
  if (status == "completed") {
    row.events.push_back({"accepted", row.created_at, 1, "", ""});
    row.events.push_back(
        {"completed", row.created_at + static_cast<int64_t>(days * kDay), 1, "", ""});
  } else if (status != "sent") {
    row.events.push_back({status, row.created_at + kDay, 1, "", ""});
  }
  return row;
}

TEST(QuantileTest, InterpolatesBetweenOrderStatistics) {
  EXPECT_DOUBLE_EQ(*Quantile({4, 1, 3, 2}, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(*Quantile({4, 1, 3, 2}, 0.9), 3.7);  // h = 3 x 0.9 = 2.7: 3 + 0.7 x 1
  EXPECT_DOUBLE_EQ(*Quantile({5}, 0.9), 5);
  EXPECT_DOUBLE_EQ(*Quantile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 1.0), 10);
  EXPECT_FALSE(Quantile({}, 0.5).has_value());
}

TEST(ReferralTimingTest, MedianCentileAndShareWithinSevenDaysOfAHandMadeSet) {
  std::vector<store::ReferralRow> referrals;
  for (int days = 1; days <= 10; ++days) referrals.push_back(Referral("a", 30, "completed", days));
  referrals.push_back(Referral("a", 30, "declined"));
  referrals.push_back(Referral("a", 2, "sent"));       // too recent to count as due
  referrals.push_back(Referral("a", 10, "accepted"));  // open 10 days: due, not within 7
  referrals.push_back(Referral("b", 20, "not_contactable"));
  auto timings = MeasureTimings(referrals, kNow, {7, 0});
  ASSERT_TRUE(timings.ok()) << timings.status().ToString();
  ASSERT_EQ(timings->size(), 2u);
  const ServiceTiming& a = (*timings)[0];
  EXPECT_EQ(a.service_id, "a");
  EXPECT_EQ(a.service, "Service a");
  EXPECT_EQ(a.organisation, "Org a");
  EXPECT_EQ(a.referred, 13);
  EXPECT_EQ(a.completed, 10);
  EXPECT_EQ(a.declined, 1);
  EXPECT_EQ(a.not_contactable, 0);
  EXPECT_EQ(a.open, 2);
  EXPECT_DOUBLE_EQ(*a.median_days, 5.5);      // (5 + 6) / 2
  EXPECT_DOUBLE_EQ(*a.centile_90_days, 9.1);  // h = 9 x 0.9 = 8.1: 9 + 0.1 x 1
  EXPECT_EQ(a.within_days, 7);
  EXPECT_EQ(a.due, 12);  // 10 completed, 1 declined, 1 open for 10 days
  EXPECT_EQ(a.completed_within, 7);
  EXPECT_DOUBLE_EQ(*a.share_within, 7.0 / 12.0);
  const ServiceTiming& b = (*timings)[1];
  EXPECT_EQ(b.referred, 1);
  EXPECT_EQ(b.completed, 0);
  EXPECT_FALSE(b.median_days.has_value());
  EXPECT_EQ(b.due, 1);
  EXPECT_DOUBLE_EQ(*b.share_within, 0.0);
}

TEST(ReferralTimingTest, WithinNDaysIsAnOption) {
  std::vector<store::ReferralRow> referrals;
  for (int days = 1; days <= 10; ++days) referrals.push_back(Referral("a", 30, "completed", days));
  auto timings = MeasureTimings(referrals, kNow, {3, 0});
  ASSERT_TRUE(timings.ok());
  EXPECT_EQ((*timings)[0].completed_within, 3);
  EXPECT_DOUBLE_EQ(*(*timings)[0].share_within, 0.3);
  EXPECT_EQ(MeasureTimings(referrals, kNow, {0, 5}).status().message(),
            "within_days must be at least 1 (it is 0)");
  EXPECT_EQ(MeasureTimings(referrals, kNow, {7, -1}).status().message(),
            "min_count must not be negative (it is -1)");
}

TEST(ReferralTimingTest, SmallCountsAndWhatWouldRevealThemAreHidden) {
  std::vector<store::ReferralRow> referrals;
  for (int idx = 0; idx < 3; ++idx) referrals.push_back(Referral("few", 30, "completed", 2));
  for (int idx = 0; idx < 6; ++idx) referrals.push_back(Referral("many", 30, "completed", 1));
  for (int idx = 0; idx < 2; ++idx) referrals.push_back(Referral("many", 30, "declined"));
  auto timings = MeasureTimings(referrals, kNow, {7, 5});
  ASSERT_TRUE(timings.ok());
  const ServiceTiming& few = (*timings)[0];
  EXPECT_EQ(few.service_id, "few");
  EXPECT_FALSE(few.referred.has_value());
  EXPECT_FALSE(few.completed.has_value());
  EXPECT_FALSE(few.median_days.has_value());
  EXPECT_FALSE(few.share_within.has_value());
  const ServiceTiming& many = (*timings)[1];
  EXPECT_EQ(many.referred, 8);
  EXPECT_FALSE(many.declined.has_value());   // 2 is small
  EXPECT_FALSE(many.completed.has_value());  // 8 - 6 would give it away
  EXPECT_FALSE(many.median_days.has_value());
  EXPECT_EQ(many.due, 8);
  EXPECT_FALSE(many.completed_within.has_value());  // 6 of 8: the other 2 are small
  EXPECT_FALSE(many.share_within.has_value());
}

using StoredTimingTest = testing::CaseworkTest;

TEST_F(StoredTimingTest, MeasuresReferralsMadeThroughTheStore) {
  int64_t quick = Refer();
  int64_t slow = Refer(testing::kFamilyB);
  int64_t open = Refer();
  ASSERT_TRUE(referrals_->Move(bob_, quick, ReferralStatus::kAccepted).ok());
  ASSERT_TRUE(referrals_->Move(bob_, slow, ReferralStatus::kAccepted).ok());
  clock_.Advance(2 * kDay);
  ASSERT_TRUE(referrals_->Move(bob_, quick, ReferralStatus::kCompleted).ok());
  clock_.Advance(8 * kDay);
  ASSERT_TRUE(referrals_->Move(bob_, slow, ReferralStatus::kCompleted).ok());
  (void)open;
  auto timings =
      ReferralTimings(*store_, testing::kStart, testing::kStart + kDay, clock_.Now(), {7, 0});
  ASSERT_TRUE(timings.ok()) << timings.status().ToString();
  ASSERT_EQ(timings->size(), 1u);
  const ServiceTiming& baby_basics = (*timings)[0];
  EXPECT_EQ(baby_basics.service_id, testing::kBabyBasicsService);
  EXPECT_EQ(baby_basics.organisation, testing::kBabyBasics);
  EXPECT_EQ(baby_basics.referred, 3);
  EXPECT_EQ(baby_basics.completed, 2);
  EXPECT_EQ(baby_basics.open, 1);
  EXPECT_DOUBLE_EQ(*baby_basics.median_days, 6.0);  // 2 and 10 days
  EXPECT_DOUBLE_EQ(*baby_basics.centile_90_days, 9.2);
  EXPECT_EQ(baby_basics.due, 3);
  EXPECT_EQ(baby_basics.completed_within, 1);
  // Sent outside the period: not counted.
  auto later = ReferralTimings(*store_, testing::kStart + kDay, testing::kStart + 2 * kDay,
                               clock_.Now(), {7, 0});
  ASSERT_TRUE(later.ok());
  EXPECT_TRUE(later->empty());
}

}  // namespace
}  // namespace cradle::casework
