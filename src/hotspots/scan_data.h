// The input of a purely spatial scan: locations with coordinates, a case count
// and a population at risk (Poisson: births or population; Bernoulli: cases
// plus controls), as SaTScan reads them from its .cas/.pop/.geo files.
//
// Locations are kept sorted by identifier, byte-wise, because SaTScan keeps
// them so and breaks ties between equally likely clusters by that order
// (reference/scan/SCAN.md §1.3): index i is the i-th identifier in that order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace cradle::hotspots {

enum class Coordinates {
  kCartesian,  // x, y in any unit; Euclidean distance in that unit
  kLatLong,    // x = latitude, y = longitude in degrees (SaTScan's .geo order)
};

enum class ScanModel {
  kPoisson,    // cases against a population at risk, expected = C * p_i / P
  kBernoulli,  // cases against controls: population = cases + controls
};

// One location before it is placed among the others.
struct LocationInput {
  std::string id;
  double x = 0;
  double y = 0;
  int64_t cases = 0;
  double population = 0;  // Poisson: population at risk; Bernoulli: unused
  int64_t controls = 0;   // Bernoulli only
};

struct SpatialData {
  Coordinates coordinates = Coordinates::kCartesian;
  ScanModel model = ScanModel::kPoisson;
  std::vector<std::string> ids;  // sorted byte-wise, unique
  std::vector<double> x;
  std::vector<double> y;
  std::vector<int64_t> cases;
  // Poisson: the population at risk. Bernoulli: cases + controls, the
  // "population" the maximum window is a share of.
  std::vector<double> population;

  size_t size() const { return ids.size(); }
  int64_t total_cases() const;
  double total_population() const;
  // The expected count of each location under the null hypothesis, summing to
  // total_cases(): C * p_i / P (both models).
  std::vector<double> Expected() const;
  // Index of `id`, or -1.
  int IndexOf(const std::string& id) const;
};

// Sorts the locations by identifier and checks them: InvalidData (naming
// `source` and the location) for a repeated identifier, a negative or
// non-finite count, population or coordinate, a latitude outside [-90, 90] or
// longitude outside [-180, 180], cases above the population (Bernoulli has
// controls instead), no locations, no cases or zero total population.
Result<SpatialData> MakeSpatialData(std::vector<LocationInput> locations, Coordinates coordinates,
                                    ScanModel model, const std::string& source);

}  // namespace cradle::hotspots
