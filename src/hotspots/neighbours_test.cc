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

namespace cradle::hotspots {
namespace {

// Reporting takes a window's members from Nearest; they must be Build's.
TEST(NeighboursTest, NearestGivesBuildsFirstMembers) {
  std::vector<LocationInput> locations;
  for (int i = 0; i < 300; ++i) {
    // A grid with many equal distances, so the tie rule is exercised.
    locations.push_back({"L" + std::to_string(1000 + i), static_cast<double>(i % 17),
                         static_cast<double>(i / 17), 1, 10.0 + i % 7, 0});
  }
  auto data = MakeSpatialData(locations, Coordinates::kCartesian, ScanModel::kPoisson, "grid");
  ASSERT_TRUE(data.ok());
  DistanceSpace space(*data);
  WindowBuilder builder(*data, space, data->total_population() / 2);
  CentreWindows full, nearest;
  for (int centre : {0, 17, 150, 299}) {
    builder.Build(centre, full);
    for (size_t count : {size_t{1}, size_t{5}, size_t{40}, full.members.size()}) {
      builder.Nearest(centre, count, nearest);
      ASSERT_EQ(nearest.members.size(), count);
      for (size_t k = 0; k < count; ++k) {
        EXPECT_EQ(nearest.members[k], full.members[k]) << centre << " " << k;
        EXPECT_EQ(nearest.cumulative[k], full.cumulative[k]);
      }
    }
  }
}

}  // namespace
}  // namespace cradle::hotspots
