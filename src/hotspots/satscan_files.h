// Reads SaTScan's input files, so an analyst can bring a SaTScan study across
// unchanged: the case (.cas), control (.ctl), population (.pop) and
// coordinates (.geo) files. Fields are separated by any run of spaces or tabs;
// blank lines are skipped; CRLF and a UTF-8 byte-order mark are accepted. Line
// numbers count every line, blank ones too, as an editor shows them.
//
// Two layers. The record readers return each file's rows as written, checked
// field by field, for any analysis (the space-time readers build on them).
// The loaders join the files into the SpatialData of a purely spatial scan.
//
// Every function returns IoError naming the file if it cannot be opened, or
// InvalidData naming the file, the line and the field ("nm.cas line 3, field 2
// (number of cases): "x" is not a whole number"), and never partial data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "hotspots/scan_data.h"

namespace cradle::hotspots {

// A row of a case file, `<location id> <#cases> [<date/time>] [<covariate>...]`,
// or of a control file, `<location id> <#controls> [<date/time>]`.
struct CaseRecord {
  std::string id;
  int64_t count = 0;  // zero or more
  std::string time;   // as written ("1977", "2001/11/22"); empty without a time column
  std::vector<std::string> covariates;
  int64_t line = 0;  // 1-based line in the file
};

// A row of a population file: `<location id> <year or date> <population>
// [<covariate>...]`.
struct PopulationRecord {
  std::string id;
  std::string time;       // as written ("2000", "73", "1990/7/1")
  double population = 0;  // finite, zero or more; fractions allowed, as in SaTScan
  std::vector<std::string> covariates;
  int64_t line = 0;
};

// A row of a coordinates file: `<location id> <latitude> <longitude>` or
// `<location id> <x> <y>`.
struct CoordinateRecord {
  std::string id;
  double x = 0;  // latitude for lat/long
  double y = 0;  // longitude for lat/long
  int64_t line = 0;
};

// The case file's rows. With `has_time` the third field is the date/time and
// is required; without, every field after the count is a covariate.
Result<std::vector<CaseRecord>> ReadCaseFile(const std::string& path, bool has_time);

// The control file's rows (Bernoulli). SaTScan's Bernoulli model takes no
// covariates, so a row is exactly `<location id> <#controls>`, plus the
// date/time with `has_time`.
Result<std::vector<CaseRecord>> ReadControlFile(const std::string& path, bool has_time);

// The population file's rows.
Result<std::vector<PopulationRecord>> ReadPopulationFile(const std::string& path);

// The coordinates file's rows. Exactly two coordinates: SaTScan's Cartesian
// files may have more dimensions, which are refused. For lat/long a latitude
// outside [-90, 90] or a longitude outside [-180, 180] is refused here, with
// its line. Identifiers are not checked for repeats (the loaders do).
Result<std::vector<CoordinateRecord>> ReadCoordinatesFile(const std::string& path,
                                                          Coordinates coordinates);

// A purely spatial Poisson study from SaTScan's case, population and
// coordinates files.
//
// - Cases are summed per location over the case file's rows; any date/time is
//   ignored. Whether a case row has a date/time column is decided by the
//   population file: with m covariates there, a case row holds either m
//   fields after the count (the covariates) or m + 1 (a date/time, then the
//   covariates); any other number is an error. So the NY file `1 3 2000` has a
//   time, and New Mexico's `Grant 1 1977 2 2` a time and two covariates.
// - Population: summed per location over the rows of a year; with several
//   distinct years (compared as written) the plain average over those years,
//   a location missing from a year counting as 0 for it. SaTScan instead
//   interpolates between census dates and averages over the study period, so
//   with several years its population differs slightly (New Mexico: our
//   1,338,948 against SaTScan's 1,344,288).
// - Covariates (when the population file has any): indirect standardisation,
//   expected_i = Σ_s pop_is · C_s / P_s over the covariate combinations s.
//   SpatialData.population is that expected count rescaled to the total
//   population (expected_i · P / C), so SpatialData::Expected() gives it
//   exactly while populations, and the window cap taken as a share of them,
//   are on SaTScan's covariate-adjusted measure. A combination with cases but
//   no population is an error.
// - Every location in the case and population files must be in the
//   coordinates file. A location only in the coordinates file has 0 cases and
//   population 0, as in SaTScan. A location listed twice in the coordinates
//   file is an error.
// Then MakeSpatialData's checks apply (a location with more cases than
// population, no cases, ...), naming the case and population files.
Result<SpatialData> LoadSatscanPoisson(const std::string& case_path,
                                       const std::string& population_path,
                                       const std::string& coordinates_path,
                                       Coordinates coordinates);

// A purely spatial Bernoulli study from SaTScan's case, control and
// coordinates files. Rows are `<location id> <count> [<date/time>]`; counts
// are summed per location and any date/time is ignored. Location rules as for
// LoadSatscanPoisson.
Result<SpatialData> LoadSatscanBernoulli(const std::string& case_path,
                                         const std::string& control_path,
                                         const std::string& coordinates_path,
                                         Coordinates coordinates);

// How SaTScan's files and messages write text: "name" in quotes; values
// joined by single spaces.
std::string Quoted(std::string_view text);
std::string SpaceJoined(const std::vector<std::string>& values);

}  // namespace cradle::hotspots
