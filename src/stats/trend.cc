#include "stats/trend.h"

#include <cmath>
#include <limits>
#include <vector>

#include "stats/internal/conventions.h"

namespace cradle::stats {
namespace {

using internal::kFingertipsNullValue;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// (UCI95 − LCI95) / 3.92 is Fingertips' standard error from a 95% interval.
constexpr double kCiWidthPerStandardError = 3.92;

bool IsPresent(const std::optional<double>& value) {
  return value && std::isfinite(*value) && *value != kFingertipsNullValue;
}

// TrendRequest.IsDataValid: value, count and denominator all usable.
bool IsValidPoint(const TrendPoint& point) {
  return IsPresent(point.value) && IsPresent(point.count) && point.denominator &&
         *point.denominator > 0.0 && std::isfinite(*point.denominator);
}

// A point the calculation uses, with its t (1 = oldest used).
struct UsedPoint {
  double t;
  const TrendPoint* point;
};

TrendResult CannotBeCalculated(std::string message) {
  TrendResult result;
  result.marker = TrendMarker::kCannotBeCalculated;
  result.chi2 = kNaN;
  result.slope = kNaN;
  result.message = std::move(message);
  return result;
}

// +1 for a slope >= 0 or NaN, -1 for a negative slope, as Fingertips counts.
int SlopeSign(double slope) { return slope < 0.0 ? -1 : 1; }

// Weighted regression of value on t, weights 1/se². Fills slope and chi2 from
// all points and returns whether all six slopes share a sign.
bool WeightedRegression(const std::vector<UsedPoint>& used, TrendResult& result) {
  int sign_sum = 0;
  for (int left_out = 0; left_out <= kTrendPoints; ++left_out) {
    double s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
    for (const UsedPoint& entry : used) {
      if (left_out != 0 && entry.t == left_out) continue;
      const TrendPoint& point = *entry.point;
      double se = (point.ci95->upper - point.ci95->lower) / kCiWidthPerStandardError;
      double divisor = std::pow(se, 2.0);
      s1 += 1.0 / divisor;
      s2 += (*point.value * entry.t) / divisor;
      s3 += entry.t / divisor;
      s4 += *point.value / divisor;
      s5 += std::pow(entry.t, 2.0) / divisor;
    }
    double slope = ((s1 * s2) - (s3 * s4)) / ((s1 * s5) - std::pow(s3, 2.0));
    sign_sum += SlopeSign(slope);
    if (left_out == 0) {
      result.slope = slope;
      double standard_error = std::sqrt(s1 / ((s1 * s5) - std::pow(s3, 2.0)));
      result.chi2 = std::pow(slope / standard_error, 2.0);
    }
  }
  return std::abs(sign_sum) == kTrendPoints + 1;
}

// Cochran-Armitage χ² for trend in proportions, and unweighted OLS slopes of
// logit(count/denominator) on t for the outlier check and the direction.
bool ProportionTrend(const std::vector<UsedPoint>& used, TrendResult& result) {
  double denominators = 0, count_t = 0, counts = 0, denominator_t = 0, denominator_t2 = 0;
  for (const UsedPoint& entry : used) {
    double count = *entry.point->count;
    double denominator = *entry.point->denominator;
    denominators += denominator;
    count_t += count * entry.t;
    counts += count;
    denominator_t += denominator * entry.t;
    denominator_t2 += denominator * std::pow(entry.t, 2.0);
  }
  // Sums exceed 2³¹ for national denominators: all in double.
  double numerator =
      denominators * std::pow((denominators * count_t) - (counts * denominator_t), 2.0);
  double divisor = counts * (denominators - counts) *
                   ((denominators * denominator_t2) - std::pow(denominator_t, 2.0));
  result.chi2 = numerator / divisor;

  int sign_sum = 0;
  for (int left_out = 0; left_out <= kTrendPoints; ++left_out) {
    double n = 0, sum_y = 0, sum_yt = 0, sum_t = 0, sum_t2 = 0;
    for (const UsedPoint& entry : used) {
      if (left_out != 0 && entry.t == left_out) continue;
      double count = *entry.point->count;
      double logit = std::log(count / (*entry.point->denominator - count));
      n += 1.0;
      sum_y += logit;
      sum_yt += logit * entry.t;
      sum_t += entry.t;
      sum_t2 += entry.t * entry.t;
    }
    double slope = (n * sum_yt - sum_y * sum_t) / (n * sum_t2 - sum_t * sum_t);
    sign_sum += SlopeSign(slope);
    if (left_out == 0) result.slope = slope;
  }
  return std::abs(sign_sum) == kTrendPoints + 1;
}

}  // namespace

TrendResult RecentTrend(std::span<const TrendPoint> points, const TrendOptions& options) {
  if (options.value_type == TrendValueType::kOther) {
    return CannotBeCalculated("The recent trend cannot be calculated for this value type");
  }
  if (options.year_range != 1) {
    return CannotBeCalculated("The recent trend cannot be calculated for this year range");
  }
  if (points.empty()) return CannotBeCalculated("No data points found");
  if (points.size() < static_cast<size_t>(kTrendPoints)) {
    return CannotBeCalculated("Not enough data points to calculate recent trend");
  }
  // Valid points, newest first.
  std::vector<const TrendPoint*> valid;
  for (auto it = points.rbegin(); it != points.rend(); ++it) {
    if (IsValidPoint(*it)) {
      valid.push_back(&*it);
    } else if (options.valid_run == TrendValidRun::kUnbrokenFromLatest) {
      break;
    }
  }
  if (valid.size() < static_cast<size_t>(kTrendPoints)) {
    return CannotBeCalculated("Not enough data points with valid values to calculate recent trend");
  }
  for (const TrendPoint* point : valid) {
    // Would divide by zero in the logit and the Cochran-Armitage statistic.
    if (*point->count == *point->denominator) {
      return CannotBeCalculated("The recent trend cannot be calculated");
    }
  }
  // The 5 most recent valid points that have a 95% CI, renumbered oldest = 1.
  std::vector<const TrendPoint*> with_ci;
  for (const TrendPoint* point : valid) {
    if (with_ci.size() == static_cast<size_t>(kTrendPoints)) break;
    if (point->ci95 && std::isfinite(point->ci95->lower) && std::isfinite(point->ci95->upper)) {
      with_ci.push_back(point);
    }
  }
  std::vector<UsedPoint> used;
  for (auto it = with_ci.rbegin(); it != with_ci.rend(); ++it) {
    used.push_back({static_cast<double>(used.size() + 1), *it});
  }

  TrendResult result;
  result.points_used = static_cast<int>(used.size());
  result.no_outliers = options.spc_for_proportions ? ProportionTrend(used, result)
                                                   : WeightedRegression(used, result);
  result.significant = result.no_outliers && result.chi2 > kTrendChiSquaredThreshold;
  result.marker = TrendMarker::kNoSignificantChange;
  if (result.significant) {
    if (result.slope > 0.0) result.marker = TrendMarker::kIncreasing;
    if (result.slope < 0.0) result.marker = TrendMarker::kDecreasing;
  }
  return result;
}

std::string_view TrendMarkerName(TrendMarker marker) {
  switch (marker) {
    case TrendMarker::kCannotBeCalculated:
      return "Cannot be calculated";
    case TrendMarker::kNoSignificantChange:
      return "No significant change";
    case TrendMarker::kIncreasing:
      return "Increasing";
    case TrendMarker::kDecreasing:
      return "Decreasing";
  }
  return "Unknown";
}

std::string TrendWording(TrendMarker marker, Polarity polarity) {
  std::string name(TrendMarkerName(marker));
  bool moving = marker == TrendMarker::kIncreasing || marker == TrendMarker::kDecreasing;
  if (!moving) return name;
  if (polarity == Polarity::kLowIsGood) {
    return name +
           (marker == TrendMarker::kIncreasing ? " and getting worse" : " and getting better");
  }
  if (polarity == Polarity::kHighIsGood) {
    return name +
           (marker == TrendMarker::kIncreasing ? " and getting better" : " and getting worse");
  }
  return name;
}

}  // namespace cradle::stats
