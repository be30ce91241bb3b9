// Imports one record-level CSV extract (births, deaths or bookings) into the
// store: streams the file row by row (memory does not grow with its size),
// validates every field (records/row_parser.h) and the rules that need other
// rows or the store — duplicate ids, a death that points to no birth, a death
// before its birth, an age at death that disagrees with the dates — and writes
// in one transaction. By default any error leaves the store unchanged; with
// skip_invalid the valid rows land and every rejected row is written to a
// rejects CSV with file, row, column and reason. Importing the same file
// twice changes nothing.
//
// Reading and checking fields runs on a second thread (row_batches.h), a few
// thousand rows ahead of the database writes, which stay on the caller's
// thread; progress is reported on the caller's thread too.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/result.h"
#include "records/record_types.h"
#include "store/store.h"

namespace cradle::imports {

struct Progress {
  int64_t bytes_read = 0;
  int64_t bytes_total = 0;
  int64_t rows = 0;
};

struct ImportOptions {
  bool skip_invalid = false;
  std::string rejects_path;  // with skip_invalid: where rejected rows are written
  records::Date today;       // records dated after it are refused
  size_t max_reported = 20;  // errors listed in the message; all are counted
  std::function<void(const Progress&)> on_progress;  // called every 65,536 rows and at the end
};

struct ImportReport {
  std::string file;
  store::ImportCounts counts;
  std::vector<records::FieldError> errors;  // the first max_reported
  int64_t error_count = 0;
  int64_t rows_with_errors = 0;
};

// Imports `path` as `kind`. Without skip_invalid, InvalidData (nothing
// written) if any row has an error, its message listing the first errors as
// "FILE: row N, column 'C': reason" and how many there were; IoError or
// InvalidData for a file that cannot be read or whose header is wrong.
Result<ImportReport> ImportFile(store::Store& store, records::RecordKind kind,
                                const std::string& path, const ImportOptions& options);

}  // namespace cradle::imports
