#include "stats/dsr.h"

#include <cmath>

#include "stats/confidence.h"
#include "stats/internal/conventions.h"
#include "stats/internal/format.h"
#include "stats/poisson_interval.h"

namespace cradle::stats {
namespace {

using internal::NaZero;

// The sums both forms share; `weighted_square` is Σ x(w/n)² before dividing by
// (Σw)², so the non-independent form can scale each frequency's part by f².
struct DsrSums {
  double total_count = 0;
  double total_population = 0;
  double weighted_rate = 0;  // Σ x w/n
  double standard_total = 0;
  double weighted_square = 0;  // Σ x (w/n)², or Σ f² x_f (w/n)² for non-independent events
};

Status CheckBand(double population, double standard_population) {
  if (std::isnan(population)) return Status::InvalidArgument("field n cannot have missing values");
  if (std::isnan(standard_population)) {
    return Status::InvalidArgument("field stdpop cannot have missing values");
  }
  return Status::Ok();
}

Status CheckEvents(std::optional<double> events) {
  if (events && !(*events >= 0.0) && !std::isnan(*events)) {
    return Status::InvalidArgument("numerators must all be greater than or equal to zero");
  }
  return Status::Ok();
}

Status CheckBandRanges(double population, double standard_population) {
  if (!(population > 0.0)) {
    return Status::InvalidArgument("denominators must all be greater than zero");
  }
  if (!(standard_population >= 0.0)) {
    return Status::InvalidArgument("stdpop must all be greater than or equal to zero");
  }
  return Status::Ok();
}

Result<DsrResult> Finish(const DsrSums& sums, double multiplier, double confidence,
                         bool non_independent) {
  Result<double> level = NormaliseConfidence(confidence);
  if (!level.ok()) return level.status();
  if (!(multiplier > 0.0) || !std::isfinite(multiplier)) {
    return Status::InvalidArgument("multiplier must be greater than 0");
  }
  if (!(sums.standard_total > 0.0)) {
    return Status::InvalidArgument("the standard populations must not all be zero");
  }
  DsrResult result;
  result.total_count = sums.total_count;
  result.total_population = sums.total_population;
  result.non_independent_events = non_independent;
  if (sums.total_count < kDsrMinimumCount) {
    result.statistic = std::string(kDsrSuppressedStatistic);
    return result;
  }
  double value = sums.weighted_rate / sums.standard_total;
  double variance = 1.0 / (sums.standard_total * sums.standard_total) * sums.weighted_square;
  Result<Interval> byar = ByarInterval(sums.total_count, *level);
  if (!byar.ok()) return byar.status();
  double scale = std::sqrt(variance / sums.total_count);
  Estimate estimate;
  estimate.value = value * multiplier;
  estimate.ci.lower = estimate.value + scale * (byar->lower - sums.total_count) * multiplier;
  estimate.ci.upper = estimate.value + scale * (byar->upper - sums.total_count) * multiplier;
  estimate.method = CiMethod::kDobson;
  estimate.confidence = *level;
  result.estimate = estimate;
  result.statistic = DsrStatistic(multiplier);
  return result;
}

}  // namespace

Result<DsrResult> DobsonDsr(std::span<const DsrBand> bands, double multiplier, double confidence) {
  if (bands.empty()) return Status::InvalidArgument("a DSR needs at least one age band");
  // calculate_dsr's order: missing n and stdpop first, then ranges.
  for (const DsrBand& band : bands) {
    CRADLE_RETURN_IF_ERROR(CheckBand(band.population, band.standard_population));
  }
  for (const DsrBand& band : bands) CRADLE_RETURN_IF_ERROR(CheckEvents(band.events));
  for (const DsrBand& band : bands) {
    CRADLE_RETURN_IF_ERROR(CheckBandRanges(band.population, band.standard_population));
  }
  DsrSums sums;
  for (const DsrBand& band : bands) {
    double events = NaZero(band.events);
    double weight = band.standard_population / band.population;
    sums.total_count += events;
    sums.total_population += band.population;
    sums.weighted_rate += events * band.standard_population / band.population;
    sums.weighted_square += events * (weight * weight);
    sums.standard_total += band.standard_population;
  }
  return Finish(sums, multiplier, confidence, /*non_independent=*/false);
}

Result<DsrResult> DobsonDsrNonIndependent(std::span<const DsrNonIndependentBand> bands,
                                          double multiplier, double confidence) {
  if (bands.empty()) return Status::InvalidArgument("a DSR needs at least one age band");
  for (const DsrNonIndependentBand& band : bands) {
    CRADLE_RETURN_IF_ERROR(CheckBand(band.population, band.standard_population));
    for (const DsrFrequencyCount& count : band.individuals_by_frequency) {
      if (std::isnan(count.event_frequency)) {
        return Status::InvalidArgument("eventfreq field must not have any missing values");
      }
      if (!(count.event_frequency > 0.0) || !std::isfinite(count.event_frequency)) {
        return Status::InvalidArgument("eventfreq must be greater than zero");
      }
    }
  }
  for (const DsrNonIndependentBand& band : bands) {
    for (const DsrFrequencyCount& count : band.individuals_by_frequency) {
      CRADLE_RETURN_IF_ERROR(CheckEvents(count.individuals));
    }
  }
  for (const DsrNonIndependentBand& band : bands) {
    CRADLE_RETURN_IF_ERROR(CheckBandRanges(band.population, band.standard_population));
  }
  DsrSums sums;
  for (const DsrNonIndependentBand& band : bands) {
    double weight = band.standard_population / band.population;
    double events = 0;
    for (const DsrFrequencyCount& count : band.individuals_by_frequency) {
      double individuals = NaZero(count.individuals);
      double frequency = count.event_frequency;
      events += frequency * individuals;
      // var_f · f², summed over frequencies: each person contributes f² times.
      sums.weighted_square += frequency * frequency * (individuals * (weight * weight));
    }
    sums.total_count += events;
    sums.total_population += band.population;
    sums.weighted_rate += events * band.standard_population / band.population;
    sums.standard_total += band.standard_population;
  }
  return Finish(sums, multiplier, confidence, /*non_independent=*/true);
}

std::string DsrStatistic(double multiplier) {
  return "dsr per " + internal::FormatNumber(multiplier);
}

}  // namespace cradle::stats
