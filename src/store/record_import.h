// Writing record-level extracts: one RecordImport is one transaction over one
// file. Rows are added in batches as the importer streams the file, so
// memory does not grow with the file; duplicate ids are found by the
// database's primary keys, including duplicates within the same file. The
// destructor rolls back unless Commit() succeeded: all rows land or none.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "base/result.h"
#include "records/record_types.h"

namespace cradle::store {

enum class InsertOutcome {
  kInserted,
  kUnchanged,          // the same id with the same values is already stored
  kDuplicateInImport,  // the id appeared earlier in this same file
  kConflict,           // the id is stored, from an earlier import, with other values
};

struct InsertResult {
  InsertOutcome outcome = InsertOutcome::kInserted;
  int64_t first_row = 0;  // for a duplicate or conflict: the row it was first seen at
};

struct ImportCounts {
  int64_t rows_read = 0;
  int64_t inserted = 0;
  int64_t unchanged = 0;
  int64_t rejected = 0;
};

class RecordImport {
 public:
  virtual ~RecordImport() = default;

  // Each adds records in file order, rows[i] being the file row of record i,
  // and sets results[i] to what became of record i: the same outcomes as
  // adding them one at a time (a batch lets the backend write many rows per
  // statement). Only a database failure is an error Status.
  // REQUIRES: the spans have the same size; rows are distinct.
  virtual Status AddBirths(std::span<const records::BirthRecord> births,
                           std::span<const int64_t> rows, std::span<InsertResult> results) = 0;
  virtual Status AddDeaths(std::span<const records::DeathRecord> deaths,
                           std::span<const int64_t> rows, std::span<InsertResult> results) = 0;
  virtual Status AddBookings(std::span<const records::BookingRecord> bookings,
                             std::span<const int64_t> rows, std::span<InsertResult> results) = 0;

  // One record at a time: a batch of one.
  Result<InsertResult> AddBirth(const records::BirthRecord& birth, int64_t row);
  Result<InsertResult> AddDeath(const records::DeathRecord& death, int64_t row);
  Result<InsertResult> AddBooking(const records::BookingRecord& booking, int64_t row);

  // The date of birth of a stored (or just added) birth, if there is one.
  virtual Result<std::optional<records::Date>> BirthDate(const std::string& birth_id) = 0;

  // Records the import's counts and commits every row added.
  virtual Status Commit(const ImportCounts& counts) = 0;
};

}  // namespace cradle::store
