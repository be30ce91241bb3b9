// What the commands over record-level data share (inequalities, standardise,
// booking, spc): the store opened as every command opens it, its records
// loaded once, the period (default: the latest three years of births), the
// small-number rule, and the lines every output ends with — that the data are
// synthetic when they are, and the licence attributions of the open data
// used.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/result.h"
#include "cli/session.h"
#include "indicators/period.h"
#include "inequalities/record_frame.h"

namespace cradle::cli {

struct RecordArgs {
  SessionOptions session;
  std::string period;  // empty: the latest three years of births
  std::string format = "table";
};

// --period, --format and the session options.
void AddRecordOptions(CLI::App& app, RecordArgs& args, const std::string& period_help);

struct RecordContext {
  std::unique_ptr<Session> session;
  inequalities::RecordFrame frame;
  indicators::Period period;
  int disclosure_min_count = 5;
  bool csv = false;
  // "Leicester (E06000016)" when the records' LSOAs lie in one local
  // authority, else "all areas in the store".
  std::string area_label;

  // "Synthetic data: …" when any record is synthetic, else "".
  std::string SyntheticNotice() const;
  // The notice and the attributions, for a CSV Source column.
  std::string SourceLine(const std::vector<std::string>& extra = {}) const;
  // Under a table: the notice, the small-number rule in force, and the
  // attributions (the frame's, then `extra`, without repeats).
  void PrintFooter(std::ostream& out, const std::vector<std::string>& extra = {}) const;
};

// NotFound (with what to run) if the store holds no births.
Result<RecordContext> OpenRecords(const RecordArgs& args);

// A number for CSV: shortest text that reads back to the same double.
std::string CsvNumber(double value);

}  // namespace cradle::cli
