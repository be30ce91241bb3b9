#include "stats/rate.h"

#include <cmath>

#include "stats/confidence.h"
#include "stats/internal/format.h"
#include "stats/poisson_interval.h"

namespace cradle::stats {
namespace {

// Checks in phe_rate's order: numerator, denominator, then confidence.
Status CheckPresentInputs(std::optional<double> events, std::optional<double> denominator,
                          double multiplier, double confidence) {
  if (events && !(*events >= 0.0)) {
    return Status::InvalidArgument("numerators must be greater than or equal to zero");
  }
  if (denominator && !(*denominator > 0.0)) {
    return Status::InvalidArgument("denominators must be greater than zero");
  }
  Result<double> level = NormaliseConfidence(confidence);
  if (!level.ok()) return level.status();
  if (!(multiplier > 0.0) || !std::isfinite(multiplier)) {
    return Status::InvalidArgument("multiplier must be greater than 0");
  }
  return Status::Ok();
}

}  // namespace

Result<Estimate> CrudeRate(double events, double denominator, double multiplier,
                           double confidence) {
  if (std::isnan(events)) return Status::InvalidArgument("numerators must not be missing");
  if (std::isnan(denominator)) return Status::InvalidArgument("denominators must not be missing");
  CRADLE_RETURN_IF_ERROR(CheckPresentInputs(events, denominator, multiplier, confidence));
  Result<Estimate> count = PoissonCountInterval(events, confidence);
  if (!count.ok()) return count.status();
  Estimate rate = *count;
  rate.value = events / denominator * multiplier;
  rate.ci.lower = count->ci.lower / denominator * multiplier;
  rate.ci.upper = count->ci.upper / denominator * multiplier;
  return rate;
}

Result<std::optional<Estimate>> CrudeRateIfPresent(std::optional<double> events,
                                                   std::optional<double> denominator,
                                                   double multiplier, double confidence) {
  CRADLE_RETURN_IF_ERROR(CheckPresentInputs(events, denominator, multiplier, confidence));
  if (!events || !denominator) return std::optional<Estimate>();
  Result<Estimate> rate = CrudeRate(*events, *denominator, multiplier, confidence);
  if (!rate.ok()) return rate.status();
  return std::optional<Estimate>(*rate);
}

std::string RateStatistic(double multiplier) {
  return "rate per " + internal::FormatNumber(multiplier);
}

}  // namespace cradle::stats
