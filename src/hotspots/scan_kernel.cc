#include "hotspots/scan_kernel.h"

#include <immintrin.h>

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>
#include <limits>
#include <type_traits>

namespace cradle::hotspots {
namespace {

// Positions whose sums passed the test, scored after the vector loop: a
// function call inside it would push the sums out of the registers at every
// position.
template <typename AccT>
struct Note {
  alignas(32) AccT sums[kBlockLanes];
  size_t position;
  size_t bucket;
  uint64_t lanes;  // the lanes to ask: every lane, or those the AVX2 test let through
};
constexpr size_t kNotes = 64;

// Scores, exactly, the windows at one position whose sums passed the
// kernel's test, raising each replication's maximum where they beat it.
template <typename CountT, typename AccT, bool kHigh, bool kLow>
void ScoreLanes(const AccT* sums, uint64_t lanes, const CountT* row, uint32_t fewest_high,
                uint32_t most_low_plus_one, double measure, const WindowStatistic& statistic,
                std::span<double> lane_max) {
  if (lane_max.size() < 64) lanes &= (uint64_t{1} << lane_max.size()) - 1;
  for (; lanes != 0; lanes &= lanes - 1) {
    auto lane = static_cast<size_t>(std::countr_zero(lanes));
    AccT cases = sums[lane];
    bool maybe = false;
    if constexpr (kHigh) maybe |= cases >= fewest_high && row[lane] != 0;
    if constexpr (kLow) maybe |= cases < most_low_plus_one;
    if (!maybe) continue;
    double score = statistic.Llr(cases, measure);
    if (score > lane_max[lane]) lane_max[lane] = score;
  }
}

// Scores the positions a vector loop noted, each against the bounds of its
// measure bucket.
template <typename CountT, typename AccT, bool kHigh, bool kLow>
void ScoreNotes(const std::vector<Note<AccT>>& notes, size_t noted, const WindowChunk& chunk,
                const CountT* counts, const LevelBounds& bounds, const WindowStatistic& statistic,
                std::span<double> lane_max) {
  for (size_t n = 0; n < noted; ++n) {
    size_t at_k = notes[n].position;
    size_t bucket = notes[n].bucket;
    ScoreLanes<CountT, AccT, kHigh, kLow>(
        notes[n].sums, notes[n].lanes,
        counts + static_cast<size_t>(chunk.member[at_k]) * kBlockLanes,
        kHigh ? bounds.at_high[bucket] : 0, kLow ? bounds.below_low[bucket] : 0,
        chunk.measure[at_k], statistic, lane_max);
  }
}

// The portable kernel: GCC/Clang vector extensions, compiled for the
// baseline instruction set (SSE2 on x86-64); used for wide blocks and on
// processors without AVX2.
template <typename T>
struct Vec32 {
  typedef T type __attribute__((vector_size(32)));
};
template <typename T>
struct Vec16 {
  typedef T type __attribute__((vector_size(16)));
};

template <typename CountT, typename AccT, bool kHigh, bool kLow>
void Walk(const WindowChunk& chunk, const CountT* counts, const WindowStatistic& statistic,
          const LevelBounds& bounds, std::span<double> lane_max) {
  constexpr int kPerVector = 32 / sizeof(AccT);
  constexpr int kVectors = kBlockLanes / kPerVector;
  using Acc = typename Vec32<AccT>::type;
  using Count = typename Vec16<CountT>::type;
  typedef uint64_t Words __attribute__((vector_size(32)));
  std::vector<Note<AccT>> notes(kNotes);
  for (size_t c = 0; c < chunk.centres.size(); ++c) {
    size_t end = chunk.start[c + 1];
    Acc acc[kVectors] = {};
    size_t k = chunk.start[c];
    while (k < end) {
      size_t noted = 0;
      for (; k < end && noted < kNotes; ++k) {
        const CountT* row = counts + static_cast<size_t>(chunk.member[k]) * kBlockLanes;
        size_t bucket = bounds.Bucket(chunk.measure_f[k]);
        Acc at = {}, below = {}, any = {};
        if constexpr (kHigh) {
          // The measure only grows: past the last window that can reach the
          // threshold, no later one can.
          if (!kLow && bounds.at_high[bucket] == bounds.none) {
            end = k;
            break;
          }
          at += static_cast<AccT>(bounds.at_high[bucket]);
        }
        if constexpr (kLow) below += static_cast<AccT>(bounds.below_low[bucket]);
#pragma GCC unroll 8
        for (int v = 0; v < kVectors; ++v) {
          Count raw;
          std::memcpy(&raw, row + v * kPerVector, sizeof raw);
          Acc added = __builtin_convertvector(raw, Acc);
          acc[v] += added;
          if constexpr (kHigh) any |= (Acc)((acc[v] >= at) & (added != 0));
          if constexpr (kLow) any |= (Acc)(acc[v] < below);
        }
        Words words = (Words)any;
        if ((words[0] | words[1] | words[2] | words[3]) == 0) continue;
        notes[noted].position = k;
        notes[noted].bucket = bucket;
        notes[noted].lanes = ~uint64_t{0};
        std::memcpy(notes[noted].sums, acc, sizeof acc);
        ++noted;
      }
      ScoreNotes<CountT, AccT, kHigh, kLow>(notes, noted, chunk, counts, bounds, statistic,
                                            lane_max);
    }
  }
}

// The vector loop of WalkNarrowAvx2, on its own so that it holds no call:
// across a call every vector register is lost, and GCC would then keep the
// sums in memory, a round trip through the stack at every position. Walks
// positions [k, end) of the centre starting at `first` until `kNotes`
// positions are noted; returns where it stopped.
// Helpers of RunNarrowAvx2, inlined into it (a call would cost the registers).
#define CRADLE_AVX2_INLINE __attribute__((target("avx2"), always_inline)) inline

// 16 counts of `row` from `at`, widened to 16 bits.
CRADLE_AVX2_INLINE __m256i Widened(const uint8_t* row, int at) {
  return _mm256_cvtepu8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + at)));
}

// The 64 counts of `row` widened to 16 bits and added to (or taken from) acc.
CRADLE_AVX2_INLINE void AddRow(const uint8_t* row, __m256i& acc0, __m256i& acc1, __m256i& acc2,
                               __m256i& acc3) {
  acc0 = _mm256_add_epi16(acc0, Widened(row, 0));
  acc1 = _mm256_add_epi16(acc1, Widened(row, 16));
  acc2 = _mm256_add_epi16(acc2, Widened(row, 32));
  acc3 = _mm256_add_epi16(acc3, Widened(row, 48));
}
CRADLE_AVX2_INLINE void SubtractRow(const uint8_t* row, __m256i& acc0, __m256i& acc1, __m256i& acc2,
                                    __m256i& acc3) {
  acc0 = _mm256_sub_epi16(acc0, Widened(row, 0));
  acc1 = _mm256_sub_epi16(acc1, Widened(row, 16));
  acc2 = _mm256_sub_epi16(acc2, Widened(row, 32));
  acc3 = _mm256_sub_epi16(acc3, Widened(row, 48));
}

// Does any lane hold at least `fewest` cases? fewest - acc saturates to 0 in
// that lane.
CRADLE_AVX2_INLINE bool AnyReaches(uint32_t fewest, __m256i acc0, __m256i acc1, __m256i acc2,
                                   __m256i acc3) {
  const __m256i at = _mm256_set1_epi16(static_cast<int16_t>(fewest));
  __m256i short0 = _mm256_subs_epu16(at, acc0), short1 = _mm256_subs_epu16(at, acc1);
  __m256i short2 = _mm256_subs_epu16(at, acc2), short3 = _mm256_subs_epu16(at, acc3);
  __m256i least =
      _mm256_min_epu16(_mm256_min_epu16(short0, short1), _mm256_min_epu16(short2, short3));
  __m256i reached = _mm256_cmpeq_epi16(least, _mm256_setzero_si256());
  return !_mm256_testz_si256(reached, reached);
}

CRADLE_AVX2_INLINE void StoreSums(__m256i* to, __m256i acc0, __m256i acc1, __m256i acc2,
                                  __m256i acc3) {
  _mm256_store_si256(to, acc0);
  _mm256_store_si256(to + 1, acc1);
  _mm256_store_si256(to + 2, acc2);
  _mm256_store_si256(to + 3, acc3);
}

// The lanes worth scoring at a position, as a bit per lane: high, those
// holding at least `fewest` cases where `row` brought some (only such a
// position can start a better high-rate window); low, those holding fewer
// than `below`. The 16-bit lane tests are packed to bytes (packs works within
// each 128-bit half, hence the permute) and read with movemask.
CRADLE_AVX2_INLINE uint64_t LaneBits(__m256i a, __m256i b) {
  __m256i bytes = _mm256_permute4x64_epi64(_mm256_packs_epi16(a, b), 0xD8);
  return static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(bytes)));
}

template <bool kHigh, bool kLow>
CRADLE_AVX2_INLINE uint64_t LanesToScore(uint32_t fewest, uint32_t below, const uint8_t* row,
                                         const __m256i* acc) {
  const __m256i at = _mm256_set1_epi16(static_cast<int16_t>(fewest));
  const __m256i room = _mm256_set1_epi16(static_cast<int16_t>(below));
  const __m256i zero = _mm256_setzero_si256();
  __m256i ask[4];
  for (int v = 0; v < 4; ++v) {
    ask[v] = zero;
    if constexpr (kHigh) {
      __m256i reached = _mm256_cmpeq_epi16(_mm256_subs_epu16(at, acc[v]), zero);
      __m256i none_entered = _mm256_cmpeq_epi16(Widened(row, 16 * v), zero);
      ask[v] = _mm256_andnot_si256(none_entered, reached);
    }
    if constexpr (kLow) {
      __m256i at_least = _mm256_cmpeq_epi16(_mm256_subs_epu16(room, acc[v]), zero);
      ask[v] = _mm256_or_si256(ask[v], _mm256_xor_si256(at_least, _mm256_set1_epi16(-1)));
    }
  }
  return LaneBits(ask[0], ask[1]) | (LaneBits(ask[2], ask[3]) << 32);
}

// High rates only, positions taken kGroup at a time with one test: the sums
// after the group's last position against the bound at its first. Sums only
// grow along a centre's list and the bound only grows with the measure, so a
// position of the group that could reach the threshold makes the group pass;
// a group that passes notes all its positions, its sums found by taking the
// rows back off, and ScoreLanes then asks each its exact question.
constexpr size_t kGroup = 4;

template <bool kHigh, bool kLow>
__attribute__((target("avx2"))) size_t RunNarrowAvx2(const WindowChunk& chunk,
                                                     const uint8_t* counts,
                                                     const LevelBounds& bounds, size_t k,
                                                     size_t& end, __m256i* sums,
                                                     Note<uint16_t>* notes, size_t& noted) {
  __m256i acc0 = _mm256_load_si256(sums), acc1 = _mm256_load_si256(sums + 1);
  __m256i acc2 = _mm256_load_si256(sums + 2), acc3 = _mm256_load_si256(sums + 3);
  noted = 0;
  auto row_at = [&](size_t at) {
    return counts + static_cast<size_t>(chunk.member[at]) * kBlockLanes;
  };
  if constexpr (kHigh && !kLow) {
    for (; k + kGroup <= end && noted + kGroup <= kNotes; k += kGroup) {
      size_t bucket = bounds.Bucket(chunk.measure_f[k]);
      uint32_t fewest = bounds.at_high[bucket];
      if (fewest == bounds.none) {
        end = k;  // the measure only grows: no later window can reach it
        break;
      }
      for (size_t g = 0; g < kGroup; ++g) {
        _mm_prefetch(reinterpret_cast<const char*>(row_at(k + g + kPrefetchAhead)), _MM_HINT_T0);
        AddRow(row_at(k + g), acc0, acc1, acc2, acc3);
      }
      if (!AnyReaches(fewest, acc0, acc1, acc2, acc3)) continue;
      __m256i sum0 = acc0, sum1 = acc1, sum2 = acc2, sum3 = acc3;
      for (size_t g = kGroup; g-- > 0;) {
        Note<uint16_t>& note = notes[noted + g];
        note.position = k + g;
        note.bucket = bounds.Bucket(chunk.measure_f[k + g]);
        StoreSums(reinterpret_cast<__m256i*>(note.sums), sum0, sum1, sum2, sum3);
        note.lanes = LanesToScore<true, false>(bounds.at_high[note.bucket], 0, row_at(k + g),
                                               reinterpret_cast<const __m256i*>(note.sums));
        SubtractRow(row_at(k + g), sum0, sum1, sum2, sum3);
      }
      noted += kGroup;
    }
    if (k + kGroup <= end) {  // the notes are full: score them, then go on
      StoreSums(sums, acc0, acc1, acc2, acc3);
      return k;
    }
  }
  for (; k < end && noted < kNotes; ++k) {
    const uint8_t* row = row_at(k);
    // The rows are read in neighbour order, scattered over the block: ask for
    // one some positions ahead so that its line has arrived when it is added.
    _mm_prefetch(reinterpret_cast<const char*>(row_at(k + kPrefetchAhead)), _MM_HINT_T0);
    size_t bucket = bounds.Bucket(chunk.measure_f[k]);
    uint32_t fewest = kHigh ? bounds.at_high[bucket] : 0;
    if (kHigh && !kLow && fewest == bounds.none) {
      end = k;  // the measure only grows: no later window can reach it
      break;
    }
    const uint32_t below = kLow ? bounds.below_low[bucket] : 0;
    AddRow(row, acc0, acc1, acc2, acc3);
    // Does any lane pass? High: acc >= fewest (AnyReaches). Low: acc <
    // below, i.e. below - acc is not 0. The test does not ask whether this
    // location brought cases (only such positions can make a better
    // high-rate window): LanesToScore asks, and leaving it out here halves
    // the work of the positions that pass nothing, which are nearly all.
    bool pass = false;
    if constexpr (kHigh) pass = AnyReaches(fewest, acc0, acc1, acc2, acc3);
    if constexpr (kLow) {
      const __m256i room = _mm256_set1_epi16(static_cast<int16_t>(below));
      __m256i left = _mm256_or_si256(
          _mm256_or_si256(_mm256_subs_epu16(room, acc0), _mm256_subs_epu16(room, acc1)),
          _mm256_or_si256(_mm256_subs_epu16(room, acc2), _mm256_subs_epu16(room, acc3)));
      pass = pass || !_mm256_testz_si256(left, left);
    }
    if (!pass) continue;
    notes[noted].position = k;
    notes[noted].bucket = bucket;
    __m256i* noted_sums = reinterpret_cast<__m256i*>(notes[noted].sums);
    StoreSums(noted_sums, acc0, acc1, acc2, acc3);
    notes[noted].lanes = LanesToScore<kHigh, kLow>(fewest, below, row, noted_sums);
    ++noted;
  }
  StoreSums(sums, acc0, acc1, acc2, acc3);
  return k;
}

// The common case written out for AVX2: 8-bit counts summed in 16 bits, the
// 64 lanes in four registers. A position costs four widening loads and adds,
// the tests and one branch that is almost never taken.
template <bool kHigh, bool kLow>
__attribute__((target("avx2"))) void WalkNarrowAvx2(const WindowChunk& chunk, const uint8_t* counts,
                                                    const WindowStatistic& statistic,
                                                    const LevelBounds& bounds,
                                                    std::span<double> lane_max) {
  std::vector<Note<uint16_t>> notes(kNotes);
  alignas(32) __m256i sums[4];
  for (size_t c = 0; c < chunk.centres.size(); ++c) {
    size_t end = chunk.start[c + 1];
    for (__m256i& sum : sums) sum = _mm256_setzero_si256();
    size_t k = chunk.start[c];
    while (k < end) {
      size_t noted = 0;
      k = RunNarrowAvx2<kHigh, kLow>(chunk, counts, bounds, k, end, sums, notes.data(), noted);
      ScoreNotes<uint8_t, uint16_t, kHigh, kLow>(notes, noted, chunk, counts, bounds, statistic,
                                                 lane_max);
    }
  }
}

bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

template <typename CountT, typename AccT>
void Dispatch(const WindowChunk& chunk, const CountT* counts, const WindowStatistic& statistic,
              const LevelBounds& limits, std::span<double> lane_max) {
  bool high = statistic.high(), low = statistic.low();
  if (high && low) {
    Walk<CountT, AccT, true, true>(chunk, counts, statistic, limits, lane_max);
  } else if (high) {
    Walk<CountT, AccT, true, false>(chunk, counts, statistic, limits, lane_max);
  } else if (low) {
    Walk<CountT, AccT, false, true>(chunk, counts, statistic, limits, lane_max);
  }
}

}  // namespace

LevelBounds MakeLevelBounds(const WindowStatistic& statistic, double threshold,
                            double max_measure) {
  // Enough buckets that a window's bound is at most one case from exact,
  // few enough that the table stays in the core's cache.
  constexpr size_t kBuckets = 1 << 14;
  LevelBounds bounds;
  bounds.last_bucket = static_cast<int32_t>(kBuckets - 1);
  bounds.none = static_cast<uint32_t>(statistic.total_cases()) + 1;
  bounds.buckets_per_unit =
      max_measure > 0 ? static_cast<float>(static_cast<double>(kBuckets - 1) / max_measure) : 0;
  // A float product can round a measure into the next bucket up; reading a
  // bucket's bounds at a measure a little past its ends keeps them safe.
  double width = max_measure / static_cast<double>(kBuckets - 1);
  double slack = width * 1e-3 + max_measure * 1e-6;
  if (statistic.high()) {
    // Widened by a relative 1e-6 for the measures' rounding to float.
    std::vector<float> limits = statistic.HighLimits(threshold);
    for (size_t c = 1; c < limits.size(); ++c) limits[c] = std::max(limits[c], limits[c - 1]);
    bounds.at_high.resize(kBuckets);
    uint32_t c = 0;
    for (size_t q = 0; q < kBuckets; ++q) {
      double start = static_cast<double>(q) * width - slack;
      while (c < bounds.none && limits[c] * (1 + 1e-6) < start) ++c;
      bounds.at_high[q] = c;
    }
  }
  if (statistic.low()) {
    std::vector<float> limits = statistic.LowLimits(threshold);
    for (size_t c = limits.size() - 1; c-- > 0;) limits[c] = std::min(limits[c], limits[c + 1]);
    bounds.below_low.resize(kBuckets);
    uint32_t c = 0;
    for (size_t q = 0; q < kBuckets; ++q) {
      double stop = q + 1 == kBuckets ? std::numeric_limits<double>::infinity()
                                      : static_cast<double>(q + 1) * width + slack;
      while (c < bounds.none && limits[c] * (1 - 1e-6) <= stop) ++c;
      bounds.below_low[q] = c;
    }
  }
  return bounds;
}

void RunKernel(const WindowChunk& chunk, const ReplicationBlock& block,
               const WindowStatistic& statistic, const LevelBounds& limits,
               std::span<double> lane_max) {
  assert(lane_max.size() <= static_cast<size_t>(kBlockLanes));
  bool high = statistic.high(), low = statistic.low();
  if (block.is_narrow && HasAvx2()) {
    const uint8_t* counts = block.narrow.data();
    if (high && low) {
      WalkNarrowAvx2<true, true>(chunk, counts, statistic, limits, lane_max);
    } else if (high) {
      WalkNarrowAvx2<true, false>(chunk, counts, statistic, limits, lane_max);
    } else if (low) {
      WalkNarrowAvx2<false, true>(chunk, counts, statistic, limits, lane_max);
    }
  } else if (block.is_narrow) {
    Dispatch<uint8_t, uint16_t>(chunk, block.narrow.data(), statistic, limits, lane_max);
  } else {
    Dispatch<uint16_t, uint32_t>(chunk, block.wide.data(), statistic, limits, lane_max);
  }
}

}  // namespace cradle::hotspots
