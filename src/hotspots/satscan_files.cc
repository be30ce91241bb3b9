// SaTScan's files: record readers that split each row on whitespace and check
// it field by field, so an error names the line and field an analyst has to
// fix; then the purely spatial loaders, which join the records by location.
#include "hotspots/satscan_files.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "base/strings.h"

namespace cradle::hotspots {
namespace {

// A non-blank line of a SaTScan file, split into its fields.
struct SatscanLine {
  int64_t number = 0;
  std::vector<std::string> fields;
};

enum class TimeColumn { kAbsent, kRequired, kOptional };

// The layout of a case or control file.
struct CountFile {
  std::string noun;  // "case" or "control"
  TimeColumn time = TimeColumn::kAbsent;
  bool covariates = false;  // fields after the count (and time) are covariates
  std::string hint;         // added to a wrong-field-count message
};

// "1 field", "4 fields".
std::string Counted(size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// What a row of a count file holds, for a message that shows the layout.
std::string CountLayout(CountFile file) {
  const std::string count = file.noun == "control" ? "<#controls>" : "<#cases>";
  std::string layout = "<location id> " + count;
  switch (file.time) {
    case TimeColumn::kAbsent:
      break;
    case TimeColumn::kRequired:
      layout += " <date/time>";
      break;
    case TimeColumn::kOptional:
      layout += " [<date/time>]";
      break;
  }
  if (file.covariates) layout += " [<covariate>...]";
  return layout;
}

Result<std::vector<SatscanLine>> ReadSatscanLines(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) return Status::IoError(path + ": cannot open file: " + std::strerror(errno));
  std::string text;
  char buffer[1 << 16];
  size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, got);
  if (std::ferror(file.get())) return Status::IoError(path + ": read failed");
  if (StartsWith(text, "\xEF\xBB\xBF")) text.erase(0, 3);

  std::vector<SatscanLine> lines;
  int64_t number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ++number;
    SatscanLine line{number, {}};
    size_t pos = start;
    while (pos < end) {
      // Spaces, tabs and the CR of a CRLF file all separate fields.
      const size_t field_start = text.find_first_not_of(" \t\r\v\f", pos);
      if (field_start == std::string::npos || field_start >= end) break;
      size_t field_end = text.find_first_of(" \t\r\v\f", field_start);
      if (field_end == std::string::npos || field_end > end) field_end = end;
      line.fields.push_back(text.substr(field_start, field_end - field_start));
      pos = field_end;
    }
    if (!line.fields.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  if (lines.empty()) return Status::InvalidData(path + ": the file has no rows");
  return lines;
}

Status SatscanFieldError(const std::string& path, const SatscanLine& line, size_t field,
                         std::string_view name, std::string_view rule) {
  return Status::InvalidData(path + " line " + std::to_string(line.number) + ", field " +
                             std::to_string(field + 1) + " (" + std::string(name) +
                             "): " + Quoted(line.fields[field]) + " " + std::string(rule));
}

Result<int64_t> ParseSatscanCount(const std::string& path, const SatscanLine& line, size_t field,
                                  std::string_view name) {
  std::optional<int64_t> value = ParseInt64(line.fields[field]);
  if (!value) return SatscanFieldError(path, line, field, name, "is not a whole number");
  if (*value < 0) return SatscanFieldError(path, line, field, name, "must be zero or more");
  return *value;
}

Result<double> ParseSatscanNumber(const std::string& path, const SatscanLine& line, size_t field,
                                  std::string_view name) {
  std::optional<double> value = ParseDouble(line.fields[field]);
  if (!value || !std::isfinite(*value)) {
    return SatscanFieldError(path, line, field, name, "is not a number");
  }
  return *value;
}

Result<std::vector<CaseRecord>> ReadCountFile(const std::string& path, CountFile file) {
  CRADLE_ASSIGN_OR_RETURN(std::vector<SatscanLine> lines, ReadSatscanLines(path));
  const size_t least = file.time == TimeColumn::kRequired ? 3 : 2;
  const size_t most = file.covariates ? SIZE_MAX : file.time == TimeColumn::kAbsent ? 2 : 3;
  const std::string count_name = "number of " + file.noun + "s";
  std::vector<CaseRecord> records;
  records.reserve(lines.size());
  for (SatscanLine& line : lines) {
    const size_t fields = line.fields.size();
    if (fields < least || fields > most) {
      return Status::InvalidData(path + " line " + std::to_string(line.number) + ": found " +
                                 Counted(fields, "field") + "; a " + file.noun + " row is " +
                                 CountLayout(file) + file.hint);
    }
    CaseRecord record;
    CRADLE_ASSIGN_OR_RETURN(record.count, ParseSatscanCount(path, line, 1, count_name));
    record.line = line.number;
    size_t next = 2;
    if (file.time != TimeColumn::kAbsent && fields > 2) {
      record.time = std::move(line.fields[next++]);
    }
    for (; next < fields; ++next) record.covariates.push_back(std::move(line.fields[next]));
    record.id = std::move(line.fields[0]);
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace

Result<std::vector<CaseRecord>> ReadCaseFile(const std::string& path, bool has_time) {
  return ReadCountFile(path,
                       {"case", has_time ? TimeColumn::kRequired : TimeColumn::kAbsent, true, ""});
}

Result<std::vector<CaseRecord>> ReadControlFile(const std::string& path, bool has_time) {
  return ReadCountFile(
      path, {"control", has_time ? TimeColumn::kRequired : TimeColumn::kAbsent, false, ""});
}

Result<std::vector<PopulationRecord>> ReadPopulationFile(const std::string& path) {
  CRADLE_ASSIGN_OR_RETURN(std::vector<SatscanLine> lines, ReadSatscanLines(path));
  std::vector<PopulationRecord> records;
  records.reserve(lines.size());
  for (SatscanLine& line : lines) {
    if (line.fields.size() < 3) {
      return Status::InvalidData(
          path + " line " + std::to_string(line.number) + ": found " +
          Counted(line.fields.size(), "field") +
          "; a population row is <location id> <year or date> <population> [<covariate>...]");
    }
    PopulationRecord record;
    CRADLE_ASSIGN_OR_RETURN(record.population, ParseSatscanNumber(path, line, 2, "population"));
    if (record.population < 0) {
      return SatscanFieldError(path, line, 2, "population", "must be zero or more");
    }
    record.line = line.number;
    for (size_t next = 3; next < line.fields.size(); ++next) {
      record.covariates.push_back(std::move(line.fields[next]));
    }
    record.id = std::move(line.fields[0]);
    record.time = std::move(line.fields[1]);
    records.push_back(std::move(record));
  }
  return records;
}

Result<std::vector<CoordinateRecord>> ReadCoordinatesFile(const std::string& path,
                                                          Coordinates coordinates) {
  CRADLE_ASSIGN_OR_RETURN(std::vector<SatscanLine> lines, ReadSatscanLines(path));
  const bool lat_long = coordinates == Coordinates::kLatLong;
  const std::string layout =
      lat_long ? "<location id> <latitude> <longitude>" : "<location id> <x> <y>";
  std::vector<CoordinateRecord> records;
  records.reserve(lines.size());
  for (SatscanLine& line : lines) {
    const size_t fields = line.fields.size();
    if (fields != 3) {
      std::string message = path + " line " + std::to_string(line.number) + ": found " +
                            Counted(fields, "field") + "; a coordinates row is " + layout;
      if (fields > 3) message += " (only two coordinates are supported)";
      return Status::InvalidData(message);
    }
    CoordinateRecord record;
    CRADLE_ASSIGN_OR_RETURN(record.x,
                            ParseSatscanNumber(path, line, 1, lat_long ? "latitude" : "x"));
    CRADLE_ASSIGN_OR_RETURN(record.y,
                            ParseSatscanNumber(path, line, 2, lat_long ? "longitude" : "y"));
    if (lat_long && std::abs(record.x) > 90) {
      return SatscanFieldError(path, line, 1, "latitude", "is outside [-90, 90]");
    }
    if (lat_long && std::abs(record.y) > 180) {
      return SatscanFieldError(path, line, 2, "longitude", "is outside [-180, 180]");
    }
    record.line = line.number;
    record.id = std::move(line.fields[0]);
    records.push_back(std::move(record));
  }
  return records;
}

namespace {

// The coordinates file as the loaders use it: its rows, found by identifier.
struct Places {
  std::vector<CoordinateRecord> records;
  std::unordered_map<std::string, size_t> index;
};

Result<Places> ReadPlaces(const std::string& path, Coordinates coordinates) {
  Places places;
  CRADLE_ASSIGN_OR_RETURN(places.records, ReadCoordinatesFile(path, coordinates));
  for (size_t idx = 0; idx < places.records.size(); ++idx) {
    const CoordinateRecord& record = places.records[idx];
    auto [it, inserted] = places.index.emplace(record.id, idx);
    if (!inserted) {
      return Status::InvalidData(path + " line " + std::to_string(record.line) + ": location " +
                                 record.id + " is listed twice (first on line " +
                                 std::to_string(places.records[it->second].line) + ")");
    }
  }
  return places;
}

// Where the location named on `line` of `path` is among the places; SaTScan
// refuses data for a location it cannot place, and so do we.
Result<size_t> PlaceOf(const Places& places, const std::string& coordinates_path,
                       const std::string& path, const std::string& id, int64_t line) {
  auto it = places.index.find(id);
  if (it == places.index.end()) {
    return Status::InvalidData(path + " line " + std::to_string(line) + ": location " + id +
                               " is not in the coordinates file " + coordinates_path);
  }
  return it->second;
}

// One input per place, with no cases and no population yet.
std::vector<LocationInput> EmptyInputs(const Places& places) {
  std::vector<LocationInput> inputs(places.records.size());
  for (size_t idx = 0; idx < inputs.size(); ++idx) {
    inputs[idx].id = places.records[idx].id;
    inputs[idx].x = places.records[idx].x;
    inputs[idx].y = places.records[idx].y;
  }
  return inputs;
}

// Indirect standardisation over the covariate combinations s: location i's
// expected count is sum over its rows r of pop_r * C_s / P_s. Averaging over
// years divides pop_r and P_s alike, so raw sums serve. The result is scaled
// to the total (averaged) population, so Expected() returns those counts.
Status Standardise(const std::vector<CaseRecord>& cases,
                   const std::vector<PopulationRecord>& population,
                   const std::vector<size_t>& population_place, double years,
                   const std::string& case_path, const std::string& population_path,
                   std::vector<LocationInput>& inputs) {
  struct Stratum {
    double population = 0;
    int64_t cases = 0;
  };
  std::map<std::vector<std::string>, Stratum> strata;
  double total_population = 0;
  for (const PopulationRecord& record : population) {
    strata[record.covariates].population += record.population;
    total_population += record.population;
  }
  int64_t total_cases = 0;
  for (const CaseRecord& record : cases) {
    Stratum& stratum = strata[record.covariates];
    stratum.cases += record.count;
    total_cases += record.count;
    if (record.count > 0 && stratum.population <= 0) {
      return Status::InvalidData(case_path + " line " + std::to_string(record.line) +
                                 ": covariates \"" + SpaceJoined(record.covariates) +
                                 "\" have cases but no population in " + population_path);
    }
  }
  // No cases: leave the population unadjusted for MakeSpatialData to refuse.
  const double scale =
      total_cases > 0 ? total_population / years / static_cast<double>(total_cases) : 0;
  for (size_t row = 0; row < population.size(); ++row) {
    const PopulationRecord& record = population[row];
    const Stratum& stratum = strata[record.covariates];
    inputs[population_place[row]].population +=
        total_cases > 0
            ? record.population * static_cast<double>(stratum.cases) / stratum.population * scale
            : record.population / years;
  }
  return Status::Ok();
}

}  // namespace

Result<SpatialData> LoadSatscanPoisson(const std::string& case_path,
                                       const std::string& population_path,
                                       const std::string& coordinates_path,
                                       Coordinates coordinates) {
  CRADLE_ASSIGN_OR_RETURN(Places places, ReadPlaces(coordinates_path, coordinates));
  CRADLE_ASSIGN_OR_RETURN(std::vector<PopulationRecord> population,
                          ReadPopulationFile(population_path));
  const size_t covariates = population.front().covariates.size();
  std::vector<size_t> population_place;
  population_place.reserve(population.size());
  std::set<std::string> years;
  for (const PopulationRecord& record : population) {
    if (record.covariates.size() != covariates) {
      return Status::InvalidData(population_path + " line " + std::to_string(record.line) +
                                 ": found " + Counted(record.covariates.size(), "covariate") +
                                 ", but line " + std::to_string(population.front().line) + " has " +
                                 std::to_string(covariates) +
                                 "; every row needs the same covariates");
    }
    CRADLE_ASSIGN_OR_RETURN(
        size_t place, PlaceOf(places, coordinates_path, population_path, record.id, record.line));
    population_place.push_back(place);
    years.insert(record.time);
  }

  // Read with every field after the count as a covariate, then take the
  // date/time off where the population file says there is one.
  CRADLE_ASSIGN_OR_RETURN(std::vector<CaseRecord> cases, ReadCaseFile(case_path, false));
  std::vector<LocationInput> inputs = EmptyInputs(places);
  for (CaseRecord& record : cases) {
    if (record.covariates.size() == covariates + 1) {
      record.time = std::move(record.covariates.front());
      record.covariates.erase(record.covariates.begin());
    } else if (record.covariates.size() != covariates) {
      return Status::InvalidData(
          case_path + " line " + std::to_string(record.line) + ": found " +
          std::to_string(record.covariates.size()) + " fields after the number of cases; with " +
          Counted(covariates, "covariate") + " in " + population_path + " a case row has " +
          std::to_string(covariates) + " (the covariates) or " + std::to_string(covariates + 1) +
          " (a date/time, then the covariates)");
    }
    CRADLE_ASSIGN_OR_RETURN(size_t place,
                            PlaceOf(places, coordinates_path, case_path, record.id, record.line));
    inputs[place].cases += record.count;
  }

  const double year_count = static_cast<double>(years.size());
  if (covariates == 0) {
    for (size_t row = 0; row < population.size(); ++row) {
      inputs[population_place[row]].population += population[row].population;
    }
    if (year_count > 1) {
      for (LocationInput& input : inputs) input.population /= year_count;
    }
  } else {
    CRADLE_RETURN_IF_ERROR(Standardise(cases, population, population_place, year_count, case_path,
                                       population_path, inputs));
  }
  return MakeSpatialData(std::move(inputs), coordinates, ScanModel::kPoisson,
                         case_path + " and " + population_path);
}

Result<SpatialData> LoadSatscanBernoulli(const std::string& case_path,
                                         const std::string& control_path,
                                         const std::string& coordinates_path,
                                         Coordinates coordinates) {
  CRADLE_ASSIGN_OR_RETURN(Places places, ReadPlaces(coordinates_path, coordinates));
  CRADLE_ASSIGN_OR_RETURN(std::vector<CaseRecord> cases,
                          ReadCountFile(case_path, {"case", TimeColumn::kOptional, false,
                                                    " (the Bernoulli model takes no covariates)"}));
  CRADLE_ASSIGN_OR_RETURN(
      std::vector<CaseRecord> controls,
      ReadCountFile(control_path, {"control", TimeColumn::kOptional, false, ""}));
  std::vector<LocationInput> inputs = EmptyInputs(places);
  for (const CaseRecord& record : cases) {
    CRADLE_ASSIGN_OR_RETURN(size_t place,
                            PlaceOf(places, coordinates_path, case_path, record.id, record.line));
    inputs[place].cases += record.count;
  }
  for (const CaseRecord& record : controls) {
    CRADLE_ASSIGN_OR_RETURN(
        size_t place, PlaceOf(places, coordinates_path, control_path, record.id, record.line));
    inputs[place].controls += record.count;
  }
  return MakeSpatialData(std::move(inputs), coordinates, ScanModel::kBernoulli,
                         case_path + " and " + control_path);
}

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string SpaceJoined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : " ") + value;
  return out;
}

}  // namespace cradle::hotspots
