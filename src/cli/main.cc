// cradle: one binary, one subcommand per task. Flags are read here and in the
// command files only; everything below receives its configuration as values.
// A Status from a command becomes a message on stderr and an exit code (one
// table: base/status.cc); anything thrown is caught here, once.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/command.h"

int main(int argc, char** argv) {
  using namespace cradle;
  CLI::App app(
      "Cradle: infant-mortality intelligence for local public health.\n"
      "Official-grade indicators from the bundled ONS open data and the local store.",
      "cradle");
  app.require_subcommand(1);
  app.set_version_flag("--version", "cradle 0.1.0");
  std::vector<cli::Command> commands = {
      cli::AddProfileCommand(app),      cli::AddRankCommand(app),
      cli::AddBreakdownCommand(app),    cli::AddAreasCommand(app),
      cli::AddIndicatorsCommand(app),   cli::AddLoadCommand(app),
      cli::AddImportCommand(app),       cli::AddSynthCommand(app),
      cli::AddInequalitiesCommand(app), cli::AddStandardiseCommand(app),
      cli::AddBookingCommand(app),      cli::AddSpcCommand(app),
      cli::AddServeCommand(app),        cli::AddHotspotsCommand(app),
      cli::AddDirectoryCommand(app),    cli::AddSafeSleepCommand(app),
      cli::AddUserCommand(app),         cli::AddAuditCommand(app),
      cli::AddCdopCommand(app),         cli::AddPlanCommand(app),
      cli::AddReportCommand(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  }
  try {
    for (const cli::Command& command : commands) {
      if (!command.app->parsed()) continue;
      Status status = command.run(std::cout);
      if (!status.ok()) {
        std::cerr << "cradle " << command.app->get_name() << ": " << status.message() << "\n";
        return ExitCode(status.code());
      }
      return 0;
    }
  } catch (const std::exception& error) {
    std::cerr << "cradle: internal error: " << error.what() << "\n";
    return ExitCode(StatusCode::kInternal);
  }
  return 0;
}
