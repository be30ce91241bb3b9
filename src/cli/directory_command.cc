// cradle directory load [FILE] | list | postcodes FILE: the service directory
// (Open Referral UK; docs/directory.md) from the command line. `load` reads a
// directory JSON file (default: the bundled seed of example entries) into the
// store in one transaction; `list` shows the services, with the same filters
// as /oruk/services, loading the bundled seed first into an empty directory
// as `cradle serve` does; `postcodes` loads the postcode→lat/long lookup
// behind postcode searches from a CSV in the ONS Postcode Directory's shape.
#include <iostream>
#include <memory>

#include "base/strings.h"
#include "cli/command.h"
#include "cli/text_table.h"
#include "directory/postcodes.h"
#include "directory/search.h"
#include "directory/seed.h"

namespace cradle::cli {
namespace {

struct DirectoryArgs {
  std::string db_path;
  std::string file;  // load: the directory JSON; postcodes: the CSV
  std::string search;
  int age = -1;  // -1: any
  std::string status = "active";
  std::string postcode;
  double proximity = 0;  // 0: no limit
  CLI::App* load = nullptr;
  CLI::App* list = nullptr;
  CLI::App* postcodes = nullptr;
};

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& db_path) {
  std::string path = db_path;
  if (path.empty()) {
    CRADLE_ASSIGN_OR_RETURN(path, store::DefaultStorePath());
  }
  return store::OpenSqliteStore(path);
}

Status RunLoad(const DirectoryArgs& args, store::DirectoryStore& directory, std::ostream& out) {
  const std::string file = args.file.empty() ? directory::DefaultSeedPath() : args.file;
  CRADLE_ASSIGN_OR_RETURN(auto load,
                          directory::LoadDirectoryFile(directory, file, directory::NowTimestamp()));
  out << "Loaded " << load.services << " services and " << load.taxonomy_terms
      << " taxonomy terms from " << file << "\n";
  if (args.file.empty()) {
    out << "These are example entries to be confirmed with each service before use.\n";
  }
  return Status::Ok();
}

Status RunPostcodes(const DirectoryArgs& args, store::DirectoryStore& directory,
                    std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(auto centroids, directory::ReadPostcodeCsv(args.file));
  CRADLE_ASSIGN_OR_RETURN(int64_t stored, directory.ReplacePostcodes(centroids));
  out << "Stored " << WithThousands(stored) << " postcodes from " << args.file
      << " (the lookup behind postcode searches; it replaces any loaded before)\n";
  return Status::Ok();
}

std::string Ages(const store::Service& service) {
  if (!service.minimum_age && !service.maximum_age) return "any";
  return (service.minimum_age ? std::to_string(*service.minimum_age) : "") + "–" +
         (service.maximum_age ? std::to_string(*service.maximum_age) : "");
}

Status RunList(const DirectoryArgs& args, store::DirectoryStore& directory, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(auto seeded,
                          directory::LoadSeedIfEmpty(directory, directory::DefaultSeedPath(),
                                                     directory::NowTimestamp()));
  if (seeded.loaded) {
    std::cerr << "cradle directory: the directory was empty; loaded " << seeded.services
              << " example services from " << directory::DefaultSeedPath() << "\n";
  }
  directory::ServiceQuery query;
  query.text = args.search;
  if (args.age >= 0) query.age = args.age;
  query.status = args.status == "any" ? "" : args.status;
  if (!query.status.empty() && !directory::IsServiceStatus(query.status)) {
    return Status::InvalidArgument("--status: '" + args.status +
                                   "' is not one of active, inactive, defunct, temporarily "
                                   "closed, any");
  }
  if (!args.postcode.empty()) {
    auto normal = directory::NormalisePostcode(args.postcode);
    if (!normal)
      return Status::InvalidArgument("--postcode: '" + args.postcode + "' is not a postcode");
    CRADLE_ASSIGN_OR_RETURN(auto centroid, directory.FindPostcode(*normal));
    if (!centroid) {
      return Status::InvalidArgument("--postcode: " + *normal +
                                     " is not in the postcode lookup (load one with `cradle "
                                     "directory postcodes FILE`)");
    }
    query.near = geo::GeoPoint{centroid->latitude, centroid->longitude};
    if (args.proximity > 0) query.proximity_metres = args.proximity;
  } else if (args.proximity > 0) {
    return Status::InvalidArgument("--proximity: needs --postcode to measure from");
  }
  CRADLE_ASSIGN_OR_RETURN(auto services, directory.Services());
  CRADLE_ASSIGN_OR_RETURN(auto terms, directory.TaxonomyTerms());
  const records::Date today = Today();
  TextTable table({{"Service"},
                   {"Status"},
                   {"Ages"},
                   {"Assured"},
                   {"Stale"},
                   {"Example"},
                   {"Distance (m)", TextTable::Align::kRight},
                   {"Id"}});
  auto matches = directory::SearchServices(services, terms, query);
  for (const directory::ServiceMatch& match : matches) {
    const store::Service& service = *match.service;
    table.AddRow(
        {service.name, service.status, Ages(service),
         service.assured_date.empty() ? "never" : service.assured_date,
         directory::IsStale(service, today) ? "stale" : "", service.example ? "example" : "",
         match.distance_metres ? WithThousands(static_cast<int64_t>(*match.distance_metres + 0.5))
                               : "",
         service.id});
  }
  table.Print(out);
  out << "\n"
      << matches.size() << " of " << services.size()
      << " services. Stale: not assured for twelve months (or never). Example entries are to be "
         "confirmed with each service before use.\n";
  return Status::Ok();
}

Status RunDirectory(const DirectoryArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(auto store, OpenStore(args.db_path));
  auto directory = store->Directory();
  if (args.load->parsed()) return RunLoad(args, *directory, out);
  if (args.postcodes->parsed()) return RunPostcodes(args, *directory, out);
  return RunList(args, *directory, out);
}

}  // namespace

Command AddDirectoryCommand(CLI::App& parent) {
  auto args = std::make_shared<DirectoryArgs>();
  CLI::App* app = parent.add_subcommand(
      "directory",
      "The service directory (Open Referral UK): load entries, list and search them, "
      "load the postcode lookup");
  app->require_subcommand(1);
  args->load = app->add_subcommand(
      "load",
      "Load a directory JSON file (default: the bundled seed of example entries) in one "
      "transaction; entries already stored are updated");
  args->load->add_option("FILE", args->file, "Directory JSON (docs/directory.md)");
  args->list = app->add_subcommand(
      "list", "List services (loads the bundled seed into an empty directory first)");
  args->list->add_option("--search", args->search, "Words in the name, description or terms");
  args->list->add_option("--age", args->age, "A child of N years (babies are 0)")
      ->check(CLI::Range(0, 130));
  args->list->add_option("--status", args->status,
                         "active (default), inactive, defunct, 'temporarily closed' or any");
  args->list->add_option("--postcode", args->postcode,
                         "Nearest first from this postcode (needs the postcode lookup)");
  args->list->add_option("--proximity", args->proximity, "Only within N metres of --postcode")
      ->check(CLI::Range(1.0, 100000.0));
  args->postcodes = app->add_subcommand(
      "postcodes",
      "Load the postcode lookup from a CSV with the ONS Postcode Directory's pcds, "
      "lat and long columns (replaces the lookup)");
  args->postcodes->add_option("FILE", args->file, "ONS Postcode Directory CSV")->required();
  for (CLI::App* sub : {args->load, args->list, args->postcodes}) {
    sub->add_option("--db", args->db_path, "SQLite store to use (default as for other commands)");
  }
  return {app, [args](std::ostream& out) { return RunDirectory(*args, out); }};
}

}  // namespace cradle::cli
