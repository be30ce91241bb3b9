#include "stats/isr.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <string>
#include <vector>

#include "base/strings.h"
#include "stats/testing/vector_file.h"

namespace cradle::stats {
namespace {

using vectors::kClosedFormTolerance;
using vectors::kQuantileTolerance;
using vectors::ReadVectorFile;
using vectors::RowCheck;

std::map<std::string, std::vector<IsrBand>> ReadIsrInputs() {
  std::map<std::string, std::vector<IsrBand>> areas;
  auto rows = ReadVectorFile("isr_inputs.csv");
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  if (!rows.ok()) return areas;
  EXPECT_EQ(rows->size(), 57u) << "METHODS.md §15 lists 57 input rows";
  for (const auto& row : *rows) {
    areas[row.Text("area")].push_back(IsrBand{row.Number("count"), row.Number("pop"),
                                              row.Number("refcount"), row.Required("refpop")});
  }
  return areas;
}

// The number after `marker` in a statistic label such as "ISRate per 100000
// (...)" or "ISRatio x 100 (...)".
std::optional<double> NumberAfter(const std::string& text, const std::string& marker) {
  std::smatch match;
  if (!std::regex_search(text, match, std::regex(marker + "([0-9.]+)"))) return std::nullopt;
  return ParseDouble(match[1].str());
}

// isr_ismr.csv: ISRate per 100,000 and ISRatio × 100 for three areas (Byar's
// and exact) at 95% and 99.8%.
TEST(IndirectStandardisationVectors, IsrIsmr) {
  std::map<std::string, std::vector<IsrBand>> areas = ReadIsrInputs();
  ASSERT_EQ(areas.size(), 3u);
  auto rows = ReadVectorFile("isr_ismr.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 12u) << "METHODS.md §15 lists 12 rows";
  for (const auto& row : *rows) {
    const std::string& statistic = row.Text("statistic");
    RowCheck check(row,
                   row.Text("area") + " " + statistic.substr(0, statistic.find(" (")) + " at " +
                       row.Text("confidence"),
                   kClosedFormTolerance);
    auto area = areas.find(row.Text("area"));
    if (area == areas.end()) {
      check.Fail("area not in isr_inputs.csv");
      continue;
    }
    auto totals = SumIsrBands(area->second);
    if (!check.True("totals ok", totals.ok())) continue;
    check.Near("observed", totals->observed, row.Required("observed"));
    check.Near("expected", totals->expected, row.Required("expected"));

    Result<Estimate> estimate = Status::Internal("statistic not recognised");
    if (StartsWith(statistic, "ISRate")) {
      std::optional<double> multiplier = NumberAfter(statistic, "per ");
      if (!check.True("a multiplier in the statistic", multiplier.has_value())) continue;
      check.Near("reference rate", totals->reference_rate * *multiplier, row.Required("ref_rate"));
      estimate =
          IndirectlyStandardisedRate(totals->observed, totals->expected, totals->reference_rate,
                                     *multiplier, row.Required("confidence"));
    } else if (StartsWith(statistic, "ISRatio")) {
      std::optional<double> reference_value = NumberAfter(statistic, "x ");
      if (!check.True("a reference value in the statistic", reference_value.has_value())) {
        continue;
      }
      estimate = IndirectlyStandardisedRatio(totals->observed, totals->expected, *reference_value,
                                             row.Required("confidence"));
    }
    if (!check.True("estimate ok", estimate.ok())) {
      check.Fail(estimate.status().ToString());
      continue;
    }
    check.Equal("method", CiMethodName(estimate->method), row.Text("ci_method"));
    double tolerance =
        estimate->method == CiMethod::kExact ? kQuantileTolerance : kClosedFormTolerance;
    check.Near("value", estimate->value, row.Required("value"));
    check.Near("lower", estimate->ci.lower, row.Required("lower"), tolerance);
    check.Near("upper", estimate->ci.upper, row.Required("upper"), tolerance);
  }
}

TEST(IndirectStandardisationTest, NoSuppressionAndExactBelowTen) {
  for (double observed = 0; observed < 10; ++observed) {
    auto ratio = IndirectlyStandardisedRatio(observed, 4.2, 100, 0.95);
    ASSERT_TRUE(ratio.ok()) << observed;
    EXPECT_EQ(ratio->method, CiMethod::kExact);
  }
  EXPECT_EQ(IndirectlyStandardisedRatio(10, 4.2, 100, 0.95)->method, CiMethod::kByar);
}

TEST(IndirectStandardisationTest, Validates) {
  EXPECT_EQ(IndirectlyStandardisedRatio(5, 0, 100, 0.95).status().message(),
            "expected events must be greater than zero");
  EXPECT_EQ(IndirectlyStandardisedRatio(-5, 3, 100, 0.95).status().message(),
            "numerators must all be greater than or equal to zero");
  EXPECT_FALSE(IndirectlyStandardisedRate(5, 3, 0.01, 0, 0.95).ok());
  EXPECT_FALSE(IndirectlyStandardisedRatio(5, 3, 100, 0.7).ok());
  std::vector<IsrBand> negative = {{-1.0, 10.0, 1.0, 100}};
  EXPECT_EQ(SumIsrBands(negative).status().message(),
            "numerators must all be greater than or equal to zero");
  std::vector<IsrBand> no_reference = {{1.0, 10.0, 1.0, 0}};
  EXPECT_FALSE(SumIsrBands(no_reference).ok());
  EXPECT_FALSE(SumIsrBands({}).ok());
}

}  // namespace
}  // namespace cradle::stats
