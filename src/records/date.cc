#include "records/date.h"

#include <cassert>
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
  return FromYearMonthDay(parts[0], parts[1], parts[2]);
}

std::optional<Date> Date::FromYearMonthDay(int year, int month, int day) {
  // Checked before the conversions: chrono's year holds a short, its month
  // and day unsigned values.
  if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) {
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{std::chrono::year{year},
                                  std::chrono::month{static_cast<unsigned>(month)},
                                  std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date(static_cast<int>(std::chrono::sys_days{ymd}.time_since_epoch().count()));
}

Date Date::FromDays(int days_since_epoch) { return Date(days_since_epoch); }

Date Date::FirstOfYear(int year) {
  std::optional<Date> date = FromYearMonthDay(year, 1, 1);
  assert(date.has_value());
  return *date;
}

int Date::DaysInYear(int year) { return std::chrono::year{year}.is_leap() ? 366 : 365; }

std::chrono::year_month_day Date::Civil() const {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days_}}};
}

int Date::year() const { return static_cast<int>(Civil().year()); }

int Date::month() const { return static_cast<int>(static_cast<unsigned>(Civil().month())); }

int Date::day() const { return static_cast<int>(static_cast<unsigned>(Civil().day())); }

std::string Date::ToString() const {
  const std::chrono::year_month_day ymd = Civil();
  const int year = static_cast<int>(ymd.year());
  const unsigned month = static_cast<unsigned>(ymd.month());
  const unsigned day = static_cast<unsigned>(ymd.day());
  if (year < 0 || year > 9999) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
    return buffer;
  }
  // Digit by digit, several times faster than snprintf: writers format a date
  // for every row.
  std::string text = "0000-00-00";
  auto put = [&text](size_t last, unsigned value, int width) {
    for (int digit = 0; digit < width; ++digit, value /= 10) {
      text[last - static_cast<size_t>(digit)] = static_cast<char>('0' + value % 10);
    }
  };
  put(3, static_cast<unsigned>(year), 4);
  put(6, month, 2);
  put(9, day, 2);
  return text;
}

}  // namespace cradle::records
