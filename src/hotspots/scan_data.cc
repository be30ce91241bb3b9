// SpatialData built and checked once, so the scan can trust it: sorted
// identifiers, finite non-negative counts and populations, and totals kept in
// int64/double (an int total is the SpatialEpi bug, SCAN.md §4).
#include "hotspots/scan_data.h"

#include <algorithm>
#include <cmath>

#include "hotspots/location_checks.h"

namespace cradle::hotspots {
namespace {

// The population the window cap and the expected counts use: Poisson reads it,
// Bernoulli makes it from cases and controls.
Result<double> PopulationOf(const LocationInput& location, ScanModel model,
                            const std::string& source) {
  if (location.cases < 0) {
    return InvalidLocation(
        source, location.id,
        "has " + std::to_string(location.cases) + " cases; cases must be zero or more");
  }
  if (model == ScanModel::kBernoulli) {
    if (location.controls < 0) {
      return InvalidLocation(
          source, location.id,
          "has " + std::to_string(location.controls) + " controls; controls must be zero or more");
    }
    return static_cast<double>(location.cases) + static_cast<double>(location.controls);
  }
  CRADLE_RETURN_IF_ERROR(CheckPopulation(source, location.id, location.population));
  if (static_cast<double>(location.cases) > location.population) {
    return InvalidLocation(source, location.id,
                           "has " + std::to_string(location.cases) + " cases but a population of " +
                               ShortestNumber(location.population) +
                               "; cases cannot be more than the population at risk");
  }
  return location.population;
}

}  // namespace

int64_t SpatialData::total_cases() const {
  int64_t total = 0;
  for (int64_t count : cases) total += count;
  return total;
}

double SpatialData::total_population() const {
  double total = 0;
  for (double count : population) total += count;
  return total;
}

std::vector<double> SpatialData::Expected() const {
  std::vector<double> expected(size(), 0.0);
  const double total = total_population();
  if (total <= 0) return expected;
  const double per_person = static_cast<double>(total_cases()) / total;
  for (size_t idx = 0; idx < size(); ++idx) expected[idx] = population[idx] * per_person;
  return expected;
}

int SpatialData::IndexOf(const std::string& id) const {
  auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it == ids.end() || *it != id) return -1;
  return static_cast<int>(it - ids.begin());
}

Result<SpatialData> MakeSpatialData(std::vector<LocationInput> locations, Coordinates coordinates,
                                    ScanModel model, const std::string& source) {
  if (locations.empty()) return Status::InvalidData(source + ": there are no locations");
  // std::string compares as unsigned bytes (char_traits<char> is memcmp-like),
  // which is SaTScan's order.
  std::sort(locations.begin(), locations.end(),
            [](const LocationInput& a, const LocationInput& b) { return a.id < b.id; });

  SpatialData data;
  data.coordinates = coordinates;
  data.model = model;
  const size_t count = locations.size();
  data.ids.reserve(count);
  data.x.reserve(count);
  data.y.reserve(count);
  data.cases.reserve(count);
  data.population.reserve(count);
  for (LocationInput& location : locations) {
    if (!data.ids.empty() && location.id == data.ids.back()) {  // sorted: repeats are adjacent
      return InvalidLocation(source, location.id, "appears more than once");
    }
    CRADLE_RETURN_IF_ERROR(
        CheckCoordinates(source, location.id, location.x, location.y, coordinates));
    CRADLE_ASSIGN_OR_RETURN(double population, PopulationOf(location, model, source));
    data.ids.push_back(std::move(location.id));
    data.x.push_back(location.x);
    data.y.push_back(location.y);
    data.cases.push_back(location.cases);
    data.population.push_back(population);
  }
  if (data.total_cases() == 0) return Status::InvalidData(source + ": there are no cases");
  if (data.total_population() <= 0) {
    return Status::InvalidData(source + ": the total population is zero");
  }
  return data;
}

}  // namespace cradle::hotspots
