// The likelihood ratios against values SaTScan printed, and the limit tables
// the replication kernel relies on against the ratios they summarise.
#include "hotspots/likelihood.h"

#include <gtest/gtest.h>

#include "hotspots/window_statistic.h"

namespace cradle::hotspots {
namespace {

TEST(LikelihoodTest, PoissonMatchesSatscanNewYork) {
  // NY 50% most likely cluster: 100 observed, 58.2827093062 expected of 552.
  EXPECT_NEAR(PoissonLlr(100, 58.2827093062, 552), 14.0835106523, 1e-8);
}

TEST(LikelihoodTest, BernoulliMatchesSatscanNorthHumberside) {
  // 4 cases among 4 people; 62 cases among 203 people in all.
  EXPECT_NEAR(BernoulliLlr(4, 4, 62, 203), 4.836516, 1e-6);
}

TEST(LikelihoodTest, DirectionAndMinimumCases) {
  WindowStatistic high(ScanModel::kPoisson, RateDirection::kHigh, 552, 1057673);
  EXPECT_EQ(high.Llr(1, 0.01), 0);  // one case is below the minimum of two
  EXPECT_GT(high.Llr(2, 0.01), 0);
  EXPECT_EQ(high.Llr(5, 10), 0);  // a low-rate window
  WindowStatistic low(ScanModel::kPoisson, RateDirection::kLow, 552, 1057673);
  EXPECT_GT(low.Llr(5, 10), 0);
  EXPECT_EQ(low.Llr(20, 10), 0);
}

// A window reaches the threshold exactly when its measure is within the
// table's limit, for every count.
TEST(LikelihoodTest, LimitTablesSeparateWindowsThatReachAThreshold) {
  for (ScanModel model : {ScanModel::kPoisson, ScanModel::kBernoulli}) {
    WindowStatistic both(model, RateDirection::kBoth, 300, 20000);
    double threshold = 3.5;
    std::vector<float> high = both.HighLimits(threshold);
    std::vector<float> low = both.LowLimits(threshold);
    for (int64_t c = 0; c <= 300; c += 7) {
      for (double u = 0.5; u < (model == ScanModel::kPoisson ? 150 : 10000); u *= 1.01) {
        if (model == ScanModel::kBernoulli && u < c) continue;
        double score = both.Llr(c, u);
        if (score < threshold) continue;
        if (both.IsHighWindow(c, u)) {
          EXPECT_LE(u, high[static_cast<size_t>(c)]) << c << " " << u;
        } else {
          EXPECT_GE(u, low[static_cast<size_t>(c)]) << c << " " << u;
        }
      }
    }
  }
}

}  // namespace
}  // namespace cradle::hotspots
