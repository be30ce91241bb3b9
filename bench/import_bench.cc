// Import at national scale (issue: "Import of generated national-scale files
// (6M births, 25k deaths)"). For 1M and for 6M births (with deaths in
// proportion: 25,000 for 6M), each in a fresh child process so that peak
// memory is its own, it writes synthetic extracts (national_extract.h) to a
// temporary folder and measures:
//   1. parsing and validating every births row, without the store (rows/s);
//   2. importing the births into a new SQLite store (seconds);
//   3. importing the deaths, each checked against its birth (seconds);
//   4. the peak resident memory of the whole run (VmHWM).
// It then says whether each goal is met: at least 1M rows/s parsed and
// validated, 6M births stored in under 15 s, peak memory independent of the
// file's size (6M within 10% or 8 MB of 1M). Run with --help for options.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/csv_reader.h"
#include "imports/importer.h"
#include "national_extract.h"
#include "records/row_parser.h"
#include "store/store.h"

namespace {

using namespace cradle;
using Clock = std::chrono::steady_clock;

constexpr const char* kToday = "2026-11-26";  // records are dated before it

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// The process's peak resident set, in kB, from /proc/self/status.
long PeakRssKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

// What one run measured; sent from the child process through a pipe.
struct Figures {
  bool ok = false;
  char error[512] = {};
  int64_t births = 0;
  int64_t deaths = 0;
  double births_mb = 0;
  double generate_seconds = 0;
  double parse_seconds = 0;
  int64_t parsed_valid = 0;
  double births_seconds = 0;
  int64_t births_stored = 0;
  double deaths_seconds = 0;
  int64_t deaths_stored = 0;
  long peak_rss_kb = 0;
};

Figures Fail(Figures figures, const std::string& message) {
  std::snprintf(figures.error, sizeof figures.error, "%s", message.c_str());
  return figures;
}

// Parses and validates every births row as the importer does, on one
// thread, with no store; returns the number of valid rows.
Result<int64_t> ParseAndValidate(const std::string& path,
                                 const std::unordered_set<std::string>& lsoas) {
  CRADLE_ASSIGN_OR_RETURN(auto csv, CsvReader::Open(path));
  CRADLE_ASSIGN_OR_RETURN(auto parser, records::RowParser::ForHeader(records::RecordKind::kBirths,
                                                                     csv->header(), path));
  const records::LsoaSet lsoa_set(lsoas);
  records::ParseContext context{&lsoas, *records::Date::Parse(kToday), &lsoa_set};
  std::vector<records::FieldError> errors;
  int64_t valid = 0;
  while (true) {
    CRADLE_ASSIGN_OR_RETURN(auto row, csv->NextView());
    if (!row) break;
    valid += parser.ParseBirth(row->row_number, row->fields, context, &errors).has_value();
  }
  return valid;
}

Figures Run(const bench::ExtractSpec& spec, const std::filesystem::path& dir) {
  Figures figures;
  figures.births = spec.births;
  figures.deaths = spec.deaths;
  const std::string births_path = (dir / "births.csv").string();
  const std::string deaths_path = (dir / "deaths.csv").string();
  auto start = Clock::now();
  if (Status s = bench::WriteBirths(births_path, spec); !s.ok()) return Fail(figures, s.ToString());
  if (Status s = bench::WriteDeaths(deaths_path, spec); !s.ok()) return Fail(figures, s.ToString());
  figures.generate_seconds = Seconds(start);
  figures.births_mb = static_cast<double>(std::filesystem::file_size(births_path)) / 1e6;

  const std::vector<std::string> lsoa_codes = bench::NationalLsoaCodes();
  {
    const std::unordered_set<std::string> lsoas(lsoa_codes.begin(), lsoa_codes.end());
    start = Clock::now();
    auto valid = ParseAndValidate(births_path, lsoas);
    figures.parse_seconds = Seconds(start);
    if (!valid.ok()) return Fail(figures, valid.status().ToString());
    figures.parsed_valid = *valid;
  }

  auto store = store::OpenSqliteStore((dir / "bench.db").string());
  if (!store.ok()) return Fail(figures, store.status().ToString());
  store::DatasetImport areas;
  areas.dataset = {"bench_lsoas",
                   "National LSOA codes for the import benchmark",
                   "synthetic",
                   "Cradle",
                   "bench/national_extract.cc",
                   "-",
                   "-",
                   "1"};
  for (const std::string& code : lsoa_codes) areas.areas.push_back({code, code, "LSOA", {}});
  if (Status s = (*store)->ReplaceDataset(areas); !s.ok()) return Fail(figures, s.ToString());

  imports::ImportOptions options;
  options.today = *records::Date::Parse(kToday);
  start = Clock::now();
  auto births = imports::ImportFile(**store, records::RecordKind::kBirths, births_path, options);
  figures.births_seconds = Seconds(start);
  if (!births.ok()) return Fail(figures, births.status().ToString());
  figures.births_stored = births->counts.inserted;
  start = Clock::now();
  auto deaths = imports::ImportFile(**store, records::RecordKind::kDeaths, deaths_path, options);
  figures.deaths_seconds = Seconds(start);
  if (!deaths.ok()) return Fail(figures, deaths.status().ToString());
  figures.deaths_stored = deaths->counts.inserted;
  figures.peak_rss_kb = PeakRssKb();
  figures.ok = true;
  return figures;
}

// Runs one size in a child process (its own peak memory, its own folder).
Figures RunInChild(const bench::ExtractSpec& spec) {
  int fds[2];
  if (::pipe(fds) != 0) return Fail(Figures{}, "pipe failed");
  std::fflush(nullptr);
  pid_t child = ::fork();
  if (child < 0) return Fail(Figures{}, "fork failed");
  if (child == 0) {
    ::close(fds[0]);
    auto dir = std::filesystem::temp_directory_path() /
               ("cradle_import_bench_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    Figures figures = Run(spec, dir);
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    bool sent = ::write(fds[1], &figures, sizeof figures) == sizeof figures;
    ::_exit(sent ? 0 : 1);
  }
  ::close(fds[1]);
  Figures figures;
  bool received = ::read(fds[0], &figures, sizeof figures) == sizeof figures;
  ::close(fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (!received) return Fail(Figures{}, "the benchmark process died");
  return figures;
}

std::string Thousands(int64_t value) {
  std::string digits = std::to_string(value);
  for (int pos = static_cast<int>(digits.size()) - 3; pos > 0; pos -= 3) digits.insert(pos, ",");
  return digits;
}

void Print(const Figures& f) {
  std::printf("%11s births (%4.0f MB, written in %.1f s):\n", Thousands(f.births).c_str(),
              f.births_mb, f.generate_seconds);
  std::printf("  parse+validate: %.2f M rows/s (%.2f s, %s valid)\n",
              f.parsed_valid / f.parse_seconds / 1e6, f.parse_seconds,
              Thousands(f.parsed_valid).c_str());
  std::printf("  import births:  %.2f s into SQLite (%.2f M rows/s, %s stored)\n", f.births_seconds,
              f.births_stored / f.births_seconds / 1e6, Thousands(f.births_stored).c_str());
  std::printf("  import deaths:  %.2f s (%s stored, each checked against its birth)\n",
              f.deaths_seconds, Thousands(f.deaths_stored).c_str());
  std::printf("  peak RSS:       %.0f MB\n", f.peak_rss_kb / 1024.0);
}

const char* Verdict(bool met) { return met ? "met" : "NOT MET"; }

}  // namespace

int main(int argc, char** argv) {
  bench::ExtractSpec large;
  for (int idx = 1; idx < argc; ++idx) {
    std::string arg = argv[idx];
    if (arg == "--births" && idx + 1 < argc) {
      large.births = std::atoll(argv[++idx]);
    } else if (arg == "--random-ids") {
      large.random_ids = true;
    } else {
      std::printf(
          "usage: import_bench [--births N] [--random-ids]\n"
          "Imports synthetic national-scale extracts of 1M and N births (default 6,000,000;\n"
          "25,000 deaths for 6M, in proportion otherwise) and checks the issue's goals.\n"
          "--random-ids gives births pseudonymous ids in no order (as keyed hashes), which\n"
          "is much slower to index; the default ids follow the file's date order.\n");
      return arg == "--help" ? 0 : 64;
    }
  }
  if (large.births < 2) {
    std::fprintf(stderr, "--births must be at least 2\n");
    return 64;
  }
  bench::ExtractSpec small = large;
  small.births = std::min<int64_t>(1000000, large.births);
  auto deaths_for = [](int64_t births) { return std::max<int64_t>(1, births * 25000 / 6000000); };
  small.deaths = deaths_for(small.births);
  large.deaths = deaths_for(large.births);

  std::printf("Import benchmark: synthetic national extracts (%s ids), %ld cores\n",
              large.random_ids ? "random" : "date-ordered", ::sysconf(_SC_NPROCESSORS_ONLN));
  std::vector<Figures> runs;
  for (const bench::ExtractSpec& spec : {small, large}) {
    if (!runs.empty() && spec.births == small.births) break;
    runs.push_back(RunInChild(spec));
    if (!runs.back().ok) {
      std::fprintf(stderr, "import_bench: %s\n", runs.back().error);
      return 1;
    }
    Print(runs.back());
  }

  const Figures& first = runs.front();
  const Figures& last = runs.back();
  const double rows_per_second = last.parsed_valid / last.parse_seconds;
  const long growth_kb = last.peak_rss_kb - first.peak_rss_kb;
  std::printf("Goals:\n");
  std::printf("  parse+validate >= 1M rows/s: %.2f M rows/s at %s rows: %s\n",
              rows_per_second / 1e6, Thousands(last.births).c_str(),
              Verdict(rows_per_second >= 1e6));
  if (last.births == 6000000) {
    std::printf("  6M births in SQLite in under 15 s: %.2f s: %s\n", last.births_seconds,
                Verdict(last.births_seconds < 15));
  } else {
    std::printf("  6M births in SQLite in under 15 s: not measured (--births %s)\n",
                Thousands(last.births).c_str());
  }
  std::printf("  peak memory independent of file size: %.0f MB at %s, %.0f MB at %s: %s\n",
              first.peak_rss_kb / 1024.0, Thousands(first.births).c_str(),
              last.peak_rss_kb / 1024.0, Thousands(last.births).c_str(),
              Verdict(growth_kb <= std::max<long>(8 * 1024, first.peak_rss_kb / 10)));
  return 0;
}
