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
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "records/date.h"
#include "records/record_types.h"
#include "records/review_record.h"
#include "store/store.h"

namespace cradle::imports {

struct ReviewImportReport {
  std::string file;
  int64_t rows_read = 0;
  store::ReviewPutCounts counts;
};

// What the store holds about the births reviews may link to.
struct ReviewLinks {
  std::unordered_map<std::string, records::Date> births;  // birth id -> date of birth
  std::unordered_map<std::string, records::DeathRecord> deaths;
};
Result<ReviewLinks> ReadReviewLinks(store::Store& store);

// Appends the errors of `review`'s link to a birth (and its death) as errors
// of `row`: a birth the store does not hold, an age at death that disagrees
// with the birth date, a date of death that disagrees with the death record.
void CheckReviewLink(int64_t row, const records::ReviewRecord& review, const ReviewLinks& linked,
                     std::vector<records::FieldError>& errors);

// InvalidData (nothing written) listing the first `max_reported` errors and
// how many there were; IoError or InvalidData for a file that cannot be read
// or whose header is wrong. Dates after `today` are refused.
Result<ReviewImportReport> ImportReviews(store::Store& store, const std::string& path,
                                         const records::Date& today, size_t max_reported = 20);

}  // namespace cradle::imports
