// Constants and small conventions that several stats/ files share, each from
// the reference implementation it follows. Internal to stats/.
#pragma once

#include <cmath>
#include <optional>

namespace cradle::stats::internal {

// The normal quantiles of the two funnel levels, as PHEindicatormethods
// evaluates them: qnorm(0.975) and qnorm(0.999).
inline constexpr double kQuantile2s = 0.975;
inline constexpr double kQuantile3s = 0.999;

// fingertips-open stores a missing value as -1 (ValueData.NullValue).
inline constexpr double kFingertipsNullValue = -1.0;

// A missing (or NaN, R's NA_real_) count is 0, as PHEindicatormethods' na.zero.
inline double NaZero(std::optional<double> value) {
  return value && !std::isnan(*value) ? *value : 0.0;
}

}  // namespace cradle::stats::internal
