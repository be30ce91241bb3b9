#include "geo/great_circle.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cradle::geo {

double GreatCircleMetres(GeoPoint a, GeoPoint b) {
  constexpr double kRadians = std::numbers::pi / 180.0;
  const double lat_a = a.latitude * kRadians;
  const double lat_b = b.latitude * kRadians;
  const double half_dlat = (b.latitude - a.latitude) * kRadians / 2;
  const double half_dlon = (b.longitude - a.longitude) * kRadians / 2;
  const double h = std::sin(half_dlat) * std::sin(half_dlat) +
                   std::cos(lat_a) * std::cos(lat_b) * std::sin(half_dlon) * std::sin(half_dlon);
  // Rounding can push h a hair above 1 for antipodal points.
  return 2 * kMeanEarthRadiusMetres * std::asin(std::sqrt(std::min(1.0, h)));
}

}  // namespace cradle::geo
