// The circular windows of a scan: for one centre, the locations in order of
// distance with the running population, cut where the next location would
// take the window above the maximum share of the population at risk
// (reference/scan/SCAN.md §1.2). Every prefix of the list is a window.
//
// Distances are SaTScan's: Euclidean for Cartesian coordinates; for lat/long
// the chord between points on a sphere of radius 6367 km (monotone in the
// great-circle distance, so the order is the same). Equal distances are
// ordered by the smaller coordinate (x, then y), then by location index.
#pragma once

#include <cstdint>
#include <vector>

#include "hotspots/scan_data.h"

namespace cradle::hotspots {

// Positions prepared for fast distances: 2-D for Cartesian, 3-D Earth-centred
// (km) for lat/long.
class DistanceSpace {
 public:
  explicit DistanceSpace(const SpatialData& data);
  size_t size() const { return x_.size(); }
  // The distance SaTScan orders by and reports as the radius.
  double Distance(int a, int b) const;
  // Squared distances from `centre` to every location, in location order;
  // returns the largest.
  double SquaredDistancesFrom(int centre, std::vector<double>& out) const;

 private:
  std::vector<double> x_, y_, z_;          // z_ empty for Cartesian
  std::vector<double> order_x_, order_y_;  // the tie-break coordinates
  friend class WindowBuilder;              // for the tie-break coordinates
};

// One centre's windows.
struct CentreWindows {
  int centre = -1;
  std::vector<int32_t> members;    // location indices, nearest first
  std::vector<double> cumulative;  // population of the first k+1 members
  std::vector<double> distance;    // distance of member k from the centre
};

// Builds the windows of any centre; one builder per thread (it keeps scratch
// space).
class WindowBuilder {
 public:
  // `max_population` is the largest population a window may hold: the
  // maximum window share times the total population at risk.
  WindowBuilder(const SpatialData& data, const DistanceSpace& space, double max_population);
  void Build(int centre, CentreWindows& out);
  // The first `count` windows' members of `centre` only, as Build would give
  // them (count at most the number Build gives), without sorting the rest:
  // what reporting a cluster needs.
  void Nearest(int centre, size_t count, CentreWindows& out);

 private:
  const SpatialData& data_;
  const DistanceSpace& space_;
  double max_population_;
  std::vector<double> distance_;  // squared
  std::vector<uint32_t> bucket_of_;
  std::vector<size_t> bucket_start_;
  std::vector<size_t> fill_;
  std::vector<double> bucket_population_;
  struct Candidate {
    double distance;  // squared until the candidates are sorted
    int32_t index;
  };
  std::vector<Candidate> order_;

  bool Tied(const Candidate& a, const Candidate& b) const;
  bool Nearer(const Candidate& a, const Candidate& b) const;  // by distance, then Tied
};

}  // namespace cradle::hotspots
