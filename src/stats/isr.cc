#include "stats/isr.h"

#include <cmath>

#include "stats/internal/conventions.h"
#include "stats/poisson_interval.h"

namespace cradle::stats {
namespace {

using internal::NaZero;

// The count interval divided by E and scaled; shared by ratio and rate.
Result<Estimate> Standardise(double observed, double expected, double scale, double confidence) {
  if (!(observed >= 0.0)) {
    return Status::InvalidArgument("numerators must all be greater than or equal to zero");
  }
  if (!(expected > 0.0) || !std::isfinite(expected)) {
    return Status::InvalidArgument("expected events must be greater than zero");
  }
  Result<Estimate> count = PoissonCountInterval(observed, confidence);
  if (!count.ok()) return count.status();
  Estimate estimate = *count;
  estimate.value = observed / expected * scale;
  estimate.ci.lower = count->ci.lower / expected * scale;
  estimate.ci.upper = count->ci.upper / expected * scale;
  return estimate;
}

}  // namespace

Result<IsrTotals> SumIsrBands(std::span<const IsrBand> bands) {
  if (bands.empty()) return Status::InvalidArgument("indirect standardisation needs a band");
  for (const IsrBand& band : bands) {
    if (band.observed && *band.observed < 0.0) {
      return Status::InvalidArgument("numerators must all be greater than or equal to zero");
    }
  }
  for (const IsrBand& band : bands) {
    if (band.population && *band.population < 0.0) {
      return Status::InvalidArgument("denominators must all be greater than or equal to zero");
    }
  }
  for (const IsrBand& band : bands) {
    if (band.reference_events && *band.reference_events < 0.0) {
      return Status::InvalidArgument("reference events must all be greater than or equal to zero");
    }
    if (!(band.reference_population > 0.0)) {
      return Status::InvalidArgument("reference populations must all be greater than zero");
    }
  }
  IsrTotals totals;
  double reference_events = 0;
  double reference_population = 0;
  for (const IsrBand& band : bands) {
    totals.observed += NaZero(band.observed);
    totals.expected +=
        NaZero(band.reference_events) / band.reference_population * NaZero(band.population);
    reference_events += NaZero(band.reference_events);
    reference_population += band.reference_population;
  }
  totals.reference_rate = reference_events / reference_population;
  return totals;
}

Result<Estimate> IndirectlyStandardisedRatio(double observed, double expected,
                                             double reference_value, double confidence) {
  if (!(reference_value > 0.0) || !std::isfinite(reference_value)) {
    return Status::InvalidArgument("refvalue must be greater than zero");
  }
  return Standardise(observed, expected, reference_value, confidence);
}

Result<Estimate> IndirectlyStandardisedRate(double observed, double expected, double reference_rate,
                                            double multiplier, double confidence) {
  if (!(reference_rate >= 0.0) || !std::isfinite(reference_rate)) {
    return Status::InvalidArgument("the reference rate must be greater than or equal to zero");
  }
  if (!(multiplier > 0.0) || !std::isfinite(multiplier)) {
    return Status::InvalidArgument("multiplier must be greater than 0");
  }
  // PHEindicatormethods scales the reference rate first: ref_rate × multiplier.
  return Standardise(observed, expected, reference_rate * multiplier, confidence);
}

}  // namespace cradle::stats
