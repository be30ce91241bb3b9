// Poisson control limits found by bisection, the algorithm of the PHE Excel
// funnel-plot macro as ported in PHEindicatormethods (R/utils.R
// poisson_funnel, poisson_cis) and in Fingertips (fingertips-open
// StatisticalMethods.PoisLow/PoisHigh/PoisP). Funnel plots for ratios and
// rates (funnel.h) and the SPC-for-DSR comparator (benchmark_comparison.h) use
// these rather than exact chi-squared quantiles so that Cradle's limits are
// the published ones to the last digit.
//
// The search is over v ∈ (0, 1) with mean z = (1 + O)·v/(1 − v), starting at
// v = dv = 0.5 and halving dv until dv <= 1e-7 (METHODS.md §10, §16). The
// answers agree with χ² quantiles to about 4e-7 relative on the high side and
// 5e-5 on the low side: close, but not the same numbers.
#pragma once

namespace cradle::stats {

// P(first <= X <= last) for X ~ Poisson(mean), summed by the series with 1e30
// rescaling until k > mean and the next term is below 1e-10 of the total.
// Bounds need not be integers (k runs over whole numbers).
// REQUIRES: mean >= 0 and finite.
double PoissonProbabilityBetween(double mean, double first, double last);

// The mean z whose upper tail P(X >= observed | z) equals `tail`: the
// bisection form of the exact lower limit χ²_{tail}(2O)/2 (PHEindicatormethods
// poisson_funnel side "low"; Fingertips PoisLow). `observed` may be
// non-integer (the Fingertips SPC-for-DSR expected count).
// REQUIRES: observed >= 0 and finite, 0 < tail < 1.
double PoissonBisectionLower(double observed, double tail);

// The mean z whose lower tail P(X <= observed | z) equals `tail`: the
// bisection form of the exact upper limit χ²_{1-tail}(2O+2)/2
// (poisson_funnel side "high"; Fingertips PoisHigh). Same REQUIRES.
double PoissonBisectionUpper(double observed, double tail);

}  // namespace cradle::stats
