// The query parameters the pages and the API share — indicator, area, period
// — read and checked against the data, with the message a 400 carries when
// one is wrong (what was given, what is allowed).
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "base/result.h"
#include "indicators/engine.h"

namespace cradle::web {

using Query = std::map<std::string, std::string>;

// Leicester, the first user, is every page's default area.
inline constexpr std::string_view kDefaultArea = "E06000016";
inline constexpr std::string_view kDefaultIndicator = "infant-mortality";

// InvalidArgument naming the first parameter not in `allowed`.
Status CheckParameterNames(const Query& query, std::initializer_list<std::string_view> allowed);

Result<const indicators::Indicator*> IndicatorParam(const indicators::Engine& engine,
                                                    const Query& query);
Result<const store::Area*> AreaParam(const indicators::Engine& engine, const Query& query);
// Default: the indicator's latest period of 3 years (the pooled period
// Fingertips publishes for infant mortality).
Result<indicators::Period> PeriodParam(const indicators::Engine& engine,
                                       const indicators::Indicator& indicator, const Query& query);
// A whole number in [low, high]; `fallback` when absent.
Result<int> IntParam(const Query& query, const std::string& name, int low, int high, int fallback);

}  // namespace cradle::web
