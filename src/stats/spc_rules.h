// The four special-cause rules of NHS England's "Making Data Count" (MDC)
// XmR chart, one function per rule, applied to one segment of a series (the
// points between two rebases; rules never look across a rebase). `spc.h` runs
// them and combines their flags; they are public so each rule can be tested
// on its own against NHSRplotthedots' unit vectors
// (tests/data/spc/spc_rule_unit_cases.csv, U01-U31).
//
// Inputs are per point:
//  - side: +1 above the mean, -1 below, 0 exactly on it or missing (R's
//    sign(y - mean), with a missing value as 0 so that it breaks every run);
//  - beyond: 1 if the point counts towards the 2-in-3 rule (beyond the near
//    limit; see TwoInThreeZone in spc.h for which points count), else 0;
//  - values: the series itself, NaN for missing.
// Every function returns one flag per input point and never fails.
//
// The rules (NHSRplotthedots v0.2.2 R/ptd_calculate_point_type.R; MDC
// "Making data count: strengthening your decisions", NHS England 2019):
//  1. a point outside the process limits (decided in spc.cc);
//  2. shift: a run of `run_length` (7) or more consecutive points on the same
//     side of the mean; a point on the mean or missing ends the run;
//  3. trend: a run of `run_length` (7) or more consecutive points each higher
//     (or each lower) than the one before;
//  4. two of three: in some window of three consecutive points, at least two
//     are beyond 2σ and all three are on the same side of the mean; only the
//     points beyond 2σ are flagged.
#pragma once

#include <span>
#include <vector>

namespace cradle::stats {

// How a repeated value is treated inside a trend.
enum class TrendTies {
  // NHSRplotthedots: a repeated value ends the trend (1,2,3,3,4,5,6 is no
  // 7-point trend; U14, S12).
  kBreak,
  // NHS England's run/control chart guide: a repeated value neither adds to
  // nor breaks a trend; the trend needs `run_length - 1` strict steps and
  // spans the repeated values between them.
  kNeitherAddNorBreak,
};

// Shift, first half (NHSRplotthedots ptd_seven_point_one_side_mean): 1 at
// each point that is the `run_length`-th or later point of a run on one side
// of the mean, else 0. REQUIRES: run_length >= 1.
std::vector<int> SameSideRunEnds(std::span<const int> side, int run_length);

// Back-fills run ends (ptd_part_of_seven_trend): 1 at each point that is a
// run end (any non-zero entry) or is followed by one within the next
// `run_length - 1` points, else 0. Applied to SameSideRunEnds this marks
// every point of a shift; applied to MonotoneRunEnds, every point of a trend.
// REQUIRES: run_length >= 1.
std::vector<int> PartOfRun(std::span<const int> run_ends, int run_length);

// Trend, first half (ptd_seven_point_trend): +1 (-1) at each point that ends
// `run_length` consecutive strictly increasing (decreasing) values, else 0.
// A repeated or missing value breaks the run. REQUIRES: run_length >= 2.
std::vector<int> MonotoneRunEnds(std::span<const double> values, int run_length);

// Trend, whole: for each point, +1 if it belongs to an increasing trend of at
// least `run_length` points, -1 if to a decreasing one, 0 if to none. A
// missing value breaks a trend under both tie rules. A turning point that
// ends one trend and starts the opposite one takes the later trend's
// direction (as NHSRplotthedots labels it); a point that ends one trend
// keeps its direction when another trend starts at the next point
// (NHSRplotthedots takes the step after it, and can call the top of a rise
// "Decreasing"). With TrendTies::kBreak the points flagged are exactly
// PartOfRun(MonotoneRunEnds(values)). REQUIRES: run_length >= 2.
std::vector<int> TrendPoints(std::span<const double> values, int run_length, TrendTies ties);

// Two of three, first half (ptd_two_in_three): 1 at each point that lies in
// some window of three consecutive points of which at least two have
// beyond == 1 and all three have the same non-zero side, else 0. Windows do
// not run past either end. REQUIRES: beyond.size() == side.size().
std::vector<int> TwoInThree(std::span<const int> beyond, std::span<const int> side);

// Two of three, second half (ptd_part_of_two_in_three): 1 where a point is in
// such a window and is itself beyond 2σ (windows == 1 and beyond == 1).
// REQUIRES: windows.size() == beyond.size().
std::vector<int> PartOfTwoInThree(std::span<const int> windows, std::span<const int> beyond);

}  // namespace cradle::stats
