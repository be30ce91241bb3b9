#include "workspace/neighbourhood_scan.h"

#include <gtest/gtest.h>

namespace cradle::workspace {
namespace {

using inequalities::Birth;
using inequalities::Death;
using inequalities::RecordFrame;

// A square boundary of side 0.01° with its south-west corner at (lon, lat).
geo::Boundary Square(const std::string& code, double lon, double lat) {
  return {
      code,
      code,
      {{{lon, lat}, {lon + 0.01, lat}, {lon + 0.01, lat + 0.01}, {lon, lat + 0.01}, {lon, lat}}}};
}

Birth BornIn(int lsoa, int year, bool died = false) {
  Birth birth;
  birth.date = records::Date::FirstOfYear(year) + 100;
  birth.lsoa = lsoa;
  if (died) birth.death = Death{birth.date + 30, 30};
  return birth;
}

// Three LSOAs of A in two wards, one LSOA of another authority B.
RecordFrame Frame() {
  RecordFrame frame;
  frame.wards = {{"W1", "Ward one"}, {"W2", "Ward two"}};
  frame.lsoas = {{"L1", "Lsoa one", 0, "A", 1},
                 {"L2", "Lsoa two", 0, "A", 2},
                 {"L3", "Lsoa three", 1, "A", 3},
                 {"L9", "Elsewhere", 1, "B", 4}};
  for (int n = 0; n < 10; ++n) frame.births.push_back(BornIn(0, 2020, n < 3));
  for (int n = 0; n < 20; ++n) frame.births.push_back(BornIn(1, 2021, n < 1));
  frame.births.push_back(BornIn(2, 2019, true));  // before the period
  frame.births.push_back(BornIn(3, 2020, true));  // another authority
  frame.births.push_back(BornIn(-1, 2021));       // no known LSOA
  frame.first_year = 2019;
  frame.last_year = 2021;
  return frame;
}

std::vector<geo::Boundary> LsoaBoundaries() {
  return {Square("L1", -1.15, 52.62), Square("L2", -1.14, 52.62), Square("L3", -1.15, 52.63),
          Square("L9", -1.10, 52.70)};
}

TEST(NeighbourhoodScanTest, LsoasCarryTheirBirthsDeathsAndCentroids) {
  auto data = MakeNeighbourhoodData(Frame(), LsoaBoundaries(), "A", ScanLevel::kLsoa, {2020, 2});
  ASSERT_TRUE(data.ok()) << data.status().message();
  const hotspots::SpatialData& scan = data->data;
  EXPECT_EQ(scan.coordinates, hotspots::Coordinates::kLatLong);
  ASSERT_EQ(scan.ids, (std::vector<std::string>{"L1", "L2", "L3"}));
  EXPECT_EQ(data->names, (std::vector<std::string>{"Lsoa one", "Lsoa two", "Lsoa three"}));
  EXPECT_EQ(scan.cases, (std::vector<int64_t>{3, 1, 0}));
  EXPECT_EQ(scan.population, (std::vector<double>{10, 20, 0}));  // L3 kept with no births
  EXPECT_NEAR(scan.x[0], 52.625, 1e-9);  // latitude first, as SaTScan's .geo
  EXPECT_NEAR(scan.y[0], -1.145, 1e-9);
  EXPECT_EQ(data->left_out_births, 2);  // L9's and the one with no LSOA
  EXPECT_EQ(data->left_out_deaths, 1);
}

TEST(NeighbourhoodScanTest, WardsAddUpTheirLsoas) {
  std::vector<geo::Boundary> wards = {Square("W1", -1.15, 52.62), Square("W2", -1.15, 52.63)};
  auto data = MakeNeighbourhoodData(Frame(), wards, "A", ScanLevel::kWard, {2019, 3});
  ASSERT_TRUE(data.ok()) << data.status().message();
  EXPECT_EQ(data->data.ids, (std::vector<std::string>{"W1", "W2"}));
  EXPECT_EQ(data->data.cases, (std::vector<int64_t>{4, 1}));
  EXPECT_EQ(data->data.population, (std::vector<double>{30, 1}));
}

TEST(NeighbourhoodScanTest, ErrorsSayWhatIsMissing) {
  RecordFrame frame = Frame();
  auto elsewhere = MakeNeighbourhoodData(frame, LsoaBoundaries(), "C", ScanLevel::kLsoa, {2020, 2});
  EXPECT_EQ(elsewhere.status().message(),
            "the LSOA lookup has no LSOA in C, so its neighbourhoods cannot be scanned");
  auto no_births = MakeNeighbourhoodData(frame, LsoaBoundaries(), "A", ScanLevel::kLsoa, {2010, 3});
  EXPECT_EQ(no_births.status().message(), "the records hold no live births in A in 2010-12");
  frame.births.push_back(BornIn(2, 2022));
  auto no_deaths = MakeNeighbourhoodData(frame, LsoaBoundaries(), "A", ScanLevel::kLsoa, {2022, 1});
  EXPECT_EQ(no_deaths.status().message(),
            "no baby born in A in 2022 died in infancy in the records: there is nothing to scan");
  std::vector<geo::Boundary> missing = LsoaBoundaries();
  missing.erase(missing.begin() + 1);
  auto unplaced = MakeNeighbourhoodData(frame, missing, "A", ScanLevel::kLsoa, {2020, 2});
  EXPECT_EQ(unplaced.status().message(),
            "the lsoa boundaries have no L2, so it cannot be placed for the scan");
  EXPECT_EQ(ParseScanLevel("msoa").status().message(), "level: 'msoa' is not one of lsoa, ward");
}

TEST(NeighbourhoodScanTest, TheScanFindsTheCluster) {
  // Twelve LSOAs in a row with 50 births each; deaths crowd into the first two.
  RecordFrame frame;
  frame.wards = {{"W1", "Ward"}};
  std::vector<geo::Boundary> boundaries;
  for (int lsoa = 0; lsoa < 12; ++lsoa) {
    std::string code = "L" + std::string(lsoa < 10 ? "0" : "") + std::to_string(lsoa);
    frame.lsoas.push_back({code, code, 0, "A", 5});
    boundaries.push_back(Square(code, -1.2 + 0.01 * lsoa, 52.6));
    for (int n = 0; n < 50; ++n) frame.births.push_back(BornIn(lsoa, 2020, n < (lsoa < 2 ? 8 : 1)));
  }
  auto scan = ScanNeighbourhoods(frame, boundaries, "A", ScanLevel::kLsoa, {2020, 1});
  ASSERT_TRUE(scan.ok()) << scan.status().message();
  ASSERT_FALSE(scan->result.clusters.empty());
  const hotspots::Cluster& top = scan->result.clusters[0];
  EXPECT_EQ(top.observed, 16);
  EXPECT_EQ(top.members.size(), 2u);
  EXPECT_NEAR(top.expected, 26.0 * 100 / 600, 1e-9);
  EXPECT_LT(top.p_value, 0.05);
  EXPECT_EQ(scan->result.replications, 999);
  // The same seed on every run: the same answer.
  auto again = ScanNeighbourhoods(frame, boundaries, "A", ScanLevel::kLsoa, {2020, 1});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->result.clusters[0].rank, top.rank);
  EXPECT_EQ(again->result.simulated_llrs, scan->result.simulated_llrs);
}

}  // namespace
}  // namespace cradle::workspace
