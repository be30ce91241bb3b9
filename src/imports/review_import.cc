#include "imports/review_import.h"

#include <map>
#include <unordered_map>

#include "base/csv_reader.h"
#include "imports/refusal.h"
#include "records/review_parser.h"

namespace cradle::imports {

using records::FieldError;
using records::ReviewRecord;

Result<ReviewLinks> ReadReviewLinks(store::Store& store) {
  ReviewLinks linked;
  CRADLE_RETURN_IF_ERROR(store.ForEachBirth([&](const records::BirthRecord& birth) {
    linked.births.emplace(birth.birth_id, birth.date_of_birth);
  }));
  CRADLE_RETURN_IF_ERROR(store.ForEachDeath(
      [&](const records::DeathRecord& death) { linked.deaths.emplace(death.birth_id, death); }));
  return linked;
}

void CheckReviewLink(int64_t row, const ReviewRecord& review, const ReviewLinks& linked,
                     std::vector<FieldError>& errors) {
  if (review.birth_id.empty()) return;
  auto birth = linked.births.find(review.birth_id);
  if (birth == linked.births.end()) {
    errors.push_back({row, "birth_id",
                      "'" + review.birth_id +
                          "' is not a birth record in the store; import the births first, or "
                          "leave birth_id empty for a death with no birth record"});
    return;
  }
  const int age = review.date_of_death - birth->second;
  if (age != review.age_at_death_days) {
    errors.push_back({row, "age_at_death_days",
                      "is " + std::to_string(review.age_at_death_days) + " but birth '" +
                          review.birth_id + "' was born on " + birth->second.ToString() + ", " +
                          std::to_string(age) + " days before the date of death"});
  }
  auto death = linked.deaths.find(review.birth_id);
  if (death != linked.deaths.end() && death->second.date_of_death != review.date_of_death) {
    errors.push_back({row, "date_of_death",
                      "'" + review.date_of_death.ToString() +
                          "' disagrees with the death record of '" + review.birth_id + "' (" +
                          death->second.date_of_death.ToString() + ")"});
  }
}

Result<ReviewImportReport> ImportReviews(store::Store& store, const std::string& path,
                                         const records::Date& today, size_t max_reported) {
  CRADLE_ASSIGN_OR_RETURN(auto csv, CsvReader::Open(path));
  CRADLE_ASSIGN_OR_RETURN(auto parser, records::ReviewParser::ForHeader(csv->header(), path));
  CRADLE_ASSIGN_OR_RETURN(ReviewLinks linked, ReadReviewLinks(store));
  std::unique_ptr<store::ReviewStore> held_reviews = store.Reviews();

  ReviewImportReport report;
  report.file = path;
  RefusedRows refused;
  std::vector<ReviewRecord> reviews;
  std::map<std::string, int64_t> row_of_id, row_of_birth;
  while (true) {
    CRADLE_ASSIGN_OR_RETURN(std::optional<CsvRow> row, csv->Next());
    if (!row) break;
    ++report.rows_read;
    std::vector<FieldError> errors;
    std::optional<ReviewRecord> review = parser.Parse(row->row_number, row->fields, today, &errors);
    if (review) {
      auto [id_at, new_id] = row_of_id.emplace(review->review_id, row->row_number);
      if (!new_id) {
        errors.push_back(
            {row->row_number, "review_id",
             "'" + review->review_id + "' is also the id of row " + std::to_string(id_at->second)});
      }
      if (!review->birth_id.empty()) {
        auto [birth_at, new_birth] = row_of_birth.emplace(review->birth_id, row->row_number);
        if (!new_birth) {
          errors.push_back({row->row_number, "birth_id",
                            "'" + review->birth_id + "' is also reviewed in row " +
                                std::to_string(birth_at->second) + "; a child has one review"});
        }
        CRADLE_ASSIGN_OR_RETURN(std::optional<std::string> held,
                                held_reviews->ReviewOfBirth(review->birth_id));
        if (held && *held != review->review_id) {
          errors.push_back({row->row_number, "birth_id",
                            "'" + review->birth_id + "' is already reviewed in the register as '" +
                                *held + "'"});
        }
      }
      CheckReviewLink(row->row_number, *review, linked, errors);
    }
    if (!errors.empty()) {
      ++refused.rows_with_errors;
      refused.error_count += static_cast<int64_t>(errors.size());
      for (FieldError& error : errors) {
        if (refused.listed.size() < max_reported) refused.listed.push_back(std::move(error));
      }
    } else {
      reviews.push_back(std::move(*review));
    }
  }
  refused.rows_read = report.rows_read;
  if (report.rows_read == 0) {
    return Status::InvalidData(path +
                               ": row 2: the file has a header but no rows; nothing was "
                               "imported");
  }
  if (refused.error_count > 0) return Status::InvalidData(RefusalMessage(path, refused));
  CRADLE_ASSIGN_OR_RETURN(report.counts, held_reviews->PutReviews(reviews));
  return report;
}

}  // namespace cradle::imports
