// The score of a window for one scan: the model's log likelihood ratio with
// the scan's direction and minimum number of cases, and the limits a fast
// replication kernel needs to discard windows without computing a logarithm.
//
// A window is (c, u): c cases and a measure u, the expected count for the
// Poisson model (the cumulative population times C/P) or the number of
// people for Bernoulli. For a fixed c the high-rate score falls as u grows and
// the low-rate score rises, so "this window scores at least T" is "u is at
// most HighLimit(c)" (or at least LowLimit(c)): one table lookup per c.
#pragma once

#include <cstdint>
#include <vector>

#include "hotspots/likelihood.h"
#include "hotspots/scan_data.h"

namespace cradle::hotspots {

class WindowStatistic {
 public:
  WindowStatistic(ScanModel model, RateDirection direction, int64_t total_cases,
                  double total_population, int64_t min_high_cases = 2);

  ScanModel model() const { return model_; }
  RateDirection direction() const { return direction_; }
  int64_t total_cases() const { return total_cases_; }
  bool high() const { return direction_ != RateDirection::kLow; }
  bool low() const { return direction_ != RateDirection::kHigh; }

  // The window's measure from its cumulative population.
  double Measure(double cumulative_population) const { return cumulative_population * scale_; }

  // The score of a window in the scanned direction(s), 0 when it is in
  // neither (or has fewer cases than the minimum for a high-rate cluster).
  double Llr(int64_t c, double u) const;
  // Whether the window counts as a high-rate window (otherwise low).
  bool IsHighWindow(int64_t c, double u) const {
    return static_cast<double>(c) * total_measure_ > u * static_cast<double>(total_cases_);
  }

  // For c = 0..C: the largest measure at which a high-rate window with c
  // cases scores at least `threshold` (negative when none does), rounded up
  // to float so the limit never excludes a window that reaches it.
  std::vector<float> HighLimits(double threshold) const;
  // For c = 0..C: the smallest measure at which a low-rate window with c cases
  // scores at least `threshold` (+infinity when none does), rounded down.
  std::vector<float> LowLimits(double threshold) const;

 private:
  double RawLlr(double c, double u) const;

  ScanModel model_;
  RateDirection direction_;
  int64_t total_cases_;
  double total_measure_;  // Poisson: C (expected counts sum to C); Bernoulli: N
  double scale_;          // cumulative population to measure
  int64_t min_high_cases_;
};

}  // namespace cradle::hotspots
