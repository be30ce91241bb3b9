#include "base/strings.h"

#include <gtest/gtest.h>

namespace cradle {
namespace {

TEST(StringsTest, ParsesWholeNumbersOnly) {
  EXPECT_EQ(ParseInt64(" 42 "), 42);
  EXPECT_EQ(ParseInt64("-3"), -3);
  EXPECT_FALSE(ParseInt64("4.2").has_value());
  EXPECT_FALSE(ParseInt64("").has_value());
  EXPECT_FALSE(ParseInt64("[x]").has_value());
  EXPECT_DOUBLE_EQ(*ParseDouble("3.25"), 3.25);
  EXPECT_DOUBLE_EQ(*ParseDouble("1e-3"), 0.001);
  EXPECT_FALSE(ParseDouble("NA").has_value());
}

TEST(StringsTest, FormatsThousands) {
  EXPECT_EQ(WithThousands(13006), "13,006");
  EXPECT_EQ(WithThousands(999), "999");
  EXPECT_EQ(WithThousands(-1234567), "-1,234,567");
  EXPECT_EQ(WithThousands(0), "0");
}

TEST(StringsTest, ChecksUtf8) {
  EXPECT_TRUE(IsValidUtf8("Leicester – Spinney Hills ©"));
  EXPECT_FALSE(IsValidUtf8("caf\xE9"));      // Latin-1 é
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));     // overlong
  EXPECT_FALSE(IsValidUtf8("abc\xE2\x80"));  // truncated
  EXPECT_TRUE(IsValidUtf8(""));
}

TEST(StringsTest, SplitsAndTrims) {
  EXPECT_EQ(Split("a;b;;c", ';'), (std::vector<std::string>{"a", "b", "", "c"}));
  EXPECT_EQ(Trim("  Leicester \t"), "Leicester");
  EXPECT_EQ(EditDistance("Leicster", "Leicester"), 1u);
}

}  // namespace
}  // namespace cradle
