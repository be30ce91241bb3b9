// The English Indices of Deprivation 2025 for Leicester's 2021 LSOAs
// (data/open/leicester_lsoa21_imd2025.csv), read as a dataset of counts: each
// LSOA's IMD score, national rank and national decile (year 2025) and its
// mid-2022 population. Analyses of record-level data take each baby's
// deprivation decile from here, through the store.
#pragma once

#include <string>

#include "base/result.h"
#include "store/model.h"

namespace cradle::opendata {

inline constexpr std::string_view kLsoaDeprivationDataset = "mhclg_imd2025_leicester_lsoa21";

// Measures of the dataset: imd_score, imd_rank, imd_decile (1 = most
// deprived tenth of England's LSOAs) for 2025; population for 2022.
inline constexpr std::string_view kImdDecileMeasure = "imd_decile";

// Reads the file under `data_dir`. InvalidData naming file, row and column for
// a code that is not an LSOA, a decile outside 1-10, or a value that is not a
// number.
Result<store::DatasetImport> ReadLsoaDeprivation(const std::string& data_dir);

}  // namespace cradle::opendata
