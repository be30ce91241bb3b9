#include "stats/benchmark_comparison.h"

#include <cmath>
#include <string>

#include "stats/internal/conventions.h"
#include "stats/poisson_bisection.h"

namespace cradle::stats {
namespace {

using internal::kFingertipsNullValue;

bool IsValueValid(double value) { return std::isfinite(value) && value != kFingertipsNullValue; }

bool IsIntervalValid(const std::optional<Interval>& ci) {
  return ci && IsValueValid(ci->lower) && IsValueValid(ci->upper);
}

bool CanCompare(double local, double benchmark, Polarity polarity) {
  return polarity != Polarity::kNotApplicable && IsValueValid(local) && IsValueValid(benchmark);
}

// fingertips-open IndicatorComparer.AdjustForPolarity, with Best/Worst swapped
// too (the two-level comparer's tests expect it).
Significance AdjustForPolarity(Significance raw, Polarity polarity) {
  if (polarity != Polarity::kLowIsGood) return raw;
  switch (raw) {
    case Significance::kBetter:
      return Significance::kWorse;
    case Significance::kWorse:
      return Significance::kBetter;
    case Significance::kBest:
      return Significance::kWorst;
    case Significance::kWorst:
      return Significance::kBest;
    default:
      return raw;
  }
}

// IndicatorComparer.GetSignificanceFromSDs: outside the limits is significant.
Significance FromLimits(double value, double lower, double upper, Polarity polarity) {
  if (upper < value) return AdjustForPolarity(Significance::kBetter, polarity);
  if (lower > value) return AdjustForPolarity(Significance::kWorse, polarity);
  return Significance::kSame;
}

}  // namespace

int ComparatorMethodId(ComparatorMethod method) {
  switch (method) {
    case ComparatorMethod::kSingleOverlappingCi95:
      return 1;
    case ComparatorMethod::kSingleOverlappingCiTwoLevels:
      return 17;
    case ComparatorMethod::kDoubleOverlappingCis:
      return 12;
    case ComparatorMethod::kSpcForProportions:
      return 5;
    case ComparatorMethod::kSpcForDsr:
      return 6;
  }
  return 0;
}

Result<ComparatorMethod> ComparatorMethodFromId(int id) {
  for (ComparatorMethod method :
       {ComparatorMethod::kSingleOverlappingCi95, ComparatorMethod::kSingleOverlappingCiTwoLevels,
        ComparatorMethod::kDoubleOverlappingCis, ComparatorMethod::kSpcForProportions,
        ComparatorMethod::kSpcForDsr}) {
    if (ComparatorMethodId(method) == id) return method;
  }
  return Status::InvalidArgument("comparator method " + std::to_string(id) +
                                 " is not supported (supported: 1, 17, 12, 5, 6)");
}

std::string_view SignificanceName(Significance significance) {
  switch (significance) {
    case Significance::kNone:
      return "None";
    case Significance::kWorse:
      return "Worse";
    case Significance::kSame:
      return "Same";
    case Significance::kBetter:
      return "Better";
    case Significance::kWorst:
      return "Worst";
    case Significance::kBest:
      return "Best";
  }
  return "Unknown";
}

std::string_view ExportLabel(Significance significance, Polarity polarity) {
  constexpr std::string_view kNotCompared = "Not compared";
  if (polarity == Polarity::kNotApplicable) return kNotCompared;
  bool bob = polarity == Polarity::kBlueOrangeBlue;
  switch (significance) {
    case Significance::kBetter:
      return bob ? "Higher" : "Better";
    case Significance::kSame:
      return "Similar";
    case Significance::kWorse:
      return bob ? "Lower" : "Worse";
    default:
      return kNotCompared;
  }
}

Significance CompareSingleOverlappingCi(const ComparedValue& local, double benchmark,
                                        Polarity polarity) {
  if (!CanCompare(local.value, benchmark, polarity) || !IsIntervalValid(local.ci95)) {
    return Significance::kNone;
  }
  if (benchmark <= local.ci95->upper && benchmark >= local.ci95->lower) {
    return Significance::kSame;
  }
  Significance raw = local.value < benchmark ? Significance::kWorse : Significance::kBetter;
  return AdjustForPolarity(raw, polarity);
}

Significance CompareTwoLevels(const ComparedValue& local, double benchmark, Polarity polarity) {
  if (!CanCompare(local.value, benchmark, polarity) || !IsIntervalValid(local.ci95) ||
      !IsIntervalValid(local.ci998)) {
    return Significance::kNone;
  }
  const Interval& ci95 = *local.ci95;
  const Interval& ci998 = *local.ci998;
  if (benchmark <= ci95.upper && benchmark >= ci95.lower) return Significance::kSame;
  if (benchmark <= ci95.lower && benchmark >= ci998.lower) {
    return AdjustForPolarity(Significance::kBetter, polarity);
  }
  if (benchmark <= ci998.upper && benchmark >= ci95.upper) {
    return AdjustForPolarity(Significance::kWorse, polarity);
  }
  Significance raw = local.value < benchmark ? Significance::kWorst : Significance::kBest;
  return AdjustForPolarity(raw, polarity);
}

Significance CompareDoubleOverlappingCis(const ComparedValue& local, const ComparedValue& benchmark,
                                         Polarity polarity) {
  if (!CanCompare(local.value, benchmark.value, polarity) || !IsIntervalValid(local.ci95) ||
      !IsIntervalValid(benchmark.ci95)) {
    return Significance::kNone;
  }
  // DoubleOverlappingCIsComparer.DoCIsOverlap(benchmark, local): the lower
  // interval's upper end against the higher interval's lower end.
  bool overlap = benchmark.value < local.value ? local.ci95->lower <= benchmark.ci95->upper
                                               : benchmark.ci95->lower <= local.ci95->upper;
  if (overlap) return Significance::kSame;
  Significance raw = local.value < benchmark.value ? Significance::kWorse : Significance::kBetter;
  return AdjustForPolarity(raw, polarity);
}

SpcComparison CompareSpcForProportions(double value, double benchmark, double denominator,
                                       double unit, double z, Polarity polarity) {
  SpcComparison result;
  if (!CanCompare(value, benchmark, polarity) || !(denominator > 0.0) ||
      !std::isfinite(denominator) || !(unit > 0.0) || !std::isfinite(unit) || !(z > 0.0) ||
      !std::isfinite(z)) {
    return result;
  }
  double proportion = value / unit;
  double expected_proportion = benchmark / unit;
  if (!(expected_proportion >= 0.0 && expected_proportion <= 1.0)) return result;
  double z_squared = std::pow(z, 2.0);
  double expected = denominator * expected_proportion;
  double spread = z * std::sqrt(z_squared + 4.0 * expected * (1.0 - (expected / denominator)));
  double centre = (2.0 * expected) + z_squared;
  double scale = 2.0 * (denominator + z_squared);
  double lower = (centre - spread) / scale;
  double upper = (centre + spread) / scale;
  result.significance = FromLimits(proportion, lower, upper, polarity);
  result.limits = Interval{lower * unit, upper * unit};
  return result;
}

SpcComparison CompareSpcForDsr(double value, double benchmark, double denominator, double unit,
                               double tail, Polarity polarity) {
  SpcComparison result;
  if (!CanCompare(value, benchmark, polarity) || !(benchmark >= 0.0) || !(denominator > 0.0) ||
      !std::isfinite(denominator) || !(unit > 0.0) || !std::isfinite(unit) ||
      !(tail > 0.0 && tail < 1.0)) {
    return result;
  }
  double expected = benchmark * (denominator / unit);
  double lower = (PoissonBisectionLower(expected, tail) / denominator) * unit;
  double upper = (PoissonBisectionUpper(expected, tail) / denominator) * unit;
  result.significance = FromLimits(value, lower, upper, polarity);
  result.limits = Interval{lower, upper};
  return result;
}

}  // namespace cradle::stats
