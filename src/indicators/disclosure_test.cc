// The small-number rule on hand-made counts: a local count from 1 to 4 is
// hidden with everything made from it, and a family's parts are hidden
// together so none is recovered by subtraction from its total.
#include <gtest/gtest.h>

#include "indicators/engine.h"
#include "indicators/fingertips_export.h"

namespace cradle::indicators {
namespace {

using store::AggregateCount;

class DisclosureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto catalogue = Catalogue::Load(DefaultCataloguePath());
    ASSERT_TRUE(catalogue.ok());
    catalogue_ = std::make_unique<Catalogue>(std::move(*catalogue));
    areas_ = {{"E92000001", "England", "Country", "K04000001"},
              {"E12000004", "East Midlands", "Region", "E92000001"},
              {"E06000016", "Leicester", "Unitary Authority", "E12000004"},
              {"E06000017", "Rutland", "Unitary Authority", "E12000004"}};
    datasets_ = {{kDc, "Death cohort", "deaths occurring", "ONS", "f", "OGL", "Source: ONS", "h"}};
    Add("E92000001", 577046, 2276, 3818, 1683, 555, 2238);
    Add("E12000004", 40000, 3, 200, 100, 3, 103);
    Add("E06000016", 4376, 21, 47, 28, 5, 33);
    Add("E06000017", 400, 2, 8, 3, 3, 6);
  }

  void Add(const std::string& area, double births, double stillbirths, double perinatal,
           double neonatal, double postneonatal, double infant) {
    for (auto [measure, value] :
         std::vector<std::pair<std::string, double>>{{"live_births", births},
                                                     {"stillbirths", stillbirths},
                                                     {"perinatal_deaths", perinatal},
                                                     {"neonatal_deaths", neonatal},
                                                     {"postneonatal_deaths", postneonatal},
                                                     {"infant_deaths", infant}}) {
      counts_.push_back(AggregateCount{kDc, 2022, area, "", "", measure, value, ""});
    }
  }

  Engine MakeEngine(EngineOptions options = {}) {
    return Engine(*catalogue_, areas_, datasets_, counts_, options);
  }
  const Indicator& Ind(const std::string& id) { return **catalogue_->Find(id); }

  static constexpr const char* kDc = "ons_death_cohort_2020_2022";
  std::unique_ptr<Catalogue> catalogue_;
  std::vector<store::Area> areas_;
  std::vector<store::Dataset> datasets_;
  std::vector<AggregateCount> counts_;
};

TEST_F(DisclosureTest, SmallLocalCountsAndWhatTheyWouldRevealAreHidden) {
  Engine engine = MakeEngine();
  auto at = [&](const std::string& id) { return engine.Compute(Ind(id), "E06000017", {2022, 1}); };
  // 6 infant deaths may be shown; 3 + 3 neonatal and post-neonatal may not.
  EXPECT_FALSE(at("infant-mortality").suppressed);
  EXPECT_EQ(*at("infant-mortality").count, 6);
  EXPECT_TRUE(at("neonatal-mortality").suppressed);
  EXPECT_TRUE(at("postneonatal-mortality").suppressed);
  EXPECT_TRUE(at("neonatal-share").suppressed);
  // Two stillbirths: the stillbirth rate, and the perinatal rate whose
  // denominator (live births + stillbirths) would reveal them, are hidden.
  EXPECT_TRUE(at("stillbirth-rate").suppressed);
  EXPECT_TRUE(at("perinatal-mortality").suppressed);
  IndicatorValue hidden = at("neonatal-mortality");
  EXPECT_FALSE(hidden.has_value());
  EXPECT_FALSE(hidden.value().has_value());
  std::vector<std::string> row = FingertipsRow(engine, hidden);
  EXPECT_EQ(row[6], "");   // Value
  EXPECT_EQ(row[11], "");  // Count
  EXPECT_EQ(row[12], "");  // Denominator
  EXPECT_EQ(row[13], "Suppressed: a count below 5 could be disclosed (small-number rule)");
}

TEST_F(DisclosureTest, OnePartHiddenHidesTheOtherPart) {
  counts_.clear();
  Add("E92000001", 577046, 2276, 3818, 1683, 555, 2238);
  Add("E06000017", 400, 10, 20, 12, 2, 14);  // post-neonatal 2; neonatal 12 = 14 - 2
  Engine engine = MakeEngine();
  EXPECT_TRUE(engine.Compute(Ind("postneonatal-mortality"), "E06000017", {2022, 1}).suppressed);
  EXPECT_TRUE(engine.Compute(Ind("neonatal-mortality"), "E06000017", {2022, 1}).suppressed);
  EXPECT_FALSE(engine.Compute(Ind("infant-mortality"), "E06000017", {2022, 1}).suppressed);
  EXPECT_FALSE(engine.Compute(Ind("stillbirth-rate"), "E06000017", {2022, 1}).suppressed);
}

TEST_F(DisclosureTest, RegionsAndLargeCountsAreShownAndTheRuleCanBeTurnedOff) {
  Engine engine = MakeEngine();
  EXPECT_FALSE(engine.Compute(Ind("stillbirth-rate"), "E12000004", {2022, 1}).suppressed);
  for (const IndicatorValue& value : engine.Profile("E06000016", {2022, 1})) {
    EXPECT_FALSE(value.suppressed) << value.indicator->id;
  }
  EngineOptions off;
  off.disclosure_min_count = 0;
  Engine open = MakeEngine(off);
  EXPECT_FALSE(open.Compute(Ind("neonatal-mortality"), "E06000017", {2022, 1}).suppressed);
}

TEST_F(DisclosureTest, SuppressedAreasAreListedLastAndUnranked) {
  Engine engine = MakeEngine();
  std::vector<IndicatorValue> ranked = engine.Rank(Ind("neonatal-mortality"), {2022, 1});
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].area_code, "E06000016");
  EXPECT_EQ(ranked[0].rank, 1);
  EXPECT_EQ(ranked[0].rank_of, 1);
  EXPECT_TRUE(ranked[1].suppressed);
  EXPECT_FALSE(ranked[1].rank.has_value());
}

}  // namespace
}  // namespace cradle::indicators
