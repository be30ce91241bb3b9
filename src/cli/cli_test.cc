// Runs the real `cradle` binary as a user would, on a fresh SQLite store, and
// checks what it prints and its exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "base/strings.h"
#include "cli/cli_testing.h"

namespace {

using cradle::cli::testing::CommandRun;
using cradle::cli::testing::Contains;
using cradle::cli::testing::Cradle;

std::string FreshDb(const std::string& name) {
  auto path = std::filesystem::temp_directory_path() /
              ("cradle_cli_" + name + "_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  return path.string();
}

// The line of `text` that starts with `start`, or "".
std::string LineStarting(const std::string& text, const std::string& start) {
  size_t at = text.find("\n" + start);
  if (at == std::string::npos) return "";
  size_t end = text.find('\n', at + 1);
  return text.substr(at + 1, end - at - 1);
}

// The cells of a table line: runs of text separated by two or more spaces.
std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  for (size_t idx = 0; idx < line.size(); ++idx) {
    if (line.compare(idx, 2, "  ") == 0) {
      if (!cell.empty()) cells.push_back(cell);
      cell.clear();
      ++idx;
      continue;
    }
    if (!(cell.empty() && line[idx] == ' ')) cell += line[idx];
  }
  if (!cell.empty()) cells.push_back(cell);
  return cells;
}

// Writes a births file of one row whose birthweight is `grams`; returns its path.
std::string OneBirthFile(const std::string& name, const std::string& grams) {
  auto path = std::filesystem::temp_directory_path() /
              ("cradle_cli_" + name + "_" + std::to_string(::getpid()) + ".csv");
  FILE* f = std::fopen(path.c_str(), "w");
  std::fputs(
      "birth_id,date_of_birth,lsoa21,ethnic_group,mother_age_band,gestation_weeks,"
      "birthweight_grams,multiplicity,ivf,overseas_ivf,smoking_at_booking,"
      "smoking_at_delivery,maternal_bmi_band\n",
      f);
  std::fputs(
      ("b1,2022-05-01,E01013600,asian_pakistani,25-29,39," + grams + ",1,N,N,N,N,18.5-24.9\n")
          .c_str(),
      f);
  std::fclose(f);
  return path.string();
}

TEST(CliTest, ProfileOfLeicesterIn2020To22) {
  CommandRun run =
      Cradle("profile --area E06000016 --period 2020-22 --quiet --db " + FreshDb("profile"));
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_TRUE(Contains(run.out, "Leicester (E06000016), 2020-22")) << run.out;
  EXPECT_TRUE(Contains(run.out, "Infant mortality rate (per 1,000 live births)")) << run.out;
  // 94 deaths / 13,006 births = 7.2; Byar 95% CI 5.8-8.8; England 3.7.
  std::vector<std::string> cells =
      Cells(LineStarting(run.out, "Infant mortality rate (per 1,000 live births)"));
  EXPECT_EQ(cells, (std::vector<std::string>{"Infant mortality rate (per 1,000 live births)", "7.2",
                                             "5.8 – 8.8", "5.1 – 9.8", "94", "13,006", "3.7",
                                             "Worse (99.8%)", "3 of 149", "a"}))
      << run.out;
  EXPECT_TRUE(Contains(run.out, "death cohort")) << run.out;
  EXPECT_TRUE(Contains(run.out,
                       "Source: Office for National Statistics licensed under the Open "
                       "Government Licence v3.0."))
      << run.out;
}

TEST(CliTest, ProfileAsFingertipsCsv) {
  CommandRun run = Cradle("profile --area Leicester --period 2020-22 --format csv --quiet --db " +
                          FreshDb("csv"));
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_EQ(run.out.substr(0, run.out.find("\r\n")),
            "Indicator ID,Indicator Name,Area Code,Area Name,Area Type,Time period,Value,"
            "Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,"
            "Count,Denominator,Value note,Compared to England value or percentiles,Source");
  EXPECT_TRUE(Contains(run.out,
                       "\r\n92196,Infant mortality rate,E06000016,Leicester,"
                       "Counties & UAs,2020-22,7.22743"))
      << run.out;
  EXPECT_TRUE(Contains(run.out, ",94,13006,,Worse,Source: Office for National Statistics"))
      << run.out;
}

TEST(CliTest, RankListsEveryUpperTierAuthority) {
  CommandRun run =
      Cradle("rank --indicator 92196 --period 2020-22 --quiet --db " + FreshDb("rank"));
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_TRUE(Contains(run.out, "  1  E06000039  Slough")) << run.out;
  EXPECT_TRUE(Contains(run.out, "  3  E06000016  Leicester")) << run.out;
  EXPECT_TRUE(Contains(run.out, "149 authorities ranked; 2 not shown")) << run.out;
  CommandRun csv =
      Cradle("rank --indicator infant-mortality --period 2020-22 --format csv --quiet --db " +
             FreshDb("rankcsv"));
  ASSERT_EQ(csv.exit_code, 0);
  size_t lines = 0;
  for (char c : csv.out) lines += c == '\n';
  EXPECT_EQ(lines, 1u + 151u);  // header and every upper-tier authority
}

TEST(CliTest, RegistrationBasisReproducesFingertipsForEngland) {
  CommandRun run = Cradle("profile --area England --period 2012-14 --quiet --db " + FreshDb("eng"));
  ASSERT_EQ(run.exit_code, 0) << run.out;
  std::vector<std::string> cells =
      Cells(LineStarting(run.out, "Infant mortality rate (per 1,000 live births)"));
  ASSERT_GE(cells.size(), 2u) << run.out;
  EXPECT_EQ(cells[1], "4.0") << run.out;
  EXPECT_TRUE(Contains(run.out, "deaths registered in the year")) << run.out;
}

TEST(CliTest, UnknownThingsGetClearErrorsWithTheNearestMatches) {
  std::string db = FreshDb("errors");
  CommandRun area = Cradle("profile --area Leicster --period 2020-22 --quiet --db " + db);
  EXPECT_EQ(area.exit_code, 66);
  EXPECT_TRUE(Contains(area.out,
                       "cradle profile: no area 'Leicster' in the data. Nearest: "
                       "Leicester (E06000016)"))
      << area.out;
  CommandRun period = Cradle("profile --area E06000016 --period 2005-07 --quiet --db " + db);
  EXPECT_EQ(period.exit_code, 66);
  EXPECT_TRUE(Contains(period.out, "no data for period 2005-07. Periods in the data: "))
      << period.out;
  CommandRun bad_period = Cradle("profile --area E06000016 --period 20-22 --quiet --db " + db);
  EXPECT_EQ(bad_period.exit_code, 64);
  EXPECT_TRUE(Contains(bad_period.out, "period '20-22' is not a period")) << bad_period.out;
  CommandRun indicator =
      Cradle("rank --indicator infant-mortalty --period 2020-22 --quiet --db " + db);
  EXPECT_EQ(indicator.exit_code, 66);
  EXPECT_TRUE(Contains(indicator.out, "Nearest: infant-mortality")) << indicator.out;
  CommandRun missing_flag = Cradle("profile --period 2020-22");
  EXPECT_NE(missing_flag.exit_code, 0);
  EXPECT_TRUE(Contains(missing_flag.out, "--area is required")) << missing_flag.out;
}

TEST(CliTest, ReliabilityThresholdIsConfigurable) {
  std::string db = FreshDb("unreliable");
  CommandRun standard = Cradle("profile --area E06000016 --period 2022 --quiet --db " + db);
  ASSERT_EQ(standard.exit_code, 0) << standard.out;
  EXPECT_TRUE(Contains(standard.out, "Unreliable: fewer than 20 events")) << standard.out;
  CommandRun stricter =
      Cradle("profile --area E06000016 --period 2022 --unreliable-below 50 --quiet --db " + db);
  ASSERT_EQ(stricter.exit_code, 0) << stricter.out;
  EXPECT_TRUE(Contains(stricter.out, "Unreliable: fewer than 50 events")) << stricter.out;
}

TEST(CliTest, BreakdownByEthnicityAndDeprivation) {
  std::string db = FreshDb("breakdown");
  CommandRun ethnicity =
      Cradle("breakdown --indicator 92196 --period 2022 --by ethnicity --quiet --db " + db);
  ASSERT_EQ(ethnicity.exit_code, 0) << ethnicity.out;
  // ONS Table 18: Pakistani 238 deaths / 27,496 births = 8.7 per 1,000.
  std::vector<std::string> cells = Cells(LineStarting(ethnicity.out, "Pakistani"));
  ASSERT_GE(cells.size(), 7u) << ethnicity.out;
  EXPECT_EQ(cells[1], "8.7");
  EXPECT_EQ(cells[4], "238");
  EXPECT_EQ(cells[5], "27,496");
  EXPECT_EQ(cells[6], "Worse (99.8%)");
  CommandRun deprivation =
      Cradle("breakdown --indicator 92196 --period 2020-22 --by deprivation --quiet --db " + db);
  ASSERT_EQ(deprivation.exit_code, 0) << deprivation.out;
  EXPECT_TRUE(Contains(deprivation.out, "by Deprivation decile (IMD), England, 2020-22"))
      << deprivation.out;
}

// One synthetic Leicester for 2022-2024, imported into one store: the
// import is checked, then every analysis of records runs on it.
TEST(CliTest, SyntheticLeicesterImportsOnceAndIsAnalysed) {
  std::string db = FreshDb("synth_import");
  auto dir =
      std::filesystem::temp_directory_path() / ("cradle_cli_synth_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  CommandRun synth =
      Cradle("synth --area E06000016 --years 2022-2024 --seed 3 --out " + dir.string());
  ASSERT_EQ(synth.exit_code, 0) << synth.out;
  for (const char* kind : {"births", "deaths", "bookings"}) {
    std::string file = (dir / (std::string(kind) + ".csv")).string();
    CommandRun first = Cradle(std::string("import ") + kind + " " + file + " --quiet --db " + db);
    ASSERT_EQ(first.exit_code, 0) << first.out;
    EXPECT_TRUE(Contains(first.out, " 0 rejected.")) << first.out;
    CommandRun again = Cradle(std::string("import ") + kind + " " + file + " --quiet --db " + db);
    ASSERT_EQ(again.exit_code, 0) << again.out;
    EXPECT_TRUE(Contains(again.out, " 0 new, ")) << again.out;
  }

  // The analyses count what the generator says it wrote: births and infant
  // deaths of 2022-24 (its "All" row: births, deaths, neonatal, …).
  std::vector<std::string> written = Cells(LineStarting(synth.out, "All"));
  ASSERT_GE(written.size(), 4u) << synth.out;
  CommandRun ethnicity = Cradle("inequalities --by ethnicity --quiet --db " + db);
  ASSERT_EQ(ethnicity.exit_code, 0) << ethnicity.out;
  EXPECT_TRUE(Contains(ethnicity.out, "Leicester (E06000016), 2022-24, from records"))
      << ethnicity.out;
  std::vector<std::string> all = Cells(LineStarting(ethnicity.out, "All"));
  ASSERT_GE(all.size(), 5u) << ethnicity.out;
  EXPECT_EQ(all[1], written[1]);  // live births
  EXPECT_EQ(all[2], written[2]);  // infant deaths
  EXPECT_EQ(all[3], written[3]);  // neonatal deaths
  EXPECT_TRUE(Contains(ethnicity.out, "White British (reference)")) << ethnicity.out;
  EXPECT_TRUE(Contains(ethnicity.out, "Synthetic data: not real people")) << ethnicity.out;
  EXPECT_TRUE(Contains(ethnicity.out, "Counts from 1 to 4 are not shown")) << ethnicity.out;

  for (const char* by : {"ethnicity-broad", "ethnicity-census", "imd", "imd-quintile", "ward",
                         "lsoa", "gestation", "birthweight", "mother-age"}) {
    CommandRun run = Cradle(std::string("inequalities --by ") + by + " --quiet --db " + db);
    EXPECT_EQ(run.exit_code, 0) << by << run.out;
    EXPECT_EQ(Cells(LineStarting(run.out, "All")), all) << by << run.out;
  }
  CommandRun csv = Cradle("inequalities --format csv --by ward --quiet --db " + db);
  EXPECT_EQ(csv.exit_code, 0) << csv.out;
  EXPECT_EQ(csv.out.rfind("Breakdown,Group code,Group,Period,Basis,Measure,Live births,", 0), 0u)
      << csv.out;
  EXPECT_TRUE(Contains(csv.out, "\nWard,E05010458,Abbey,2022-24,death-cohort,infant,")) << csv.out;
  CommandRun deprivation = Cradle("inequalities --by imd --quiet --db " + db);
  EXPECT_TRUE(Contains(deprivation.out, "Slope index of inequality")) << deprivation.out;

  CommandRun standardise = Cradle("standardise --quiet --db " + db);
  ASSERT_EQ(standardise.exit_code, 0) << standardise.out;
  EXPECT_TRUE(Contains(standardise.out, "Standardised by ethnic group")) << standardise.out;
  EXPECT_TRUE(Contains(standardise.out, "Standardised by deprivation decile")) << standardise.out;
  EXPECT_TRUE(Contains(standardise.out, "Observed " + written[2] + " deaths")) << standardise.out;
  EXPECT_TRUE(Contains(standardise.out, "Source: Office for National Statistics"))
      << standardise.out;

  CommandRun booking = Cradle("booking --quiet --db " + db);
  ASSERT_EQ(booking.exit_code, 0) << booking.out;
  std::vector<std::string> black = Cells(LineStarting(booking.out, "Black"));
  ASSERT_GE(black.size(), 8u) << booking.out;
  EXPECT_GT(std::stod(black[6]), 1.0) << booking.out;  // Black mothers book late more often

  CommandRun monthly = Cradle("spc --quiet --db " + db);
  ASSERT_EQ(monthly.exit_code, 0) << monthly.out;
  EXPECT_TRUE(Contains(monthly.out, "2023-01")) << monthly.out;
  EXPECT_FALSE(Contains(monthly.out, "2022-12")) << monthly.out;  // deaths incomplete in 2022
  EXPECT_TRUE(Contains(monthly.out, "Latest point: ")) << monthly.out;
  // Eight quarters: too few for the Making Data Count rules, which say so.
  CommandRun quarters = Cradle("spc --interval quarter --quiet --db " + db);
  EXPECT_EQ(quarters.exit_code, 64) << quarters.out;
  EXPECT_TRUE(Contains(quarters.out, "cradle spc: ")) << quarters.out;
}

TEST(CliTest, LoadSyntheticOnceAndNeverBesideRealRecords) {
  std::string db = FreshDb("load_synthetic");
  CommandRun first = Cradle("load --synthetic --db " + db);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_TRUE(Contains(first.out, "births.csv")) << first.out;
  EXPECT_TRUE(Contains(first.out, "Synthetic data: not real people")) << first.out;
  CommandRun again = Cradle("load --synthetic --db " + db);
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_FALSE(Contains(again.out, "loaded")) << again.out;

  // The synthetic CDOP register reproduces the Leicester CDOP's top six
  // modifiable factors, in order.
  CommandRun factors = Cradle("cdop factors --format csv --quiet --db " + db);
  ASSERT_EQ(factors.exit_code, 0) << factors.out;
  std::vector<std::string> top;
  std::istringstream lines(factors.out);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> cells =
        cradle::Split(line, ',');  // a name may hold a comma: it comes after
    if (cells.size() > 4 && !cells[3].empty() && cells[3] != "Rank" && std::stoi(cells[3]) <= 6) {
      top.push_back(cells[4]);
    }
  }
  EXPECT_EQ(top, (std::vector<std::string>{"B.SMOKING_PREG", "B.MATERNAL_BMI", "B.SMOKE_HOUSEHOLD",
                                           "D.AGENCY_COMMS", "D.GUIDELINE_NOT_FOLLOWED",
                                           "D.MISSED_DETERIORATION"}))
      << factors.out;
  CommandRun table = Cradle("cdop factors --quiet --db " + db);
  EXPECT_TRUE(Contains(table.out, "SYNTHETIC reviews: not real children")) << table.out;
  EXPECT_TRUE(Contains(table.out, "Counts from 1 to 4 are hidden (*)")) << table.out;
  CommandRun timeliness = Cradle("cdop timeliness --quiet --db " + db);
  ASSERT_EQ(timeliness.exit_code, 0) << timeliness.out;
  EXPECT_TRUE(Contains(timeliness.out, "Child death review meeting")) << timeliness.out;

  // The example plan came with the load; its status and its workbook.
  CommandRun plan = Cradle("plan status --quiet --db " + db);
  ASSERT_EQ(plan.exit_code, 0) << plan.out;
  EXPECT_TRUE(Contains(plan.out, "Targeting risk and reducing inequalities")) << plan.out;
  EXPECT_TRUE(Contains(plan.out, "Smoking at time of delivery")) << plan.out;
  const std::string xlsx = db + ".plan.xlsx";
  CommandRun exported = Cradle("plan export --xlsx " + xlsx + " --quiet --db " + db);
  ASSERT_EQ(exported.exit_code, 0) << exported.out;
  CommandRun sheets = cradle::cli::testing::Shell("unzip -l " + xlsx);
  EXPECT_TRUE(Contains(sheets.out, "xl/worksheets/sheet6.xml")) << sheets.out;
  CommandRun second = Cradle("plan load --quiet --db " + db);
  EXPECT_NE(second.exit_code, 0);
  EXPECT_TRUE(Contains(second.out, "already holds an action plan")) << second.out;

  std::string real_db = FreshDb("load_beside_real");
  std::string path = OneBirthFile("real_birth", "3300");
  ASSERT_EQ(Cradle("import births " + path + " --quiet --db " + real_db).exit_code, 0);
  CommandRun refused = Cradle("load --synthetic --db " + real_db);
  EXPECT_EQ(refused.exit_code, 64) << refused.out;
  EXPECT_TRUE(Contains(refused.out,
                       "the store holds 1 real birth record; synthetic records "
                       "would mix with them: use another --db"))
      << refused.out;
}

TEST(CliTest, AnalysesOfAnEmptyStoreSayWhatToDo) {
  std::string db = FreshDb("empty_records");
  for (const char* command : {"inequalities --by ward", "standardise", "booking", "spc"}) {
    CommandRun run = Cradle(std::string(command) + " --quiet --db " + db);
    EXPECT_EQ(run.exit_code, 66) << command << run.out;
    EXPECT_TRUE(Contains(run.out,
                         "holds no birth records: import some with `cradle import "
                         "births FILE.csv`"))
        << run.out;
  }
  CommandRun bad = Cradle("inequalities --by postcode --quiet --db " + db);
  EXPECT_NE(bad.exit_code, 0);
}

TEST(CliTest, ImportErrorsNameFileRowAndColumn) {
  std::string db = FreshDb("import_error");
  std::string path = OneBirthFile("bad_births", "-300");
  CommandRun run = Cradle("import births " + path + " --quiet --db " + db);
  EXPECT_EQ(run.exit_code, 65);
  EXPECT_TRUE(Contains(run.out, path + ": row 2, column 'birthweight_grams': '-300' is "
                                       "outside 200–7000 grams"))
      << run.out;
}

TEST(CliTest, EverySubcommandHasHelp) {
  for (const char* command :
       {"profile", "rank", "breakdown", "areas", "indicators", "load", "import", "synth",
        "inequalities", "standardise", "booking", "spc", "cdop", "plan", "report"}) {
    CommandRun run = Cradle(std::string(command) + " --help");
    EXPECT_EQ(run.exit_code, 0) << command;
    EXPECT_TRUE(Contains(run.out, "Usage")) << command << run.out;
  }
  EXPECT_EQ(Cradle("--help").exit_code, 0);
}

// On a new store `cradle report` loads the synthetic Leicester and the plan
// first, then writes the report in one file; what it cannot do, it refuses
// with the reason. (Its PDF is tested in the browser test browser_report.)
TEST(CliTest, ReportWritesTheScrutinyReportFromANewStore) {
  std::string db = FreshDb("report");
  auto out = std::filesystem::temp_directory_path() /
             ("cradle_cli_report_" + std::to_string(::getpid()) + ".html");
  CommandRun run = Cradle("report --area Leicester --period 2022-24 --date 2026-01-15 --out " +
                          out.string() + " --db " + db);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_TRUE(Contains(run.out, "loading the synthetic Leicester")) << run.out;
  EXPECT_TRUE(
      Contains(run.out, "Wrote Reducing infant mortality in Leicester, 2022-24 to " + out.string()))
      << run.out;
  EXPECT_TRUE(Contains(run.out, "Open Government Licence v3.0")) << run.out;
  std::ifstream file(out);
  std::stringstream html;
  html << file.rdbuf();
  EXPECT_TRUE(Contains(html.str(), "<h1>Reducing infant mortality in Leicester</h1>"));
  EXPECT_TRUE(Contains(html.str(), "significantly higher than England&apos;s 3.7") ||
              Contains(html.str(), "significantly higher than England's 3.7"));

  CommandRun unknown = Cradle("report --area Atlantis --period 2022-24 --out " + out.string() +
                              " --quiet --db " + db);
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_TRUE(Contains(unknown.out, "Atlantis")) << unknown.out;
  CommandRun outside =
      Cradle("report --period 2030-32 --out " + out.string() + " --quiet --db " + db);
  EXPECT_NE(outside.exit_code, 0);
  EXPECT_TRUE(Contains(outside.out, "the records hold births from 2015 to 2024")) << outside.out;
  CommandRun no_template =
      Cradle("report --template /nonexistent --out " + out.string() + " --quiet --db " + db);
  EXPECT_NE(no_template.exit_code, 0);
  EXPECT_TRUE(Contains(no_template.out, "/nonexistent/report.mustache")) << no_template.out;
}

TEST(CliTest, AreasFindsByNameOrCode) {
  std::string db = FreshDb("areas");
  CommandRun run = Cradle("areas leic --quiet --db " + db);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_TRUE(Contains(run.out, "E06000016  Leicester")) << run.out;
  EXPECT_TRUE(Contains(run.out, "E10000018  Leicestershire")) << run.out;
  EXPECT_TRUE(Contains(run.out, "Open Government Licence v3.0.")) << run.out;
  CommandRun none = Cradle("areas Leicstr --quiet --db " + db);
  EXPECT_EQ(none.exit_code, 66);
  EXPECT_TRUE(Contains(none.out, "Nearest")) << none.out;
}

// The scan's inputs: NY leukaemia as SaTScan files, the synthetic areas as CSV.
std::string ScanFile(const std::string& name) {
  return std::string(CRADLE_TESTDATA_DIR) + "/scan/" + name;
}
// `cradle hotspots` on SaTScan's NY leukaemia files.
std::string NewYork() {
  return "hotspots --cas " + ScanFile("ny_leukemia/satscan_ny_cases.txt") + " --pop " +
         ScanFile("ny_leukemia/satscan_ny_pop.txt") + " --geo " +
         ScanFile("ny_leukemia/satscan_ny_coords.txt");
}

TEST(CliTest, HotspotsFindsSatscansNewYorkCluster) {
  CommandRun run = Cradle(NewYork() + " --format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  nlohmann::json result = nlohmann::json::parse(run.out);
  const nlohmann::json& clusters = result["clusters"];
  ASSERT_EQ(clusters.size(), 6u) << run.out;
  // SaTScan's report (tests/data/scan/SCAN.md §3.1): centre 52, 28 tracts,
  // 100 observed, 58.28 expected, LLR 14.083511.
  EXPECT_EQ(clusters[0]["centre"], "52");
  EXPECT_NEAR(clusters[0]["llr"].get<double>(), 14.083511, 1e-6);
  EXPECT_EQ(clusters[0]["members"].size(), 28u);
  EXPECT_EQ(clusters[0]["observed"], 100);
  EXPECT_NEAR(clusters[0]["expected"].get<double>(), 58.2827093062, 1e-9);
  EXPECT_LT(clusters[0]["p_value"].get<double>(), 0.01);
  EXPECT_EQ(clusters[1]["centre"], "89");
  for (size_t i = 1; i < clusters.size(); ++i) {
    EXPECT_GE(clusters[i - 1]["llr"].get<double>(), clusters[i]["llr"].get<double>());
  }

  CommandRun text = Cradle(NewYork() + " --replications 99 --seed 7");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  std::vector<std::string> cells = Cells(LineStarting(text.out, "      1  52"));
  ASSERT_EQ(cells.size(), 9u) << text.out;
  EXPECT_EQ(
      std::vector<std::string>(cells.begin(), cells.end() - 1),
      (std::vector<std::string>{"1", "52", "28", "100", "58.28", "1.72", "1.87", "14.083511"}))
      << text.out;
  EXPECT_TRUE(Contains(text.out,
                       "Poisson scan, high rates, circles up to 50% of the population at risk: "
                       "281 locations, 552 cases, 99 replications, seed 7.\n"))
      << text.out;
  EXPECT_EQ(Cradle("hotspots --help").exit_code, 0);
}

TEST(CliTest, HotspotsFindsThePlantedSyntheticCluster) {
  CommandRun run = Cradle("hotspots --areas " + ScanFile("synthetic/synthetic_5000.csv") +
                          " --replications 99 --format json");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  nlohmann::json result = nlohmann::json::parse(run.out);
  const nlohmann::json& best = result["clusters"][0];
  // SaTScan 10.3.2: exactly the 61 planted areas, LLR 20.604541.
  EXPECT_EQ(best["members"].size(), 61u);
  EXPECT_NEAR(best["llr"].get<double>(), 20.604541, 1e-6);
  EXPECT_EQ(best["observed"], 65);
  EXPECT_EQ(result["locations"], 5000);
  EXPECT_EQ(result["replications"], 99);
}

TEST(CliTest, HotspotsWritesCsvAndGeoJson) {
  CommandRun csv = Cradle(NewYork() + " --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.out;
  std::vector<std::string> lines;
  for (size_t at = 0; at < csv.out.size();) {
    size_t end = csv.out.find('\n', at);
    if (end == std::string::npos) end = csv.out.size();
    std::string line = csv.out.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
    at = end + 1;
  }
  ASSERT_EQ(lines.size(), 7u) << csv.out;  // a header and six clusters
  EXPECT_TRUE(lines[0].starts_with("cluster,centre_id,centre_x,centre_y,radius,n_locations,"))
      << lines[0];
  EXPECT_TRUE(lines[1].starts_with("1,52,")) << lines[1];
  EXPECT_TRUE(Contains(lines[1], ",28,52 50 37 49 ")) << lines[1];

  CommandRun geo = Cradle(NewYork() + " --format geojson");
  ASSERT_EQ(geo.exit_code, 0) << geo.out;
  nlohmann::json collection = nlohmann::json::parse(geo.out);
  EXPECT_EQ(collection["type"], "FeatureCollection");
  ASSERT_EQ(collection["features"].size(), 12u);  // members and circle per cluster
  EXPECT_EQ(collection["features"][0]["geometry"]["type"], "MultiPoint");
  EXPECT_EQ(collection["features"][0]["geometry"]["coordinates"].size(), 28u);
  EXPECT_EQ(collection["features"][1]["geometry"]["type"], "Polygon");
  EXPECT_EQ(collection["features"][1]["properties"]["centre"], "52");
}

TEST(CliTest, HotspotsRefusesBadFlagsAndMissingFiles) {
  CommandRun wide = Cradle(NewYork() + " --max-window 60");
  EXPECT_NE(wide.exit_code, 0);
  EXPECT_TRUE(
      Contains(wide.out, "--max-window: must be a percentage above 0 and at most 50, not 60"))
      << wide.out;
  std::string missing = ScanFile("no_such_file.csv");
  CommandRun absent = Cradle("hotspots --areas " + missing);
  EXPECT_EQ(absent.exit_code, 74);
  EXPECT_TRUE(Contains(absent.out, "cradle hotspots: " + missing + ": cannot open file"))
      << absent.out;
  CommandRun no_pop = Cradle("hotspots --cas " + ScanFile("ny_leukemia/satscan_ny_cases.txt") +
                             " --geo " + ScanFile("ny_leukemia/satscan_ny_coords.txt"));
  EXPECT_EQ(no_pop.exit_code, 64);
  EXPECT_TRUE(Contains(no_pop.out, "--model poisson needs --pop")) << no_pop.out;
  CommandRun both = Cradle(NewYork() + " --areas " + ScanFile("synthetic/synthetic_5000.csv"));
  EXPECT_NE(both.exit_code, 0);
  EXPECT_TRUE(Contains(both.out, "--areas excludes --cas")) << both.out;
}

TEST(CliTest, HotspotsGivesTheSameAnswerOnOneOrTwoThreads) {
  // 5,000 areas and 99 replications: two blocks of replications, split
  // between the threads.
  const std::string args = "hotspots --areas " + ScanFile("synthetic/synthetic_5000.csv") +
                           " --replications 99 --gumbel --format csv";
  CommandRun one = Cradle(args + " --seed 42 --threads 1");
  CommandRun two = Cradle(args + " --seed 42 --threads 2");
  ASSERT_EQ(one.exit_code, 0) << one.out;
  EXPECT_EQ(one.out, two.out);
  CommandRun other_seed = Cradle(args + " --seed 43 --threads 2");
  EXPECT_NE(one.out, other_seed.out);  // the p-values come from the seed
}

TEST(CliTest, HotspotsSpaceTimeReproducesNewMexico) {
  CommandRun run = Cradle(
      "hotspots --space-time --start 1973 --end 1991 --coordinates latlong --replications 9 "
      "--format json --cas " +
      ScanFile("satscan_sample_data/nm.cas") + " --pop " + ScanFile("satscan_sample_data/nm.pop") +
      " --geo " + ScanFile("satscan_sample_data/nm.geo"));
  ASSERT_EQ(run.exit_code, 0) << run.out;
  nlohmann::json best = nlohmann::json::parse(run.out)["clusters"][0];
  // SaTScan 10.3.2 (SCAN.md §3.2): 9 counties around Torrance, 1985-1989.
  EXPECT_EQ(best["centre"], "Torrance");
  EXPECT_EQ(best["members"].size(), 9u);
  EXPECT_NEAR(best["llr"].get<double>(), 10.979758, 1e-6);
  EXPECT_EQ(best["time_start"], "1985/1/1");
  EXPECT_EQ(best["time_end"], "1989/12/31");
}

}  // namespace
