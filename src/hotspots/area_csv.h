// Reads a table of areas with the header `id,x,y,births,deaths` (as the
// synthetic test files have it) into the SpatialData of a purely spatial scan.
// Columns are found by name, in any order; other columns are ignored.
//
// Poisson: population = births, cases = deaths. Bernoulli: cases = deaths,
// controls = births - deaths. Births and deaths are whole numbers, zero or
// more, with deaths no more than births. Cartesian x and y are read as they
// are; for lat/long, x is the longitude and y the latitude, as GIS tables
// write them (SpatialData keeps latitude first, as SaTScan does).
#pragma once

#include <string>

#include "base/result.h"
#include "hotspots/scan_data.h"

namespace cradle::hotspots {

// The areas of `path`, or IoError if it cannot be read, or InvalidData naming
// the file, the row (as CsvReader numbers them: the header is row 1) and the
// column ("synthetic.csv row 5, column births: "-3" must be zero or more"),
// or MakeSpatialData's errors (no deaths at all, say), naming the file.
Result<SpatialData> ReadAreasCsv(const std::string& path, Coordinates coordinates, ScanModel model);

}  // namespace cradle::hotspots
