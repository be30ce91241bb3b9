#include "geo/area_type.h"

#include <gtest/gtest.h>

namespace cradle::geo {
namespace {

TEST(AreaTypeTest, EntityPrefixGivesType) {
  EXPECT_EQ(*AreaTypeFromCode("E06000016"), AreaType::kUnitaryAuthority);
  EXPECT_EQ(*AreaTypeFromCode("E10000018"), AreaType::kCounty);
  EXPECT_EQ(*AreaTypeFromCode("E07000134"), AreaType::kNonMetropolitanDistrict);
  EXPECT_EQ(*AreaTypeFromCode("E12000004"), AreaType::kRegion);
  EXPECT_EQ(*AreaTypeFromCode("E92000001"), AreaType::kCountry);
  EXPECT_EQ(AreaTypeName(AreaType::kLondonBorough), "London Borough");
}

TEST(AreaTypeTest, MalformedAndUnusedCodesAreErrors) {
  auto bad = AreaTypeFromCode("E0600016");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(AreaTypeFromCode("E14000001").status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(IsGssCode("e06000016"));
}

TEST(AreaTypeTest, UpperTierIsCountiesUnitariesMetDistrictsAndLondonBoroughs) {
  EXPECT_TRUE(IsEnglishUpperTier("E06000016"));
  EXPECT_TRUE(IsEnglishUpperTier("E10000018"));
  EXPECT_TRUE(IsEnglishUpperTier("E08000025"));
  EXPECT_TRUE(IsEnglishUpperTier("E09000012"));
  EXPECT_FALSE(IsEnglishUpperTier("E07000134"));
  EXPECT_FALSE(IsEnglishUpperTier("W06000015"));
  EXPECT_FALSE(IsEnglishUpperTier("E12000004"));
  EXPECT_EQ(FingertipsAreaType("E06000016"), "Counties & UAs");
  EXPECT_EQ(FingertipsAreaType("E92000001"), "England");
}

}  // namespace
}  // namespace cradle::geo
