#include "imports/row_batches.h"

#include <pthread.h>

#include <utility>

namespace cradle::imports {

using records::RecordKind;

void RowBatch::Clear() {
  rows.clear();
  births.clear();
  deaths.clear();
  bookings.clear();
  record_rows.clear();
  errors.clear();
  bytes_read = 0;
  status = Status::Ok();
}

RowBatchReader::RowBatchReader(std::unique_ptr<CsvReader> csv, records::RowParser parser,
                               records::ParseContext context, Options options)
    : csv_(std::move(csv)),
      parser_(std::move(parser)),
      context_(context),
      options_(options),
      full_(options.batches_ahead),
      // Room for every batch that can exist at once: those queued, the one
      // being filled and the one the consumer holds.
      free_(options.batches_ahead + 2) {
  thread_ = std::thread([this] {
    // Named for top -H and perf: "which thread is busy" is the first question.
    pthread_setname_np(pthread_self(), "cradle-parse");
    Run();
  });
}

RowBatchReader::~RowBatchReader() {
  // Wakes the reading thread if it waits for room, and makes it stop at its
  // next batch.
  full_.Close();
  free_.Close();
  thread_.join();
}

std::unique_ptr<RowBatch> RowBatchReader::Next() {
  std::optional<std::unique_ptr<RowBatch>> batch = full_.Pop();
  return batch ? std::move(*batch) : nullptr;
}

void RowBatchReader::Recycle(std::unique_ptr<RowBatch> batch) {
  // Never waits: a batch beyond what the reader can reuse is just freed.
  free_.TryPush(std::move(batch));
}

void RowBatchReader::Run() {
  while (true) {
    std::optional<std::unique_ptr<RowBatch>> recycled = free_.TryPop();
    std::unique_ptr<RowBatch> batch =
        recycled ? std::move(*recycled) : std::make_unique<RowBatch>();
    batch->Clear();
    const bool more = Fill(*batch);
    batch->bytes_read = csv_->bytes_read();
    if (!full_.Push(std::move(batch)) || !more) break;
  }
  full_.Close();  // the consumer takes what is queued, then sees the end
}

bool RowBatchReader::Fill(RowBatch& batch) {
  while (batch.rows.size() < options_.rows_per_batch) {
    Result<std::optional<CsvRowView>> next = csv_->NextView();
    if (!next.ok()) {
      if (next.status().code() != StatusCode::kInvalidData) {
        batch.status = next.status();
        return false;
      }
      // A record the CSV does not allow: reported like a field error, so
      // nothing is lost and --skip-invalid can go on where the CSV allows it.
      const CsvReader::RowError& error = csv_->last_error();
      batch.rows.push_back(
          {error.row, RowBatch::Entry::kBrokenCsv, static_cast<uint32_t>(batch.errors.size()), 1});
      batch.errors.push_back({error.row, "", error.reason});
      if (!error.recoverable) return false;
      continue;
    }
    if (!next->has_value()) return false;
    const CsvRowView& row = **next;
    const size_t errors_before = batch.errors.size();
    bool valid = false;
    switch (parser_.kind()) {
      case RecordKind::kBirths:
        if (auto birth = parser_.ParseBirth(row.row_number, row.fields, context_, &batch.errors)) {
          batch.births.push_back(std::move(*birth));
          valid = true;
        }
        break;
      case RecordKind::kDeaths:
        if (auto death = parser_.ParseDeath(row.row_number, row.fields, context_, &batch.errors)) {
          batch.deaths.push_back(std::move(*death));
          valid = true;
        }
        break;
      case RecordKind::kBookings:
        if (auto booking =
                parser_.ParseBooking(row.row_number, row.fields, context_, &batch.errors)) {
          batch.bookings.push_back(std::move(*booking));
          valid = true;
        }
        break;
    }
    if (valid) {
      batch.rows.push_back({row.row_number, RowBatch::Entry::kRecord,
                            static_cast<uint32_t>(batch.record_rows.size()), 0});
      batch.record_rows.push_back(row.row_number);
    } else {
      batch.rows.push_back({row.row_number, RowBatch::Entry::kFieldErrors,
                            static_cast<uint32_t>(errors_before),
                            static_cast<uint32_t>(batch.errors.size() - errors_before)});
    }
  }
  return true;
}

}  // namespace cradle::imports
