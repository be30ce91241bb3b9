// Where in a local authority infant deaths cluster: the stored records turned
// into the input of Kulldorff's spatial scan (hotspots/) — one location per
// LSOA or ward, its infant deaths as cases and its live births as the
// population at risk (Poisson model) — and the scan run with the settings the
// web app shows, so every entry point asks the same question the same way.
//
// Choices, each for a reason:
// - Birth cohort: the births of the period and the infant deaths of those
//   babies, in the area of the birth record. Every death is then one of the
//   births it is compared with, so no area can have more deaths than births
//   (a death-cohort count can: a death early in the period of a baby born
//   before it), which the Poisson scan's population at risk requires.
// - Coordinates: the area-weighted centroid of the bundled boundary, as
//   latitude/longitude (hotspots::Coordinates::kLatLong). SaTScan then
//   measures distances on its sphere in km, and the GeoJSON of the clusters
//   is true RFC 7946 GeoJSON a web map can draw, with no projection of ours
//   to defend. (ONS's population-weighted centroids would place an area
//   where its people live; the bundled boundaries do not carry them.)
// - Every area of the authority is a location, including one with no births
//   in the period (zero population): it changes no window's counts, as in
//   SaTScan, and a cluster's circle covers it if it lies inside. Births with
//   no known area, or outside the authority, have no place to go: they are
//   counted in `left_out_births` / `left_out_deaths`, never silently lost.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "geo/boundaries.h"
#include "hotspots/cluster.h"
#include "hotspots/scan_data.h"
#include "hotspots/spatial_scan.h"
#include "indicators/period.h"
#include "inequalities/record_frame.h"

namespace cradle::workspace {

enum class ScanLevel { kLsoa, kWard };
std::string_view ScanLevelName(ScanLevel level);  // "lsoa", "ward"
// InvalidArgument ("level: 'x' is not one of lsoa, ward") otherwise.
Result<ScanLevel> ParseScanLevel(std::string_view text);

// What the scan reads, and what a page needs beside it to name the areas.
struct NeighbourhoodData {
  std::string area_code;  // the local authority, e.g. E06000016
  ScanLevel level = ScanLevel::kLsoa;
  indicators::Period period;
  hotspots::SpatialData data;      // ids are area codes; x = latitude, y = longitude
  std::vector<std::string> names;  // indexed like data.ids
  int64_t left_out_births = 0;     // births of the period with no area of the authority
  int64_t left_out_deaths = 0;
};

// The locations of `area_code`'s LSOAs or wards (those of frame.lsoas whose
// local authority it is, and their wards) with births and infant deaths of
// `period`; `boundaries` are the bundled LSOA or ward boundaries, matching
// `level`. NotFound if the records hold no LSOA of `area_code`;
// InvalidArgument if the period has no births there; InvalidData naming an
// area with no boundary to place it (the bundled files cover every area, so
// this means they are out of step with the lookup), or from
// hotspots::MakeSpatialData (no deaths).
Result<NeighbourhoodData> MakeNeighbourhoodData(const inequalities::RecordFrame& frame,
                                                const std::vector<geo::Boundary>& boundaries,
                                                const std::string& area_code, ScanLevel level,
                                                const indicators::Period& period);

// The settings the web app scans with: high rates only (the question is
// where deaths are more frequent), circles up to half the births (SaTScan's
// default and maximum), 999 replications (SaTScan's default), and a fixed
// seed, so the page and the API give the same clusters and p-values on every
// run and on any number of threads.
hotspots::ScanOptions NeighbourhoodScanOptions();

struct NeighbourhoodScan {
  NeighbourhoodData input;
  hotspots::ScanOptions options;
  hotspots::ScanResult result;
};

// MakeNeighbourhoodData, then hotspots::SpatialScan with
// NeighbourhoodScanOptions(); their errors as they give them.
Result<NeighbourhoodScan> ScanNeighbourhoods(const inequalities::RecordFrame& frame,
                                             const std::vector<geo::Boundary>& boundaries,
                                             const std::string& area_code, ScanLevel level,
                                             const indicators::Period& period);

}  // namespace cradle::workspace
