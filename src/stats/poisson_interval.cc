#include "stats/poisson_interval.h"

#include <cmath>
#include <limits>
#include <string>

#include "stats/confidence.h"
#include "stats/internal/distributions.h"
#include "stats/internal/format.h"

namespace cradle::stats {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

Status CheckCount(double count) {
  if (!(count >= 0.0) || !std::isfinite(count)) {
    return Status::InvalidArgument("observed events must all be greater than or equal to zero");
  }
  return Status::Ok();
}

double ByarUpper(double count, double z) {
  double next = count + 1.0;
  return next * std::pow(1.0 - 1.0 / (9.0 * next) + z / (3.0 * std::sqrt(next)), 3.0);
}

Interval ExactLimits(double count, double level) {
  double half_alpha = (1.0 - level) / 2.0;
  Interval ci;
  // qchisq(p, df = 0) is 0 in R; the inverse gamma is undefined at shape 0.
  ci.lower = count == 0.0 ? 0.0 : internal::GammaPInverse(count, half_alpha);
  ci.upper = internal::GammaQInverse(count + 1.0, half_alpha);
  return ci;
}

// The exact limits of the whole counts below 10 at the two published levels,
// computed once: a profile of every English area needs them tens of
// thousands of times, and each costs two inverse incomplete gamma functions.
const Interval* CachedExactLimits(double count, double level) {
  constexpr int kCounts = static_cast<int>(kByarMinimumCount);
  struct Table {
    Interval at95[kCounts];
    Interval at998[kCounts];
  };
  static const Table kTable = [] {
    Table table;
    for (int events = 0; events < kCounts; ++events) {
      table.at95[events] = ExactLimits(events, kConfidence95);
      table.at998[events] = ExactLimits(events, kConfidence998);
    }
    return table;
  }();
  if (count >= kByarMinimumCount || count != std::floor(count)) return nullptr;
  if (level == kConfidence95) return &kTable.at95[static_cast<int>(count)];
  if (level == kConfidence998) return &kTable.at998[static_cast<int>(count)];
  return nullptr;
}

}  // namespace

Result<Interval> ExactPoissonInterval(double count, double confidence) {
  CRADLE_RETURN_IF_ERROR(CheckCount(count));
  Result<double> level = NormaliseConfidence(confidence);
  if (!level.ok()) return level.status();
  if (*level >= 1.0) return Interval{0.0, kInfinity};
  if (const Interval* cached = CachedExactLimits(count, *level)) return *cached;
  return ExactLimits(count, *level);
}

Result<Interval> ByarInterval(double count, double confidence) {
  CRADLE_RETURN_IF_ERROR(CheckCount(count));
  Result<double> level = NormaliseConfidence(confidence);
  if (!level.ok()) return level.status();
  if (count == 0.0) {
    // 1/(9·0) is infinite: the formula has no value at zero events.
    return Status::InvalidArgument(
        "Byar's method is undefined for 0 observed events; use the exact method below 10");
  }
  if (*level >= 1.0) return Interval{0.0, kInfinity};
  double z = ZForConfidence(*level);
  Interval ci;
  ci.lower = count * std::pow(1.0 - 1.0 / (9.0 * count) - z / (3.0 * std::sqrt(count)), 3.0);
  ci.upper = ByarUpper(count, z);
  if (ci.lower < 0.0) {
    return Status::InvalidArgument("Byar's lower limit is negative for " +
                                   internal::FormatNumber(count) +
                                   " observed events at this confidence; use the exact method "
                                   "below 10");
  }
  return ci;
}

Result<double> ByarUpperLimit(double count, double confidence) {
  CRADLE_RETURN_IF_ERROR(CheckCount(count));
  Result<double> level = NormaliseConfidence(confidence);
  if (!level.ok()) return level.status();
  if (*level >= 1.0) return kInfinity;
  return ByarUpper(count, ZForConfidence(*level));
}

Result<Estimate> PoissonCountInterval(double count, double confidence) {
  CRADLE_RETURN_IF_ERROR(CheckCount(count));
  Result<double> level = NormaliseConfidence(confidence);
  if (!level.ok()) return level.status();
  bool exact = count < kByarMinimumCount;
  Result<Interval> ci = exact ? ExactPoissonInterval(count, *level) : ByarInterval(count, *level);
  if (!ci.ok()) return ci.status();
  Estimate estimate;
  estimate.value = count;
  estimate.ci = *ci;
  estimate.method = exact ? CiMethod::kExact : CiMethod::kByar;
  estimate.confidence = *level;
  return estimate;
}

}  // namespace cradle::stats
