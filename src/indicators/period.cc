#include "indicators/period.h"

#include "base/strings.h"

namespace cradle::indicators {

std::string Period::Label() const {
  if (years == 1) return std::to_string(first_year);
  std::string last = std::to_string(last_year() % 100);
  if (last.size() < 2) last = "0" + last;
  return std::to_string(first_year) + "-" + last;
}

Result<Period> Period::Parse(std::string_view text) {
  const std::string original(text);
  auto invalid = [&](std::string why) {
    return Status::InvalidArgument("period '" + original + "' " + why +
                                   "; write a year (2022) or a run of years (2020-22)");
  };
  std::string compact;
  for (char c : text) {
    if (c != ' ') compact.push_back(c);
  }
  std::vector<std::string> parts = Split(compact, '-');
  if (parts.size() > 2 || parts[0].size() != 4) return invalid("is not a period");
  auto first = ParseInt64(parts[0]);
  if (!first || *first < 1900 || *first > 2100) return invalid("does not start with a year");
  Period period{static_cast<int>(*first), 1};
  if (parts.size() == 2) {
    auto last = ParseInt64(parts[1]);
    if (!last || (parts[1].size() != 2 && parts[1].size() != 4)) {
      return invalid("does not end with a year");
    }
    int last_year = static_cast<int>(*last);
    if (parts[1].size() == 2) last_year += (period.first_year / 100) * 100;
    if (last_year < period.first_year) last_year += 100;  // 1999-01
    if (last_year <= period.first_year || last_year - period.first_year >= 10) {
      return invalid("must end after it starts and span at most 10 years");
    }
    period.years = last_year - period.first_year + 1;
  }
  return period;
}

}  // namespace cradle::indicators
