#include "hotspots/scan_data.h"

#include <gtest/gtest.h>

#include <cmath>

namespace cradle::hotspots {
namespace {

LocationInput Location(std::string id, int64_t cases, double population, double x = 0,
                       double y = 0) {
  LocationInput input;
  input.id = std::move(id);
  input.x = x;
  input.y = y;
  input.cases = cases;
  input.population = population;
  return input;
}

std::string Error(std::vector<LocationInput> locations,
                  Coordinates coordinates = Coordinates::kCartesian,
                  ScanModel model = ScanModel::kPoisson) {
  auto data = MakeSpatialData(std::move(locations), coordinates, model, "areas.csv");
  EXPECT_EQ(data.status().code(), StatusCode::kInvalidData);
  return data.status().message();
}

TEST(ScanDataTest, SortsByIdentifierBytewise) {
  auto data = MakeSpatialData(
      {Location("18", 1, 10, 1, 2), Location("170", 2, 20, 3, 4), Location("2", 0, 30, 5, 6)},
      Coordinates::kCartesian, ScanModel::kPoisson, "areas.csv");
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->ids, (std::vector<std::string>{"170", "18", "2"}));
  EXPECT_EQ(data->x, (std::vector<double>{3, 1, 5}));
  EXPECT_EQ(data->y, (std::vector<double>{4, 2, 6}));
  EXPECT_EQ(data->cases, (std::vector<int64_t>{2, 1, 0}));
  EXPECT_EQ(data->population, (std::vector<double>{20, 10, 30}));
  EXPECT_EQ(data->total_cases(), 3);
  EXPECT_EQ(data->total_population(), 60);
  EXPECT_EQ(data->Expected(), (std::vector<double>{1, 0.5, 1.5}));
  EXPECT_EQ(data->IndexOf("18"), 1);
  EXPECT_EQ(data->IndexOf("1"), -1);
  EXPECT_EQ(data->IndexOf("3"), -1);
}

TEST(ScanDataTest, BernoulliPopulationIsCasesPlusControls) {
  LocationInput a = Location("a", 2, 0);
  a.controls = 3;
  LocationInput b = Location("b", 0, 0);
  b.controls = 5;
  auto data = MakeSpatialData({a, b}, Coordinates::kCartesian, ScanModel::kBernoulli, "x");
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->population, (std::vector<double>{5, 5}));
  EXPECT_EQ(data->Expected(), (std::vector<double>{1, 1}));
}

TEST(ScanDataTest, TotalsDoNotOverflowInt) {
  // Over 2^31 cases in all: an int total would wrap.
  auto data =
      MakeSpatialData({Location("a", 2'000'000'000, 3e9), Location("b", 2'000'000'000, 3e9)},
                      Coordinates::kCartesian, ScanModel::kPoisson, "x");
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  EXPECT_EQ(data->total_cases(), 4'000'000'000);
}

TEST(ScanDataTest, BadLocationsAreRefused) {
  EXPECT_EQ(Error({}), "areas.csv: there are no locations");
  EXPECT_EQ(Error({Location("a", 1, 10), Location("b", 1, 10), Location("a", 1, 10)}),
            "areas.csv: location a appears more than once");
  EXPECT_EQ(Error({Location("a", -1, 10)}),
            "areas.csv: location a has -1 cases; cases must be zero or more");
  EXPECT_EQ(Error({Location("a", 1, -10)}),
            "areas.csv: location a has population -10; the population must be a finite number, "
            "zero or more");
  EXPECT_EQ(Error({Location("a", 11, 10)}),
            "areas.csv: location a has 11 cases but a population of 10; cases cannot be more "
            "than the population at risk");
  EXPECT_EQ(Error({Location("a", 1, 10, std::nan(""), 0)}),
            "areas.csv: location a has a coordinate that is not a finite number");
  EXPECT_EQ(Error({Location("a", 1, 10, 90.5, 0)}, Coordinates::kLatLong),
            "areas.csv: location a has latitude 90.5, outside [-90, 90]");
  EXPECT_EQ(Error({Location("a", 1, 10, 0, -181)}, Coordinates::kLatLong),
            "areas.csv: location a has longitude -181, outside [-180, 180]");
  EXPECT_EQ(Error({Location("a", 0, 10)}), "areas.csv: there are no cases");
  LocationInput negative = Location("a", 1, 0);
  negative.controls = -2;
  EXPECT_EQ(Error({negative}, Coordinates::kCartesian, ScanModel::kBernoulli),
            "areas.csv: location a has -2 controls; controls must be zero or more");
}

}  // namespace
}  // namespace cradle::hotspots
