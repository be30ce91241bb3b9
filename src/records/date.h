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
  Date() = default;
  // A valid calendar date from exactly "YYYY-MM-DD", else empty.
  static std::optional<Date> Parse(std::string_view text);
  static Date FromDays(int days_since_epoch);

  int year() const;
  int DaysSinceEpoch() const { return days_; }
  std::string ToString() const;  // YYYY-MM-DD

  auto operator<=>(const Date&) const = default;
  friend int operator-(const Date& a, const Date& b) { return a.days_ - b.days_; }

 private:
  explicit Date(int days) : days_(days) {}
  int days_ = 0;  // days since 1970-01-01
};

}  // namespace cradle::records
