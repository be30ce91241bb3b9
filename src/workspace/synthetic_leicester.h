// The synthetic Leicester (not real people) as the demonstration data of
// `make run`, `cradle load --synthetic` and `cradle serve`: births, deaths,
// bookings and the CDOP register's reviews for 2015-2024 generated from the bundled calibration and
// imported like any extract. Never mixed into a store that holds real records.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/store.h"

namespace cradle::workspace {

struct SyntheticLoad {
  std::string file;      // births.csv, deaths.csv, bookings.csv, reviews.csv
  int64_t inserted = 0;  // 0: the file was already stored
};

// Generates the synthetic Leicester with `seed` into a scratch folder and
// imports its four files; importing files already stored changes nothing.
// InvalidArgument if the store holds real birth records.
Result<std::vector<SyntheticLoad>> LoadSyntheticLeicester(store::Store& store, uint64_t seed);

// True when the store holds no birth records: `cradle serve` then loads the
// synthetic Leicester before it listens.
Result<bool> HoldsNoBirths(store::Store& store);

}  // namespace cradle::workspace
