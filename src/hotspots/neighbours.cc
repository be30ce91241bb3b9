#include "hotspots/neighbours.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace cradle::hotspots {
namespace {

// SaTScan's Earth radius for lat/long coordinates, in km.
constexpr double kEarthRadiusKm = 6367.0;

}  // namespace

DistanceSpace::DistanceSpace(const SpatialData& data) {
  size_t n = data.size();
  x_.resize(n);
  y_.resize(n);
  if (data.coordinates == Coordinates::kLatLong) z_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    if (data.coordinates == Coordinates::kCartesian) {
      x_[i] = data.x[i];
      y_[i] = data.y[i];
    } else {
      double lat = data.x[i] * std::numbers::pi / 180.0;
      double lon = data.y[i] * std::numbers::pi / 180.0;
      x_[i] = kEarthRadiusKm * std::cos(lat) * std::cos(lon);
      y_[i] = kEarthRadiusKm * std::cos(lat) * std::sin(lon);
      z_[i] = kEarthRadiusKm * std::sin(lat);
    }
  }
  order_x_ = data.x;
  order_y_ = data.y;
}

double DistanceSpace::Distance(int a, int b) const {
  double dx = x_[a] - x_[b];
  double dy = y_[a] - y_[b];
  double squared = dx * dx + dy * dy;
  if (!z_.empty()) {
    double dz = z_[a] - z_[b];
    squared += dz * dz;
  }
  return std::sqrt(squared);
}

double DistanceSpace::SquaredDistancesFrom(int centre, std::vector<double>& out) const {
  size_t n = x_.size();
  out.resize(n);
  double cx = x_[centre], cy = y_[centre];
  double farthest = 0;
  if (z_.empty()) {
    for (size_t i = 0; i < n; ++i) {
      double dx = x_[i] - cx, dy = y_[i] - cy;
      out[i] = dx * dx + dy * dy;
      farthest = std::max(farthest, out[i]);
    }
  } else {
    double cz = z_[centre];
    for (size_t i = 0; i < n; ++i) {
      double dx = x_[i] - cx, dy = y_[i] - cy, dz = z_[i] - cz;
      out[i] = dx * dx + dy * dy + dz * dz;
      farthest = std::max(farthest, out[i]);
    }
  }
  return farthest;
}

WindowBuilder::WindowBuilder(const SpatialData& data, const DistanceSpace& space,
                             double max_population)
    : data_(data), space_(space), max_population_(max_population) {}

// Sorting every location for every centre would cost L log L per centre (the
// 200 s SaTScan spends on England). Only the locations inside the cap are
// needed, so: bucket the squared distances (equal-area rings), find the ring
// where the running population passes the cap, and sort only the rings up to
// it, each ring on its own (a few locations each) with the exact order. The
// candidates are sorted as (distance, index) pairs side by side, so a
// comparison reads no other memory.
// SaTScan's order of two locations at the same distance: the smaller
// coordinate first (x, then y), then the identifier order.
bool WindowBuilder::Tied(const Candidate& a, const Candidate& b) const {
  const std::vector<double>& ox = space_.order_x_;
  const std::vector<double>& oy = space_.order_y_;
  if (ox[a.index] != ox[b.index]) return ox[a.index] < ox[b.index];
  if (oy[a.index] != oy[b.index]) return oy[a.index] < oy[b.index];
  return a.index < b.index;
}

bool WindowBuilder::Nearer(const Candidate& a, const Candidate& b) const {
  if (a.distance != b.distance) return a.distance < b.distance;
  return Tied(a, b);
}

void WindowBuilder::Build(int centre, CentreWindows& out) {
  double farthest = space_.SquaredDistancesFrom(centre, distance_);
  size_t n = distance_.size();
  // About one location per ring, so most rings need no sorting at all.
  size_t buckets = std::clamp<size_t>(n, 1, 1 << 18);
  double scale = farthest > 0 ? static_cast<double>(buckets) / farthest : 0;
  int last_bucket = static_cast<int>(buckets) - 1;
  bucket_of_.resize(n);
  bucket_start_.assign(buckets + 2, 0);  // one more: the ring beyond the cap
  bucket_population_.assign(buckets, 0.0);
  const double* population = data_.population.data();
  for (size_t i = 0; i < n; ++i) {
    int b = std::min(last_bucket, static_cast<int>(distance_[i] * scale));
    bucket_of_[i] = static_cast<uint32_t>(b);
    ++bucket_start_[static_cast<size_t>(b) + 1];
    bucket_population_[static_cast<size_t>(b)] += population[i];
  }
  // The last ring needed: the first whose population takes the running total
  // above the cap (every ring when the cap is never passed).
  size_t last = buckets - 1;
  double running = 0;
  for (size_t b = 0; b < buckets; ++b) {
    running += bucket_population_[b];
    if (running > max_population_) {
      last = b;
      break;
    }
  }
  // Rings past the last one needed are one: the locations beyond the cap go
  // there unsorted. Every location is placed, inside the cap or not: a test
  // would be a coin toss for the branch predictor.
  const size_t beyond = last + 1;
  for (size_t b = beyond + 1; b < buckets; ++b) bucket_start_[beyond + 1] += bucket_start_[b + 1];
  for (size_t b = 0; b <= beyond; ++b) bucket_start_[b + 1] += bucket_start_[b];
  order_.resize(n);
  fill_.assign(bucket_start_.begin(), bucket_start_.begin() + static_cast<long>(beyond) + 1);
  for (size_t i = 0; i < n; ++i) {
    order_[fill_[std::min<size_t>(bucket_of_[i], beyond)]++] = {distance_[i],
                                                                static_cast<int32_t>(i)};
  }
  auto ties = [this](const Candidate& a, const Candidate& b) { return Tied(a, b); };
  auto nearer = [this](const Candidate& a, const Candidate& b) { return Nearer(a, b); };
  for (size_t b = 0; b <= last; ++b) {
    auto first = order_.begin() + static_cast<long>(bucket_start_[b]);
    auto end = order_.begin() + static_cast<long>(bucket_start_[b + 1]);
    if (end - first > 1) std::sort(first, end, nearer);
  }
  size_t candidates = bucket_start_[last + 1];
  // SaTScan orders by the distance itself: two squared distances that differ
  // may share a square root, and then the tie rule decides.
  for (size_t k = 0; k < candidates; ++k) order_[k].distance = std::sqrt(order_[k].distance);
  for (size_t k = 0; k + 1 < candidates;) {
    size_t run = k + 1;
    while (run < candidates && order_[run].distance == order_[k].distance) ++run;
    if (run - k > 1) {
      std::sort(order_.begin() + static_cast<long>(k), order_.begin() + static_cast<long>(run),
                ties);
    }
    k = run;
  }

  out.centre = centre;
  out.members.resize(candidates);
  out.cumulative.resize(candidates);
  out.distance.resize(candidates);
  running = 0;
  size_t k = 0;
  for (; k < candidates; ++k) {
    const Candidate& next = order_[k];
    double total = running + population[next.index];
    if (total > max_population_) break;
    running = total;
    out.members[k] = next.index;
    out.cumulative[k] = running;
    out.distance[k] = next.distance;
  }
  out.members.resize(k);
  out.cumulative.resize(k);
  out.distance.resize(k);
}

void WindowBuilder::Nearest(int centre, size_t count, CentreWindows& out) {
  space_.SquaredDistancesFrom(centre, distance_);
  size_t n = distance_.size();
  auto nearer = [this](const Candidate& a, const Candidate& b) { return Nearer(a, b); };
  order_.resize(n);
  for (size_t i = 0; i < n; ++i) order_[i] = {distance_[i], static_cast<int32_t>(i)};
  // A few more than asked for, so that locations whose squared distances
  // differ but whose distances are equal are ordered as Build orders them.
  size_t keep = std::min(n, count + 8);
  std::nth_element(order_.begin(), order_.begin() + static_cast<long>(keep - 1), order_.end(),
                   nearer);
  order_.resize(keep);
  for (Candidate& c : order_) c.distance = std::sqrt(c.distance);
  std::sort(order_.begin(), order_.end(), nearer);
  out.centre = centre;
  out.members.clear();
  out.cumulative.clear();
  out.distance.clear();
  double running = 0;
  for (size_t k = 0; k < count && k < keep; ++k) {
    running += data_.population[static_cast<size_t>(order_[k].index)];
    out.members.push_back(order_[k].index);
    out.cumulative.push_back(running);
    out.distance.push_back(order_[k].distance);
  }
}

}  // namespace cradle::hotspots
