// Synthetic national-scale record extracts for the import benchmark: births
// whose fields are drawn, with roughly England's proportions, from the code
// lists of records/codes.h and a national list of well-formed 2021 LSOA codes,
// and infant deaths linked to those births (age and dates that agree). The
// same spec always gives the same bytes: the values come from a hash of the
// row's index, not from a random engine or a library distribution.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace cradle::bench {

struct ExtractSpec {
  int64_t births = 6000000;
  int64_t deaths = 25000;  // REQUIRES: 0 < deaths <= births
  // Ids in file order (as an extract sorted by date of birth) or as
  // pseudonymous hashes in no order at all (real extracts' keyed hashes).
  bool random_ids = false;
};

// E01000001 to E01033755: as many LSOAs as England has (2021).
std::vector<std::string> NationalLsoaCodes();

// Writes the births, then the deaths, in the formats of docs/data-formats.md.
// IoError if a file cannot be written.
Status WriteBirths(const std::string& path, const ExtractSpec& spec);
Status WriteDeaths(const std::string& path, const ExtractSpec& spec);

}  // namespace cradle::bench
