#include "stats/spc_rules.h"

#include <algorithm>
#include <cassert>
#include <cstddef>

namespace cradle::stats {
namespace {

// +1 if `after` is higher than `before`, -1 if lower, 0 if equal or either is
// missing (comparisons with NaN are false).
int StepSign(double before, double after) {
  if (after > before) return 1;
  if (after < before) return -1;
  return 0;
}

bool IsMissingStep(double before, double after) { return before != before || after != after; }

struct Trend {
  size_t begin;  // first point
  size_t end;    // last point, inclusive
  int direction;
};

// The trends in one direction: stretches of steps in `direction` (and, with
// kNeitherAddNorBreak, repeated values) holding at least run_length - 1
// strict steps, trimmed to their first and last strict step.
void CollectTrends(std::span<const double> values, int run_length, TrendTies ties, int direction,
                   std::vector<Trend>& trends) {
  const size_t needed_steps = static_cast<size_t>(run_length - 1);
  size_t strict_steps = 0;
  size_t first_strict = 0;  // index of the point a stretch's first strict step leaves
  size_t last_strict = 0;   // index of the point its last strict step reaches
  auto close_stretch = [&]() {
    if (strict_steps >= needed_steps && strict_steps > 0) {
      trends.push_back({first_strict, last_strict, direction});
    }
    strict_steps = 0;
  };
  for (size_t idx = 1; idx < values.size(); ++idx) {
    double before = values[idx - 1];
    double after = values[idx];
    int sign = StepSign(before, after);
    if (sign == direction) {
      if (strict_steps == 0) first_strict = idx - 1;
      ++strict_steps;
      last_strict = idx;
      continue;
    }
    bool tie_kept = ties == TrendTies::kNeitherAddNorBreak && sign == 0 && strict_steps > 0 &&
                    !IsMissingStep(before, after);
    if (!tie_kept) close_stretch();
  }
  close_stretch();
}

}  // namespace

std::vector<int> SameSideRunEnds(std::span<const int> side, int run_length) {
  assert(run_length >= 1);
  std::vector<int> ends(side.size(), 0);
  int run = 0;
  for (size_t idx = 0; idx < side.size(); ++idx) {
    if (side[idx] == 0) {
      run = 0;
      continue;
    }
    run = (idx > 0 && side[idx] == side[idx - 1]) ? run + 1 : 1;
    if (run >= run_length) ends[idx] = 1;
  }
  return ends;
}

std::vector<int> PartOfRun(std::span<const int> run_ends, int run_length) {
  assert(run_length >= 1);
  std::vector<int> part(run_ends.size(), 0);
  // Walking backwards, `reach` counts how many more points (this one
  // included) a run end seen later still covers.
  int reach = 0;
  for (size_t idx = run_ends.size(); idx-- > 0;) {
    if (run_ends[idx] != 0) reach = run_length;
    if (reach > 0) {
      part[idx] = 1;
      --reach;
    }
  }
  return part;
}

std::vector<int> MonotoneRunEnds(std::span<const double> values, int run_length) {
  assert(run_length >= 2);
  std::vector<int> ends(values.size(), 0);
  int steps = 0;
  int direction = 0;
  for (size_t idx = 1; idx < values.size(); ++idx) {
    int sign = StepSign(values[idx - 1], values[idx]);
    if (sign == 0) {
      steps = 0;
    } else {
      steps = sign == direction ? steps + 1 : 1;
    }
    direction = sign;
    if (steps >= run_length - 1) ends[idx] = direction;
  }
  return ends;
}

std::vector<int> TrendPoints(std::span<const double> values, int run_length, TrendTies ties) {
  assert(run_length >= 2);
  std::vector<Trend> trends;
  CollectTrends(values, run_length, ties, 1, trends);
  CollectTrends(values, run_length, ties, -1, trends);
  // Later trends overwrite earlier ones at a shared turning point.
  std::sort(trends.begin(), trends.end(),
            [](const Trend& a, const Trend& b) { return a.begin < b.begin; });
  std::vector<int> points(values.size(), 0);
  for (const Trend& trend : trends) {
    std::fill(points.begin() + static_cast<std::ptrdiff_t>(trend.begin),
              points.begin() + static_cast<std::ptrdiff_t>(trend.end) + 1, trend.direction);
  }
  return points;
}

std::vector<int> TwoInThree(std::span<const int> beyond, std::span<const int> side) {
  assert(beyond.size() == side.size());
  std::vector<int> flagged(beyond.size(), 0);
  for (size_t start = 0; start + 3 <= beyond.size(); ++start) {
    int beyond_count = beyond[start] + beyond[start + 1] + beyond[start + 2];
    int side_sum = side[start] + side[start + 1] + side[start + 2];
    if (beyond_count >= 2 && (side_sum == 3 || side_sum == -3)) {
      flagged[start] = flagged[start + 1] = flagged[start + 2] = 1;
    }
  }
  return flagged;
}

std::vector<int> PartOfTwoInThree(std::span<const int> windows, std::span<const int> beyond) {
  assert(windows.size() == beyond.size());
  std::vector<int> part(windows.size(), 0);
  for (size_t idx = 0; idx < windows.size(); ++idx) {
    part[idx] = windows[idx] == 1 && (beyond[idx] == 1 || beyond[idx] == -1) ? 1 : 0;
  }
  return part;
}

}  // namespace cradle::stats
