// The inverse distribution functions stats/ needs, each a thin wrapper over
// Boost.Math with a policy that reports domain errors as NaN instead of
// throwing: callers validate their arguments first, so a NaN here is a bug in
// the caller, never a user error. Internal to stats/; not for other folders.
#pragma once

namespace cradle::stats::internal {

// Φ⁻¹(p), the standard normal quantile. REQUIRES: 0 < p < 1.
double NormalQuantile(double p);

// The regularised lower incomplete gamma inverse: x with P(a, x) = p, which is
// qchisq(p, 2a) / 2. REQUIRES: a > 0, 0 <= p < 1.
double GammaPInverse(double a, double p);

// The upper-tail twin: x with Q(a, x) = q, i.e. qchisq(q, 2a, lower.tail =
// FALSE) / 2; more accurate than GammaPInverse(a, 1 - q) when q is small.
// REQUIRES: a > 0, 0 < q <= 1.
double GammaQInverse(double a, double q);

// x with I_x(a, b) = p (the beta quantile, R's qbeta). REQUIRES: a, b > 0.
double BetaInverse(double a, double b, double p);

// x with 1 - I_x(a, b) = q (R's qbeta(q, a, b, lower.tail = FALSE)).
double BetaComplementInverse(double a, double b, double q);

// Student's t quantile with `degrees_of_freedom`. REQUIRES: df > 0, 0 < p < 1.
double StudentTQuantile(double degrees_of_freedom, double p);

}  // namespace cradle::stats::internal
