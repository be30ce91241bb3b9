// Sentences that state a figure, generated from the figure: its value with
// its interval, and wording that follows the statistics — "significantly
// higher than England" only when the 95% interval lies wholly above England's
// value, "not significantly different" when it includes it. The report
// (issue 8) will speak the same way.
#pragma once

#include <string>
#include <vector>

#include "indicators/engine.h"

namespace cradle::web {

// How a value's 95% interval stands against a benchmark value.
enum class Against { kHigher, kLower, kNotDifferent, kUnknown };
Against CompareWithBenchmark(const indicators::IndicatorValue& value,
                             std::optional<double> benchmark);

// The value with its interval and counts; how it compares with England; its
// rank.
std::vector<std::string> HeadlineStatements(const indicators::Engine& engine,
                                            const indicators::IndicatorValue& value);
// The area beside its neighbour.
std::string NeighbourStatement(const indicators::Engine& engine,
                               const indicators::IndicatorValue& value,
                               const indicators::IndicatorValue& neighbour);
// What the gap with England means in deaths a year ("" without the figures).
std::string GapStatement(const indicators::Engine& engine, const indicators::IndicatorValue& value);
// A percentage indicator (the neonatal share) with its interval and England's.
std::string ShareStatement(const indicators::Engine& engine,
                           const indicators::IndicatorValue& value);

}  // namespace cradle::web
