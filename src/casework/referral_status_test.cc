// Every pair of statuses: allowed exactly when the lifecycle says so, with
// the refusal saying what may follow.
#include "casework/referral_status.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

namespace cradle::casework {
namespace {

using S = ReferralStatus;

TEST(ReferralStatusTest, AllowsOnlyTheLifecycle) {
  const std::set<std::pair<S, S>> allowed = {
      {S::kSent, S::kAccepted},       {S::kSent, S::kDeclined},
      {S::kSent, S::kNotContactable}, {S::kAccepted, S::kCompleted},
      {S::kAccepted, S::kDeclined},   {S::kAccepted, S::kNotContactable}};
  const S all[] = {S::kSent, S::kAccepted, S::kCompleted, S::kDeclined, S::kNotContactable};
  for (S from : all) {
    for (S to : all) {
      EXPECT_EQ(CheckTransition(from, to).ok(), allowed.count({from, to}) == 1)
          << ReferralStatusName(from) << " -> " << ReferralStatusName(to);
    }
  }
}

TEST(ReferralStatusTest, RefusalsSayWhatMayFollow) {
  EXPECT_EQ(CheckTransition(S::kSent, S::kCompleted).message(),
            "a sent referral cannot become completed: it can become accepted, declined or "
            "not_contactable");
  EXPECT_EQ(CheckTransition(S::kAccepted, S::kSent).message(),
            "an accepted referral cannot become sent: it can become completed, declined or "
            "not_contactable");
  EXPECT_EQ(CheckTransition(S::kCompleted, S::kAccepted).message(),
            "a completed referral cannot become accepted: nothing follows completed");
  EXPECT_EQ(CheckTransition(S::kDeclined, S::kAccepted).message(),
            "a declined referral cannot become accepted: nothing follows declined");
}

TEST(ReferralStatusTest, NamesRoundTripAndUnknownNamesAreRefused) {
  for (S status : {S::kSent, S::kAccepted, S::kCompleted, S::kDeclined, S::kNotContactable}) {
    auto parsed = ParseReferralStatus(ReferralStatusName(status));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, status);
  }
  EXPECT_EQ(ParseReferralStatus("delivered").status().message(),
            "unknown referral status 'delivered': expected sent, accepted, completed, declined "
            "or not_contactable");
  EXPECT_TRUE(IsFinal(S::kCompleted));
  EXPECT_TRUE(IsFinal(S::kNotContactable));
  EXPECT_FALSE(IsFinal(S::kAccepted));
}

}  // namespace
}  // namespace cradle::casework
