#include "synth/civil_date.h"

#include <cassert>

namespace cradle::synth {

Day DayFromCivil(const CivilDate& date) {
  assert(date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31);
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;  // [0, 399]
  const int doy =
      (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;  // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                        // [0, 146096]
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDay(Day day) {
  const int z = day + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;                                       // [0, 146096]
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const int mp = (5 * doy + 2) / 153;                                     // [0, 11]
  CivilDate date;
  date.day = doy - (153 * mp + 2) / 5 + 1;
  date.month = mp < 10 ? mp + 3 : mp - 9;
  date.year = yoe + era * 400 + (date.month <= 2 ? 1 : 0);
  return date;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInYear(int year) { return IsLeapYear(year) ? 366 : 365; }

Day FirstDayOfYear(int year) { return DayFromCivil({year, 1, 1}); }

int YearOfDay(Day day) { return CivilFromDay(day).year; }

std::string FormatIsoDate(Day day) {
  const CivilDate date = CivilFromDay(day);
  assert(date.year >= 0 && date.year <= 9999);
  // Digit by digit: a writer formats a date for every row.
  std::string text = "0000-00-00";
  auto put = [&text](size_t end, int value, int width) {
    for (int digit = 0; digit < width; ++digit, value /= 10) {
      text[end - static_cast<size_t>(digit)] = static_cast<char>('0' + value % 10);
    }
  };
  put(3, date.year, 4);
  put(6, date.month, 2);
  put(9, date.day, 2);
  return text;
}

}  // namespace cradle::synth
