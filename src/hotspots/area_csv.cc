// The area table reader: each field checked where it is read, so an error
// names the row and column to fix.
#include "hotspots/area_csv.h"

#include <cmath>
#include <unordered_map>

#include "base/csv_reader.h"
#include "base/strings.h"

namespace cradle::hotspots {
namespace {

// The columns the reader needs, in the order errors are looked for.
constexpr const char* kColumns[] = {"id", "x", "y", "births", "deaths"};
enum Column { kId, kX, kY, kBirths, kDeaths, kColumnCount };

class RowReader {
 public:
  RowReader(const std::string& path, const CsvRow& row, const size_t (&index)[kColumnCount])
      : path_(path), row_(row), index_(index) {}

  std::string_view Text(Column column) const { return row_.fields[index_[column]]; }

  Status Error(Column column, std::string_view rule) const {
    return Status::InvalidData(path_ + " row " + std::to_string(row_.row_number) + ", column " +
                               kColumns[column] + ": \"" + std::string(Text(column)) + "\" " +
                               std::string(rule));
  }

  Result<int64_t> Count(Column column) const {
    std::optional<int64_t> value = ParseInt64(Text(column));
    if (!value) return Error(column, "is not a whole number");
    if (*value < 0) return Error(column, "must be zero or more");
    return *value;
  }

  Result<double> Coordinate(Column column, double limit) const {
    std::optional<double> value = ParseDouble(Text(column));
    if (!value || !std::isfinite(*value)) return Error(column, "is not a number");
    if (std::abs(*value) > limit) {
      return Error(column, "is outside [-" + std::to_string(static_cast<int>(limit)) + ", " +
                               std::to_string(static_cast<int>(limit)) + "]");
    }
    return *value;
  }

 private:
  const std::string& path_;
  const CsvRow& row_;
  const size_t (&index_)[kColumnCount];
};

}  // namespace

Result<SpatialData> ReadAreasCsv(const std::string& path, Coordinates coordinates,
                                 ScanModel model) {
  CRADLE_ASSIGN_OR_RETURN(auto csv, CsvReader::Open(path));
  size_t index[kColumnCount];
  for (size_t column = 0; column < kColumnCount; ++column) {
    CRADLE_ASSIGN_OR_RETURN(index[column], csv->RequireColumn(kColumns[column]));
  }
  const bool lat_long = coordinates == Coordinates::kLatLong;
  const double x_limit = lat_long ? 180 : HUGE_VAL;  // x is the longitude
  const double y_limit = lat_long ? 90 : HUGE_VAL;   // y is the latitude
  std::vector<LocationInput> inputs;
  std::unordered_map<std::string, int64_t> first_row;
  while (true) {
    CRADLE_ASSIGN_OR_RETURN(std::optional<CsvRow> row, csv->Next());
    if (!row) break;
    const RowReader read(path, *row, index);
    LocationInput input;
    input.id = std::string(Trim(read.Text(kId)));
    if (input.id.empty()) return read.Error(kId, "is not an identifier");
    auto [it, inserted] = first_row.emplace(input.id, row->row_number);
    if (!inserted) {
      return read.Error(kId, "appears twice (first at row " + std::to_string(it->second) + ")");
    }
    CRADLE_ASSIGN_OR_RETURN(double x, read.Coordinate(kX, x_limit));
    CRADLE_ASSIGN_OR_RETURN(double y, read.Coordinate(kY, y_limit));
    input.x = lat_long ? y : x;
    input.y = lat_long ? x : y;
    CRADLE_ASSIGN_OR_RETURN(int64_t births, read.Count(kBirths));
    CRADLE_ASSIGN_OR_RETURN(input.cases, read.Count(kDeaths));
    if (input.cases > births) {
      return read.Error(kDeaths, "is more than births (" + std::to_string(births) + ")");
    }
    if (model == ScanModel::kBernoulli) {
      input.controls = births - input.cases;
    } else {
      input.population = static_cast<double>(births);
    }
    inputs.push_back(std::move(input));
  }
  return MakeSpatialData(std::move(inputs), coordinates, model, path);
}

}  // namespace cradle::hotspots
