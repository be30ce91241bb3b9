#include "indicators/engine.h"

#include <gtest/gtest.h>

#include <cmath>

#include "indicators/testing.h"

namespace cradle::indicators {
namespace {

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::Bundled().status.ok()) << testing::Bundled().status.ToString();
  }
  const Engine& engine() { return *testing::Bundled().engine; }
  const Indicator& Ind(const std::string& id) { return **engine().catalogue().Find(id); }
  static double Round1(double value) { return std::round(value * 10) / 10; }
};

// Fingertips 92196 for England, published: 4.3, 4.1, 4.0, 3.9, 3.9 (reference
// published_figures.csv); deaths registered in the year / live births, pooled.
TEST_F(EngineTest, EnglandRegistrationsReproduceFingertips) {
  const double kPublished[] = {4.3, 4.1, 4.0, 3.9, 3.9};
  for (int first = 2010; first <= 2014; ++first) {
    IndicatorValue value = engine().Compute(Ind("infant-mortality"), "E92000001", {first, 3});
    ASSERT_TRUE(value.has_value()) << value.unavailable;
    EXPECT_EQ(value.dataset_id, "ons_registrations_2010_2017");
    EXPECT_DOUBLE_EQ(Round1(*value.value()), kPublished[first - 2010]) << first;
  }
}

TEST_F(EngineTest, LeicesterDeathCohort2020To22IsWorseThanEngland) {
  IndicatorValue value = engine().Compute(Ind("infant-mortality"), "E06000016", {2020, 3});
  ASSERT_TRUE(value.has_value()) << value.unavailable;
  EXPECT_EQ(value.dataset_id, "ons_death_cohort_2020_2022");
  EXPECT_EQ(*value.count, 94);
  EXPECT_EQ(*value.denominator, 13006);
  EXPECT_NEAR(*value.value(), 94.0 / 13006 * 1000, 1e-12);
  EXPECT_EQ(value.ci95->method, stats::CiMethod::kByar);
  EXPECT_LT(value.ci998->ci.lower, value.ci95->ci.lower);
  ASSERT_TRUE(value.comparator_value.has_value());
  // England from the same death-cohort table, never the registrations.
  EXPECT_NEAR(*value.comparator_value, (2100.0 + 2209 + 2240) / (585195.0 + 595948 + 577046) * 1000,
              1e-12);
  EXPECT_EQ(value.compared, stats::Significance::kWorse);
  EXPECT_EQ(stats::ExportLabel(value.compared, stats::Polarity::kLowIsGood), "Worse");
  EXPECT_EQ(value.rank, 3);  // after Slough and Birmingham
  // 151 upper-tier authorities; Rutland (4 deaths) and the City of London (1)
  // are not ranked under the small-number rule.
  EXPECT_EQ(value.rank_of, 149);
  EXPECT_TRUE(value.value_note.empty());
}

TEST_F(EngineTest, RankListsEveryUpperTierAuthorityHighestFirst) {
  std::vector<IndicatorValue> ranked = engine().Rank(Ind("infant-mortality"), {2020, 3});
  ASSERT_EQ(ranked.size(), 151u);
  EXPECT_EQ(ranked[0].area_code, "E06000039");  // Slough
  EXPECT_EQ(ranked[1].area_code, "E08000025");  // Birmingham
  EXPECT_EQ(ranked[2].area_code, "E06000016");  // Leicester
  for (size_t idx = 1; idx < ranked.size(); ++idx) {
    if (ranked[idx].suppressed) {
      EXPECT_FALSE(ranked[idx].rank.has_value());
      continue;
    }
    EXPECT_GE(*ranked[idx - 1].value(), *ranked[idx].value());
    EXPECT_GE(*ranked[idx].rank, *ranked[idx - 1].rank);
  }
}

TEST_F(EngineTest, BasesAreNeverPooledTogether) {
  for (Period period : {Period{2016, 3}, Period{2018, 3}, Period{2019, 3}}) {
    IndicatorValue value = engine().Compute(Ind("infant-mortality"), "E06000016", period);
    EXPECT_FALSE(value.has_value()) << period.Label();
    EXPECT_NE(value.unavailable.find("never pooled across datasets"), std::string::npos)
        << value.unavailable;
  }
  // 2015-17 lies inside the registrations table, but it has no 2017 births.
  IndicatorValue value = engine().Compute(Ind("infant-mortality"), "E06000016", {2015, 3});
  EXPECT_FALSE(value.has_value());
  EXPECT_EQ(value.unavailable,
            "not computed: live_births for 2017 is suppressed or not published in the source "
            "table");
}

TEST_F(EngineTest, NeonatalShareAndLowBirthWeight) {
  IndicatorValue share = engine().Compute(Ind("neonatal-share"), "E06000016", {2020, 3});
  ASSERT_TRUE(share.has_value()) << share.unavailable;
  EXPECT_NEAR(*share.value(), 72.0 / 94 * 100, 1e-9);
  EXPECT_EQ(share.ci95->method, stats::CiMethod::kWilson);
  IndicatorValue lbw = engine().Compute(Ind("20101"), "E06000016", {2022, 1});
  ASSERT_TRUE(lbw.has_value()) << lbw.unavailable;
  EXPECT_NEAR(*lbw.value(), 169.0 / 3905 * 100, 1e-9);
  EXPECT_EQ(lbw.compared, stats::Significance::kWorse);
  IndicatorValue lbw3 = engine().Compute(Ind("20101"), "E06000016", {2020, 3});
  EXPECT_EQ(lbw3.unavailable,
            "Low birth weight of term babies is not published for periods of 3 years");
}

TEST_F(EngineTest, SmallCountsCarryTheOnsReliabilityNote) {
  IndicatorValue value = engine().Compute(Ind("postneonatal-mortality"), "E06000016", {2022, 1});
  ASSERT_TRUE(value.has_value()) << value.unavailable;
  EXPECT_EQ(*value.count, 5);
  EXPECT_EQ(value.value_note, "Unreliable: fewer than 20 events (ONS small-number rule)");
  EXPECT_EQ(value.ci95->method, stats::CiMethod::kExact);
}

TEST_F(EngineTest, BreakdownsCompareWithEnglandFromTheSameTable) {
  IndicatorValue pakistani = engine().Compute(Ind("infant-mortality"), "E92000001", {2022, 1},
                                              {"Ethnic group", "Pakistani"});
  ASSERT_TRUE(pakistani.has_value()) << pakistani.unavailable;
  EXPECT_EQ(pakistani.dataset_id, "ons_ethnicity_2020_2022");
  EXPECT_NEAR(*pakistani.value(), 238.0 / 27496 * 1000, 1e-12);
  ASSERT_TRUE(pakistani.comparator_value.has_value());
  EXPECT_NEAR(*pakistani.comparator_value, 2237.0 / 576187 * 1000, 1e-12);
  EXPECT_EQ(pakistani.compared, stats::Significance::kWorse);
  std::vector<Breakdown> groups = engine().Breakdowns(Ind("infant-mortality"), {2022, 1});
  EXPECT_GE(groups.size(), 23u);  // 13 ethnic groups + 10 deciles
}

TEST_F(EngineTest, AreasResolveByCodeOrNameWithSuggestions) {
  EXPECT_EQ((*engine().ResolveArea("leicester"))->code, "E06000016");
  EXPECT_EQ((*engine().ResolveArea("E06000016"))->name, "Leicester");
  auto missing = engine().ResolveArea("Leicster");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("Leicester (E06000016)"), std::string::npos);
  std::vector<const store::Area*> found = engine().SearchAreas("leicester");
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[0]->code, "E06000016");
}

TEST_F(EngineTest, UnknownPeriodListsThoseThatExist) {
  Status status = engine().CheckPeriod({2005, 3});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_NE(status.message().find("2020-22"), std::string::npos);
  EXPECT_TRUE(engine().CheckPeriod({2020, 3}).ok());
}

}  // namespace
}  // namespace cradle::indicators
