#include "imports/importer.h"

#include <filesystem>
#include <fstream>
#include <unordered_set>

#include "base/csv_reader.h"
#include "base/csv_writer.h"
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

class RowImporter {
 public:
  RowImporter(RecordKind kind, const records::RowParser& parser,
              const records::ParseContext& context, store::RecordImport& import)
      : kind_(kind), parser_(parser), context_(context), import_(import) {}

  // Validates and adds one row; appends its errors. false if it was refused.
  Result<bool> Add(const CsvRow& row, std::vector<FieldError>* errors,
                   store::ImportCounts* counts) {
    size_t before = errors->size();
    std::optional<store::InsertResult> result;
    std::string id, id_column;
    switch (kind_) {
      case RecordKind::kBirths: {
        auto birth = parser_.ParseBirth(row.row_number, row.fields, context_, errors);
        if (!birth) return false;
        id = birth->birth_id;
        id_column = "birth_id";
        CRADLE_ASSIGN_OR_RETURN(result, import_.AddBirth(*birth, row.row_number));
        break;
      }
      case RecordKind::kDeaths: {
        auto death = parser_.ParseDeath(row.row_number, row.fields, context_, errors);
        if (!death) return false;
        id = death->birth_id;
        id_column = "birth_id";
        CRADLE_ASSIGN_OR_RETURN(auto born, import_.BirthDate(death->birth_id));
        if (!born) {
          errors->push_back(
              {row.row_number, "birth_id",
               "'" + death->birth_id + "' matches no birth in the store; import the births first"});
          return false;
        }
        int days = death->date_of_death - *born;
        if (days < 0) {
          errors->push_back({row.row_number, "date_of_death",
                             "'" + death->date_of_death.ToString() +
                                 "' is before the date of birth (" + born->ToString() + ")"});
        } else if (days > 364) {
          errors->push_back({row.row_number, "date_of_death",
                             "'" + death->date_of_death.ToString() + "' is " +
                                 std::to_string(days) + " days after the birth (" +
                                 born->ToString() + "): not an infant death"});
        } else if (days != death->age_at_death_days) {
          errors->push_back({row.row_number, "age_at_death_days",
                             "'" + std::to_string(death->age_at_death_days) +
                                 "' disagrees with the dates: " + death->date_of_death.ToString() +
                                 " is " + std::to_string(days) + " days after the birth (" +
                                 born->ToString() + ")"});
        }
        if (errors->size() > before) return false;
        CRADLE_ASSIGN_OR_RETURN(result, import_.AddDeath(*death, row.row_number));
        break;
      }
      case RecordKind::kBookings: {
        auto booking = parser_.ParseBooking(row.row_number, row.fields, context_, errors);
        if (!booking) return false;
        id = booking->pregnancy_id;
        id_column = "pregnancy_id";
        CRADLE_ASSIGN_OR_RETURN(result, import_.AddBooking(*booking, row.row_number));
        break;
      }
    }
    switch (result->outcome) {
      case store::InsertOutcome::kInserted:
        ++counts->inserted;
        return true;
      case store::InsertOutcome::kUnchanged:
        ++counts->unchanged;
        return true;
      default:
        errors->push_back({row.row_number, id_column, DuplicateReason(*result, id)});
        return false;
    }
  }

 private:
  RecordKind kind_;
  const records::RowParser& parser_;
  const records::ParseContext& context_;
  store::RecordImport& import_;
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
  records::ParseContext context{&lsoas, options.today};
  // The log records the file's size; the rows themselves make a re-import a no-op.
  CRADLE_ASSIGN_OR_RETURN(auto import,
                          store.BeginImport(kind, path, "bytes:" + std::to_string(total)));

  std::ofstream rejects;
  if (options.skip_invalid && !options.rejects_path.empty()) {
    rejects.open(options.rejects_path, std::ios::binary | std::ios::trunc);
    if (!rejects) return Status::IoError(options.rejects_path + ": cannot write the rejects file");
    WriteCsvRow(rejects, {"file", "row", "column", "reason"});
  }

  RowImporter importer(kind, parser, context, *import);
  std::vector<FieldError> row_errors;
  auto report_progress = [&] {
    if (options.on_progress) {
      options.on_progress({csv->bytes_read(), size_error ? 0 : total, report.counts.rows_read});
    }
  };
  bool any_row = false;
  while (true) {
    auto next = csv->Next();
    if (!next.ok()) {
      // A malformed record (a ragged row, an unterminated quote): reported
      // like a field error so nothing is lost and --skip-invalid can go on
      // where the CSV allows it.
      const CsvReader::RowError& error = csv->last_error();
      ++report.error_count;
      ++report.rows_with_errors;
      ++report.counts.rejected;
      if (report.errors.size() < options.max_reported) {
        report.errors.push_back({error.row, "", error.reason});
      }
      if (rejects.is_open()) {
        WriteCsvRow(rejects, {path, std::to_string(error.row), "", error.reason});
      }
      if (!error.recoverable) break;
      continue;
    }
    if (!next->has_value()) break;
    any_row = true;
    const CsvRow& row = **next;
    ++report.counts.rows_read;
    row_errors.clear();
    CRADLE_ASSIGN_OR_RETURN(bool accepted, importer.Add(row, &row_errors, &report.counts));
    if (!accepted) {
      ++report.rows_with_errors;
      ++report.counts.rejected;
      report.error_count += static_cast<int64_t>(row_errors.size());
      for (const FieldError& error : row_errors) {
        if (report.errors.size() < options.max_reported) report.errors.push_back(error);
        if (rejects.is_open()) {
          WriteCsvRow(rejects, {path, std::to_string(error.row), error.column, error.reason});
        }
      }
    }
    if (report.counts.rows_read % kProgressEvery == 0) report_progress();
  }
  report_progress();
  if (!any_row && report.error_count == 0) {
    return Status::InvalidData(path +
                               ": row 2: the file has a header but no rows; nothing was "
                               "imported");
  }

  if (report.error_count > 0 && !options.skip_invalid) {
    std::string message = std::to_string(report.error_count) + " error" +
                          (report.error_count == 1 ? "" : "s") + " in " +
                          std::to_string(report.rows_with_errors) + " of " +
                          std::to_string(report.counts.rows_read) + " rows of " + path +
                          "; nothing was imported (use --skip-invalid to import the valid rows "
                          "and write the rest to a rejects file):";
    for (const FieldError& error : report.errors) {
      message += "\n  " + records::FormatFieldError(path, error);
    }
    if (report.error_count > static_cast<int64_t>(report.errors.size())) {
      message += "\n  … and " +
                 std::to_string(report.error_count - static_cast<int64_t>(report.errors.size())) +
                 " more";
    }
    return Status::InvalidData(message);
  }
  CRADLE_RETURN_IF_ERROR(import->Commit(report.counts));
  return report;
}

}  // namespace cradle::imports
