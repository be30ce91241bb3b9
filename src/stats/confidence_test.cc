#include "stats/confidence.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace cradle::stats {
namespace {

constexpr char kRangeMessage[] = "confidence level must be between 90 and 100 or between 0.9 and 1";

TEST(NormaliseConfidenceTest, AcceptsProportionsAndPercentages) {
  EXPECT_EQ(*NormaliseConfidence(0.95), 0.95);
  EXPECT_EQ(*NormaliseConfidence(95), 0.95);
  EXPECT_EQ(*NormaliseConfidence(99.8), 0.998);
  EXPECT_EQ(*NormaliseConfidence(0.9), 0.9);
  EXPECT_EQ(*NormaliseConfidence(1), 1.0);
  EXPECT_EQ(*NormaliseConfidence(90), 0.9);
  EXPECT_EQ(*NormaliseConfidence(100), 1.0);
}

TEST(NormaliseConfidenceTest, RejectsOutsideBothRangesWithPackageMessage) {
  for (double bad : {0.0, 0.5, 0.8999, 1.0001, 50.0, 89.99, 100.01, -95.0, std::nan("")}) {
    Result<double> result = NormaliseConfidence(bad);
    ASSERT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(result.status().message(), kRangeMessage) << bad;
  }
}

TEST(NormaliseConfidenceLevelsTest, OnlyThePair95And998) {
  std::vector<double> pair = {0.95, 0.998};
  auto ok = NormaliseConfidenceLevels(pair);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, pair);

  std::vector<double> reversed = {0.998, 0.95};
  EXPECT_EQ(NormaliseConfidenceLevels(reversed).status().message(),
            "two confidence levels can only be produced if they are specified as 0.95 and 0.998");
  std::vector<double> three = {0.95, 0.998, 0.99};
  EXPECT_EQ(NormaliseConfidenceLevels(three).status().message(),
            "a maximum of two confidence levels can be provided");
  std::vector<double> one = {99.8};
  EXPECT_EQ(*NormaliseConfidenceLevels(one), std::vector<double>{0.998});
  EXPECT_FALSE(NormaliseConfidenceLevels({}).ok());
}

TEST(ZForConfidenceTest, MatchesRQnormToTheLastDigits) {
  // METHODS.md §1 values; the vector files carry the same z to 15 digits.
  EXPECT_NEAR(ZForConfidence(0.95), 1.959963984540054, 4e-16);
  EXPECT_NEAR(ZForConfidence(0.998), 3.090232306167813, 8e-16);
  EXPECT_TRUE(std::isinf(ZForConfidence(1.0)));
  EXPECT_LT(ZForConfidence(0.9), ZForConfidence(0.95));
}

}  // namespace
}  // namespace cradle::stats
