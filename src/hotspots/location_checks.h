// The checks the purely spatial and the space-time inputs share, so both
// refuse a bad location in the same words: "<source>: location <id> <rule>".
#pragma once

#include <string>

#include "base/result.h"
#include "hotspots/scan_data.h"

namespace cradle::hotspots {

// The shortest text that reads back as `value`, so a message shows what was
// given.
std::string ShortestNumber(double value);

// InvalidData "<source>: location <id> <rule>".
Status InvalidLocation(const std::string& source, const std::string& id, const std::string& rule);

// Finite coordinates; for lat/long, latitude x in [-90, 90] and longitude y in
// [-180, 180].
Status CheckCoordinates(const std::string& source, const std::string& id, double x, double y,
                        Coordinates coordinates);

// A finite population, zero or more.
Status CheckPopulation(const std::string& source, const std::string& id, double population);

}  // namespace cradle::hotspots
