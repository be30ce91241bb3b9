// Reads the fields of one CSV row of a record extract and says precisely what
// is wrong with each field that is not valid, collecting every error of the
// row rather than stopping at the first. Each extract's parser (births,
// deaths, bookings, child death reviews) reads its columns through one of
// these, so a date, an id or a flag is checked, and its error worded, the
// same way in every file.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/result.h"
#include "records/date.h"
#include "records/lsoa_set.h"
#include "records/record_types.h"

namespace cradle::records {

// What a row is checked against besides its own fields.
struct ParseContext {
  const std::unordered_set<std::string>* known_lsoas = nullptr;  // null: format check only
  Date today;  // the latest date a record may carry
  // The same codes as known_lsoas, faster to look up; used instead when set.
  const LsoaSet* lsoa_set = nullptr;
};

// A value as an error message shows it: quoted, bytes that are not printable
// ASCII written as \xNN, and cut at 40 characters (a field can be megabytes).
std::string Shown(std::string_view value);

// Where each of `columns` is in `header` (order free). InvalidData naming the
// file and every missing or unexpected column: a misspelt column is never
// silently ignored. `what` names the file's kind, e.g. "births".
Result<std::vector<size_t>> MapHeader(const std::vector<std::string>& columns,
                                      const std::vector<std::string>& header,
                                      const std::string& file, std::string_view what);

// One row's fields; each getter returns nothing and records an error naming
// the row and column when the field is not valid.
class FieldReader {
 public:
  // REQUIRES: every index_[i] < fields.size(); names has the columns' names.
  FieldReader(int64_t row, std::span<const std::string_view> fields,
              const std::vector<size_t>& index, const std::vector<std::string>& names,
              std::vector<FieldError>* errors)
      : row_(row), fields_(fields), index_(index), names_(names), errors_(errors) {}

  // No error recorded since this reader was made.
  bool ok() const { return errors_->size() == errors_at_start_; }
  std::string_view Raw(size_t column) const { return fields_[index_[column]]; }
  void Fail(size_t column, std::string reason);

  // 1-64 letters, digits, '_' or '-'.
  std::optional<std::string> Id(size_t column);
  // YYYY-MM-DD from 1990-01-01 to `latest`.
  std::optional<Date> DateField(size_t column, const Date& latest);
  // Plain whole number in [low, high]; `unit` follows the range in the message.
  std::optional<int> Integer(size_t column, int low, int high, std::string_view unit);
  std::optional<std::string> Code(size_t column, std::span<const std::string_view> allowed);
  std::optional<char> Flag(size_t column);  // Y, N or U
  std::optional<std::string> Ethnicity(size_t column);
  std::optional<std::string> Lsoa(size_t column, const ParseContext& context);
  // Non-empty valid UTF-8 of at most max_length bytes, trimmed.
  std::optional<std::string> Text(size_t column, size_t max_length);
  // The same, but an empty field is allowed (as "").
  std::optional<std::string> OptionalText(size_t column, size_t max_length);

 private:
  int64_t row_;
  std::span<const std::string_view> fields_;
  const std::vector<size_t>& index_;
  const std::vector<std::string>& names_;
  std::vector<FieldError>* errors_;
  size_t errors_at_start_ = errors_->size();
};

}  // namespace cradle::records
