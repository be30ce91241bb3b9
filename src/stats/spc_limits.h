// The limits of an XmR (individuals and moving range) chart for one segment
// of a series, as NHS England's "Making Data Count" (MDC) and NHSRplotthedots
// v0.2.2 (R/ptd_spc_standard.R) compute them:
//
//   mean  = mean of the baseline values
//   MR_i  = |x_i - x_(i-1)| for consecutive baseline values
//   AMR   = mean of the moving ranges
//   process limits = mean ± 2.66 · AMR         (2.66 = 3 / d2, d2 = 1.128)
//   near limits    = mean ± (2/3) · 2.66 · AMR (the 2σ lines)
//
// Screening (on by default, as NHSRplotthedots; the MDC Excel tool does not
// screen): moving ranges >= 3.267 · AMR (3.267 = D4, the upper limit of the
// moving-range chart) are dropped and AMR is recomputed once from the rest.
// When AMR is 0 nothing is dropped (the package would drop every range and
// give no limits).
//
// A missing value (NaN) takes no part: it is left out of the mean, and the
// moving ranges on either side of it are missing too (a range is only formed
// between two consecutive present values, as R's diff() gives NA), so a gap
// is never bridged. Means are computed as R's mean() does (long double sum,
// then one correction pass) so values exactly on the mean stay on it.
//
// References: Wheeler DJ, Understanding Variation (1993); NHS England,
// "Making data count: strengthening your decisions" (2019); NHSRplotthedots
// vignettes/deviations.Rmd (screening).
#pragma once

#include <span>

#include "base/result.h"

namespace cradle::stats {

// 3 / d2 for subgroups of 2, as MDC and NHSRplotthedots round it.
inline constexpr double kXmrLimitFactor = 2.66;
// D4 for subgroups of 2: the screening threshold for moving ranges.
inline constexpr double kMovingRangeOutlierFactor = 3.267;

struct XmrLimits {
  double mean = 0;
  double average_moving_range = 0;
  double lower_process_limit = 0;
  double upper_process_limit = 0;
  double lower_near_limit = 0;  // mean - (2/3)·2.66·AMR
  double upper_near_limit = 0;  // mean + (2/3)·2.66·AMR
  int baseline_values = 0;      // present values the mean rests on
  int moving_ranges_used = 0;   // ranges in the final AMR
  int moving_ranges_screened_out = 0;
};

// The limits of `baseline` (the points the limits rest on, in order, NaN for
// missing). Returns InvalidArgument if a value is infinite, or if no two
// consecutive values are present, so that there is no moving range
// ("XmR limits need at least one moving range: two consecutive values; the
// baseline has none").
Result<XmrLimits> ComputeXmrLimits(std::span<const double> baseline, bool screen_outliers);

}  // namespace cradle::stats
