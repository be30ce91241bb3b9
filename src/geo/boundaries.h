// Area boundaries read from GeoJSON (RFC 7946, WGS84 lon/lat), as ONS and the
// Leicester open-data portal publish them, and the centroid of an area. Only
// the geometry and two properties (code and name) are kept: what a choropleth
// or a nearest-area lookup needs. Projection onto a page belongs to charts/.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace cradle::geo {

// One (lon, lat) position in degrees.
using LonLat = std::pair<double, double>;
// A closed ring of positions (the first repeated at the end, as GeoJSON writes
// it).
using Ring = std::vector<LonLat>;

struct Boundary {
  std::string code;  // e.g. "E05010458"
  std::string name;  // e.g. "Abbey"
  // Polygon and MultiPolygon flattened: every ring of every polygon, the outer
  // ring of each polygon first and its holes after it. Drawn with the even-odd
  // fill rule, holes stay holes without knowing which ring is which.
  std::vector<Ring> rings;
};

// Reads every feature of the GeoJSON FeatureCollection at `path`, taking the
// area code and name from the properties named `code_property` and
// `name_property` (e.g. "WD22CD", "ward_name"). Features keep file order.
// IoError if the file cannot be read; InvalidData, naming the file and the
// feature index, if it is not JSON, not a FeatureCollection, a feature lacks
// either property as a string, or its geometry is not a Polygon or
// MultiPolygon of [lon, lat] positions with rings of at least 4 positions.
Result<std::vector<Boundary>> ReadBoundaries(const std::string& path,
                                             std::string_view code_property,
                                             std::string_view name_property);

// The area-weighted centroid of the area (shoelace formula on lon/lat, which
// is accurate enough for areas the size of a county): outer rings add, holes
// subtract. A ring is a hole when it lies inside an odd number of the other
// rings (the even-odd rule the charts fill with), so files whose rings are
// wound either way give the same answer. Falls back to the mean of the
// vertices when the area is zero. REQUIRES: boundary.rings is not empty.
LonLat Centroid(const Boundary& boundary);

// The signed area of a ring in square degrees: positive anticlockwise (the
// RFC 7946 outer-ring orientation), negative clockwise.
double SignedArea(const Ring& ring);

}  // namespace cradle::geo
