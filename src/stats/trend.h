// Fingertips' recent-trend marker: is there a significant trend over the five
// most recent single-year points (fingertips-open TrendMarkers/
// TrendMarkerCalculator.cs and TrendRequest.cs, as ported by FingertipsNext;
// METHODS.md §12)?
//
// Validity, in this order (the first failure is the message): value type a
// proportion, crude rate or directly standardised rate (FingertipsNext; the
// older Fingertips refused DSRs); year range 1, so 3-year pooled IMR series
// get no marker; at least 5 points; at least 5 valid points (value, count and
// denominator present, denominator > 0); no valid point with count ==
// denominator. Of the valid points the 5 most recent with a 95% CI are used,
// numbered t = 1..k oldest first; points without a CI are dropped silently.
//
// Significance: chi² > 9.54953570608324 (χ²₁ at 99.8%) and no outliers, where
// "no outliers" means the slope over all points and the 5 leave-one-out slopes
// all have the same sign (a slope < 0 counts -1, anything else, NaN included,
// +1). The statistics:
//  - weighted regression (every comparator but SPC for proportions): weights
//    1/se², se = (UCI95 − LCI95)/3.92; slope β̂ = (S1·S2 − S3·S4)/(S1·S5 − S3²),
//    χ² = (β̂/√(S1/(S1·S5 − S3²)))².
//  - comparator SPC for proportions: the Cochran-Armitage χ² on the 2 × k
//    table, with unweighted OLS slopes of logit(O/N) on t for the outlier check
//    and the direction. (fingertips-open never sets the slope on this path, so
//    it labels every significant trend "Decreasing"; the logit slope is used
//    here instead, which is what the published vectors expect.)
// A significant trend is Increasing for slope > 0 and Decreasing for slope <
// 0; a zero slope is No significant change (FingertipsNext).
//
// Reference: Fingertips technical guidance, "Trend markers".
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "stats/estimate.h"
#include "stats/polarity.h"

namespace cradle::stats {

// χ²₁ at 99.8%, as Fingertips hard-codes it.
inline constexpr double kTrendChiSquaredThreshold = 9.54953570608324;
// Points the marker uses.
inline constexpr int kTrendPoints = 5;

enum class TrendValueType { kProportion, kCrudeRate, kDirectlyStandardisedRate, kOther };

// Which points count as the valid series.
enum class TrendValidRun {
  kUnbrokenFromLatest,  // fingertips-open: stop at the first invalid point counting back
  kSkipInvalid,         // FingertipsNext: drop invalid points, years need not be consecutive
};

// One period, oldest first in the series.
struct TrendPoint {
  std::optional<double> count;
  std::optional<double> denominator;
  std::optional<double> value;
  std::optional<Interval> ci95;
};

struct TrendOptions {
  TrendValueType value_type = TrendValueType::kCrudeRate;
  int year_range = 1;
  bool spc_for_proportions = false;  // the indicator's comparator is method 5
  TrendValidRun valid_run = TrendValidRun::kUnbrokenFromLatest;
};

enum class TrendMarker { kCannotBeCalculated, kNoSignificantChange, kIncreasing, kDecreasing };

struct TrendResult {
  TrendMarker marker = TrendMarker::kCannotBeCalculated;
  double chi2 = 0;   // NaN when not calculated (or no point had a CI)
  double slope = 0;  // weighted slope, or the logit OLS slope on the SPC path; NaN if none
  bool no_outliers = false;
  bool significant = false;
  int points_used = 0;  // points with a CI among the 5 most recent valid ones
  std::string message;  // why it cannot be calculated; empty otherwise
};

// The marker for `points` (oldest first). Never fails: invalid input gives
// kCannotBeCalculated with Fingertips' message, e.g. "The recent trend cannot
// be calculated for this year range".
TrendResult RecentTrend(std::span<const TrendPoint> points, const TrendOptions& options);

// "Cannot be calculated", "No significant change", "Increasing", "Decreasing".
std::string_view TrendMarkerName(TrendMarker marker);

// The marker in Fingertips' words for the indicator's polarity: RAG adds
// "and getting better"/"and getting worse" (Increasing with Low-is-good is
// "Increasing and getting worse"); BOB and Not applicable give the bare
// marker name.
std::string TrendWording(TrendMarker marker, Polarity polarity);

}  // namespace cradle::stats
