// A time period as public health tables name it: a single calendar year
// ("2022") or a run of years pooled together ("2020-22", three years).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace cradle::indicators {

struct Period {
  int first_year = 0;
  int years = 1;

  int last_year() const { return first_year + years - 1; }
  // "2022" or "2020-22" (the convention of Fingertips and ONS, without spaces).
  std::string Label() const;
  bool operator==(const Period&) const = default;
  auto operator<=>(const Period&) const = default;

  // Accepts "2022", "2020-22", "2020-2022" and "2020 - 22". InvalidArgument
  // naming the text if it is none of these or runs backwards.
  static Result<Period> Parse(std::string_view text);
};

}  // namespace cradle::indicators
