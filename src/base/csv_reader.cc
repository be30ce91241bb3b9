#include "base/csv_reader.h"

#include <csv.h>

#include <cstring>

#include "base/strings.h"

namespace cradle {

struct CsvReader::Parser {
  csv_parser parser{};
  std::vector<std::string> record;
  std::deque<std::vector<std::string>>* out = nullptr;
  bool bom_checked = false;

  static void OnField(void* data, size_t len, void* self_ptr) {
    auto* self = static_cast<Parser*>(self_ptr);
    self->record.emplace_back(static_cast<const char*>(data), len);
  }
  static void OnRecordEnd(int /*terminator*/, void* self_ptr) {
    auto* self = static_cast<Parser*>(self_ptr);
    self->out->push_back(std::move(self->record));
    self->record.clear();
  }
};

CsvReader::~CsvReader() {
  if (parser_) csv_free(&parser_->parser);
  if (file_) std::fclose(file_);
}

Result<std::unique_ptr<CsvReader>> CsvReader::Open(const std::string& path) {
  std::unique_ptr<CsvReader> reader(new CsvReader());
  reader->path_ = path;
  reader->file_ = std::fopen(path.c_str(), "rb");
  if (reader->file_ == nullptr) {
    return Status::IoError(path + ": cannot open file: " + std::strerror(errno));
  }
  reader->parser_ = std::make_unique<Parser>();
  reader->parser_->out = &reader->pending_;
  if (csv_init(&reader->parser_->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return Status::Internal("libcsv could not initialise");
  }
  // libcsv grows a field's buffer by this much at a time (128 bytes by
  // default), so a multi-megabyte field would be copied thousands of times.
  csv_set_blk_size(&reader->parser_->parser, 1 << 20);
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

Status CsvReader::Fill() {
  char buffer[1 << 16];
  while (pending_.empty() && !eof_) {
    size_t got = std::fread(buffer, 1, sizeof buffer, file_);
    const char* start = buffer;
    if (!parser_->bom_checked) {
      parser_->bom_checked = true;
      if (got >= 3 && std::memcmp(buffer, "\xEF\xBB\xBF", 3) == 0) {
        start += 3;
        got -= 3;
      }
    }
    bytes_read_ += static_cast<int64_t>(got);
    if (got > 0) {
      size_t used = csv_parse(&parser_->parser, start, got, Parser::OnField, Parser::OnRecordEnd,
                              parser_.get());
      if (used != got) {
        eof_ = true;
        deferred_ =
            RowError{rows_read_ + static_cast<int64_t>(pending_.size()) + 1,
                     std::string("malformed CSV (") + csv_strerror(csv_error(&parser_->parser)) +
                         "): check the quotes of this row",
                     false};
        return Status::Ok();
      }
    }
    if (std::ferror(file_)) return Status::IoError(path_ + ": read failed");
    if (std::feof(file_)) {
      eof_ = true;
      if (csv_fini(&parser_->parser, Parser::OnField, Parser::OnRecordEnd, parser_.get()) != 0) {
        deferred_ = RowError{rows_read_ + static_cast<int64_t>(pending_.size()) + 1,
                             "malformed CSV (an unterminated quoted field)", false};
      }
    }
  }
  return Status::Ok();
}

Status CsvReader::Fail(RowError error) {
  last_error_ = std::move(error);
  if (!last_error_.recoverable) failed_ = true;
  return Status::InvalidData(path_ + ": row " + std::to_string(last_error_.row) + ": " +
                             last_error_.reason);
}

Result<std::optional<CsvRow>> CsvReader::Next() {
  if (failed_) return std::optional<CsvRow>();
  CRADLE_RETURN_IF_ERROR(Fill());
  if (pending_.empty()) {
    if (deferred_) {
      RowError error = *deferred_;
      deferred_.reset();
      return Fail(std::move(error));
    }
    return std::optional<CsvRow>();
  }
  CsvRow row;
  row.fields = std::move(pending_.front());
  pending_.pop_front();
  row.row_number = ++rows_read_;
  if (!header_.empty() && row.fields.size() != header_.size()) {
    return Fail({row.row_number,
                 "has " + std::to_string(row.fields.size()) + " fields but the header has " +
                     std::to_string(header_.size()),
                 true});
  }
  return std::optional<CsvRow>(std::move(row));
}

}  // namespace cradle
