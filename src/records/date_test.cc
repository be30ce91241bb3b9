#include "records/date.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace cradle::records
