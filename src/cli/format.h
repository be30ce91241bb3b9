// How numbers read on the terminal: values to the indicator's decimal places,
// intervals as "5.8 – 8.9", counts with thousands separators, and the
// comparison with England in words.
#pragma once

#include <optional>
#include <string>

#include "indicators/value.h"

namespace cradle::cli {

std::string FormatNumber(double value, int decimals);
std::string FormatCount(std::optional<double> count);
std::string FormatInterval(const std::optional<stats::Estimate>& estimate, int decimals);
// "Worse", "Similar", "Better (99.8%)" where the two-level comparison is also
// significant at 99.8%, "Not compared" for England itself.
std::string ComparedText(const indicators::IndicatorValue& value);
// "3 of 149" or "".
std::string RankText(const indicators::IndicatorValue& value);

}  // namespace cradle::cli
