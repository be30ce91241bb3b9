// Number formatting for messages and `statistic` labels inside stats/.
#pragma once

#include <string>

namespace cradle::stats::internal {

// Up to 15 significant digits, no exponent for whole numbers below 1e15, so
// 100000 -> "100000" (not R's "1e+05") and 0.5 -> "0.5".
std::string FormatNumber(double value);

}  // namespace cradle::stats::internal
