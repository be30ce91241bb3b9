#include "opendata/bundled.h"

#include <functional>
#include <optional>

#include "opendata/area_lookup.h"
#include "opendata/attribution.h"
#include "opendata/content_hash.h"
#include "opendata/lsoa_deprivation.h"

namespace cradle::opendata {
namespace {

constexpr const char* kOns = "Office for National Statistics";

store::Dataset OnsDataset(std::string id, std::string title, std::string basis) {
  return {std::move(id),
          std::move(title),
          std::move(basis),
          kOns,
          "",
          std::string(kOgl),
          std::string(kOnsAttribution),
          ""};
}

std::vector<TableSpec> MakeBundledTables() {
  std::vector<TableSpec> tables;
  {
    TableSpec t;
    t.dataset = OnsDataset(
        "ons_registrations_2010_2017",
        "Deaths registered by area of usual residence (VS Table 1a) with live births by area, "
        "2010-2017",
        "deaths registered in the year; live births in the year");
    t.file = "open/ons_infant_deaths_registered_by_area_2010_2017.csv";
    t.year_column = "year";
    t.area_code_column = "area_code";
    t.area_name_column = "area_name";
    t.measures = {{"infant_deaths", "infant_deaths"},
                  {"neonatal_deaths", "neonatal_deaths"},
                  {"perinatal_deaths", "perinatal_deaths"},
                  {"live_births", "live_births_same_year_from_births_table"}};
    t.dash_is_nil = true;
    t.derive_parents = true;
    t.derive_postneonatal = true;
    tables.push_back(std::move(t));
  }
  {
    TableSpec t;
    t.dataset = OnsDataset(
        "ons_death_cohort_2020_2022",
        "Child and infant mortality in England and Wales, death cohort, Table 3 (area of "
        "residence), 2020-2022",
        "deaths occurring in the year (death cohort); live births and stillbirths occurring in "
        "the year");
    t.file = "open/ons_infant_mortality_by_area_death_cohort_2020_2022.csv";
    t.check_national_sum = true;
    t.year_column = "year";
    t.area_code_column = "area_code";
    t.area_name_column = "area_name";
    t.measures = {{"live_births", "live_births"},
                  {"stillbirths", "stillbirths"},
                  {"perinatal_deaths", "perinatal_deaths"},
                  {"neonatal_deaths", "neonatal_deaths"},
                  {"postneonatal_deaths", "postneonatal_deaths"},
                  {"infant_deaths", "infant_deaths"}};
    t.derive_parents = true;
    tables.push_back(std::move(t));
  }
  {
    TableSpec t;
    t.dataset = OnsDataset("ons_births_2022_2023",
                           "Births in England and Wales: live births and stillbirths by area, "
                           "2022 (summary tables) and 2023 (birth registrations)",
                           "births registered in the year");
    t.file = "open/ons_births_stillbirths_by_area_2022_2023.csv";
    t.year_column = "year";
    t.area_code_column = "area_code";
    t.area_name_column = "area_name";
    t.measures = {{"live_births", "live_births"}, {"stillbirths", "stillbirths"}};
    tables.push_back(std::move(t));
  }
  {
    TableSpec t;
    t.dataset = OnsDataset("ons_birth_characteristics_2022",
                           "Birth characteristics in England and Wales, Worksheet 6: term live "
                           "births by birthweight, 2022",
                           "live births at 37 weeks or more registered in the year");
    t.file = "open/ons_low_birthweight_term_births_by_area_2022.csv";
    t.fixed_year = 2022;
    t.area_code_column = "area_code";
    t.area_name_column = "area_name";
    t.measures = {{"term_births_known_weight", "live_births_37wk_plus_known_weight"},
                  {"term_low_birthweight", "live_births_37wk_plus_under_2500g"}};
    tables.push_back(std::move(t));
  }
  {
    TableSpec t;
    t.dataset = OnsDataset("ons_ethnicity_2020_2022",
                           "Child and infant mortality in England and Wales, Table 18: infant "
                           "mortality by ethnicity of the baby, 2020-2022",
                           "birth cohort: deaths linked to the births of the year");
    t.file = "open/ons_infant_mortality_by_ethnicity_2020_2022.csv";
    t.year_column = "year";
    t.area_code_column = "Country code";
    t.area_name_column = "Country";
    t.category_type = "Ethnic group";
    t.category_column = "Ethnic group";
    t.category_total = "All";
    t.measures = {{"live_births", "Live births"},
                  {"stillbirths", "Stillbirths"},
                  {"neonatal_deaths", "Neonatal deaths"},
                  {"infant_deaths", "Infant deaths"}};
    t.derive_postneonatal = true;
    tables.push_back(std::move(t));
  }
  {
    TableSpec t;
    t.dataset = OnsDataset("ons_imd_decile_2010_2022",
                           "Child and infant mortality in England and Wales, Table 21: England "
                           "by deprivation decile, 2010-2022",
                           "England by Index of Multiple Deprivation decile of residence (1 = "
                           "most deprived); its totals differ slightly from Table 3's");
    t.file = "open/ons_infant_mortality_by_imd_decile_england_2010_2022.csv";
    t.year_column = "Year";
    t.fixed_area = store::Area{"E92000001", "England", "Country", "K04000001"};
    t.category_type = "Deprivation decile (IMD)";
    t.category_column = "IMD";
    t.category_total = "Total";
    t.measures = {{"live_births", "Live births"},
                  {"stillbirths", "Stillbirths"},
                  {"neonatal_deaths", "Neonatal deaths"},
                  {"infant_deaths", "Infant deaths"}};
    t.derive_postneonatal = true;
    tables.push_back(std::move(t));
  }
  return tables;
}

}  // namespace

const std::vector<TableSpec>& BundledTables() {
  static const std::vector<TableSpec> kTables = MakeBundledTables();
  return kTables;
}

namespace {

// Replaces the dataset `read` returns unless the store already holds it with
// the same content hash. With a `fingerprint` for dataset `id` the check comes
// first, so an unchanged table is not even parsed.
Result<LoadOutcome> ReplaceIfChanged(store::Store& store, const std::string& id,
                                     const std::string& file,
                                     const std::optional<std::string>& fingerprint,
                                     const std::function<Result<store::DatasetImport>()>& read) {
  LoadOutcome outcome{id, file, false, 0, 0};
  if (fingerprint) {
    CRADLE_ASSIGN_OR_RETURN(auto existing, store.FindDataset(id));
    if (existing && existing->content_hash == *fingerprint) return outcome;
  }
  CRADLE_ASSIGN_OR_RETURN(store::DatasetImport import, read());
  outcome.dataset_id = import.dataset.id;
  if (!import.dataset.source_file.empty()) outcome.file = import.dataset.source_file;
  CRADLE_ASSIGN_OR_RETURN(auto existing, store.FindDataset(import.dataset.id));
  if (existing && existing->content_hash == import.dataset.content_hash) return outcome;
  CRADLE_RETURN_IF_ERROR(store.ReplaceDataset(import));
  outcome.loaded = true;
  outcome.counts = import.counts.size();
  outcome.areas = import.areas.size();
  return outcome;
}

}  // namespace

Result<std::vector<LoadOutcome>> LoadBundledOpenData(store::Store& store,
                                                     const std::string& data_dir) {
  std::vector<LoadOutcome> outcomes;
  for (const TableSpec& spec : BundledTables()) {
    CRADLE_ASSIGN_OR_RETURN(std::string fingerprint, TableFingerprint(spec, data_dir));
    CRADLE_ASSIGN_OR_RETURN(
        LoadOutcome outcome,
        ReplaceIfChanged(store, spec.dataset.id, "data/" + spec.file, fingerprint,
                         [&] { return ReadOnsTable(spec, data_dir); }));
    outcomes.push_back(std::move(outcome));
  }
  // Leicester's LSOAs and wards (for record imports and neighbourhood
  // figures), then their deprivation, whose counts name those LSOAs.
  for (auto read : {ReadLsoaWardLookup, ReadLsoaDeprivation}) {
    CRADLE_ASSIGN_OR_RETURN(LoadOutcome outcome, ReplaceIfChanged(store, "", "", std::nullopt,
                                                                  [&] { return read(data_dir); }));
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

std::string DefaultDataDir() { return CRADLE_DATA_DIR; }

Result<std::vector<geo::Boundary>> ReadUpperTierBoundaries(const std::string& data_dir) {
  return geo::ReadBoundaries(
      data_dir + "/open/england_counties_unitary_authorities_dec2023_bsc.geojson", "CTYUA23CD",
      "CTYUA23NM");
}

}  // namespace cradle::opendata
