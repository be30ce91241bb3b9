#include "opendata/bundled.h"

#include "opendata/area_lookup.h"
#include "opendata/attribution.h"
#include "opendata/content_hash.h"

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

Result<std::vector<LoadOutcome>> LoadBundledOpenData(store::Store& store,
                                                     const std::string& data_dir) {
  std::vector<LoadOutcome> outcomes;
  for (const TableSpec& spec : BundledTables()) {
    LoadOutcome outcome{spec.dataset.id, "data/" + spec.file, false, 0, 0};
    auto fingerprint = TableFingerprint(spec, data_dir);
    if (!fingerprint.ok()) return fingerprint.status();
    auto existing = store.FindDataset(spec.dataset.id);
    if (!existing.ok()) return existing.status();
    if (existing->has_value() && (*existing)->content_hash == *fingerprint) {
      outcomes.push_back(outcome);
      continue;
    }
    auto import = ReadOnsTable(spec, data_dir);
    if (!import.ok()) return import.status();
    CRADLE_RETURN_IF_ERROR(store.ReplaceDataset(*import));
    outcome.loaded = true;
    outcome.counts = import->counts.size();
    outcome.areas = import->areas.size();
    outcomes.push_back(outcome);
  }
  // Leicester's LSOAs and wards, for record imports and neighbourhood figures.
  CRADLE_ASSIGN_OR_RETURN(store::DatasetImport lookup, ReadLsoaWardLookup(data_dir));
  LoadOutcome outcome{lookup.dataset.id, lookup.dataset.source_file, false, 0, lookup.areas.size()};
  CRADLE_ASSIGN_OR_RETURN(auto existing, store.FindDataset(lookup.dataset.id));
  if (!existing || existing->content_hash != lookup.dataset.content_hash) {
    CRADLE_RETURN_IF_ERROR(store.ReplaceDataset(lookup));
    outcome.loaded = true;
  }
  outcomes.push_back(outcome);
  return outcomes;
}

std::string DefaultDataDir() { return CRADLE_DATA_DIR; }

}  // namespace cradle::opendata
