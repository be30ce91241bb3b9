// Imports a CDOP register extract (reviews.csv, docs/data-formats.md) into
// the store: every field checked (records/review_parser.h), then the rules
// that need other rows or the store — a review id given twice, two reviews of
// one child, a birth id the store does not hold, and a review whose death
// disagrees with the birth and death records it links to. All rows land in
// one transaction or none does: any error refuses the file, naming each
// file, row, column and reason. A review already held under its id is
// replaced (the extract is the register's current state); importing the same
// file twice changes nothing. Registers are small (a CDOP sees tens of deaths
// a year), so the file is read whole.
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"
#include "records/date.h"
#include "store/store.h"

namespace cradle::imports {

struct ReviewImportReport {
  std::string file;
  int64_t rows_read = 0;
  store::ReviewPutCounts counts;
};

// InvalidData (nothing written) listing the first `max_reported` errors and
// how many there were; IoError or InvalidData for a file that cannot be read
// or whose header is wrong. Dates after `today` are refused.
Result<ReviewImportReport> ImportReviews(store::Store& store, const std::string& path,
                                         const records::Date& today, size_t max_reported = 20);

}  // namespace cradle::imports
