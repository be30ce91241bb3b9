// Calendar dates as whole days since 1970-01-01 (proleptic Gregorian), so that
// "date of death minus date of birth" is a subtraction and a year's days are a
// range. Conversions follow Howard Hinnant's days_from_civil / civil_from_days
// algorithms (public domain, http://howardhinnant.github.io/date_algorithms.html).
#pragma once

#include <cstdint>
#include <string>

namespace cradle::synth {

using Day = int32_t;  // days since 1970-01-01

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
};

// REQUIRES: a valid Gregorian date.
Day DayFromCivil(const CivilDate& date);
CivilDate CivilFromDay(Day day);

bool IsLeapYear(int year);
int DaysInYear(int year);
Day FirstDayOfYear(int year);
int YearOfDay(Day day);

// "YYYY-MM-DD" (ISO 8601), as docs/data-formats.md requires.
std::string FormatIsoDate(Day day);

}  // namespace cradle::synth
