// Calendar dates as record extracts write them (ISO 8601 YYYY-MM-DD), on
// std::chrono's civil calendar so day arithmetic (age at death) is exact.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cradle::records {

class Date {
 public:
  Date() = default;  // 1970-01-01
  // A valid calendar date from exactly "YYYY-MM-DD", else empty.
  static std::optional<Date> Parse(std::string_view text);
  // A valid calendar date in the years 0000-9999 (month 1-12), else empty.
  static std::optional<Date> FromYearMonthDay(int year, int month, int day);
  static Date FromDays(int days_since_epoch);
  static Date FirstOfYear(int year);  // 1 January; REQUIRES: 0 <= year <= 9999
  static int DaysInYear(int year);    // 365, or 366 in a leap year

  int year() const;
  int month() const;  // 1-12
  int day() const;    // 1-31
  int DaysSinceEpoch() const { return days_; }
  std::string ToString() const;  // YYYY-MM-DD

  auto operator<=>(const Date&) const = default;
  friend int operator-(const Date& a, const Date& b) { return a.days_ - b.days_; }
  // The date `days` days later (or earlier, when negative).
  friend Date operator+(const Date& date, int days) { return Date(date.days_ + days); }
  friend Date operator-(const Date& date, int days) { return Date(date.days_ - days); }

 private:
  explicit Date(int days) : days_(days) {}
  std::chrono::year_month_day Civil() const;
  int days_ = 0;  // days since 1970-01-01
};

}  // namespace cradle::records
