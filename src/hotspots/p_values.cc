#include "hotspots/p_values.h"

#include <cmath>
#include <numbers>

namespace cradle::hotspots {
namespace {
// SaTScan counts a simulated maximum within this of the observed value as
// equal, so rounding in the last digits cannot change a rank.
constexpr double kTolerance = 1e-9;
}  // namespace

int MonteCarloRank(double llr, std::span<const double> simulated) {
  int rank = 1;
  for (double value : simulated) {
    if (value >= llr - kTolerance) ++rank;
  }
  return rank;
}

double MonteCarloPValue(double llr, std::span<const double> simulated) {
  return static_cast<double>(MonteCarloRank(llr, simulated)) /
         static_cast<double>(simulated.size() + 1);
}

GumbelFit FitGumbel(std::span<const double> simulated) {
  GumbelFit fit;
  if (simulated.empty()) return fit;
  double n = static_cast<double>(simulated.size());
  double mean = 0;
  for (double value : simulated) mean += value;
  mean /= n;
  double variance = 0;
  for (double value : simulated) variance += (value - mean) * (value - mean);
  variance /= n;  // the population variance, as SaTScan fits it
  fit.beta = std::sqrt(variance) * std::sqrt(6.0) / std::numbers::pi;
  fit.mu = mean - std::numbers::egamma * fit.beta;
  return fit;
}

double GumbelFit::PValue(double llr) const {
  if (beta <= 0) return llr > mu ? 0.0 : 1.0;
  // -expm1(-x) = 1 - exp(-x) without losing the small p-values to rounding.
  return -std::expm1(-std::exp((mu - llr) / beta));
}

}  // namespace cradle::hotspots
