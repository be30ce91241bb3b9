#include "synth/sampling.h"

#include <gtest/gtest.h>

#include <set>

namespace cradle::synth {
namespace {

TEST(SamplingTest, Uniform01UsesTheTop53BitsOfTheStandardEngine) {
  // The C++ standard fixes std::mt19937_64's output: seeded with 5489 its
  // first output is 14514284786278117030 ([rand.eng.mers]; the 10,000th is
  // 9981545732273789042).
  Rng rng(5489);
  const double expected = static_cast<double>(14514284786278117030ULL >> 11) / 9007199254740992.0;
  EXPECT_EQ(rng.Uniform01(), expected);
}

TEST(SamplingTest, SameSeedSameStream) {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int draw = 0; draw < 100; ++draw) {
    const double x = a.Uniform01();
    ASSERT_EQ(x, b.Uniform01());
    differs |= x != c.Uniform01();
  }
  EXPECT_TRUE(differs);
}

TEST(SamplingTest, UniformIntCoversItsRangeEvenly) {
  Rng rng(7);
  std::vector<int> counts(6, 0);
  for (int draw = 0; draw < 60000; ++draw) ++counts[rng.UniformInt(6)];
  for (int count : counts) EXPECT_NEAR(count, 10000, 400);
  for (int draw = 0; draw < 1000; ++draw) {
    const int64_t value = rng.UniformRange(-3, 3);
    ASSERT_GE(value, -3);
    ASSERT_LE(value, 3);
  }
  EXPECT_EQ(rng.UniformInt(1), 0u);
}

TEST(SamplingTest, StandardNormalHasMeanZeroAndVarianceOne) {
  Rng rng(11);
  double sum = 0, squares = 0;
  int below_minus_1_28 = 0;
  const int draws = 100000;
  for (int draw = 0; draw < draws; ++draw) {
    const double z = rng.StandardNormal();
    ASSERT_GE(z, -6.0);
    ASSERT_LE(z, 6.0);
    sum += z;
    squares += z * z;
    below_minus_1_28 += z < -1.2816;
  }
  EXPECT_NEAR(sum / draws, 0.0, 0.02);
  EXPECT_NEAR(squares / draws, 1.0, 0.02);
  EXPECT_NEAR(below_minus_1_28 / static_cast<double>(draws), 0.10, 0.005);
}

TEST(SamplingTest, CategoricalFollowsItsWeightsAndNeverDrawsAZeroWeight) {
  Categorical categorical({1, 0, 3});
  EXPECT_DOUBLE_EQ(categorical.Probability(0), 0.25);
  EXPECT_DOUBLE_EQ(categorical.Probability(1), 0.0);
  Rng rng(3);
  std::vector<int> counts(3, 0);
  for (int draw = 0; draw < 40000; ++draw) ++counts[categorical.Sample(rng)];
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[0], 10000, 400);
  EXPECT_NEAR(counts[2], 30000, 400);
}

TEST(SamplingTest, WeightedSampleWithoutReplacementDrawsDistinctPositiveWeights) {
  Rng rng(5);
  std::vector<size_t> picked = WeightedSampleWithoutReplacement({1, 0, 2, 0, 5}, 10, rng);
  EXPECT_EQ(std::set<size_t>(picked.begin(), picked.end()), (std::set<size_t>{0, 2, 4}));
  EXPECT_EQ(picked.size(), 3u);
  EXPECT_TRUE(WeightedSampleWithoutReplacement({1, 1}, 0, rng).empty());
}

TEST(SamplingTest, WeightedSampleFavoursHeavyWeights) {
  // One draw from {1, 9}: index 1 about 90% of the time.
  Rng rng(9);
  int heavy = 0;
  for (int trial = 0; trial < 10000; ++trial) {
    heavy += WeightedSampleWithoutReplacement({1, 9}, 1, rng)[0] == 1;
  }
  EXPECT_NEAR(heavy, 9000, 150);
}

TEST(SamplingTest, DerivedSeedsDifferByStreamAndIndex) {
  std::set<uint64_t> seeds;
  for (uint64_t stream = 0; stream < 5; ++stream) {
    for (uint64_t index = 2010; index < 2030; ++index) seeds.insert(DeriveSeed(1, stream, index));
  }
  EXPECT_EQ(seeds.size(), 100u);
  EXPECT_EQ(DeriveSeed(1, 2, 3), DeriveSeed(1, 2, 3));
  EXPECT_NE(DeriveSeed(1, 2, 3), DeriveSeed(2, 2, 3));
}

}  // namespace
}  // namespace cradle::synth
