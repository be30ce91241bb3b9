// The neighbourhood scans the web app shows — on the Neighbourhoods page, in
// its CSV and xlsx downloads and at /api/v1/hotspots — chosen by area, level
// and period, and each run once and kept: 999 replications take a moment, and
// the page, its downloads and the API's JSON and GeoJSON then show one and the
// same result. There are few choices (one authority's records × 2 levels ×
// the periods within them), so every scan run is kept.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/result.h"
#include "web/app.h"
#include "web/params.h"
#include "workspace/neighbourhood_scan.h"

namespace cradle::web {

struct HotspotChoice {
  std::string area_code;
  workspace::ScanLevel level = workspace::ScanLevel::kLsoa;
  indicators::Period period;
};

// `area` (a code or name; default the records' one local authority, else
// Leicester), `level` (lsoa, the default, or ward) and `period` (default every
// year of records), read from `query`. InvalidArgument naming the parameter:
// an area the LSOA lookup does not cover, a level other than lsoa or ward, a
// period that is not one or that runs outside the records' years.
// REQUIRES: data.records.
Result<HotspotChoice> ReadHotspotChoice(const AppData& data, const Query& query);

class HotspotScans {
 public:
  // The scan for `choice`, run on first use; errors as
  // workspace::ScanNeighbourhoods gives them (not kept). Thread-safe.
  // REQUIRES: data.records.
  Result<std::shared_ptr<const workspace::NeighbourhoodScan>> Get(const AppData& data,
                                                                  const HotspotChoice& choice);

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const workspace::NeighbourhoodScan>> scans_;
};

}  // namespace cradle::web
