#include "synth/civil_date.h"

#include <gtest/gtest.h>

namespace cradle::synth {
namespace {

TEST(CivilDateTest, KnownDays) {
  EXPECT_EQ(DayFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DayFromCivil({2000, 3, 1}), 11017);
  EXPECT_EQ(DayFromCivil({1969, 12, 31}), -1);
  EXPECT_EQ(FormatIsoDate(DayFromCivil({2024, 2, 29})), "2024-02-29");
  EXPECT_EQ(FormatIsoDate(DayFromCivil({2024, 2, 29}) + 1), "2024-03-01");
  EXPECT_EQ(FormatIsoDate(DayFromCivil({2023, 2, 28}) + 1), "2023-03-01");
  EXPECT_EQ(FormatIsoDate(FirstDayOfYear(2015) - 1), "2014-12-31");
}

TEST(CivilDateTest, YearsAndLeapYears) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_EQ(DaysInYear(2020), 366);
  EXPECT_EQ(DaysInYear(2021), 365);
  EXPECT_EQ(FirstDayOfYear(2025) - FirstDayOfYear(2015), 3653);
  EXPECT_EQ(YearOfDay(FirstDayOfYear(2016) - 1), 2015);
  EXPECT_EQ(YearOfDay(FirstDayOfYear(2016)), 2016);
}

TEST(CivilDateTest, RoundTripsEveryDayFrom1990To2030) {
  for (Day day = DayFromCivil({1990, 1, 1}); day <= DayFromCivil({2030, 12, 31}); ++day) {
    const CivilDate date = CivilFromDay(day);
    ASSERT_EQ(DayFromCivil(date), day) << FormatIsoDate(day);
    if (date.day == 1) {
      ASSERT_NE(CivilFromDay(day - 1).month, date.month) << FormatIsoDate(day);
    }
  }
}

}  // namespace
}  // namespace cradle::synth
