#include "opendata/bundled.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>

namespace cradle::opendata {
namespace {

// The bundled data loaded once per test process into a fresh store.
struct Loaded {
  std::unique_ptr<store::Store> store;
  Status status;
  std::vector<LoadOutcome> first_load;
  std::vector<store::AggregateCount> counts;
};

const Loaded& Data() {
  static const Loaded* loaded = [] {
    auto* out = new Loaded();
    auto path = std::filesystem::temp_directory_path() /
                ("cradle_bundled_test_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    auto opened = store::OpenSqliteStore(path.string());
    if (!opened.ok()) {
      out->status = opened.status();
      return out;
    }
    out->store = std::move(*opened);
    auto first = LoadBundledOpenData(*out->store, CRADLE_DATA_DIR);
    if (!first.ok()) {
      out->status = first.status();
      return out;
    }
    out->first_load = *first;
    out->counts = *out->store->Counts();
    return out;
  }();
  return *loaded;
}

class BundledTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Data().status.ok()) << Data().status.ToString(); }
  static store::Store* store_() { return Data().store.get(); }
  static const std::vector<LoadOutcome>& first_load() { return Data().first_load; }

  static std::optional<double> Count(const std::string& dataset, const std::string& area, int year,
                                     const std::string& measure, const std::string& category = "") {
    for (const store::AggregateCount& c : Data().counts) {
      if (c.dataset_id == dataset && c.area_code == area && c.year == year &&
          c.measure == measure && c.category == category) {
        return c.value;
      }
    }
    ADD_FAILURE() << "no count " << dataset << " " << area << " " << year << " " << measure;
    return std::nullopt;
  }
};

TEST_F(BundledTest, LoadsEveryTable) {
  // and Leicester's LSOA lookup and deprivation
  ASSERT_EQ(first_load().size(), BundledTables().size() + 2);
  for (const LoadOutcome& outcome : first_load()) {
    EXPECT_TRUE(outcome.loaded) << outcome.dataset_id;
    EXPECT_GT(outcome.counts + outcome.areas, 0u) << outcome.dataset_id;
  }
  auto datasets = store_()->Datasets();
  ASSERT_TRUE(datasets.ok());
  for (const store::Dataset& dataset : *datasets) {
    EXPECT_EQ(dataset.attribution,
              dataset.publisher == "Office for National Statistics"
                  ? "Source: Office for National Statistics licensed under the Open Government "
                    "Licence v3.0."
                  : "Contains public sector information licensed under the Open Government "
                    "Licence v3.0.")
        << dataset.id;
  }
}

TEST_F(BundledTest, LeicesterDeathCohortMatchesTheOnsTable) {
  const std::string kDc = "ons_death_cohort_2020_2022";
  EXPECT_EQ(Count(kDc, "E06000016", 2020, "infant_deaths"), 24);
  EXPECT_EQ(Count(kDc, "E06000016", 2021, "infant_deaths"), 37);
  EXPECT_EQ(Count(kDc, "E06000016", 2022, "infant_deaths"), 33);
  EXPECT_EQ(Count(kDc, "E06000016", 2020, "live_births"), 4458);
  EXPECT_EQ(Count(kDc, "E06000016", 2021, "live_births"), 4172);
  EXPECT_EQ(Count(kDc, "E06000016", 2022, "live_births"), 4376);
  EXPECT_EQ(Count(kDc, "E06000016", 2021, "neonatal_deaths"), 25);
}

TEST_F(BundledTest, RegistrationsKeepNilsAndSuppressionApart) {
  const std::string kReg = "ons_registrations_2010_2017";
  EXPECT_EQ(Count(kReg, "E92000001", 2010, "infant_deaths"), 2966);
  EXPECT_EQ(Count(kReg, "E92000001", 2010, "live_births"), 687007);
  EXPECT_EQ(Count(kReg, "E06000017", 2010, "infant_deaths"), 0);            // Rutland: "-" is nil
  EXPECT_FALSE(Count(kReg, "E92000001", 2017, "live_births").has_value());  // no 2017 births
  EXPECT_EQ(Count(kReg, "E92000001", 2010, "postneonatal_deaths"), 2966 - 2036);
}

TEST_F(BundledTest, BreakdownsAreCategories) {
  EXPECT_EQ(Count("ons_ethnicity_2020_2022", "E92000001", 2022, "infant_deaths", "Pakistani"), 238);
  EXPECT_EQ(Count("ons_ethnicity_2020_2022", "E92000001", 2022, "infant_deaths"), 2237);
  EXPECT_EQ(Count("ons_imd_decile_2010_2022", "E92000001", 2022, "infant_deaths", "1"), 471);
}

TEST_F(BundledTest, LsoaDeprivationIsNational) {
  // Leicester 008A: IMD 2025 score 17.68, rank 16,660 of 33,755, decile 5.
  const std::string kImd = "mhclg_imd2025_leicester_lsoa21";
  EXPECT_EQ(Count(kImd, "E01013606", 2025, "imd_score"), 17.68);
  EXPECT_EQ(Count(kImd, "E01013606", 2025, "imd_rank"), 16660);
  EXPECT_EQ(Count(kImd, "E01013606", 2025, "imd_decile"), 5);
  EXPECT_EQ(Count(kImd, "E01013606", 2022, "population"), 1968);
  int lsoas = 0;
  for (const store::AggregateCount& c : Data().counts) {
    lsoas += c.dataset_id == kImd && c.measure == "imd_decile";
  }
  EXPECT_EQ(lsoas, 200);
}

TEST_F(BundledTest, AreasHaveTypesAndParents) {
  auto areas = store_()->Areas();
  ASSERT_TRUE(areas.ok());
  std::map<std::string, store::Area> by_code;
  for (const store::Area& area : *areas) by_code[area.code] = area;
  EXPECT_EQ(by_code["E06000016"].name, "Leicester");
  EXPECT_EQ(by_code["E06000016"].type, "Unitary Authority");
  EXPECT_EQ(by_code["E06000016"].parent_code, "E12000004");
  EXPECT_EQ(by_code["E12000004"].name, "East Midlands");
  EXPECT_EQ(by_code["E07000129"].parent_code, "E10000018");
  EXPECT_EQ(by_code["E92000001"].parent_code, "K04000001");
  // Leicester's 200 LSOAs under its 21 wards.
  EXPECT_EQ(by_code["E01013600"].type, "LSOA");
  EXPECT_EQ(by_code["E01013600"].parent_code, "E05010458");
  EXPECT_EQ(by_code["E05010458"].name, "Abbey");
  EXPECT_EQ(by_code["E05010458"].parent_code, "E06000016");
  int lsoas = 0;
  for (const auto& [code, area] : by_code) lsoas += area.type == "LSOA";
  EXPECT_EQ(lsoas, 200);
}

TEST_F(BundledTest, ReloadingUnchangedFilesIsANoOp) {
  auto again = LoadBundledOpenData(*store_(), CRADLE_DATA_DIR);
  ASSERT_TRUE(again.ok());
  for (const LoadOutcome& outcome : *again) EXPECT_FALSE(outcome.loaded) << outcome.dataset_id;
  EXPECT_EQ(store_()->Counts()->size(), Data().counts.size());
}

}  // namespace
}  // namespace cradle::opendata
