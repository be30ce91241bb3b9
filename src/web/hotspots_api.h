// /api/v1/hotspots: where infant deaths cluster among an authority's LSOAs or
// wards, from the stored records (workspace/neighbourhood_scan.h), as
// hotspots' cluster JSON (ClustersJson; ids are GSS codes) or, with
// format=geojson, its GeoJSON (member centroids and the circle of each
// cluster, WGS 84). The small-number rule holds here as on the page: a
// cluster with 1 to 4 deaths has its count, and what would give it away
// (O/E, relative risk, LLR), as null with "suppressed": true.
#pragma once

#include "web/app.h"
#include "web/http_message.h"

namespace cradle::web {

// 400 with {"error"} for a bad parameter (area, level, period, format); 404
// when the store holds no record-level births.
Response HotspotsApi(const AppData& data, const Request& request);

}  // namespace cradle::web
