#include "imports/importer.h"

#include <filesystem>
#include <fstream>
#include <unordered_set>

#include "base/csv_reader.h"
#include "base/csv_writer.h"
#include "imports/refusal.h"
#include "imports/row_batches.h"
#include "records/row_parser.h"

namespace cradle::imports {
namespace {

using records::FieldError;
using records::RecordKind;

constexpr int64_t kProgressEvery = 65536;

// The LSOAs the store knows (about 200 for Leicester; 35,000 for England at
// most), for the code check.
Result<std::unordered_set<std::string>> KnownLsoas(store::Store& store) {
  CRADLE_ASSIGN_OR_RETURN(auto areas, store.Areas());
  std::unordered_set<std::string> lsoas;
  for (const store::Area& area : areas) {
    if (area.type == "LSOA") lsoas.insert(area.code);
  }
  return lsoas;
}

std::string DuplicateReason(const store::InsertResult& result, const std::string& id) {
  switch (result.outcome) {
    case store::InsertOutcome::kDuplicateInImport:
      return "'" + id + "' appears twice in the file (first at row " +
             std::to_string(result.first_row) + ")";
    case store::InsertOutcome::kConflict:
      return "'" + id + "' is already in the store with different values (from row " +
             std::to_string(result.first_row) + " of an earlier import)";
    default:
      return "";
  }
}

// Death rows that are valid on their own are checked against their birth:
// one must be stored, the death must fall in its first year and the age at
// death must agree with the dates. Appends the errors; false if any.
Result<bool> CheckAgainstBirth(store::RecordImport& import, const records::DeathRecord& death,
                               int64_t row, std::vector<FieldError>* errors) {
  CRADLE_ASSIGN_OR_RETURN(auto born, import.BirthDate(death.birth_id));
  if (!born) {
    errors->push_back(
        {row, "birth_id",
         "'" + death.birth_id + "' matches no birth in the store; import the births first"});
    return false;
  }
  int days = death.date_of_death - *born;
  if (days < 0) {
    errors->push_back({row, "date_of_death",
                       "'" + death.date_of_death.ToString() + "' is before the date of birth (" +
                           born->ToString() + ")"});
  } else if (days > 364) {
    errors->push_back({row, "date_of_death",
                       "'" + death.date_of_death.ToString() + "' is " + std::to_string(days) +
                           " days after the birth (" + born->ToString() +
                           "): not an infant death"});
  } else if (days != death.age_at_death_days) {
    errors->push_back({row, "age_at_death_days",
                       "'" + std::to_string(death.age_at_death_days) +
                           "' disagrees with the dates: " + death.date_of_death.ToString() +
                           " is " + std::to_string(days) + " days after the birth (" +
                           born->ToString() + ")"});
  } else {
    return true;
  }
  return false;
}

// The second stage of an import, on the caller's thread: writes each batch's
// valid records to the store, in file order, and keeps the report: counts,
// the first errors, the rejects file and progress.
class BatchWriter {
 public:
  BatchWriter(RecordKind kind, const std::string& path, int64_t bytes_total,
              const ImportOptions& options, store::RecordImport& import, std::ofstream& rejects,
              ImportReport& report)
      : kind_(kind),
        path_(path),
        bytes_total_(bytes_total),
        options_(options),
        import_(import),
        rejects_(rejects),
        report_(report) {}

  Status Write(RowBatch& batch) {
    switch (kind_) {
      case RecordKind::kBirths:
        results_.resize(batch.births.size());
        CRADLE_RETURN_IF_ERROR(import_.AddBirths(batch.births, batch.record_rows, results_));
        break;
      case RecordKind::kBookings:
        results_.resize(batch.bookings.size());
        CRADLE_RETURN_IF_ERROR(import_.AddBookings(batch.bookings, batch.record_rows, results_));
        break;
      case RecordKind::kDeaths:
        CRADLE_RETURN_IF_ERROR(WriteDeaths(batch));
        break;
    }
    for (const RowBatch::Row& row : batch.rows) {
      if (row.entry == RowBatch::Entry::kBrokenCsv) {
        ++report_.rows_with_errors;
        ++report_.counts.rejected;
        Reject(batch.errors[row.index]);
        continue;
      }
      any_row_ = true;
      ++report_.counts.rows_read;
      if (row.entry == RowBatch::Entry::kFieldErrors) {
        ++report_.rows_with_errors;
        ++report_.counts.rejected;
        for (uint32_t idx = 0; idx < row.error_count; ++idx) Reject(batch.errors[row.index + idx]);
      } else {
        const store::InsertResult& result = results_[row.index];
        switch (result.outcome) {
          case store::InsertOutcome::kInserted:
            ++report_.counts.inserted;
            break;
          case store::InsertOutcome::kUnchanged:
            ++report_.counts.unchanged;
            break;
          default:
            ++report_.rows_with_errors;
            ++report_.counts.rejected;
            Reject({row.row_number, IdColumn(), DuplicateReason(result, Id(batch, row.index))});
        }
      }
      if (report_.counts.rows_read % kProgressEvery == 0) ReportProgress(batch.bytes_read);
    }
    bytes_read_ = batch.bytes_read;
    return Status::Ok();
  }

  // After the last batch.
  void ReportProgress() { ReportProgress(bytes_read_); }
  bool any_row() const { return any_row_; }

 private:
  // Checks each death against its birth first: a death that fails becomes a
  // refused row of the batch; the others are written together.
  Status WriteDeaths(RowBatch& batch) {
    deaths_.clear();
    death_rows_.clear();
    for (RowBatch::Row& row : batch.rows) {
      if (row.entry != RowBatch::Entry::kRecord) continue;
      records::DeathRecord& death = batch.deaths[row.index];
      const size_t errors_before = batch.errors.size();
      CRADLE_ASSIGN_OR_RETURN(bool valid,
                              CheckAgainstBirth(import_, death, row.row_number, &batch.errors));
      if (valid) {
        row.index = static_cast<uint32_t>(deaths_.size());
        deaths_.push_back(std::move(death));
        death_rows_.push_back(row.row_number);
      } else {
        row.entry = RowBatch::Entry::kFieldErrors;
        row.index = static_cast<uint32_t>(errors_before);
        row.error_count = static_cast<uint32_t>(batch.errors.size() - errors_before);
      }
    }
    batch.deaths.swap(deaths_);  // the record of row.index is now batch.deaths[row.index]
    results_.resize(batch.deaths.size());
    return import_.AddDeaths(batch.deaths, death_rows_, results_);
  }

  const char* IdColumn() const {
    return kind_ == RecordKind::kBookings ? "pregnancy_id" : "birth_id";
  }

  const std::string& Id(const RowBatch& batch, uint32_t index) const {
    switch (kind_) {
      case RecordKind::kBirths:
        return batch.births[index].birth_id;
      case RecordKind::kDeaths:
        return batch.deaths[index].birth_id;
      case RecordKind::kBookings:
        break;
    }
    return batch.bookings[index].pregnancy_id;
  }

  void Reject(const FieldError& error) {
    ++report_.error_count;
    if (report_.errors.size() < options_.max_reported) report_.errors.push_back(error);
    if (rejects_.is_open()) {
      WriteCsvRow(rejects_, {path_, std::to_string(error.row), error.column, error.reason});
    }
  }

  void ReportProgress(int64_t bytes_read) {
    if (options_.on_progress) {
      options_.on_progress({bytes_read, bytes_total_, report_.counts.rows_read});
    }
  }

  const RecordKind kind_;
  const std::string& path_;
  const int64_t bytes_total_;
  const ImportOptions& options_;
  store::RecordImport& import_;
  std::ofstream& rejects_;
  ImportReport& report_;
  std::vector<store::InsertResult> results_;
  std::vector<records::DeathRecord> deaths_;
  std::vector<int64_t> death_rows_;
  int64_t bytes_read_ = 0;
  bool any_row_ = false;
};

}  // namespace

Result<ImportReport> ImportFile(store::Store& store, RecordKind kind, const std::string& path,
                                const ImportOptions& options) {
  ImportReport report;
  report.file = path;
  std::error_code size_error;
  int64_t total = static_cast<int64_t>(std::filesystem::file_size(path, size_error));
  CRADLE_ASSIGN_OR_RETURN(auto csv, CsvReader::Open(path));
  CRADLE_ASSIGN_OR_RETURN(auto parser, records::RowParser::ForHeader(kind, csv->header(), path));
  CRADLE_ASSIGN_OR_RETURN(auto lsoas, KnownLsoas(store));
  const records::LsoaSet lsoa_set(lsoas);
  records::ParseContext context{&lsoas, options.today, &lsoa_set};
  // The log records the file's size; the rows themselves make a re-import a no-op.
  CRADLE_ASSIGN_OR_RETURN(auto import,
                          store.BeginImport(kind, path, "bytes:" + std::to_string(total)));

  std::ofstream rejects;
  if (options.skip_invalid && !options.rejects_path.empty()) {
    rejects.open(options.rejects_path, std::ios::binary | std::ios::trunc);
    if (!rejects) return Status::IoError(options.rejects_path + ": cannot write the rejects file");
    WriteCsvRow(rejects, {"file", "row", "column", "reason"});
  }

  // Parsing and checking fields runs on a second thread, batches ahead of
  // the writes; the store is only ever used from this one.
  BatchWriter writer(kind, path, size_error ? 0 : total, options, *import, rejects, report);
  {
    RowBatchReader reader(std::move(csv), std::move(parser), context, {});
    while (std::unique_ptr<RowBatch> batch = reader.Next()) {
      CRADLE_RETURN_IF_ERROR(batch->status);
      CRADLE_RETURN_IF_ERROR(writer.Write(*batch));
      reader.Recycle(std::move(batch));
    }
  }
  writer.ReportProgress();
  if (!writer.any_row() && report.error_count == 0) {
    return Status::InvalidData(path +
                               ": row 2: the file has a header but no rows; nothing was "
                               "imported");
  }

  if (report.error_count > 0 && !options.skip_invalid) {
    std::string message = RefusalMessage(
        path, {report.errors, report.error_count, report.rows_with_errors, report.counts.rows_read},
        " (use --skip-invalid to import the valid rows and write the rest to a rejects file)");
    return Status::InvalidData(message);
  }
  CRADLE_RETURN_IF_ERROR(import->Commit(report.counts));
  return report;
}

}  // namespace cradle::imports
