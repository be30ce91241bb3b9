// Which windows a scan reports (reference/scan/SCAN.md §1.3, §1.5): each
// centre's best window, sorted by likelihood ratio (within 1e-9 counted
// equal, then fewer locations first, then the lower centre index, as SaTScan
// orders them); the first is the most likely cluster; a later one is kept
// only if it shares no location with a cluster already kept.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace cradle::hotspots {

struct CentreBest {
  int centre = -1;
  int length = 0;  // locations in the window
  double llr = 0;
};

// Sorts `candidates` into SaTScan's reporting order.
void SortCandidates(std::vector<CentreBest>& candidates);

// Walks the sorted candidates and returns the indices of those kept, at most
// `max_clusters`, stopping at the first whose llr is below `min_llr`.
// `members(candidate)` gives a candidate's locations.
std::vector<size_t> SelectNonOverlapping(
    const std::vector<CentreBest>& sorted, size_t locations, int max_clusters, double min_llr,
    const std::function<std::vector<int>(const CentreBest&)>& members);

}  // namespace cradle::hotspots
