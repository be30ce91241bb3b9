#include "hotspots/cluster_writers.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>

namespace cradle::hotspots {
namespace {

constexpr double kEarthRadiusKm = 6367;

SpatialData FourAreas(Coordinates coordinates) {
  SpatialData data;
  data.coordinates = coordinates;
  data.ids = {"a", "b", "c", "d"};
  if (coordinates == Coordinates::kLatLong) {
    data.x = {52, 52.1, 53, 54};  // latitude
    data.y = {-1, -1.1, -2, 0};   // longitude
  } else {
    data.x = {0, 3, 10, 20};
    data.y = {0, 4, 10, 20};
  }
  data.cases = {4, 2, 3, 1};
  data.population = {100, 100, 600, 200};
  return data;
}

// A high cluster {a, b} (6 cases against 2 expected out of 10) and a low one {d}.
ScanResult TwoClusters() {
  ScanResult result;
  result.total_cases = 10;
  result.total_population = 1000;
  result.replications = 999;
  Cluster high;
  high.centre = 0;
  high.members = {0, 1};
  high.radius = 5;
  high.observed = 6;
  high.expected = 2;
  high.population = 200;
  high.llr = 3.25;
  high.rank = 1;
  high.p_value = 0.001;
  high.gumbel_p_value = 0.00042;
  Cluster low;
  low.centre = 3;
  low.members = {3};
  low.observed = 1;
  low.expected = 2;
  low.population = 200;
  low.llr = 0.5;
  low.high = false;
  low.rank = 900;
  low.p_value = 0.9;
  result.clusters = {high, low};
  return result;
}

TEST(RelativeRiskTest, InsideOverOutside) {
  EXPECT_EQ(RelativeRisk(6, 2, 10), 6);  // (6/2) / (4/8)
  EXPECT_DOUBLE_EQ(RelativeRisk(1, 2, 10), 0.5 / 1.125);
  EXPECT_EQ(RelativeRisk(10, 4, 10), std::numeric_limits<double>::infinity());
}

TEST(ClusterWritersTest, CsvHasOneFullPrecisionRowPerCluster) {
  std::ostringstream out;
  WriteClustersCsv(out, FourAreas(Coordinates::kCartesian), TwoClusters());
  EXPECT_EQ(out.str(),
            "cluster,centre_id,centre_x,centre_y,radius,n_locations,members,population,observed,"
            "expected,obs_over_exp,relative_risk,llr,p_value,gumbel_p_value,rank,high_or_low,"
            "time_start,time_end\r\n"
            "1,a,0,0,5,2,a b,200,6,2,3,6,3.25,0.001,0.00042,1,high,,\r\n"
            "2,d,20,20,0,1,d,200,1,2,0.5,0.4444444444444444,0.5,0.9,,900,low,,\r\n");
}

TEST(ClusterWritersTest, CsvShowsIntervalsAndInfiniteRisk) {
  ScanResult result = TwoClusters();
  result.clusters.resize(1);
  result.clusters[0].observed = 10;
  result.clusters[0].time_start = 1;
  result.clusters[0].time_end = 2;
  result.interval_start_labels = {"1985/1/1", "1986/1/1", "1987/1/1"};
  result.interval_end_labels = {"1985/12/31", "1986/12/31", "1987/12/31"};
  std::ostringstream out;
  WriteClustersCsv(out, FourAreas(Coordinates::kCartesian), result);
  const std::string text = out.str();
  EXPECT_NE(text.find("\r\n1,a,0,0,5,2,a b,200,10,2,5,inf,3.25,0.001,0.00042,1,high,"
                      "1986/1/1,1987/12/31\r\n"),
            std::string::npos)
      << text;

  const nlohmann::json json = ClustersJson(FourAreas(Coordinates::kCartesian), result);
  const nlohmann::json& cluster = json["clusters"][0];
  EXPECT_TRUE(cluster["relative_risk"].is_null());
  EXPECT_EQ(cluster["time_start"], "1986/1/1");
  EXPECT_EQ(cluster["time_end"], "1987/12/31");
}

TEST(ClusterWritersTest, JsonListsClustersInOrder) {
  const nlohmann::json json = ClustersJson(FourAreas(Coordinates::kCartesian), TwoClusters());
  EXPECT_EQ(json["total_cases"], 10);
  EXPECT_EQ(json["total_population"], 1000.0);
  EXPECT_EQ(json["replications"], 999);
  EXPECT_EQ(json["locations"], 4);
  ASSERT_EQ(json["clusters"].size(), 2u);
  const nlohmann::json& first = json["clusters"][0];
  EXPECT_EQ(first["cluster"], 1);
  EXPECT_EQ(first["centre"], "a");
  EXPECT_EQ(first["members"], nlohmann::json({"a", "b"}));
  EXPECT_EQ(first["observed"], 6);
  EXPECT_EQ(first["expected"], 2.0);
  EXPECT_EQ(first["obs_over_exp"], 3.0);
  EXPECT_EQ(first["relative_risk"], 6.0);
  EXPECT_EQ(first["llr"], 3.25);
  EXPECT_EQ(first["p_value"], 0.001);
  EXPECT_EQ(first["gumbel_p_value"], 0.00042);
  EXPECT_EQ(first["rank"], 1);
  EXPECT_EQ(first["radius"], 5.0);
  EXPECT_EQ(first["population"], 200.0);
  EXPECT_EQ(first["x"], 0.0);
  EXPECT_EQ(first["y"], 0.0);
  EXPECT_EQ(first["high_or_low"], "high");
  EXPECT_FALSE(first.contains("time_start"));
  const nlohmann::json& second = json["clusters"][1];
  EXPECT_EQ(second["centre"], "d");
  EXPECT_EQ(second["high_or_low"], "low");
  EXPECT_FALSE(second.contains("gumbel_p_value"));
}

// Checks the shape RFC 7946 asks for: a FeatureCollection of Features, each
// with a geometry and properties; closed polygon rings of four or more
// positions.
void ExpectFeatureCollection(const nlohmann::json& json, size_t clusters) {
  EXPECT_EQ(json["type"], "FeatureCollection");
  ASSERT_TRUE(json["features"].is_array());
  ASSERT_EQ(json["features"].size(), 2 * clusters);
  for (size_t idx = 0; idx < json["features"].size(); ++idx) {
    const nlohmann::json& feature = json["features"][idx];
    EXPECT_EQ(feature["type"], "Feature");
    ASSERT_TRUE(feature["properties"].is_object());
    EXPECT_EQ(feature["properties"]["cluster"], idx / 2 + 1);
    const nlohmann::json& geometry = feature["geometry"];
    if (idx % 2 == 0) {
      EXPECT_EQ(feature["properties"]["kind"], "members");
      EXPECT_EQ(geometry["type"], "MultiPoint");
    } else {
      EXPECT_EQ(feature["properties"]["kind"], "circle");
      EXPECT_EQ(geometry["type"], "Polygon");
      ASSERT_EQ(geometry["coordinates"].size(), 1u);
      const nlohmann::json& ring = geometry["coordinates"][0];
      ASSERT_EQ(ring.size(), 65u);  // 64 vertices, then the first again
      EXPECT_EQ(ring.front(), ring.back());
    }
  }
}

// Twice the signed area of a ring: positive when counter-clockwise.
double SignedArea(const nlohmann::json& ring) {
  double area = 0;
  for (size_t idx = 0; idx + 1 < ring.size(); ++idx) {
    area += ring[idx][0].get<double>() * ring[idx + 1][1].get<double>() -
            ring[idx + 1][0].get<double>() * ring[idx][1].get<double>();
  }
  return area;
}

TEST(ClusterWritersTest, GeoJsonCartesianKeepsCoordinates) {
  const nlohmann::json json = ClustersGeoJson(FourAreas(Coordinates::kCartesian), TwoClusters());
  ExpectFeatureCollection(json, 2);
  EXPECT_EQ(json["coordinate_system"], "cartesian");
  const nlohmann::json& members = json["features"][0]["geometry"]["coordinates"];
  EXPECT_EQ(members, nlohmann::json({{0.0, 0.0}, {3.0, 4.0}}));
  const nlohmann::json& ring = json["features"][1]["geometry"]["coordinates"][0];
  EXPECT_EQ(ring[0], nlohmann::json({5.0, 0.0}));
  EXPECT_NEAR(ring[16][0].get<double>(), 0, 1e-12);
  EXPECT_NEAR(ring[16][1].get<double>(), 5, 1e-12);
  EXPECT_GT(SignedArea(ring), 0);
  EXPECT_EQ(json["features"][1]["properties"]["llr"], 3.25);
}

TEST(ClusterWritersTest, GeoJsonLatLongIsLongitudeFirstOnTheSphere) {
  ScanResult result = TwoClusters();
  result.clusters[0].radius = 10;  // km, a chord of the 6367 km sphere
  const SpatialData data = FourAreas(Coordinates::kLatLong);
  const nlohmann::json json = ClustersGeoJson(data, result);
  ExpectFeatureCollection(json, 2);
  EXPECT_FALSE(json.contains("coordinate_system"));
  const nlohmann::json& members = json["features"][0]["geometry"]["coordinates"];
  EXPECT_EQ(members, nlohmann::json({{-1.0, 52.0}, {-1.1, 52.1}}));

  const nlohmann::json& ring = json["features"][1]["geometry"]["coordinates"][0];
  EXPECT_GT(SignedArea(ring), 0);
  auto point = [](double lat, double lon) {
    const double phi = lat * std::numbers::pi / 180, lambda = lon * std::numbers::pi / 180;
    return std::array<double, 3>{kEarthRadiusKm * std::cos(phi) * std::cos(lambda),
                                 kEarthRadiusKm * std::cos(phi) * std::sin(lambda),
                                 kEarthRadiusKm * std::sin(phi)};
  };
  const auto centre = point(52, -1);
  for (const nlohmann::json& vertex : ring) {
    const auto at = point(vertex[1].get<double>(), vertex[0].get<double>());
    const double chord = std::hypot(at[0] - centre[0], at[1] - centre[1], at[2] - centre[2]);
    EXPECT_NEAR(chord, 10, 1e-9);
  }
  // The first vertex lies east of the centre.
  EXPECT_GT(ring[0][0].get<double>(), -1);
}

}  // namespace
}  // namespace cradle::hotspots
