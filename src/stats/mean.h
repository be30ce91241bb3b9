// Means with a Student's t interval: x̄ ± |t_{(1-c)/2, k-1}| · s/√k, where s
// is the sample standard deviation with k - 1 in the denominator
// (PHEindicatormethods phe_mean; METHODS.md §7).
//
// Reference: Student. The probable error of a mean. Biometrika 1908;6:1-25.
#pragma once

#include <span>

#include "base/result.h"
#include "stats/estimate.h"

namespace cradle::stats {

struct MeanSummary {
  double count = 0;               // k
  double sum = 0;                 // Σx
  double standard_deviation = 0;  // s, with k - 1 degrees of freedom
};

// Count, sum and sample standard deviation of `values` (two-pass, so large
// values keep their precision). Returns InvalidArgument if fewer than two
// values are given ("a t-interval needs at least two values") or any is NaN
// or infinite ("values must not be missing").
Result<MeanSummary> SummariseValues(std::span<const double> values);

// The mean sum/count with its t interval at `confidence`; method kStudentT.
// Returns InvalidArgument for count < 2, a negative or non-finite standard
// deviation, or a bad confidence.
Result<Estimate> StudentTMean(const MeanSummary& summary, double confidence);

// SummariseValues then StudentTMean.
Result<Estimate> StudentTMean(std::span<const double> values, double confidence);

}  // namespace cradle::stats
