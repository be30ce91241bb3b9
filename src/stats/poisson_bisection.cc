#include "stats/poisson_bisection.h"

#include <cassert>
#include <cmath>

namespace cradle::stats {
namespace {

// The constants of the original macro; changing any changes published limits.
constexpr double kStopWidth = 1e-7;
constexpr double kRescaleAbove = 1e30;
constexpr double kSeriesTolerance = 1e-10;
constexpr double kUnboundedLast = 10000000000.0;  // the macro's "infinity", 1e10

// The mean the bisection tries for a given v; operation order as the macro.
double MeanAt(double observed, double v) { return (1.0 + observed) * v / (1.0 - v); }

}  // namespace

double PoissonProbabilityBetween(double mean, double first, double last) {
  assert(mean >= 0.0 && std::isfinite(mean));
  double term = 1.0;  // unnormalised P(X = k), starting at k = 0
  double total = 0.0;
  double inside = 0.0;
  double k = 0.0;
  while (k <= mean || term > total * kSeriesTolerance) {
    total = total + term;
    if (k >= first && k <= last) inside = inside + term;
    if (total > kRescaleAbove) {
      // Keeps e^mean-sized sums finite; only the ratio inside/total matters.
      inside = inside / kRescaleAbove;
      total = total / kRescaleAbove;
      term = term / kRescaleAbove;
    }
    k = k + 1.0;
    term = term * mean / k;
  }
  return inside / total;
}

double PoissonBisectionLower(double observed, double tail) {
  assert(observed >= 0.0 && std::isfinite(observed) && tail > 0.0 && tail < 1.0);
  double v = 0.5;
  double dv = 0.5;
  while (dv > kStopWidth) {
    dv = dv / 2.0;
    if (PoissonProbabilityBetween(MeanAt(observed, v), observed, kUnboundedLast) > tail) {
      v = v - dv;
    } else {
      v = v + dv;
    }
  }
  return MeanAt(observed, v);
}

double PoissonBisectionUpper(double observed, double tail) {
  assert(observed >= 0.0 && std::isfinite(observed) && tail > 0.0 && tail < 1.0);
  double v = 0.5;
  double dv = 0.5;
  while (dv > kStopWidth) {
    dv = dv / 2.0;
    if (PoissonProbabilityBetween(MeanAt(observed, v), 0.0, observed) < tail) {
      v = v - dv;
    } else {
      v = v + dv;
    }
  }
  return MeanAt(observed, v);
}

}  // namespace cradle::stats
