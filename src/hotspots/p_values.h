// Monte Carlo inference on the maxima of the replications
// (reference/scan/SCAN.md §1.4): rank = 1 + the number of simulated maxima at
// least the observed value (within 1e-9, as SaTScan), p = rank / (R + 1); and
// the Gumbel approximation fitted by the method of moments with the
// population standard deviation (Abrams, Kleinman & Kulldorff 2010).
#pragma once

#include <span>

namespace cradle::hotspots {

int MonteCarloRank(double llr, std::span<const double> simulated);
double MonteCarloPValue(double llr, std::span<const double> simulated);

struct GumbelFit {
  double mu = 0;
  double beta = 0;
  double PValue(double llr) const;
};
GumbelFit FitGumbel(std::span<const double> simulated);

}  // namespace cradle::hotspots
