// The log likelihood ratio of a window, conditioned on the total number of
// cases, for the Poisson and Bernoulli models (reference/scan/SCAN.md §1.3,
// §1.7), with SaTScan's conventions: 0 * ln 0 = 0; a window that is not
// high (or low) enough, or has too few cases, scores 0.
#pragma once

#include <cstdint>

namespace cradle::hotspots {

enum class RateDirection { kHigh, kLow, kBoth };

// Poisson: c observed and e expected inside, total cases C (expected counts
// sum to C). c*ln(c/e) + (C-c)*ln((C-c)/(C-e)); 0 unless the inside rate is
// above (high) or below (low) the outside rate. SaTScan's rate test is
// c*C > e*C, i.e. c > e.
double PoissonLlr(double c, double e, double total);

// Bernoulli: c cases among n people inside, C cases among N people in all.
// l(c, n) + l(C-c, N-n) - l(C, N), l(a, b) = a ln(a/b) + (b-a) ln((b-a)/b).
double BernoulliLlr(double c, double n, double total_cases, double total_n);

// Whether a window with c cases and measure e (Poisson: expected; Bernoulli:
// population) is high or low rate for the given totals.
inline bool IsHigh(double c, double e, double total_cases, double total_measure) {
  return c * total_measure > e * total_cases;
}
inline bool IsLow(double c, double e, double total_cases, double total_measure) {
  return c * total_measure < e * total_cases;
}

}  // namespace cradle::hotspots
