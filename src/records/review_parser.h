// Turns rows of reviews.csv (docs/data-formats.md) into child death reviews,
// naming every field that is not valid and the rule it breaks: dates in the
// order the process runs (death, notification, review meeting, panel), a
// category and a judgement exactly when the panel has met, known factor
// codes scored 0-2, only a contributory factor marked modifiable, and a
// judgement that agrees with the factors. Rules that need other rows or the
// store (a duplicate review id, the birth it links to) are the importer's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "records/date.h"
#include "records/record_types.h"
#include "records/review_record.h"

namespace cradle::records {

class ReviewParser {
 public:
  // Maps the header to the columns. InvalidData naming the file and every
  // missing or unexpected column.
  static Result<ReviewParser> ForHeader(const std::vector<std::string>& header,
                                        const std::string& file);

  // The review, or nothing with the row's errors appended. Dates after
  // `today` are refused. REQUIRES: as many fields as the header had.
  std::optional<ReviewRecord> Parse(int64_t row, const std::vector<std::string>& fields,
                                    const Date& today, std::vector<FieldError>* errors) const;

 private:
  std::vector<size_t> index_;
};

}  // namespace cradle::records
