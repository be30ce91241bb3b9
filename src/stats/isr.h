// Indirect standardisation: the standardised ratio (SMR-style, O/E) and the
// standardised rate (O/E × reference rate), with the count interval of
// poisson_interval.h applied to O and divided by E (PHEindicatormethods
// calculate_ISRatio / calculate_ISRate; METHODS.md §6). There is no
// suppression: small counts get exact limits.
//
//   E = Σ (reference eventsᵢ / reference populationᵢ) · populationᵢ
//
// References: Breslow NE, Day NE (1987); Armitage P, Berry G (2002);
// Fingertips technical guidance.
#pragma once

#include <optional>
#include <span>

#include "base/result.h"
#include "stats/estimate.h"

namespace cradle::stats {

// One age band of the local area with its reference (e.g. England) band.
struct IsrBand {
  std::optional<double> observed;          // local events; missing counts as 0
  std::optional<double> population;        // local population; missing counts as 0
  std::optional<double> reference_events;  // missing counts as 0
  double reference_population = 0;         // must be > 0
};

struct IsrTotals {
  double observed = 0;        // O = Σ observed
  double expected = 0;        // E
  double reference_rate = 0;  // Σ reference events / Σ reference population, per person
};

// Sums the bands as PHEindicatormethods does (NA reference counts and local
// populations as 0). Returns InvalidArgument if there are no bands, an
// observed count is negative ("numerators must all be greater than or equal to
// zero"), a population is negative ("denominators must all be greater than or
// equal to zero"), a reference count is negative, or a reference population
// is not > 0.
Result<IsrTotals> SumIsrBands(std::span<const IsrBand> bands);

// The indirectly standardised ratio O/E × reference_value (1, or 100 for an
// SMR-style ratio), with limits O_L/E and O_U/E × reference_value from
// PoissonCountInterval (exact when O < 10, Byar's from 10). Returns
// InvalidArgument if observed < 0, expected <= 0 ("expected events must be
// greater than zero"), reference_value <= 0, or a bad confidence.
Result<Estimate> IndirectlyStandardisedRatio(double observed, double expected,
                                             double reference_value, double confidence);

// The indirectly standardised rate O/E × reference_rate × multiplier, where
// reference_rate is per person (IsrTotals::reference_rate); limits as
// IndirectlyStandardisedRatio. Errors as that, with reference_rate >= 0 and
// multiplier > 0 required.
Result<Estimate> IndirectlyStandardisedRate(double observed, double expected, double reference_rate,
                                            double multiplier, double confidence);

}  // namespace cradle::stats
