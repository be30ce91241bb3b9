#include "records/date.h"

#include <cctype>
#include <cstdio>

namespace cradle::records {

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int part = 0; part < 3; ++part) {
    for (size_t idx = starts[part]; idx < starts[part] + lengths[part]; ++idx) {
      if (!std::isdigit(static_cast<unsigned char>(text[idx]))) return std::nullopt;
      parts[part] = parts[part] * 10 + (text[idx] - '0');
    }
  }
  std::chrono::year_month_day ymd{std::chrono::year{parts[0]},
                                  std::chrono::month{static_cast<unsigned>(parts[1])},
                                  std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok()) return std::nullopt;
  return Date(static_cast<int>(std::chrono::sys_days{ymd}.time_since_epoch().count()));
}

Date Date::FromDays(int days_since_epoch) { return Date(days_since_epoch); }

int Date::year() const {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days_}}};
  return static_cast<int>(ymd.year());
}

std::string Date::ToString() const {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days_}}};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

}  // namespace cradle::records
