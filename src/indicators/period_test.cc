#include "indicators/period.h"

#include <gtest/gtest.h>

namespace cradle::indicators {
namespace {

TEST(PeriodTest, ParsesTheWaysTablesWritePeriods) {
  EXPECT_EQ(*Period::Parse("2022"), (Period{2022, 1}));
  EXPECT_EQ(*Period::Parse("2020-22"), (Period{2020, 3}));
  EXPECT_EQ(*Period::Parse("2020 - 22"), (Period{2020, 3}));
  EXPECT_EQ(*Period::Parse("2020-2022"), (Period{2020, 3}));
  EXPECT_EQ(*Period::Parse("1999-01"), (Period{1999, 3}));
  EXPECT_EQ(Period::Parse("2020-22")->Label(), "2020-22");
  EXPECT_EQ((Period{2008, 3}).Label(), "2008-10");
  EXPECT_EQ((Period{2022, 1}).Label(), "2022");
}

TEST(PeriodTest, RejectsWhatIsNotAPeriod) {
  for (const char* bad : {"", "22", "2020-", "2022-20", "2020-40", "twenty", "2020-22-24"}) {
    auto period = Period::Parse(bad);
    ASSERT_FALSE(period.ok()) << bad;
    EXPECT_EQ(period.status().code(), StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(Period::Parse("2022-20").status().message(),
            "period '2022-20' must end after it starts and span at most 10 years; write a year "
            "(2022) or a run of years (2020-22)");
}

}  // namespace
}  // namespace cradle::indicators
