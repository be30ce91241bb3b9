// The NHS number's Modulus 11 check digit (NHS Data Dictionary).
#include "accounts/nhs_number.h"

#include <gtest/gtest.h>

namespace cradle::accounts {
namespace {

TEST(ParseNhsNumber, AcceptsValidNumbersWithOrWithoutSpaces) {
  // 943 476 5919: weights 10..2 give 299; 299 mod 11 = 2; 11 - 2 = 9.
  EXPECT_EQ(*ParseNhsNumber("9434765919"), "9434765919");
  EXPECT_EQ(*ParseNhsNumber("943 476 5919"), "9434765919");
  EXPECT_EQ(*ParseNhsNumber("4010232137"), "4010232137");
  // 401 023 001: the weighted sum is a multiple of 11, so 11 - 0 = 11 means 0.
  EXPECT_EQ(*ParseNhsNumber("4010230010"), "4010230010");
  EXPECT_FALSE(ParseNhsNumber("4010230011").ok());
}

TEST(ParseNhsNumber, RefusesAWrongCheckDigit) {
  auto result = ParseNhsNumber("9434765918");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(), "the NHS number's check digit is wrong (Modulus 11)");
}

TEST(ParseNhsNumber, RefusesNumbersWhoseCheckWouldBeTen) {
  // 123456789x: sum 1*10+2*9+...+9*2 = 210; 210 mod 11 = 1; 11 - 1 = 10: no valid digit.
  for (char last = '0'; last <= '9'; ++last) {
    EXPECT_FALSE(ParseNhsNumber(std::string("123456789") + last).ok()) << last;
  }
}

TEST(ParseNhsNumber, RefusesTheWrongLengthOrCharacters) {
  EXPECT_EQ(ParseNhsNumber("943476591").status().message(),
            "an NHS number has 10 digits (this one has 9)");
  EXPECT_EQ(ParseNhsNumber("94347659190").status().message(),
            "an NHS number has 10 digits (this one has 11)");
  EXPECT_EQ(ParseNhsNumber("943-476-5919").status().message(),
            "an NHS number is ten digits, with no other characters");
  EXPECT_EQ(ParseNhsNumber("").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace cradle::accounts
