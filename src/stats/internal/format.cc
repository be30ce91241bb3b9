#include "stats/internal/format.h"

#include <cmath>
#include <cstdio>

namespace cradle::stats::internal {

std::string FormatNumber(double value) {
  char buffer[64];
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
  }
  return buffer;
}

}  // namespace cradle::stats::internal
