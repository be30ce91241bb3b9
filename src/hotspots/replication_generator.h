// The data sets of the Monte Carlo replications under the null hypothesis,
// conditioned on the total number of cases (reference/scan/SCAN.md §1.4):
// Poisson spreads the C cases over the locations multinomially with
// probabilities E_i / C; Bernoulli chooses which C of the N people are cases
// (a random permutation of the case and control labels).
//
// Each replication draws from its own generator, seeded from the run's seed
// and the replication's index, so a replication is the same whichever thread
// makes it and in whatever order: a run gives the same answer on 1 thread and
// on N.
#pragma once

#include <oneapi/tbb/task_arena.h>

#include <boost/random/discrete_distribution.hpp>
#include <cstdint>
#include <span>
#include <vector>

#include "hotspots/scan_data.h"
#include "hotspots/scan_kernel.h"

namespace cradle::hotspots {

// SplitMix64 (Steele, Lea & Flood 2014): turns (seed, index) into a
// well-mixed 64-bit seed, so neighbouring indices (replications) get
// unrelated streams and any thread can make any of them.
inline uint64_t SplitMix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

class ReplicationGenerator {
 public:
  ReplicationGenerator(const SpatialData& data, uint64_t seed);

  // Adds replication `index`'s case counts into `counts` (one per location).
  void Generate(int index, std::span<uint32_t> counts) const;

  // Every replication's counts, replication-major (counts[r * L + i]), and
  // whether they all fit the kernel's 8-bit blocks.
  struct AllCounts {
    std::vector<uint16_t> counts;
    bool narrow = true;
  };
  AllCounts GenerateAll(std::span<const int> replications, tbb::task_arena& arena) const;

  // Packs the listed rows of `all` (indices into it) into a block, one lane
  // each, at most kBlockLanes; location i's counts go to the block's row
  // slot[i].
  void FillBlock(const AllCounts& all, std::span<const int> rows, std::span<const uint32_t> slot,
                 ReplicationBlock& block) const;

 private:
  ScanModel model_;
  uint64_t seed_;
  int64_t total_cases_;
  std::vector<double> cumulative_;  // running population (Poisson) or people (Bernoulli)
  size_t locations_;
  // Poisson: where a case lands, location i with probability p_i / P. Walker's
  // alias method (Boost.Random) draws in constant time; a search of the
  // running population took log L steps over memory out of cache, most of
  // the time of making a replication.
  boost::random::discrete_distribution<uint32_t, double> landing_;
};

}  // namespace cradle::hotspots
