// Which funnel-plot band each record of a dataset falls in, against the
// dataset average (PHEindicatormethods assign_funnel_significance; METHODS.md
// §10). Tested at 99.8% first, then 95%:
//
//  - proportions: the observed proportion against the proportion limits of
//    funnel.h (unclamped);
//  - ratios: the observed count's own interval divided by the expected count,
//    against 1;
//  - rates: the count's interval divided by the derived denominator
//    (multiplier × events / rate), against the weighted average rate. A DSR
//    with fewer than 10 events is "Not applicable for events less than 10 for
//    dsrs".
//
// For ratios and rates the count's interval is exact below 10 events and
// Byar's from 10, with 0 as the lower limit for 0 events.
//
// References: Spiegelhalter DJ (2005); Fingertips technical guidance.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "base/result.h"
#include "stats/funnel.h"

namespace cradle::stats {

enum class FunnelSignificance {
  kHigh001,         // "High (0.001)": above the 99.8% limit
  kHigh025,         // "High (0.025)": above the 95% limit only
  kLow001,          // "Low (0.001)"
  kLow025,          // "Low (0.025)"
  kNotSignificant,  // "Not significant"
  kNotApplicable,   // "Not applicable for events less than 10 for dsrs"
};

// PHEindicatormethods' labels, as listed above.
std::string_view FunnelSignificanceName(FunnelSignificance significance);

// A numerator and denominator for the proportion average.
struct FunnelCount {
  double numerator = 0;
  double denominator = 0;
};

// Σ numerators / Σ denominators. Returns InvalidArgument for an empty dataset,
// a negative numerator ("numerators must be greater than or equal to zero"), a
// denominator <= 0 ("denominators must be greater than zero") or a numerator
// above its denominator ("numerators must be less than or equal to
// denominator for a proportion statistic").
Result<double> FunnelProportionAverage(std::span<const FunnelCount> records);

// Band of numerator/denominator against average_proportion. Errors as
// FunnelProportionAverage for the record, and an average outside [0, 1].
Result<FunnelSignificance> ProportionFunnelSignificance(double numerator, double denominator,
                                                        double average_proportion);

// Band of an observed count against its expected count (ratio average 1).
// Returns InvalidArgument if observed < 0 ("numerators must be greater than or
// equal to zero") or expected <= 0 ("denominators must be greater than zero").
Result<FunnelSignificance> RatioFunnelSignificance(double observed, double expected);

// One record of a rate dataset: its events, its published rate (per
// multiplier) and, optionally, its denominator.
struct FunnelRateRecord {
  double events = 0;
  std::optional<double> rate;         // required when events > 0
  std::optional<double> denominator;  // required for crude rates with 0 events
};

// The denominator the funnel uses: multiplier × events / rate; for a crude
// rate with 0 events, the supplied denominator; for a DSR with 0 events, none
// (std::nullopt: left out of the average). Returns InvalidArgument if events <
// 0, a present denominator <= 0, events > 0 without a positive rate ("rates
// must be greater than zero where there are events"), or a crude record with 0
// events and no denominator ("for rates, where there are 0 events for a
// record, the denominator field needs to be provided using the denominator
// argument").
Result<std::optional<double>> FunnelDerivedDenominator(const FunnelRateRecord& record,
                                                       FunnelRateType type, double multiplier);

// The weighted average rate per person: Σ events / Σ derived denominators
// (records without one are left out of the denominator sum). Errors as
// FunnelDerivedDenominator, plus an empty dataset or a zero denominator sum.
Result<double> FunnelRateAverage(std::span<const FunnelRateRecord> records, FunnelRateType type,
                                 double multiplier);

// Band of one record against `weighted_average` (per person, from
// FunnelRateAverage). DSRs with events < 10 are kNotApplicable. Errors as
// FunnelDerivedDenominator.
Result<FunnelSignificance> RateFunnelSignificance(const FunnelRateRecord& record,
                                                  FunnelRateType type, double multiplier,
                                                  double weighted_average);

}  // namespace cradle::stats
