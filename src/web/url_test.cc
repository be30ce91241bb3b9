#include "web/url.h"

#include <gtest/gtest.h>

namespace cradle::web {
namespace {

TEST(Url, DecodesPathAndQuery) {
  auto target = ParseTarget("/data/ward%20rates.csv?area=E06000016&period=2020-22&q=a+b%2Bc");
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->path, "/data/ward rates.csv");
  EXPECT_EQ(target->query.at("area"), "E06000016");
  EXPECT_EQ(target->query.at("q"), "a b+c");
}

TEST(Url, PlusIsASpaceOnlyInTheQuery) {
  EXPECT_EQ(*PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(*PercentDecode("a+b", true), "a b");
}

TEST(Url, RefusesMalformedEscapesAndNul) {
  EXPECT_FALSE(PercentDecode("%4", false).ok());
  EXPECT_FALSE(PercentDecode("%zz", false).ok());
  EXPECT_FALSE(PercentDecode("a%", false).ok());
  EXPECT_EQ(PercentDecode("%00", false).status().message(), "a NUL byte (%00) is not allowed");
}

TEST(Url, KeepsTheLastOfARepeatedNameAndSkipsEmptyPairs) {
  auto target = ParseTarget("/?a=1&&a=2&flag");
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->query.at("a"), "2");
  EXPECT_EQ(target->query.at("flag"), "");
}

}  // namespace
}  // namespace cradle::web
