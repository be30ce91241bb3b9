// The first stage of an import: reads an extract and checks every field of
// every row (records/row_parser.h) on a thread of its own, handing the rows
// on in file order, in batches, through a bounded queue. Parsing thus runs
// alongside the database writes (on a second core), and memory stays flat
// whatever the file's size: the reading thread is never more than
// `batches_ahead` batches ahead of the consumer. Rules that need the store
// (duplicates, a death's birth) are the consumer's.
#pragma once

#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

#include "base/bounded_queue.h"
#include "base/csv_reader.h"
#include "base/status.h"
#include "records/row_parser.h"

namespace cradle::imports {

// Consecutive rows of one extract, in file order.
struct RowBatch {
  enum class Entry : uint8_t {
    kRecord,       // valid: its record is births/deaths/bookings[index]
    kFieldErrors,  // refused: errors[index, index + error_count) say why
    kBrokenCsv,    // not a row the CSV allows (ragged, bad quotes): errors[index]
  };
  struct Row {
    int64_t row_number = 0;
    Entry entry = Entry::kRecord;
    uint32_t index = 0;
    uint32_t error_count = 0;
  };

  std::vector<Row> rows;
  // The valid records of the batch's kind, in file order; record_rows[i] is
  // the file row of record i.
  std::vector<records::BirthRecord> births;
  std::vector<records::DeathRecord> deaths;
  std::vector<records::BookingRecord> bookings;
  std::vector<int64_t> record_rows;
  std::vector<records::FieldError> errors;
  int64_t bytes_read = 0;  // bytes of the file read when the batch was handed on
  Status status;           // not OK: the file could not be read; no batch follows

  // Empties the batch, keeping the vectors' memory for the next rows.
  void Clear();
};

class RowBatchReader {
 public:
  struct Options {
    size_t rows_per_batch = 4096;
    size_t batches_ahead = 4;
  };

  // Starts reading `csv`, positioned after its header, on a new thread.
  // REQUIRES: `parser` was made for csv's header; what `context` points to
  // outlives the reader.
  RowBatchReader(std::unique_ptr<CsvReader> csv, records::RowParser parser,
                 records::ParseContext context, Options options);
  // Stops the reading thread if it is still going, and waits for it.
  ~RowBatchReader();
  RowBatchReader(const RowBatchReader&) = delete;
  RowBatchReader& operator=(const RowBatchReader&) = delete;

  // The next batch in file order, waiting for it; null after the last. A
  // batch whose status is not OK is the last.
  std::unique_ptr<RowBatch> Next();

  // Gives a batch back to be filled again, saving its allocations.
  void Recycle(std::unique_ptr<RowBatch> batch);

 private:
  void Run();                  // the reading thread
  bool Fill(RowBatch& batch);  // false when the file has no more rows

  std::unique_ptr<CsvReader> csv_;
  const records::RowParser parser_;
  const records::ParseContext context_;
  const Options options_;
  BoundedQueue<std::unique_ptr<RowBatch>> full_;
  BoundedQueue<std::unique_ptr<RowBatch>> free_;
  std::thread thread_;
};

}  // namespace cradle::imports
