// Funnel-plot control limits around a dataset average at 95% ("2s", tails of
// 0.025) and 99.8% ("3s", tails of 0.001), as PHEindicatormethods
// calculate_funnel_limits computes them (METHODS.md §10), for the three
// statistics it supports:
//
//  - proportions: p̄ ± z√(p̄(1 − p̄)/N), z = Φ⁻¹(0.975) or Φ⁻¹(0.999); this is
//    exactly what the package's sigma_adjustment simplifies to (the observed
//    proportions whose Wilson interval contains p̄). Limits are multiplied and
//    then clamped to [0, 100] (the 100 is the package's, whatever the
//    multiplier).
//  - ratios: for O observed events, the expected counts at which O sits on
//    the 2s/3s limit, by the Poisson bisection of poisson_bisection.h.
//  - rates: for E events, the populations at which a rate E/population sits on
//    the limit around the average rate.
//
// The x values (populations, observed events) are the caller's: the package's
// choice of 100 plotted points is display detail and not reproduced here.
//
// References: Spiegelhalter DJ. Funnel plots for comparing institutional
// performance. Stat Med 2005;24:1185-1202. Fingertips technical guidance.
#pragma once

#include <string>

#include "base/result.h"

namespace cradle::stats {

// The four limits at one x value.
struct FunnelLimits {
  double lower_2s = 0;
  double upper_2s = 0;
  double lower_3s = 0;
  double upper_3s = 0;
};

struct ProportionFunnelPoint {
  double population = 0;
  FunnelLimits limits;  // × multiplier, clamped to [0, 100]
  double baseline = 0;  // average_proportion × multiplier
};

// Limits for a proportion at `population` around `average_proportion` (Σx/Σn
// of the dataset, in [0, 1]). Returns InvalidArgument if the average is
// outside [0, 1], population <= 0, or multiplier <= 0.
Result<ProportionFunnelPoint> ProportionFunnelLimits(double average_proportion, double population,
                                                     double multiplier);

// What the ratio limits are expressed as: "count" subtracts 1 (the limits of
// O/E - 1), "isr" multiplies by 100.
enum class FunnelRatioType { kCount, kIsr };

struct RatioFunnelPoint {
  double observed_events = 0;
  // Expected counts E at which O/E is on each limit; the lower limit of the
  // ratio comes from the *upper* bisection (large E), and vice versa.
  double lower_2s_expected_events = 0;
  double upper_2s_expected_events = 0;
  double lower_3s_expected_events = 0;
  double upper_3s_expected_events = 0;
  FunnelLimits limits;  // O/E, then -1 (count) or ×100 (isr)
};

// Ratio funnel at `observed_events` (> 0): lower limit O/PoissonBisectionUpper(O,
// tail) and upper limit O/PoissonBisectionLower(O, tail), tail 0.025 or 0.001.
// Returns InvalidArgument if observed_events is not > 0 and finite.
Result<RatioFunnelPoint> RatioFunnelLimits(double observed_events, FunnelRatioType type);

// Whether the rates of a rate funnel are crude or directly standardised; it
// decides how denominators are derived (funnel_significance.h).
enum class FunnelRateType { kCrude, kDsr };

// PHEindicatormethods' statistic label: "rate (dsr per 100,000)".
std::string RateFunnelStatistic(FunnelRateType type, double multiplier);

struct RateFunnelPoint {
  double events = 0;
  // Population per year (÷ years_of_data) at which E events sit on each limit.
  double lower_2s_population_per_year = 0;
  double upper_2s_population_per_year = 0;
  double lower_3s_population_per_year = 0;
  double upper_3s_population_per_year = 0;
  FunnelLimits limits;  // rates per multiplier
  double baseline = 0;  // average_rate × multiplier
};

// Rate funnel at `events` (> 0) around `average_rate`, the dataset's events
// per person (FunnelRateAverage in funnel_significance.h): population =
// PoissonBisectionUpper(E, tail) / average_rate for the lower limit (and
// PoissonBisectionLower for the upper), limit = E / population × multiplier,
// reported populations ÷ years_of_data. Returns InvalidArgument if events,
// average_rate, multiplier or years_of_data is not > 0 and finite.
Result<RateFunnelPoint> RateFunnelLimits(double events, double average_rate, double multiplier,
                                         double years_of_data);

}  // namespace cradle::stats
