#include "hotspots/location_checks.h"

#include <charconv>
#include <cmath>

namespace cradle::hotspots {

std::string ShortestNumber(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

Status InvalidLocation(const std::string& source, const std::string& id, const std::string& rule) {
  return Status::InvalidData(source + ": location " + id + " " + rule);
}

Status CheckCoordinates(const std::string& source, const std::string& id, double x, double y,
                        Coordinates coordinates) {
  if (!std::isfinite(x) || !std::isfinite(y)) {
    return InvalidLocation(source, id, "has a coordinate that is not a finite number");
  }
  if (coordinates != Coordinates::kLatLong) return Status::Ok();
  if (x < -90 || x > 90) {
    return InvalidLocation(source, id, "has latitude " + ShortestNumber(x) + ", outside [-90, 90]");
  }
  if (y < -180 || y > 180) {
    return InvalidLocation(source, id,
                           "has longitude " + ShortestNumber(y) + ", outside [-180, 180]");
  }
  return Status::Ok();
}

Status CheckPopulation(const std::string& source, const std::string& id, double population) {
  if (!std::isfinite(population) || population < 0) {
    return InvalidLocation(source, id,
                           "has population " + ShortestNumber(population) +
                               "; the population must be a finite number, zero or more");
  }
  return Status::Ok();
}

}  // namespace cradle::hotspots
