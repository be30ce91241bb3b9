#include "stats/poisson_bisection.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/poisson_interval.h"

namespace cradle::stats {
namespace {

TEST(PoissonProbabilityBetweenTest, MatchesClosedFormsToTheSeriesTolerance) {
  // The series stops once a term is below 1e-10 of the total, so the
  // probabilities are good to about 1e-10, by design of the original macro.
  EXPECT_NEAR(PoissonProbabilityBetween(2.0, 0, 0), std::exp(-2.0), 1e-10);
  EXPECT_NEAR(PoissonProbabilityBetween(2.0, 0, 1), 3.0 * std::exp(-2.0), 1e-10);
  EXPECT_NEAR(PoissonProbabilityBetween(2.0, 0, 1e10), 1.0, 1e-15);
  // Bounds need not be integers: k runs over 3, 4, ... for first = 2.5.
  EXPECT_NEAR(PoissonProbabilityBetween(2.0, 2.5, 1e10), 1.0 - 5.0 * std::exp(-2.0), 1e-10);
  EXPECT_NE(PoissonProbabilityBetween(2.0, 0, 0), PoissonProbabilityBetween(2.0, 0, 1));
}

TEST(PoissonProbabilityBetweenTest, LargeMeansStayFinite) {
  // e^100000 overflows a double; the 1e30 rescaling keeps the ratio finite.
  double p = PoissonProbabilityBetween(100000.0, 0, 100000.0);
  EXPECT_GT(p, 0.5);
  EXPECT_LT(p, 0.51);
}

TEST(PoissonBisectionTest, CloseToExactChiSquaredLimits) {
  // METHODS.md §10: agreement to about 4e-7 relative on the high side and 5e-5
  // on the low side; the bisection's own width is 1e-7 in v.
  for (double observed : {1.0, 2.0, 5.0, 9.0, 10.0, 50.0, 400.0}) {
    for (double confidence : {0.95, 0.998}) {
      double tail = (1.0 - confidence) / 2.0;
      auto exact = ExactPoissonInterval(observed, confidence);
      ASSERT_TRUE(exact.ok());
      EXPECT_NEAR(PoissonBisectionUpper(observed, tail) / exact->upper, 1.0, 1e-6)
          << observed << " " << confidence;
      EXPECT_NEAR(PoissonBisectionLower(observed, tail) / exact->lower, 1.0, 1e-4)
          << observed << " " << confidence;
    }
  }
}

TEST(PoissonBisectionTest, NonIntegerObservedCountsWholeEvents) {
  // Fingertips' SPC-for-DSR passes a non-integer expected count: P(X >= 12.5)
  // is P(X >= 13) and P(X <= 12.5) is P(X <= 12), so the limits are those of
  // the neighbouring whole counts (to the bisection's width).
  EXPECT_NEAR(PoissonBisectionLower(12.5, 0.025) / PoissonBisectionLower(13.0, 0.025), 1.0, 1e-6);
  EXPECT_NEAR(PoissonBisectionUpper(12.5, 0.025) / PoissonBisectionUpper(12.0, 0.025), 1.0, 1e-6);
  EXPECT_LT(PoissonBisectionLower(12.5, 0.025), 12.5);
  EXPECT_GT(PoissonBisectionUpper(12.5, 0.025), 12.5);
}

}  // namespace
}  // namespace cradle::stats
