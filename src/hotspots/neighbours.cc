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

void DistanceSpace::DistancesFrom(int centre, std::vector<double>& out) const {
  size_t n = x_.size();
  out.resize(n);
  double cx = x_[centre], cy = y_[centre];
  if (z_.empty()) {
    for (size_t i = 0; i < n; ++i) {
      double dx = x_[i] - cx, dy = y_[i] - cy;
      out[i] = std::sqrt(dx * dx + dy * dy);
    }
  } else {
    double cz = z_[centre];
    for (size_t i = 0; i < n; ++i) {
      double dx = x_[i] - cx, dy = y_[i] - cy, dz = z_[i] - cz;
      out[i] = std::sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
}

WindowBuilder::WindowBuilder(const SpatialData& data, const DistanceSpace& space,
                             double max_population)
    : data_(data), space_(space), max_population_(max_population) {}

// Sorting every location for every centre would cost L log L per centre (the
// 200 s SaTScan spends on England). Only the locations inside the cap are
// needed, so: bucket the squared distances (equal-area rings), find the ring
// where the running population passes the cap, and sort only the rings up to
// it, each ring on its own (a few locations each) with the exact order.
void WindowBuilder::Build(int centre, CentreWindows& out) {
  space_.DistancesFrom(centre, distance_);
  size_t n = distance_.size();
  double farthest = 0;
  for (double d : distance_) farthest = std::max(farthest, d);
  size_t buckets = std::clamp<size_t>(n / 4, 1, 1 << 16);
  double scale = farthest > 0 ? static_cast<double>(buckets) / (farthest * farthest) : 0;
  bucket_of_.resize(n);
  bucket_start_.assign(buckets + 1, 0);
  bucket_population_.assign(buckets, 0.0);
  for (size_t i = 0; i < n; ++i) {
    size_t b = std::min(buckets - 1, static_cast<size_t>(distance_[i] * distance_[i] * scale));
    bucket_of_[i] = static_cast<uint32_t>(b);
    ++bucket_start_[b + 1];
    bucket_population_[b] += data_.population[i];
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
  for (size_t b = 0; b < buckets; ++b) bucket_start_[b + 1] += bucket_start_[b];
  size_t candidates = bucket_start_[last + 1];
  order_.resize(candidates);
  fill_.assign(bucket_start_.begin(), bucket_start_.begin() + static_cast<long>(last) + 1);
  for (size_t i = 0; i < n; ++i) {
    uint32_t b = bucket_of_[i];
    if (b <= last) order_[fill_[b]++] = static_cast<int32_t>(i);
  }
  const std::vector<double>& ox = space_.order_x_;
  const std::vector<double>& oy = space_.order_y_;
  auto nearer = [&](int32_t a, int32_t b) {
    if (distance_[a] != distance_[b]) return distance_[a] < distance_[b];
    if (ox[a] != ox[b]) return ox[a] < ox[b];
    if (oy[a] != oy[b]) return oy[a] < oy[b];
    return a < b;
  };
  for (size_t b = 0; b <= last; ++b) {
    auto first = order_.begin() + static_cast<long>(bucket_start_[b]);
    auto end = order_.begin() + static_cast<long>(bucket_start_[b + 1]);
    if (end - first > 1) std::sort(first, end, nearer);
  }

  out.centre = centre;
  out.members.clear();
  out.cumulative.clear();
  out.distance.clear();
  running = 0;
  for (int32_t i : order_) {
    double next = running + data_.population[i];
    if (next > max_population_) break;
    running = next;
    out.members.push_back(i);
    out.cumulative.push_back(running);
    out.distance.push_back(distance_[i]);
  }
}

}  // namespace cradle::hotspots
