// The ways records are broken down to see who is most at risk: ethnic group
// (as ONS's infant-mortality tables group it, as the census's broad groups or
// its 20 categories), deprivation decile and quintile of the neighbourhood
// (IMD 2025, national), ward, LSOA, mother's age band, and the gestation and
// birthweight bands of ONS's birth-cohort tables. A Grouping assigns every
// birth (and booking, where the breakdown applies to bookings) to exactly one
// group, so groups always add up to the total.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "inequalities/record_frame.h"

namespace cradle::inequalities {

enum class Dimension {
  kEthnicity,        // ONS infant-mortality table groups (White British, Pakistani, …)
  kEthnicityBroad,   // census broad groups (Asian, Black, Mixed, White, Other, Not stated)
  kEthnicityCensus,  // the 20 census 2021 categories
  kImdDecile,
  kImdQuintile,
  kWard,
  kLsoa,
  kGestation,
  kBirthweight,
  kMotherAge,
};

// "ethnicity", "ethnicity-broad", "ethnicity-census", "imd", "imd-quintile",
// "ward", "lsoa", "gestation", "birthweight", "mother-age".
std::span<const std::string_view> DimensionNames();
Result<Dimension> ParseDimension(std::string_view name);
std::string_view DimensionName(Dimension dimension);

struct Group {
  std::string code;      // what --reference accepts, e.g. "White British", "1", E05010458
  std::string label;     // how tables show it, e.g. "1 (most deprived)", "Abbey"
  bool unknown = false;  // "Unknown" / "Not stated": never a default reference
};

class Grouping {
 public:
  Grouping(Dimension dimension, const RecordFrame& frame);

  Dimension dimension() const { return dimension_; }
  // The column heading, e.g. "Deprivation decile (IMD 2025)".
  std::string_view title() const;
  const std::vector<Group>& groups() const { return groups_; }

  int GroupOf(const Birth& birth) const;
  // REQUIRES: AppliesToBookings().
  int GroupOf(const Booking& booking) const;
  // Ethnicity, deprivation, ward and LSOA: what a booking record holds.
  bool AppliesToBookings() const;

  // The group whose code or label is `text` (case-insensitive). NotFound
  // listing the codes otherwise.
  Result<int> Find(std::string_view text) const;

  // The usual reference group: White British (White for broad groups), the
  // least deprived decile or quintile with at least 5% of births, 37-41 weeks,
  // 3,000-3,499 g, mothers aged 30-34; for wards and LSOAs the one with the
  // most births. `births` is indexed like groups(); a group the caller
  // cannot use as a reference should be given 0.
  int DefaultReference(std::span<const int64_t> births) const;

 private:
  int Neighbourhood(int lsoa) const;
  int Ethnic(uint8_t ethnic_group) const;

  Dimension dimension_;
  const RecordFrame& frame_;
  std::vector<Group> groups_;
  std::vector<int> by_ethnic_group_;  // records::EthnicGroups() index -> group
};

}  // namespace cradle::inequalities
