#include "stats/funnel_significance.h"

#include <cmath>

#include "stats/internal/conventions.h"
#include "stats/internal/distributions.h"
#include "stats/poisson_interval.h"

namespace cradle::stats {
namespace {

using internal::kQuantile2s;
using internal::kQuantile3s;

// The two levels, tested in this order, as PHEindicatormethods passes them.
constexpr double kLevel3s = 0.998;
constexpr double kLevel2s = 0.95;
constexpr double kDsrMinimumEvents = 10.0;

enum class Side { kLow, kHigh };

// PHEindicatormethods funnel_ratio_significance: one limit of the observed
// count's interval at `level`, divided by `expected`.
double CountLimitOverExpected(double observed, double expected, double level, Side side) {
  double quantile = 0.5 + level / 2.0;
  double limit = 0;
  if (observed == 0.0 && side == Side::kLow) {
    limit = 0.0;
  } else if (observed < kByarMinimumCount) {
    // Exact: χ²(2O) upper tail for the lower limit, χ²(2O+2) for the upper.
    limit = side == Side::kLow ? internal::GammaQInverse(observed, quantile)
                               : internal::GammaPInverse(observed + 1.0, quantile);
  } else {
    double z = internal::NormalQuantile(quantile);
    if (side == Side::kLow) {
      limit =
          observed * std::pow(1.0 - 1.0 / (9.0 * observed) - z / 3.0 / std::sqrt(observed), 3.0);
    } else {
      double next = observed + 1.0;
      limit = next * std::pow(1.0 - 1.0 / (9.0 * next) + z / 3.0 / std::sqrt(next), 3.0);
    }
  }
  return limit / expected;
}

// The ratio/rate decision: `average` against the record's interval.
FunnelSignificance CountBand(double observed, double expected, double average) {
  if (average < CountLimitOverExpected(observed, expected, kLevel3s, Side::kLow)) {
    return FunnelSignificance::kHigh001;
  }
  if (average < CountLimitOverExpected(observed, expected, kLevel2s, Side::kLow)) {
    return FunnelSignificance::kHigh025;
  }
  if (average > CountLimitOverExpected(observed, expected, kLevel3s, Side::kHigh)) {
    return FunnelSignificance::kLow001;
  }
  if (average > CountLimitOverExpected(observed, expected, kLevel2s, Side::kHigh)) {
    return FunnelSignificance::kLow025;
  }
  return FunnelSignificance::kNotSignificant;
}

Status CheckProportionRecord(double numerator, double denominator) {
  if (!(numerator >= 0.0)) {
    return Status::InvalidArgument("numerators must be greater than or equal to zero");
  }
  if (!(denominator > 0.0) || !std::isfinite(denominator)) {
    return Status::InvalidArgument("denominators must be greater than zero");
  }
  if (numerator > denominator) {
    return Status::InvalidArgument(
        "numerators must be less than or equal to denominator for a proportion statistic");
  }
  return Status::Ok();
}

}  // namespace

std::string_view FunnelSignificanceName(FunnelSignificance significance) {
  switch (significance) {
    case FunnelSignificance::kHigh001:
      return "High (0.001)";
    case FunnelSignificance::kHigh025:
      return "High (0.025)";
    case FunnelSignificance::kLow001:
      return "Low (0.001)";
    case FunnelSignificance::kLow025:
      return "Low (0.025)";
    case FunnelSignificance::kNotSignificant:
      return "Not significant";
    case FunnelSignificance::kNotApplicable:
      return "Not applicable for events less than 10 for dsrs";
  }
  return "Unknown";
}

Result<double> FunnelProportionAverage(std::span<const FunnelCount> records) {
  if (records.empty()) return Status::InvalidArgument("a funnel needs at least one record");
  double numerators = 0;
  double denominators = 0;
  for (const FunnelCount& record : records) {
    CRADLE_RETURN_IF_ERROR(CheckProportionRecord(record.numerator, record.denominator));
    numerators += record.numerator;
    denominators += record.denominator;
  }
  return numerators / denominators;
}

Result<FunnelSignificance> ProportionFunnelSignificance(double numerator, double denominator,
                                                        double average_proportion) {
  CRADLE_RETURN_IF_ERROR(CheckProportionRecord(numerator, denominator));
  if (!(average_proportion >= 0.0 && average_proportion <= 1.0)) {
    return Status::InvalidArgument("the average proportion must be between 0 and 1");
  }
  double proportion = numerator / denominator;
  double spread = std::sqrt(average_proportion * (1.0 - average_proportion) / denominator);
  double z3 = internal::NormalQuantile(kQuantile3s);
  double z2 = internal::NormalQuantile(kQuantile2s);
  if (proportion < average_proportion - z3 * spread) return FunnelSignificance::kLow001;
  if (proportion < average_proportion - z2 * spread) return FunnelSignificance::kLow025;
  if (proportion > average_proportion + z3 * spread) return FunnelSignificance::kHigh001;
  if (proportion > average_proportion + z2 * spread) return FunnelSignificance::kHigh025;
  return FunnelSignificance::kNotSignificant;
}

Result<FunnelSignificance> RatioFunnelSignificance(double observed, double expected) {
  if (!(observed >= 0.0) || !std::isfinite(observed)) {
    return Status::InvalidArgument("numerators must be greater than or equal to zero");
  }
  if (!(expected > 0.0) || !std::isfinite(expected)) {
    return Status::InvalidArgument("denominators must be greater than zero");
  }
  return CountBand(observed, expected, 1.0);
}

Result<std::optional<double>> FunnelDerivedDenominator(const FunnelRateRecord& record,
                                                       FunnelRateType type, double multiplier) {
  if (!(record.events >= 0.0) || !std::isfinite(record.events)) {
    return Status::InvalidArgument("numerators must be greater than or equal to zero");
  }
  if (record.denominator && !(*record.denominator > 0.0)) {
    return Status::InvalidArgument("denominators must be greater than zero");
  }
  if (!(multiplier > 0.0) || !std::isfinite(multiplier)) {
    return Status::InvalidArgument("multiplier must be greater than 0");
  }
  if (record.events == 0.0) {
    if (type == FunnelRateType::kDsr) return std::optional<double>();
    if (!record.denominator) {
      return Status::InvalidArgument(
          "for rates, where there are 0 events for a record, the denominator field needs to be "
          "provided using the denominator argument");
    }
    return std::optional<double>(*record.denominator);
  }
  if (!record.rate || !(*record.rate > 0.0) || !std::isfinite(*record.rate)) {
    return Status::InvalidArgument("rates must be greater than zero where there are events");
  }
  return std::optional<double>(record.events / *record.rate * multiplier);
}

Result<double> FunnelRateAverage(std::span<const FunnelRateRecord> records, FunnelRateType type,
                                 double multiplier) {
  if (records.empty()) return Status::InvalidArgument("a funnel needs at least one record");
  double events = 0;
  double denominators = 0;
  for (const FunnelRateRecord& record : records) {
    Result<std::optional<double>> denominator = FunnelDerivedDenominator(record, type, multiplier);
    if (!denominator.ok()) return denominator.status();
    events += record.events;
    if (*denominator) denominators += **denominator;
  }
  if (!(denominators > 0.0)) {
    return Status::InvalidArgument("the derived denominators must not sum to zero");
  }
  return events / denominators;
}

Result<FunnelSignificance> RateFunnelSignificance(const FunnelRateRecord& record,
                                                  FunnelRateType type, double multiplier,
                                                  double weighted_average) {
  Result<std::optional<double>> denominator = FunnelDerivedDenominator(record, type, multiplier);
  if (!denominator.ok()) return denominator.status();
  if (!(weighted_average >= 0.0) || !std::isfinite(weighted_average)) {
    return Status::InvalidArgument("the weighted average rate must be a non-negative number");
  }
  // The package computes the band and then overrides it for small DSRs.
  if (type == FunnelRateType::kDsr && record.events < kDsrMinimumEvents) {
    return FunnelSignificance::kNotApplicable;
  }
  return CountBand(record.events, **denominator, weighted_average);
}

}  // namespace cradle::stats
