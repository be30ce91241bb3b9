#include "stats/funnel_significance.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "stats/testing/vector_file.h"

namespace cradle::stats {
namespace {

using vectors::kClosedFormTolerance;
using vectors::ReadVectorFile;
using vectors::RowCheck;
using vectors::VectorRow;

FunnelRateType RateType(const VectorRow& row) {
  return row.Text("rate_type") == "dsr" ? FunnelRateType::kDsr : FunnelRateType::kCrude;
}

FunnelRateRecord RateRecord(const VectorRow& row) {
  return FunnelRateRecord{row.Required("numerator"), row.Number("rate"), row.Number("denominator")};
}

// funnel_significance.csv: every record of the package's proportion, ratio and
// rate (crude and DSR, per 100 and per 100,000, with and without a zero
// record) test datasets, with the dataset average beside each row.
TEST(FunnelSignificanceVectors, FunnelSignificance) {
  auto rows = ReadVectorFile("funnel_significance.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 919u) << "METHODS.md §15 lists 919 rows";
  std::map<std::string, int> by_statistic;
  for (const auto& row : *rows) {
    RowCheck check(
        row, row.Text("dataset") + " " + row.Text("numerator") + "/" + row.Text("denominator"),
        kClosedFormTolerance);
    const std::string& statistic = row.Text("statistic");
    ++by_statistic[statistic];
    Result<FunnelSignificance> significance = Status::Internal("unknown statistic " + statistic);
    if (statistic == "proportion") {
      significance = ProportionFunnelSignificance(
          row.Required("numerator"), row.Required("denominator"), row.Required("dataset_average"));
    } else if (statistic == "ratio") {
      significance =
          RatioFunnelSignificance(row.Required("numerator"), row.Required("denominator"));
    } else if (statistic == "rate") {
      significance =
          RateFunnelSignificance(RateRecord(row), RateType(row), row.Required("multiplier"),
                                 row.Required("dataset_average"));
    }
    if (!check.True("significance ok", significance.ok())) {
      check.Fail(significance.status().ToString());
      continue;
    }
    check.Equal("significance", FunnelSignificanceName(*significance),
                row.Text("expected_significance"));
  }
  EXPECT_EQ(by_statistic["proportion"], 303);
  EXPECT_EQ(by_statistic["ratio"], 300);
  EXPECT_EQ(by_statistic["rate"], 316);
}

// The dataset_average column is what the package computed from each dataset's
// rows; recomputing it checks the average functions on the same data.
TEST(FunnelSignificanceVectors, DatasetAveragesFromTheRows) {
  auto rows = ReadVectorFile("funnel_significance.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  std::map<std::string, std::vector<const VectorRow*>> datasets;
  for (const auto& row : *rows) datasets[row.Text("dataset")].push_back(&row);
  ASSERT_EQ(datasets.size(), 10u);
  for (const auto& [name, members] : datasets) {
    const VectorRow& first = *members.front();
    double expected = first.Required("dataset_average");
    const std::string& statistic = first.Text("statistic");
    if (statistic == "ratio") {
      EXPECT_EQ(expected, 1.0) << name << ": the ratio average is 1 by definition";
      continue;
    }
    Result<double> average = Status::Internal("unknown statistic " + statistic);
    if (statistic == "proportion") {
      std::vector<FunnelCount> counts;
      for (const VectorRow* row : members) {
        counts.push_back({row->Required("numerator"), row->Required("denominator")});
      }
      average = FunnelProportionAverage(counts);
    } else {
      std::vector<FunnelRateRecord> records;
      for (const VectorRow* row : members) records.push_back(RateRecord(*row));
      average = FunnelRateAverage(records, RateType(first), first.Required("multiplier"));
    }
    ASSERT_TRUE(average.ok()) << name << ": " << average.status().ToString();
    EXPECT_NEAR(*average / expected, 1.0, kClosedFormTolerance) << name;
  }
}

TEST(FunnelSignificanceTest, DsrBelowTenIsNotApplicableAndZeroHasNoDenominator) {
  FunnelRateRecord zero{0, std::nullopt, 297820.0};
  auto denominator = FunnelDerivedDenominator(zero, FunnelRateType::kDsr, 100000);
  ASSERT_TRUE(denominator.ok());
  EXPECT_FALSE(denominator->has_value());
  FunnelRateRecord nine{9, 700.0, std::nullopt};
  EXPECT_EQ(*RateFunnelSignificance(nine, FunnelRateType::kDsr, 100000, 0.007),
            FunnelSignificance::kNotApplicable);
  // The same record as a crude rate is tested.
  EXPECT_NE(*RateFunnelSignificance(nine, FunnelRateType::kCrude, 100000, 0.007),
            FunnelSignificance::kNotApplicable);
}

TEST(FunnelSignificanceTest, Validates) {
  EXPECT_EQ(ProportionFunnelSignificance(6, 5, 0.5).status().message(),
            "numerators must be less than or equal to denominator for a proportion statistic");
  EXPECT_EQ(RatioFunnelSignificance(-1, 5).status().message(),
            "numerators must be greater than or equal to zero");
  EXPECT_EQ(RatioFunnelSignificance(1, 0).status().message(),
            "denominators must be greater than zero");
  FunnelRateRecord zero_without_denominator{0, std::nullopt, std::nullopt};
  EXPECT_EQ(RateFunnelSignificance(zero_without_denominator, FunnelRateType::kCrude, 1000, 0.004)
                .status()
                .message(),
            "for rates, where there are 0 events for a record, the denominator field needs to be "
            "provided using the denominator argument");
  FunnelRateRecord events_without_rate{12, std::nullopt, std::nullopt};
  EXPECT_FALSE(FunnelRateAverage({&events_without_rate, 1}, FunnelRateType::kCrude, 1000).ok());
  EXPECT_FALSE(FunnelProportionAverage({}).ok());
}

}  // namespace
}  // namespace cradle::stats
