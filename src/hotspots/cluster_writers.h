// Writes a scan's clusters for people and programs: a CSV row per cluster, a
// JSON document and a GeoJSON FeatureCollection for maps. Clusters come out
// in the result's order (most likely first); numbers are written in full
// (shortest text that reads back as the same double), never rounded for show.
//
// GeoJSON (RFC 7946) knows one coordinate reference system, WGS 84
// longitude/latitude, so only lat/long data is strictly GeoJSON: positions are
// [longitude, latitude] and each circle is drawn on SaTScan's sphere (radius
// 6367 km). Cartesian data (British National Grid, say) is written with its
// coordinates as they are and a top-level "coordinate_system": "cartesian"
// member, so a reader knows to project it; the RFC (§7.1) forbids the name
// "coordinates" there.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "hotspots/cluster.h"
#include "hotspots/scan_data.h"

namespace cradle::hotspots {

// A header row, then one row per cluster: cluster (1-based), centre_id,
// centre_x, centre_y, radius, n_locations, members (identifiers separated by
// spaces, in the order they entered the window), population, observed,
// expected, obs_over_exp, relative_risk ("inf" when every case is inside),
// llr, p_value, gumbel_p_value (empty without one), rank, high_or_low,
// time_start, time_end (interval labels; empty for a purely spatial scan).
void WriteClustersCsv(std::ostream& out, const SpatialData& data, const ScanResult& result);

// {"clusters": [{"cluster", "centre", "members", "observed", "expected",
// "obs_over_exp", "relative_risk" (null when infinite), "llr", "p_value",
// "gumbel_p_value" (only when computed), "rank", "radius", "population", "x",
// "y" (the centre, as SpatialData holds it), "high_or_low", and "time_start",
// "time_end" for space-time clusters}, ...], "total_cases",
// "total_population", "replications", "locations"}.
nlohmann::json ClustersJson(const SpatialData& data, const ScanResult& result);

// A FeatureCollection with two features per cluster: the member locations as
// a MultiPoint ("kind": "members") and the circle as a closed Polygon of 64
// vertices, counter-clockwise ("kind": "circle"). Both carry the cluster's
// JSON fields and "cluster": its 1-based number.
nlohmann::json ClustersGeoJson(const SpatialData& data, const ScanResult& result);

}  // namespace cradle::hotspots
