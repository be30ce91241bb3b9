// cradle load [--synthetic]: put the bundled open data into the store (other
// commands do this themselves when the store is new; this reports it), and
// with --synthetic the synthetic Leicester's records too — what `make run`
// shows. Synthetic records are never mixed into a store that holds real ones.
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "base/strings.h"
#include "cli/command.h"
#include "cli/text_table.h"
#include "imports/importer.h"
#include "opendata/bundled.h"
#include "records/record_types.h"
#include "synth/calibration.h"
#include "synth/generator.h"
#include "synth/writer.h"

namespace cradle::cli {
namespace {

struct LoadArgs {
  std::string db_path;
  bool synthetic = false;
  uint64_t seed = 1;
};

// Generates the synthetic Leicester for 2015-2024 into a scratch folder and
// imports its three files; importing files already stored changes nothing.
Status LoadSyntheticLeicester(store::Store& store, uint64_t seed, TextTable& table) {
  int64_t real = 0;
  CRADLE_RETURN_IF_ERROR(store.ForEachBirth(
      [&](const records::BirthRecord& birth) { real += !records::IsSyntheticId(birth.birth_id); }));
  if (real > 0) {
    return Status::InvalidArgument("the store holds " + WithThousands(real) +
                                   (real == 1 ? " real birth record" : " real birth records") +
                                   "; synthetic records would mix with them: use another --db");
  }
  CRADLE_ASSIGN_OR_RETURN(
      synth::Calibration calibration,
      synth::LoadCalibration(synth::kLeicesterCode, opendata::DefaultDataDir()));
  CRADLE_ASSIGN_OR_RETURN(synth::SyntheticData data,
                          synth::GenerateSyntheticData(calibration, {{2015, 2024}, seed}));
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("cradle-synthetic-" + std::to_string(::getpid()));
  CRADLE_RETURN_IF_ERROR(synth::WriteSyntheticData(data, dir.string()));
  Status status = Status::Ok();
  for (auto [kind, file] : {std::pair{records::RecordKind::kBirths, synth::kBirthsFile},
                            std::pair{records::RecordKind::kDeaths, synth::kDeathsFile},
                            std::pair{records::RecordKind::kBookings, synth::kBookingsFile}}) {
    imports::ImportOptions options;
    options.today = Today();
    auto report = imports::ImportFile(store, kind, (dir / file).string(), options);
    if (!report.ok()) {
      status = report.status();
      break;
    }
    table.AddRow({"synthetic Leicester (seed " + std::to_string(seed) + ")", std::string(file),
                  report->counts.inserted > 0 ? "loaded" : "unchanged",
                  report->counts.inserted > 0 ? WithThousands(report->counts.inserted) : ""});
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return status;
}

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
  if (args.synthetic) CRADLE_RETURN_IF_ERROR(LoadSyntheticLeicester(*store, args.seed, table));
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
                "Also load the synthetic Leicester's births, deaths and bookings, 2015-2024 "
                "(not real people; refused if the store holds real records)");
  app->add_option("--seed", args->seed, "Seed of the synthetic data (default 1)");
  return {app, [args](std::ostream& out) { return RunLoad(*args, out); }};
}

}  // namespace cradle::cli
