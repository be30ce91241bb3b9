// The ratio of two crude rates, (O₁/N₁)/(O₂/N₂), with either of two standard
// intervals (METHODS.md §14). Neither PHEindicatormethods nor Fingertips
// defines a rate-ratio method; which one Cradle reports (e.g. for ethnicity
// comparisons) is a project decision awaiting sign-off. For deprivation
// gradients Fingertips uses the SII/RII instead (sii.h).
//
// References: Katz D, Baptista J, Azen SP, Pike MC. Obtaining confidence
// intervals for the risk ratio in cohort studies. Biometrics 1978;34:469-474
// (log method). Breslow NE, Day NE (1987) §2.4 and Clopper CJ, Pearson ES.
// Biometrika 1934;26:404-413 (exact conditional method).
#pragma once

#include "base/result.h"
#include "stats/estimate.h"

namespace cradle::stats {

// Log (Katz) method: RR · exp(±z√(1/O₁ + 1/O₂)); method kLogNormal. Undefined
// when either count is 0: returns InvalidArgument ("the log method needs at
// least one event in each group"). Also InvalidArgument for negative counts,
// denominators <= 0 or a bad confidence.
Result<Estimate> RateRatioLog(double events1, double denominator1, double events2,
                              double denominator2, double confidence);

// Exact conditional method: given O₁ + O₂, O₁ is binomial with
// p = RR·N₁/(RR·N₁ + N₂); the Clopper-Pearson limits for p (beta quantiles
// Beta(α/2; O₁, O₂+1) and Beta(1-α/2; O₁+1, O₂)) are mapped back by
// RR = p/(1-p)·N₂/N₁; method kExactConditional. O₁ = 0 gives value and lower
// limit 0. Returns InvalidArgument if O₂ = 0 (the ratio is unbounded: "the
// comparison group must have at least one event"), for negative counts,
// denominators <= 0 or a bad confidence.
Result<Estimate> RateRatioExactConditional(double events1, double denominator1, double events2,
                                           double denominator2, double confidence);

// The ratio of two risks (proportions), (a/n₁)/(c/n₂), with Katz's log
// interval RR · exp(±z√(1/a − 1/n₁ + 1/c − 1/n₂)); method kLogNormal. Used
// for the relative risk of late antenatal booking, where the outcome is too
// common for the rate-ratio variance √(1/a + 1/c). InvalidArgument if a or c
// is 0 ("the log method needs at least one event in each group"), a count is
// negative or exceeds its denominator ("numerators must be less than or equal
// to denominator for a proportion statistic"), a denominator is not > 0, or a
// bad confidence.
Result<Estimate> RiskRatioLog(double events1, double denominator1, double events2,
                              double denominator2, double confidence);

}  // namespace cradle::stats
