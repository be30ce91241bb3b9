// cradle import births|deaths|bookings|reviews FILE [--skip-invalid [--rejects FILE]]
// Validates a record-level extract (or the CDOP register) and writes it to
// the store in one transaction, with a progress bar when stderr is a terminal.
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>

#include "base/strings.h"
#include "cli/command.h"
#include "imports/importer.h"
#include "imports/review_import.h"

namespace cradle::cli {
namespace {

struct ImportArgs {
  SessionOptions session;
  std::string kind;
  std::string file;
  bool skip_invalid = false;
  std::string rejects;
};

records::RecordKind KindOf(const std::string& kind) {
  if (kind == "deaths") return records::RecordKind::kDeaths;
  if (kind == "bookings") return records::RecordKind::kBookings;
  return records::RecordKind::kBirths;
}

// Redraws one line on stderr at most ten times a second.
class ProgressBar {
 public:
  explicit ProgressBar(std::string label) : label_(std::move(label)) {}
  void Update(const imports::Progress& progress) {
    auto now = std::chrono::steady_clock::now();
    bool done = progress.bytes_total > 0 && progress.bytes_read >= progress.bytes_total;
    if (!done && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    int percent = progress.bytes_total > 0
                      ? static_cast<int>(100 * progress.bytes_read / progress.bytes_total)
                      : 0;
    int filled = percent / 4;
    std::cerr << "\r" << label_ << " [" << std::string(filled, '#') << std::string(25 - filled, ' ')
              << "] " << percent << "%  " << WithThousands(progress.rows) << " rows" << std::flush;
    drawn_ = true;
  }
  ~ProgressBar() {
    if (drawn_) std::cerr << "\n";
  }

 private:
  std::string label_;
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};

// The register is small and kept whole: all rows or none, always.
Status RunReviewImport(const ImportArgs& args, Session& session, std::ostream& out) {
  if (args.skip_invalid) {
    return Status::InvalidArgument(
        "--skip-invalid is for births, deaths and bookings; a review register is imported whole");
  }
  CRADLE_ASSIGN_OR_RETURN(imports::ReviewImportReport report,
                          imports::ImportReviews(session.store(), args.file, Today()));
  out << "Imported " << args.file << " into " << session.db_path() << ": "
      << WithThousands(report.rows_read) << " child death reviews read, "
      << WithThousands(report.counts.inserted) << " new, " << WithThousands(report.counts.updated)
      << " updated, " << WithThousands(report.counts.unchanged) << " already stored unchanged.\n";
  return Status::Ok();
}

Status RunImport(const ImportArgs& args, std::ostream& out) {
  if (!args.rejects.empty() && !args.skip_invalid) {
    return Status::InvalidArgument("--rejects needs --skip-invalid");
  }
  CRADLE_ASSIGN_OR_RETURN(auto session, Session::Open(args.session));
  if (args.kind == "reviews") return RunReviewImport(args, *session, out);
  imports::ImportOptions options;
  options.skip_invalid = args.skip_invalid;
  options.rejects_path =
      args.skip_invalid ? (args.rejects.empty() ? args.file + ".rejects.csv" : args.rejects) : "";
  options.today = Today();
  std::unique_ptr<ProgressBar> bar;
  if (::isatty(STDERR_FILENO)) {
    bar = std::make_unique<ProgressBar>("importing " + args.kind);
    options.on_progress = [&bar](const imports::Progress& progress) { bar->Update(progress); };
  }
  auto report = imports::ImportFile(session->store(), KindOf(args.kind), args.file, options);
  bar.reset();
  if (!report.ok()) return report.status();
  out << "Imported " << args.file << " into " << session->db_path() << ": "
      << WithThousands(report->counts.rows_read) << " rows read, "
      << WithThousands(report->counts.inserted) << " new, "
      << WithThousands(report->counts.unchanged) << " already stored unchanged, "
      << WithThousands(report->counts.rejected) << " rejected.\n";
  if (report->counts.rejected > 0) {
    out << "Rejected rows, with file, row, column and reason: " << options.rejects_path << "\n";
  }
  return Status::Ok();
}

}  // namespace

Command AddImportCommand(CLI::App& parent) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* app = parent.add_subcommand(
      "import",
      "Validate a record-level CSV extract or the CDOP register (docs/data-formats.md) and "
      "store it: all rows or none");
  app->add_option("kind", args->kind, "births, deaths, bookings or reviews")
      ->required()
      ->check(CLI::IsMember({"births", "deaths", "bookings", "reviews"}));
  app->add_option("file", args->file, "The CSV file")->required();
  app->add_flag("--skip-invalid", args->skip_invalid,
                "Store the valid rows and write the others to a rejects CSV");
  app->add_option("--rejects", args->rejects,
                  "Where to write rejected rows (default FILE.rejects.csv)");
  AddSessionOptions(*app, args->session);
  return {app, [args](std::ostream& out) { return RunImport(*args, out); }};
}

}  // namespace cradle::cli
