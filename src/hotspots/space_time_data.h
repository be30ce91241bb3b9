// The input of a retrospective space-time scan (SCAN.md §1.7): locations with
// coordinates; K time intervals; for each location and interval the observed
// cases and the expected count under the null hypothesis; and, per location,
// the measure the largest window is a share of and the population SaTScan
// reports. What a cylinder is and how it scores belongs to
// space_time_scan.h; reading SaTScan's files to satscan_files.h.
//
// Locations are sorted by identifier, byte-wise, as in SpatialData: SaTScan
// orders equally likely clusters by that index (SCAN.md §1.3).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "hotspots/scan_data.h"
#include "hotspots/study_period.h"

namespace cradle::hotspots {

struct SpaceTimeData {
  Coordinates coordinates = Coordinates::kCartesian;
  std::vector<std::string> ids;  // sorted byte-wise, unique
  std::vector<double> x;
  std::vector<double> y;
  // A label for the first and last day of each interval ("1985/1/1",
  // "1989/12/31"), oldest interval first.
  std::vector<std::string> interval_start_labels;
  std::vector<std::string> interval_end_labels;
  // Location-major cells: (location, interval) is at Cell(location, interval).
  std::vector<int64_t> cases;
  std::vector<double> expected;  // sums to total_cases()
  // Per location, what the maximum spatial window is a share of: its
  // expected count over the whole study. SaTScan caps space-time windows on
  // the covariate-adjusted population at risk, not on the head count: New
  // Mexico's most likely cluster holds 50.2% of the averaged population but
  // 49.9% of the expected cases.
  std::vector<double> window_measure;
  // Per location, the population averaged over the study period, which
  // SaTScan reports beside a cluster; it plays no part in the scan.
  std::vector<double> population;

  size_t size() const { return ids.size(); }
  size_t intervals() const { return interval_start_labels.size(); }
  size_t Cell(size_t location, size_t interval) const { return location * intervals() + interval; }
  int64_t total_cases() const;
  double total_population() const;
  // Index of `id`, or -1.
  int IndexOf(const std::string& id) const;
};

// One location before it is placed among the others.
struct SpaceTimeLocation {
  std::string id;
  double x = 0;
  double y = 0;
  std::vector<int64_t> cases;   // one count per interval
  std::vector<double> at_risk;  // per interval: person-time, or expected counts in any scale
  double population = 0;        // averaged over the study, for reports
};

// Sorts the locations by identifier, rescales at_risk to expected counts
// summing to the total cases (SaTScan conditions on that total) and sets
// window_measure to each location's expected count over the study.
// Returns InvalidData naming `source` and the location (and interval) for a
// repeated identifier, a count list or at_risk list not one per interval, a
// negative count, a negative or non-finite at_risk, population or
// coordinate, a latitude outside [-90, 90] or longitude outside
// [-180, 180], cases in an interval with nothing at risk, no cases at all;
// InvalidArgument for no locations or no intervals.
Result<SpaceTimeData> MakeSpaceTimeData(std::vector<SpaceTimeLocation> locations,
                                        const std::vector<TimeInterval>& intervals,
                                        Coordinates coordinates, const std::string& source);

// A retrospective space-time Poisson study from SaTScan's case, population
// and coordinates files (read by satscan_files.h), at yearly precision:
//
// - Case rows are `<id> <#cases> <date> [<covariate>...]`; a case counts in
//   the interval holding its year (month and day, if written, are ignored).
//   A case outside the study period is an error, as in SaTScan's default
//   temporal check.
// - Population rows are `<id> <year or date> <population> [<covariate>...]`,
//   each a census count (person_time.h: a bare year means 1 July). Rows with
//   the same location, covariates and date are added. Census dates are
//   shared: a location and covariate combination missing at a date counts 0
//   there, as the purely spatial loader counts a location missing from a
//   year.
// - Expected counts by indirect standardisation over the covariate
//   combinations s: E(l, k) = Σ_s M(l, s, k) · C_s / M_s, with M(l, s, k) the
//   person-time of location l, combination s in interval k, M_s its total and
//   C_s the cases of s. Case rows must carry as many covariates as
//   population rows; a combination with cases but no population is an error.
// - Every location of the case and population files must be in the
//   coordinates file; one only there has no cases and no population.
//
// Errors name the file, line and field (see satscan_files.h), then
// MakeSpaceTimeData's checks apply naming the case and population files.
Result<SpaceTimeData> LoadSatscanSpaceTime(const std::string& case_path,
                                           const std::string& population_path,
                                           const std::string& coordinates_path,
                                           Coordinates coordinates, const StudyPeriod& period);

}  // namespace cradle::hotspots
