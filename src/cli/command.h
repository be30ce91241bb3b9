// A subcommand: its CLI11 parser and what it does once parsed. Each command
// lives in its own file and registers itself with Add…Command; main() runs the
// one the user chose and turns its Status into an exit code (base/status.cc).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <ostream>
#include <vector>

#include "base/status.h"
#include "records/date.h"
#include "workspace/session.h"

namespace cradle::cli {

using workspace::Session;
using workspace::SessionOptions;
using workspace::Today;

struct Command {
  CLI::App* app = nullptr;
  std::function<Status(std::ostream& out)> run;
};

// --db, --small-counts and --quiet, shared by every command that reads data.
void AddSessionOptions(CLI::App& app, SessionOptions& options);

Command AddLoadCommand(CLI::App& parent);
Command AddImportCommand(CLI::App& parent);
Command AddProfileCommand(CLI::App& parent);
Command AddRankCommand(CLI::App& parent);
Command AddBreakdownCommand(CLI::App& parent);
Command AddAreasCommand(CLI::App& parent);
Command AddIndicatorsCommand(CLI::App& parent);
Command AddSynthCommand(CLI::App& parent);
Command AddInequalitiesCommand(CLI::App& parent);
Command AddStandardiseCommand(CLI::App& parent);
Command AddBookingCommand(CLI::App& parent);
Command AddSpcCommand(CLI::App& parent);
Command AddServeCommand(CLI::App& parent);
Command AddHotspotsCommand(CLI::App& parent);
Command AddDirectoryCommand(CLI::App& parent);
Command AddSafeSleepCommand(CLI::App& parent);
Command AddUserCommand(CLI::App& parent);
Command AddAuditCommand(CLI::App& parent);
Command AddCdopCommand(CLI::App& parent);
Command AddPlanCommand(CLI::App& parent);
Command AddReportCommand(CLI::App& parent);

// On a store that holds no records, as `cradle serve` and `cradle report`
// find a new one: loads the synthetic Leicester (not real people) and the
// bundled example plan, saying so on stderr as `command`, and reloads the
// session's engine. A store with records is left as it is.
Status FillEmptyStore(Session& session, const std::string& command);

// The licence lines under any output that uses the bundled data.
void PrintAttributions(std::ostream& out, const std::vector<std::string>& lines);

}  // namespace cradle::cli
