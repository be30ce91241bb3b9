#include "stats/rate_ratio.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stats/confidence.h"
#include "stats/internal/distributions.h"

namespace cradle::stats {
namespace {

Status CheckInputs(double events1, double denominator1, double events2, double denominator2) {
  if (!(events1 >= 0.0) || !(events2 >= 0.0) || !std::isfinite(events1) ||
      !std::isfinite(events2)) {
    return Status::InvalidArgument("numerators must be greater than or equal to zero");
  }
  if (!(denominator1 > 0.0) || !(denominator2 > 0.0) || !std::isfinite(denominator1) ||
      !std::isfinite(denominator2)) {
    return Status::InvalidArgument("denominators must be greater than zero");
  }
  return Status::Ok();
}

// The ratio (O₁/N₁)/(O₂/N₂) with limits exp(ln ratio ± z√variance), for the
// log methods of both rates and risks. REQUIRES inputs already checked.
Result<Estimate> LogInterval(double events1, double denominator1, double events2,
                             double denominator2, double variance, double confidence) {
  Result<double> level = NormaliseConfidence(confidence);
  if (!level.ok()) return level.status();
  if (events1 == 0.0 || events2 == 0.0) {
    return Status::InvalidArgument("the log method needs at least one event in each group");
  }
  Estimate estimate;
  estimate.value = events1 / denominator1 / (events2 / denominator2);
  estimate.method = CiMethod::kLogNormal;
  estimate.confidence = *level;
  double spread = ZForConfidence(*level) * std::sqrt(std::max(variance, 0.0));
  estimate.ci.lower = std::exp(std::log(estimate.value) - spread);
  estimate.ci.upper = std::exp(std::log(estimate.value) + spread);
  return estimate;
}

}  // namespace

Result<Estimate> RateRatioLog(double events1, double denominator1, double events2,
                              double denominator2, double confidence) {
  CRADLE_RETURN_IF_ERROR(CheckInputs(events1, denominator1, events2, denominator2));
  return LogInterval(events1, denominator1, events2, denominator2, 1.0 / events1 + 1.0 / events2,
                     confidence);
}

Result<Estimate> RiskRatioLog(double events1, double denominator1, double events2,
                              double denominator2, double confidence) {
  CRADLE_RETURN_IF_ERROR(CheckInputs(events1, denominator1, events2, denominator2));
  if (events1 > denominator1 || events2 > denominator2) {
    return Status::InvalidArgument(
        "numerators must be less than or equal to denominator for a proportion statistic");
  }
  return LogInterval(events1, denominator1, events2, denominator2,
                     1.0 / events1 - 1.0 / denominator1 + 1.0 / events2 - 1.0 / denominator2,
                     confidence);
}

Result<Estimate> RateRatioExactConditional(double events1, double denominator1, double events2,
                                           double denominator2, double confidence) {
  CRADLE_RETURN_IF_ERROR(CheckInputs(events1, denominator1, events2, denominator2));
  Result<double> level = NormaliseConfidence(confidence);
  if (!level.ok()) return level.status();
  if (events2 == 0.0) {
    return Status::InvalidArgument("the comparison group must have at least one event");
  }
  double half_alpha = (1.0 - *level) / 2.0;
  // Clopper-Pearson limits for p = O1/(O1+O2); p = 0 or 1 at the edges.
  double p_lower = 0.0;
  double p_upper = 1.0;
  if (half_alpha > 0.0) {
    if (events1 > 0.0) p_lower = internal::BetaInverse(events1, events2 + 1.0, half_alpha);
    p_upper = internal::BetaComplementInverse(events1 + 1.0, events2, half_alpha);
  }
  double denominators = denominator2 / denominator1;
  auto to_ratio = [denominators](double p) {
    return p >= 1.0 ? std::numeric_limits<double>::infinity() : p / (1.0 - p) * denominators;
  };
  Estimate estimate;
  estimate.value = events1 / denominator1 / (events2 / denominator2);
  estimate.ci.lower = to_ratio(p_lower);
  estimate.ci.upper = to_ratio(p_upper);
  estimate.method = CiMethod::kExactConditional;
  estimate.confidence = *level;
  return estimate;
}

}  // namespace cradle::stats
