#include "cli/format.h"

#include <fmt/format.h>

#include <cmath>

#include "base/strings.h"
#include "indicators/fingertips_export.h"

namespace cradle::cli {

std::string FormatNumber(double value, int decimals) {
  return fmt::format("{:.{}f}", value, decimals);
}

std::string FormatCount(std::optional<double> count) {
  if (!count) return "";
  return WithThousands(static_cast<int64_t>(std::llround(*count)));
}

std::string FormatInterval(const std::optional<stats::Estimate>& estimate, int decimals) {
  if (!estimate) return "";
  return FormatNumber(estimate->ci.lower, decimals) + " – " +
         FormatNumber(estimate->ci.upper, decimals);
}

std::string ComparedText(const indicators::IndicatorValue& value) {
  std::string label = indicators::ComparedLabel(value);
  if (value.compared_two_level == stats::Significance::kBest ||
      value.compared_two_level == stats::Significance::kWorst) {
    label += " (99.8%)";
  }
  return label;
}

std::string RankText(const indicators::IndicatorValue& value) {
  if (!value.rank) return "";
  return std::to_string(*value.rank) + " of " + std::to_string(value.rank_of);
}

}  // namespace cradle::cli
