// Person-time at risk from populations counted at census dates, as SaTScan's
// Poisson model takes it (User Guide, "Population File"; SCAN.md §1.7): the
// population changes linearly between census dates and stays at the first
// (last) count before the first (after the last) census date; the person-time
// of a span of days is the integral of that line.
//
// A census date written as a year alone means 1 July of that year. That is
// what reproduces SaTScan's New Mexico report: its "population, averaged over
// time" 1,344,288 and the expected counts 176.22, 6.03 and 5.37 of its three
// clusters; 1 January gives 1,355,877 and 176.34, 31 December 1,332,570.
#pragma once

#include <cstdint>
#include <span>

#include "hotspots/study_period.h"

namespace cradle::hotspots {

// A population counted on a day (DayNumber).
struct CensusCount {
  int64_t day = 0;
  double population = 0;
};

// The day a SaTScan population date stands for: the date itself, the 1st of
// the month for a year and month (our choice; SaTScan's is not documented),
// 1 July for a bare year.
int64_t CensusDay(const SatscanDate& date);

// Person-days in [start_day, end_day): the integral of the interpolated
// population. REQUIRES: `census` not empty, sorted by strictly increasing
// day; start_day <= end_day.
double PersonDays(std::span<const CensusCount> census, int64_t start_day, int64_t end_day);

}  // namespace cradle::hotspots
