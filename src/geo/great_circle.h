// Distance along the Earth's surface between two WGS 84 points, by the
// haversine formula on a sphere of the mean Earth radius (6,371,008.8 m, IUGG).
// Good to about 0.5% against the ellipsoid: ample for "services within 2 km".
#pragma once

namespace cradle::geo {

struct GeoPoint {
  double latitude = 0;  // degrees
  double longitude = 0;
};

inline constexpr double kMeanEarthRadiusMetres = 6'371'008.8;

double GreatCircleMetres(GeoPoint a, GeoPoint b);

}  // namespace cradle::geo
