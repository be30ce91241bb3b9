#include "stats/trend.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "stats/testing/vector_file.h"

namespace cradle::stats {
namespace {

using vectors::kClosedFormTolerance;
using vectors::ReadVectorFile;
using vectors::RowCheck;
using vectors::VectorRow;

TrendValueType ValueTypeFromName(const std::string& name) {
  if (name == "Proportion") return TrendValueType::kProportion;
  if (name == "Crude rate") return TrendValueType::kCrudeRate;
  if (name == "Directly standardised rate") return TrendValueType::kDirectlyStandardisedRate;
  return TrendValueType::kOther;
}

Polarity PolarityFromFingertipsName(const std::string& name) {
  if (name == "Low is good") return Polarity::kLowIsGood;
  if (name == "High is good") return Polarity::kHighIsGood;
  return Polarity::kBlueOrangeBlue;  // "No judgement"
}

// What a dataset's source says about its indicator. FingertipsNext rows name
// the value type and polarity ("indicator 241 Proportion, polarity No
// judgement"); the fingertips-open unit-test rows give neither: their values
// are crude rates per 1,000 (994/40299 = 24.67 per 1,000) and their markers
// carry no polarity wording.
struct DatasetMeta {
  TrendOptions options;
  Polarity polarity = Polarity::kNotApplicable;
};

DatasetMeta MetaFor(const VectorRow& row) {
  DatasetMeta meta;
  std::smatch match;
  const std::string& source = row.Text("source");
  if (std::regex_search(source, match, std::regex(R"(indicator \d+ ([^,]+), polarity ([^,)]+))"))) {
    meta.options.value_type = ValueTypeFromName(match[1].str());
    meta.polarity = PolarityFromFingertipsName(match[2].str());
    meta.options.valid_run = TrendValidRun::kSkipInvalid;  // FingertipsNext's rule
  } else {
    meta.options.value_type = TrendValueType::kCrudeRate;
  }
  meta.options.spc_for_proportions =
      row.Text("trend_method").find("Cochran-Armitage") != std::string::npos;
  meta.options.year_range = 1;
  return meta;
}

// "Decreasing (getting worse)" -> "Decreasing and getting worse"; "Increasing
// (see note: ...)" -> "Increasing"; "No significant change" unchanged.
std::string ExpectedWording(const std::string& expected) {
  size_t paren = expected.find(" (");
  if (paren == std::string::npos) return expected;
  std::string base = expected.substr(0, paren);
  std::string note = expected.substr(paren + 2);
  if (note.rfind("getting ", 0) == 0) return base + " and " + note.substr(0, note.find(')'));
  return base;
}

// trend_markers.csv: the fingertips-open test sets (weighted and SPC for
// proportions) and six FingertipsNext indicator series with their markers.
TEST(TrendVectors, TrendMarkers) {
  auto rows = ReadVectorFile("trend_markers.csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 45u) << "METHODS.md §15 lists 45 rows";
  std::map<std::string, std::vector<const VectorRow*>> datasets;
  for (const auto& row : *rows) datasets[row.Text("dataset_id")].push_back(&row);
  ASSERT_EQ(datasets.size(), 9u);
  for (auto& [name, members] : datasets) {
    std::sort(members.begin(), members.end(), [](const VectorRow* a, const VectorRow* b) {
      return a->Required("t") < b->Required("t");
    });
    std::vector<TrendPoint> points;
    for (const VectorRow* row : members) {
      std::optional<Interval> ci;
      if (!row->IsNa("lower_ci95") && !row->IsNa("upper_ci95")) {
        ci = Interval{row->Required("lower_ci95"), row->Required("upper_ci95")};
      }
      points.push_back(
          {row->Number("count"), row->Number("denominator"), row->Number("value"), ci});
    }
    DatasetMeta meta = MetaFor(*members.front());
    TrendResult result = RecentTrend(points, meta.options);

    for (const VectorRow* row : members) {
      RowCheck check(*row, name + " t=" + row->Text("t"), kClosedFormTolerance);
      const std::string& expected = row->Text("expected_marker");
      check.Equal("wording", TrendWording(result.marker, meta.polarity), ExpectedWording(expected));
      if (result.marker == TrendMarker::kCannotBeCalculated) {
        check.True("a reason", !result.message.empty());
        if (expected.find("value type") != std::string::npos) {
          check.Equal("message", result.message,
                      "The recent trend cannot be calculated for this value type");
        }
        continue;
      }
      check.True("no message when calculated", result.message.empty());
      if (std::optional<double> chi2 = row->Number("computed_chi2")) {
        check.Near("chi2", result.chi2, *chi2);
      } else {
        check.True("chi2 is NaN where no point has a CI", std::isnan(result.chi2));
      }
      if (std::optional<double> slope = row->Number("computed_slope")) {
        check.Near("slope", result.slope, *slope);
      }
      if (std::optional<bool> no_outliers = row->Bool("no_outliers")) {
        check.True("no_outliers as expected", result.no_outliers == *no_outliers);
      }
      if (std::optional<bool> significant = row->Bool("significant")) {
        check.True("significance as expected", result.significant == *significant);
      }
      if (std::optional<double> rounded = row->Number("expected_chi2_rounded")) {
        check.Near("chi2 rounded to 2 dp as Fingertips' test asserts",
                   std::round(result.chi2 * 100.0) / 100.0, *rounded);
      }
    }
  }
}

std::vector<TrendPoint> RisingSeries(int length) {
  std::vector<TrendPoint> points;
  for (int idx = 0; idx < length; ++idx) {
    double count = 100.0 + 20.0 * idx;
    double value = count / 10000.0 * 1000.0;
    points.push_back({count, 10000.0, value, Interval{value - 1.0, value + 1.0}});
  }
  return points;
}

TEST(TrendTest, SignificantRiseIsIncreasingWithPolarityWording) {
  TrendResult result = RecentTrend(RisingSeries(6), {});
  EXPECT_EQ(result.marker, TrendMarker::kIncreasing);
  EXPECT_EQ(result.points_used, 5);
  EXPECT_EQ(TrendWording(result.marker, Polarity::kLowIsGood), "Increasing and getting worse");
  EXPECT_EQ(TrendWording(result.marker, Polarity::kHighIsGood), "Increasing and getting better");
  EXPECT_EQ(TrendWording(TrendMarker::kDecreasing, Polarity::kLowIsGood),
            "Decreasing and getting better");
  EXPECT_EQ(TrendWording(TrendMarker::kDecreasing, Polarity::kHighIsGood),
            "Decreasing and getting worse");
  EXPECT_EQ(TrendWording(result.marker, Polarity::kBlueOrangeBlue), "Increasing");
  EXPECT_EQ(TrendWording(TrendMarker::kNoSignificantChange, Polarity::kLowIsGood),
            "No significant change");
}

TEST(TrendTest, UnbrokenRunStopsAtAGapButSkipInvalidDoesNot) {
  std::vector<TrendPoint> points = RisingSeries(6);
  points[2].value.reset();  // the third-newest... of six: leaves 3 valid after it
  TrendOptions unbroken;
  EXPECT_EQ(RecentTrend(points, unbroken).message,
            "Not enough data points with valid values to calculate recent trend");
  TrendOptions skip;
  skip.valid_run = TrendValidRun::kSkipInvalid;
  EXPECT_EQ(RecentTrend(points, skip).marker, TrendMarker::kIncreasing);
}

}  // namespace
}  // namespace cradle::stats
