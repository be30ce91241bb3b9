// Comparison of a local value with a benchmark (usually England) the way
// Fingertips does it (fingertips-open PholioVisualisationWS/Analysis
// *Comparer.cs; METHODS.md §11). The comparator method is per indicator
// metadata; these are methods 1, 17, 12, 5 and 6 of its ComparatorMethodIds.
//
// Common rules, as in fingertips-open IndicatorComparer:
//  - polarity "Not applicable", an invalid local or benchmark value (NaN,
//    infinite, or Fingertips' stored sentinel -1), or a missing interval the
//    method needs gives Significance::kNone ("Not compared");
//  - the raw result is Better when the local value is higher and Worse when
//    lower; RAG Low-is-good then swaps Better/Worse and Best/Worst; High-is-good
//    and BOB keep it (for BOB, Better means higher);
//  - comparisons use unrounded values; interval ends are inclusive.
//
// Reference: Fingertips technical guidance, "Comparing with a benchmark".
#pragma once

#include <optional>
#include <string_view>

#include "base/result.h"
#include "stats/estimate.h"
#include "stats/polarity.h"

namespace cradle::stats {

// Fingertips' ComparatorMethodIds for the methods implemented here.
enum class ComparatorMethod {
  kSingleOverlappingCi95,         // 1: benchmark value inside the local 95% CI
  kSingleOverlappingCiTwoLevels,  // 17: as 1, with 99.8% for Best/Worst
  kDoubleOverlappingCis,          // 12: do the two 95% CIs overlap
  kSpcForProportions,             // 5: Wilson control limits around the benchmark
  kSpcForDsr,                     // 6: Poisson control limits around the benchmark
};

// 1, 17, 12, 5 or 6.
int ComparatorMethodId(ComparatorMethod method);

// The inverse of ComparatorMethodId. Returns InvalidArgument for other ids.
Result<ComparatorMethod> ComparatorMethodFromId(int id);

// Polarity is already applied for RAG: kBetter means better for the public.
// For BOB kBetter means higher and kWorse lower. kBest/kWorst are method 17's
// "significant at 99.8%".
enum class Significance { kNone, kWorse, kSame, kBetter, kWorst, kBest };

// "None", "Worse", "Same", "Better", "Worst", "Best".
std::string_view SignificanceName(Significance significance);

// The label Fingertips exports (fingertips-open Export/SignificanceFormatter,
// with "Similar" for Same as the Fingertips site shows it): RAG "Better",
// "Similar", "Worse"; BOB "Higher", "Similar", "Lower"; kNone, kBest, kWorst
// and polarity Not applicable give "Not compared".
std::string_view ExportLabel(Significance significance, Polarity polarity);

// A value with the intervals a comparison may need.
struct ComparedValue {
  double value = 0;
  std::optional<Interval> ci95;
  std::optional<Interval> ci998;
};

// Method 1: kSame if LCI95 <= benchmark <= UCI95, otherwise better/worse by
// the local value's side. Uses only the local 95% CI and the benchmark value.
Significance CompareSingleOverlappingCi(const ComparedValue& local, double benchmark,
                                        Polarity polarity);

// Method 17: kSame if the benchmark is inside the 95% CI (inclusive); raw
// kBetter if LCI99.8 <= benchmark <= LCI95 and raw kWorse if UCI95 <= benchmark
// <= UCI99.8 (different at 95% only); otherwise raw kWorst if the local value
// is below the benchmark and kBest if above (different at 99.8%). Needs both
// local intervals.
Significance CompareTwoLevels(const ComparedValue& local, double benchmark, Polarity polarity);

// Method 12 (also Fingertips' "compared with previous period"): kSame if the
// two 95% CIs overlap, touching included; otherwise better/worse by value.
Significance CompareDoubleOverlappingCis(const ComparedValue& local, const ComparedValue& benchmark,
                                         Polarity polarity);

// What an SPC comparison returns: the significance and the control limits it
// used (absent when the comparison did not go ahead).
struct SpcComparison {
  Significance significance = Significance::kNone;
  std::optional<Interval> limits;
};

// Method 5 (fingertips-open SpcForProportionsComparer): the Wilson interval as
// if the benchmark proportion P₀ = benchmark/unit had been observed at the
// local denominator N: E = N·P₀ and limits [2E + z² ∓ z√(z² + 4E(1 − E/N))] /
// [2(N + z²)]. The local value/unit is compared on the proportion scale: raw
// kBetter above the upper limit, kWorse below the lower. The limits returned
// are on the value's scale (× unit). `z` is Fingertips'
// confidence variable (e.g. 1.96 or 3.0902, its ComparatorConfidence table).
// kNone if values, unit or z are invalid or the denominator is not > 0.
SpcComparison CompareSpcForProportions(double value, double benchmark, double denominator,
                                       double unit, double z, Polarity polarity);

// Method 6 (fingertips-open SpcForDsrComparer): E = benchmark · denominator /
// unit, limits PoissonBisectionLower/Upper(E, tail) / denominator × unit,
// where `denominator` is Fingertips' Denominator2 (the population) and `tail`
// its confidence variable (0.025 for 95%, 0.001 for 99.8%). Raw kBetter above
// the upper limit, kWorse below the lower. kNone if values are invalid, the
// denominator is not > 0, the benchmark is negative or tail is not in (0, 1).
SpcComparison CompareSpcForDsr(double value, double benchmark, double denominator, double unit,
                               double tail, Polarity polarity);

}  // namespace cradle::stats
