// The retrospective space-time Poisson scan (Kulldorff et al. 1998; SCAN.md
// §1.7), as SaTScan runs it. A window is a cylinder: a circle of locations
// (neighbours.h) capped at a share of the window measure, times a run of
// consecutive time intervals between a minimum and a maximum length. Each
// cylinder scores PoissonLlr on its observed and expected cases.
//
// Clusters follow SaTScan's hierarchy (SCAN.md §1.5, cluster_selection.h):
// each centre's best cylinder, in SaTScan's order, kept unless it shares a
// location with a cluster already kept, whatever the time frames ("no
// geographical overlap": SaTScan's criterion names locations only; New
// Mexico's clusters are the same with a time-aware rule).
// Inference (SCAN.md §1.4): R replications spread the C cases over the
// location x interval cells multinomially with probabilities E/C; each keeps
// its largest score; rank and p-value from p_values.h. Replication r draws
// from its own generator seeded from (seed, r), so the thread count never
// changes a result.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "base/status.h"
#include "hotspots/cluster.h"
#include "hotspots/likelihood.h"
#include "hotspots/space_time_data.h"

namespace cradle::hotspots {

struct SpaceTimeOptions {
  // The largest circle holds at most this share of the total window measure
  // (SaTScan: "percent of population at risk"), in (0, 0.5].
  double max_spatial_share = 0.5;
  // The longest time frame is floor(share x intervals) intervals, at least
  // one, in (0, 0.9] (SaTScan allows up to 90% of the study period).
  double max_temporal_share = 0.5;
  int min_temporal_intervals = 1;
  RateDirection direction = RateDirection::kHigh;
  int64_t min_cases_high = 2;  // SaTScan's default for high-rate clusters
  int64_t min_cases_low = 0;
  int replications = 999;
  uint64_t seed = 12345678;
  int threads = 0;      // 0: every core
  bool gumbel = false;  // also fill Cluster::gumbel_p_value
  // Called after each replication with how many are done; from worker
  // threads, one call at a time, `done` rising to `total`.
  std::function<void(int done, int total)> progress;
};

// InvalidArgument, naming the option, for a value outside its range:
// shares as above, min_temporal_intervals < 1 or above the longest time
// frame, negative minimum cases, replications < 0, threads < 0.
Status CheckSpaceTimeOptions(const SpaceTimeOptions& options, size_t intervals);

// The clusters of `data`, most likely first, with the replications' maxima
// and p-values (none with 0 replications: every rank stays 0 and every
// p-value 1). A secondary cluster is reported only when its LLR is at least
// 0.001 and, with replications, at least one replication scored below it
// (rank <= R), as SaTScan reports them. Cluster::population is the averaged
// population of its locations; radius is the distance from the centre to its
// farthest location (for lat/long the chord on SaTScan's 6,367 km sphere, in
// km). No cylinder scoring above 0 gives no clusters.
// REQUIRES: CheckSpaceTimeOptions(options, data.intervals()).ok(), `data`
// as MakeSpaceTimeData makes it.
ScanResult SpaceTimeScan(const SpaceTimeData& data, const SpaceTimeOptions& options);

// Fills rank and p-values of `result.clusters` from `simulated` (the
// replications' maxima), drops secondary clusters no replication scored
// below, and stores `simulated` and its size in the result. SpaceTimeScan
// calls it; it is public so SaTScan's own simulated maxima can be checked
// against its report.
void AssignPValues(std::span<const double> simulated, bool gumbel, ScanResult& result);

}  // namespace cradle::hotspots
