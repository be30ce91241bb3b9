// Directly standardised rates with Dobson's interval (PHEindicatormethods
// calculate_dsr / phe_dsr; METHODS.md §5):
//
//   DSR   = Σ xᵢwᵢ/nᵢ / Σwᵢ × multiplier
//   var   = Σ xᵢ(wᵢ/nᵢ)² / (Σwᵢ)²
//   limit = DSR + √(var/O) · (Byar(O) − O) · multiplier,   O = Σxᵢ
//
// Byar's limits are always used for O (never exact), because results with
// O < 10 are suppressed: no value and the statistic "dsr NA for total count <
// 10". Missing counts in a band count as 0.
//
// Bands are matched to their standard population by the caller, in the same
// struct, never by position in two lists (PHEindicatormethods v2.1.0 made the
// standard population a named field for the same reason).
//
// Reference: Dobson AJ, Kuulasmaa K, Eberle E, Scherer J. Confidence intervals
// for weighted sums of Poisson parameters. Stat Med 1991;10:457-462.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"
#include "stats/estimate.h"

namespace cradle::stats {

// Totals below this are suppressed.
inline constexpr double kDsrMinimumCount = 10.0;

// The statistic label of a suppressed DSR.
inline constexpr std::string_view kDsrSuppressedStatistic = "dsr NA for total count < 10";

// The 2013 European Standard Population, 19 bands 0-4, 5-9, ..., 85-89, 90+
// (PHEindicatormethods data-raw/LoadTestdata.R).
inline constexpr std::array<double, 19> kEsp2013 = {5000, 5500, 5500, 5500, 6000, 6000, 6500,
                                                    7000, 7000, 7000, 7000, 6500, 6000, 5500,
                                                    5000, 4000, 2500, 1500, 1000};

// One age band.
struct DsrBand {
  std::optional<double> events;  // missing counts as 0 (PHEindicatormethods na.zero)
  double population = 0;         // must be > 0
  double standard_population = 0;
};

struct DsrResult {
  std::optional<Estimate> estimate;  // absent when total_count < 10; method kDobson
  double total_count = 0;            // O, the sum of events
  double total_population = 0;
  std::string statistic;                // "dsr per 100000" or kDsrSuppressedStatistic
  bool non_independent_events = false;  // true if DobsonDsrNonIndependent made it
};

// The Dobson DSR over `bands`. Returns InvalidArgument, with
// PHEindicatormethods' messages, if there are no bands, a population is NaN
// ("field n cannot have missing values") or <= 0 ("denominators must all be
// greater than zero"), a standard population is NaN ("field stdpop cannot have
// missing values") or negative ("stdpop must all be greater than or equal to
// zero"), an event count is negative ("numerators must all be greater than or
// equal to zero"), the confidence is out of range, or multiplier <= 0
// ("multiplier must be greater than 0"); and if the standard populations sum
// to 0.
Result<DsrResult> DobsonDsr(std::span<const DsrBand> bands, double multiplier, double confidence);

// For non-independent events (one person may have several): how many people in
// a band had the event `event_frequency` times.
struct DsrFrequencyCount {
  double event_frequency = 1;
  std::optional<double> individuals;  // missing counts as 0
};

struct DsrNonIndependentBand {
  std::vector<DsrFrequencyCount> individuals_by_frequency;
  double population = 0;
  double standard_population = 0;
};

// calculate_dsr(independent_events = FALSE): the band's events are
// xᵢ = Σ_f f·individuals_{i,f}, and the variance is var* = Σ_f f²·var_f where
// var_f is the Dobson variance of the individuals with frequency f. The value
// and suppression are as DobsonDsr on the events; the limits use var*. The
// result has non_independent_events = true (PHEindicatormethods names the
// method "Dobson, with confidence adjusted for non-independent events").
// Errors as DobsonDsr, plus an event frequency that is not a positive finite
// number ("eventfreq field must not have any missing values" if NaN).
Result<DsrResult> DobsonDsrNonIndependent(std::span<const DsrNonIndependentBand> bands,
                                          double multiplier, double confidence);

// PHEindicatormethods' statistic label: "dsr per 100000".
std::string DsrStatistic(double multiplier);

}  // namespace cradle::stats
