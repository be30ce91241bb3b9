#include "stats/rate_ratio.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/testing/vector_file.h"

namespace cradle::stats {
namespace {

using vectors::kClosedFormTolerance;
using vectors::kQuantileTolerance;
using vectors::ReadVectorFile;
using vectors::RowCheck;

// rate_ratio.csv: log (Katz) and exact conditional rate-ratio intervals,
// including O1 = 0 where the log method is undefined.
TEST(RateRatioVectors, RateRatio) {
  auto rows = ReadVectorFile("rate_ratio.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 20u) << "METHODS.md §15 lists 20 rows";
  for (const auto& row : *rows) {
    RowCheck check(row,
                   row.Text("o1") + "/" + row.Text("n1") + " vs " + row.Text("o2") + "/" +
                       row.Text("n2") + " at " + row.Text("confidence"),
                   kClosedFormTolerance);
    double o1 = row.Required("o1"), n1 = row.Required("n1");
    double o2 = row.Required("o2"), n2 = row.Required("n2");
    double confidence = row.Required("confidence");

    auto log_method = RateRatioLog(o1, n1, o2, n2, confidence);
    if (row.IsNa("log_method_lower")) {
      check.True("log method is an error where it is undefined", !log_method.ok());
    } else if (check.True("log method ok", log_method.ok())) {
      check.Near("log value", log_method->value, row.Required("rate_ratio"));
      check.Near("log lower", log_method->ci.lower, row.Required("log_method_lower"));
      check.Near("log upper", log_method->ci.upper, row.Required("log_method_upper"));
    }

    auto exact = RateRatioExactConditional(o1, n1, o2, n2, confidence);
    if (check.True("exact conditional ok", exact.ok())) {
      check.Equal("method", CiMethodName(exact->method), "Exact conditional");
      check.Near("exact value", exact->value, row.Required("rate_ratio"));
      check.Near("exact lower", exact->ci.lower, row.Required("exact_conditional_lower"),
                 kQuantileTolerance);
      check.Near("exact upper", exact->ci.upper, row.Required("exact_conditional_upper"),
                 kQuantileTolerance);
    }
  }
}

TEST(RateRatioTest, Validates) {
  EXPECT_EQ(RateRatioLog(0, 100, 4, 100, 0.95).status().message(),
            "the log method needs at least one event in each group");
  EXPECT_EQ(RateRatioExactConditional(3, 100, 0, 100, 0.95).status().message(),
            "the comparison group must have at least one event");
  EXPECT_FALSE(RateRatioLog(-1, 100, 4, 100, 0.95).ok());
  EXPECT_FALSE(RateRatioLog(1, 0, 4, 100, 0.95).ok());
  EXPECT_FALSE(RateRatioExactConditional(1, 10, 4, 100, 0.5).ok());
}

TEST(RateRatioTest, EqualRatesGiveOneInsideBothIntervals) {
  auto log_method = RateRatioLog(50, 1000, 100, 2000, 0.95);
  auto exact = RateRatioExactConditional(50, 1000, 100, 2000, 0.95);
  ASSERT_TRUE(log_method.ok() && exact.ok());
  EXPECT_DOUBLE_EQ(log_method->value, 1.0);
  EXPECT_LT(exact->ci.lower, 1.0);
  EXPECT_GT(exact->ci.upper, 1.0);
  EXPECT_NEAR(std::log(log_method->ci.lower) + std::log(log_method->ci.upper), 0.0, 1e-12);
}

// Katz's risk-ratio interval, values from the formula evaluated independently
// (Python, double precision): 10/100 vs 5/100 and 174/500 vs 1,000/5,000.
TEST(RiskRatioTest, KatzLogInterval) {
  auto small = RiskRatioLog(10, 100, 5, 100, 0.95);
  ASSERT_TRUE(small.ok()) << small.status().ToString();
  EXPECT_DOUBLE_EQ(small->value, 2.0);
  EXPECT_NEAR(small->ci.lower, 0.708951418618359, 1e-12);
  EXPECT_NEAR(small->ci.upper, 5.64213554688332, 1e-12);
  EXPECT_EQ(small->method, CiMethod::kLogNormal);
  auto common = RiskRatioLog(174, 500, 1000, 5000, 0.95);
  ASSERT_TRUE(common.ok());
  EXPECT_NEAR(common->value, 1.74, 1e-12);
  EXPECT_NEAR(common->ci.lower, 1.52458168701342, 1e-12);
  EXPECT_NEAR(common->ci.upper, 1.98585620291092, 1e-12);
  // Narrower than the rate-ratio interval, which ignores that risks are bounded.
  auto as_rates = RateRatioLog(174, 500, 1000, 5000, 0.95);
  EXPECT_GT(common->ci.lower, as_rates->ci.lower);
}

TEST(RiskRatioTest, Validates) {
  EXPECT_EQ(RiskRatioLog(0, 100, 4, 100, 0.95).status().message(),
            "the log method needs at least one event in each group");
  EXPECT_EQ(RiskRatioLog(101, 100, 4, 100, 0.95).status().message(),
            "numerators must be less than or equal to denominator for a proportion statistic");
  EXPECT_FALSE(RiskRatioLog(1, 0, 4, 100, 0.95).ok());
  EXPECT_FALSE(RiskRatioLog(1, 10, 4, 100, 0.5).ok());
  // Everyone an event in both groups: ratio 1 with no spread.
  auto all = RiskRatioLog(10, 10, 20, 20, 0.95);
  ASSERT_TRUE(all.ok());
  EXPECT_DOUBLE_EQ(all->ci.lower, 1.0);
  EXPECT_DOUBLE_EQ(all->ci.upper, 1.0);
}

}  // namespace
}  // namespace cradle::stats
