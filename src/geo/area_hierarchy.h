// Builds the parent of each area from an ONS area table read in its printed
// order. ONS tables list each region followed by its areas, and each county
// (or metropolitan county) followed by its districts, so the parent is the
// most recent area of the right kind above a row: a non-metropolitan district's
// parent is the county (or unitary authority) heading it; every other local authority's parent is
// its region; a region's parent is England; a country's is England and Wales. This is the hierarchy
// LSOA → ward → local authority → region → England at the levels the ONS tables cover.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "geo/area_type.h"

namespace cradle::geo {

class ParentTracker {
 public:
  // The parent of `code`, given every area row before it in table order.
  // InvalidArgument for a malformed code; InvalidData if a district appears
  // before any county, or a local authority before any region.
  Result<std::optional<std::string>> Next(std::string_view code);

 private:
  Result<std::optional<std::string>> RegionOrCountry(const std::string& self) const;

  std::string region_;
  std::string county_;
  std::string country_;
};

}  // namespace cradle::geo
