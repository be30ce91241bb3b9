#include "stats/spc_limits.h"

#include <cmath>
#include <string>
#include <vector>

namespace cradle::stats {
namespace {

// R's mean() of a numeric vector: a long double sum divided by n, then the
// mean residual added back, so that e.g. the mean of 10, 12, 10, 12 is
// exactly 11 and a value on the centre line compares equal to it.
// REQUIRES: !values.empty().
double RMean(const std::vector<double>& values) {
  long double sum = 0;
  for (double value : values) sum += value;
  const long double count = static_cast<long double>(values.size());
  long double mean = sum / count;
  long double residual = 0;
  for (double value : values) residual += static_cast<long double>(value) - mean;
  mean += residual / count;
  return static_cast<double>(mean);
}

}  // namespace

Result<XmrLimits> ComputeXmrLimits(std::span<const double> baseline, bool screen_outliers) {
  std::vector<double> present;
  std::vector<double> ranges;
  present.reserve(baseline.size());
  ranges.reserve(baseline.size());
  for (size_t idx = 0; idx < baseline.size(); ++idx) {
    double value = baseline[idx];
    if (std::isinf(value)) {
      return Status::InvalidArgument(
          "XmR values must be finite or NaN for missing; baseline value " + std::to_string(idx) +
          " is infinite");
    }
    if (std::isnan(value)) continue;
    present.push_back(value);
    if (idx > 0 && !std::isnan(baseline[idx - 1])) {
      ranges.push_back(std::fabs(value - baseline[idx - 1]));
    }
  }
  if (ranges.empty()) {
    return Status::InvalidArgument(
        "XmR limits need at least one moving range: two consecutive values; the baseline has "
        "none");
  }

  XmrLimits limits;
  limits.mean = RMean(present);
  limits.baseline_values = static_cast<int>(present.size());
  double average = RMean(ranges);
  if (screen_outliers && average > 0) {
    const double threshold = kMovingRangeOutlierFactor * average;
    std::vector<double> kept;
    kept.reserve(ranges.size());
    for (double range : ranges) {
      if (range < threshold) kept.push_back(range);
    }
    // Some range is at most the average, which is below the threshold.
    limits.moving_ranges_screened_out = static_cast<int>(ranges.size() - kept.size());
    ranges = std::move(kept);
    average = RMean(ranges);
  }
  limits.moving_ranges_used = static_cast<int>(ranges.size());
  limits.average_moving_range = average;

  const double near_factor = 2 * (kXmrLimitFactor / 3);  // the package's order of operations
  limits.lower_process_limit = limits.mean - kXmrLimitFactor * average;
  limits.upper_process_limit = limits.mean + kXmrLimitFactor * average;
  limits.lower_near_limit = limits.mean - near_factor * average;
  limits.upper_near_limit = limits.mean + near_factor * average;
  return limits;
}

}  // namespace cradle::stats
