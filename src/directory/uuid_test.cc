#include "directory/uuid.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "directory/model.h"

namespace cradle::directory {
namespace {

TEST(Uuid, SetsTheVersionAndVariantBitsAndKeepsTheRest) {
  std::array<uint8_t, 16> zeros{};
  EXPECT_EQ(UuidV4FromBytes(zeros), "00000000-0000-4000-8000-000000000000");
  std::array<uint8_t, 16> ones;
  ones.fill(0xff);
  EXPECT_EQ(UuidV4FromBytes(ones), "ffffffff-ffff-4fff-bfff-ffffffffffff");
  std::array<uint8_t, 16> counting;
  for (size_t i = 0; i < counting.size(); ++i) counting[i] = static_cast<uint8_t>(i * 17);
  EXPECT_EQ(UuidV4FromBytes(counting), "00112233-4455-4677-8899-aabbccddeeff");
}

TEST(Uuid, NewIdsAreVersionFourAndDistinct) {
  static const std::regex kV4(
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    auto id = NewUuidV4();
    ASSERT_TRUE(id.ok()) << id.status().message();
    EXPECT_TRUE(std::regex_match(*id, kV4)) << *id;
    EXPECT_TRUE(IsUuid(*id)) << *id;
    seen.insert(*id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace cradle::directory
