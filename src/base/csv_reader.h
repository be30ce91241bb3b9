// Streams a comma-separated file with a header row (RFC 4180: quoted fields,
// doubled quotes, CRLF or LF) one row at a time, so memory does not grow with
// the file. Parsing is libcsv's; this class adds the header, column lookup by
// name, row numbers as a spreadsheet shows them (the header is row 1) and
// errors that name the file and row.
#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace cradle {

struct CsvRow {
  int64_t row_number = 0;  // 2 for the first row after the header
  std::vector<std::string> fields;
};

class CsvReader {
 public:
  // Opens `path` and reads its header. IoError if the file cannot be opened,
  // InvalidData if it is empty or its header is malformed or has a repeated or
  // empty column name. A UTF-8 byte-order mark is skipped.
  static Result<std::unique_ptr<CsvReader>> Open(const std::string& path);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  const std::string& path() const { return path_; }
  const std::vector<std::string>& header() const { return header_; }

  // Index of the column called `name` (exact match after trimming spaces).
  std::optional<size_t> ColumnIndex(std::string_view name) const;

  // Index of `name` or InvalidData naming the file and the missing column.
  Result<size_t> RequireColumn(std::string_view name) const;

  // The next row, std::nullopt at the end of the file, or InvalidData naming
  // the file and row if the CSV is malformed (an unterminated quote, say) or
  // the row has a different number of fields from the header.
  Result<std::optional<CsvRow>> Next();

  // After Next() failed: the row and the reason (without the file name), and
  // whether reading can go on (a row with the wrong number of fields) or not
  // (the CSV itself is broken from there on).
  struct RowError {
    int64_t row = 0;
    std::string reason;
    bool recoverable = false;
  };
  const RowError& last_error() const { return last_error_; }

  // Bytes of the file read so far, for a progress bar.
  int64_t bytes_read() const { return bytes_read_; }

 private:
  CsvReader() = default;
  Status Fill();  // parses the next chunk into pending_

  struct Parser;
  std::string path_;
  std::FILE* file_ = nullptr;
  std::unique_ptr<Parser> parser_;
  std::vector<std::string> header_;
  std::deque<std::vector<std::string>> pending_;
  int64_t rows_read_ = 0;  // records handed out, header included
  bool eof_ = false;
  std::optional<RowError> deferred_;  // met after rows still to be handed out
  RowError last_error_;
  bool failed_ = false;  // a broken CSV: nothing more is read
  int64_t bytes_read_ = 0;
  Status Fail(RowError error);
};

}  // namespace cradle
