#include "stats/mean.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "stats/testing/vector_file.h"

namespace cradle::stats {
namespace {

using vectors::kClosedFormTolerance;
using vectors::kQuantileTolerance;
using vectors::ReadVectorFile;
using vectors::RowCheck;

// means_t.csv: two areas and the ungrouped data ("No grouping") at 95% and
// 99.8%; the values are in mean_inputs.csv.
TEST(StudentTMeanVectors, MeansT) {
  auto inputs = ReadVectorFile("mean_inputs.csv");
  ASSERT_TRUE(inputs.ok()) << inputs.status().ToString();
  ASSERT_EQ(inputs->size(), 26u) << "METHODS.md §15 lists 26 input rows";
  std::map<std::string, std::vector<double>> groups;
  for (const auto& row : *inputs) {
    double value = row.Required("values");
    groups[row.Text("area")].push_back(value);
    groups["No grouping"].push_back(value);
  }
  auto rows = ReadVectorFile("means_t.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 6u) << "METHODS.md §15 lists 6 rows";
  for (const auto& row : *rows) {
    RowCheck check(row, row.Text("area") + " at " + row.Text("confidence"), kQuantileTolerance);
    auto group = groups.find(row.Text("area"));
    if (group == groups.end()) {
      check.Fail("area not in mean_inputs.csv");
      continue;
    }
    auto summary = SummariseValues(group->second);
    if (!check.True("summary ok", summary.ok())) continue;
    check.Near("n", summary->count, row.Required("n"), kClosedFormTolerance);
    check.Near("sum", summary->sum, row.Required("sum"), kClosedFormTolerance);
    check.Near("sd", summary->standard_deviation, row.Required("sd"), kClosedFormTolerance);
    auto mean = StudentTMean(group->second, row.Required("confidence"));
    if (!check.True("mean ok", mean.ok())) continue;
    check.Equal("method", CiMethodName(mean->method), "Student's t-distribution");
    check.Near("value", mean->value, row.Required("value"), kClosedFormTolerance);
    check.Near("lower", mean->ci.lower, row.Required("lower"));
    check.Near("upper", mean->ci.upper, row.Required("upper"));
  }
}

TEST(StudentTMeanTest, NeedsTwoFiniteValues) {
  std::vector<double> one = {3.0};
  EXPECT_EQ(StudentTMean(one, 0.95).status().message(), "a t-interval needs at least two values");
  std::vector<double> missing = {3.0, std::nan("")};
  EXPECT_EQ(StudentTMean(missing, 0.95).status().message(), "values must not be missing");
  std::vector<double> fine = {3.0, 5.0};
  EXPECT_FALSE(StudentTMean(fine, 0.85).ok());
  auto two = StudentTMean(fine, 0.95);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->value, 4.0);
  // t(0.025, 1) = 12.7062...; s = √2; half-width = 12.7062·√2/√2.
  EXPECT_NEAR(two->ci.upper - two->value, 12.706204736174707, 1e-9);
}

}  // namespace
}  // namespace cradle::stats
