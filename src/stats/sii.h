// Point estimates of the slope index of inequality (SII) and relative index
// of inequality (RII) across deprivation quantiles (PHEindicatormethods
// phe_sii; METHODS.md §8).
//
// Each quantile i has population share aᵢ = popᵢ/Σpop and cumulative midpoint
// bᵢ = Σ_{j<i} a_j + aᵢ/2 (quantiles in ascending order, 1 = most deprived).
// A weighted least-squares line y = β₀ + β₁b with weights aᵢ gives:
//  - without transform: SII = multiplier·β₁, RII = (β₀ + β₁)/β₀, intercept β₀;
//  - with transform (log for rates, logit for proportions), regressing g(y):
//    SII = (g⁻¹(β₀ + β₁) − g⁻¹(β₀))·multiplier, RII = g⁻¹(β₀ + β₁)/g⁻¹(β₀),
//    intercept g⁻¹(β₀)·|multiplier|.
// A negative multiplier (for indicators where low is bad) inverts the RII.
//
// Only point estimates: the package's intervals come from simulation with R's
// random number generator (100,000 draws) and cannot be reproduced exactly, so
// they are not offered here.
//
// References: Low A, Low A. Measuring the gap: quantifying and comparing local
// health inequalities. J Public Health 2004;26:388-395. PHE Slope index of
// inequality tool (2018).
#pragma once

#include <span>

#include "base/result.h"

namespace cradle::stats {

// PHEindicatormethods' value_type: 0 other (e.g. life expectancy), 1 rate, 2
// proportion (values in [0, 1]).
enum class SiiValueType { kOther = 0, kRate = 1, kProportion = 2 };

struct SiiQuantile {
  int quantile = 0;  // 1 = most deprived; the order of the regression
  double population = 0;
  double value = 0;
};

struct SiiEstimate {
  double sii = 0;
  double rii = 0;
  double intercept = 0;  // see the header comment for its scale
};

// SII, RII and intercept for one area's quantiles (any order; sorted by
// quantile number here). Returns InvalidArgument if there are fewer than 5 or
// more than 100 quantiles ("Number of quantiles must be between 5 and 100"), a
// quantile number repeats, a population is not > 0 ("some groups have a zero,
// negative or missing population"), a value is not finite, a proportion is
// outside [0, 1] ("value proportions are not all between 0 and 1"), transform
// is asked for value type kOther, a log-transformed rate is not > 0, a
// logit-transformed proportion is 0 or 1, or multiplier is 0 or not finite.
Result<SiiEstimate> SiiPointEstimate(std::span<const SiiQuantile> quantiles,
                                     SiiValueType value_type, bool transform, double multiplier);

}  // namespace cradle::stats
