// What the synthetic generator is calibrated to for one area: live births and
// infant deaths per year, the area's LSOAs with their populations and IMD
// deciles, the ethnic mix of births, and the England gradients of infant
// mortality by ethnic group and deprivation decile. Everything is read from
// the bundled ONS and MHCLG tables under data/open/ or is a documented
// constant; docs/synthetic-data.md gives the source of every number.
//
// Only Leicester (E06000016) is bundled. The data generated from this is
// SYNTHETIC: no row describes a real person.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "synth/ethnic_groups.h"

namespace cradle::synth {

inline constexpr std::string_view kLeicesterCode = "E06000016";

struct YearTarget {
  int year = 0;
  int64_t live_births = 0;
  int64_t infant_deaths = 0;  // deaths under 1 year dated in this year
  int64_t neonatal_deaths = 0;
  std::string births_source;  // where live_births comes from, in words
  std::string deaths_source;
};

struct LsoaWeight {
  std::string code;        // 2021 LSOA, e.g. "E01013606"
  int64_t population = 0;  // mid-2022 population, all ages
  int imd_decile = 0;      // IMD 2025 decile, 1 = most deprived
};

struct Calibration {
  std::string area_code;
  std::string area_name;
  std::vector<YearTarget> years;  // ascending and contiguous
  std::vector<LsoaWeight> lsoas;
  // Share of births in each ethnic group (index as EthnicGroups()); sums to 1.
  std::array<double, kEthnicGroupCount> ethnic_share{};
  // England infant mortality rate of the group's ONS table group over the
  // England rate, births 2020-22 pooled.
  std::array<double, kEthnicGroupCount> ethnic_mortality_ratio{};
  // England infant mortality rate of IMD decile d+1 over the England rate,
  // 2020-22 pooled (index 0 = decile 1, most deprived).
  std::array<double, 10> imd_mortality_ratio{};

  int first_year() const { return years.front().year; }
  int last_year() const { return years.back().year; }
  // The target for `year`, or nullptr if the calibration does not cover it.
  const YearTarget* Target(int year) const;
};

// The calibration for `area_code` from the tables under `data_dir` (the
// repository's data/ folder). InvalidArgument for any area but Leicester
// (E06000016), whose calibration is the only one bundled; IoError or
// InvalidData, naming the file, row and column, if a table cannot be read or
// lacks a figure the calibration needs.
Result<Calibration> LoadCalibration(std::string_view area_code, const std::string& data_dir);

}  // namespace cradle::synth
