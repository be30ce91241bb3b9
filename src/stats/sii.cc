#include "stats/sii.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace cradle::stats {
namespace {

constexpr size_t kMinimumQuantiles = 5;
constexpr size_t kMaximumQuantiles = 100;

double Transform(double value, SiiValueType type) {
  if (type == SiiValueType::kRate) return std::log(value);
  return std::log(value / (1.0 - value));
}

double InverseTransform(double value, SiiValueType type) {
  if (type == SiiValueType::kRate) return std::exp(value);
  return std::exp(value) / (1.0 + std::exp(value));
}

Status CheckInputs(std::span<const SiiQuantile> quantiles, SiiValueType value_type, bool transform,
                   double multiplier) {
  if (quantiles.size() < kMinimumQuantiles || quantiles.size() > kMaximumQuantiles) {
    return Status::InvalidArgument("Number of quantiles must be between 5 and 100");
  }
  for (const SiiQuantile& entry : quantiles) {
    if (!(entry.population > 0.0) || !std::isfinite(entry.population)) {
      return Status::InvalidArgument("some groups have a zero, negative or missing population");
    }
    if (!std::isfinite(entry.value)) return Status::InvalidArgument("values must not be missing");
    if (value_type == SiiValueType::kProportion && !(entry.value >= 0.0 && entry.value <= 1.0)) {
      return Status::InvalidArgument("value proportions are not all between 0 and 1");
    }
    if (transform && value_type == SiiValueType::kRate && !(entry.value > 0.0)) {
      return Status::InvalidArgument("rates must be greater than zero for a log transform");
    }
    if (transform && value_type == SiiValueType::kProportion &&
        !(entry.value > 0.0 && entry.value < 1.0)) {
      return Status::InvalidArgument(
          "proportions must be strictly between 0 and 1 for a logit transform");
    }
  }
  if (transform && value_type == SiiValueType::kOther) {
    return Status::InvalidArgument("transform needs value_type 1 (rate) or 2 (proportion)");
  }
  if (multiplier == 0.0 || !std::isfinite(multiplier)) {
    return Status::InvalidArgument("multiplier must be a non-zero number");
  }
  return Status::Ok();
}

}  // namespace

Result<SiiEstimate> SiiPointEstimate(std::span<const SiiQuantile> quantiles,
                                     SiiValueType value_type, bool transform, double multiplier) {
  CRADLE_RETURN_IF_ERROR(CheckInputs(quantiles, value_type, transform, multiplier));
  std::vector<SiiQuantile> sorted(quantiles.begin(), quantiles.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const SiiQuantile& a, const SiiQuantile& b) { return a.quantile < b.quantile; });
  for (size_t idx = 1; idx < sorted.size(); ++idx) {
    if (sorted[idx].quantile == sorted[idx - 1].quantile) {
      return Status::InvalidArgument("quantile " + std::to_string(sorted[idx].quantile) +
                                     " appears more than once");
    }
  }
  double total_population = 0;
  for (const SiiQuantile& entry : sorted) total_population += entry.population;

  // Weighted means of b and y with weights a (which sum to 1), then the
  // centred weighted least squares slope: better conditioned than the normal
  // equations, and the same line as PHEindicatormethods' lm().
  std::vector<double> share(sorted.size()), midpoint(sorted.size()), y(sorted.size());
  double cumulative = 0;
  for (size_t idx = 0; idx < sorted.size(); ++idx) {
    share[idx] = sorted[idx].population / total_population;
    midpoint[idx] = cumulative + share[idx] / 2.0;
    cumulative += share[idx];
    y[idx] = transform ? Transform(sorted[idx].value, value_type) : sorted[idx].value;
  }
  double weight_sum = 0, mean_b = 0, mean_y = 0;
  for (size_t idx = 0; idx < sorted.size(); ++idx) {
    weight_sum += share[idx];
    mean_b += share[idx] * midpoint[idx];
    mean_y += share[idx] * y[idx];
  }
  mean_b /= weight_sum;
  mean_y /= weight_sum;
  double sxy = 0, sxx = 0;
  for (size_t idx = 0; idx < sorted.size(); ++idx) {
    sxy += share[idx] * (midpoint[idx] - mean_b) * (y[idx] - mean_y);
    sxx += share[idx] * (midpoint[idx] - mean_b) * (midpoint[idx] - mean_b);
  }
  double slope = sxy / sxx;
  double intercept = mean_y - slope * mean_b;

  SiiEstimate estimate;
  if (transform) {
    double most_deprived = InverseTransform(intercept, value_type);           // b = 0
    double least_deprived = InverseTransform(intercept + slope, value_type);  // b = 1
    estimate.sii = (least_deprived - most_deprived) * multiplier;
    estimate.rii = least_deprived / most_deprived;
    estimate.intercept = most_deprived * std::fabs(multiplier);
  } else {
    estimate.sii = multiplier * slope;
    estimate.rii = (intercept + slope) / intercept;
    estimate.intercept = intercept;
  }
  // A negative multiplier flips the indicator's direction, so the RII inverts.
  if (multiplier < 0.0) estimate.rii = 1.0 / estimate.rii;
  return estimate;
}

}  // namespace cradle::stats
