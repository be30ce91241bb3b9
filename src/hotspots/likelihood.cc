#include "hotspots/likelihood.h"

#include <cmath>

namespace cradle::hotspots {
namespace {

// a * ln(a / b) with SaTScan's convention 0 * ln 0 = 0.
double XLogXOverY(double a, double b) { return a > 0 ? a * std::log(a / b) : 0.0; }

// l(a, b) = a ln(a/b) + (b-a) ln((b-a)/b): the binomial log likelihood of a
// successes in b trials at its maximum.
double BinomialTerm(double a, double b) {
  return b > 0 ? XLogXOverY(a, b) + XLogXOverY(b - a, b) : 0.0;
}

}  // namespace

double PoissonLlr(double c, double e, double total) {
  // Outside terms computed from the inside ones, never from separately summed
  // totals (SCAN.md §4.1): C - e, not a running outside sum.
  return XLogXOverY(c, e) + XLogXOverY(total - c, total - e);
}

double BernoulliLlr(double c, double n, double total_cases, double total_n) {
  return BinomialTerm(c, n) + BinomialTerm(total_cases - c, total_n - n) -
         BinomialTerm(total_cases, total_n);
}

}  // namespace cradle::hotspots
