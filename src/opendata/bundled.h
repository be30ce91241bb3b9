// The open data Cradle ships in data/open/ and how it reaches the store. Each
// bundled ONS table is one dataset with its own basis: deaths registered in
// 2010-17, deaths occurring in 2020-22 (death cohort), births registered in
// 2022-23, term births 2022, and England by ethnicity (birth cohort) and by
// deprivation decile. The indicator engine never pools years across datasets,
// so the two bases of infant deaths are never mixed.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "geo/boundaries.h"
#include "opendata/ons_table.h"
#include "store/store.h"

namespace cradle::opendata {

// The bundled tables in load order (a later table's area names win).
const std::vector<TableSpec>& BundledTables();

struct LoadOutcome {
  std::string dataset_id;
  std::string file;
  bool loaded = false;  // false: already in the store, unchanged
  size_t counts = 0;
  size_t areas = 0;
};

// Loads every bundled table under `data_dir` (the repository's data/ folder)
// whose file differs from what the store holds. Each table is its own
// transaction; the first failure stops the load and is returned.
Result<std::vector<LoadOutcome>> LoadBundledOpenData(store::Store& store,
                                                     const std::string& data_dir);

// The data/ directory compiled into this build (the repository's own).
std::string DefaultDataDir();

// The bundled boundaries of England's counties and unitary authorities
// (ONS, December 2023), by GSS code and name: where an area's neighbours are.
Result<std::vector<geo::Boundary>> ReadUpperTierBoundaries(const std::string& data_dir);

}  // namespace cradle::opendata
