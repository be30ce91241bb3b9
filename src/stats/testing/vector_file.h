// Test support for the reference vectors in tests/data/stats: reads a CSV
// with cradle::CsvReader, gives typed access to its columns ("NA" is
// missing), and checks a row's results with failure messages that name the
// file, the row, its vector id, its source and the tolerance. Each checked row
// is tallied as passed or failed; the tally is printed when the test program
// ends ("stats reference vectors: <file> <passed>/<checked> rows pass").
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace cradle::stats::vectors {

// Tolerances of METHODS.md §15.
inline constexpr double kClosedFormTolerance = 1e-12;  // relative: Byar, Wilson, Dobson, SII...
inline constexpr double kQuantileTolerance = 1e-10;    // relative: χ², gamma, beta, t quantiles
inline constexpr double kBisectionTolerance = 1e-12;   // relative: our bisection against PIM's

class VectorRow {
 public:
  VectorRow(std::string file, int64_t row_number, std::map<std::string, std::string> fields);

  const std::string& file() const { return file_; }
  int64_t row_number() const { return row_number_; }

  // The raw text of `column`; a missing column fails the test and gives "".
  const std::string& Text(std::string_view column) const;
  bool IsNa(std::string_view column) const { return Text(column) == "NA"; }
  // The number in `column`, std::nullopt for NA; unparsable text fails the test.
  std::optional<double> Number(std::string_view column) const;
  // As Number, but NA fails the test (and gives NaN).
  double Required(std::string_view column) const;
  // TRUE/FALSE; NA gives std::nullopt.
  std::optional<bool> Bool(std::string_view column) const;

 private:
  std::string file_;
  int64_t row_number_;
  std::map<std::string, std::string> fields_;
};

// All rows of tests/data/stats/<name>, read through cradle::CsvReader.
Result<std::vector<VectorRow>> ReadVectorFile(const std::string& name);

// The same for tests/data/<folder>/<name>; a file without a `source` column
// gets `source(fields)` as one, so that a failure still names where a row came
// from.
using SourceOf = std::function<std::string(const std::map<std::string, std::string>&)>;
Result<std::vector<VectorRow>> ReadVectorFile(const std::string& folder, const std::string& name,
                                              const SourceOf& source);

// Checks one row. Every failed check adds a gtest failure carrying the row's
// context; on destruction the row is tallied as passed if no check failed.
class RowCheck {
 public:
  RowCheck(const VectorRow& row, std::string id, double tolerance);
  ~RowCheck();
  RowCheck(const RowCheck&) = delete;
  RowCheck& operator=(const RowCheck&) = delete;

  // |actual - expected| <= tolerance · |expected| (absolute when expected is 0).
  bool Near(std::string_view what, double actual, double expected);
  bool Near(std::string_view what, double actual, double expected, double tolerance);
  bool Equal(std::string_view what, std::string_view actual, std::string_view expected);
  bool True(std::string_view what, bool condition);
  // Records a failure without a comparison (e.g. an unexpected error status).
  void Fail(std::string_view message);

  bool passed() const { return passed_; }
  const std::string& context() const { return context_; }

 private:
  std::string file_;
  std::string context_;
  double tolerance_;
  bool passed_ = true;
};

// Rows tallied for `file` so far: {passed, checked}.
std::pair<int, int> Tally(const std::string& file);

}  // namespace cradle::stats::vectors
