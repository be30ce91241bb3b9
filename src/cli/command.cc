#include "cli/command.h"

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

void PrintAttributions(std::ostream& out, const std::vector<std::string>& lines) {
  for (const std::string& line : lines) out << line << "\n";
}

}  // namespace cradle::cli
