// Confidence intervals for an observed count of events treated as Poisson:
// exact (chi-squared) limits, Byar's approximation, and PHE's rule for
// choosing between them. These are the building blocks of crude rates (rate.h),
// indirect standardisation (isr.h) and Dobson's DSR interval (dsr.h).
//
// References: Breslow NE, Day NE. Statistical methods in cancer research,
// volume II. Lyon: IARC; 1987 (Byar's method). Armitage P, Berry G. Statistical
// methods in medical research. 4th edn; 2002 (exact limits). PHE Technical
// Guide - Confidence Intervals (2018); METHODS.md §2.
#pragma once

#include "base/result.h"
#include "stats/estimate.h"

namespace cradle::stats {

// Counts below this use exact limits; from it up, Byar's (PHEindicatormethods
// R/Rates.R, R/ISRatio.R, R/ISRate.R). The test is `count < 10`, never `<=`.
inline constexpr double kByarMinimumCount = 10.0;

// Exact Poisson limits for `count` events: lower = χ²_{α/2}(2O)/2 and upper =
// χ²_{1-α/2}(2O+2)/2, computed as inverse incomplete gamma functions. A count
// of 0 gives lower 0 and upper -ln(α/2) (3.688879454113936 at 95%). At
// confidence 1 the interval is [0, +inf). Non-integer counts are accepted.
// Returns InvalidArgument for a negative or non-finite count ("observed events
// must all be greater than or equal to zero") or a bad confidence (see
// NormaliseConfidence).
Result<Interval> ExactPoissonInterval(double count, double confidence);

// Byar's approximation: lower = O(1 - 1/(9O) - z/(3√O))³ and upper =
// (O+1)(1 - 1/(9(O+1)) + z/(3√(O+1)))³. PHEindicatormethods turns the NaN at
// O = 0 and a negative lower limit (O = 1 at 99.8%) into NA; here both are
// InvalidArgument, so a caller cannot mistake them for a limit. At confidence 1
// the interval is [0, +inf). Returns InvalidArgument also for a negative count
// or a bad confidence.
Result<Interval> ByarInterval(double count, double confidence);

// Byar's upper limit alone, which (unlike the lower) is defined at 0 events:
// 3.668 at 95% (PHEindicatormethods byars_upper). Errors as ByarInterval
// except that a count of 0 is accepted; +inf at confidence 1.
Result<double> ByarUpperLimit(double count, double confidence);

// The interval PHE publishes for a count: exact when count < 10, Byar's from
// 10. The estimate's value is the count itself, its method kExact or kByar and
// its confidence the normalised level. Errors as ExactPoissonInterval.
Result<Estimate> PoissonCountInterval(double count, double confidence);

}  // namespace cradle::stats
