// The integral of a piecewise-linear population, piece by piece: flat before
// the first census, linear between neighbouring censuses, flat after the
// last. Each piece's share of the span is a trapezoid.
#include "hotspots/person_time.h"

#include <algorithm>
#include <cassert>

namespace cradle::hotspots {
namespace {

// The trapezoid under the line through (d0, p0) and (d1, p1) between lo and
// hi, d0 <= lo <= hi <= d1.
double Trapezoid(double d0, double p0, double d1, double p1, double lo, double hi) {
  auto at = [&](double t) { return d1 > d0 ? p0 + (p1 - p0) * (t - d0) / (d1 - d0) : p0; };
  return (at(lo) + at(hi)) / 2 * (hi - lo);
}

}  // namespace

int64_t CensusDay(const SatscanDate& date) {
  if (!date.month) return DayNumber(date.year, 7, 1);
  return DayNumber(date.year, *date.month, date.day.value_or(1));
}

double PersonDays(std::span<const CensusCount> census, int64_t start_day, int64_t end_day) {
  assert(!census.empty() && start_day <= end_day);
  const double start = static_cast<double>(start_day);
  const double end = static_cast<double>(end_day);
  const CensusCount& first = census.front();
  const CensusCount& last = census.back();
  double total = 0;
  // Before the first census and after the last: flat.
  total += first.population * std::max(0.0, std::min(end, static_cast<double>(first.day)) - start);
  total += last.population * std::max(0.0, end - std::max(start, static_cast<double>(last.day)));
  for (size_t idx = 0; idx + 1 < census.size(); ++idx) {
    const double d0 = static_cast<double>(census[idx].day);
    const double d1 = static_cast<double>(census[idx + 1].day);
    assert(d0 < d1);
    const double lo = std::max(start, d0);
    const double hi = std::min(end, d1);
    if (lo < hi) {
      total += Trapezoid(d0, census[idx].population, d1, census[idx + 1].population, lo, hi);
    }
  }
  return total;
}

}  // namespace cradle::hotspots
