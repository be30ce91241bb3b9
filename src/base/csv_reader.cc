#include "base/csv_reader.h"

#include <array>
#include <cerrno>
#include <cstring>

#include "base/strings.h"

namespace cradle {
namespace {

// The first read is this big; the buffer doubles when one record needs more.
constexpr size_t kInitialBuffer = 1 << 20;
// Reads are at least this big, so a long file is read in few calls.
constexpr size_t kMinRead = 1 << 18;

// Bytes that end the fast scan of an unquoted field.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : {',', '"', '\r', '\n', ' ', '\t'}) table[c] = true;
  return table;
}();

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsLineEnd(char c) { return c == '\r' || c == '\n'; }

// The wording of libcsv's errors, which the reader's messages have always used.
constexpr const char* kBadQuoteReason =
    "malformed CSV (error parsing data while strict checking enabled): check the quotes of this "
    "row";
constexpr const char* kUnterminatedReason = "malformed CSV (an unterminated quoted field)";

}  // namespace

CsvReader::~CsvReader() {
  if (file_) std::fclose(file_);
}

Result<std::unique_ptr<CsvReader>> CsvReader::Open(const std::string& path) {
  std::unique_ptr<CsvReader> reader(new CsvReader());
  reader->path_ = path;
  reader->file_ = std::fopen(path.c_str(), "rb");
  if (reader->file_ == nullptr) {
    return Status::IoError(path + ": cannot open file: " + std::strerror(errno));
  }
  // Not zero-filled: only bytes read are ever looked at.
  reader->buffer_.reset(new char[kInitialBuffer]);
  reader->capacity_ = kInitialBuffer;
  auto first = reader->Next();
  if (!first.ok()) return first.status();
  if (!first->has_value())
    return Status::InvalidData(path + ": the file is empty (a header row is required)");
  reader->header_ = std::move((*first)->fields);
  for (size_t idx = 0; idx < reader->header_.size(); ++idx) {
    std::string name(Trim(reader->header_[idx]));
    if (name.empty()) {
      return Status::InvalidData(path + ": header column " + std::to_string(idx + 1) +
                                 " has no name");
    }
    for (size_t prev = 0; prev < idx; ++prev) {
      if (reader->header_[prev] == name) {
        return Status::InvalidData(path + ": header names column '" + name + "' twice");
      }
    }
    reader->header_[idx] = name;
  }
  return reader;
}

std::optional<size_t> CsvReader::ColumnIndex(std::string_view name) const {
  for (size_t idx = 0; idx < header_.size(); ++idx) {
    if (header_[idx] == name) return idx;
  }
  return std::nullopt;
}

Result<size_t> CsvReader::RequireColumn(std::string_view name) const {
  if (auto idx = ColumnIndex(name)) return *idx;
  return Status::InvalidData(path_ + ": required column '" + std::string(name) +
                             "' is missing from the header");
}

Status CsvReader::Refill() {
  if (head_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + head_, tail_ - head_);
    tail_ -= head_;
    head_ = 0;
  }
  // A record longer than the buffer: grow it (memory follows the longest
  // record, never the file).
  if (capacity_ - tail_ < kMinRead) {
    std::unique_ptr<char[]> bigger(new char[capacity_ * 2]);
    std::memcpy(bigger.get(), buffer_.get(), tail_);
    buffer_ = std::move(bigger);
    capacity_ *= 2;
  }
  size_t got = std::fread(buffer_.get() + tail_, 1, capacity_ - tail_, file_);
  if (got == 0 && std::ferror(file_)) return Status::IoError(path_ + ": read failed");
  bytes_read_ += static_cast<int64_t>(got);
  tail_ += got;
  if (!bom_checked_) {
    bom_checked_ = true;
    if (tail_ >= 3 && std::memcmp(buffer_.get(), "\xEF\xBB\xBF", 3) == 0) head_ = 3;
  }
  if (got == 0 || std::feof(file_)) file_done_ = true;
  return Status::Ok();
}

// One record of libcsv's strict-mode state machine, from head_. Fields are
// recorded as spans and only unescaped once the record is complete, so a
// record cut by the end of the buffer can be scanned again after a refill.
CsvReader::Scan CsvReader::ScanRecord() {
  const char* buf = buffer_.get();
  const size_t end = tail_;
  const bool at_eof = file_done_;
  spans_.clear();
  // Before a record: spaces, tabs and line ends (blank lines) are skipped.
  size_t p = head_;
  while (p < end && (IsBlank(buf[p]) || IsLineEnd(buf[p]))) ++p;
  head_ = p;
  if (p == end) return at_eof ? Scan::kEnd : Scan::kNeedMore;
  auto finish = [&](size_t next) {
    next_head_ = next;
    return Scan::kRecord;
  };
  bool first_field = true;
  while (true) {
    // A field starts: leading spaces and tabs are dropped.
    if (!first_field) {
      while (p < end && IsBlank(buf[p])) ++p;
      if (p == end) {
        if (!at_eof) return Scan::kNeedMore;
        spans_.push_back({p, p, false});
        return finish(p);
      }
      if (IsLineEnd(buf[p])) {
        spans_.push_back({p, p, false});
        return finish(p + 1);
      }
    }
    first_field = false;
    if (buf[p] == ',') {
      spans_.push_back({p, p, false});
      ++p;
      continue;
    }
    if (buf[p] == '"') {
      const size_t content = p + 1;
      size_t q = content;
      bool unescape = false;
      while (true) {
        const void* hit = std::memchr(buf + q, '"', end - q);
        if (hit == nullptr) return at_eof ? Scan::kUnterminated : Scan::kNeedMore;
        q = static_cast<size_t>(static_cast<const char*>(hit) - buf);
        if (q + 1 == end) {
          if (!at_eof) return Scan::kNeedMore;
          break;
        }
        if (buf[q + 1] != '"') break;
        unescape = true;  // a doubled quote stands for one
        q += 2;
      }
      spans_.push_back({content, q, unescape});
      // After the closing quote: spaces and tabs, then a comma or a line end.
      p = q + 1;
      while (p < end && IsBlank(buf[p])) ++p;
      if (p == end) {
        if (!at_eof) return Scan::kNeedMore;
        return finish(p);
      }
      if (buf[p] == ',') {
        ++p;
        continue;
      }
      if (IsLineEnd(buf[p])) return finish(p + 1);
      return Scan::kBadQuote;
    }
    // Unquoted: runs to a comma or line end; trailing spaces and tabs are
    // dropped; a quote is an error.
    const size_t begin = p;
    size_t text_end = p;
    while (true) {
      const size_t run = p;
      while (p < end && !kSpecial[static_cast<unsigned char>(buf[p])]) ++p;
      if (p > run) text_end = p;
      if (p == end) {
        if (!at_eof) return Scan::kNeedMore;
        spans_.push_back({begin, text_end, false});
        return finish(p);
      }
      const char c = buf[p];
      if (IsBlank(c)) {
        ++p;
        continue;
      }
      if (c == '"') return Scan::kBadQuote;
      spans_.push_back({begin, text_end, false});
      if (c == ',') {
        ++p;
        break;
      }
      return finish(p + 1);  // a line end
    }
  }
}

void CsvReader::MakeViews() {
  char* buf = buffer_.get();
  views_.clear();
  for (Span& span : spans_) {
    if (span.unescape) {
      size_t out = span.begin;
      for (size_t in = span.begin; in < span.end; ++in) {
        buf[out++] = buf[in];
        if (buf[in] == '"') ++in;  // skip the second of a doubled quote
      }
      span.end = out;
    }
    views_.emplace_back(buf + span.begin, span.end - span.begin);
  }
}

Status CsvReader::Fail(RowError error) {
  last_error_ = std::move(error);
  if (!last_error_.recoverable) failed_ = true;
  return Status::InvalidData(path_ + ": row " + std::to_string(last_error_.row) + ": " +
                             last_error_.reason);
}

Result<std::optional<CsvRowView>> CsvReader::NextView() {
  if (failed_) return std::optional<CsvRowView>();
  while (true) {
    Scan scan = ScanRecord();
    switch (scan) {
      case Scan::kNeedMore:
        CRADLE_RETURN_IF_ERROR(Refill());
        continue;
      case Scan::kEnd:
        return std::optional<CsvRowView>();
      case Scan::kBadQuote:
        return Fail({rows_read_ + 1, kBadQuoteReason, false});
      case Scan::kUnterminated:
        return Fail({rows_read_ + 1, kUnterminatedReason, false});
      case Scan::kRecord:
        break;
    }
    break;
  }
  MakeViews();
  head_ = next_head_;
  CsvRowView row{++rows_read_, views_};
  if (!header_.empty() && row.fields.size() != header_.size()) {
    return Fail({row.row_number,
                 "has " + std::to_string(row.fields.size()) + " fields but the header has " +
                     std::to_string(header_.size()),
                 true});
  }
  return std::optional<CsvRowView>(row);
}

Result<std::optional<CsvRow>> CsvReader::Next() {
  CRADLE_ASSIGN_OR_RETURN(std::optional<CsvRowView> view, NextView());
  if (!view) return std::optional<CsvRow>();
  CsvRow row;
  row.row_number = view->row_number;
  row.fields.assign(view->fields.begin(), view->fields.end());
  return std::optional<CsvRow>(std::move(row));
}

}  // namespace cradle
