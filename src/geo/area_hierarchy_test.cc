#include "geo/area_hierarchy.h"

#include <gtest/gtest.h>

namespace cradle::geo {
namespace {

std::string ParentOf(ParentTracker& tracker, std::string_view code) {
  auto parent = tracker.Next(code);
  EXPECT_TRUE(parent.ok()) << parent.status().ToString();
  return parent.ok() && parent->has_value() ? **parent : "";
}

TEST(ParentTrackerTest, FollowsOnsTableOrder) {
  ParentTracker tracker;
  EXPECT_EQ(ParentOf(tracker, "K04000001"), "");
  EXPECT_EQ(ParentOf(tracker, "E92000001"), "K04000001");
  EXPECT_EQ(ParentOf(tracker, "E12000004"), "E92000001");
  EXPECT_EQ(ParentOf(tracker, "E06000016"), "E12000004");
  EXPECT_EQ(ParentOf(tracker, "E10000018"), "E12000004");
  EXPECT_EQ(ParentOf(tracker, "E07000134"), "E10000018");
  EXPECT_EQ(ParentOf(tracker, "E12000007"), "E92000001");
  EXPECT_EQ(ParentOf(tracker, "E13000001"), "E12000007");
  EXPECT_EQ(ParentOf(tracker, "E09000002"), "E12000007");
  EXPECT_EQ(ParentOf(tracker, "W92000004"), "K04000001");
  EXPECT_EQ(ParentOf(tracker, "W06000015"), "W92000004");
}

TEST(ParentTrackerTest, DistrictsAfterAUnitaryCodeBelongToIt) {
  ParentTracker tracker;
  EXPECT_EQ(ParentOf(tracker, "E12000008"), "E92000001");
  EXPECT_EQ(ParentOf(tracker, "E06000060"), "E12000008");
  EXPECT_EQ(ParentOf(tracker, "E07000004"), "E06000060");
  EXPECT_EQ(ParentOf(tracker, "E11000001"), "E12000008");
  EXPECT_FALSE(tracker.Next("E07000005").ok());  // a metropolitan county heads no districts
}

TEST(ParentTrackerTest, DistrictBeforeAnyCountyIsAnError) {
  ParentTracker tracker;
  ASSERT_TRUE(tracker.Next("E12000004").ok());
  auto orphan = tracker.Next("E07000134");
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.status().message(), "district E07000134 is listed before any county");
}

}  // namespace
}  // namespace cradle::geo
