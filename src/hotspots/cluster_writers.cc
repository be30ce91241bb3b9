// The cluster writers: one table of fields per cluster, shared by the CSV,
// JSON and GeoJSON forms so they cannot disagree.
#include "hotspots/cluster_writers.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "base/csv_writer.h"

namespace cradle::hotspots {
namespace {

// SaTScan's Earth radius (SCAN.md §1.2), so a drawn circle holds the members
// the scan put in it.
constexpr double kEarthRadiusKm = 6367;
constexpr int kCircleVertices = 64;

// Shortest text that reads back as exactly `value`: full precision without
// the noise digits of %.17g.
std::string Number(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  assert(error == std::errc());
  return std::string(buffer, end);
}

std::string Label(const std::vector<std::string>& labels, const std::optional<int>& interval) {
  if (!interval) return "";
  assert(*interval >= 0 && static_cast<size_t>(*interval) < labels.size());
  return labels[static_cast<size_t>(*interval)];
}

double ClusterRelativeRisk(const Cluster& cluster, const ScanResult& result) {
  return RelativeRisk(cluster.observed, cluster.expected, result.total_cases);
}

nlohmann::json ClusterFields(const SpatialData& data, const ScanResult& result, size_t number) {
  const Cluster& cluster = result.clusters[number];
  nlohmann::json members = nlohmann::json::array();
  for (int member : cluster.members) members.push_back(data.ids[member]);
  const double relative_risk = ClusterRelativeRisk(cluster, result);
  nlohmann::json fields = {
      {"cluster", number + 1},
      {"centre", data.ids[cluster.centre]},
      {"members", std::move(members)},
      {"observed", cluster.observed},
      {"expected", cluster.expected},
      {"obs_over_exp", cluster.obs_over_exp()},
      {"relative_risk", std::isfinite(relative_risk) ? nlohmann::json(relative_risk) : nullptr},
      {"llr", cluster.llr},
      {"p_value", cluster.p_value},
      {"rank", cluster.rank},
      {"radius", cluster.radius},
      {"population", cluster.population},
      {"x", data.x[cluster.centre]},
      {"y", data.y[cluster.centre]},
      {"high_or_low", cluster.high ? "high" : "low"},
  };
  if (cluster.gumbel_p_value) fields["gumbel_p_value"] = *cluster.gumbel_p_value;
  if (cluster.time_start) {
    fields["time_start"] = Label(result.interval_start_labels, cluster.time_start);
  }
  if (cluster.time_end) fields["time_end"] = Label(result.interval_end_labels, cluster.time_end);
  return fields;
}

// A GeoJSON position: [longitude, latitude] for lat/long (SpatialData keeps
// latitude first), [x, y] otherwise.
nlohmann::json Position(const SpatialData& data, double x, double y) {
  if (data.coordinates == Coordinates::kLatLong) return {y, x};
  return {x, y};
}

// The circle's ring, counter-clockwise as RFC 7946 asks of an exterior ring,
// closed by repeating the first vertex.
nlohmann::json CircleRing(const SpatialData& data, const Cluster& cluster) {
  const double centre_x = data.x[cluster.centre];
  const double centre_y = data.y[cluster.centre];
  nlohmann::json ring = nlohmann::json::array();
  for (int vertex = 0; vertex < kCircleVertices; ++vertex) {
    // Angle from east, anticlockwise.
    const double angle = 2 * std::numbers::pi * vertex / kCircleVertices;
    if (data.coordinates != Coordinates::kLatLong) {
      ring.push_back(Position(data, centre_x + cluster.radius * std::cos(angle),
                              centre_y + cluster.radius * std::sin(angle)));
      continue;
    }
    // The scan's radius is a chord of the sphere; the circle is the points
    // whose chord to the centre is that long, at angular distance 2 asin(r/2R).
    const double arc = 2 * std::asin(std::min(1.0, cluster.radius / (2 * kEarthRadiusKm)));
    const double bearing = std::numbers::pi / 2 - angle;  // clockwise from north
    const double lat = centre_x * std::numbers::pi / 180;
    const double lon = centre_y * std::numbers::pi / 180;
    const double vertex_lat = std::asin(std::sin(lat) * std::cos(arc) +
                                        std::cos(lat) * std::sin(arc) * std::cos(bearing));
    double vertex_lon = lon + std::atan2(std::sin(bearing) * std::sin(arc) * std::cos(lat),
                                         std::cos(arc) - std::sin(lat) * std::sin(vertex_lat));
    vertex_lon = std::remainder(vertex_lon, 2 * std::numbers::pi);  // into [-pi, pi]
    ring.push_back(
        Position(data, vertex_lat * 180 / std::numbers::pi, vertex_lon * 180 / std::numbers::pi));
  }
  ring.push_back(ring.front());
  return ring;
}

nlohmann::json Feature(nlohmann::json geometry, nlohmann::json properties, const char* kind) {
  properties["kind"] = kind;
  return {{"type", "Feature"},
          {"geometry", std::move(geometry)},
          {"properties", std::move(properties)}};
}

}  // namespace

void WriteClustersCsv(std::ostream& out, const SpatialData& data, const ScanResult& result) {
  WriteCsvRow(
      out, {"cluster", "centre_id", "centre_x", "centre_y", "radius", "n_locations", "members",
            "population", "observed", "expected", "obs_over_exp", "relative_risk", "llr", "p_value",
            "gumbel_p_value", "rank", "high_or_low", "time_start", "time_end"});
  for (size_t number = 0; number < result.clusters.size(); ++number) {
    const Cluster& cluster = result.clusters[number];
    std::string members;
    for (int member : cluster.members) {
      if (!members.empty()) members += ' ';
      members += data.ids[member];
    }
    const double relative_risk = ClusterRelativeRisk(cluster, result);
    WriteCsvRow(
        out,
        {std::to_string(number + 1), data.ids[cluster.centre], Number(data.x[cluster.centre]),
         Number(data.y[cluster.centre]), Number(cluster.radius),
         std::to_string(cluster.members.size()), members, Number(cluster.population),
         std::to_string(cluster.observed), Number(cluster.expected), Number(cluster.obs_over_exp()),
         std::isfinite(relative_risk) ? Number(relative_risk) : "inf", Number(cluster.llr),
         Number(cluster.p_value), cluster.gumbel_p_value ? Number(*cluster.gumbel_p_value) : "",
         std::to_string(cluster.rank), cluster.high ? "high" : "low",
         Label(result.interval_start_labels, cluster.time_start),
         Label(result.interval_end_labels, cluster.time_end)});
  }
}

nlohmann::json ClustersJson(const SpatialData& data, const ScanResult& result) {
  nlohmann::json clusters = nlohmann::json::array();
  for (size_t number = 0; number < result.clusters.size(); ++number) {
    clusters.push_back(ClusterFields(data, result, number));
  }
  return {{"clusters", std::move(clusters)},
          {"total_cases", result.total_cases},
          {"total_population", result.total_population},
          {"replications", result.replications},
          {"locations", data.size()}};
}

nlohmann::json ClustersGeoJson(const SpatialData& data, const ScanResult& result) {
  nlohmann::json features = nlohmann::json::array();
  for (size_t number = 0; number < result.clusters.size(); ++number) {
    const Cluster& cluster = result.clusters[number];
    const nlohmann::json properties = ClusterFields(data, result, number);
    nlohmann::json points = nlohmann::json::array();
    for (int member : cluster.members) {
      points.push_back(Position(data, data.x[member], data.y[member]));
    }
    features.push_back(Feature({{"type", "MultiPoint"}, {"coordinates", std::move(points)}},
                               properties, "members"));
    features.push_back(Feature(
        {{"type", "Polygon"}, {"coordinates", nlohmann::json::array({CircleRing(data, cluster)})}},
        properties, "circle"));
  }
  nlohmann::json collection = {{"type", "FeatureCollection"}, {"features", std::move(features)}};
  if (data.coordinates != Coordinates::kLatLong) collection["coordinate_system"] = "cartesian";
  return collection;
}

}  // namespace cradle::hotspots
