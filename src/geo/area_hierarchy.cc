#include "geo/area_hierarchy.h"

namespace cradle::geo {

Result<std::optional<std::string>> ParentTracker::RegionOrCountry(const std::string& self) const {
  if (self[0] == 'W') {
    if (country_.empty()) return Status::InvalidData("area " + self + " is listed before Wales");
    return std::optional<std::string>(country_);
  }
  if (region_.empty()) return Status::InvalidData("area " + self + " is listed before any region");
  return std::optional<std::string>(region_);
}

Result<std::optional<std::string>> ParentTracker::Next(std::string_view code) {
  auto type = AreaTypeFromCode(code);
  if (!type.ok()) return type.status();
  std::string self(code);
  switch (*type) {
    case AreaType::kEnglandAndWales:
      return std::optional<std::string>();
    case AreaType::kCountry:
      if (code[0] == 'J') return std::optional<std::string>();  // outside England and Wales
      country_ = self;
      region_.clear();
      county_.clear();
      return std::optional<std::string>("K04000001");
    case AreaType::kRegion:
      region_ = self;
      county_.clear();
      return std::optional<std::string>(std::string(kEnglandCode));
    case AreaType::kCounty:
    case AreaType::kUnitaryAuthority:
      // A unitary code can head districts too: the bundled 2010-17 table codes
      // Buckinghamshire, a county until 2020, with its 2020 unitary code.
      county_ = self;
      return RegionOrCountry(self);
    case AreaType::kMetropolitanCounty:
    case AreaType::kMetropolitanDistrict:
    case AreaType::kLondonBorough:
      county_.clear();
      return RegionOrCountry(self);
    case AreaType::kNonMetropolitanDistrict:
      if (county_.empty()) {
        return Status::InvalidData("district " + self + " is listed before any county");
      }
      return std::optional<std::string>(county_);
    case AreaType::kWard:
    case AreaType::kLsoa:
    case AreaType::kMsoa:
      return Status::InvalidData("area " + self +
                                 " is below local-authority level; ONS area "
                                 "tables do not list it");
  }
  return std::optional<std::string>();
}

}  // namespace cradle::geo
