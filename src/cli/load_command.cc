// cradle load [--synthetic]: put the bundled open data into the store (other
// commands do this themselves when the store is new; this reports it), and
// with --synthetic the synthetic Leicester's records too — what `make run`
// shows. Synthetic records are never mixed into a store that holds real ones.
// A store without an action plan gets the bundled example plan.
#include <memory>

#include "base/strings.h"
#include "cli/command.h"
#include "cli/text_table.h"
#include "opendata/bundled.h"
#include "plan/bundled_plan.h"
#include "workspace/synthetic_leicester.h"

namespace cradle::cli {
namespace {

struct LoadArgs {
  std::string db_path;
  bool synthetic = false;
  uint64_t seed = 1;
};

Status RunLoad(const LoadArgs& args, std::ostream& out) {
  std::string path = args.db_path;
  if (path.empty()) {
    CRADLE_ASSIGN_OR_RETURN(path, store::DefaultStorePath());
  }
  CRADLE_ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(path));
  CRADLE_ASSIGN_OR_RETURN(auto outcomes,
                          opendata::LoadBundledOpenData(*store, opendata::DefaultDataDir()));
  TextTable table({{"Dataset"}, {"File"}, {"Status"}, {"Counts", TextTable::Align::kRight}});
  for (const opendata::LoadOutcome& outcome : outcomes) {
    table.AddRow({outcome.dataset_id, outcome.file, outcome.loaded ? "loaded" : "unchanged",
                  outcome.loaded ? std::to_string(outcome.counts) : ""});
  }
  CRADLE_ASSIGN_OR_RETURN(bool plan_loaded,
                          plan::LoadBundledPlanIfEmpty(*store, opendata::DefaultDataDir()));
  table.AddRow({"action plan (example)", "data/plan/leicester.json",
                plan_loaded ? "loaded" : "unchanged", ""});
  if (args.synthetic) {
    CRADLE_ASSIGN_OR_RETURN(auto loads, workspace::LoadSyntheticLeicester(*store, args.seed));
    for (const workspace::SyntheticLoad& load : loads) {
      table.AddRow({"synthetic Leicester (seed " + std::to_string(args.seed) + ")", load.file,
                    load.inserted > 0 ? "loaded" : "unchanged",
                    load.inserted > 0 ? WithThousands(load.inserted) : ""});
    }
  }
  out << "Store: " << path << "\n\n";
  table.Print(out);
  if (args.synthetic) out << "\nSynthetic data: not real people (docs/synthetic-data.md).\n";
  return Status::Ok();
}

}  // namespace

Command AddLoadCommand(CLI::App& parent) {
  auto args = std::make_shared<LoadArgs>();
  CLI::App* app = parent.add_subcommand(
      "load", "Load the bundled ONS open data into the store (skips files already loaded)");
  app->add_option("--db", args->db_path, "SQLite store to use (default as for other commands)");
  app->add_flag("--synthetic", args->synthetic,
                "Also load the synthetic Leicester's births, deaths, bookings and child death "
                "reviews, 2015-2024 "
                "(not real people; refused if the store holds real records)");
  app->add_option("--seed", args->seed, "Seed of the synthetic data (default 1)");
  return {app, [args](std::ostream& out) { return RunLoad(*args, out); }};
}

}  // namespace cradle::cli
