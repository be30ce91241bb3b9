#include "cli/command.h"

#include <iostream>

#include "base/strings.h"
#include "opendata/bundled.h"
#include "plan/bundled_plan.h"
#include "workspace/synthetic_leicester.h"

namespace cradle::cli {

void AddSessionOptions(CLI::App& app, SessionOptions& options) {
  app.add_option("--db", options.db_path,
                 "SQLite store to use (default: $XDG_DATA_HOME/cradle/cradle.db or "
                 "~/.local/share/cradle/cradle.db); created and filled with the bundled open "
                 "data if new");
  app.add_option_function<int>(
         "--small-counts", [&options](int value) { options.engine.disclosure_min_count = value; },
         "Hide local counts from 1 to N-1 and what they would reveal (default 5; 0 shows all)")
      ->check(CLI::Range(0, 100));
  app.add_option_function<int>(
         "--unreliable-below", [&options](int value) { options.engine.unreliable_below = value; },
         "Mark values from fewer than N events as unreliable (default 20, the ONS rule)")
      ->check(CLI::Range(0, 1000));
  app.add_flag("--quiet", options.quiet, "Do not report data loading on stderr");
}

Status FillEmptyStore(Session& session, const std::string& command) {
  CRADLE_ASSIGN_OR_RETURN(bool empty, workspace::HoldsNoBirths(session.store()));
  if (!empty) return Status::Ok();
  std::cerr << "cradle " << command
            << ": the store holds no records; loading the synthetic Leicester (not real "
               "people)…\n";
  CRADLE_ASSIGN_OR_RETURN(auto loads, workspace::LoadSyntheticLeicester(session.store(), 1));
  for (const workspace::SyntheticLoad& load : loads) {
    std::cerr << "cradle " << command << ": loaded " << WithThousands(load.inserted) << " from "
              << load.file << "\n";
  }
  CRADLE_ASSIGN_OR_RETURN(
      bool plan_loaded, plan::LoadBundledPlanIfEmpty(session.store(), opendata::DefaultDataDir()));
  if (plan_loaded) std::cerr << "cradle " << command << ": loaded the bundled example plan\n";
  return session.Reload();
}

void PrintAttributions(std::ostream& out, const std::vector<std::string>& lines) {
  for (const std::string& line : lines) out << line << "\n";
}

}  // namespace cradle::cli
