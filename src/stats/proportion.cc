#include "stats/proportion.h"

#include <cmath>

#include "stats/confidence.h"
#include "stats/internal/format.h"

namespace cradle::stats {
namespace {

// phe_proportion's checks, in its order; absent values are skipped (NA).
Status CheckCounts(std::optional<double> numerator, std::optional<double> denominator) {
  if (numerator && !(*numerator >= 0.0)) {
    return Status::InvalidArgument("numerators must be greater than or equal to zero");
  }
  if (denominator && !(*denominator > 0.0)) {
    return Status::InvalidArgument("denominators must be greater than zero");
  }
  if (numerator && denominator && *numerator > *denominator) {
    return Status::InvalidArgument(
        "numerators must be less than or equal to denominator for a proportion statistic");
  }
  return Status::Ok();
}

Status CheckMultiplier(double multiplier) {
  if (!(multiplier > 0.0) || !std::isfinite(multiplier)) {
    return Status::InvalidArgument("multiplier must be greater than 0");
  }
  return Status::Ok();
}

}  // namespace

Result<Interval> WilsonInterval(double numerator, double denominator, double confidence) {
  if (std::isnan(numerator)) return Status::InvalidArgument("numerators must not be missing");
  if (std::isnan(denominator)) return Status::InvalidArgument("denominators must not be missing");
  CRADLE_RETURN_IF_ERROR(CheckCounts(numerator, denominator));
  Result<double> level = NormaliseConfidence(confidence);
  if (!level.ok()) return level.status();
  if (*level >= 1.0) return Interval{0.0, 1.0};
  double z = ZForConfidence(*level);
  double x = numerator;
  double n = denominator;
  // Same operation order as PHEindicatormethods wilson_lower/wilson_upper.
  double root = z * std::sqrt(z * z + 4.0 * x * (1.0 - (x / n)));
  Interval ci;
  ci.lower = (2.0 * x + z * z - root) / 2.0 / (n + z * z);
  ci.upper = (2.0 * x + z * z + root) / 2.0 / (n + z * z);
  // At the edges the formula is exact in real arithmetic; pin the rounding.
  if (x == 0.0) ci.lower = 0.0;
  if (x == n) ci.upper = 1.0;
  return ci;
}

Result<Estimate> WilsonProportion(double numerator, double denominator, double multiplier,
                                  double confidence) {
  CRADLE_RETURN_IF_ERROR(CheckMultiplier(multiplier));
  Result<Interval> ci = WilsonInterval(numerator, denominator, confidence);
  if (!ci.ok()) return ci.status();
  Estimate estimate;
  estimate.value = numerator / denominator * multiplier;
  estimate.ci.lower = ci->lower * multiplier;
  estimate.ci.upper = ci->upper * multiplier;
  estimate.method = CiMethod::kWilson;
  estimate.confidence = *NormaliseConfidence(confidence);
  return estimate;
}

Result<std::optional<Estimate>> WilsonProportionIfPresent(std::optional<double> numerator,
                                                          std::optional<double> denominator,
                                                          double multiplier, double confidence) {
  CRADLE_RETURN_IF_ERROR(CheckCounts(numerator, denominator));
  Result<double> level = NormaliseConfidence(confidence);
  if (!level.ok()) return level.status();
  CRADLE_RETURN_IF_ERROR(CheckMultiplier(multiplier));
  if (!numerator || !denominator) return std::optional<Estimate>();
  Result<Estimate> estimate = WilsonProportion(*numerator, *denominator, multiplier, confidence);
  if (!estimate.ok()) return estimate.status();
  return std::optional<Estimate>(*estimate);
}

Result<double> ProportionValue(double numerator, double denominator, double multiplier) {
  if (std::isnan(numerator)) return Status::InvalidArgument("numerators must not be missing");
  if (std::isnan(denominator)) return Status::InvalidArgument("denominators must not be missing");
  CRADLE_RETURN_IF_ERROR(CheckCounts(numerator, denominator));
  CRADLE_RETURN_IF_ERROR(CheckMultiplier(multiplier));
  return numerator / denominator * multiplier;
}

std::string ProportionStatistic(double multiplier) {
  if (multiplier == 100.0) return "percentage";
  return "proportion of " + internal::FormatNumber(multiplier);
}

}  // namespace cradle::stats
