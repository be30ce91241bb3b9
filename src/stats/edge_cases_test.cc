// One test per case of tests/data/stats/edge_cases.csv (E01-E24). Inputs and
// expected numbers are read from the file's `inputs` and `expected_behaviour`
// text where they are written there; quoted error messages ('...') are
// extracted and compared verbatim.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "base/strings.h"
#include "stats/benchmark_comparison.h"
#include "stats/confidence.h"
#include "stats/dsr.h"
#include "stats/funnel.h"
#include "stats/funnel_significance.h"
#include "stats/isr.h"
#include "stats/mean.h"
#include "stats/poisson_interval.h"
#include "stats/proportion.h"
#include "stats/rate.h"
#include "stats/rate_ratio.h"
#include "stats/testing/vector_file.h"
#include "stats/trend.h"

namespace cradle::stats {
namespace {

using vectors::kClosedFormTolerance;
using vectors::kQuantileTolerance;
using vectors::ReadVectorFile;
using vectors::RowCheck;
using vectors::VectorRow;

// The row of edge_cases.csv with this case_id (the test fails without one).
std::optional<VectorRow> Case(const std::string& id) {
  auto rows = ReadVectorFile("edge_cases.csv");
  EXPECT_TRUE(rows.ok()) << rows.status().ToString();
  if (!rows.ok()) return std::nullopt;
  EXPECT_EQ(rows->size(), 24u) << "METHODS.md §15 lists 24 cases";
  for (const VectorRow& row : *rows) {
    if (row.Text("case_id") == id) return row;
  }
  ADD_FAILURE() << "edge_cases.csv has no case " << id;
  return std::nullopt;
}

// Every '...' quotation in `text`, in order.
std::vector<std::string> Quoted(const std::string& text) {
  std::vector<std::string> quotes;
  std::regex quote("'([^']*)'");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), quote);
       it != std::sregex_iterator(); ++it) {
    quotes.push_back((*it)[1].str());
  }
  return quotes;
}

std::string FirstQuoted(const std::string& text) {
  std::vector<std::string> quotes = Quoted(text);
  EXPECT_FALSE(quotes.empty()) << "no quoted text in: " << text;
  return quotes.empty() ? "" : quotes.front();
}

// Every "[a, b]" in `text`, in order.
std::vector<Interval> Intervals(const std::string& text) {
  std::vector<Interval> intervals;
  std::regex pair(R"(\[\s*([-0-9.e+]+)\s*,\s*([-0-9.e+]+)\s*\])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pair); it != std::sregex_iterator();
       ++it) {
    intervals.push_back(
        {ParseDouble((*it)[1].str()).value_or(NAN), ParseDouble((*it)[2].str()).value_or(NAN)});
  }
  return intervals;
}

// The number right after `label` ("value 1136.36" -> 1136.36).
std::optional<double> NumberAfter(const std::string& text, const std::string& label) {
  std::smatch match;
  if (!std::regex_search(text, match, std::regex(label + R"(([-0-9.e+]+))"))) return std::nullopt;
  return ParseDouble(match[1].str());
}

// name=number pairs ("x=5, n=0" -> {x: 5, n: 0}).
std::map<std::string, double> Assignments(const std::string& text) {
  std::map<std::string, double> values;
  std::regex assignment(R"((\w+)\s*=\s*(-?[0-9.]+))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), assignment);
       it != std::sregex_iterator(); ++it) {
    if (auto number = ParseDouble((*it)[2].str())) values[(*it)[1].str()] = *number;
  }
  return values;
}

std::vector<DsrBand> DsrArea(const std::string& area) {
  std::vector<DsrBand> bands;
  auto rows = ReadVectorFile("dsr_dobson_inputs.csv");
  EXPECT_TRUE(rows.ok());
  if (!rows.ok()) return bands;
  for (const VectorRow& row : *rows) {
    if (row.Text("area") == area) {
      bands.push_back({row.Number("count"), row.Required("pop"), row.Required("stdpop")});
    }
  }
  return bands;
}

#define CRADLE_EDGE_CASE(id)                                                                      \
  std::optional<VectorRow> row = Case(id);                                                        \
  ASSERT_TRUE(row.has_value());                                                                   \
  const std::string& inputs = row->Text("inputs");                                                \
  const std::string& expected = row->Text("expected_behaviour");                                  \
  RowCheck check(*row, std::string(id) + " " + row->Text("function_name"), kClosedFormTolerance); \
  (void)inputs;                                                                                   \
  (void)expected

TEST(EdgeCases, E01_ZeroDenominatorIsAnError) {
  CRADLE_EDGE_CASE("E01");
  std::map<std::string, double> given = Assignments(inputs);
  auto rate = CrudeRate(given.at("x"), given.at("n"), 100000, 0.95);
  check.True("an error", !rate.ok());
  check.Equal("message", rate.status().message(), FirstQuoted(expected));
  check.True("InvalidArgument", rate.status().code() == StatusCode::kInvalidArgument);
}

TEST(EdgeCases, E02_NegativeNumeratorIsAnError) {
  CRADLE_EDGE_CASE("E02");
  auto rate = CrudeRate(Assignments(inputs).at("x"), 100, 100000, 0.95);
  check.True("an error", !rate.ok());
  check.Equal("message", rate.status().message(), FirstQuoted(expected));
}

TEST(EdgeCases, E03_ConfidenceOutOfRangeEverywhere) {
  CRADLE_EDGE_CASE("E03");
  double confidence = Assignments(inputs).at("confidence");
  std::string message = FirstQuoted(expected);
  std::vector<DsrBand> bands = DsrArea("testdata_big");
  std::vector<double> values = {1.0, 2.0, 3.0};
  std::vector<std::pair<std::string, Status>> results = {
      {"NormaliseConfidence", NormaliseConfidence(confidence).status()},
      {"CrudeRate", CrudeRate(5, 100, 1000, confidence).status()},
      {"WilsonProportion", WilsonProportion(5, 100, 100, confidence).status()},
      {"PoissonCountInterval", PoissonCountInterval(5, confidence).status()},
      {"ExactPoissonInterval", ExactPoissonInterval(5, confidence).status()},
      {"ByarInterval", ByarInterval(15, confidence).status()},
      {"DobsonDsr", DobsonDsr(bands, 100000, confidence).status()},
      {"IndirectlyStandardisedRatio", IndirectlyStandardisedRatio(5, 4, 100, confidence).status()},
      {"StudentTMean", StudentTMean(values, confidence).status()},
      {"RateRatioLog", RateRatioLog(5, 100, 6, 100, confidence).status()},
  };
  for (const auto& [function, status] : results) {
    check.Equal(function, status.message(), message);
  }
}

TEST(EdgeCases, E04_OnlyThePair95And998) {
  CRADLE_EDGE_CASE("E04");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(inputs, match, std::regex(R"(c\(([^)]*)\))")));
  std::vector<double> levels;
  for (const std::string& part : Split(match[1].str(), ',')) {
    levels.push_back(ParseDouble(part).value_or(NAN));
  }
  check.Equal("message", NormaliseConfidenceLevels(levels).status().message(),
              FirstQuoted(expected));
}

TEST(EdgeCases, E05_ZeroEventsExactLimits) {
  CRADLE_EDGE_CASE("E05");
  std::map<std::string, double> given = Assignments(inputs);
  std::optional<double> per = NumberAfter(inputs, "per ");
  std::vector<Interval> intervals = Intervals(expected);
  ASSERT_TRUE(per.has_value());
  ASSERT_EQ(intervals.size(), 2u);
  double levels[] = {kConfidence95, kConfidence998};
  for (size_t idx = 0; idx < 2; ++idx) {
    auto rate = CrudeRate(given.at("x"), given.at("n"), *per, levels[idx]);
    if (!check.True("a rate", rate.ok())) continue;
    check.Near("value", rate->value, NumberAfter(expected, "value ").value_or(NAN));
    check.Near("lower", rate->ci.lower, intervals[idx].lower);
    check.Near("upper", rate->ci.upper, intervals[idx].upper, kQuantileTolerance);
    check.True("method Exact",
               expected.find(std::string("method ") + std::string(CiMethodName(rate->method))) !=
                   std::string::npos);
  }
}

TEST(EdgeCases, E06_MissingNumeratorGivesNoValueAndNoError) {
  CRADLE_EDGE_CASE("E06");
  auto rate = CrudeRateIfPresent(std::nullopt, Assignments(inputs).at("n"), 1000, 0.95);
  check.True("no error", rate.ok());
  check.True("no estimate", rate.ok() && !rate->has_value());
}

TEST(EdgeCases, E07_RatesMayExceedOne) {
  CRADLE_EDGE_CASE("E07");
  std::map<std::string, double> given = Assignments(inputs);
  std::vector<Interval> intervals = Intervals(expected);
  ASSERT_EQ(intervals.size(), 1u);
  auto rate =
      CrudeRate(given.at("x"), given.at("n"), NumberAfter(expected, "per ").value_or(NAN), 0.95);
  ASSERT_TRUE(rate.ok()) << rate.status().ToString();
  check.Near("value", rate->value, NumberAfter(expected, "value ").value_or(NAN));
  check.Near("lower", rate->ci.lower, intervals[0].lower);
  check.Near("upper", rate->ci.upper, intervals[0].upper);
  check.True("Byars named",
             expected.find(std::string(CiMethodName(rate->method))) != std::string::npos);
}

TEST(EdgeCases, E08_SwitchAtTenOnTheCount) {
  CRADLE_EDGE_CASE("E08");
  std::vector<std::string> methods = Quoted(expected);  // 'Exact', 'Byars'
  ASSERT_EQ(methods.size(), 2u);
  std::vector<double> counts;
  std::regex number(R"(x\s*=\s*([0-9]+))");
  for (auto it = std::sregex_iterator(inputs.begin(), inputs.end(), number);
       it != std::sregex_iterator(); ++it) {
    counts.push_back(*ParseDouble((*it)[1].str()));
  }
  ASSERT_EQ(counts.size(), 2u);
  for (size_t idx = 0; idx < 2; ++idx) {
    check.Equal("count interval method",
                CiMethodName(PoissonCountInterval(counts[idx], 0.95)->method), methods[idx]);
    check.Equal("rate method", CiMethodName(CrudeRate(counts[idx], 1000, 1000, 0.95)->method),
                methods[idx]);
    check.Equal("ISR method",
                CiMethodName(IndirectlyStandardisedRatio(counts[idx], 7.5, 100, 0.95)->method),
                methods[idx]);
  }
}

TEST(EdgeCases, E09_ProportionNumeratorAboveDenominator) {
  CRADLE_EDGE_CASE("E09");
  std::map<std::string, double> given = Assignments(inputs);
  check.Equal("message", WilsonProportion(given.at("x"), given.at("n"), 1, 0.95).status().message(),
              FirstQuoted(expected));
}

TEST(EdgeCases, E10_ZeroNumeratorWilson) {
  CRADLE_EDGE_CASE("E10");
  std::map<std::string, double> given = Assignments(inputs);
  std::vector<Interval> intervals = Intervals(expected);
  ASSERT_EQ(intervals.size(), 2u);
  double levels[] = {kConfidence95, kConfidence998};
  for (size_t idx = 0; idx < 2; ++idx) {
    auto proportion = WilsonProportion(given.at("x"), given.at("n"), 100, levels[idx]);
    if (!check.True("a proportion", proportion.ok())) continue;
    check.Near("value", proportion->value, NumberAfter(expected, "value ").value_or(NAN));
    check.True("lower exactly 0", proportion->ci.lower == 0.0 && intervals[idx].lower == 0.0);
    check.Near("upper", proportion->ci.upper, intervals[idx].upper);
  }
}

TEST(EdgeCases, E11_AllNumeratorWilson) {
  CRADLE_EDGE_CASE("E11");
  double n = Assignments(inputs).at("n");  // "x=n=1000"
  std::vector<Interval> intervals = Intervals(expected);
  ASSERT_EQ(intervals.size(), 1u);
  auto proportion = WilsonProportion(n, n, 100, 0.95);
  ASSERT_TRUE(proportion.ok());
  check.Near("value", proportion->value, NumberAfter(expected, "value ").value_or(NAN));
  check.Near("lower", proportion->ci.lower, intervals[0].lower);
  check.True("upper exactly 100", proportion->ci.upper == 100.0 && intervals[0].upper == 100.0);
}

TEST(EdgeCases, E12_ValueAndStatisticWithoutConfidence) {
  CRADLE_EDGE_CASE("E12");
  std::map<std::string, double> given = Assignments(expected);  // "for x=5,n=50"
  auto value = ProportionValue(given.at("x"), given.at("n"), 1);
  ASSERT_TRUE(value.ok());
  check.Near("value", *value, NumberAfter(expected, "value ").value_or(NAN));
  check.Equal("statistic", ProportionStatistic(1), FirstQuoted(expected));
}

TEST(EdgeCases, E13_ConfidenceOneIsZeroToOne) {
  CRADLE_EDGE_CASE("E13");
  double lower = NumberAfter(expected, "lower ").value_or(NAN);
  double upper = NumberAfter(expected, "upper ").value_or(NAN);
  for (double confidence : {1.0, 100.0}) {
    auto ci = WilsonInterval(7, 20, confidence);
    if (!check.True("an interval", ci.ok())) continue;
    check.True("lower as stated", ci->lower == lower);
    check.True("upper as stated", ci->upper == upper);
  }
}

TEST(EdgeCases, E14_NegativeByarLowerIsAnErrorValue) {
  CRADLE_EDGE_CASE("E14");
  double x = Assignments(inputs).at("x");
  auto byar = ByarInterval(x, NumberAfter(inputs, ", ").value_or(NAN));
  check.True("an error, not a limit", !byar.ok());
  check.True("the exact interval is used instead",
             PoissonCountInterval(x, 0.998)->method == CiMethod::kExact);
}

TEST(EdgeCases, E15_ByarAtZeroIsUndefined) {
  CRADLE_EDGE_CASE("E15");
  auto byar = ByarInterval(Assignments(inputs).at("x"), 0.95);
  check.True("an error, not NaN", !byar.ok());
  check.True("upper alone is defined", ByarUpperLimit(0, 0.95).ok());
}

TEST(EdgeCases, E16_DsrSuppressedBelowTenTotal) {
  CRADLE_EDGE_CASE("E16");
  auto dsr = DobsonDsr(DsrArea("testdata_tiny"), 100000, 0.95);
  ASSERT_TRUE(dsr.ok());
  check.True("total below 10", dsr->total_count < 10);
  check.True("no value or limits", !dsr->estimate.has_value());
  check.Equal("statistic", dsr->statistic, FirstQuoted(expected));
}

TEST(EdgeCases, E17_DsrMissingCountIsZeroMissingPopulationIsAnError) {
  CRADLE_EDGE_CASE("E17");
  std::vector<DsrBand> bands = DsrArea("testdata_tiny");
  bands.front().events = *bands.front().events + 20;  // lift the total above 10
  std::vector<DsrBand> zeroed = bands;
  bool had_missing = false;
  for (DsrBand& band : zeroed) {
    if (!band.events) {
      had_missing = true;
      band.events = 0.0;
    }
  }
  check.True("the test data has a missing count", had_missing);
  auto with_missing = DobsonDsr(bands, 100000, 0.95);
  auto with_zero = DobsonDsr(zeroed, 100000, 0.95);
  ASSERT_TRUE(with_missing.ok() && with_zero.ok());
  ASSERT_TRUE(with_missing->estimate && with_zero->estimate);
  check.True("same value", with_missing->estimate->value == with_zero->estimate->value);
  check.True("same limits", with_missing->estimate->ci.lower == with_zero->estimate->ci.lower &&
                                with_missing->estimate->ci.upper == with_zero->estimate->ci.upper);
  bands.back().population = NAN;
  check.True("missing population is an error", !DobsonDsr(bands, 100000, 0.95).ok());
  bands.back().population = 0;
  check.True("zero population is an error", !DobsonDsr(bands, 100000, 0.95).ok());
}

TEST(EdgeCases, E18_IsrExactBelowTenNoSuppression) {
  CRADLE_EDGE_CASE("E18");
  for (double observed : {0.0, 3.0, 9.0}) {
    auto ratio = IndirectlyStandardisedRatio(observed, 8.3, 100, 0.95);
    auto rate = IndirectlyStandardisedRate(observed, 8.3, 0.0093, 100000, 0.95);
    if (!check.True("values below 10 are not suppressed", ratio.ok() && rate.ok())) continue;
    check.True("exact below 10",
               ratio->method == CiMethod::kExact && rate->method == CiMethod::kExact);
    auto exact = ExactPoissonInterval(observed, 0.95);
    check.Near("exact limit divided by expected", ratio->ci.upper, exact->upper / 8.3 * 100);
  }
  check.True("Byar from 10",
             IndirectlyStandardisedRatio(10, 8.3, 100, 0.95)->method == CiMethod::kByar);
}

TEST(EdgeCases, E19_FunnelDsrBelowTenNotApplicable) {
  CRADLE_EDGE_CASE("E19");
  std::string label = FirstQuoted(expected);
  for (double events : {0.0, 1.0, 9.0}) {
    FunnelRateRecord record{events, events > 0 ? std::optional<double>(650.0) : std::nullopt,
                            250000.0};
    auto significance = RateFunnelSignificance(record, FunnelRateType::kDsr, 100000, 0.007);
    if (!check.True("significance ok", significance.ok())) continue;
    check.Equal("label", FunnelSignificanceName(*significance), label);
  }
  FunnelRateRecord zero{0, std::nullopt, 297820.0};
  auto derived = FunnelDerivedDenominator(zero, FunnelRateType::kDsr, 100000);
  check.True("0 events have no derived denominator", derived.ok() && !derived->has_value());
  std::vector<FunnelRateRecord> without = {{2419, 907.6174266, std::nullopt},
                                           {2337, 948.5620216, std::nullopt}};
  std::vector<FunnelRateRecord> with = without;
  with.push_back(zero);
  auto a = FunnelRateAverage(without, FunnelRateType::kDsr, 100000);
  auto b = FunnelRateAverage(with, FunnelRateType::kDsr, 100000);
  check.True("excluded from the average", a.ok() && b.ok() && *a == *b);
}

TEST(EdgeCases, E20_ProportionFunnelClampsAtZeroAndOneHundred) {
  CRADLE_EDGE_CASE("E20");
  for (double multiplier : {1.0, 100.0, 1000.0}) {
    for (double population : {1.0, 5.0, 50.0, 5000.0}) {
      auto point = ProportionFunnelLimits(0.6, population, multiplier);
      if (!check.True("limits ok", point.ok())) continue;
      check.True("upper at most 100",
                 point->limits.upper_2s <= 100 && point->limits.upper_3s <= 100);
      check.True("lower at least 0", point->limits.lower_2s >= 0 && point->limits.lower_3s >= 0);
    }
  }
  check.True("clamped, not scaled, at 1000",
             ProportionFunnelLimits(0.6, 50, 1000)->limits.upper_3s == 100.0);
  check.True("clamped at 0", ProportionFunnelLimits(0.005, 1, 100)->limits.lower_3s == 0.0);
}

TEST(EdgeCases, E21_BenchmarkOnTheCiLimitIsSimilar) {
  CRADLE_EDGE_CASE("E21");
  ComparedValue local{3.0, Interval{2.5, 3.5}, Interval{2.2, 3.9}};
  for (double benchmark : {2.5, 3.5}) {
    Significance one = CompareSingleOverlappingCi(local, benchmark, Polarity::kLowIsGood);
    Significance two = CompareTwoLevels(local, benchmark, Polarity::kLowIsGood);
    check.True("method 1 Same",
               expected.find(std::string(SignificanceName(one))) != std::string::npos &&
                   one == Significance::kSame);
    check.True("method 17 Same", two == Significance::kSame);
    check.True(
        "exported as in the file",
        expected.find(std::string(ExportLabel(one, Polarity::kLowIsGood))) != std::string::npos);
  }
}

TEST(EdgeCases, E22_NotCompared) {
  CRADLE_EDGE_CASE("E22");
  std::string label = FirstQuoted(expected);
  ComparedValue no_ci{3.0, std::nullopt, std::nullopt};
  ComparedValue invalid{-1.0, Interval{2.5, 3.5}, Interval{2.2, 3.9}};
  ComparedValue fine{3.0, Interval{2.5, 3.5}, Interval{2.2, 3.9}};
  std::vector<std::pair<std::string, Significance>> cases = {
      {"missing CI", CompareSingleOverlappingCi(no_ci, 4.0, Polarity::kLowIsGood)},
      {"missing CI, two levels", CompareTwoLevels(no_ci, 4.0, Polarity::kLowIsGood)},
      {"invalid value", CompareSingleOverlappingCi(invalid, 4.0, Polarity::kLowIsGood)},
      {"invalid benchmark", CompareSingleOverlappingCi(fine, -1.0, Polarity::kLowIsGood)},
      {"polarity not applicable", CompareSingleOverlappingCi(fine, 4.0, Polarity::kNotApplicable)},
      {"double overlap, missing CI",
       CompareDoubleOverlappingCis(fine, no_ci, Polarity::kLowIsGood)},
  };
  for (const auto& [name, significance] : cases) {
    check.True(name + " gives None", significance == Significance::kNone);
    check.Equal(name + " label", ExportLabel(significance, Polarity::kLowIsGood), label);
  }
}

TEST(EdgeCases, E23_TrendCannotBeCalculated) {
  CRADLE_EDGE_CASE("E23");
  std::vector<TrendPoint> five;
  for (int idx = 0; idx < 5; ++idx) {
    double count = 100.0 + 30.0 * idx;
    five.push_back({count, 10000.0, count / 10.0, Interval{count / 10.0 - 1, count / 10.0 + 1}});
  }
  check.True("five good points can be calculated",
             RecentTrend(five, {}).marker != TrendMarker::kCannotBeCalculated);
  std::vector<TrendPoint> four(five.begin(), five.begin() + 4);
  TrendOptions pooled;
  pooled.year_range = 3;
  TrendOptions other_type;
  other_type.value_type = TrendValueType::kOther;
  std::vector<TrendPoint> saturated = five;
  saturated[2].count = saturated[2].denominator;
  std::vector<std::pair<std::string, TrendResult>> cases = {
      {"fewer than 5 points", RecentTrend(four, {})},
      {"3-year pooled", RecentTrend(five, pooled)},
      {"value type not supported", RecentTrend(five, other_type)},
      {"count equals denominator", RecentTrend(saturated, {})},
  };
  for (const auto& [name, result] : cases) {
    check.True(name + ": Cannot be calculated", result.marker == TrendMarker::kCannotBeCalculated);
    check.True(name + ": with a message", !result.message.empty());
    check.True(name + ": named in the file",
               expected.find(std::string(TrendMarkerName(result.marker))) != std::string::npos);
  }
}

TEST(EdgeCases, E24_SpcForProportionsTrendUsesTheLogitSlope) {
  CRADLE_EDGE_CASE("E24");
  auto rows = ReadVectorFile("trend_markers.csv");
  ASSERT_TRUE(rows.ok());
  std::vector<TrendPoint> points;
  for (const VectorRow& data : *rows) {
    if (data.Text("dataset_id") != "fto_set1_proportion") continue;
    points.push_back({data.Number("count"), data.Number("denominator"), data.Number("value"),
                      Interval{data.Required("lower_ci95"), data.Required("upper_ci95")}});
  }
  ASSERT_EQ(points.size(), 5u);
  TrendOptions spc;
  spc.spc_for_proportions = true;
  TrendResult result = RecentTrend(points, spc);
  check.True("significant", result.significant);
  check.True("logit slope positive", result.slope > 0);
  check.True("Increasing, not the snapshot's Decreasing",
             result.marker == TrendMarker::kIncreasing);
  check.True("the file names the bug", expected.find("Decreasing") != std::string::npos);
}

}  // namespace
}  // namespace cradle::stats
