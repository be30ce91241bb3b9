// The inner loop of the replications: for a block of 64 replications at
// once, walk every window of a chunk of centres, add the cases each entering
// location has in each replication, and compute a likelihood ratio only for
// the few windows that could reach a replication's running maximum.
//
// Why it is fast (reference/scan/SCAN.md §2.1): the 64 replications' counts
// of one location sit in one cache line, so one pass over a centre's list
// serves 64 replications with a handful of vector instructions per position;
// the test "could this window reach T?" is an integer compare against the
// fewest cases that reach T at this measure, found by walking a table as the
// measure grows (WindowStatistic::HighLimits), so no logarithm is taken for
// the windows that cannot matter. The result is exact: every window scoring
// at least T is scored, so a replication whose maximum is at least T gets
// that maximum.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "hotspots/window_chunk.h"
#include "hotspots/window_statistic.h"

namespace cradle::hotspots {

inline constexpr int kBlockLanes = 64;
// How far ahead the kernel prefetches a location's counts; WindowChunk::member
// carries this many extra entries (location 0) past its end.
inline constexpr size_t kPrefetchAhead = 16;

// The case counts of up to 64 replications: counts[location * 64 + lane].
// Narrow blocks (every count below 256 and C below 65,535) take the fast
// 8-bit path; others keep 16 bits.
struct ReplicationBlock {
  std::vector<int> rows;       // which replication (a row of the pass) each used lane holds
  std::vector<double> maxima;  // each lane's maximum so far
  std::vector<uint8_t> narrow;
  std::vector<uint16_t> wide;
  bool is_narrow = false;
};

// At one threshold, for a window's measure: the fewest cases a high-rate
// window needs to reach it (C + 1 when none can), and one more than the most
// cases a low-rate window may hold. Looked up by the measure's bucket (16,384
// buckets up to the largest window's measure), taking the bucket's most
// permissive end, so a window that reaches the threshold always passes; a
// lookup has no dependence on the last one, unlike walking the limits.
struct LevelBounds {
  float buckets_per_unit = 0;
  uint32_t none = 0;
  std::vector<uint32_t> at_high;    // per bucket; empty when not scanning high rates
  std::vector<uint32_t> below_low;  // per bucket; empty when not scanning low rates

  int32_t last_bucket = 0;

  size_t Bucket(float measure) const {
    // Through int32, not size_t: a float converts to a signed integer in one
    // instruction, to an unsigned 64-bit one only through a branch.
    int32_t bucket =
        static_cast<int32_t>(std::min(measure * buckets_per_unit, static_cast<float>(last_bucket)));
    return static_cast<size_t>(bucket);
  }
};

// The bounds at `threshold`, for windows up to `max_measure`.
LevelBounds MakeLevelBounds(const WindowStatistic& statistic, double threshold, double max_measure);

// Raises lane_max[lane] to the score of every window of `chunk` in the
// replication that scores at least the bounds' threshold and more than
// lane_max[lane].
void RunKernel(const WindowChunk& chunk, const ReplicationBlock& block,
               const WindowStatistic& statistic, const LevelBounds& bounds,
               std::span<double> lane_max);

}  // namespace cradle::hotspots
