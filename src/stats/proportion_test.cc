#include "stats/proportion.h"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/testing/vector_file.h"

namespace cradle::stats {
namespace {

using vectors::kClosedFormTolerance;
using vectors::ReadVectorFile;
using vectors::RowCheck;

// proportions_wilson.csv: PIM xlsx rows (incl. NA rows), PIM Wilson rows
// (with non-integer x = 0.445) and generated edge rows (x = 0, x = n, n = 1).
TEST(WilsonProportionVectors, ProportionsWilson) {
  auto rows = ReadVectorFile("proportions_wilson.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 92u) << "METHODS.md §15 lists 92 rows";
  int na_rows = 0;
  for (const auto& row : *rows) {
    RowCheck check(row, row.Text("vector_id"), kClosedFormTolerance);
    auto estimate =
        WilsonProportionIfPresent(row.Number("numerator"), row.Number("denominator"),
                                  row.Required("multiplier"), row.Required("confidence"));
    if (!check.True("no error", estimate.ok())) {
      check.Fail(estimate.status().ToString());
      continue;
    }
    if (row.IsNa("value")) {
      ++na_rows;
      check.True("no estimate for a row with missing inputs", !estimate->has_value());
      continue;
    }
    if (!check.True("an estimate", estimate->has_value())) continue;
    check.Equal("method", CiMethodName((*estimate)->method), "Wilson");
    check.Near("value", (*estimate)->value, row.Required("value"));
    check.Near("lower", (*estimate)->ci.lower, row.Required("lower"));
    check.Near("upper", (*estimate)->ci.upper, row.Required("upper"));
    // The edges are exact, not merely close.
    if (row.Required("numerator") == 0) check.True("lower exactly 0", (*estimate)->ci.lower == 0);
    if (row.Required("numerator") == row.Required("denominator")) {
      check.True("upper exactly the multiplier",
                 (*estimate)->ci.upper == row.Required("multiplier"));
    }
  }
  EXPECT_EQ(na_rows, 6);
}

TEST(WilsonProportionTest, ValidatesWithPackageMessages) {
  EXPECT_EQ(WilsonProportion(-1, 10, 1, 0.95).status().message(),
            "numerators must be greater than or equal to zero");
  EXPECT_EQ(WilsonProportion(1, 0, 1, 0.95).status().message(),
            "denominators must be greater than zero");
  EXPECT_EQ(WilsonProportion(6, 5, 1, 0.95).status().message(),
            "numerators must be less than or equal to denominator for a proportion statistic");
  EXPECT_EQ(WilsonProportion(1, 5, 1, 0.5).status().message(),
            "confidence level must be between 90 and 100 or between 0.9 and 1");
  EXPECT_EQ(WilsonProportion(1, 5, -100, 0.95).status().message(),
            "multiplier must be greater than 0");
}

TEST(WilsonProportionTest, ConfidenceOneIsTheUnitInterval) {
  auto ci = WilsonInterval(3, 10, 1);
  ASSERT_TRUE(ci.ok());
  EXPECT_EQ(ci->lower, 0.0);
  EXPECT_EQ(ci->upper, 1.0);
  EXPECT_EQ(WilsonProportion(3, 10, 100, 100)->ci.upper, 100.0);
}

TEST(WilsonProportionTest, ValueOnlyAndStatistic) {
  EXPECT_EQ(*ProportionValue(5, 50, 1), 0.1);
  EXPECT_FALSE(ProportionValue(51, 50, 1).ok());
  EXPECT_EQ(ProportionStatistic(1), "proportion of 1");
  EXPECT_EQ(ProportionStatistic(100), "percentage");
  EXPECT_EQ(ProportionStatistic(1000), "proportion of 1000");
}

}  // namespace
}  // namespace cradle::stats
