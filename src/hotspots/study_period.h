// The time axis of a space-time scan at yearly precision: the study period
// from start_year/1/1 to end_year/12/31 cut into intervals of whole years, and
// the dates SaTScan's files carry ("1977", "73", "1990/7/1") read as days.
//
// Yearly precision is all the space-time loader needs: case times only choose
// an interval, so a case date counts by its year alone. Days are still used
// for population dates and for integrating population over time, because a
// year-only population date means 1 July (see person_time.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace cradle::hotspots {

struct StudyPeriod {
  int start_year = 0;      // the study starts on 1 January of this year
  int end_year = 0;        // and ends on 31 December of this year
  int interval_years = 1;  // SaTScan's "time aggregation length" in years
};

// One time interval, its days as a half-open range [start_day, end_day).
struct TimeInterval {
  int first_year = 0;
  int last_year = 0;
  int64_t start_day = 0;    // DayNumber(first_year, 1, 1)
  int64_t end_day = 0;      // DayNumber(last_year + 1, 1, 1)
  std::string start_label;  // "1985/1/1", as SaTScan prints it
  std::string end_label;    // "1989/12/31"
};

// Days since 1970-01-01 in the proleptic Gregorian calendar.
// REQUIRES: a valid date.
int64_t DayNumber(int year, unsigned month, unsigned day);

// The intervals of `period`, oldest first. Returns InvalidArgument if the end
// is before the start, the interval length is below one year, or the study
// period is not a whole number of intervals (rather than guess where a short
// interval would go).
Result<std::vector<TimeInterval>> MakeIntervals(const StudyPeriod& period);

// A date as SaTScan's files write it: "YYYY", "YYYY/M" or "YYYY/M/D" ('-'
// also separates). A two-digit year is 19YY from 50 and 20YY below (New
// Mexico's population file writes 1973 as "73"). Missing month and day are
// std::nullopt, for the caller to decide what a bare year means.
struct SatscanDate {
  int year = 0;
  std::optional<unsigned> month;
  std::optional<unsigned> day;
};
// std::nullopt if `text` is not such a date or names no real day.
std::optional<SatscanDate> ParseSatscanDate(std::string_view text);

}  // namespace cradle::hotspots
