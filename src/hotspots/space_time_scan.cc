// The space-time scan in three steps: every centre's best cylinder on the
// observed data, SaTScan's hierarchy of clusters from those, and the
// replications' maxima for the p-values. The circles are built once and
// shared read-only by the replication threads.
#include "hotspots/space_time_scan.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <mutex>
#include <random>

#include "hotspots/cluster_selection.h"
#include "hotspots/neighbours.h"
#include "hotspots/p_values.h"
#include "hotspots/parallel.h"
#include "hotspots/replication_generator.h"

namespace cradle::hotspots {
namespace {

// SaTScan reports no secondary cluster scoring below this, nor more than
// this many clusters.
constexpr double kMinReportedLlr = 0.001;
constexpr int kMaxClusters = 500;

struct TimeFrames {
  int min_length = 1;
  int max_length = 1;
};

TimeFrames FramesOf(const SpaceTimeOptions& options, size_t intervals) {
  // A small allowance so that 0.5 x 18 is 9, not 8.999...
  const int longest = static_cast<int>(
      std::floor(options.max_temporal_share * static_cast<double>(intervals) + 1e-9));
  return {options.min_temporal_intervals, std::max(1, longest)};
}

// The circles of every centre. WindowBuilder caps a window on
// SpatialData::population, so that field carries the window measure.
std::vector<CentreWindows> BuildCircles(const SpaceTimeData& data, double max_share) {
  SpatialData spatial;
  spatial.coordinates = data.coordinates;
  spatial.ids = data.ids;
  spatial.x = data.x;
  spatial.y = data.y;
  spatial.cases.assign(data.size(), 0);
  spatial.population = data.window_measure;
  const DistanceSpace space(spatial);
  WindowBuilder builder(spatial, space, max_share * spatial.total_population());
  std::vector<CentreWindows> circles(data.size());
  for (size_t centre = 0; centre < data.size(); ++centre) {
    builder.Build(static_cast<int>(centre), circles[centre]);
  }
  return circles;
}

// Per-thread workspace of the cylinder walk.
struct Walk {
  std::vector<int64_t> cases;      // per interval, inside the circle
  std::vector<double> expected;    // per interval, inside the circle
  std::vector<int64_t> cum_cases;  // prefix sums over intervals
  std::vector<double> cum_expected;
};

// Calls visit(centre, prefix, first, last, c, e) for every cylinder: circle
// `prefix` (its first prefix + 1 members) of `centre` over intervals
// [first, last]. Circles grow one location at a time, so a circle's counts
// per interval are the previous circle's plus one location's row.
template <typename Visit>
void ForEachCylinder(const SpaceTimeData& data, const std::vector<CentreWindows>& circles,
                     const int64_t* cell_cases, TimeFrames frames, Walk& walk, Visit&& visit) {
  const int intervals = static_cast<int>(data.intervals());
  walk.cases.resize(intervals);
  walk.expected.resize(intervals);
  walk.cum_cases.resize(intervals + 1);
  walk.cum_expected.resize(intervals + 1);
  int64_t* cases = walk.cases.data();
  double* expected = walk.expected.data();
  int64_t* cum_cases = walk.cum_cases.data();
  double* cum_expected = walk.cum_expected.data();
  const double* cell_expected = data.expected.data();
  for (const CentreWindows& circle : circles) {
    std::fill(cases, cases + intervals, 0);
    std::fill(expected, expected + intervals, 0.0);
    const int prefixes = static_cast<int>(circle.members.size());
    for (int prefix = 0; prefix < prefixes; ++prefix) {
      const size_t row = static_cast<size_t>(circle.members[prefix]) * intervals;
      for (int k = 0; k < intervals; ++k) {
        cases[k] += cell_cases[row + k];
        expected[k] += cell_expected[row + k];
        cum_cases[k + 1] = cum_cases[k] + cases[k];
        cum_expected[k + 1] = cum_expected[k] + expected[k];
      }
      for (int first = 0; first < intervals; ++first) {
        const int last_end = std::min(intervals, first + frames.max_length);
        for (int last = first + frames.min_length - 1; last < last_end; ++last) {
          visit(circle.centre, prefix, first, last, cum_cases[last + 1] - cum_cases[first],
                cum_expected[last + 1] - cum_expected[first]);
        }
      }
    }
  }
}

// The score of a cylinder in the scanned direction(s), and which side it is
// on; 0 for a cylinder in neither or with too few cases.
double Score(int64_t c, double e, int64_t total, const SpaceTimeOptions& options, bool& high) {
  const double cases = static_cast<double>(c);
  const double all = static_cast<double>(total);
  high = IsHigh(cases, e, all, all);
  if (high) {
    if (options.direction == RateDirection::kLow || c < options.min_cases_high) return 0.0;
  } else {
    if (options.direction == RateDirection::kHigh || c < options.min_cases_low) return 0.0;
    if (!IsLow(cases, e, all, all)) return 0.0;
  }
  return PoissonLlr(cases, e, all);
}

struct Candidate {
  int centre = -1;
  int prefix = -1;
  int first = 0;
  int last = 0;
  int64_t c = 0;
  double e = 0;
  double llr = 0;
  bool high = true;
};

// Each centre's best cylinder; the first of equal scores wins (strict >),
// so a smaller circle beats a larger one.
std::vector<Candidate> BestPerCentre(const SpaceTimeData& data,
                                     const std::vector<CentreWindows>& circles,
                                     const SpaceTimeOptions& options, TimeFrames frames) {
  std::vector<Candidate> best(data.size());
  const int64_t total = data.total_cases();
  Walk walk;
  ForEachCylinder(data, circles, data.cases.data(), frames, walk,
                  [&](int centre, int prefix, int first, int last, int64_t c, double e) {
                    bool high = true;
                    const double llr = Score(c, e, total, options, high);
                    Candidate& slot = best[centre];
                    if (llr > slot.llr) slot = {centre, prefix, first, last, c, e, llr, high};
                  });
  return best;
}

Cluster ToCluster(const Candidate& candidate, const SpaceTimeData& data,
                  const std::vector<CentreWindows>& circles) {
  const CentreWindows& circle = circles[candidate.centre];
  Cluster cluster;
  cluster.centre = candidate.centre;
  cluster.members.assign(circle.members.begin(), circle.members.begin() + candidate.prefix + 1);
  cluster.radius = circle.distance[candidate.prefix];
  cluster.observed = candidate.c;
  cluster.expected = candidate.e;
  for (int member : cluster.members) cluster.population += data.population[member];
  cluster.llr = candidate.llr;
  cluster.high = candidate.high;
  cluster.time_start = candidate.first;
  cluster.time_end = candidate.last;
  return cluster;
}

// SaTScan's hierarchy (cluster_selection.h) over the centres' best
// cylinders: the most likely cluster, then each that shares no location with
// a cluster already kept, whatever their time frames.
std::vector<Cluster> Hierarchy(const std::vector<Candidate>& best, const SpaceTimeData& data,
                               const std::vector<CentreWindows>& circles) {
  std::vector<CentreBest> candidates;
  for (const Candidate& candidate : best) {
    if (candidate.llr > 0) {
      candidates.push_back({candidate.centre, candidate.prefix + 1, candidate.llr});
    }
  }
  if (candidates.empty()) return {};
  SortCandidates(candidates);
  auto members = [&](const CentreBest& candidate) {
    const std::vector<int32_t>& order = circles[candidate.centre].members;
    return std::vector<int>(order.begin(), order.begin() + candidate.length);
  };
  // The most likely cluster is reported whatever its ratio.
  const double min_llr = std::min(kMinReportedLlr, candidates.front().llr);
  std::vector<Cluster> clusters;
  for (size_t idx : SelectNonOverlapping(candidates, data.size(), kMaxClusters, min_llr, members)) {
    clusters.push_back(ToCluster(best[candidates[idx].centre], data, circles));
  }
  return clusters;
}

// One replication's data and its largest score.
class Replicator {
 public:
  Replicator(const SpaceTimeData& data, const std::vector<CentreWindows>& circles,
             const SpaceTimeOptions& options, TimeFrames frames,
             const std::vector<double>& expected_after)
      : data_(data),
        circles_(circles),
        options_(options),
        frames_(frames),
        expected_after_(expected_after),
        total_(data.total_cases()),
        cases_(data.cases.size()),
        least_expected_(static_cast<size_t>(total_) + 1),
        most_expected_(static_cast<size_t>(total_) + 1) {}

  double Run(int replication) {
    std::mt19937_64 rng(SplitMix64(options_.seed ^ SplitMix64(static_cast<uint64_t>(replication))));
    Draw(rng);
    return MaximumScore();
  }

 private:
  // The multinomial as sequential conditional binomials: cell i takes
  // Binomial(cases left, E_i / expected left from i on).
  void Draw(std::mt19937_64& rng) {
    int64_t left = total_;
    for (size_t cell = 0; cell < cases_.size(); ++cell) {
      if (left == 0 || data_.expected[cell] <= 0) {
        cases_[cell] = 0;
        continue;
      }
      const double p = data_.expected[cell] / expected_after_[cell];
      if (p >= 1) {
        cases_[cell] = left;
      } else {
        std::binomial_distribution<int64_t> binomial(left, p);
        cases_[cell] = binomial(rng);
      }
      left -= cases_[cell];
    }
  }

  // For a fixed number of cases a high-rate score falls as the expected count
  // grows and a low-rate score rises, so the largest score is among the
  // cylinders with the least (most) expected count for each number of cases
  // (SaTScan's "measure list"; SCAN.md §2.1): the walk only keeps those
  // extremes, and logarithms are taken once per number of cases.
  double MaximumScore() {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    std::fill(least_expected_.begin(), least_expected_.end(), kInf);
    std::fill(most_expected_.begin(), most_expected_.end(), -kInf);
    double* least = least_expected_.data();
    double* most = most_expected_.data();
    const bool high = options_.direction != RateDirection::kLow;
    const bool low = options_.direction != RateDirection::kHigh;
    ForEachCylinder(data_, circles_, cases_.data(), frames_, walk_,
                    [&](int, int, int, int, int64_t c, double e) {
                      if (high && e < least[c]) least[c] = e;
                      if (low && e > most[c]) most[c] = e;
                    });
    double best = 0;
    bool side = true;
    for (int64_t c = 0; c <= total_; ++c) {
      if (high && least[c] < kInf)
        best = std::max(best, Score(c, least[c], total_, options_, side));
      if (low && most[c] > -kInf) best = std::max(best, Score(c, most[c], total_, options_, side));
    }
    return best;
  }

  const SpaceTimeData& data_;
  const std::vector<CentreWindows>& circles_;
  const SpaceTimeOptions& options_;
  TimeFrames frames_;
  const std::vector<double>& expected_after_;
  int64_t total_;
  std::vector<int64_t> cases_;
  std::vector<double> least_expected_;
  std::vector<double> most_expected_;
  Walk walk_;
};

std::vector<double> Replicate(const SpaceTimeData& data, const std::vector<CentreWindows>& circles,
                              const SpaceTimeOptions& options, TimeFrames frames) {
  const int total = options.replications;
  std::vector<double> simulated(static_cast<size_t>(total), 0.0);
  if (total == 0) return simulated;
  // The expected count of each cell and every cell after it, summed from the
  // end so the last cell with any is exactly its own (p = 1 there).
  std::vector<double> expected_after(data.expected.size() + 1, 0.0);
  for (size_t cell = data.expected.size(); cell-- > 0;) {
    expected_after[cell] = expected_after[cell + 1] + data.expected[cell];
  }
  const int threads = ThreadCount(options.threads);
  std::vector<Replicator> replicators;
  replicators.reserve(static_cast<size_t>(threads));
  for (int idx = 0; idx < threads; ++idx) {
    replicators.emplace_back(data, circles, options, frames, expected_after);
  }
  std::mutex progress_mutex;
  int done = 0;
  tbb::task_arena arena(threads);
  ParallelFor(arena, simulated.size(), [&](size_t replication, size_t worker) {
    simulated[replication] = replicators[worker].Run(static_cast<int>(replication));
    if (options.progress) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      options.progress(++done, total);
    }
  });
  return simulated;
}

}  // namespace

Status CheckSpaceTimeOptions(const SpaceTimeOptions& options, size_t intervals) {
  if (!(options.max_spatial_share > 0 && options.max_spatial_share <= 0.5)) {
    return Status::InvalidArgument("the maximum spatial window must be above 0% and at most 50%");
  }
  if (!(options.max_temporal_share > 0 && options.max_temporal_share <= 0.9)) {
    return Status::InvalidArgument(
        "the maximum temporal window must be above 0% and at most 90% of the study period");
  }
  const TimeFrames frames = FramesOf(options, intervals);
  if (options.min_temporal_intervals < 1 || options.min_temporal_intervals > frames.max_length) {
    return Status::InvalidArgument(
        "the minimum temporal window must be at least 1 interval and at most the maximum (" +
        std::to_string(frames.max_length) + " intervals)");
  }
  if (options.min_cases_high < 0 || options.min_cases_low < 0) {
    return Status::InvalidArgument("the minimum number of cases in a cluster must be 0 or more");
  }
  if (options.replications < 0) {
    return Status::InvalidArgument("the number of replications must be 0 or more");
  }
  if (options.threads < 0) {
    return Status::InvalidArgument("the number of threads must be 0 (every core) or more");
  }
  return Status::Ok();
}

ScanResult SpaceTimeScan(const SpaceTimeData& data, const SpaceTimeOptions& options) {
  assert(CheckSpaceTimeOptions(options, data.intervals()).ok());
  assert(data.cases.size() == data.size() * data.intervals());
  const TimeFrames frames = FramesOf(options, data.intervals());
  const std::vector<CentreWindows> circles = BuildCircles(data, options.max_spatial_share);

  ScanResult result;
  result.total_cases = data.total_cases();
  result.total_population = data.total_population();
  result.interval_start_labels = data.interval_start_labels;
  result.interval_end_labels = data.interval_end_labels;
  result.clusters = Hierarchy(BestPerCentre(data, circles, options, frames), data, circles);
  const std::vector<double> simulated = Replicate(data, circles, options, frames);
  AssignPValues(simulated, options.gumbel, result);
  return result;
}

void AssignPValues(std::span<const double> simulated, bool gumbel, ScanResult& result) {
  result.simulated_llrs.assign(simulated.begin(), simulated.end());
  result.replications = static_cast<int>(simulated.size());
  if (simulated.empty()) return;
  const GumbelFit fit = gumbel ? FitGumbel(simulated) : GumbelFit{};
  for (Cluster& cluster : result.clusters) {
    cluster.rank = MonteCarloRank(cluster.llr, simulated);
    cluster.p_value = MonteCarloPValue(cluster.llr, simulated);
    if (gumbel) cluster.gumbel_p_value = fit.PValue(cluster.llr);
  }
  // SaTScan leaves out a secondary cluster that every replication beat.
  const int replications = result.replications;
  auto unreported = [&](const Cluster& cluster) { return cluster.rank > replications; };
  if (result.clusters.size() > 1) {
    result.clusters.erase(
        std::remove_if(result.clusters.begin() + 1, result.clusters.end(), unreported),
        result.clusters.end());
  }
}

}  // namespace cradle::hotspots
