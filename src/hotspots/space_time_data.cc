// SpaceTimeData built and checked once, so the scan can trust it; and its
// loader from SaTScan's files, which turns census counts into person-time
// per interval and standardises it by covariates.
#include "hotspots/space_time_data.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "hotspots/location_checks.h"
#include "hotspots/person_time.h"
#include "hotspots/satscan_files.h"

namespace cradle::hotspots {
namespace {

Status CheckPlace(const SpaceTimeLocation& location, Coordinates coordinates,
                  const std::string& source) {
  CRADLE_RETURN_IF_ERROR(
      CheckCoordinates(source, location.id, location.x, location.y, coordinates));
  return CheckPopulation(source, location.id, location.population);
}

Status CheckCells(const SpaceTimeLocation& location, const std::vector<TimeInterval>& intervals,
                  const std::string& source) {
  const size_t count = intervals.size();
  if (location.cases.size() != count || location.at_risk.size() != count) {
    return InvalidLocation(source, location.id,
                           "has " + std::to_string(location.cases.size()) + " case counts and " +
                               std::to_string(location.at_risk.size()) +
                               " population counts; each needs one per interval (" +
                               std::to_string(count) + ")");
  }
  for (size_t k = 0; k < count; ++k) {
    const std::string when = " in " + intervals[k].start_label + " to " + intervals[k].end_label;
    if (location.cases[k] < 0) {
      return InvalidLocation(source, location.id,
                             "has " + std::to_string(location.cases[k]) + " cases" + when +
                                 "; cases must be zero or more");
    }
    const double at_risk = location.at_risk[k];
    if (!std::isfinite(at_risk) || at_risk < 0) {
      return InvalidLocation(source, location.id,
                             "has population " + ShortestNumber(at_risk) + when +
                                 "; the population must be a finite number, zero or more");
    }
    // A case where nobody is at risk would make a window's likelihood ratio
    // infinite; SaTScan refuses such data too.
    if (location.cases[k] > 0 && at_risk == 0) {
      return InvalidLocation(source, location.id,
                             "has " + std::to_string(location.cases[k]) + " cases" + when +
                                 " but no population at risk then");
    }
  }
  return Status::Ok();
}

}  // namespace

int64_t SpaceTimeData::total_cases() const {
  int64_t total = 0;
  for (int64_t count : cases) total += count;
  return total;
}

double SpaceTimeData::total_population() const {
  double total = 0;
  for (double value : population) total += value;
  return total;
}

int SpaceTimeData::IndexOf(const std::string& id) const {
  auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it == ids.end() || *it != id) return -1;
  return static_cast<int>(it - ids.begin());
}

Result<SpaceTimeData> MakeSpaceTimeData(std::vector<SpaceTimeLocation> locations,
                                        const std::vector<TimeInterval>& intervals,
                                        Coordinates coordinates, const std::string& source) {
  if (locations.empty()) return Status::InvalidArgument(source + ": there are no locations");
  if (intervals.empty()) return Status::InvalidArgument(source + ": there are no time intervals");
  // std::string compares as unsigned bytes, which is SaTScan's order.
  std::sort(locations.begin(), locations.end(),
            [](const SpaceTimeLocation& a, const SpaceTimeLocation& b) { return a.id < b.id; });
  SpaceTimeData data;
  data.coordinates = coordinates;
  for (const TimeInterval& interval : intervals) {
    data.interval_start_labels.push_back(interval.start_label);
    data.interval_end_labels.push_back(interval.end_label);
  }
  int64_t total_cases = 0;
  double total_at_risk = 0;
  for (size_t idx = 0; idx < locations.size(); ++idx) {
    SpaceTimeLocation& location = locations[idx];
    if (idx > 0 && location.id == locations[idx - 1].id) {
      return InvalidLocation(source, location.id, "appears more than once");
    }
    CRADLE_RETURN_IF_ERROR(CheckPlace(location, coordinates, source));
    CRADLE_RETURN_IF_ERROR(CheckCells(location, intervals, source));
    for (size_t k = 0; k < intervals.size(); ++k) {
      total_cases += location.cases[k];
      total_at_risk += location.at_risk[k];
    }
  }
  if (total_cases == 0) return Status::InvalidData(source + ": there are no cases");
  // Cases need someone at risk (CheckCells), so total_at_risk > 0 here.
  const double scale = static_cast<double>(total_cases) / total_at_risk;
  for (SpaceTimeLocation& location : locations) {
    double measure = 0;
    for (size_t k = 0; k < intervals.size(); ++k) {
      data.cases.push_back(location.cases[k]);
      data.expected.push_back(location.at_risk[k] * scale);
      measure += location.at_risk[k] * scale;
    }
    data.window_measure.push_back(measure);
    data.ids.push_back(std::move(location.id));
    data.x.push_back(location.x);
    data.y.push_back(location.y);
    data.population.push_back(location.population);
  }
  return data;
}

namespace {

std::string At(const std::string& path, int64_t line) {
  return path + " line " + std::to_string(line);
}

// The coordinates file's locations by identifier.
Result<std::unordered_map<std::string, size_t>> IndexPlaces(
    const std::vector<CoordinateRecord>& places, const std::string& path) {
  std::unordered_map<std::string, size_t> index;
  for (size_t idx = 0; idx < places.size(); ++idx) {
    auto [it, added] = index.emplace(places[idx].id, idx);
    if (!added) {
      return Status::InvalidData(At(path, places[idx].line) + ": location " + places[idx].id +
                                 " appears more than once (first on line " +
                                 std::to_string(places[it->second].line) + ")");
    }
  }
  return index;
}

Result<size_t> PlaceOf(const std::unordered_map<std::string, size_t>& places,
                       const std::string& coordinates_path, const std::string& path,
                       const std::string& id, int64_t line) {
  auto it = places.find(id);
  if (it == places.end()) {
    return Status::InvalidData(At(path, line) + ", field 1 (location id): " + Quoted(id) +
                               " is not in " + coordinates_path);
  }
  return it->second;
}

Status CovariateCountError(const std::string& path, int64_t line, size_t found,
                           const std::string& population_path, size_t expected) {
  return Status::InvalidData(At(path, line) + ": found " + std::to_string(found) +
                             " covariates, but " + population_path + " has " +
                             std::to_string(expected) + "; every row needs the same covariates");
}

// The census counts of one location and covariate combination, by day.
using Series = std::map<int64_t, double>;

// Census counts for every (place, combination) that has any, on the census
// days shared by the whole file.
struct Censuses {
  std::map<std::vector<std::string>, size_t> strata;   // combination -> index
  std::map<std::pair<size_t, size_t>, Series> series;  // (place, stratum) -> counts
  std::vector<int64_t> days;                           // every census day, sorted
};

Result<Censuses> ReadCensuses(const std::string& population_path,
                              const std::unordered_map<std::string, size_t>& places,
                              const std::string& coordinates_path) {
  CRADLE_ASSIGN_OR_RETURN(std::vector<PopulationRecord> rows, ReadPopulationFile(population_path));
  Censuses censuses;
  const size_t covariates = rows.front().covariates.size();
  std::vector<int64_t> days;
  for (const PopulationRecord& row : rows) {
    if (row.covariates.size() != covariates) {
      return CovariateCountError(population_path, row.line, row.covariates.size(),
                                 "line " + std::to_string(rows.front().line), covariates);
    }
    CRADLE_ASSIGN_OR_RETURN(size_t place,
                            PlaceOf(places, coordinates_path, population_path, row.id, row.line));
    std::optional<SatscanDate> date = ParseSatscanDate(row.time);
    if (!date) {
      return Status::InvalidData(At(population_path, row.line) +
                                 ", field 2 (population date): " + Quoted(row.time) +
                                 " is not a date (YYYY, YY, YYYY/M or YYYY/M/D)");
    }
    const size_t stratum =
        censuses.strata.emplace(row.covariates, censuses.strata.size()).first->second;
    const int64_t day = CensusDay(*date);
    censuses.series[{place, stratum}][day] += row.population;
    days.push_back(day);
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  censuses.days = std::move(days);
  return censuses;
}

// The case file's counts by (place, interval, stratum).
struct CaseCounts {
  std::map<std::tuple<size_t, size_t, size_t>, int64_t> cells;
  std::vector<int64_t> by_stratum;
  std::vector<int64_t> first_line;  // a line with cases in each stratum, for messages
};

Result<CaseCounts> ReadCases(const std::string& case_path, const Censuses& censuses,
                             const std::string& population_path,
                             const std::unordered_map<std::string, size_t>& places,
                             const std::string& coordinates_path,
                             const std::vector<TimeInterval>& intervals,
                             const StudyPeriod& period) {
  CRADLE_ASSIGN_OR_RETURN(std::vector<CaseRecord> rows, ReadCaseFile(case_path, true));
  const size_t covariates = censuses.strata.begin()->first.size();
  CaseCounts counts;
  counts.by_stratum.assign(censuses.strata.size(), 0);
  counts.first_line.assign(censuses.strata.size(), 0);
  for (const CaseRecord& row : rows) {
    if (row.covariates.size() != covariates) {
      return CovariateCountError(case_path, row.line, row.covariates.size(), population_path,
                                 covariates);
    }
    CRADLE_ASSIGN_OR_RETURN(size_t place,
                            PlaceOf(places, coordinates_path, case_path, row.id, row.line));
    std::optional<SatscanDate> date = ParseSatscanDate(row.time);
    if (!date) {
      return Status::InvalidData(At(case_path, row.line) +
                                 ", field 3 (date/time): " + Quoted(row.time) +
                                 " is not a date (YYYY, YY, YYYY/M or YYYY/M/D)");
    }
    if (date->year < period.start_year || date->year > period.end_year) {
      return Status::InvalidData(At(case_path, row.line) +
                                 ", field 3 (date/time): " + Quoted(row.time) +
                                 " is outside the study period " + intervals.front().start_label +
                                 " to " + intervals.back().end_label);
    }
    if (row.count == 0) continue;
    auto stratum = censuses.strata.find(row.covariates);
    if (stratum == censuses.strata.end()) {
      return Status::InvalidData(At(case_path, row.line) + ": covariates " +
                                 Quoted(SpaceJoined(row.covariates)) +
                                 " have cases but no population in " + population_path);
    }
    const size_t interval =
        static_cast<size_t>((date->year - period.start_year) / period.interval_years);
    counts.cells[{place, interval, stratum->second}] += row.count;
    counts.by_stratum[stratum->second] += row.count;
    if (counts.first_line[stratum->second] == 0) counts.first_line[stratum->second] = row.line;
  }
  return counts;
}

// The census counts of one series on every shared census day, 0 where the
// file has none.
std::vector<CensusCount> OnSharedDays(const Series& series, const std::vector<int64_t>& days) {
  std::vector<CensusCount> counts;
  counts.reserve(days.size());
  for (int64_t day : days) {
    auto it = series.find(day);
    counts.push_back({day, it == series.end() ? 0.0 : it->second});
  }
  return counts;
}

}  // namespace

Result<SpaceTimeData> LoadSatscanSpaceTime(const std::string& case_path,
                                           const std::string& population_path,
                                           const std::string& coordinates_path,
                                           Coordinates coordinates, const StudyPeriod& period) {
  CRADLE_ASSIGN_OR_RETURN(std::vector<TimeInterval> intervals, MakeIntervals(period));
  CRADLE_ASSIGN_OR_RETURN(std::vector<CoordinateRecord> places,
                          ReadCoordinatesFile(coordinates_path, coordinates));
  CRADLE_ASSIGN_OR_RETURN(auto place_index, IndexPlaces(places, coordinates_path));
  CRADLE_ASSIGN_OR_RETURN(Censuses censuses,
                          ReadCensuses(population_path, place_index, coordinates_path));
  CRADLE_ASSIGN_OR_RETURN(CaseCounts counts,
                          ReadCases(case_path, censuses, population_path, place_index,
                                    coordinates_path, intervals, period));

  const size_t interval_count = intervals.size();
  // Person-time by (series, interval), computed once: the strata totals need
  // all of it before any expected count can be formed.
  std::vector<std::vector<double>> person_days;
  std::vector<double> stratum_days(censuses.strata.size(), 0.0);
  for (const auto& [key, series] : censuses.series) {
    std::vector<CensusCount> census = OnSharedDays(series, censuses.days);
    std::vector<double> days(interval_count);
    for (size_t k = 0; k < interval_count; ++k) {
      days[k] = PersonDays(census, intervals[k].start_day, intervals[k].end_day);
      stratum_days[key.second] += days[k];
    }
    person_days.push_back(std::move(days));
  }
  for (size_t stratum = 0; stratum < stratum_days.size(); ++stratum) {
    if (counts.by_stratum[stratum] > 0 && stratum_days[stratum] <= 0) {
      return Status::InvalidData(At(case_path, counts.first_line[stratum]) +
                                 ": its covariates have cases but no population in " +
                                 population_path + " during the study period");
    }
  }

  std::vector<SpaceTimeLocation> locations(places.size());
  for (size_t idx = 0; idx < places.size(); ++idx) {
    locations[idx].id = places[idx].id;
    locations[idx].x = places[idx].x;
    locations[idx].y = places[idx].y;
    locations[idx].cases.assign(interval_count, 0);
    locations[idx].at_risk.assign(interval_count, 0.0);
  }
  const double study_days =
      static_cast<double>(intervals.back().end_day - intervals.front().start_day);
  size_t series_idx = 0;
  for (const auto& [key, series] : censuses.series) {
    const auto [place, stratum] = key;
    const std::vector<double>& days = person_days[series_idx++];
    // Indirect standardisation: this stratum's overall rate times its
    // person-time here; strata without cases expect none.
    const double rate =
        counts.by_stratum[stratum] > 0
            ? static_cast<double>(counts.by_stratum[stratum]) / stratum_days[stratum]
            : 0.0;
    for (size_t k = 0; k < interval_count; ++k) {
      locations[place].at_risk[k] += days[k] * rate;
      locations[place].population += days[k] / study_days;
    }
  }
  for (const auto& [cell, count] : counts.cells) {
    const auto [place, interval, stratum] = cell;
    locations[place].cases[interval] += count;
  }
  return MakeSpaceTimeData(std::move(locations), intervals, coordinates,
                           case_path + " and " + population_path);
}

}  // namespace cradle::hotspots
