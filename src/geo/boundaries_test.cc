#include "geo/boundaries.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

namespace cradle::geo {
namespace {

std::string OpenData(const std::string& name) {
  return std::string(CRADLE_DATA_DIR) + "/open/" + name;
}

// Writes `text` to a fresh file under the test temp directory.
std::string WriteTemp(const std::string& name, const std::string& text) {
  auto path = std::filesystem::path(testing::TempDir()) / name;
  std::ofstream(path) << text;
  return path.string();
}

const Boundary* Find(const std::vector<Boundary>& boundaries, const std::string& code) {
  auto it = std::find_if(boundaries.begin(), boundaries.end(),
                         [&](const Boundary& b) { return b.code == code; });
  return it == boundaries.end() ? nullptr : &*it;
}

TEST(ReadBoundariesTest, LeicesterWards) {
  auto wards = ReadBoundaries(OpenData("leicester_wards.geojson"), "WD22CD", "ward_name");
  ASSERT_TRUE(wards.ok()) << wards.status().ToString();
  ASSERT_EQ(wards->size(), 21u);
  const Boundary* abbey = Find(*wards, "E05010458");
  ASSERT_NE(abbey, nullptr);
  EXPECT_EQ(abbey->name, "Abbey");
  for (const Boundary& ward : *wards) {
    ASSERT_FALSE(ward.rings.empty()) << ward.code;
    // Leicester lies around 1.1° W, 52.6° N; a centroid elsewhere means lon
    // and lat were swapped or the moments are wrong.
    auto [lon, lat] = Centroid(ward);
    EXPECT_NEAR(lon, -1.13, 0.1) << ward.code;
    EXPECT_NEAR(lat, 52.63, 0.1) << ward.code;
  }
}

TEST(ReadBoundariesTest, LeicesterLsoas) {
  auto lsoas = ReadBoundaries(OpenData("leicester_lsoa21_imd2025.geojson"), "LSOA21CD", "LSOA21NM");
  ASSERT_TRUE(lsoas.ok()) << lsoas.status().ToString();
  EXPECT_EQ(lsoas->size(), 200u);
  for (const Boundary& lsoa : *lsoas) EXPECT_TRUE(lsoa.code.starts_with("E01")) << lsoa.code;
}

TEST(ReadBoundariesTest, EnglandUpperTierAuthoritiesIncludingMultiPolygons) {
  auto utlas = ReadBoundaries(OpenData("england_counties_unitary_authorities_dec2023_bsc.geojson"),
                              "CTYUA23CD", "CTYUA23NM");
  ASSERT_TRUE(utlas.ok()) << utlas.status().ToString();
  EXPECT_EQ(utlas->size(), 153u);
  const Boundary* leicester = Find(*utlas, "E06000016");
  ASSERT_NE(leicester, nullptr);
  EXPECT_EQ(leicester->name, "Leicester");
  auto [lon, lat] = Centroid(*leicester);
  EXPECT_NEAR(lon, -1.13, 0.05);
  EXPECT_NEAR(lat, 52.63, 0.05);
  // Islands make some authorities MultiPolygons: all their rings are kept.
  size_t most_rings = 0;
  for (const Boundary& utla : *utlas) most_rings = std::max(most_rings, utla.rings.size());
  EXPECT_GT(most_rings, 1u);
}

TEST(CentroidTest, SquareWithHoleIsCentredAndHoleSubtracts) {
  // A 4x4 square from (0,0), with a 2x2 hole in its right half: the remaining
  // area (12) has its centroid pulled left of 2. Rings are wound the same way
  // on purpose: the hole is found by containment, not orientation.
  Boundary b{"X",
             "x",
             {{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}, {{2, 1}, {4, 1}, {4, 3}, {2, 3}, {2, 1}}}};
  auto [x, y] = Centroid(b);
  // Square: area 16 at x=2; hole: area 4 at x=3 → (32 - 12) / 12 = 5/3.
  EXPECT_NEAR(x, 5.0 / 3.0, 1e-12);
  EXPECT_NEAR(y, 2.0, 1e-12);
  EXPECT_NEAR(SignedArea(b.rings[0]), 16.0, 1e-12);
  Ring clockwise(b.rings[0].rbegin(), b.rings[0].rend());
  EXPECT_NEAR(SignedArea(clockwise), -16.0, 1e-12);
}

TEST(CentroidTest, TwoIslandsWeighByArea) {
  Boundary b{
      "X",
      "x",
      {{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}, {{10, 0}, {13, 0}, {13, 3}, {10, 3}, {10, 0}}}};
  auto [x, y] = Centroid(b);
  EXPECT_NEAR(x, (1 * 0.5 + 9 * 11.5) / 10, 1e-12);
  EXPECT_NEAR(y, (1 * 0.5 + 9 * 1.5) / 10, 1e-12);
}

TEST(ReadBoundariesTest, MissingFileIsIoError) {
  auto result = ReadBoundaries("/nonexistent/wards.geojson", "WD22CD", "ward_name");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kIoError);
  EXPECT_EQ(result.status().message(), "cannot open boundary file /nonexistent/wards.geojson");
}

TEST(ReadBoundariesTest, NotJson) {
  std::string path = WriteTemp("not_json.geojson", "{\"type\": \"FeatureCollection\", ");
  auto result = ReadBoundaries(path, "code", "name");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidData);
  EXPECT_EQ(result.status().message(), path + " is not valid JSON");
}

TEST(ReadBoundariesTest, NotAFeatureCollection) {
  std::string path = WriteTemp("geometry.geojson", R"({"type": "Polygon", "coordinates": []})");
  auto result = ReadBoundaries(path, "code", "name");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(),
            path + " is not a GeoJSON FeatureCollection with a features array");
}

constexpr const char* kGoodFeature =
    R"({"type": "Feature", "properties": {"code": "A", "name": "Alpha"},
        "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}})";

TEST(ReadBoundariesTest, MissingPropertyNamesFeatureIndex) {
  std::string path =
      WriteTemp("missing_name.geojson",
                std::string(R"({"type": "FeatureCollection", "features": [)") + kGoodFeature + R"(,
      {"type": "Feature", "properties": {"code": "B"},
       "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}}]})");
  auto result = ReadBoundaries(path, "code", "name");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidData);
  EXPECT_EQ(result.status().message(),
            path + ": feature 1: property name is missing or not a string");
}

TEST(ReadBoundariesTest, BadPositionNamesFeatureRingAndPosition) {
  std::string path = WriteTemp("bad_position.geojson",
                               std::string(R"({"type": "FeatureCollection", "features": [)") +
                                   kGoodFeature + "," + kGoodFeature + R"(,
      {"type": "Feature", "properties": {"code": "C", "name": "Gamma"},
       "geometry": {"type": "MultiPolygon", "coordinates":
         [[[[0,0],[1,0],[1,1],[0,0]]], [[[0,0],[1,"x"],[1,1],[0,0]]]]}}]})");
  auto result = ReadBoundaries(path, "code", "name");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(),
            path +
                ": feature 2: (C) polygon 1, ring 0, position 1 is not a [longitude, latitude] "
                "pair of numbers");
}

TEST(ReadBoundariesTest, UnsupportedGeometryAndShortRing) {
  std::string point = WriteTemp("point.geojson", R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"code": "P", "name": "Point"},
       "geometry": {"type": "Point", "coordinates": [0, 0]}}]})");
  auto result = ReadBoundaries(point, "code", "name");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(),
            point + ": feature 0: (P) geometry type Point is not Polygon or MultiPolygon");

  std::string short_ring = WriteTemp("short.geojson", R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"code": "S", "name": "Short"},
       "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[0,0]]]}}]})");
  result = ReadBoundaries(short_ring, "code", "name");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(
      result.status().message(),
      short_ring + ": feature 0: (S) polygon, ring 0 is not an array of at least 4 positions");
}

}  // namespace
}  // namespace cradle::geo
