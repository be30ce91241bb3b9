// The bundled ONS lookup of Leicester's 2021 LSOAs to 2022 wards, read as
// areas: each LSOA with its ward as parent, each ward with its local
// authority. Record imports check LSOA codes against these areas.
#pragma once

#include <string>

#include "base/result.h"
#include "store/model.h"

namespace cradle::opendata {

// Reads data/open/leicester_lsoa21_ward22_lookup.csv under `data_dir` as a
// dataset with areas and no counts. InvalidData naming file, row and column
// for a malformed code or a missing name.
Result<store::DatasetImport> ReadLsoaWardLookup(const std::string& data_dir);

}  // namespace cradle::opendata
