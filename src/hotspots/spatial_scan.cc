#include "hotspots/spatial_scan.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "hotspots/cluster_selection.h"
#include "hotspots/neighbours.h"
#include "hotspots/p_values.h"
#include "hotspots/parallel.h"
#include "hotspots/replication_generator.h"
#include "hotspots/scan_kernel.h"
#include "hotspots/window_chunk.h"
#include "hotspots/window_statistic.h"

namespace cradle::hotspots {
namespace {

// Replication maxima are found exactly when they are at least this; the few
// replications with a smaller maximum are run again scoring every window.
constexpr double kThresholdFloor = 2.0;
// A block's threshold moves in steps of this, so the limit tables are shared.
constexpr double kThresholdStep = 0.5;
// Positions packed per chunk: the chunk is read once per block of 64
// replications, so it should stay in the last-level cache.
constexpr size_t kChunkPositions = size_t{1} << 19;

double Level(double threshold) { return std::floor(threshold / kThresholdStep) * kThresholdStep; }

// The bounds of each threshold level, made once and shared by threads.
class BoundsByLevel {
 public:
  BoundsByLevel(const WindowStatistic& statistic, double max_measure)
      : statistic_(statistic), max_measure_(max_measure) {}
  const LevelBounds& At(double level) {
    std::lock_guard lock(mutex_);
    auto& entry = bounds_[level];
    if (!entry) {
      entry = std::make_unique<LevelBounds>(MakeLevelBounds(statistic_, level, max_measure_));
    }
    return *entry;
  }

 private:
  const WindowStatistic& statistic_;
  double max_measure_;
  std::mutex mutex_;
  std::map<double, std::unique_ptr<LevelBounds>> bounds_;
};

// The best window of one centre on the observed data: the first of the
// highest scores (SaTScan replaces the best only on a strictly higher one).
CentreBest BestWindow(const CentreWindows& windows, const SpatialData& data,
                      const WindowStatistic& statistic) {
  CentreBest best{windows.centre, 0, 0.0};
  int64_t cases = 0;
  // High rates only: a high-rate window's ratio falls as its measure grows at
  // the same cases, and the measure only grows along the list, so a window
  // can beat the best so far only with more cases than it has.
  int64_t to_beat = 0;
  for (size_t k = 0; k < windows.members.size(); ++k) {
    cases += data.cases[windows.members[k]];
    // For high rates only a position where a case enters can start a better
    // window (cases then pass to_beat); low rates are scored everywhere.
    if (!statistic.low() && cases <= to_beat) continue;
    double score = statistic.Llr(cases, statistic.Measure(windows.cumulative[k]));
    if (score > best.llr) {
      best = {windows.centre, static_cast<int>(k) + 1, score};
      to_beat = cases;
    }
  }
  return best;
}

// Each location's row in the replication blocks: locations in Morton
// (Z-order) order of their coordinates, so that the locations of a window,
// which lie close together, have their counts close together in memory and
// the kernel's reads hit the cache. Scoring does not depend on it.
std::vector<uint32_t> MortonSlots(const SpatialData& data) {
  size_t n = data.size();
  double min_x = n ? *std::min_element(data.x.begin(), data.x.end()) : 0;
  double max_x = n ? *std::max_element(data.x.begin(), data.x.end()) : 0;
  double min_y = n ? *std::min_element(data.y.begin(), data.y.end()) : 0;
  double max_y = n ? *std::max_element(data.y.begin(), data.y.end()) : 0;
  auto grid = [](double v, double lo, double hi) {
    return hi > lo ? static_cast<uint32_t>((v - lo) / (hi - lo) * 65535.0) : 0u;
  };
  auto spread = [](uint64_t v) {  // the 16 bits of v to the even bits
    v = (v | (v << 8)) & 0x00ff00ffULL;
    v = (v | (v << 4)) & 0x0f0f0f0fULL;
    v = (v | (v << 2)) & 0x33333333ULL;
    v = (v | (v << 1)) & 0x55555555ULL;
    return v;
  };
  std::vector<std::pair<uint64_t, uint32_t>> codes(n);
  for (size_t i = 0; i < n; ++i) {
    uint64_t code =
        spread(grid(data.x[i], min_x, max_x)) | (spread(grid(data.y[i], min_y, max_y)) << 1);
    codes[i] = {code, static_cast<uint32_t>(i)};
  }
  std::sort(codes.begin(), codes.end());
  std::vector<uint32_t> slot(n);
  for (size_t rank = 0; rank < n; ++rank) slot[codes[rank].second] = static_cast<uint32_t>(rank);
  return slot;
}

class Scan {
 public:
  Scan(const SpatialData& data, const ScanOptions& options)
      : data_(data),
        options_(options),
        statistic_(data.model, options.direction, data.total_cases(), data.total_population(),
                   options.min_high_cases),
        space_(data),
        max_population_(options.max_window_share * data.total_population()),
        threads_(ThreadCount(options.threads)),
        arena_(threads_),
        bounds_(statistic_, statistic_.Measure(max_population_)),
        generator_(data, options.seed),
        slot_(MortonSlots(data)) {}

  ScanResult Run() {
    int replications = options_.replications;
    std::vector<double> simulated(static_cast<size_t>(replications), 0.0);
    std::vector<int> all(static_cast<size_t>(replications));
    for (int r = 0; r < replications; ++r) all[static_cast<size_t>(r)] = r;
    best_.assign(data_.size(), CentreBest{});
    Pass(all, simulated, kThresholdFloor, /*observed=*/true);

    // Replications whose maximum fell below the floor: score every window.
    std::vector<int> again;
    for (int r = 0; r < replications; ++r) {
      if (simulated[static_cast<size_t>(r)] < kThresholdFloor) again.push_back(r);
    }
    if (!again.empty()) {
      std::vector<double> exact(again.size(), 0.0);
      Pass(again, exact, 0.0, /*observed=*/false);
      for (size_t i = 0; i < again.size(); ++i) simulated[static_cast<size_t>(again[i])] = exact[i];
    }
    return Report(std::move(simulated));
  }

 private:
  // One pass over every centre: builds the windows chunk by chunk, scores the
  // observed data (when asked) and runs every block of replications over
  // each chunk. maxima[i] is the maximum of replications[i].
  void Pass(const std::vector<int>& replications, std::vector<double>& maxima, double floor,
            bool observed) {
    ReplicationGenerator::AllCounts all = generator_.GenerateAll(replications, arena_);
    std::vector<ReplicationBlock> blocks;
    std::vector<double> level;
    std::vector<int> order(replications.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    Regroup(all, order, maxima, floor, blocks, level);

    std::vector<WindowBuilder> builders;
    for (int t = 0; t < threads_; ++t) builders.emplace_back(data_, space_, max_population_);
    std::vector<CentreWindows> windows;
    WindowChunk chunk;
    size_t centres_per_chunk = 64;
    size_t done = 0;
    size_t chunks = 0;
    while (done < data_.size()) {
      size_t count = std::min(centres_per_chunk, data_.size() - done);
      windows.resize(count);
      ParallelFor(arena_, count, [&](size_t i, size_t worker) {
        int centre = static_cast<int>(done + i);
        builders[worker].Build(centre, windows[i]);
        if (observed)
          best_[static_cast<size_t>(centre)] = BestWindow(windows[i], data_, statistic_);
      });
      Pack(windows, chunk);
      ParallelFor(arena_, blocks.size(), [&](size_t b, size_t) {
        ReplicationBlock& block = blocks[b];
        RunKernel(chunk, block, statistic_, bounds_.At(level[b]), block.maxima);
        double lowest = *std::min_element(block.maxima.begin(), block.maxima.end());
        level[b] = std::max(level[b], lowest >= floor ? Level(lowest) : floor);
      });
      done += count;
      ++chunks;
      // Replications whose maxima so far are alike share a block, so the
      // block's threshold (its lowest maximum) suits every lane: regroup
      // after chunks 1, 2, 4, 8, ...
      if ((chunks & (chunks - 1)) == 0 && done < data_.size()) {
        for (ReplicationBlock& block : blocks) {
          for (size_t lane = 0; lane < block.rows.size(); ++lane) {
            maxima[static_cast<size_t>(block.rows[lane])] = block.maxima[lane];
          }
        }
        std::sort(order.begin(), order.end(), [&](int a, int b) {
          return maxima[static_cast<size_t>(a)] < maxima[static_cast<size_t>(b)];
        });
        Regroup(all, order, maxima, floor, blocks, level);
      }
      size_t positions = chunk.member.size();
      centres_per_chunk = std::max<size_t>(
          16, kChunkPositions / std::max<size_t>(1, positions / std::max<size_t>(1, count)));
      if (options_.progress && observed) {
        options_.progress(
            static_cast<int>(static_cast<double>(done) / data_.size() * options_.replications),
            options_.replications);
      }
    }
    for (ReplicationBlock& block : blocks) {
      for (size_t lane = 0; lane < block.rows.size(); ++lane) {
        maxima[static_cast<size_t>(block.rows[lane])] = block.maxima[lane];
      }
    }
  }

  // Packs the replications into blocks of 64 in the given order, each lane
  // starting from its maximum so far, each block at the level of its lowest.
  void Regroup(const ReplicationGenerator::AllCounts& all, const std::vector<int>& order,
               const std::vector<double>& maxima, double floor,
               std::vector<ReplicationBlock>& blocks, std::vector<double>& level) {
    size_t block_count = (order.size() + kBlockLanes - 1) / kBlockLanes;
    blocks.resize(block_count);
    level.assign(block_count, floor);
    ParallelFor(arena_, block_count, [&](size_t b, size_t) {
      size_t first = b * kBlockLanes;
      size_t count = std::min<size_t>(kBlockLanes, order.size() - first);
      ReplicationBlock& block = blocks[b];
      block.rows.assign(order.begin() + static_cast<long>(first),
                        order.begin() + static_cast<long>(first + count));
      block.maxima.clear();
      for (int row : block.rows) block.maxima.push_back(maxima[static_cast<size_t>(row)]);
      generator_.FillBlock(all, block.rows, slot_, block);
      double lowest = *std::min_element(block.maxima.begin(), block.maxima.end());
      level[b] = lowest >= floor ? Level(lowest) : floor;
    });
  }

  // The chunk's positions are placed first, then filled centre by centre in
  // parallel: with two threads, a serial copy of every position would cost
  // as much wall time as a tenth of the kernel.
  void Pack(const std::vector<CentreWindows>& windows, WindowChunk& chunk) {
    chunk.Clear();
    for (const CentreWindows& w : windows) {
      chunk.centres.push_back(w.centre);
      chunk.start.push_back(chunk.start.back() + w.members.size());
    }
    size_t positions = chunk.start.back();
    chunk.member.resize(positions + kPrefetchAhead);
    chunk.measure.resize(positions);
    chunk.measure_f.resize(positions);
    std::fill(chunk.member.begin() + static_cast<long>(positions), chunk.member.end(), 0);
    ParallelFor(arena_, windows.size(), [&](size_t c, size_t) {
      const CentreWindows& w = windows[c];
      for (size_t k = 0, at = chunk.start[c]; k < w.members.size(); ++k, ++at) {
        double measure = statistic_.Measure(w.cumulative[k]);
        chunk.member[at] = slot_[static_cast<size_t>(w.members[k])];
        chunk.measure[at] = measure;
        chunk.measure_f[at] = static_cast<float>(measure);
      }
    });
  }

  ScanResult Report(std::vector<double> simulated) {
    ScanResult result;
    result.total_cases = data_.total_cases();
    result.total_population = data_.total_population();
    result.replications = options_.replications;
    std::vector<CentreBest> candidates;
    for (const CentreBest& best : best_) {
      if (best.length > 0 && best.llr > 0) candidates.push_back(best);
    }
    SortCandidates(candidates);
    // A secondary cluster is reported only if some replication's maximum is
    // below it (rank <= R) and its ratio is at least 0.001, as in SaTScan.
    double min_llr = 0.001;
    if (!simulated.empty()) {
      min_llr = std::max(min_llr, *std::min_element(simulated.begin(), simulated.end()) + 1e-9);
    }
    WindowBuilder builder(data_, space_, max_population_);
    CentreWindows windows;
    auto members = [&](const CentreBest& best) {
      builder.Nearest(best.centre, static_cast<size_t>(best.length), windows);
      return std::vector<int>(windows.members.begin(), windows.members.begin() + best.length);
    };
    std::vector<size_t> kept;
    if (!candidates.empty()) {
      // The most likely cluster is reported whatever its p-value.
      kept = SelectNonOverlapping(candidates, data_.size(), options_.max_clusters,
                                  std::min(min_llr, candidates.front().llr), members);
    }
    GumbelFit gumbel = FitGumbel(simulated);
    for (size_t i : kept) {
      const CentreBest& best = candidates[i];
      if (!result.clusters.empty() && best.llr < min_llr) continue;
      builder.Nearest(best.centre, static_cast<size_t>(best.length), windows);
      Cluster cluster;
      cluster.centre = best.centre;
      cluster.members.assign(windows.members.begin(), windows.members.begin() + best.length);
      cluster.radius = windows.distance[static_cast<size_t>(best.length) - 1];
      for (int j : cluster.members) cluster.observed += data_.cases[static_cast<size_t>(j)];
      cluster.population = windows.cumulative[static_cast<size_t>(best.length) - 1];
      cluster.expected = statistic_.Measure(cluster.population);
      if (data_.model == ScanModel::kBernoulli) {
        cluster.expected =
            cluster.population * static_cast<double>(result.total_cases) / result.total_population;
      }
      cluster.llr = best.llr;
      cluster.high =
          statistic_.IsHighWindow(cluster.observed, statistic_.Measure(cluster.population));
      if (!simulated.empty()) {
        cluster.rank = MonteCarloRank(cluster.llr, simulated);
        cluster.p_value = static_cast<double>(cluster.rank) / (simulated.size() + 1.0);
        if (options_.gumbel) cluster.gumbel_p_value = gumbel.PValue(cluster.llr);
      }
      result.clusters.push_back(std::move(cluster));
    }
    result.simulated_llrs = std::move(simulated);
    return result;
  }

  const SpatialData& data_;
  const ScanOptions& options_;
  WindowStatistic statistic_;
  DistanceSpace space_;
  double max_population_;
  int threads_;
  tbb::task_arena arena_;
  BoundsByLevel bounds_;
  ReplicationGenerator generator_;
  std::vector<uint32_t> slot_;  // each location's row in a replication block
  std::vector<CentreBest> best_;
};

}  // namespace

Result<ScanResult> SpatialScan(const SpatialData& data, const ScanOptions& options) {
  if (!(options.max_window_share > 0 && options.max_window_share <= 0.5)) {
    return Status::InvalidArgument(
        "the maximum window must be more than 0% and at most 50% of the population at risk");
  }
  if (options.replications < 0) {
    return Status::InvalidArgument("the number of replications must be zero or more");
  }
  if (options.threads < 0)
    return Status::InvalidArgument("the number of threads must be zero or more");
  if (data.size() == 0 || data.total_cases() <= 0) {
    return Status::InvalidData("the scan needs at least one location with a case");
  }
  std::vector<double> expected = data.Expected();
  for (size_t i = 0; i < data.size(); ++i) {
    if (expected[i] > 30000) {
      return Status::InvalidData("location " + data.ids[i] +
                                 " expects more than 30,000 cases; the scan counts at most 65,535 "
                                 "cases in one location of a replication");
    }
  }
  Scan scan(data, options);
  return scan.Run();
}

}  // namespace cradle::hotspots
