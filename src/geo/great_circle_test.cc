#include "geo/great_circle.h"

#include <gtest/gtest.h>

namespace cradle::geo {
namespace {

constexpr GeoPoint kClockTower{52.6357, -1.1329};  // Leicester

TEST(GreatCircle, OneDegreeOfLatitudeIsAbout111Km) {
  EXPECT_NEAR(GreatCircleMetres({52, -1}, {53, -1}), 111'195, 1);
  EXPECT_DOUBLE_EQ(GreatCircleMetres(kClockTower, kClockTower), 0);
  // London (51.5074, -0.1278) to Leicester: about 143 km.
  EXPECT_NEAR(GreatCircleMetres({51.5074, -0.1278}, kClockTower), 143'000, 1'500);
}

TEST(GreatCircle, AntipodesAreHalfTheCircumference) {
  EXPECT_NEAR(GreatCircleMetres({0, 0}, {0, 180}), kMeanEarthRadiusMetres * 3.14159265358979, 1e-3);
}

}  // namespace
}  // namespace cradle::geo
