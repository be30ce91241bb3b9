// One computed indicator value: an indicator for an area, period and
// breakdown, with its count and denominator, both confidence intervals, the
// ONS reliability note, the comparison with England and the rank among upper-
// tier authorities. What a row of a Fingertips download holds.
#pragma once

#include <optional>
#include <string>

#include "indicators/catalogue.h"
#include "indicators/period.h"
#include "stats/benchmark_comparison.h"
#include "stats/estimate.h"

namespace cradle::indicators {

struct Breakdown {
  std::string type;      // "" for all people, else e.g. "Ethnic group"
  std::string category;  // e.g. "Pakistani"
  bool all() const { return category.empty(); }
};

struct IndicatorValue {
  const Indicator* indicator = nullptr;
  std::string area_code;
  Period period;
  Breakdown breakdown;
  std::string dataset_id;  // the one dataset every year came from

  // Empty when the value cannot be computed; `unavailable` then says why.
  std::optional<double> count;
  std::optional<double> denominator;
  std::optional<stats::Estimate> ci95;  // value is ci95->value
  std::optional<stats::Estimate> ci998;
  std::string unavailable;

  std::string value_note;   // e.g. the ONS small-number reliability warning
  bool suppressed = false;  // hidden by the disclosure rule: nothing above is shown

  std::optional<double> comparator_value;  // England's value, same dataset and period
  stats::Significance compared = stats::Significance::kNone;            // 95% (method 1)
  stats::Significance compared_two_level = stats::Significance::kNone;  // 95/99.8% (method 17)

  std::optional<int> rank;  // 1 = highest value among upper-tier authorities
  int rank_of = 0;

  bool has_value() const { return ci95.has_value() && !suppressed; }
  std::optional<double> value() const {
    return has_value() ? std::optional<double>(ci95->value) : std::nullopt;
  }
};

}  // namespace cradle::indicators
