// Every single-year rate ONS printed in the bundled tables, recomputed by the
// engine from the counts and compared at ONS's precision (one decimal place).
// The tables are read as files here, independently of the loader.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "base/csv_reader.h"
#include "base/strings.h"
#include "indicators/engine.h"
#include "indicators/testing.h"
#include "opendata/bundled.h"

namespace cradle::indicators {
namespace {

// Rows where the bundled births are not the births ONS divided by. Hackney
// 2013: the births table row is Hackney with the City of London (4,500) while
// the deaths row is Hackney alone (ONS: 28 deaths, 6.3 per 1,000, so about
// 4,444 births).
const std::set<std::pair<std::string, int>> kKnownDiscrepancies = {{"E09000012", 2013}};

int skipped_without_births = 0;

struct RateColumn {
  const char* indicator;
  const char* column;
};

// Reads `file` and checks each published rate; returns how many were checked.
int CheckPublishedRates(const Engine& engine, const std::string& file, const char* year_column,
                        const char* code_column, std::vector<RateColumn> columns) {
  auto reader = CsvReader::Open(opendata::DefaultDataDir() + "/open/" + file);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return 0;
  CsvReader& csv = **reader;
  int checked = 0;
  while (true) {
    auto row = csv.Next();
    EXPECT_TRUE(row.ok());
    if (!row.ok() || !row->has_value()) break;
    const auto& fields = (*row)->fields;
    std::string code = fields[*csv.ColumnIndex(code_column)];
    if (code == "E06000052, E06000053") code = "E06000052";  // as the loader files it
    if (code.find(',') != std::string::npos) continue;
    int year = static_cast<int>(*ParseInt64(fields[*csv.ColumnIndex(year_column)]));
    for (const RateColumn& rate : columns) {
      auto published = ParseDouble(fields[*csv.ColumnIndex(rate.column)]);
      if (!published) continue;  // [x], z or a suppressed rate
      const Indicator& indicator = **engine.catalogue().Find(rate.indicator);
      IndicatorValue value = engine.Compute(indicator, code, {year, 1});
      if (!value.has_value() &&
          value.unavailable.find("live_births for " + std::to_string(year)) != std::string::npos) {
        // ONS printed a rate but the bundle lacks that year's births (2017,
        // and the 2010 rows ONS combined): nothing to recompute it from.
        ++skipped_without_births;
        continue;
      }
      if (kKnownDiscrepancies.count({code, year})) continue;
      if (!value.has_value()) {
        ADD_FAILURE() << file << " row " << (*row)->row_number << " " << rate.indicator << ": "
                      << value.unavailable;
        continue;
      }
      EXPECT_NEAR(*value.value(), *published, 0.05 + 1e-9)
          << file << " row " << (*row)->row_number << " " << code << " " << year << " "
          << rate.column;
      ++checked;
    }
  }
  return checked;
}

class PublishedRatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto& bundled = testing::Bundled();
    ASSERT_TRUE(bundled.status.ok()) << bundled.status.ToString();
    // Disclosure control off: this compares with what ONS itself printed.
    EngineOptions options;
    options.disclosure_min_count = 0;
    auto engine = Engine::FromStore(*bundled.store, *bundled.catalogue, options);
    ASSERT_TRUE(engine.ok());
    engine_ = std::move(*engine);
  }
  std::unique_ptr<Engine> engine_;
};

TEST_F(PublishedRatesTest, DeathCohortTable) {
  int checked = CheckPublishedRates(
      *engine_, "ons_infant_mortality_by_area_death_cohort_2020_2022.csv", "year", "area_code",
      {{"infant-mortality", "infant_rate"},
       {"neonatal-mortality", "neonatal_rate"},
       {"postneonatal-mortality", "postneonatal_rate"},
       {"stillbirth-rate", "stillbirth_rate"},
       {"perinatal-mortality", "perinatal_rate"}});
  EXPECT_GE(checked, 3900);
  EXPECT_EQ(skipped_without_births, 0);
  std::cout << "death cohort: " << checked << " published rates reproduced\n";
}

TEST_F(PublishedRatesTest, RegistrationsTable) {
  // ONS VS rates use the births of its own births table, as the engine does.
  int checked = CheckPublishedRates(*engine_, "ons_infant_deaths_registered_by_area_2010_2017.csv",
                                    "year", "area_code",
                                    {{"infant-mortality", "ons_infant_mortality_rate"},
                                     {"neonatal-mortality", "ons_neonatal_mortality_rate"}});
  EXPECT_GE(checked, 4300);
  // 2017 (no births table) and the 2010 combined rows of Hackney and Cornwall.
  EXPECT_LE(skipped_without_births, 2 * 400);
  std::cout << "registrations: " << checked << " published rates reproduced\n";
}

TEST_F(PublishedRatesTest, EthnicityTable) {
  // England and Wales rows have a combined code and are skipped; England and
  // Wales separately are checked.
  const Engine& engine = *engine_;
  auto reader = CsvReader::Open(opendata::DefaultDataDir() +
                                "/open/ons_infant_mortality_by_ethnicity_2020_2022.csv");
  ASSERT_TRUE(reader.ok());
  int checked = 0;
  while (true) {
    auto row = (*reader)->Next();
    ASSERT_TRUE(row.ok());
    if (!row->has_value()) break;
    const auto& f = (*row)->fields;
    if (f[1].find(',') != std::string::npos) continue;
    auto published = ParseDouble(f[*(*reader)->ColumnIndex("Infant mortality rate")]);
    if (!published) continue;
    Breakdown breakdown;
    if (f[3] != "All") breakdown = {"Ethnic group", f[3]};
    IndicatorValue value = engine.Compute(**engine.catalogue().Find("infant-mortality"), f[1],
                                          {static_cast<int>(*ParseInt64(f[0])), 1}, breakdown);
    ASSERT_TRUE(value.has_value()) << value.unavailable;
    EXPECT_NEAR(*value.value(), *published, 0.05 + 1e-9) << f[0] << " " << f[2] << " " << f[3];
    ++checked;
  }
  EXPECT_GE(checked, 55);
}

}  // namespace
}  // namespace cradle::indicators
