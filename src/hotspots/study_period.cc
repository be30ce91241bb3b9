// Calendar arithmetic through std::chrono's civil calendar, so leap years and
// month lengths are the standard library's business.
#include "hotspots/study_period.h"

#include <cassert>
#include <chrono>

#include "base/strings.h"

namespace cradle::hotspots {
namespace {

std::string Label(int year, unsigned month, unsigned day) {
  return std::to_string(year) + "/" + std::to_string(month) + "/" + std::to_string(day);
}

}  // namespace

int64_t DayNumber(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                         std::chrono::day{day}};
  assert(date.ok());
  return std::chrono::sys_days{date}.time_since_epoch().count();
}

Result<std::vector<TimeInterval>> MakeIntervals(const StudyPeriod& period) {
  const std::string study =
      Label(period.start_year, 1, 1) + " to " + Label(period.end_year, 12, 31);
  if (period.end_year < period.start_year) {
    return Status::InvalidArgument("the study period " + study + " ends before it starts");
  }
  if (period.interval_years < 1) {
    return Status::InvalidArgument("the time interval must be at least 1 year, not " +
                                   std::to_string(period.interval_years));
  }
  const int years = period.end_year - period.start_year + 1;
  if (years % period.interval_years != 0) {
    return Status::InvalidArgument("the study period " + study + " (" + std::to_string(years) +
                                   " years) is not a whole number of " +
                                   std::to_string(period.interval_years) + "-year intervals");
  }
  std::vector<TimeInterval> intervals;
  for (int first = period.start_year; first <= period.end_year; first += period.interval_years) {
    TimeInterval interval;
    interval.first_year = first;
    interval.last_year = first + period.interval_years - 1;
    interval.start_day = DayNumber(first, 1, 1);
    interval.end_day = DayNumber(interval.last_year + 1, 1, 1);
    interval.start_label = Label(first, 1, 1);
    interval.end_label = Label(interval.last_year, 12, 31);
    intervals.push_back(std::move(interval));
  }
  return intervals;
}

std::optional<SatscanDate> ParseSatscanDate(std::string_view text) {
  text = Trim(text);
  const char separator = text.find('-') != std::string_view::npos ? '-' : '/';
  const std::vector<std::string> parts = Split(text, separator);
  if (parts.empty() || parts.size() > 3) return std::nullopt;
  std::vector<int64_t> numbers;
  for (const std::string& part : parts) {
    // Digits only: ParseInt64 would take a sign.
    if (part.empty() || part.find_first_not_of("0123456789") != std::string::npos) {
      return std::nullopt;
    }
    std::optional<int64_t> number = ParseInt64(part);
    if (!number) return std::nullopt;
    numbers.push_back(*number);
  }
  SatscanDate date;
  if (parts[0].size() == 2) {
    date.year = static_cast<int>(numbers[0] < 50 ? 2000 + numbers[0] : 1900 + numbers[0]);
  } else if (parts[0].size() == 4) {
    date.year = static_cast<int>(numbers[0]);
  } else {
    return std::nullopt;
  }
  if (numbers.size() >= 2) {
    if (numbers[1] < 1 || numbers[1] > 12) return std::nullopt;
    date.month = static_cast<unsigned>(numbers[1]);
  }
  if (numbers.size() == 3) {
    const std::chrono::year_month_day day{
        std::chrono::year{date.year}, std::chrono::month{*date.month},
        std::chrono::day{static_cast<unsigned>(numbers[2] > 31 ? 0 : numbers[2])}};
    if (!day.ok()) return std::nullopt;
    date.day = static_cast<unsigned>(numbers[2]);
  }
  return date;
}

}  // namespace cradle::hotspots
