#include "synth/calibration.h"

#include <cmath>
#include <functional>
#include <map>

#include "base/csv_reader.h"
#include "base/strings.h"

namespace cradle::synth {
namespace {

// The bundled tables (data/open/SOURCES.md gives their provenance).
constexpr std::string_view kRegistrationsFile =
    "open/ons_infant_deaths_registered_by_area_2010_2017.csv";
constexpr std::string_view kDeathCohortFile =
    "open/ons_infant_mortality_by_area_death_cohort_2020_2022.csv";
constexpr std::string_view kBirthsFile = "open/ons_births_stillbirths_by_area_2022_2023.csv";
constexpr std::string_view kEthnicityFile = "open/ons_infant_mortality_by_ethnicity_2020_2022.csv";
constexpr std::string_view kImdFile =
    "open/ons_infant_mortality_by_imd_decile_england_2010_2022.csv";
constexpr std::string_view kLsoaFile = "open/leicester_lsoa21_imd2025.csv";

constexpr int kFirstYear = 2010;
constexpr int kLastYear = 2024;

// The published headline for Leicester 2022-24 (Fingertips 92196 as quoted in
// the project brief; data/open/SOURCES.md §5): 105 infant deaths, 7.9 per
// 1,000 live births. Neither 2023-24 deaths nor 2024 births are in the
// bundled tables, so they are derived from it.
constexpr int64_t kDeaths2022To24 = 105;
constexpr double kRate2022To24 = 7.9;

// Share of births whose ethnic group is not stated (an assumption: England
// 2022 had 2.0%, ONS Table 18; a local maternity extract should have fewer).
constexpr double kNotStatedShare = 0.01;

// Leicester's usual residents by ethnic group, Census 2021, per cent. Broad
// groups are ONS's (Asian 43.4, White 40.9, Black 7.8, Mixed 3.8, Other 4.1);
// White British 33.2, Irish 0.5, Gypsy or Irish Traveller 0.1 and Roma 0.2 are
// ONS TS021 as tabulated on Wikipedia "Demographics of Leicester"; the split of
// the other broad groups is this project's assumption (docs/synthetic-data.md).
struct CensusPercent {
  std::string_view code;
  double percent;
};
constexpr CensusPercent kLeicesterCensus2021[] = {
    {"white_british", 33.2},
    {"white_irish", 0.5},
    {"white_gypsy_traveller", 0.1},
    {"white_roma", 0.2},
    {"white_other", 6.9},
    {"mixed_white_black_caribbean", 1.3},
    {"mixed_white_black_african", 0.5},
    {"mixed_white_asian", 1.1},
    {"mixed_other", 0.9},
    {"asian_indian", 34.3},
    {"asian_pakistani", 2.1},
    {"asian_bangladeshi", 1.1},
    {"asian_chinese", 0.7},
    {"asian_other", 5.2},
    {"black_african", 6.3},
    {"black_caribbean", 0.8},
    {"black_other", 0.7},
    {"other_arab", 1.4},
    {"other_any", 2.7},
};

struct TableRow {
  int64_t number = 0;               // as a spreadsheet shows it
  std::vector<std::string> fields;  // in the order of the requested columns
};

struct Table {
  std::string path;
  std::vector<std::string> columns;
  std::vector<TableRow> rows;

  Status FieldError(const TableRow& row, size_t column, std::string_view problem) const {
    return Status::InvalidData(path + ": row " + std::to_string(row.number) + ", column '" +
                               columns[column] + "': '" + row.fields[column] + "' " +
                               std::string(problem));
  }
  Result<int64_t> Int(const TableRow& row, size_t column) const {
    std::optional<int64_t> value = ParseInt64(row.fields[column]);
    if (!value) return FieldError(row, column, "is not a whole number");
    return *value;
  }
};

// The named columns of the rows of `file` that `keep` accepts (given those
// columns' text). IoError or InvalidData from the reader, naming the file.
Result<Table> ReadTable(const std::string& data_dir, std::string_view file,
                        std::vector<std::string> columns,
                        const std::function<bool(const std::vector<std::string>&)>& keep) {
  Table table;
  table.path = data_dir + "/" + std::string(file);
  table.columns = std::move(columns);
  CRADLE_ASSIGN_OR_RETURN(std::unique_ptr<CsvReader> csv, CsvReader::Open(table.path));
  std::vector<size_t> indices;
  for (const std::string& column : table.columns) {
    CRADLE_ASSIGN_OR_RETURN(size_t index, csv->RequireColumn(column));
    indices.push_back(index);
  }
  while (true) {
    CRADLE_ASSIGN_OR_RETURN(std::optional<CsvRow> row, csv->Next());
    if (!row) break;
    TableRow picked{row->row_number, {}};
    for (size_t index : indices) picked.fields.push_back(std::string(Trim(row->fields[index])));
    if (keep(picked.fields)) table.rows.push_back(std::move(picked));
  }
  return table;
}

struct AreaYear {
  std::optional<int64_t> live_births;
  std::optional<int64_t> infant_deaths;
  std::optional<int64_t> neonatal_deaths;
};

// Reads the year and the named births, infant-deaths and neonatal-deaths
// columns of `file` for `area_code`, keyed by year; an empty column name means
// the table has no such column. An empty field leaves its figure unset (the
// registrations table has no births for 2017).
struct AreaColumns {
  std::string live_births;
  std::string infant_deaths;
  std::string neonatal_deaths;
};

Status ReadAreaYears(const std::string& data_dir, std::string_view file, std::string_view area_code,
                     const AreaColumns& columns, std::map<int, AreaYear>& out) {
  std::vector<std::string> wanted = {"area_code", "year"};
  std::vector<std::optional<int64_t> AreaYear::*> slots;
  const std::pair<const std::string*, std::optional<int64_t> AreaYear::*> named[] = {
      {&columns.live_births, &AreaYear::live_births},
      {&columns.infant_deaths, &AreaYear::infant_deaths},
      {&columns.neonatal_deaths, &AreaYear::neonatal_deaths}};
  for (const auto& [name, slot] : named) {
    if (name->empty()) continue;
    wanted.push_back(*name);
    slots.push_back(slot);
  }
  CRADLE_ASSIGN_OR_RETURN(
      Table table, ReadTable(data_dir, file, wanted,
                             [&](const std::vector<std::string>& f) { return f[0] == area_code; }));
  for (const TableRow& row : table.rows) {
    CRADLE_ASSIGN_OR_RETURN(int64_t year, table.Int(row, 1));
    AreaYear& entry = out[static_cast<int>(year)];
    for (size_t idx = 0; idx < slots.size(); ++idx) {
      if (row.fields[idx + 2].empty()) continue;
      CRADLE_ASSIGN_OR_RETURN(int64_t value, table.Int(row, idx + 2));
      entry.*slots[idx] = value;
    }
  }
  return Status::Ok();
}

Status Missing(std::string_view what, std::string_view file, std::string_view area, int year) {
  return Status::InvalidData(std::string(file) + " has no " + std::string(what) + " for " +
                             std::string(area) + " in " + std::to_string(year) +
                             "; the synthetic calibration needs it");
}

std::string Thousands(int64_t value) { return WithThousands(value); }

std::string OneDecimal(double value) {
  const int64_t tenths = static_cast<int64_t>(std::llround(value * 10));
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

Status BuildYearTargets(const std::string& data_dir, Calibration& calibration) {
  const std::string& area = calibration.area_code;
  std::map<int, AreaYear> registrations, cohort, births;
  CRADLE_RETURN_IF_ERROR(ReadAreaYears(
      data_dir, kRegistrationsFile, area,
      AreaColumns{"live_births_same_year_from_births_table", "infant_deaths", "neonatal_deaths"},
      registrations));
  CRADLE_RETURN_IF_ERROR(
      ReadAreaYears(data_dir, kDeathCohortFile, area,
                    AreaColumns{"live_births", "infant_deaths", "neonatal_deaths"}, cohort));
  CRADLE_RETURN_IF_ERROR(
      ReadAreaYears(data_dir, kBirthsFile, area, AreaColumns{"live_births", "", ""}, births));

  std::map<int, YearTarget> targets;
  for (int year = kFirstYear; year <= kLastYear; ++year) targets[year].year = year;

  // Published live births: 2010-16 (births tables), 2020-22 (death cohort), 2023.
  for (int year = 2010; year <= 2016; ++year) {
    if (!registrations[year].live_births) {
      return Missing("live births", kRegistrationsFile, area, year);
    }
    targets[year].live_births = *registrations[year].live_births;
    targets[year].births_source = "ONS live births by area of usual residence, " +
                                  std::to_string(year) + " (bundled registrations table)";
  }
  for (int year = 2020; year <= 2022; ++year) {
    const AreaYear& entry = cohort[year];
    if (!entry.live_births) return Missing("live births", kDeathCohortFile, area, year);
    if (!entry.infant_deaths) return Missing("infant deaths", kDeathCohortFile, area, year);
    if (!entry.neonatal_deaths) return Missing("neonatal deaths", kDeathCohortFile, area, year);
    targets[year].live_births = *entry.live_births;
    targets[year].births_source =
        "ONS child and infant mortality, death cohort Table 3, " + std::to_string(year);
    targets[year].infant_deaths = *entry.infant_deaths;
    targets[year].neonatal_deaths = *entry.neonatal_deaths;
    targets[year].deaths_source =
        "ONS death cohort Table 3, " + std::to_string(year) + " (deaths occurring in the year)";
  }
  if (!births[2023].live_births) return Missing("live births", kBirthsFile, area, 2023);
  targets[2023].live_births = *births[2023].live_births;
  targets[2023].births_source = "ONS birth registrations 2023, Tables 1 and 2";

  // 2017-19: no births table is bundled; a straight line from 2016 to 2020.
  const int64_t b2016 = targets[2016].live_births, b2020 = targets[2020].live_births;
  for (int year = 2017; year <= 2019; ++year) {
    targets[year].live_births =
        b2016 + std::llround(static_cast<double>(b2020 - b2016) * (year - 2016) / 4.0);
    targets[year].births_source = "interpolated on a straight line between 2016 (" +
                                  Thousands(b2016) + ") and 2020 (" + Thousands(b2020) + ")";
  }
  // 2024: the births that make 105 deaths a rate of 7.9 per 1,000 in 2022-24.
  const int64_t births_2022_to_24 = std::llround(kDeaths2022To24 / kRate2022To24 * 1000.0);
  targets[2024].live_births =
      births_2022_to_24 - targets[2022].live_births - targets[2023].live_births;
  targets[2024].births_source = "derived: 105 deaths at 7.9 per 1,000 imply " +
                                Thousands(births_2022_to_24) +
                                " births in 2022-24, less 2022 and 2023";

  // Published deaths: registrations 2010-17, death cohort 2020-22 (above).
  for (int year = 2010; year <= 2017; ++year) {
    const AreaYear& entry = registrations[year];
    if (!entry.infant_deaths) return Missing("infant deaths", kRegistrationsFile, area, year);
    if (!entry.neonatal_deaths) return Missing("neonatal deaths", kRegistrationsFile, area, year);
    targets[year].infant_deaths = *entry.infant_deaths;
    targets[year].neonatal_deaths = *entry.neonatal_deaths;
    targets[year].deaths_source =
        "ONS deaths registered in " + std::to_string(year) + ", VS Table 1a";
  }
  // The neonatal share of the latest published years (2020-22: 72 of 94).
  int64_t neonatal_2020_to_22 = 0, infant_2020_to_22 = 0, births_2020_to_22 = 0;
  for (int year = 2020; year <= 2022; ++year) {
    neonatal_2020_to_22 += targets[year].neonatal_deaths;
    infant_2020_to_22 += targets[year].infant_deaths;
    births_2020_to_22 += targets[year].live_births;
  }
  const double neonatal_share =
      static_cast<double>(neonatal_2020_to_22) / static_cast<double>(infant_2020_to_22);
  // 2018-19: a rate on a straight line from 2014-16 (centre 2015) to 2020-22
  // (centre 2021), the nearest three-year periods with published figures.
  int64_t deaths_2014_to_16 = 0, births_2014_to_16 = 0;
  for (int year = 2014; year <= 2016; ++year) {
    deaths_2014_to_16 += targets[year].infant_deaths;
    births_2014_to_16 += targets[year].live_births;
  }
  const double rate_2014_to_16 = 1000.0 * deaths_2014_to_16 / births_2014_to_16;
  const double rate_2020_to_22 = 1000.0 * infant_2020_to_22 / births_2020_to_22;
  for (int year = 2018; year <= 2019; ++year) {
    const double rate = rate_2014_to_16 + (rate_2020_to_22 - rate_2014_to_16) * (year - 2015) / 6.0;
    targets[year].infant_deaths =
        std::llround(rate * static_cast<double>(targets[year].live_births) / 1000.0);
    targets[year].deaths_source =
        "rate " + OneDecimal(rate) + " per 1,000, on a straight line between 2014-16 (" +
        OneDecimal(rate_2014_to_16) + ") and 2020-22 (" + OneDecimal(rate_2020_to_22) + ")";
  }
  // 2023-24: the 2022-24 total less 2022, shared in proportion to births.
  const int64_t deaths_2023_to_24 = kDeaths2022To24 - targets[2022].infant_deaths;
  const int64_t b2023 = targets[2023].live_births, b2024 = targets[2024].live_births;
  targets[2023].infant_deaths = std::llround(static_cast<double>(deaths_2023_to_24) * b2023 /
                                             static_cast<double>(b2023 + b2024));
  targets[2024].infant_deaths = deaths_2023_to_24 - targets[2023].infant_deaths;
  for (int year : {2023, 2024}) {
    targets[year].deaths_source = "derived: 2022-24 total of 105 less 2022's " +
                                  std::to_string(targets[2022].infant_deaths) +
                                  ", shared by live births";
  }
  for (int year : {2018, 2019, 2023, 2024}) {
    targets[year].neonatal_deaths =
        std::llround(neonatal_share * static_cast<double>(targets[year].infant_deaths));
    targets[year].deaths_source += "; neonatal at the 2020-22 share (" +
                                   std::to_string(neonatal_2020_to_22) + " of " +
                                   std::to_string(infant_2020_to_22) + ")";
  }
  for (auto& [year, target] : targets) calibration.years.push_back(std::move(target));
  return Status::Ok();
}

// England infant deaths and live births summed over 2020-22, by `group_column`.
struct Pooled {
  int64_t births = 0;
  int64_t deaths = 0;
  double Rate() const { return static_cast<double>(deaths) / static_cast<double>(births); }
};

Result<std::map<std::string, Pooled>> PoolEngland2020To22(const std::string& data_dir,
                                                          std::string_view file,
                                                          std::vector<std::string> columns,
                                                          std::string_view england_code) {
  // columns: year, group, live births, infant deaths[, country code]
  CRADLE_ASSIGN_OR_RETURN(
      Table table, ReadTable(data_dir, file, columns, [&](const std::vector<std::string>& f) {
        if (f[0] != "2020" && f[0] != "2021" && f[0] != "2022") return false;
        return england_code.empty() || f[4] == england_code;
      }));
  std::map<std::string, Pooled> pooled;
  for (const TableRow& row : table.rows) {
    if (row.fields[1] == "Unlinked deaths") continue;  // deaths with no birth record: no rate
    CRADLE_ASSIGN_OR_RETURN(int64_t births, table.Int(row, 2));
    CRADLE_ASSIGN_OR_RETURN(int64_t deaths, table.Int(row, 3));
    pooled[row.fields[1]].births += births;
    pooled[row.fields[1]].deaths += deaths;
  }
  return pooled;
}

Status BuildGradients(const std::string& data_dir, Calibration& calibration) {
  CRADLE_ASSIGN_OR_RETURN(
      auto by_ethnicity,
      PoolEngland2020To22(data_dir, kEthnicityFile,
                          {"year", "Ethnic group", "Live births", "Infant deaths", "Country code"},
                          "E92000001"));
  const std::string path = data_dir + "/" + std::string(kEthnicityFile);
  if (!by_ethnicity.count("All")) {
    return Status::InvalidData(path + " has no England 'All' rows for 2020-22");
  }
  const double england = by_ethnicity["All"].Rate();
  for (size_t group = 0; group < kEthnicGroupCount; ++group) {
    const std::string table_group(EthnicGroups()[group].ons_group);
    auto found = by_ethnicity.find(table_group);
    if (found == by_ethnicity.end() || found->second.births == 0) {
      return Status::InvalidData(path + " has no England rows for '" + table_group +
                                 "' in 2020-22");
    }
    calibration.ethnic_mortality_ratio[group] = found->second.Rate() / england;
  }

  CRADLE_ASSIGN_OR_RETURN(
      auto by_decile,
      PoolEngland2020To22(data_dir, kImdFile, {"Year", "IMD", "Live births", "Infant deaths"}, ""));
  const std::string imd_path = data_dir + "/" + std::string(kImdFile);
  if (!by_decile.count("Total")) {
    return Status::InvalidData(imd_path + " has no 'Total' rows for 2020-22");
  }
  for (int decile = 1; decile <= 10; ++decile) {
    auto found = by_decile.find(std::to_string(decile));
    if (found == by_decile.end() || found->second.births == 0) {
      return Status::InvalidData(imd_path + " has no rows for decile " + std::to_string(decile) +
                                 " in 2020-22");
    }
    calibration.imd_mortality_ratio[decile - 1] = found->second.Rate() / by_decile["Total"].Rate();
  }
  return Status::Ok();
}

Status BuildLsoas(const std::string& data_dir, Calibration& calibration) {
  CRADLE_ASSIGN_OR_RETURN(
      Table table,
      ReadTable(data_dir, kLsoaFile,
                {"LAD_code", "LSOA21CD", "Pop_2022", "IMD2025_decile", "LAD_name"},
                [&](const std::vector<std::string>& f) { return f[0] == calibration.area_code; }));
  for (const TableRow& row : table.rows) {
    CRADLE_ASSIGN_OR_RETURN(int64_t population, table.Int(row, 2));
    CRADLE_ASSIGN_OR_RETURN(int64_t decile, table.Int(row, 3));
    if (population <= 0) return table.FieldError(row, 2, "must be a positive population");
    if (decile < 1 || decile > 10) return table.FieldError(row, 3, "must be a decile from 1 to 10");
    if (!StartsWith(row.fields[1], "E01")) {
      return table.FieldError(row, 1, "is not a 2021 LSOA code (E01…)");
    }
    calibration.lsoas.push_back({row.fields[1], population, static_cast<int>(decile)});
    calibration.area_name = row.fields[4];
  }
  if (calibration.lsoas.empty()) {
    return Status::InvalidData(table.path + " has no LSOAs for " + calibration.area_code);
  }
  return Status::Ok();
}

void BuildEthnicShares(Calibration& calibration) {
  double total = 0;
  for (const CensusPercent& entry : kLeicesterCensus2021) total += entry.percent;
  for (const CensusPercent& entry : kLeicesterCensus2021) {
    calibration.ethnic_share[*EthnicGroupIndex(entry.code)] =
        (1.0 - kNotStatedShare) * entry.percent / total;
  }
  calibration.ethnic_share[*EthnicGroupIndex("not_stated")] = kNotStatedShare;
}

}  // namespace

const YearTarget* Calibration::Target(int year) const {
  if (years.empty() || year < first_year() || year > last_year()) return nullptr;
  return &years[static_cast<size_t>(year - first_year())];
}

Result<Calibration> LoadCalibration(std::string_view area_code, const std::string& data_dir) {
  if (area_code != kLeicesterCode) {
    return Status::InvalidArgument(
        "only Leicester's calibration (E06000016) is bundled; cannot generate synthetic data for "
        "'" +
        std::string(area_code) + "'");
  }
  Calibration calibration;
  calibration.area_code = std::string(area_code);
  CRADLE_RETURN_IF_ERROR(BuildLsoas(data_dir, calibration));
  CRADLE_RETURN_IF_ERROR(BuildYearTargets(data_dir, calibration));
  CRADLE_RETURN_IF_ERROR(BuildGradients(data_dir, calibration));
  BuildEthnicShares(calibration);
  return calibration;
}

}  // namespace cradle::synth
