#include "directory/postcodes.h"

#include <cctype>

#include "base/csv_reader.h"
#include "base/strings.h"

namespace cradle::directory {

std::optional<std::string> NormalisePostcode(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c == ' ') continue;
    if (!std::isalnum(static_cast<unsigned char>(c))) return std::nullopt;
    compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (compact.size() < 5 || compact.size() > 7) return std::nullopt;
  const std::string inward = compact.substr(compact.size() - 3);
  if (!std::isdigit(static_cast<unsigned char>(inward[0])) ||
      !std::isalpha(static_cast<unsigned char>(inward[1])) ||
      !std::isalpha(static_cast<unsigned char>(inward[2])) ||
      !std::isalpha(static_cast<unsigned char>(compact[0]))) {
    return std::nullopt;
  }
  return compact.substr(0, compact.size() - 3) + " " + inward;
}

Result<std::vector<PostcodeCentroid>> ReadPostcodeCsv(const std::string& path) {
  CRADLE_ASSIGN_OR_RETURN(auto reader, CsvReader::Open(path));
  CRADLE_ASSIGN_OR_RETURN(size_t postcode_column, reader->RequireColumn("pcds"));
  CRADLE_ASSIGN_OR_RETURN(size_t lat_column, reader->RequireColumn("lat"));
  CRADLE_ASSIGN_OR_RETURN(size_t long_column, reader->RequireColumn("long"));
  std::vector<PostcodeCentroid> centroids;
  std::string problems;
  for (;;) {
    CRADLE_ASSIGN_OR_RETURN(auto row, reader->Next());
    if (!row) break;
    const std::string where = path + " row " + std::to_string(row->row_number);
    const std::string& raw = row->fields[postcode_column];
    auto postcode = NormalisePostcode(raw);
    if (!postcode) {
      problems += where + ", pcds: '" + raw + "' is not a postcode\n";
      continue;
    }
    if (Trim(row->fields[lat_column]).empty() && Trim(row->fields[long_column]).empty()) continue;
    auto lat = ParseDouble(Trim(row->fields[lat_column]));
    auto lon = ParseDouble(Trim(row->fields[long_column]));
    if (!lat || *lat < -90 || *lat > 90) {
      problems +=
          where + ", lat: '" + row->fields[lat_column] + "' is not a latitude from -90 to 90\n";
      continue;
    }
    if (!lon || *lon < -180 || *lon > 180) {
      problems += where + ", long: '" + row->fields[long_column] +
                  "' is not a longitude from -180 to 180\n";
      continue;
    }
    centroids.push_back({*postcode, *lat, *lon});
  }
  if (!problems.empty()) {
    problems.pop_back();
    return Status::InvalidData(problems);
  }
  return centroids;
}

}  // namespace cradle::directory
