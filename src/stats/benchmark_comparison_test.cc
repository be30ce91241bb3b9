#include "stats/benchmark_comparison.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "base/strings.h"
#include "stats/testing/vector_file.h"

namespace cradle::stats {
namespace {

using vectors::kBisectionTolerance;
using vectors::kClosedFormTolerance;
using vectors::ReadVectorFile;
using vectors::RowCheck;
using vectors::VectorRow;

std::optional<Interval> IntervalFrom(const VectorRow& row, std::string_view lower,
                                     std::string_view upper) {
  std::optional<double> low = row.Number(lower);
  std::optional<double> high = row.Number(upper);
  if (!low || !high) return std::nullopt;
  return Interval{*low, *high};
}

// fingertips_benchmark_comparison.csv: the 40 fingertips-open unit-test cases
// for methods 1, 17, 12, 5 and 6, generated IMR cases (methods 1 and 17,
// Low-is-good and BOB) and booking cases.
TEST(BenchmarkComparisonVectors, FingertipsBenchmarkComparison) {
  auto rows = ReadVectorFile("fingertips_benchmark_comparison.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 111u) << "METHODS.md §15 lists 111 rows";
  std::map<int, int> by_method;
  for (const auto& row : *rows) {
    RowCheck check(row, row.Text("vector_id"), kClosedFormTolerance);
    const std::string& method_text = row.Text("comparator_method");
    std::optional<int64_t> method_id = ParseInt64(method_text.substr(0, method_text.find(' ')));
    if (!check.True("a method id", method_id.has_value())) continue;
    auto method = ComparatorMethodFromId(static_cast<int>(*method_id));
    auto polarity = ParsePolarity(row.Text("polarity"));
    if (!check.True("method and polarity known", method.ok() && polarity.ok())) continue;
    ++by_method[static_cast<int>(*method_id)];
    check.Equal("polarity round trip", PolarityName(*polarity), row.Text("polarity"));

    ComparedValue local{row.Required("value"), IntervalFrom(row, "lower95", "upper95"),
                        IntervalFrom(row, "lower998", "upper998")};
    double benchmark_value = row.Required("benchmark_value");
    Significance significance = Significance::kNone;
    std::optional<Interval> limits;
    double limit_tolerance = kClosedFormTolerance;
    switch (*method) {
      case ComparatorMethod::kSingleOverlappingCi95:
        significance = CompareSingleOverlappingCi(local, benchmark_value, *polarity);
        break;
      case ComparatorMethod::kSingleOverlappingCiTwoLevels:
        significance = CompareTwoLevels(local, benchmark_value, *polarity);
        break;
      case ComparatorMethod::kDoubleOverlappingCis: {
        ComparedValue benchmark{benchmark_value,
                                IntervalFrom(row, "benchmark_lower95", "benchmark_upper95"),
                                std::nullopt};
        significance = CompareDoubleOverlappingCis(local, benchmark, *polarity);
        break;
      }
      case ComparatorMethod::kSpcForProportions: {
        SpcComparison spc = CompareSpcForProportions(
            local.value, benchmark_value, row.Required("denominator"), row.Required("unit"),
            row.Required("confidence_variable"), *polarity);
        significance = spc.significance;
        limits = spc.limits;
        break;
      }
      case ComparatorMethod::kSpcForDsr: {
        SpcComparison spc =
            CompareSpcForDsr(local.value, benchmark_value, row.Required("denominator"),
                             row.Required("unit"), row.Required("confidence_variable"), *polarity);
        significance = spc.significance;
        limits = spc.limits;
        limit_tolerance = kBisectionTolerance;
        break;
      }
    }
    check.Equal("significance", SignificanceName(significance), row.Text("expected"));
    check.Equal("export label", ExportLabel(significance, *polarity), row.Text("export_label"));
    if (row.IsNa("spc_lower_limit")) {
      check.True("no SPC limits for a CI method", !limits.has_value());
    } else if (check.True("SPC limits", limits.has_value())) {
      check.Near("SPC lower limit", limits->lower, row.Required("spc_lower_limit"),
                 limit_tolerance);
      check.Near("SPC upper limit", limits->upper, row.Required("spc_upper_limit"),
                 limit_tolerance);
    }
  }
  EXPECT_EQ(by_method[1], 8 + 32);
  EXPECT_EQ(by_method[17], 10 + 32 + 7);
  EXPECT_EQ(by_method[12], 6);
  EXPECT_EQ(by_method[5], 10);
  EXPECT_EQ(by_method[6], 6);
}

TEST(BenchmarkComparisonTest, InclusiveEndsBothMethods) {
  ComparedValue local{4.0, Interval{3.0, 5.0}, Interval{2.5, 5.5}};
  for (Polarity polarity :
       {Polarity::kLowIsGood, Polarity::kHighIsGood, Polarity::kBlueOrangeBlue}) {
    EXPECT_EQ(CompareSingleOverlappingCi(local, 3.0, polarity), Significance::kSame);
    EXPECT_EQ(CompareSingleOverlappingCi(local, 5.0, polarity), Significance::kSame);
    EXPECT_EQ(CompareTwoLevels(local, 3.0, polarity), Significance::kSame);
    EXPECT_EQ(CompareTwoLevels(local, 5.0, polarity), Significance::kSame);
  }
  EXPECT_EQ(CompareSingleOverlappingCi(local, 5.0000001, Polarity::kLowIsGood),
            Significance::kBetter);
  EXPECT_EQ(CompareTwoLevels(local, 5.5, Polarity::kLowIsGood), Significance::kBetter);
  EXPECT_EQ(CompareTwoLevels(local, 5.6, Polarity::kLowIsGood), Significance::kBest);
  EXPECT_EQ(CompareTwoLevels(local, 2.4, Polarity::kHighIsGood), Significance::kBest);
}

TEST(BenchmarkComparisonTest, NotComparedCases) {
  ComparedValue local{4.0, Interval{3.0, 5.0}, std::nullopt};
  EXPECT_EQ(CompareSingleOverlappingCi(local, 3.0, Polarity::kNotApplicable), Significance::kNone);
  EXPECT_EQ(CompareSingleOverlappingCi({-1.0, Interval{3.0, 5.0}, {}}, 3.0, Polarity::kLowIsGood),
            Significance::kNone);
  EXPECT_EQ(CompareSingleOverlappingCi(local, std::nan(""), Polarity::kLowIsGood),
            Significance::kNone);
  EXPECT_EQ(CompareTwoLevels(local, 3.0, Polarity::kLowIsGood), Significance::kNone);
  EXPECT_EQ(CompareDoubleOverlappingCis(local, {3.0, std::nullopt, {}}, Polarity::kLowIsGood),
            Significance::kNone);
  EXPECT_FALSE(CompareSpcForProportions(10, 9, 0, 100, 1.96, Polarity::kLowIsGood).limits);
  EXPECT_FALSE(CompareSpcForDsr(10, 9, 1000, 100000, 0.5 + 0.6, Polarity::kLowIsGood).limits);
  EXPECT_EQ(ExportLabel(Significance::kBetter, Polarity::kNotApplicable), "Not compared");
  EXPECT_EQ(ExportLabel(Significance::kBest, Polarity::kLowIsGood), "Not compared");
}

TEST(BenchmarkComparisonTest, NamesAndIds) {
  for (Polarity polarity : {Polarity::kLowIsGood, Polarity::kHighIsGood, Polarity::kBlueOrangeBlue,
                            Polarity::kNotApplicable}) {
    EXPECT_EQ(*ParsePolarity(PolarityName(polarity)), polarity);
  }
  EXPECT_FALSE(ParsePolarity("Low is good").ok());
  EXPECT_EQ(ComparatorMethodId(ComparatorMethod::kSingleOverlappingCiTwoLevels), 17);
  EXPECT_FALSE(ComparatorMethodFromId(3).ok());
}

}  // namespace
}  // namespace cradle::stats
