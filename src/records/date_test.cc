#include "records/date.h"

#include <gtest/gtest.h>

#include <array>

namespace cradle::records {
namespace {

TEST(DateTest, ParsesIsoDatesOnly) {
  auto date = Date::Parse("2022-03-01");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->ToString(), "2022-03-01");
  EXPECT_EQ(date->year(), 2022);
  EXPECT_EQ(*Date::Parse("2022-03-01") - *Date::Parse("2022-02-28"), 1);
  EXPECT_EQ(*Date::Parse("2024-03-01") - *Date::Parse("2024-02-28"), 2);  // leap year
  for (const char* bad : {"2022-02-30", "2022-13-01", "22-03-01", "2022/03/01", "2022-3-1", "",
                          "2022-03-01T00:00", " 2022-03-01"}) {
    EXPECT_FALSE(Date::Parse(bad).has_value()) << bad;
  }
}

TEST(DateTest, FromYearMonthDayAndBack) {
  EXPECT_EQ(Date::FromYearMonthDay(1970, 1, 1)->DaysSinceEpoch(), 0);
  EXPECT_EQ(Date::FromYearMonthDay(2000, 3, 1)->DaysSinceEpoch(), 11017);
  EXPECT_EQ(Date::FromYearMonthDay(1969, 12, 31)->DaysSinceEpoch(), -1);
  EXPECT_EQ(Date::FromYearMonthDay(2022, 3, 1), Date::Parse("2022-03-01"));
  EXPECT_EQ(Date(), *Date::FromYearMonthDay(1970, 1, 1));
  for (auto [year, month, day] :
       {std::array{2023, 2, 29}, std::array{2022, 13, 1}, std::array{2022, 0, 1},
        std::array{2022, 4, 31}, std::array{2022, 1, 0}, std::array{-1, 1, 1},
        std::array{10000, 1, 1}, std::array{70000, 1, 1}}) {
    EXPECT_FALSE(Date::FromYearMonthDay(year, month, day).has_value())
        << year << "-" << month << "-" << day;
  }
}

TEST(DateTest, DayArithmetic) {
  const Date leap_day = *Date::Parse("2024-02-29");
  EXPECT_EQ((leap_day + 1).ToString(), "2024-03-01");
  EXPECT_EQ((leap_day - 365).ToString(), "2023-03-01");
  EXPECT_EQ((*Date::Parse("2023-02-28") + 1).ToString(), "2023-03-01");
  EXPECT_EQ((Date::FirstOfYear(2015) - 1).ToString(), "2014-12-31");
  EXPECT_EQ((leap_day + 10) - leap_day, 10);
  EXPECT_EQ(leap_day + -3, leap_day - 3);
  EXPECT_LT(leap_day, leap_day + 1);
}

TEST(DateTest, YearsAndLeapYears) {
  EXPECT_EQ(Date::DaysInYear(2024), 366);
  EXPECT_EQ(Date::DaysInYear(2000), 366);
  EXPECT_EQ(Date::DaysInYear(1900), 365);
  EXPECT_EQ(Date::DaysInYear(2023), 365);
  EXPECT_EQ(Date::FirstOfYear(2024).ToString(), "2024-01-01");
  EXPECT_EQ(Date::FirstOfYear(2025) - Date::FirstOfYear(2015), 3653);
  EXPECT_EQ((Date::FirstOfYear(2016) - 1).year(), 2015);
  EXPECT_EQ(Date::FirstOfYear(2016).year(), 2016);
  for (int year = 1990; year <= 2030; ++year) {
    EXPECT_EQ(Date::FirstOfYear(year + 1) - Date::FirstOfYear(year), Date::DaysInYear(year))
        << year;
  }
}

// Every day from 1990 to 2030: the parts round-trip, and day n + 1 is the
// next calendar day after day n.
TEST(DateTest, EveryDayFrom1990To2030) {
  const Date last = *Date::Parse("2030-12-31");
  Date previous = *Date::Parse("1989-12-31");
  for (Date date = Date::FirstOfYear(1990); date <= last; date = date + 1) {
    ASSERT_EQ(Date::FromYearMonthDay(date.year(), date.month(), date.day()), date)
        << date.ToString();
    ASSERT_EQ(Date::Parse(date.ToString()), date) << date.ToString();
    if (date.day() == 1) {
      ASSERT_NE(previous.month(), date.month()) << date.ToString();
      ASSERT_TRUE(date.month() == 1 ? previous.year() + 1 == date.year()
                                    : previous.year() == date.year())
          << date.ToString();
    } else {
      ASSERT_EQ(previous.day() + 1, date.day()) << date.ToString();
      ASSERT_EQ(previous.month(), date.month()) << date.ToString();
    }
    previous = date;
  }
}

}  // namespace
}  // namespace cradle::records
