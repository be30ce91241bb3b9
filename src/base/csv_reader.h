// Streams a comma-separated file with a header row (RFC 4180: quoted fields,
// doubled quotes, CRLF or LF) one row at a time, so memory does not grow with
// the file: only with its longest row. The dialect is libcsv's strict mode,
// which this reader used to call and still matches byte for byte (the tests
// compare the two): a UTF-8 byte-order mark is skipped; spaces and tabs
// around a field are dropped unless quoted; blank lines are skipped; a quote
// inside an unquoted field, or text after a closing quote, is an error. This
// class adds the header, column lookup by name, row numbers as a spreadsheet
// shows them (the header is row 1; a row is a record, so a quoted line break
// does not count) and errors that name the file and row.
//
// Rows come either as owned strings (Next) or, without any allocation per
// row, as views into the reader's buffer (NextView) for the importers.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace cradle {

struct CsvRow {
  int64_t row_number = 0;  // 2 for the first row after the header
  std::vector<std::string> fields;
};

// A row whose fields point into the reader's buffer: valid until the next
// call to Next or NextView on the same reader.
struct CsvRowView {
  int64_t row_number = 0;
  std::span<const std::string_view> fields;
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
  // the row has a different number of fields from the header (last_error()
  // says which). IoError if the file cannot be read.
  Result<std::optional<CsvRow>> Next();

  // As Next, with the fields as views into the reader's buffer.
  Result<std::optional<CsvRowView>> NextView();

  // After Next() failed with InvalidData: the row and the reason (without the
  // file name), and whether reading can go on (a row with the wrong number of
  // fields) or not (the CSV itself is broken from there on).
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

  // Where a field lies in buffer_; `unescape` if it holds doubled quotes.
  struct Span {
    size_t begin = 0;
    size_t end = 0;
    bool unescape = false;
  };
  enum class Scan { kRecord, kNeedMore, kEnd, kBadQuote, kUnterminated };
  Scan ScanRecord();  // parses the record at head_ into spans_
  Status Refill();    // keeps the unparsed bytes and reads more after them
  void MakeViews();   // unescapes the fields of the record scanned and views them
  Status Fail(RowError error);

  std::string path_;
  std::FILE* file_ = nullptr;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t head_ = 0;       // start of the bytes not yet parsed
  size_t tail_ = 0;       // end of the bytes read
  size_t next_head_ = 0;  // after ScanRecord: where the following record starts
  bool file_done_ = false;
  bool bom_checked_ = false;
  std::vector<Span> spans_;
  std::vector<std::string_view> views_;
  std::vector<std::string> header_;
  int64_t rows_read_ = 0;  // records handed out, header included
  RowError last_error_;
  bool failed_ = false;  // a broken CSV: nothing more is read
  int64_t bytes_read_ = 0;
};

}  // namespace cradle
