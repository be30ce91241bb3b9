// Value scales with "nice" ticks (steps of 1, 2 or 5 times a power of ten,
// as a reader would draw them by hand) and the axes drawn from them. Every
// chart with a numeric axis uses these so ticks look alike everywhere.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "charts/svg.h"

namespace cradle::charts {

struct NiceScale {
  double min = 0;  // first tick, at or below the data
  double max = 1;  // last tick, at or above the data
  double step = 1;
  std::vector<double> ticks;  // min, min + step, ..., max
  int decimals = 0;           // decimals needed to print every tick
};

// A scale covering [lo, hi] with at most about `max_ticks` ticks. With
// `include_zero`, 0 is inside the range (rates on a bar chart start at 0).
// lo > hi is swapped; lo == hi gets a unit-wide range around the value; a
// non-finite bound is treated as 0.
NiceScale MakeNiceScale(double lo, double hi, int max_ticks = 6, bool include_zero = false);

// Maps the domain [d0, d1] linearly onto the range [r0, r1] (r1 < r0 for a
// y axis that grows upwards).
struct LinearMap {
  double d0 = 0, d1 = 1, r0 = 0, r1 = 1;
  double operator()(double value) const {
    return d1 == d0 ? (r0 + r1) / 2 : r0 + (value - d0) * (r1 - r0) / (d1 - d0);
  }
};

// A vertical value axis at x = `left`: grid lines across to `right`, tick
// labels left of the axis, and `title` rotated beside them at x = `title_x`.
void DrawYAxis(SvgWriter& svg, const NiceScale& scale, const LinearMap& y, double left,
               double right, std::string_view title, double title_x);

// A horizontal value axis: grid lines from `top` to `bottom`, tick labels
// below `bottom` (or above `top` when `labels_above`) and `title` centred
// under them at y = `title_y` (no title when empty).
void DrawXAxis(SvgWriter& svg, const NiceScale& scale, const LinearMap& x, double top,
               double bottom, std::string_view title, double title_y, bool labels_above = false);

// A categorical x axis along y = `bottom` with one label per category at
// x(category_idx). Labels that would overlap are thinned to every k-th (the
// first and last always shown); the full set stays in the data table.
void DrawCategoryAxis(SvgWriter& svg, const std::vector<std::string>& labels,
                      const std::function<double(size_t)>& x, double left, double right,
                      double bottom, std::string_view title, double title_y);

}  // namespace cradle::charts
