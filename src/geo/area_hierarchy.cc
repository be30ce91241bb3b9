#include "geo/area_hierarchy.h"

namespace cradle::geo {

Result<std::optional<std::string>> ParentTracker::Next(std::string_view code) {
  auto type = AreaTypeFromCode(code);
  if (!type.ok()) return type.status();
  std::string self(code);
  switch (*type) {
    case AreaType::kEnglandAndWales:
      return std::optional<std::string>();
    case AreaType::kCountry:
      country_ = self;
      region_.clear();
      county_.clear();
      return std::optional<std::string>("K04000001");
    case AreaType::kRegion:
      region_ = self;
      county_.clear();
      return std::optional<std::string>(std::string(kEnglandCode));
    case AreaType::kCounty:
    case AreaType::kMetropolitanCounty:
      county_ = self;
      [[fallthrough]];
    case AreaType::kUnitaryAuthority:
    case AreaType::kMetropolitanDistrict:
    case AreaType::kLondonBorough:
      if (code[0] == 'W') {
        if (country_.empty())
          return Status::InvalidData("area " + self + " is listed before Wales");
        return std::optional<std::string>(country_);
      }
      if (region_.empty()) {
        return Status::InvalidData("area " + self + " is listed before any region");
      }
      return std::optional<std::string>(region_);
    case AreaType::kNonMetropolitanDistrict:
      if (county_.empty() || county_.substr(0, 3) != "E10") {
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
