#include "hotspots/replication_generator.h"

#include <algorithm>
#include <limits>
#include <random>
#include <unordered_set>

#include "hotspots/parallel.h"

namespace cradle::hotspots {
ReplicationGenerator::ReplicationGenerator(const SpatialData& data, uint64_t seed)
    : model_(data.model), seed_(seed), total_cases_(data.total_cases()), locations_(data.size()) {
  if (model_ == ScanModel::kPoisson && !data.population.empty()) {
    landing_ = boost::random::discrete_distribution<uint32_t, double>(data.population.begin(),
                                                                      data.population.end());
  }
  cumulative_.resize(data.size());
  double running = 0;
  for (size_t i = 0; i < data.size(); ++i) {
    running += data.population[i];
    cumulative_[i] = running;
  }
}

void ReplicationGenerator::Generate(int index, std::span<uint32_t> counts) const {
  std::mt19937_64 rng(SplitMix64(seed_ ^ SplitMix64(static_cast<uint64_t>(index))));
  double total = cumulative_.empty() ? 0 : cumulative_.back();
  auto location_of = [&](double position) {
    auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), position);
    size_t i = static_cast<size_t>(it - cumulative_.begin());
    return std::min(i, locations_ - 1);
  };
  if (model_ == ScanModel::kPoisson) {
    // Each case lands in location i with probability p_i / P = E_i / C.
    for (int64_t c = 0; c < total_cases_; ++c) ++counts[landing_(rng)];
    return;
  }
  // Bernoulli: C distinct people out of N (Floyd's algorithm draws a
  // uniformly random subset in C steps); if cases are the majority, draw the
  // controls instead and count the rest.
  auto people = static_cast<int64_t>(total + 0.5);
  bool draw_cases = total_cases_ * 2 <= people;
  int64_t draws = draw_cases ? total_cases_ : people - total_cases_;
  std::unordered_set<int64_t> chosen;
  chosen.reserve(static_cast<size_t>(draws) * 2);
  for (int64_t j = people - draws; j < people; ++j) {
    int64_t t = std::uniform_int_distribution<int64_t>(0, j)(rng);
    if (!chosen.insert(t).second) chosen.insert(j);
  }
  if (draw_cases) {
    for (int64_t person : chosen) ++counts[location_of(static_cast<double>(person))];
    return;
  }
  std::vector<uint32_t> controls(locations_, 0);
  for (int64_t person : chosen) ++controls[location_of(static_cast<double>(person))];
  double previous = 0;
  for (size_t i = 0; i < locations_; ++i) {
    auto at_i = static_cast<uint32_t>(cumulative_[i] - previous + 0.5);
    previous = cumulative_[i];
    counts[i] += at_i - controls[i];
  }
}

ReplicationGenerator::AllCounts ReplicationGenerator::GenerateAll(std::span<const int> replications,
                                                                  tbb::task_arena& arena) const {
  AllCounts all;
  all.counts.assign(replications.size() * locations_, 0);
  std::vector<uint32_t> largest(replications.size(), 0);
  ParallelFor(arena, replications.size(), [&](size_t r, size_t) {
    std::vector<uint32_t> counts(locations_, 0);
    Generate(replications[r], counts);
    uint16_t* row = all.counts.data() + r * locations_;
    for (size_t i = 0; i < locations_; ++i) {
      // 16 bits hold any count SpatialScan accepts (it refuses a location
      // expecting more than 30,000 cases).
      row[i] = static_cast<uint16_t>(counts[i]);
      largest[r] = std::max(largest[r], counts[i]);
    }
  });
  uint32_t most = largest.empty() ? 0 : *std::max_element(largest.begin(), largest.end());
  all.narrow = most <= std::numeric_limits<uint8_t>::max() &&
               total_cases_ < std::numeric_limits<uint16_t>::max();
  return all;
}

void ReplicationGenerator::FillBlock(const AllCounts& all, std::span<const int> rows,
                                     std::span<const uint32_t> slot,
                                     ReplicationBlock& block) const {
  block.is_narrow = all.narrow;
  block.narrow.clear();
  block.wide.clear();
  if (all.narrow) {
    block.narrow.assign(locations_ * kBlockLanes, 0);
  } else {
    block.wide.assign(locations_ * kBlockLanes, 0);
  }
  for (size_t lane = 0; lane < rows.size(); ++lane) {
    const uint16_t* row = all.counts.data() + static_cast<size_t>(rows[lane]) * locations_;
    for (size_t i = 0; i < locations_; ++i) {
      size_t at = static_cast<size_t>(slot[i]) * kBlockLanes + lane;
      if (all.narrow) {
        block.narrow[at] = static_cast<uint8_t>(row[i]);
      } else {
        block.wide[at] = row[i];
      }
    }
  }
}

}  // namespace cradle::hotspots
