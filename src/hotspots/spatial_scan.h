// The purely spatial scan statistic exactly as SaTScan defines it
// (reference/scan/SCAN.md §1): circular windows grown from every location
// over its distance-ordered neighbours up to a share of the population at
// risk, the Poisson or Bernoulli likelihood ratio, the most likely cluster
// and secondary clusters with no location in common, and Monte Carlo
// p-values from replications of the data under the null hypothesis.
//
// The same seed gives the same answer on any number of threads.
#pragma once

#include <cstdint>
#include <functional>

#include "base/result.h"
#include "hotspots/cluster.h"
#include "hotspots/likelihood.h"
#include "hotspots/scan_data.h"

namespace cradle::hotspots {

struct ScanOptions {
  RateDirection direction = RateDirection::kHigh;
  double max_window_share = 0.5;  // of the population at risk; at most 0.5
  int replications = 999;
  uint64_t seed = 12345678;  // SaTScan's default seed (our generator differs)
  int threads = 0;           // 0: every core
  bool gumbel = false;       // also give Gumbel p-values
  int64_t min_high_cases = 2;
  int max_clusters = 500;  // most likely plus secondary clusters kept
  // Called now and then with (replications done, replications) — the
  // replications advance together, so "done" is a share of the work.
  std::function<void(int, int)> progress;
};

// InvalidArgument for options out of range; InvalidData for data the scan
// cannot take (no cases; a location whose expected count is so large that a
// replication could put 65,536 cases there).
Result<ScanResult> SpatialScan(const SpatialData& data, const ScanOptions& options);

}  // namespace cradle::hotspots
