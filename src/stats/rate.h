// Crude rates with PHE's count interval: events / denominator × multiplier,
// limits from the exact method below 10 events and Byar's from 10
// (PHEindicatormethods phe_rate; METHODS.md §3). Infant, neonatal and
// post-neonatal mortality are crude rates per 1,000 live births.
//
// There is no small-number suppression here: a rate is produced for any count,
// including 0. Publication rules belong to the caller.
//
// References: Breslow NE, Day NE (1987), Byar's method; Armitage P, Berry G
// (2002), exact limits; Fingertips technical guidance, Rates.
#pragma once

#include <optional>
#include <string>

#include "base/result.h"
#include "stats/estimate.h"

namespace cradle::stats {

// The rate events/denominator × multiplier with its interval at `confidence`
// (0.9-1 or 90-100): ExactPoissonInterval when events < 10, ByarInterval from
// 10, each limit scaled like the value. Events may exceed the denominator.
// Returns InvalidArgument, with PHEindicatormethods' messages, if events < 0
// ("numerators must be greater than or equal to zero"), denominator <= 0
// ("denominators must be greater than zero"), confidence is out of range, or
// multiplier <= 0 ("multiplier must be greater than 0"); also if an input is
// NaN (use CrudeRateIfPresent for data with missing values).
Result<Estimate> CrudeRate(double events, double denominator, double multiplier, double confidence);

// CrudeRate for data that may be missing, as phe_rate treats NA: a missing
// numerator or denominator gives no estimate (std::nullopt) and no error. Values
// that are present are still validated, so (-1, missing) is an error.
Result<std::optional<Estimate>> CrudeRateIfPresent(std::optional<double> events,
                                                   std::optional<double> denominator,
                                                   double multiplier, double confidence);

// PHEindicatormethods' `statistic` label: "rate per 1000".
std::string RateStatistic(double multiplier);

}  // namespace cradle::stats
