#include "stats/rate.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/testing/vector_file.h"

namespace cradle::stats {
namespace {

using vectors::kClosedFormTolerance;
using vectors::kQuantileTolerance;
using vectors::ReadVectorFile;
using vectors::RowCheck;

// rates_crude.csv: PIM xlsx rows (incl. NA rows), generated IMR-style rows and
// England/Leicester-scale rows, at 95% and 99.8%.
TEST(CrudeRateVectors, RatesCrude) {
  auto rows = ReadVectorFile("rates_crude.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 98u) << "METHODS.md §15 lists 98 rows";
  int na_rows = 0;
  for (const auto& row : *rows) {
    RowCheck check(row, row.Text("vector_id"), kClosedFormTolerance);
    auto rate = CrudeRateIfPresent(row.Number("numerator"), row.Number("denominator"),
                                   row.Required("multiplier"), row.Required("confidence"));
    if (!check.True("no error", rate.ok())) {
      check.Fail(rate.status().ToString());
      continue;
    }
    if (row.IsNa("value")) {
      ++na_rows;
      check.True("no estimate for a row with missing inputs", !rate->has_value());
      check.True("expected limits are NA too", row.IsNa("lower") && row.IsNa("upper"));
      continue;
    }
    if (!check.True("an estimate", rate->has_value())) continue;
    const Estimate& estimate = **rate;
    check.Equal("method", CiMethodName(estimate.method), row.Text("ci_method"));
    double tolerance =
        estimate.method == CiMethod::kExact ? kQuantileTolerance : kClosedFormTolerance;
    check.Near("value", estimate.value, row.Required("value"));
    check.Near("lower", estimate.ci.lower, row.Required("lower"), tolerance);
    check.Near("upper", estimate.ci.upper, row.Required("upper"), tolerance);
  }
  EXPECT_EQ(na_rows, 6);
}

TEST(CrudeRateTest, ValidatesInPackageOrderWithPackageMessages) {
  EXPECT_EQ(CrudeRate(-1, 0, 1000, 0.8).status().message(),
            "numerators must be greater than or equal to zero");
  EXPECT_EQ(CrudeRate(5, 0, 1000, 0.8).status().message(),
            "denominators must be greater than zero");
  EXPECT_EQ(CrudeRate(5, -10, 1000, 0.95).status().message(),
            "denominators must be greater than zero");
  EXPECT_EQ(CrudeRate(5, 10, 1000, 0.8).status().message(),
            "confidence level must be between 90 and 100 or between 0.9 and 1");
  EXPECT_EQ(CrudeRate(5, 10, 0, 0.95).status().message(), "multiplier must be greater than 0");
  EXPECT_FALSE(CrudeRate(std::nan(""), 10, 1000, 0.95).ok());
  EXPECT_FALSE(CrudeRate(5, std::nan(""), 1000, 0.95).ok());
}

TEST(CrudeRateTest, MissingValuesAreAbsentNotErrorsButPresentOnesAreChecked) {
  auto missing = CrudeRateIfPresent(std::nullopt, 1000.0, 1000, 0.95);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  EXPECT_FALSE(CrudeRateIfPresent(-1.0, std::nullopt, 1000, 0.95).ok());
  EXPECT_FALSE(CrudeRateIfPresent(std::nullopt, std::nullopt, 1000, 0.8).ok());
}

TEST(CrudeRateTest, PercentConfidenceAndStatistic) {
  auto a = CrudeRate(45, 5200, 1000, 99.8);
  auto b = CrudeRate(45, 5200, 1000, 0.998);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->ci.lower, b->ci.lower);
  EXPECT_EQ(a->confidence, 0.998);
  EXPECT_EQ(RateStatistic(1000), "rate per 1000");
  EXPECT_EQ(RateStatistic(100000), "rate per 100000");
}

}  // namespace
}  // namespace cradle::stats
