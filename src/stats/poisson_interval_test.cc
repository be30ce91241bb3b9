#include "stats/poisson_interval.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/confidence.h"
#include "stats/testing/vector_file.h"

namespace cradle::stats {
namespace {

using vectors::kClosedFormTolerance;
using vectors::kQuantileTolerance;
using vectors::ReadVectorFile;
using vectors::RowCheck;

// count_ci_byars_exact.csv: exact and Byar limits for O = 0..100000 at 95%
// and 99.8%, with the method PHE chooses. Every column is checked.
TEST(PoissonIntervalVectors, CountCiByarsExact) {
  auto rows = ReadVectorFile("count_ci_byars_exact.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 80u) << "METHODS.md §15 lists 80 rows";
  for (const auto& row : *rows) {
    double x = row.Required("x");
    double confidence = row.Required("confidence");
    RowCheck check(row, "x=" + row.Text("x") + " confidence=" + row.Text("confidence"),
                   kClosedFormTolerance);

    check.Near("z", ZForConfidence(*NormaliseConfidence(confidence)), row.Required("z"));

    auto exact = ExactPoissonInterval(x, confidence);
    if (check.True("exact interval ok", exact.ok())) {
      check.Near("exact lower", exact->lower, row.Required("exact_lower"), kQuantileTolerance);
      check.Near("exact upper", exact->upper, row.Required("exact_upper"), kQuantileTolerance);
    }

    auto byar = ByarInterval(x, confidence);
    if (row.IsNa("byars_lower")) {
      // R's NA (negative) or NaN (x = 0) lower limit is an error value here.
      check.True("Byar interval is an error where the package gives NA", !byar.ok());
    } else if (check.True("Byar interval ok", byar.ok())) {
      check.Near("Byar lower", byar->lower, row.Required("byars_lower"));
      check.Near("Byar upper", byar->upper, row.Required("byars_upper"));
    }
    auto byar_upper = ByarUpperLimit(x, confidence);
    if (check.True("Byar upper ok", byar_upper.ok())) {
      check.Near("Byar upper alone", *byar_upper, row.Required("byars_upper"));
    }

    auto phe = PoissonCountInterval(x, confidence);
    if (check.True("PHE interval ok", phe.ok())) {
      check.Equal("PHE method", CiMethodName(phe->method), row.Text("phe_method"));
      double tolerance =
          phe->method == CiMethod::kExact ? kQuantileTolerance : kClosedFormTolerance;
      check.Near("PHE lower", phe->ci.lower, row.Required("phe_lower"), tolerance);
      check.Near("PHE upper", phe->ci.upper, row.Required("phe_upper"), tolerance);
      check.Near("value", phe->value, x);
      check.Near("confidence", phe->confidence, confidence);
    }
  }
}

TEST(PoissonIntervalTest, SwitchesAtTenNotNine) {
  EXPECT_EQ(PoissonCountInterval(9.999, 0.95)->method, CiMethod::kExact);
  EXPECT_EQ(PoissonCountInterval(10, 0.95)->method, CiMethod::kByar);
  EXPECT_EQ(PoissonCountInterval(10, 95)->confidence, 0.95);
}

TEST(PoissonIntervalTest, ZeroEventsHasClosedFormUpperLimit) {
  auto ci = ExactPoissonInterval(0, 0.95);
  ASSERT_TRUE(ci.ok());
  EXPECT_EQ(ci->lower, 0.0);
  EXPECT_NEAR(ci->upper, -std::log(0.025), 1e-14);
  EXPECT_NEAR(ExactPoissonInterval(0, 99.8)->upper, -std::log(0.001), 1e-14);
}

TEST(PoissonIntervalTest, ConfidenceOneIsTheWholeHalfLine) {
  EXPECT_EQ(ExactPoissonInterval(3, 1)->lower, 0.0);
  EXPECT_TRUE(std::isinf(ExactPoissonInterval(3, 1)->upper));
  EXPECT_TRUE(std::isinf(ByarInterval(30, 100)->upper));
}

TEST(PoissonIntervalTest, RejectsBadCountsAndConfidence) {
  EXPECT_EQ(ExactPoissonInterval(-1, 0.95).status().message(),
            "observed events must all be greater than or equal to zero");
  EXPECT_FALSE(ExactPoissonInterval(std::nan(""), 0.95).ok());
  EXPECT_FALSE(ExactPoissonInterval(INFINITY, 0.95).ok());
  EXPECT_FALSE(ByarInterval(-3, 0.95).ok());
  EXPECT_FALSE(PoissonCountInterval(5, 0.8).ok());
  EXPECT_EQ(ByarInterval(10, 80).status().message(),
            "confidence level must be between 90 and 100 or between 0.9 and 1");
}

TEST(PoissonIntervalTest, NonIntegerCountsAreAccepted) {
  auto low = ExactPoissonInterval(2.5, 0.95);
  ASSERT_TRUE(low.ok());
  EXPECT_GT(low->lower, ExactPoissonInterval(2, 0.95)->lower);
  EXPECT_LT(low->lower, ExactPoissonInterval(3, 0.95)->lower);
}

}  // namespace
}  // namespace cradle::stats
