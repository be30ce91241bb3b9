// Statistical process control: the XmR chart of NHS England's "Making Data
// Count" (MDC) programme, computed as the R package NHSRplotthedots v0.2.2
// computes it (ptd_spc), with each point where published tools disagree made
// an option. Given a series of values in time order (NaN = missing), it
// gives per point the mean, process limits and near (2σ) limits of the
// point's segment (spc_limits.h), the special-cause rule that fired
// (spc_rules.h), and the point type; per series the MDC variation icon and,
// given a target, the assurance icon. Methods, choices and tolerances:
// docs/methods.md, "SPC (XmR)"; reference cases: tests/data/spc/.
//
// Segments. `rebase_at` splits the series; each segment gets its own limits
// and the rules never look across a boundary. `fix_after_n_points` bases each
// segment's limits on its first n points (missing ones included in the
// count), and applies them to the rest of the segment.
//
// Classification of a point, first match wins (NHSRplotthedots):
//   outside the process limits -> "Above UCL" / "Below LCL"
//   part of a trend            -> "7 Point Trend (Increasing|Decreasing)"
//   part of a two-in-three     -> "2 in 3 Above CL" / "2 in 3 Below CL"
//   part of a shift            -> "7 Points Above CL" / "7 Points Below CL"
//   otherwise                  -> "Common Cause"
// and the side (Above/Increasing = high) with the improvement direction gives
// the point type. With SignalConflict::kImprovementWins a point that fires
// rules in both directions takes the first rule in the improvement direction.
//
// Missing values get limits but no signal, and break every run and window.
//
// Nothing here is I/O; every function is thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "stats/polarity.h"
#include "stats/spc_limits.h"
#include "stats/spc_rules.h"

namespace cradle::stats {

enum class ImprovementDirection { kIncrease, kDecrease, kNeutral };

// Which points count towards the two-in-three rule.
enum class TwoInThreeZone {
  // NHSRplotthedots: beyond a near limit but inside the process limits; a
  // point beyond 3σ does not count (S14, issue #153).
  kBetweenNearAndProcessLimits,
  // MDC tools from November 2023: every point beyond a near limit counts
  // (NHSRplotthedots issue #194).
  kBeyondNearLimits,
};

// What a point that fires rules in opposite directions is classified as.
enum class SignalConflict {
  kRulePrecedence,   // NHSRplotthedots: the first rule in the order above
  kImprovementWins,  // MDC tool: the first rule in the improvement direction
};

// What happens to a segment with fewer present values than
// `short_segment_threshold`.
enum class ShortSegmentPolicy {
  kWarn,    // NHSRplotthedots: compute, and say so in SpcChart::warnings
  kRefuse,  // MDC single-chart tool shows no limits: InvalidArgument
};

struct SpcOptions {
  ImprovementDirection improvement = ImprovementDirection::kIncrease;
  bool screen_outliers = true;            // drop moving ranges >= 3.267·AMR
  std::optional<int> fix_after_n_points;  // >= 2; NHSRplotthedots asks >= 12
  std::vector<int> rebase_at;             // 0-based positions starting a segment, ascending
  std::optional<double> target;           // for the assurance icon
  int shift_length = 7;                   // >= 2; MDC tools offer 6 or 7
  int trend_length = 7;                   // >= 2, points including the first
  TrendTies trend_ties = TrendTies::kBreak;
  TwoInThreeZone two_in_three = TwoInThreeZone::kBetweenNearAndProcessLimits;
  SignalConflict conflict = SignalConflict::kRulePrecedence;
  int short_segment_threshold = 13;  // MDC and NHSRplotthedots
  ShortSegmentPolicy short_segments = ShortSegmentPolicy::kWarn;
};

// NHS England's documented settings (the MDC Excel tool, and its run and
// control chart guide for ties), where they differ from the defaults
// (NHSRplotthedots): no screening, every point beyond 2σ counts for
// two-in-three, improvement wins a conflict, repeated values neither add to
// nor break a trend, segments under 13 values refused.
SpcOptions MakingDataCountToolOptions();

// kLowIsGood -> kDecrease, kHighIsGood -> kIncrease, others -> kNeutral.
ImprovementDirection ImprovementDirectionFor(Polarity polarity);

enum class SpecialCauseType {
  kCommonCause,
  kAboveUpperLimit,
  kBelowLowerLimit,
  kTrendIncreasing,
  kTrendDecreasing,
  kTwoInThreeAbove,
  kTwoInThreeBelow,
  kShiftAbove,
  kShiftBelow,
};

// NHSRplotthedots' point_type values.
enum class PointType {
  kCommonCause,
  kSpecialCauseImprovement,
  kSpecialCauseConcern,
  kSpecialCauseNeutralHigh,
  kSpecialCauseNeutralLow,
};

// MDC's variation icons: the last point's type and side.
enum class VariationIcon {
  kCommonCause,
  kImprovementHigh,
  kImprovementLow,
  kConcernHigh,
  kConcernLow,
  kNeitherHigh,
  kNeitherLow,
};

enum class AssuranceIcon { kConsistentPass, kConsistentFail, kInconsistent };

struct SpcPoint {
  double value = 0;  // NaN when missing
  int segment = 0;   // 0 before the first rebase
  XmrLimits limits;  // the segment's
  int side = 0;      // +1 above the mean, -1 below, 0 on it or missing
  bool outside_limits = false;
  bool beyond_near_limit = false;  // counts for two-in-three under the chosen zone
  int trend = 0;                   // +1/-1 if part of an increasing/decreasing trend
  bool two_in_three = false;
  bool shift = false;
  SpecialCauseType special_cause = SpecialCauseType::kCommonCause;
  PointType point_type = PointType::kCommonCause;
};

struct SpcSegment {
  int begin = 0;   // first position
  int end = 0;     // one past the last position
  int values = 0;  // present values in the segment
  bool short_segment = false;
  XmrLimits limits;
};

struct SpcChart {
  std::vector<SpcPoint> points;
  std::vector<SpcSegment> segments;
  VariationIcon variation = VariationIcon::kCommonCause;  // of the last present value
  std::optional<AssuranceIcon> assurance;                 // none without a target or if neutral
  std::vector<std::string> warnings;                      // short segments, in order
};

// The XmR chart of `values` (time order, NaN = missing). Returns
// InvalidArgument, naming the option or position, if: the series is empty or
// has no present value; a value is infinite; a rebase position is not within
// 1..n-1 or positions are not strictly ascending; fix_after_n_points < 2;
// shift_length or trend_length < 2; short_segment_threshold < 0; the target is
// not finite; a segment's baseline has no two consecutive present values; or,
// under ShortSegmentPolicy::kRefuse, a segment is short.
Result<SpcChart> XmrChart(std::span<const double> values, const SpcOptions& options);

// The assurance icon for a segment's process limits and a target
// (ptd_calculate_assurance_type): a target above the upper limit is
// consistently failed when higher is better and consistently passed when
// lower is better; below the lower limit the reverse; otherwise inconsistent.
// No icon (std::nullopt) without a target or for a neutral direction.
std::optional<AssuranceIcon> Assurance(ImprovementDirection improvement, double lower_process_limit,
                                       double upper_process_limit, std::optional<double> target);

// The assurance icon of a chart: Assurance() with the last point's limits,
// i.e. the last segment's (NHSRplotthedots issue #172). No icon for no points.
std::optional<AssuranceIcon> Assurance(std::span<const SpcPoint> points,
                                       ImprovementDirection improvement,
                                       std::optional<double> target);

// NHSRplotthedots' labels, with the configured run lengths: "Common Cause",
// "Above UCL", "Below LCL", "7 Point Trend (Increasing)", "7 Point Trend
// (Decreasing)", "2 in 3 Above CL", "2 in 3 Below CL", "7 Points Above CL",
// "7 Points Below CL".
std::string SpecialCauseLabel(SpecialCauseType type, int shift_length = 7, int trend_length = 7);

// "common_cause", "special_cause_improvement", "special_cause_concern",
// "special_cause_neutral_high", "special_cause_neutral_low".
std::string_view PointTypeName(PointType type);

// MDC's wording: "Common Cause", "Special Cause - Improvement", "Special Cause
// - Concern", "Special Cause - Neither" (both neutral types).
std::string_view MdcVariationLabel(PointType type);

// "common_cause", "special_cause_improvement_high", ..._low,
// "special_cause_concern_high", ..._low, "special_cause_neither_high", ..._low.
std::string_view VariationIconName(VariationIcon icon);

// "consistent_pass", "consistent_fail", "inconsistent".
std::string_view AssuranceIconName(AssuranceIcon icon);

// "increase", "decrease", "neutral", and back (InvalidArgument naming the
// text otherwise).
std::string_view ImprovementDirectionName(ImprovementDirection direction);
Result<ImprovementDirection> ParseImprovementDirection(std::string_view name);

}  // namespace cradle::stats
