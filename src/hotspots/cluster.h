// What a scan finds: clusters with their members, counts, likelihood ratio and
// p-value, as SaTScan reports them (reference/scan/SCAN.md §1.3, §1.4).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cradle::hotspots {

struct Cluster {
  int centre = -1;           // index of the centre location
  std::vector<int> members;  // location indices in the order they entered the window
  double radius = 0;         // centre to farthest member (km for lat/long)
  int64_t observed = 0;
  double expected = 0;
  double population = 0;
  double llr = 0;
  bool high = true;  // a high-rate cluster (false: low rate)
  // Space-time clusters only: the first and last time interval, inclusive,
  // as indices into the study's intervals.
  std::optional<int> time_start;
  std::optional<int> time_end;
  // Filled by the Monte Carlo step: 1 + the number of replications whose
  // maximum is at least llr; p_value = rank / (R + 1); gumbel_p_value when
  // the Gumbel approximation was asked for.
  int rank = 0;
  double p_value = 1;
  std::optional<double> gumbel_p_value;

  double obs_over_exp() const { return expected > 0 ? observed / expected : 0; }
};

// Relative risk inside against outside: (c/E) / ((C-c)/(C-E)); +infinity when
// every case is inside.
double RelativeRisk(int64_t observed, double expected, int64_t total_cases);

struct ScanResult {
  std::vector<Cluster> clusters;       // most likely first, then secondary clusters
  std::vector<double> simulated_llrs;  // the maximum of each replication, in replication order
  int replications = 0;
  int64_t total_cases = 0;
  double total_population = 0;
  // Space-time scans: a label for the first and last day of each time
  // interval ("1985/1/1", "1989/12/31"), indexed as Cluster::time_start/end.
  std::vector<std::string> interval_start_labels;
  std::vector<std::string> interval_end_labels;
};

}  // namespace cradle::hotspots
