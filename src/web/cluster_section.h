// The Neighbourhoods page's "Where infant deaths cluster" section: what a
// neighbourhood scan found, in sentences generated from it; a map of the
// areas (on the page, their deprivation) with the shown clusters
// (statements.h: ShownClusters) outlined, the most likely in a solid line and
// each secondary one dashed differently; and, open under it, the table of
// those clusters (centre, areas, live births, deaths observed and expected,
// O/E, relative risk, LLR, p-value), which downloads as CSV and xlsx. A
// cluster's deaths from 1 to 4 are hidden with the ratios that would give
// them away.
#pragma once

#include <string>
#include <vector>

#include "charts/choropleth.h"
#include "web/app.h"
#include "web/page.h"
#include "workspace/neighbourhood_scan.h"

namespace cradle::web {

// The map the clusters are outlined on.
struct ClusterBaseMap {
  std::vector<charts::MapArea> areas;  // values, classes set or left to `classes`
  charts::Classification classes;
  std::string legend_title;  // e.g. "IMD 2025 decile"
  std::string what;          // e.g. "deprivation (IMD 2025)", named in the map's title
};

// The section described above ("clusters"), then the list of the areas in
// the shown clusters with their live births (and, for LSOAs, ward and
// deprivation decile), folded away under its own download links
// ("cluster-areas"). `boundaries` match the scan's level; `notes` go under
// the map and both tables, after the scan's method.
std::vector<Section> ClusterSections(const AppData& data, const workspace::NeighbourhoodScan& scan,
                                     const ClusterBaseMap& base,
                                     const std::vector<geo::Boundary>& boundaries,
                                     const std::vector<std::string>& notes);

}  // namespace cradle::web
