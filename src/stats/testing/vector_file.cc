#include "stats/testing/vector_file.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "base/csv_reader.h"
#include "base/strings.h"

namespace cradle::stats::vectors {
namespace {

struct Counts {
  int passed = 0;
  int checked = 0;
  // Largest relative difference seen, by the tolerance it was checked against.
  std::map<double, double> worst_relative;
};

std::map<std::string, Counts>& Tallies() {
  static auto* tallies = new std::map<std::string, Counts>();
  return *tallies;
}

// Prints the per-file tally once every test has run.
class TallyPrinter : public ::testing::Environment {
 public:
  void TearDown() override {
    if (Tallies().empty()) return;
    std::printf(
        "stats reference vectors (rows passing / rows checked; largest relative difference):\n");
    for (const auto& [file, counts] : Tallies()) {
      std::printf("  %-40s %4d / %4d ", file.c_str(), counts.passed, counts.checked);
      for (const auto& [tolerance, worst] : counts.worst_relative) {
        std::printf("  %.2g (tolerance %g)", worst, tolerance);
      }
      std::printf("\n");
    }
  }
};

[[maybe_unused]] ::testing::Environment* const kTallyPrinter =
    ::testing::AddGlobalTestEnvironment(new TallyPrinter);

std::string FormatDouble(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

}  // namespace

VectorRow::VectorRow(std::string file, int64_t row_number,
                     std::map<std::string, std::string> fields)
    : file_(std::move(file)), row_number_(row_number), fields_(std::move(fields)) {}

const std::string& VectorRow::Text(std::string_view column) const {
  static const std::string kEmpty;
  auto it = fields_.find(std::string(column));
  if (it == fields_.end()) {
    ADD_FAILURE() << file_ << " row " << row_number_ << ": no column '" << column << "'";
    return kEmpty;
  }
  return it->second;
}

std::optional<double> VectorRow::Number(std::string_view column) const {
  const std::string& text = Text(column);
  if (text == "NA") return std::nullopt;
  std::optional<double> value = ParseDouble(text);
  if (!value) {
    ADD_FAILURE() << file_ << " row " << row_number_ << ": column '" << column << "' holds '"
                  << text << "', not a number";
    return std::nullopt;
  }
  return value;
}

double VectorRow::Required(std::string_view column) const {
  std::optional<double> value = Number(column);
  if (!value) {
    ADD_FAILURE() << file_ << " row " << row_number_ << ": column '" << column
                  << "' is NA but a number is required";
    return std::nan("");
  }
  return *value;
}

std::optional<bool> VectorRow::Bool(std::string_view column) const {
  const std::string& text = Text(column);
  if (text == "TRUE") return true;
  if (text == "FALSE") return false;
  if (text != "NA") {
    ADD_FAILURE() << file_ << " row " << row_number_ << ": column '" << column << "' holds '"
                  << text << "', not TRUE/FALSE/NA";
  }
  return std::nullopt;
}

Result<std::vector<VectorRow>> ReadVectorFile(const std::string& folder, const std::string& name,
                                              const SourceOf& source) {
  std::string path = std::string(CRADLE_TESTDATA_DIR) + "/" + folder + "/" + name;
  Result<std::unique_ptr<CsvReader>> reader = CsvReader::Open(path);
  if (!reader.ok()) return reader.status();
  std::string label = folder == "stats" ? name : folder + "/" + name;
  std::vector<VectorRow> rows;
  while (true) {
    Result<std::optional<CsvRow>> row = (*reader)->Next();
    if (!row.ok()) return row.status();
    if (!row->has_value()) break;
    std::map<std::string, std::string> fields;
    for (size_t idx = 0; idx < (*reader)->header().size(); ++idx) {
      fields[(*reader)->header()[idx]] = (**row).fields[idx];
    }
    if (source && !fields.contains("source")) fields["source"] = source(fields);
    rows.emplace_back(label, (**row).row_number, std::move(fields));
  }
  return rows;
}

Result<std::vector<VectorRow>> ReadVectorFile(const std::string& name) {
  return ReadVectorFile("stats", name, nullptr);
}

RowCheck::RowCheck(const VectorRow& row, std::string id, double tolerance)
    : file_(row.file()), tolerance_(tolerance) {
  char tolerance_text[32];
  std::snprintf(tolerance_text, sizeof tolerance_text, "%g", tolerance);
  context_ = row.file() + " row " + std::to_string(row.row_number()) + " [" + id +
             "] (relative tolerance " + tolerance_text + "; source: " + row.Text("source") + ")";
}

RowCheck::~RowCheck() {
  Counts& counts = Tallies()[file_];
  ++counts.checked;
  if (passed_) ++counts.passed;
}

bool RowCheck::Near(std::string_view what, double actual, double expected) {
  return Near(what, actual, expected, tolerance_);
}

bool RowCheck::Near(std::string_view what, double actual, double expected, double tolerance) {
  double allowed = expected == 0.0 ? tolerance : tolerance * std::fabs(expected);
  double difference = std::fabs(actual - expected);
  double relative = expected == 0.0 ? difference : difference / std::fabs(expected);
  double& worst = Tallies()[file_].worst_relative[tolerance];
  if (relative > worst) worst = relative;
  if (difference <= allowed) return true;  // NaN fails here too
  passed_ = false;
  ADD_FAILURE() << context_ << ": " << what << " = " << FormatDouble(actual) << ", expected "
                << FormatDouble(expected) << " (relative difference " << FormatDouble(relative)
                << ", tolerance " << tolerance << ")";
  return false;
}

bool RowCheck::Equal(std::string_view what, std::string_view actual, std::string_view expected) {
  if (actual == expected) return true;
  passed_ = false;
  ADD_FAILURE() << context_ << ": " << what << " = '" << actual << "', expected '" << expected
                << "'";
  return false;
}

bool RowCheck::True(std::string_view what, bool condition) {
  if (condition) return true;
  passed_ = false;
  ADD_FAILURE() << context_ << ": expected " << what;
  return false;
}

void RowCheck::Fail(std::string_view message) {
  passed_ = false;
  ADD_FAILURE() << context_ << ": " << message;
}

std::pair<int, int> Tally(const std::string& file) {
  const Counts& counts = Tallies()[file];
  return {counts.passed, counts.checked};
}

}  // namespace cradle::stats::vectors
