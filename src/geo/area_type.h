// What kind of place a GSS code names. ONS Government Statistical Service codes
// are a letter for the nation, two digits for the entity (E06 unitary
// authority, E10 county, …) and six digits for the instance; the entity alone
// says the type, so no lookup table is needed. Which types are upper-tier
// local authorities (the level at which Fingertips publishes infant mortality)
// is decided here and nowhere else.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace cradle::geo {

enum class AreaType {
  kEnglandAndWales,          // K04
  kCountry,                  // E92 England, W92 Wales
  kRegion,                   // E12
  kCounty,                   // E10
  kUnitaryAuthority,         // E06, W06
  kMetropolitanDistrict,     // E08
  kLondonBorough,            // E09
  kNonMetropolitanDistrict,  // E07
  kMetropolitanCounty,       // E11 (and E13 Inner/Outer London, which ONS lists alongside)
  kWard,                     // E05
  kLsoa,                     // E01
  kMsoa,                     // E02
};

// "Unitary Authority", "County", … as ONS tables write them.
std::string_view AreaTypeName(AreaType type);

// True for a well-formed GSS code: one capital letter and eight digits.
bool IsGssCode(std::string_view code);

// The type a GSS code's entity prefix denotes. InvalidArgument for a malformed
// code; NotFound for an entity Cradle does not use (e.g. E14 constituencies).
Result<AreaType> AreaTypeFromCode(std::string_view code);

// English upper-tier local authorities: counties, unitary authorities,
// metropolitan districts and London boroughs (E10, E06, E08, E09).
bool IsEnglishUpperTier(std::string_view code);

// Fingertips' name for the area type of an area in a CSV export: "England",
// "Region", "Counties & UAs", "Districts & UAs" (lower tier) and so on.
std::string_view FingertipsAreaType(std::string_view code);

inline constexpr std::string_view kEnglandCode = "E92000001";

}  // namespace cradle::geo
