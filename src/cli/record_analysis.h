// What the commands over record-level data share (inequalities, standardise,
// booking, spc): their options, the records opened as every command opens
// them, and the lines every output ends with.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/result.h"
#include "cli/command.h"
#include "indicators/period.h"
#include "workspace/record_scope.h"

namespace cradle::cli {

struct RecordArgs {
  SessionOptions session;
  std::string period;  // empty: the latest three years of births
  std::string format = "table";
};

// --period, --format and the session options.
void AddRecordOptions(CLI::App& app, RecordArgs& args, const std::string& period_help);

// The stored records (workspace/record_scope.h) for one command run: the
// session they came from, the period asked for and the output format.
struct RecordContext : workspace::RecordScope {
  std::unique_ptr<Session> session;
  indicators::Period period;
  bool csv = false;

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
