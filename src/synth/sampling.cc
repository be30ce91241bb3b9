#include "synth/sampling.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace cradle::synth {

double Rng::Uniform01() {
  constexpr double kTwoToMinus53 = 1.0 / 9007199254740992.0;
  return static_cast<double>(engine_() >> 11) * kTwoToMinus53;
}

uint64_t Rng::UniformInt(uint64_t n) {
  assert(n > 0);
  // Accept only outputs below the largest multiple of n, so each residue is
  // equally likely.
  const uint64_t limit =
      std::numeric_limits<uint64_t>::max() - std::numeric_limits<uint64_t>::max() % n;
  while (true) {
    const uint64_t value = engine_();
    if (value < limit) return value % n;
  }
}

int64_t Rng::UniformRange(int64_t low, int64_t high) {
  assert(low <= high);
  return low + static_cast<int64_t>(UniformInt(static_cast<uint64_t>(high - low) + 1));
}

bool Rng::Bernoulli(double probability) { return Uniform01() < probability; }

double Rng::StandardNormal() {
  double sum = 0;
  for (int draw = 0; draw < 12; ++draw) sum += Uniform01();
  return sum - 6.0;
}

uint64_t DeriveSeed(uint64_t seed, uint64_t stream, uint64_t index) {
  auto mix = [](uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  return mix(mix(mix(seed) ^ stream) ^ index);
}

Categorical::Categorical(const std::vector<double>& weights) {
  cumulative_.reserve(weights.size());
  double total = 0;
  for (double weight : weights) {
    assert(weight >= 0);
    total += weight;
    cumulative_.push_back(total);
  }
  assert(total > 0);
}

size_t Categorical::Sample(Rng& rng) const {
  const double target = rng.Uniform01() * cumulative_.back();
  // The first index whose cumulative weight exceeds the target; a zero weight
  // repeats the previous cumulative value and so is never chosen.
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), target);
  if (it == cumulative_.end()) --it;  // target rounded up to the total
  return static_cast<size_t>(it - cumulative_.begin());
}

double Categorical::Probability(size_t index) const {
  const double before = index == 0 ? 0.0 : cumulative_[index - 1];
  return (cumulative_[index] - before) / cumulative_.back();
}

std::vector<size_t> WeightedSampleWithoutReplacement(std::vector<double> weights, size_t count,
                                                     Rng& rng) {
  std::vector<size_t> chosen;
  chosen.reserve(count);
  while (chosen.size() < count) {
    // The total is summed afresh in index order each draw, so no rounding
    // drift accumulates and the result depends on nothing but the inputs.
    double total = 0;
    size_t last_positive = weights.size();
    for (size_t idx = 0; idx < weights.size(); ++idx) {
      assert(weights[idx] >= 0);
      if (weights[idx] > 0) {
        total += weights[idx];
        last_positive = idx;
      }
    }
    if (last_positive == weights.size()) break;  // nothing left to draw
    const double target = rng.Uniform01() * total;
    double running = 0;
    size_t pick = last_positive;
    for (size_t idx = 0; idx < weights.size(); ++idx) {
      if (weights[idx] <= 0) continue;
      running += weights[idx];
      if (target < running) {
        pick = idx;
        break;
      }
    }
    chosen.push_back(pick);
    weights[pick] = 0;
  }
  return chosen;
}

}  // namespace cradle::synth
