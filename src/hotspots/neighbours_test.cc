// Windows are prefixes of the distance order, cut by a strict population cap,
// with SaTScan's tie rule.
#include "hotspots/neighbours.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace cradle::hotspots {
namespace {

SpatialData Line(std::vector<LocationInput> locations) {
  auto data =
      MakeSpatialData(std::move(locations), Coordinates::kCartesian, ScanModel::kPoisson, "test");
  EXPECT_TRUE(data.ok()) << data.status().ToString();
  return *data;
}

TEST(NeighboursTest, OrdersByDistanceThenCoordinateAndStopsAtTheCap) {
  // Centre a at 0; b and c both at distance 1 (c has the smaller x); d at 2.
  SpatialData data = Line({{"a", 0, 0, 1, 10, 0},
                           {"b", 1, 0, 1, 10, 0},
                           {"c", -1, 0, 1, 10, 0},
                           {"d", 2, 0, 1, 10, 0},
                           {"e", 9, 0, 1, 60, 0}});
  DistanceSpace space(data);
  CentreWindows windows;
  WindowBuilder(data, space, 40).Build(0, windows);
  ASSERT_EQ(windows.members.size(), 4u);
  EXPECT_EQ(windows.members[0], 0);
  EXPECT_EQ(windows.members[1], 2);  // c before b: equal distance, smaller x
  EXPECT_EQ(windows.members[2], 1);
  EXPECT_EQ(windows.members[3], 3);
  EXPECT_DOUBLE_EQ(windows.cumulative[3], 40);  // the cap itself is allowed
  EXPECT_DOUBLE_EQ(windows.distance[3], 2);
  WindowBuilder(data, space, 39.5).Build(0, windows);
  EXPECT_EQ(windows.members.size(), 3u);  // d would pass the cap
}

TEST(NeighboursTest, LatitudeLongitudeUsesTheChordOnSatscansSphere) {
  SpatialData data = Line({{"a", 0, 0, 1, 1, 0}, {"b", 0, 1, 1, 1, 0}});
  data.coordinates = Coordinates::kLatLong;
  DistanceSpace space(data);
  // One degree of longitude on the equator: chord 2R sin(0.5 deg), R = 6367.
  EXPECT_NEAR(space.Distance(0, 1), 2 * 6367 * std::sin(0.5 * std::numbers::pi / 180), 1e-9);
}

}  // namespace
}  // namespace cradle::hotspots
