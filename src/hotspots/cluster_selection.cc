#include "hotspots/cluster_selection.h"

#include <algorithm>

namespace cradle::hotspots {

void SortCandidates(std::vector<CentreBest>& candidates) {
  // Sorting with "equal within 1e-9" as the comparator would not be a strict
  // weak order, so: sort by the ratio, then reorder each run of near-equal
  // ratios (each within 1e-9 of the run's first) by the tie rules.
  auto by_llr = [](const CentreBest& a, const CentreBest& b) {
    if (a.llr != b.llr) return a.llr > b.llr;
    return a.centre < b.centre;
  };
  std::sort(candidates.begin(), candidates.end(), by_llr);
  auto by_ties = [](const CentreBest& a, const CentreBest& b) {
    if (a.length != b.length) return a.length < b.length;
    return a.centre < b.centre;
  };
  for (size_t first = 0; first < candidates.size();) {
    size_t end = first + 1;
    while (end < candidates.size() && candidates[first].llr - candidates[end].llr <= 1e-9) ++end;
    std::sort(candidates.begin() + static_cast<long>(first),
              candidates.begin() + static_cast<long>(end), by_ties);
    first = end;
  }
}

std::vector<size_t> SelectNonOverlapping(
    const std::vector<CentreBest>& sorted, size_t locations, int max_clusters, double min_llr,
    const std::function<std::vector<int>(const CentreBest&)>& members) {
  std::vector<size_t> kept;
  std::vector<bool> taken(locations, false);
  for (size_t i = 0; i < sorted.size() && kept.size() < static_cast<size_t>(max_clusters); ++i) {
    if (sorted[i].llr < min_llr) break;
    std::vector<int> inside = members(sorted[i]);
    bool overlaps = std::any_of(inside.begin(), inside.end(), [&](int j) { return taken[j]; });
    if (overlaps) continue;
    for (int j : inside) taken[j] = true;
    kept.push_back(i);
  }
  return kept;
}

}  // namespace cradle::hotspots
