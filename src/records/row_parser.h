// Turns CSV rows of the three extracts into records, field by field, and says
// precisely what is wrong with each field that is not valid: every error of a
// row is reported, not just the first. The header is checked once: every
// documented column present, none extra (a misspelt column is never silently
// ignored), order free. Rules that need other rows or the store (duplicate
// ids, a death's birth) are the importer's.
//
// Fields may be given as views (CsvReader::NextView): a valid row is checked
// without allocating, except for the record's own strings. A RowParser is
// immutable once made, so several threads may use one.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "records/field_reader.h"
#include "records/record_types.h"

namespace cradle::records {

class RowParser {
 public:
  // Maps the header to the kind's columns. InvalidData naming the file and
  // every missing or unexpected column.
  static Result<RowParser> ForHeader(RecordKind kind, const std::vector<std::string>& header,
                                     const std::string& file);

  RecordKind kind() const { return kind_; }

  // Each returns the record, or nothing with the row's errors appended.
  // REQUIRES: fields has as many entries as the header had.
  std::optional<BirthRecord> ParseBirth(int64_t row, std::span<const std::string_view> fields,
                                        const ParseContext& context,
                                        std::vector<FieldError>* errors) const;
  std::optional<DeathRecord> ParseDeath(int64_t row, std::span<const std::string_view> fields,
                                        const ParseContext& context,
                                        std::vector<FieldError>* errors) const;
  std::optional<BookingRecord> ParseBooking(int64_t row, std::span<const std::string_view> fields,
                                            const ParseContext& context,
                                            std::vector<FieldError>* errors) const;

  // The same for rows held as strings.
  std::optional<BirthRecord> ParseBirth(int64_t row, const std::vector<std::string>& fields,
                                        const ParseContext& context,
                                        std::vector<FieldError>* errors) const;
  std::optional<DeathRecord> ParseDeath(int64_t row, const std::vector<std::string>& fields,
                                        const ParseContext& context,
                                        std::vector<FieldError>* errors) const;
  std::optional<BookingRecord> ParseBooking(int64_t row, const std::vector<std::string>& fields,
                                            const ParseContext& context,
                                            std::vector<FieldError>* errors) const;

  // The documented columns of a kind, in the documented order.
  static const std::vector<std::string>& Columns(RecordKind kind);

 private:
  RecordKind kind_ = RecordKind::kBirths;
  std::vector<size_t> index_;  // documented column i is at index_[i] in the file
};

}  // namespace cradle::records
