// The relative risk SaTScan reports beside each cluster (SCAN.md §1.3).
#include "hotspots/cluster.h"

#include <limits>

namespace cradle::hotspots {

double RelativeRisk(int64_t observed, double expected, int64_t total_cases) {
  // With every case inside there is no outside rate to compare against;
  // SaTScan prints infinity.
  if (observed >= total_cases) return std::numeric_limits<double>::infinity();
  const double inside = static_cast<double>(observed) / expected;
  // C - E is taken from C and the window's E, not from a separately summed
  // outside total, so rounding cannot make it drift (SCAN.md §4).
  const double outside =
      static_cast<double>(total_cases - observed) / (static_cast<double>(total_cases) - expected);
  return inside / outside;
}

}  // namespace cradle::hotspots
