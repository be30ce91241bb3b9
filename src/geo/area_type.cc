#include "geo/area_type.h"

#include <cctype>

namespace cradle::geo {
namespace {

struct EntityRow {
  std::string_view prefix;
  AreaType type;
};

constexpr EntityRow kEntities[] = {
    {"K04", AreaType::kEnglandAndWales},
    {"E92", AreaType::kCountry},
    {"W92", AreaType::kCountry},
    {"J99", AreaType::kCountry},  // ONS: usual residence outside England and Wales
    {"E12", AreaType::kRegion},
    {"E10", AreaType::kCounty},
    {"E06", AreaType::kUnitaryAuthority},
    {"W06", AreaType::kUnitaryAuthority},
    {"E08", AreaType::kMetropolitanDistrict},
    {"E09", AreaType::kLondonBorough},
    {"E07", AreaType::kNonMetropolitanDistrict},
    {"E11", AreaType::kMetropolitanCounty},
    {"E13", AreaType::kMetropolitanCounty},
    {"E05", AreaType::kWard},
    {"W05", AreaType::kWard},
    {"E01", AreaType::kLsoa},
    {"W01", AreaType::kLsoa},
    {"E02", AreaType::kMsoa},
    {"W02", AreaType::kMsoa},
};

}  // namespace

std::string_view AreaTypeName(AreaType type) {
  switch (type) {
    case AreaType::kEnglandAndWales:
      return "England and Wales";
    case AreaType::kCountry:
      return "Country";
    case AreaType::kRegion:
      return "Region";
    case AreaType::kCounty:
      return "County";
    case AreaType::kUnitaryAuthority:
      return "Unitary Authority";
    case AreaType::kMetropolitanDistrict:
      return "Metropolitan District";
    case AreaType::kLondonBorough:
      return "London Borough";
    case AreaType::kNonMetropolitanDistrict:
      return "Non-metropolitan District";
    case AreaType::kMetropolitanCounty:
      return "Metropolitan County";
    case AreaType::kWard:
      return "Ward";
    case AreaType::kLsoa:
      return "LSOA";
    case AreaType::kMsoa:
      return "MSOA";
  }
  return "Unknown";
}

bool IsGssCode(std::string_view code) {
  if (code.size() != 9 || !std::isupper(static_cast<unsigned char>(code[0]))) return false;
  for (size_t idx = 1; idx < code.size(); ++idx) {
    if (!std::isdigit(static_cast<unsigned char>(code[idx]))) return false;
  }
  return true;
}

Result<AreaType> AreaTypeFromCode(std::string_view code) {
  if (!IsGssCode(code)) {
    return Status::InvalidArgument("'" + std::string(code) +
                                   "' is not a GSS area code (a capital letter and eight digits, "
                                   "like E06000016)");
  }
  for (const EntityRow& row : kEntities) {
    if (code.substr(0, 3) == row.prefix) return row.type;
  }
  return Status::NotFound("area code " + std::string(code) + " is of entity " +
                          std::string(code.substr(0, 3)) + ", which Cradle does not use");
}

bool IsEnglishUpperTier(std::string_view code) {
  if (!IsGssCode(code)) return false;
  std::string_view prefix = code.substr(0, 3);
  return prefix == "E10" || prefix == "E06" || prefix == "E08" || prefix == "E09";
}

std::string_view FingertipsAreaType(std::string_view code) {
  if (code == kEnglandCode) return "England";
  if (IsEnglishUpperTier(code)) return "Counties & UAs";
  auto type = AreaTypeFromCode(code);
  if (!type.ok()) return "Other";
  switch (*type) {
    case AreaType::kRegion:
      return "Region";
    case AreaType::kNonMetropolitanDistrict:
      return "Districts & UAs";
    case AreaType::kWard:
      return "Ward";
    case AreaType::kLsoa:
      return "LSOA";
    case AreaType::kMsoa:
      return "MSOA";
    default:
      return AreaTypeName(*type);
  }
}

}  // namespace cradle::geo
