#include "opendata/area_lookup.h"

#include <map>

#include "base/csv_reader.h"
#include "base/strings.h"
#include "geo/area_type.h"
#include "opendata/attribution.h"
#include "opendata/content_hash.h"

namespace cradle::opendata {

Result<store::DatasetImport> ReadLsoaWardLookup(const std::string& data_dir) {
  const std::string relative = "open/leicester_lsoa21_ward22_lookup.csv";
  const std::string path = data_dir + "/" + relative;
  CRADLE_ASSIGN_OR_RETURN(std::string fingerprint, FileFingerprint(path));
  CRADLE_ASSIGN_OR_RETURN(auto csv, CsvReader::Open(path));
  const char* kColumns[] = {"LSOA21CD", "LSOA21NM", "WD22CD", "WD22NM", "LAD22CD"};
  size_t index[5];
  for (int idx = 0; idx < 5; ++idx) {
    CRADLE_ASSIGN_OR_RETURN(index[idx], csv->RequireColumn(kColumns[idx]));
  }
  store::DatasetImport import;
  import.dataset = {"ons_lsoa21_ward22_lookup_leicester",
                    "LSOA (2021) to Ward (2022) to LAD (2022) lookup, Leicester",
                    "2021 LSOAs and 2022 wards",
                    "Office for National Statistics",
                    "data/" + relative,
                    std::string(kOgl),
                    std::string(kOnsAttribution),
                    fingerprint + "-lookup-1"};
  std::map<std::string, store::Area> areas;
  while (true) {
    CRADLE_ASSIGN_OR_RETURN(auto row, csv->Next());
    if (!row) break;
    const auto& f = row->fields;
    auto expect = [&](size_t column, std::string_view prefix) -> Status {
      std::string_view code = Trim(f[index[column]]);
      if (!geo::IsGssCode(code) || code.substr(0, 3) != prefix) {
        return Status::InvalidData(path + ": row " + std::to_string(row->row_number) +
                                   ", column '" + kColumns[column] + "': '" + std::string(code) +
                                   "' is not a " + std::string(prefix) + " code");
      }
      return Status::Ok();
    };
    CRADLE_RETURN_IF_ERROR(expect(0, "E01"));
    CRADLE_RETURN_IF_ERROR(expect(2, "E05"));
    std::string lsoa(Trim(f[index[0]])), ward(Trim(f[index[2]])), lad(Trim(f[index[4]]));
    areas[lsoa] = {lsoa, std::string(Trim(f[index[1]])), "LSOA", ward};
    areas[ward] = {ward, std::string(Trim(f[index[3]])), "Ward", lad};
  }
  for (auto& [code, area] : areas) import.areas.push_back(std::move(area));
  return import;
}

}  // namespace cradle::opendata
