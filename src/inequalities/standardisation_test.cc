#include "inequalities/standardisation.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "inequalities/testing.h"
#include "opendata/bundled.h"
#include "stats/confidence.h"
#include "stats/isr.h"

namespace cradle::inequalities {
namespace {

using testing::Add;
using testing::Died;
using testing::MakeBirth;

// England: White British 90,000 births and 180 deaths (2 per 1,000),
// Pakistani 10,000 and 80 (8 per 1,000): 2.6 per 1,000 over both.
ReferenceTable TwoGroupEngland() {
  ReferenceTable table;
  table.dataset_id = "test";
  table.period = {2022, 1};
  Tally white{90000, 180, 120, 60};
  Tally pakistani{10000, 80, 60, 20};
  table.groups = {{"White British", white}, {"Pakistani", pakistani}};
  return table;
}

// 1,000 White British births with 4 deaths, 1,000 Pakistani with 8, and 50
// Indian births (no England rate in the reference) with 1 death.
RecordFrame Local() {
  RecordFrame frame = testing::FourLsoas();
  Add(frame, MakeBirth("2022-02-01", 0), 996);
  Add(frame, Died(MakeBirth("2022-02-01", 0), 3), 4);
  Add(frame, MakeBirth("2022-02-01", 0, "asian_pakistani"), 992);
  Add(frame, Died(MakeBirth("2022-02-01", 0, "asian_pakistani"), 3), 8);
  Add(frame, MakeBirth("2022-02-01", 0, "asian_indian"), 49);
  Add(frame, Died(MakeBirth("2022-02-01", 0, "asian_indian"), 3), 1);
  return frame;
}

TEST(StandardisationTest, WorkedExample) {
  StandardisationOptions options;
  options.period = {2022, 1};
  auto result = Standardise(Local(), TwoGroupEngland(), StandardiseBy::kEthnicity, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->observed, 12);
  EXPECT_EQ(result->births, 2000);
  EXPECT_EQ(result->births_without_group, 50);
  EXPECT_EQ(result->deaths_without_group, 1);
  EXPECT_DOUBLE_EQ(result->expected, 10.0);  // 1,000 × 2/1,000 + 1,000 × 8/1,000
  EXPECT_DOUBLE_EQ(result->england_rate, 2.6);
  EXPECT_DOUBLE_EQ(result->expected_at_england_rate, 5.2);
  EXPECT_DOUBLE_EQ(result->ratio95.value, 120.0);
  auto ratio = stats::IndirectlyStandardisedRatio(12, 10, 100, stats::kConfidence95);
  EXPECT_DOUBLE_EQ(result->ratio95.ci.lower, ratio->ci.lower);
  EXPECT_DOUBLE_EQ(result->ratio95.ci.upper, ratio->ci.upper);
  EXPECT_DOUBLE_EQ(result->crude_rate95.value, 6.0);
  EXPECT_NEAR(result->standardised_rate95.value, 1.2 * 2.6, 1e-12);
  // Excess over England 12 - 5.2 = 6.8, of which 10 - 5.2 = 4.8 is make-up.
  ASSERT_TRUE(result->share_explained.has_value());
  EXPECT_NEAR(*result->share_explained, 4.8 / 6.8, 1e-12);
  ASSERT_EQ(result->rows.size(), 2u);
  EXPECT_EQ(result->rows[1].group, "Pakistani");
  EXPECT_DOUBLE_EQ(result->rows[1].reference_rate, 8.0);
  EXPECT_DOUBLE_EQ(result->rows[1].expected, 8.0);
}

TEST(StandardisationTest, NoExcessNoShare) {
  RecordFrame frame = testing::FourLsoas();
  Add(frame, MakeBirth("2022-02-01", 0), 999);
  Add(frame, Died(MakeBirth("2022-02-01", 0), 3), 1);
  StandardisationOptions options;
  options.period = {2022, 1};
  auto result = Standardise(frame, TwoGroupEngland(), StandardiseBy::kEthnicity, options);
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result->share_explained.has_value());
  EXPECT_DOUBLE_EQ(result->ratio95.value, 50.0);
}

class EnglandReferenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string((std::filesystem::temp_directory_path() /
                             ("cradle_reference_test_" + std::to_string(::getpid()) + ".db"))
                                .string());
    std::filesystem::remove(*path_);
    store_ = store::OpenSqliteStore(*path_)->release();
    ASSERT_TRUE(opendata::LoadBundledOpenData(*store_, CRADLE_DATA_DIR).ok());
  }
  static void TearDownTestSuite() {
    delete store_;
    std::filesystem::remove(*path_);
    delete path_;
  }
  static inline store::Store* store_ = nullptr;
  static inline std::string* path_ = nullptr;
};

const Tally* GroupOf(const ReferenceTable& table, const std::string& name) {
  for (const auto& [group, tally] : table.groups) {
    if (group == name) return &tally;
  }
  return nullptr;
}

TEST_F(EnglandReferenceTest, PoolsTheLatestThreeYears) {
  auto ethnicity = EnglandReference(*store_, StandardiseBy::kEthnicity, std::nullopt);
  ASSERT_TRUE(ethnicity.ok()) << ethnicity.status().ToString();
  EXPECT_EQ(ethnicity->period.Label(), "2020-22");
  const Tally* pakistani = GroupOf(*ethnicity, "Pakistani");
  ASSERT_NE(pakistani, nullptr);
  EXPECT_EQ(pakistani->births, 27170 + 26745 + 27496);  // ONS Table 18, England
  EXPECT_EQ(pakistani->infant, 144 + 175 + 238);
  EXPECT_EQ(GroupOf(*ethnicity, "Unlinked deaths"), nullptr);
  EXPECT_EQ(ethnicity->groups.size(), 12u);
  EXPECT_EQ(ethnicity->attribution,
            "Source: Office for National Statistics licensed under the Open Government Licence "
            "v3.0.");

  auto imd = EnglandReference(*store_, StandardiseBy::kDeprivation, std::nullopt);
  ASSERT_TRUE(imd.ok());
  EXPECT_EQ(imd->period.Label(), "2020-22");
  ASSERT_EQ(imd->groups.size(), 10u);
  EXPECT_EQ(imd->groups[0].first, "1");
  EXPECT_EQ(imd->groups[0].second.births, 78017 + 76361 + 76729);  // ONS Table 21
  EXPECT_EQ(imd->groups[0].second.infant, 427 + 422 + 471);

  auto single = EnglandReference(*store_, StandardiseBy::kDeprivation, indicators::Period{2015, 1});
  ASSERT_TRUE(single.ok());
  auto missing = EnglandReference(*store_, StandardiseBy::kEthnicity, indicators::Period{2018, 3});
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST_F(EnglandReferenceTest, EveryLocalEthnicGroupHasAnEnglandRate) {
  auto ethnicity = EnglandReference(*store_, StandardiseBy::kEthnicity, std::nullopt);
  ASSERT_TRUE(ethnicity.ok());
  RecordFrame frame = testing::FourLsoas();
  Grouping grouping(Dimension::kEthnicity, frame);
  for (const Group& group : grouping.groups()) {
    EXPECT_NE(GroupOf(*ethnicity, group.code), nullptr) << group.code;
  }
}

}  // namespace
}  // namespace cradle::inequalities
