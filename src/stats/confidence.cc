#include "stats/confidence.h"

#include <cassert>
#include <cmath>
#include <limits>

#include "stats/internal/distributions.h"

namespace cradle::stats {

Result<double> NormaliseConfidence(double confidence) {
  // Written as "inside the accepted ranges" so that NaN falls out as invalid.
  bool in_proportion_range = confidence >= 0.9 && confidence <= 1.0;
  bool in_percent_range = confidence >= 90.0 && confidence <= 100.0;
  if (!in_proportion_range && !in_percent_range) {
    return Status::InvalidArgument(
        "confidence level must be between 90 and 100 or between 0.9 and 1");
  }
  return in_percent_range ? confidence / 100.0 : confidence;
}

Result<std::vector<double>> NormaliseConfidenceLevels(std::span<const double> levels) {
  if (levels.empty()) {
    return Status::InvalidArgument("at least one confidence level must be provided");
  }
  if (levels.size() > 2) {
    return Status::InvalidArgument("a maximum of two confidence levels can be provided");
  }
  if (levels.size() == 2) {
    // PHEindicatormethods compares the raw values, so (95, 99.8) is refused too.
    if (!(levels[0] == kConfidence95 && levels[1] == kConfidence998)) {
      return Status::InvalidArgument(
          "two confidence levels can only be produced if they are specified as 0.95 and 0.998");
    }
    return std::vector<double>{kConfidence95, kConfidence998};
  }
  Result<double> level = NormaliseConfidence(levels[0]);
  if (!level.ok()) return level.status();
  return std::vector<double>{*level};
}

double ZForConfidence(double confidence) {
  assert(confidence > 0.0 && confidence <= 1.0 && "ZForConfidence needs a normalised level");
  if (confidence >= 1.0) return std::numeric_limits<double>::infinity();
  // The two published levels are asked for at every value; compute them once.
  static const double kZ95 = internal::NormalQuantile(kConfidence95 + (1.0 - kConfidence95) / 2.0);
  static const double kZ998 =
      internal::NormalQuantile(kConfidence998 + (1.0 - kConfidence998) / 2.0);
  if (confidence == kConfidence95) return kZ95;
  if (confidence == kConfidence998) return kZ998;
  return internal::NormalQuantile(confidence + (1.0 - confidence) / 2.0);
}

}  // namespace cradle::stats
