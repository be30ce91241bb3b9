#include "records/lsoa_set.h"

#include <gtest/gtest.h>

namespace cradle::records {
namespace {

TEST(LsoaSetTest, HoldsExactlyTheE01CodesGiven) {
  LsoaSet set({"E01013600", "E01000000", "E01999999", "E05010458", "E0101360"});
  EXPECT_TRUE(set.Contains("E01013600"));
  EXPECT_TRUE(set.Contains("E01000000"));
  EXPECT_TRUE(set.Contains("E01999999"));
  EXPECT_FALSE(set.Contains("E01013601"));
  EXPECT_FALSE(set.Contains("E05010458"));  // a ward: not an LSOA code, left out
  EXPECT_FALSE(set.Contains("E0101360"));
  EXPECT_FALSE(set.Contains("E01O13600"));
  EXPECT_FALSE(set.Contains("e01013600"));
  EXPECT_FALSE(set.Contains(""));
}

}  // namespace
}  // namespace cradle::records
