// cradle load: put the bundled open data into the store (other commands do
// this themselves when the store is new; this reports it).
#include <memory>

#include "cli/command.h"
#include "cli/text_table.h"
#include "opendata/bundled.h"

namespace cradle::cli {
namespace {

struct LoadArgs {
  std::string db_path;
};

Status RunLoad(const LoadArgs& args, std::ostream& out) {
  std::string path = args.db_path;
  if (path.empty()) {
    CRADLE_ASSIGN_OR_RETURN(path, store::DefaultStorePath());
  }
  CRADLE_ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(path));
  CRADLE_ASSIGN_OR_RETURN(auto outcomes,
                          opendata::LoadBundledOpenData(*store, opendata::DefaultDataDir()));
  out << "Store: " << path << "\n\n";
  TextTable table({{"Dataset"}, {"File"}, {"Status"}, {"Counts", TextTable::Align::kRight}});
  for (const opendata::LoadOutcome& outcome : outcomes) {
    table.AddRow({outcome.dataset_id, outcome.file, outcome.loaded ? "loaded" : "unchanged",
                  outcome.loaded ? std::to_string(outcome.counts) : ""});
  }
  table.Print(out);
  return Status::Ok();
}

}  // namespace

Command AddLoadCommand(CLI::App& parent) {
  auto args = std::make_shared<LoadArgs>();
  CLI::App* app = parent.add_subcommand(
      "load", "Load the bundled ONS open data into the store (skips files already loaded)");
  app->add_option("--db", args->db_path, "SQLite store to use (default as for other commands)");
  return {app, [args](std::ostream& out) { return RunLoad(*args, out); }};
}

}  // namespace cradle::cli
