#include "stats/mean.h"

#include <cmath>
#include <limits>

#include "stats/confidence.h"
#include "stats/internal/distributions.h"

namespace cradle::stats {

Result<MeanSummary> SummariseValues(std::span<const double> values) {
  if (values.size() < 2) return Status::InvalidArgument("a t-interval needs at least two values");
  MeanSummary summary;
  for (double value : values) {
    if (!std::isfinite(value)) return Status::InvalidArgument("values must not be missing");
    summary.sum += value;
  }
  summary.count = static_cast<double>(values.size());
  double mean = summary.sum / summary.count;
  double squares = 0;
  for (double value : values) squares += (value - mean) * (value - mean);
  summary.standard_deviation = std::sqrt(squares / (summary.count - 1.0));
  return summary;
}

Result<Estimate> StudentTMean(const MeanSummary& summary, double confidence) {
  if (!(summary.count >= 2.0)) {
    return Status::InvalidArgument("a t-interval needs at least two values");
  }
  if (!(summary.standard_deviation >= 0.0) || !std::isfinite(summary.standard_deviation) ||
      !std::isfinite(summary.sum)) {
    return Status::InvalidArgument("the standard deviation must be a non-negative number");
  }
  Result<double> level = NormaliseConfidence(confidence);
  if (!level.ok()) return level.status();
  Estimate estimate;
  estimate.value = summary.sum / summary.count;
  estimate.method = CiMethod::kStudentT;
  estimate.confidence = *level;
  if (*level >= 1.0) {
    estimate.ci = {-std::numeric_limits<double>::infinity(),
                   std::numeric_limits<double>::infinity()};
    return estimate;
  }
  double t = std::fabs(internal::StudentTQuantile(summary.count - 1.0, (1.0 - *level) / 2.0));
  double half_width = t * summary.standard_deviation / std::sqrt(summary.count);
  estimate.ci.lower = estimate.value - half_width;
  estimate.ci.upper = estimate.value + half_width;
  return estimate;
}

Result<Estimate> StudentTMean(std::span<const double> values, double confidence) {
  Result<MeanSummary> summary = SummariseValues(values);
  if (!summary.ok()) return summary.status();
  return StudentTMean(*summary, confidence);
}

}  // namespace cradle::stats
