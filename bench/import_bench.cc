// Import at national scale: writes a births file of N rows (default 6,000,000,
// about England's births over ten years) and a deaths file of 25,000 rows,
// then measures (1) parsing and validating every births row, in rows per
// second, and (2) the whole import of births and deaths into a new SQLite
// store, with the process's peak resident memory. Goals (issue 3): at least
// 1M rows/s parsed and validated; 6M births stored in under 15 s; peak memory
// independent of the file's size (run with --births 1000000 and 6000000 and
// compare). The rows are synthetic, spread over Leicester's 200 LSOAs.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <unordered_set>

#include "base/csv_reader.h"
#include "imports/importer.h"
#include "opendata/area_lookup.h"
#include "opendata/bundled.h"
#include "records/row_parser.h"
#include "store/store.h"

namespace {

using namespace cradle;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;  // kilobytes on Linux
}

std::vector<std::string> LeicesterLsoas() {
  auto lookup = opendata::ReadLsoaWardLookup(opendata::DefaultDataDir());
  std::vector<std::string> out;
  if (lookup.ok()) {
    for (const auto& area : lookup->areas) {
      if (area.type == "LSOA") out.push_back(area.code);
    }
  }
  return out;
}

void WriteFiles(const std::string& births_path, const std::string& deaths_path, long births,
                long deaths, const std::vector<std::string>& lsoas) {
  static const char* kEthnic[] = {"white_british", "asian_indian", "asian_pakistani",
                                  "black_african", "mixed_other",  "white_other"};
  static const char* kAge[] = {"20-24", "25-29", "30-34", "35-39"};
  std::FILE* out = std::fopen(births_path.c_str(), "w");
  std::fputs(
      "birth_id,date_of_birth,lsoa21,ethnic_group,mother_age_band,gestation_weeks,"
      "birthweight_grams,multiplicity,ivf,overseas_ivf,smoking_at_booking,smoking_at_delivery,"
      "maternal_bmi_band\n",
      out);
  for (long idx = 0; idx < births; ++idx) {
    int day = static_cast<int>(idx % 3650);
    records::Date date = records::Date::FromDays(*records::Date::Parse("2014-01-01") -
                                                 records::Date::FromDays(0) + day);
    std::fprintf(out, "B%09ld,%s,%s,%s,%s,%d,%d,1,N,N,%s,N,25-29.9\n", idx, date.ToString().c_str(),
                 lsoas[static_cast<size_t>(idx) % lsoas.size()].c_str(), kEthnic[idx % 6],
                 kAge[idx % 4], 37 + static_cast<int>(idx % 5), 2800 + static_cast<int>(idx % 900),
                 idx % 10 == 0 ? "Y" : "N");
  }
  std::fclose(out);
  out = std::fopen(deaths_path.c_str(), "w");
  std::fputs("birth_id,date_of_death,age_at_death_days,category_of_death\n", out);
  long step = births / deaths;
  for (long idx = 0; idx < deaths; ++idx) {
    long birth = idx * step;
    int day = static_cast<int>(birth % 3650);
    int age = static_cast<int>(idx % 300);
    records::Date date = records::Date::FromDays(*records::Date::Parse("2014-01-01") -
                                                 records::Date::FromDays(0) + day + age);
    std::fprintf(out, "B%09ld,%s,%d,%d\n", birth, date.ToString().c_str(), age,
                 static_cast<int>(idx % 10) + 1);
  }
  std::fclose(out);
}

}  // namespace

int main(int argc, char** argv) {
  long births = 6000000, deaths = 25000;
  for (int idx = 1; idx + 1 < argc; ++idx) {
    if (std::strcmp(argv[idx], "--births") == 0) births = std::atol(argv[idx + 1]);
    if (std::strcmp(argv[idx], "--deaths") == 0) deaths = std::atol(argv[idx + 1]);
  }
  auto dir = std::filesystem::temp_directory_path() /
             ("cradle_import_bench_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string births_path = (dir / "births.csv").string();
  std::string deaths_path = (dir / "deaths.csv").string();
  std::vector<std::string> lsoas = LeicesterLsoas();
  if (lsoas.empty()) {
    std::fprintf(stderr, "cannot read the bundled LSOA lookup\n");
    return 1;
  }
  auto start = Clock::now();
  WriteFiles(births_path, deaths_path, births, deaths, lsoas);
  std::printf("generated %ld births (%.0f MB) and %ld deaths in %.1f s\n", births,
              std::filesystem::file_size(births_path) / 1e6, deaths, Seconds(start));

  // 1. Parse and validate every births row (no store).
  {
    std::unordered_set<std::string> known(lsoas.begin(), lsoas.end());
    records::ParseContext context{&known, *records::Date::Parse("2026-11-26")};
    auto csv = CsvReader::Open(births_path);
    auto parser =
        records::RowParser::ForHeader(records::RecordKind::kBirths, (*csv)->header(), births_path);
    std::vector<records::FieldError> errors;
    long valid = 0;
    start = Clock::now();
    while (true) {
      auto row = (*csv)->Next();
      if (!row.ok() || !row->has_value()) break;
      valid += parser->ParseBirth((*row)->row_number, (*row)->fields, context, &errors).has_value();
    }
    double seconds = Seconds(start);
    std::printf("parse+validate: %ld rows in %.2f s = %.2f M rows/s (%zu errors)\n", valid, seconds,
                valid / seconds / 1e6, errors.size());
  }

  // 2. The whole import into a new SQLite store.
  std::string db = (dir / "bench.db").string();
  auto store = store::OpenSqliteStore(db);
  auto lookup = opendata::ReadLsoaWardLookup(opendata::DefaultDataDir());
  if (!store.ok() || !lookup.ok() || !(*store)->ReplaceDataset(*lookup).ok()) {
    std::fprintf(stderr, "cannot prepare the store\n");
    return 1;
  }
  imports::ImportOptions options;
  options.today = *records::Date::Parse("2026-11-26");
  start = Clock::now();
  auto report = imports::ImportFile(**store, records::RecordKind::kBirths, births_path, options);
  double seconds = Seconds(start);
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", report.status().ToString().substr(0, 2000).c_str());
    return 1;
  }
  std::printf("import births: %ld rows into SQLite in %.2f s = %.2f M rows/s\n",
              static_cast<long>(report->counts.inserted), seconds,
              report->counts.inserted / seconds / 1e6);
  start = Clock::now();
  auto death_report =
      imports::ImportFile(**store, records::RecordKind::kDeaths, deaths_path, options);
  if (!death_report.ok()) {
    std::fprintf(stderr, "%s\n", death_report.status().ToString().substr(0, 2000).c_str());
    return 1;
  }
  std::printf("import deaths: %ld rows in %.2f s\n",
              static_cast<long>(death_report->counts.inserted), Seconds(start));
  std::printf("peak RSS: %ld MB\n", PeakRssMb());
  std::filesystem::remove_all(dir);
  return 0;
}
