#include "stats/funnel.h"

#include <algorithm>
#include <cmath>

#include "base/strings.h"
#include "stats/internal/conventions.h"
#include "stats/internal/distributions.h"
#include "stats/internal/format.h"
#include "stats/poisson_bisection.h"

namespace cradle::stats {
namespace {

using internal::kQuantile2s;
using internal::kQuantile3s;

// One-sided tail probabilities of the two funnel levels, and the normal
// quantiles the package evaluates for them (qnorm(0.975), qnorm(0.999)).
constexpr double kTail2s = 0.025;
constexpr double kTail3s = 0.001;
// The package clamps upper limits at 100 whatever the multiplier.
constexpr double kUpperClamp = 100.0;

bool PositiveFinite(double value) { return value > 0.0 && std::isfinite(value); }

}  // namespace

Result<ProportionFunnelPoint> ProportionFunnelLimits(double average_proportion, double population,
                                                     double multiplier) {
  if (!(average_proportion >= 0.0 && average_proportion <= 1.0)) {
    return Status::InvalidArgument("the average proportion must be between 0 and 1");
  }
  if (!PositiveFinite(population)) {
    return Status::InvalidArgument("denominators must be greater than zero");
  }
  if (!PositiveFinite(multiplier)) {
    return Status::InvalidArgument("multiplier must be greater than 0");
  }
  double spread = std::sqrt(average_proportion * (1.0 - average_proportion) / population);
  double z2 = internal::NormalQuantile(kQuantile2s);
  double z3 = internal::NormalQuantile(kQuantile3s);
  ProportionFunnelPoint point;
  point.population = population;
  point.limits.lower_2s = std::max(0.0, (average_proportion - z2 * spread) * multiplier);
  point.limits.upper_2s = std::min(kUpperClamp, (average_proportion + z2 * spread) * multiplier);
  point.limits.lower_3s = std::max(0.0, (average_proportion - z3 * spread) * multiplier);
  point.limits.upper_3s = std::min(kUpperClamp, (average_proportion + z3 * spread) * multiplier);
  point.baseline = average_proportion * multiplier;
  return point;
}

Result<RatioFunnelPoint> RatioFunnelLimits(double observed_events, FunnelRatioType type) {
  if (!PositiveFinite(observed_events)) {
    return Status::InvalidArgument("observed events must be greater than zero for a funnel limit");
  }
  RatioFunnelPoint point;
  double observed = observed_events;
  point.observed_events = observed;
  point.lower_2s_expected_events = PoissonBisectionUpper(observed, kTail2s);
  point.upper_2s_expected_events = PoissonBisectionLower(observed, kTail2s);
  point.lower_3s_expected_events = PoissonBisectionUpper(observed, kTail3s);
  point.upper_3s_expected_events = PoissonBisectionLower(observed, kTail3s);
  auto express = [type](double ratio) {
    return type == FunnelRatioType::kCount ? ratio - 1.0 : ratio * 100.0;
  };
  point.limits.lower_2s = express(observed / point.lower_2s_expected_events);
  point.limits.upper_2s = express(observed / point.upper_2s_expected_events);
  point.limits.lower_3s = express(observed / point.lower_3s_expected_events);
  point.limits.upper_3s = express(observed / point.upper_3s_expected_events);
  return point;
}

std::string RateFunnelStatistic(FunnelRateType type, double multiplier) {
  std::string scale = multiplier == std::floor(multiplier) && std::fabs(multiplier) < 1e15
                          ? WithThousands(static_cast<int64_t>(multiplier))
                          : internal::FormatNumber(multiplier);
  return std::string("rate (") + (type == FunnelRateType::kDsr ? "dsr" : "crude") + " per " +
         scale + ")";
}

Result<RateFunnelPoint> RateFunnelLimits(double events, double average_rate, double multiplier,
                                         double years_of_data) {
  if (!PositiveFinite(events)) {
    return Status::InvalidArgument("events must be greater than zero for a funnel limit");
  }
  if (!PositiveFinite(average_rate)) {
    return Status::InvalidArgument("the average rate must be greater than zero");
  }
  if (!PositiveFinite(multiplier)) {
    return Status::InvalidArgument("multiplier must be greater than 0");
  }
  if (!PositiveFinite(years_of_data)) {
    return Status::InvalidArgument("years_of_data must be greater than zero");
  }
  // Operation order as calculate_funnel_limits: population, limit, then ÷ years.
  struct Side {
    double population;
    double limit;
  };
  auto side = [&](double expected_events) {
    double population = expected_events / average_rate;
    return Side{population / years_of_data, events / population * multiplier};
  };
  Side lower_2s = side(PoissonBisectionUpper(events, kTail2s));
  Side upper_2s = side(PoissonBisectionLower(events, kTail2s));
  Side lower_3s = side(PoissonBisectionUpper(events, kTail3s));
  Side upper_3s = side(PoissonBisectionLower(events, kTail3s));
  RateFunnelPoint point;
  point.events = events;
  point.lower_2s_population_per_year = lower_2s.population;
  point.upper_2s_population_per_year = upper_2s.population;
  point.lower_3s_population_per_year = lower_3s.population;
  point.upper_3s_population_per_year = upper_3s.population;
  point.limits = {lower_2s.limit, upper_2s.limit, lower_3s.limit, upper_3s.limit};
  point.baseline = average_rate * multiplier;
  return point;
}

}  // namespace cradle::stats
