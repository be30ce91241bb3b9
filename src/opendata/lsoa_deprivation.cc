#include "opendata/lsoa_deprivation.h"

#include "base/csv_reader.h"
#include "base/strings.h"
#include "geo/area_type.h"
#include "opendata/attribution.h"
#include "opendata/content_hash.h"

namespace cradle::opendata {

namespace {

struct MeasureColumn {
  const char* column;
  const char* measure;
  int year;
  double min;
  double max;
};

// The file's IMD columns are national: rank out of 33,755 LSOAs (IoD2025).
constexpr MeasureColumn kMeasures[] = {
    {"IMD2025_score", "imd_score", 2025, 0, 100},
    {"IMD2025_rank", "imd_rank", 2025, 1, 33755},
    {"IMD2025_decile", "imd_decile", 2025, 1, 10},
    {"Pop_2022", "population", 2022, 0, 1e6},
};

}  // namespace

Result<store::DatasetImport> ReadLsoaDeprivation(const std::string& data_dir) {
  const std::string relative = "open/leicester_lsoa21_imd2025.csv";
  const std::string path = data_dir + "/" + relative;
  CRADLE_ASSIGN_OR_RETURN(std::string fingerprint, FileFingerprint(path));
  CRADLE_ASSIGN_OR_RETURN(auto csv, CsvReader::Open(path));
  CRADLE_ASSIGN_OR_RETURN(size_t code_index, csv->RequireColumn("LSOA21CD"));
  size_t index[std::size(kMeasures)];
  for (size_t idx = 0; idx < std::size(kMeasures); ++idx) {
    CRADLE_ASSIGN_OR_RETURN(index[idx], csv->RequireColumn(kMeasures[idx].column));
  }
  store::DatasetImport import;
  import.dataset = {std::string(kLsoaDeprivationDataset),
                    "English Indices of Deprivation 2025 by LSOA (2021), Leicester",
                    "IMD 2025 score, national rank and decile (1 = most deprived) of each LSOA; "
                    "mid-2022 population",
                    "Ministry of Housing, Communities and Local Government",
                    "data/" + relative,
                    std::string(kOgl),
                    std::string(kMhclgAttribution),
                    fingerprint + "-imd-1"};
  while (true) {
    CRADLE_ASSIGN_OR_RETURN(auto row, csv->Next());
    if (!row) break;
    const auto& f = row->fields;
    auto where = [&](const char* column) {
      return path + ": row " + std::to_string(row->row_number) + ", column '" + column + "': ";
    };
    std::string code(Trim(f[code_index]));
    if (!geo::IsGssCode(code) || code.substr(0, 3) != "E01") {
      return Status::InvalidData(where("LSOA21CD") + "'" + code + "' is not an LSOA code");
    }
    for (size_t idx = 0; idx < std::size(kMeasures); ++idx) {
      const MeasureColumn& m = kMeasures[idx];
      std::string_view text = Trim(f[index[idx]]);
      auto value = ParseDouble(text);
      if (!value || *value < m.min || *value > m.max) {
        return Status::InvalidData(where(m.column) + "'" + std::string(text) +
                                   "' is not a number from " +
                                   WithThousands(static_cast<int64_t>(m.min)) + " to " +
                                   WithThousands(static_cast<int64_t>(m.max)));
      }
      import.counts.push_back(
          {import.dataset.id, m.year, code, "", "", m.measure, *value, std::string()});
    }
  }
  return import;
}

}  // namespace cradle::opendata
