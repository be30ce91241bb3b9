// The synthetic generator's randomness: one engine whose output the C++
// standard fixes, and the handful of distributions the generator needs,
// written here so that the same seed gives byte-identical files everywhere.
//
// Why not std::uniform_int_distribution, std::normal_distribution and the
// rest: the standard specifies std::mt19937_64's output sequence exactly, but
// leaves every distribution's algorithm to the library, so libstdc++, libc++
// and MSVC turn the same engine output into different numbers. The functions
// below use only the engine's raw 64-bit output and IEEE-754 arithmetic
// (+, -, *, /, comparisons), never libm's log, exp or cos, whose last bit may
// differ between platforms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace cradle::synth {

// A deterministic random stream. Not thread-safe: one stream per thread.
class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  // Uniform on [0, 1) with 53 random bits (the top bits of one engine output).
  double Uniform01();
  // Uniform on {0, …, n-1} without modulo bias (rejection). REQUIRES: n > 0.
  uint64_t UniformInt(uint64_t n);
  // Uniform on {low, …, high}. REQUIRES: low <= high.
  int64_t UniformRange(int64_t low, int64_t high);
  bool Bernoulli(double probability);
  // Approximately standard normal: the sum of 12 uniforms minus 6 (Irwin–Hall),
  // mean 0 and variance 1, tails cut at ±6. Exact enough for birthweights and
  // reproducible bit for bit, unlike Box–Muller's log and cos.
  double StandardNormal();

 private:
  std::mt19937_64 engine_;
};

// An independent stream seed for (seed, stream, index) by SplitMix64 mixing
// (Steele, Lea & Flood 2014), so each year and purpose has its own stream and
// a year's records do not depend on which other years are generated.
uint64_t DeriveSeed(uint64_t seed, uint64_t stream, uint64_t index);

// Draws index i with probability weights[i] / sum(weights), by binary search in
// the cumulative weights. REQUIRES: weights non-negative with a positive sum.
class Categorical {
 public:
  explicit Categorical(const std::vector<double>& weights);
  size_t Sample(Rng& rng) const;
  size_t size() const { return cumulative_.size(); }
  // weights[i] / sum(weights).
  double Probability(size_t index) const;

 private:
  std::vector<double> cumulative_;
};

// `count` distinct indices drawn one after another, each with probability
// proportional to its weight among those not yet drawn (successive sampling),
// in the order drawn. Indices of zero weight are never drawn; if fewer than
// `count` weights are positive, all of them are returned.
std::vector<size_t> WeightedSampleWithoutReplacement(std::vector<double> weights, size_t count,
                                                     Rng& rng);

}  // namespace cradle::synth
