#include "store/record_import.h"

namespace cradle::store {
namespace {

template <typename Record, typename AddBatch>
Result<InsertResult> AddOne(const Record& record, int64_t row, AddBatch add_batch) {
  InsertResult result;
  CRADLE_RETURN_IF_ERROR(add_batch(std::span<const Record>(&record, 1),
                                   std::span<const int64_t>(&row, 1),
                                   std::span<InsertResult>(&result, 1)));
  return result;
}

}  // namespace

Result<InsertResult> RecordImport::AddBirth(const records::BirthRecord& birth, int64_t row) {
  return AddOne(birth, row, [this](auto records, auto rows, auto results) {
    return AddBirths(records, rows, results);
  });
}

Result<InsertResult> RecordImport::AddDeath(const records::DeathRecord& death, int64_t row) {
  return AddOne(death, row, [this](auto records, auto rows, auto results) {
    return AddDeaths(records, rows, results);
  });
}

Result<InsertResult> RecordImport::AddBooking(const records::BookingRecord& booking, int64_t row) {
  return AddOne(booking, row, [this](auto records, auto rows, auto results) {
    return AddBookings(records, rows, results);
  });
}

}  // namespace cradle::store
