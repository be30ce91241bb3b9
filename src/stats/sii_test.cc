#include "stats/sii.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/strings.h"
#include "stats/testing/vector_file.h"

namespace cradle::stats {
namespace {

using vectors::kClosedFormTolerance;
using vectors::ReadVectorFile;
using vectors::RowCheck;

// "1;2;3" -> {1, 2, 3}; a part that is not a number fails the row.
std::vector<double> NumberList(const std::string& text, RowCheck& check) {
  std::vector<double> numbers;
  for (const std::string& part : Split(text, ';')) {
    std::optional<double> number = ParseDouble(part);
    if (!number) {
      check.Fail("'" + part + "' in '" + text + "' is not a number");
      return {};
    }
    numbers.push_back(*number);
  }
  return numbers;
}

// sii_point_estimates.csv: 9 PIM scenarios × 2 areas, including log and logit
// transforms and negative multipliers. Expected SII/RII are the PHE Excel
// tool's; where the tool gives no intercept, the file's independent
// restatement (computed_intercept) is the reference.
TEST(SiiVectors, SiiPointEstimates) {
  auto rows = ReadVectorFile("sii_point_estimates.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 18u) << "METHODS.md §15 lists 18 rows";
  for (const auto& row : *rows) {
    RowCheck check(row, row.Text("case") + " / " + row.Text("area"), kClosedFormTolerance);
    std::vector<double> quantiles = NumberList(row.Text("quantiles"), check);
    std::vector<double> populations = NumberList(row.Text("populations"), check);
    std::vector<double> values = NumberList(row.Text("values"), check);
    if (!check.True("lists of equal length",
                    quantiles.size() == populations.size() && values.size() == quantiles.size())) {
      continue;
    }
    std::vector<SiiQuantile> input;
    for (size_t idx = 0; idx < quantiles.size(); ++idx) {
      input.push_back({static_cast<int>(quantiles[idx]), populations[idx], values[idx]});
    }
    auto value_type = static_cast<SiiValueType>(static_cast<int>(row.Required("value_type")));
    std::optional<bool> transform = row.Bool("transform");
    if (!check.True("transform is TRUE or FALSE", transform.has_value())) continue;
    auto estimate = SiiPointEstimate(input, value_type, *transform, row.Required("multiplier"));
    if (!check.True("estimate ok", estimate.ok())) {
      check.Fail(estimate.status().ToString());
      continue;
    }
    check.Near("SII", estimate->sii, row.Required("expected_sii"));
    check.Near("RII", estimate->rii, row.Required("expected_rii"));
    double intercept = row.IsNa("expected_intercept") ? row.Required("computed_intercept")
                                                      : row.Required("expected_intercept");
    check.Near("intercept", estimate->intercept, intercept);
  }
}

std::vector<SiiQuantile> Deciles() {
  std::vector<SiiQuantile> deciles;
  for (int decile = 1; decile <= 10; ++decile) {
    deciles.push_back({decile, 1000.0 + 10.0 * decile, 0.1 + 0.01 * decile});
  }
  return deciles;
}

TEST(SiiTest, OrderOfInputDoesNotMatter) {
  std::vector<SiiQuantile> forward = Deciles();
  std::vector<SiiQuantile> backward(forward.rbegin(), forward.rend());
  auto a = SiiPointEstimate(forward, SiiValueType::kProportion, true, 100);
  auto b = SiiPointEstimate(backward, SiiValueType::kProportion, true, 100);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->sii, b->sii);
  EXPECT_GT(a->sii, 0.0);
}

TEST(SiiTest, Validates) {
  std::vector<SiiQuantile> four = Deciles();
  four.resize(4);
  EXPECT_EQ(SiiPointEstimate(four, SiiValueType::kOther, false, 1).status().message(),
            "Number of quantiles must be between 5 and 100");
  std::vector<SiiQuantile> zero_pop = Deciles();
  zero_pop[3].population = 0;
  EXPECT_EQ(SiiPointEstimate(zero_pop, SiiValueType::kOther, false, 1).status().message(),
            "some groups have a zero, negative or missing population");
  std::vector<SiiQuantile> big = Deciles();
  big[0].value = 1.5;
  EXPECT_EQ(SiiPointEstimate(big, SiiValueType::kProportion, false, 1).status().message(),
            "value proportions are not all between 0 and 1");
  std::vector<SiiQuantile> repeated = Deciles();
  repeated[1].quantile = 1;
  EXPECT_FALSE(SiiPointEstimate(repeated, SiiValueType::kOther, false, 1).ok());
  EXPECT_FALSE(SiiPointEstimate(Deciles(), SiiValueType::kOther, true, 1).ok());
  EXPECT_FALSE(SiiPointEstimate(Deciles(), SiiValueType::kOther, false, 0).ok());
}

}  // namespace
}  // namespace cradle::stats
