// Proportions with the Wilson score interval: numerator / denominator ×
// multiplier (1 for a proportion, 100 for a percentage), as
// PHEindicatormethods phe_proportion and the Fingertips guidance compute them
// (METHODS.md §4). Example use: % of pregnancies booked within 10 weeks.
//
// References: Wilson EB. Probable inference, the law of succession, and
// statistical inference. J Am Stat Assoc 1927;22:209-212. Newcombe RG, Altman
// DG. Proportions and their differences. In: Statistics with confidence, 2nd
// edn. BMJ Books; 2000. pp 46-48.
#pragma once

#include <optional>
#include <string>

#include "base/result.h"
#include "stats/estimate.h"

namespace cradle::stats {

// The Wilson score interval for `numerator` successes out of `denominator`,
// on the proportion scale: [2x + z² ∓ z√(z² + 4x(1 - x/n))] / [2(n + z²)].
// x = 0 gives lower exactly 0; x = n gives upper exactly 1; confidence 1 gives
// [0, 1] (hard-coded, as in PHEindicatormethods). Non-integer numerators are
// accepted. Returns InvalidArgument if numerator < 0 ("numerators must be
// greater than or equal to zero"), denominator <= 0 ("denominators must be
// greater than zero"), numerator > denominator ("numerators must be less than
// or equal to denominator for a proportion statistic"), or a bad confidence;
// NaN inputs are InvalidArgument too.
Result<Interval> WilsonInterval(double numerator, double denominator, double confidence);

// numerator/denominator × multiplier with the Wilson interval scaled the same
// way; method kWilson. Errors as WilsonInterval, plus multiplier <= 0
// ("multiplier must be greater than 0").
Result<Estimate> WilsonProportion(double numerator, double denominator, double multiplier,
                                  double confidence);

// WilsonProportion for data that may be missing: a missing numerator or
// denominator gives std::nullopt and no error (phe_proportion's NA rows).
// Values that are present are still validated.
Result<std::optional<Estimate>> WilsonProportionIfPresent(std::optional<double> numerator,
                                                          std::optional<double> denominator,
                                                          double multiplier, double confidence);

// The value alone, for phe_proportion's `confidence = NA` form: numerator /
// denominator × multiplier with the same validation as WilsonProportion
// except confidence.
Result<double> ProportionValue(double numerator, double denominator, double multiplier);

// PHEindicatormethods' `statistic` label: "percentage" when multiplier is 100,
// otherwise "proportion of <multiplier>" ("proportion of 1").
std::string ProportionStatistic(double multiplier);

}  // namespace cradle::stats
