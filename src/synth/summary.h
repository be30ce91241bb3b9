// Headline figures of a synthetic dataset, for the `cradle synth` report and
// for the tests that check the calibration: births, deaths and bookings by
// year, the neonatal share, booking within 10 weeks, late booking of Black
// mothers relative to others, and infant mortality by ethnic group, IMD
// quintile, gestation and birthweight. Births and bookings are counted by year
// of birth, deaths by year of death (as ONS death-cohort tables count them);
// rates by group are deaths of the group's babies over its births.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "synth/calibration.h"
#include "synth/records.h"

namespace cradle::synth {

struct Tally {
  int64_t births = 0;
  int64_t deaths = 0;
  // Infant deaths per 1,000 live births; 0 when there are no births.
  double RatePer1000() const;
};

struct YearSummary {
  int year = 0;
  int64_t live_births = 0;
  int64_t infant_deaths = 0;
  int64_t neonatal_deaths = 0;
  int64_t bookings = 0;
  int64_t booked_within_10_weeks = 0;  // 0-70 days (NICE QS22)
};

struct SynthSummary {
  std::vector<YearSummary> years;
  YearSummary total;  // year 0
  // Booked after 70 days: Black mothers' share over other mothers' share.
  double black_late_booking_ratio = 0;
  std::map<std::string, Tally> by_broad_ethnic_group;  // census broad groups
  std::map<std::string, Tally> by_ons_table_group;     // ONS England table groups
  std::array<Tally, 5> by_imd_quintile{};              // [0] = quintile 1, most deprived
  Tally preterm;                                       // under 37 weeks
  Tally term;
  Tally low_birthweight;  // under 2,500 g
  Tally normal_birthweight;
  // Babies of 37+ weeks and under 2,500 g, as the ONS term low-birthweight
  // indicator counts them (Leicester 2022: 169 of 3,905, 4.33%).
  int64_t term_low_birthweight = 0;

  double NeonatalShare() const;
  double BookedWithin10WeeksShare() const;
};

// REQUIRES: `data` was generated from `calibration` (its LSOAs give deciles).
SynthSummary Summarise(const SyntheticData& data, const Calibration& calibration);

}  // namespace cradle::synth
