// GeoJSON is parsed with nlohmann::json and checked step by step so that a
// malformed file yields a sentence naming the file, the feature and the rule,
// never an exception escaping to the caller.
#include "geo/boundaries.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace cradle::geo {
namespace {

using nlohmann::json;

Status Bad(const std::string& path, size_t feature_idx, const std::string& what) {
  return Status::InvalidData(path + ": feature " + std::to_string(feature_idx) + ": " + what);
}

// Reads one linear ring: an array of at least 4 [lon, lat] positions (RFC 7946
// §3.1.6); extra elements such as altitude are ignored.
Result<Ring> ReadRing(const json& ring_json, const std::string& where) {
  if (!ring_json.is_array() || ring_json.size() < 4) {
    return Status::InvalidData(where + " is not an array of at least 4 positions");
  }
  Ring ring;
  ring.reserve(ring_json.size());
  for (size_t pos_idx = 0; pos_idx < ring_json.size(); ++pos_idx) {
    const json& pos = ring_json[pos_idx];
    if (!pos.is_array() || pos.size() < 2 || !pos[0].is_number() || !pos[1].is_number()) {
      return Status::InvalidData(where + ", position " + std::to_string(pos_idx) +
                                 " is not a [longitude, latitude] pair of numbers");
    }
    double lon = pos[0].get<double>();
    double lat = pos[1].get<double>();
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
      return Status::InvalidData(where + ", position " + std::to_string(pos_idx) +
                                 " is outside longitude -180..180 / latitude -90..90");
    }
    ring.emplace_back(lon, lat);
  }
  return ring;
}

Status AppendPolygon(const json& polygon, const std::string& where, std::vector<Ring>& rings) {
  if (!polygon.is_array() || polygon.empty()) {
    return Status::InvalidData(where + " has no rings");
  }
  for (size_t ring_idx = 0; ring_idx < polygon.size(); ++ring_idx) {
    auto ring = ReadRing(polygon[ring_idx], where + ", ring " + std::to_string(ring_idx));
    if (!ring.ok()) return ring.status();
    rings.push_back(std::move(*ring));
  }
  return Status::Ok();
}

Result<std::vector<Ring>> ReadGeometry(const json& geometry) {
  if (!geometry.is_object() || !geometry.contains("type") || !geometry["type"].is_string() ||
      !geometry.contains("coordinates")) {
    return Status::InvalidData("geometry is missing or has no type and coordinates");
  }
  const std::string type = geometry["type"].get<std::string>();
  const json& coordinates = geometry["coordinates"];
  std::vector<Ring> rings;
  if (type == "Polygon") {
    CRADLE_RETURN_IF_ERROR(AppendPolygon(coordinates, "polygon", rings));
  } else if (type == "MultiPolygon") {
    if (!coordinates.is_array() || coordinates.empty()) {
      return Status::InvalidData("MultiPolygon has no polygons");
    }
    for (size_t poly_idx = 0; poly_idx < coordinates.size(); ++poly_idx) {
      CRADLE_RETURN_IF_ERROR(
          AppendPolygon(coordinates[poly_idx], "polygon " + std::to_string(poly_idx), rings));
    }
  } else {
    return Status::InvalidData("geometry type " + type + " is not Polygon or MultiPolygon");
  }
  return rings;
}

// Twice the signed area and the first moments, for the shoelace centroid.
struct Moments {
  double area2 = 0;
  double cx6 = 0;  // 6 * area * centroid x
  double cy6 = 0;
};

Moments RingMoments(const Ring& ring) {
  Moments m;
  for (size_t i = 0; i + 1 < ring.size(); ++i) {
    const auto& [x0, y0] = ring[i];
    const auto& [x1, y1] = ring[i + 1];
    double cross = x0 * y1 - x1 * y0;
    m.area2 += cross;
    m.cx6 += (x0 + x1) * cross;
    m.cy6 += (y0 + y1) * cross;
  }
  return m;
}

// Ray casting: true if `point` is inside `ring` (boundary cases either way).
bool Inside(const LonLat& point, const Ring& ring) {
  bool inside = false;
  const auto& [px, py] = point;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const auto& [xi, yi] = ring[i];
    const auto& [xj, yj] = ring[j];
    if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

}  // namespace

Result<std::vector<Boundary>> ReadBoundaries(const std::string& path,
                                             std::string_view code_property,
                                             std::string_view name_property) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open boundary file " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  json doc = json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::InvalidData(path + " is not valid JSON");
  if (!doc.is_object() || doc.value("type", json()) != "FeatureCollection" ||
      !doc.contains("features") || !doc["features"].is_array()) {
    return Status::InvalidData(path + " is not a GeoJSON FeatureCollection with a features array");
  }
  const std::string code_key(code_property);
  const std::string name_key(name_property);
  std::vector<Boundary> boundaries;
  const json& features = doc["features"];
  boundaries.reserve(features.size());
  for (size_t feature_idx = 0; feature_idx < features.size(); ++feature_idx) {
    const json& feature = features[feature_idx];
    if (!feature.is_object() || !feature.contains("properties") ||
        !feature["properties"].is_object()) {
      return Bad(path, feature_idx, "not a Feature with properties");
    }
    const json& properties = feature["properties"];
    Boundary boundary;
    for (const auto& [key, target] :
         {std::pair{&code_key, &boundary.code}, std::pair{&name_key, &boundary.name}}) {
      auto it = properties.find(*key);
      if (it == properties.end() || !it->is_string()) {
        return Bad(path, feature_idx, "property " + *key + " is missing or not a string");
      }
      *target = it->get<std::string>();
    }
    auto rings = ReadGeometry(feature.value("geometry", json()));
    if (!rings.ok()) {
      return Bad(path, feature_idx, "(" + boundary.code + ") " + rings.status().message());
    }
    boundary.rings = std::move(*rings);
    boundaries.push_back(std::move(boundary));
  }
  return boundaries;
}

double SignedArea(const Ring& ring) { return RingMoments(ring).area2 / 2; }

LonLat Centroid(const Boundary& boundary) {
  double area = 0, mx = 0, my = 0;
  double sum_x = 0, sum_y = 0;
  size_t vertices = 0;
  for (size_t ring_idx = 0; ring_idx < boundary.rings.size(); ++ring_idx) {
    const Ring& ring = boundary.rings[ring_idx];
    if (ring.empty()) continue;
    int containing = 0;
    for (size_t other_idx = 0; other_idx < boundary.rings.size(); ++other_idx) {
      if (other_idx != ring_idx && !boundary.rings[other_idx].empty() &&
          Inside(ring.front(), boundary.rings[other_idx])) {
        ++containing;
      }
    }
    // Normalise the winding so every ring's moments are positive, then
    // subtract holes.
    Moments m = RingMoments(ring);
    double sign = (m.area2 < 0 ? -1.0 : 1.0) * (containing % 2 == 1 ? -1.0 : 1.0);
    area += sign * m.area2;
    mx += sign * m.cx6;
    my += sign * m.cy6;
    for (const auto& [x, y] : ring) {
      sum_x += x;
      sum_y += y;
      ++vertices;
    }
  }
  if (std::abs(area) < 1e-15) {
    return vertices == 0 ? LonLat{0, 0} : LonLat{sum_x / vertices, sum_y / vertices};
  }
  return {mx / (3 * area), my / (3 * area)};
}

}  // namespace cradle::geo
