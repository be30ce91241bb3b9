// spc.h beyond the reference files: every error message verbatim, the
// options that resolve a disagreement between published tools (the settings
// the reference files do not exercise), missing values, icons and the
// assurance of a rebased chart.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "stats/spc.h"

namespace cradle::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Twelve points alternating 10, 12 (mean 11, AMR 2, limits 5.68-16.32, near
// limits 8.453-13.547), the baseline of series S08-S16, then `tail`.
std::vector<double> AfterBaseline(std::vector<double> tail) {
  std::vector<double> values;
  for (int idx = 0; idx < 12; ++idx) values.push_back(idx % 2 == 0 ? 10 : 12);
  values.insert(values.end(), tail.begin(), tail.end());
  return values;
}

SpcOptions FixedAfter12() {
  SpcOptions options;
  options.fix_after_n_points = 12;
  return options;
}

std::vector<std::string> Labels(const SpcChart& chart, const SpcOptions& options) {
  std::vector<std::string> labels;
  for (const SpcPoint& point : chart.points) {
    labels.push_back(
        SpecialCauseLabel(point.special_cause, options.shift_length, options.trend_length));
  }
  return labels;
}

std::string ErrorOf(std::vector<double> values, const SpcOptions& options) {
  Result<SpcChart> chart = XmrChart(values, options);
  EXPECT_FALSE(chart.ok());
  if (chart.ok()) return "";
  EXPECT_EQ(chart.status().code(), StatusCode::kInvalidArgument);
  return chart.status().message();
}

TEST(SpcErrors, MessagesNameTheRuleAndThePlace) {
  SpcOptions options;
  EXPECT_EQ(ErrorOf({}, options), "an XmR chart needs at least 2 values; the series has 0");
  EXPECT_EQ(ErrorOf({4}, options), "an XmR chart needs at least 2 values; the series has 1");
  EXPECT_EQ(ErrorOf({1, 2, std::numeric_limits<double>::infinity()}, options),
            "the value at position 2 is infinite; XmR values must be finite, or NaN for missing");
  EXPECT_EQ(ErrorOf({1, kNaN, 2, kNaN, 3}, options),
            "segment 0 (positions 0-4): XmR limits need at least one moving range: two "
            "consecutive values; the baseline has none");

  options.rebase_at = {0};
  EXPECT_EQ(ErrorOf({1, 2, 3, 4}, options),
            "rebase position 0 is out of range: a new segment can start at positions 1 to 3 of "
            "a 4-point series");
  options.rebase_at = {4};
  EXPECT_EQ(ErrorOf({1, 2, 3, 4}, options),
            "rebase position 4 is out of range: a new segment can start at positions 1 to 3 of "
            "a 4-point series");
  options.rebase_at = {2, 2};
  EXPECT_EQ(ErrorOf({1, 2, 3, 4, 5}, options),
            "rebase positions must be strictly ascending; 2 follows 2");
  options.rebase_at = {3};
  EXPECT_EQ(ErrorOf({1, 2, 3, 4}, options),
            "segment 1 (positions 3-3): XmR limits need at least one moving range: two "
            "consecutive values; the baseline has none");

  options = SpcOptions();
  options.fix_after_n_points = 1;
  EXPECT_EQ(ErrorOf({1, 2, 3}, options),
            "fix_after_n_points must be at least 2, so that there is a moving range; got 1");
  options = SpcOptions();
  options.shift_length = 1;
  EXPECT_EQ(ErrorOf({1, 2, 3}, options), "shift_length must be at least 2; got 1");
  options = SpcOptions();
  options.trend_length = 0;
  EXPECT_EQ(ErrorOf({1, 2, 3}, options), "trend_length must be at least 2; got 0");
  options = SpcOptions();
  options.short_segment_threshold = -1;
  EXPECT_EQ(ErrorOf({1, 2, 3}, options), "short_segment_threshold must not be negative; got -1");
  options = SpcOptions();
  options.target = kNaN;
  EXPECT_EQ(ErrorOf({1, 2, 3}, options), "the target must be a finite number");

  options = SpcOptions();
  options.short_segments = ShortSegmentPolicy::kRefuse;
  EXPECT_EQ(ErrorOf(std::vector<double>(12, 1.0), options),
            "segment 0 (positions 0-11) has 12 values, fewer than 13; its XmR limits would not "
            "be reliable");

  Result<ImprovementDirection> direction = ParseImprovementDirection("up");
  ASSERT_FALSE(direction.ok());
  EXPECT_EQ(direction.status().message(),
            "unknown improvement direction 'up'; expected 'increase', 'decrease' or 'neutral'");
}

TEST(SpcErrors, LimitsAloneRejectInfiniteValues) {
  Result<XmrLimits> limits = ComputeXmrLimits(std::vector<double>{1, -HUGE_VAL}, true);
  ASSERT_FALSE(limits.ok());
  EXPECT_EQ(limits.status().message(),
            "XmR values must be finite or NaN for missing; baseline value 1 is infinite");
}

TEST(SpcSegments, ShortSegmentsAreWarnedAboutAndStillComputed) {
  SpcOptions options;
  options.rebase_at = {13};
  std::vector<double> values = AfterBaseline({10, 20, 22, 20, 22, 20});
  Result<SpcChart> chart = XmrChart(values, options);
  ASSERT_TRUE(chart.ok()) << chart.status().ToString();
  ASSERT_EQ(chart->segments.size(), 2u);
  EXPECT_FALSE(chart->segments[0].short_segment);
  EXPECT_TRUE(chart->segments[1].short_segment);
  EXPECT_EQ(chart->segments[1].values, 5);
  ASSERT_EQ(chart->warnings.size(), 1u);
  EXPECT_EQ(chart->warnings[0],
            "segment 1 (positions 13-17) has 5 values, fewer than 13: its limits are not "
            "reliable");
  EXPECT_DOUBLE_EQ(chart->segments[1].limits.mean, 20.8);
}

TEST(SpcSegments, FixedLimitsApplyWithinEachSegment) {
  SpcOptions options;
  options.fix_after_n_points = 4;
  options.rebase_at = {6};
  // Segment 0 rests on 1, 3, 1, 3; segment 1 on 11, 13, 11, 13.
  Result<SpcChart> chart =
      XmrChart(std::vector<double>{1, 3, 1, 3, 50, 60, 11, 13, 11, 13, 90}, options);
  ASSERT_TRUE(chart.ok()) << chart.status().ToString();
  EXPECT_DOUBLE_EQ(chart->segments[0].limits.mean, 2);
  EXPECT_DOUBLE_EQ(chart->segments[0].limits.average_moving_range, 2);
  EXPECT_DOUBLE_EQ(chart->segments[1].limits.mean, 12);
  EXPECT_EQ(chart->points[4].special_cause, SpecialCauseType::kAboveUpperLimit);
  EXPECT_EQ(chart->points[10].special_cause, SpecialCauseType::kAboveUpperLimit);
  EXPECT_EQ(chart->points[6].segment, 1);
}

TEST(SpcMissing, GapsTakeNoPartAndBreakRuns) {
  // Moving ranges 1 (1->2) and 2 (4->6); none across the gap.
  Result<SpcChart> chart = XmrChart(std::vector<double>{1, 2, kNaN, 4, 6}, SpcOptions());
  ASSERT_TRUE(chart.ok()) << chart.status().ToString();
  EXPECT_DOUBLE_EQ(chart->segments[0].limits.mean, 3.25);
  EXPECT_DOUBLE_EQ(chart->segments[0].limits.average_moving_range, 1.5);
  EXPECT_EQ(chart->segments[0].limits.moving_ranges_used, 2);
  EXPECT_EQ(chart->segments[0].values, 4);
  EXPECT_TRUE(std::isnan(chart->points[2].value));
  EXPECT_EQ(chart->points[2].side, 0);
  EXPECT_EQ(chart->points[2].point_type, PointType::kCommonCause);
  EXPECT_DOUBLE_EQ(chart->points[2].limits.mean, 3.25);

  // Seven points above the mean, but a gap after the third: no shift.
  std::vector<double> values = AfterBaseline({12.5, 13, 12.5, kNaN, 13, 12.5, 13, 12.5});
  chart = XmrChart(values, FixedAfter12());
  ASSERT_TRUE(chart.ok()) << chart.status().ToString();
  for (const SpcPoint& point : chart->points) {
    EXPECT_EQ(point.special_cause, SpecialCauseType::kCommonCause);
  }
  // Without the gap the same points are a shift.
  values[15] = 13;
  chart = XmrChart(values, FixedAfter12());
  ASSERT_TRUE(chart.ok());
  EXPECT_EQ(chart->points[15].special_cause, SpecialCauseType::kShiftAbove);
}

TEST(SpcMissing, VariationIconIsTheLastPresentValue) {
  Result<SpcChart> chart = XmrChart(AfterBaseline({20, kNaN}), FixedAfter12());
  ASSERT_TRUE(chart.ok()) << chart.status().ToString();
  EXPECT_EQ(chart->variation, VariationIcon::kImprovementHigh);
}

TEST(SpcIcons, VariationIconFollowsTheLastPointAndDirection) {
  struct Case {
    double last;
    ImprovementDirection improvement;
    VariationIcon icon;
  };
  const std::vector<Case> cases = {
      {20, ImprovementDirection::kIncrease, VariationIcon::kImprovementHigh},
      {20, ImprovementDirection::kDecrease, VariationIcon::kConcernHigh},
      {20, ImprovementDirection::kNeutral, VariationIcon::kNeitherHigh},
      {2, ImprovementDirection::kIncrease, VariationIcon::kConcernLow},
      {2, ImprovementDirection::kDecrease, VariationIcon::kImprovementLow},
      {2, ImprovementDirection::kNeutral, VariationIcon::kNeitherLow},
      {11.5, ImprovementDirection::kIncrease, VariationIcon::kCommonCause},
  };
  for (const Case& test_case : cases) {
    SpcOptions options = FixedAfter12();
    options.improvement = test_case.improvement;
    Result<SpcChart> chart = XmrChart(AfterBaseline({test_case.last}), options);
    ASSERT_TRUE(chart.ok()) << chart.status().ToString();
    EXPECT_EQ(VariationIconName(chart->variation), VariationIconName(test_case.icon))
        << test_case.last << " " << ImprovementDirectionName(test_case.improvement);
  }
  EXPECT_EQ(MdcVariationLabel(PointType::kSpecialCauseNeutralLow), "Special Cause - Neither");
  EXPECT_EQ(MdcVariationLabel(PointType::kSpecialCauseImprovement), "Special Cause - Improvement");
  EXPECT_EQ(MdcVariationLabel(PointType::kSpecialCauseConcern), "Special Cause - Concern");
  EXPECT_EQ(MdcVariationLabel(PointType::kCommonCause), "Common Cause");
}

TEST(SpcIcons, AssuranceUsesTheLastSegmentsLimits) {
  // S17: segment 0 limits 5.68-16.32, segment 1 (from position 12) 15.68-26.32.
  std::vector<double> values;
  for (int idx = 0; idx < 24; ++idx) values.push_back((idx < 12 ? 10 : 20) + (idx % 2 ? 2 : 0));
  SpcOptions options;
  options.rebase_at = {12};
  struct Case {
    std::optional<double> target;
    ImprovementDirection improvement;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {30, ImprovementDirection::kIncrease, "consistent_fail"},
      {30, ImprovementDirection::kDecrease, "consistent_pass"},
      {10, ImprovementDirection::kIncrease, "consistent_pass"},
      {10, ImprovementDirection::kDecrease, "consistent_fail"},
      {20, ImprovementDirection::kIncrease, "inconsistent"},
      {26.32, ImprovementDirection::kIncrease, "inconsistent"},  // on the limit
      {30, ImprovementDirection::kNeutral, "NA"},
      {std::nullopt, ImprovementDirection::kIncrease, "NA"},
  };
  for (const Case& test_case : cases) {
    options.target = test_case.target;
    options.improvement = test_case.improvement;
    Result<SpcChart> chart = XmrChart(values, options);
    ASSERT_TRUE(chart.ok()) << chart.status().ToString();
    std::string actual =
        chart->assurance ? std::string(AssuranceIconName(*chart->assurance)) : "NA";
    EXPECT_EQ(actual, test_case.expected) << test_case.target.value_or(-1);
  }
}

TEST(SpcOptionsTest, RunLengthsAreConfigurable) {
  // As S09, six points above the mean; as S11, six increasing points.
  std::vector<double> shift = AfterBaseline({10, 12.5, 13, 12.5, 13, 12.5, 13, 10, 12, 10});
  std::vector<double> trend = AfterBaseline({9.5, 10, 10.5, 11, 11.5, 12, 10, 12});
  SpcOptions options = FixedAfter12();
  Result<SpcChart> seven = XmrChart(shift, options);
  ASSERT_TRUE(seven.ok());
  for (const SpcPoint& point : seven->points) {
    EXPECT_EQ(point.special_cause, SpecialCauseType::kCommonCause);
  }
  options.shift_length = 6;
  options.trend_length = 6;
  Result<SpcChart> six = XmrChart(shift, options);
  ASSERT_TRUE(six.ok());
  std::vector<std::string> labels = Labels(*six, options);
  for (size_t idx = 13; idx < 19; ++idx) EXPECT_EQ(labels[idx], "6 Points Above CL") << idx;
  EXPECT_EQ(labels[12], "Common Cause");
  EXPECT_EQ(labels[19], "Common Cause");
  six = XmrChart(trend, options);
  ASSERT_TRUE(six.ok());
  labels = Labels(*six, options);
  for (size_t idx = 12; idx < 18; ++idx) {
    EXPECT_EQ(labels[idx], "6 Point Trend (Increasing)") << idx;
  }
  EXPECT_EQ(labels[11], "Common Cause");  // 12 -> 9.5 starts no trend
}

TEST(SpcOptionsTest, RepeatedValuesNeitherAddNorBreakATrend) {
  // S12: 13, 12.5, 12, 12, 11.5, 11, 10.5, 10 has six strict falls.
  std::vector<double> values = AfterBaseline({13, 12.5, 12, 12, 11.5, 11, 10.5, 10, 12});
  SpcOptions options = FixedAfter12();
  Result<SpcChart> chart = XmrChart(values, options);
  ASSERT_TRUE(chart.ok());
  for (const SpcPoint& point : chart->points) EXPECT_EQ(point.trend, 0);
  options.trend_ties = TrendTies::kNeitherAddNorBreak;
  chart = XmrChart(values, options);
  ASSERT_TRUE(chart.ok());
  for (size_t idx = 0; idx < values.size(); ++idx) {
    bool in_trend = idx >= 12 && idx <= 19;
    EXPECT_EQ(chart->points[idx].trend, in_trend ? -1 : 0) << idx;
    EXPECT_EQ(chart->points[idx].point_type,
              in_trend ? PointType::kSpecialCauseConcern : PointType::kCommonCause)
        << idx;
  }
  // Repeats at either end are not part of the trend; they add no step.
  std::vector<int> flags = TrendPoints(std::vector<double>{3, 3, 4, 5, 6, 7, 8, 9, 9}, 7,
                                       TrendTies::kNeitherAddNorBreak);
  EXPECT_EQ(flags, (std::vector<int>{0, 1, 1, 1, 1, 1, 1, 1, 0}));
  // Five strict steps and a repeat are not seven points.
  flags = TrendPoints(std::vector<double>{1, 2, 3, 3, 4, 5, 6}, 7, TrendTies::kNeitherAddNorBreak);
  EXPECT_EQ(flags, (std::vector<int>(7, 0)));
}

TEST(SpcOptionsTest, TwoInThreeZoneBeyondNearLimitsCountsPointsPast3Sigma) {
  // S14: 17, 17, 15.5: the package flags only the two points above the UCL.
  std::vector<double> values = AfterBaseline({17, 17, 15.5, 10, 12, 10});
  SpcOptions options = FixedAfter12();
  Result<SpcChart> chart = XmrChart(values, options);
  ASSERT_TRUE(chart.ok());
  EXPECT_EQ(chart->points[14].special_cause, SpecialCauseType::kCommonCause);
  options.two_in_three = TwoInThreeZone::kBeyondNearLimits;
  chart = XmrChart(values, options);
  ASSERT_TRUE(chart.ok());
  EXPECT_EQ(chart->points[12].special_cause, SpecialCauseType::kAboveUpperLimit);
  EXPECT_EQ(chart->points[13].special_cause, SpecialCauseType::kAboveUpperLimit);
  EXPECT_EQ(chart->points[14].special_cause, SpecialCauseType::kTwoInThreeAbove);
  EXPECT_EQ(chart->points[15].special_cause, SpecialCauseType::kCommonCause);
}

TEST(SpcOptionsTest, ImprovementWinsAConflictUnderTheMdcSetting) {
  // Seven falling points, all above the mean, the first three beyond 2σ: a
  // decreasing trend (concern when higher is better), a two-in-three and a
  // shift above (improvement).
  std::vector<double> values = AfterBaseline({16, 15.5, 15, 14.5, 14, 13.5, 13});
  SpcOptions options = FixedAfter12();
  Result<SpcChart> chart = XmrChart(values, options);
  ASSERT_TRUE(chart.ok());
  std::vector<std::string> labels = Labels(*chart, options);
  for (size_t idx = 12; idx < 19; ++idx) {
    EXPECT_EQ(labels[idx], "7 Point Trend (Decreasing)") << idx;
    EXPECT_EQ(chart->points[idx].point_type, PointType::kSpecialCauseConcern) << idx;
  }
  EXPECT_EQ(labels[11], "7 Points Above CL");  // 12 opens the run above the mean
  options.conflict = SignalConflict::kImprovementWins;
  chart = XmrChart(values, options);
  ASSERT_TRUE(chart.ok());
  labels = Labels(*chart, options);
  for (size_t idx = 12; idx < 19; ++idx) {
    EXPECT_EQ(labels[idx], idx < 15 ? "2 in 3 Above CL" : "7 Points Above CL") << idx;
    EXPECT_EQ(chart->points[idx].point_type, PointType::kSpecialCauseImprovement) << idx;
  }
  // With no direction, precedence decides.
  options.improvement = ImprovementDirection::kNeutral;
  chart = XmrChart(values, options);
  ASSERT_TRUE(chart.ok());
  EXPECT_EQ(chart->points[12].point_type, PointType::kSpecialCauseNeutralLow);
}

TEST(SpcOptionsTest, MakingDataCountToolSettings) {
  SpcOptions options = MakingDataCountToolOptions();
  EXPECT_FALSE(options.screen_outliers);
  EXPECT_EQ(options.two_in_three, TwoInThreeZone::kBeyondNearLimits);
  EXPECT_EQ(options.conflict, SignalConflict::kImprovementWins);
  EXPECT_EQ(options.trend_ties, TrendTies::kNeitherAddNorBreak);
  EXPECT_EQ(options.short_segments, ShortSegmentPolicy::kRefuse);
  EXPECT_EQ(options.shift_length, 7);
  EXPECT_EQ(options.trend_length, 7);
  // The deviations vignette's series: the Excel tool's limits (L07), after
  // padding to 18 points it already has.
  std::vector<double> values = {1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1};
  Result<SpcChart> chart = XmrChart(values, options);
  ASSERT_TRUE(chart.ok()) << chart.status().ToString();
  EXPECT_NEAR(chart->segments[0].limits.upper_process_limit, 6.9515032680, 1e-9);
  EXPECT_NEAR(chart->segments[0].limits.lower_process_limit, -3.0626143791, 1e-9);
}

TEST(SpcOptionsTest, ImprovementDirectionFromPolarity) {
  EXPECT_EQ(ImprovementDirectionFor(Polarity::kLowIsGood), ImprovementDirection::kDecrease);
  EXPECT_EQ(ImprovementDirectionFor(Polarity::kHighIsGood), ImprovementDirection::kIncrease);
  EXPECT_EQ(ImprovementDirectionFor(Polarity::kBlueOrangeBlue), ImprovementDirection::kNeutral);
  EXPECT_EQ(ImprovementDirectionFor(Polarity::kNotApplicable), ImprovementDirection::kNeutral);
  for (auto direction : {ImprovementDirection::kIncrease, ImprovementDirection::kDecrease,
                         ImprovementDirection::kNeutral}) {
    Result<ImprovementDirection> parsed =
        ParseImprovementDirection(ImprovementDirectionName(direction));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, direction);
  }
}

TEST(SpcLimitsTest, ConstantSeriesHasZeroWidthLimitsNotNaN) {
  // NHSRplotthedots screens out every zero range here and gives NaN limits.
  Result<SpcChart> chart = XmrChart(std::vector<double>(15, 4.0), SpcOptions());
  ASSERT_TRUE(chart.ok()) << chart.status().ToString();
  const XmrLimits& limits = chart->segments[0].limits;
  EXPECT_EQ(limits.mean, 4.0);
  EXPECT_EQ(limits.average_moving_range, 0.0);
  EXPECT_EQ(limits.upper_process_limit, 4.0);
  EXPECT_EQ(limits.moving_ranges_screened_out, 0);
  for (const SpcPoint& point : chart->points) {
    EXPECT_EQ(point.point_type, PointType::kCommonCause);
    EXPECT_EQ(point.side, 0);
  }
}

TEST(SpcLimitsTest, ScreeningCountsTheRangesDropped) {
  // L06: the two ranges next to the 10 are dropped.
  std::vector<double> values = {1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1};
  Result<XmrLimits> limits = ComputeXmrLimits(values, true);
  ASSERT_TRUE(limits.ok());
  EXPECT_EQ(limits->moving_ranges_screened_out, 2);
  EXPECT_EQ(limits->moving_ranges_used, 15);
  EXPECT_EQ(limits->baseline_values, 18);
  EXPECT_DOUBLE_EQ(limits->average_moving_range, 1.0);
}

TEST(SpcRulesTest, TrendDirectionAtTurningPointsAndBetweenAdjacentTrends) {
  // A peak shared by a rise and a fall takes the later trend's direction.
  std::vector<int> flags =
      TrendPoints(std::vector<double>{1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1}, 7, TrendTies::kBreak);
  EXPECT_EQ(flags, (std::vector<int>{1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1}));
  // Two rises separated by a drop: each point keeps its own trend's direction
  // (NHSRplotthedots would label the 7 "Decreasing", from the drop after it).
  flags = TrendPoints(std::vector<double>{1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6}, 7,
                      TrendTies::kBreak);
  EXPECT_EQ(flags, std::vector<int>(14, 1));
  // A missing value breaks a trend.
  flags = TrendPoints(std::vector<double>{1, 2, 3, kNaN, 4, 5, 6, 7}, 4, TrendTies::kBreak);
  EXPECT_EQ(flags, (std::vector<int>{0, 0, 0, 0, 1, 1, 1, 1}));
  flags = TrendPoints(std::vector<double>{1, 2, 3, kNaN, 4, 5, 6, 7}, 4,
                      TrendTies::kNeitherAddNorBreak);
  EXPECT_EQ(flags, (std::vector<int>{0, 0, 0, 0, 1, 1, 1, 1}));
}

TEST(SpcRulesTest, TrendPointsAgreeWithTheBackFilledRunEnds) {
  std::mt19937 generator(20240611);
  std::uniform_int_distribution<int> step(-1, 3);
  for (int series = 0; series < 500; ++series) {
    std::vector<double> values;
    double value = 0;
    int direction = 1;
    for (int idx = 0; idx < 40; ++idx) {
      if (step(generator) == 3) direction = -direction;
      value += direction * step(generator);  // repeats included
      values.push_back(value);
    }
    for (int length : {3, 6, 7}) {
      std::vector<int> ends = MonotoneRunEnds(values, length);
      std::vector<int> expected = PartOfRun(ends, length);
      std::vector<int> actual = TrendPoints(values, length, TrendTies::kBreak);
      for (int& flag : actual) flag = flag != 0 ? 1 : 0;
      ASSERT_EQ(actual, expected) << "series " << series << " length " << length;
    }
  }
}

}  // namespace
}  // namespace cradle::stats
