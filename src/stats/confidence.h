// Confidence levels as PHEindicatormethods accepts them (0.9-1 or 90-100,
// normalised to a proportion) and the two-sided normal deviate for a level.
// Every function in stats/ that takes a confidence normalises it here, so the
// accepted range and its error message are the same everywhere.
#pragma once

#include <span>
#include <vector>

#include "base/result.h"

namespace cradle::stats {

// The two levels Fingertips publishes: 95% and 99.8% ("2 and 3 sigma").
inline constexpr double kConfidence95 = 0.95;
inline constexpr double kConfidence998 = 0.998;

// Returns `confidence` as a proportion: values >= 90 are divided by 100, so
// 95 -> 0.95 and 0.95 -> 0.95. Returns InvalidArgument "confidence level must
// be between 90 and 100 or between 0.9 and 1" if it is below 0.9, between 1
// and 90, above 100 or NaN (PHEindicatormethods' rule and message).
Result<double> NormaliseConfidence(double confidence);

// Normalises a request for one or two levels, as PHEindicatormethods does:
// one level as NormaliseConfidence; two only as exactly {0.95, 0.998} in that
// order ("two confidence levels can only be produced if they are specified as
// 0.95 and 0.998"); more than two is "a maximum of two confidence levels can
// be provided"; none is InvalidArgument too.
Result<std::vector<double>> NormaliseConfidenceLevels(std::span<const double> levels);

// The two-sided standard normal deviate z = Φ⁻¹(c + (1 - c)/2), computed the
// way R's qnorm is called in PHEindicatormethods so values agree to the last
// digits: 0.95 -> 1.959963984540054, 0.998 -> 3.090232306167813; 1 -> +inf.
// REQUIRES: `confidence` is normalised (0 < confidence <= 1).
double ZForConfidence(double confidence);

}  // namespace cradle::stats
