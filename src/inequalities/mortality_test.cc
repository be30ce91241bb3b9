#include "inequalities/mortality.h"

#include <gtest/gtest.h>

#include "base/disclosure.h"
#include "inequalities/testing.h"
#include "stats/confidence.h"
#include "stats/rate.h"
#include "stats/rate_ratio.h"

namespace cradle::inequalities {
namespace {

using testing::Add;
using testing::Died;
using testing::MakeBirth;

const MortalityRow& RowOf(const MortalityTable& table, const std::string& code) {
  for (const MortalityRow& row : table.rows) {
    if (row.group.code == code) return row;
  }
  static MortalityRow none;
  ADD_FAILURE() << "no row " << code;
  return none;
}

// 2022: 1,000 White British births with 10 neonatal deaths, 500 Pakistani
// with 6 neonatal and 4 post-neonatal; and a White British baby born in
// December 2021 who died at 30 days, in January 2022.
RecordFrame TwoGroups() {
  RecordFrame frame = testing::FourLsoas();
  Add(frame, Died(MakeBirth("2021-12-20", 0), 30));
  Add(frame, MakeBirth("2022-03-01", 0), 990);
  Add(frame, Died(MakeBirth("2022-03-01", 0), 2), 10);
  Add(frame, MakeBirth("2022-06-01", 2, "asian_pakistani"), 490);
  Add(frame, Died(MakeBirth("2022-06-01", 2, "asian_pakistani"), 2), 6);
  Add(frame, Died(MakeBirth("2022-06-01", 2, "asian_pakistani"), 100), 4);
  return frame;
}

MortalityOptions In2022() {
  MortalityOptions options;
  options.period = {2022, 1};
  return options;
}

TEST(DisclosureTest, SmallCountsAndFamilies) {
  EXPECT_FALSE(IsSmallCount(0, 5));
  EXPECT_TRUE(IsSmallCount(1, 5));
  EXPECT_TRUE(IsSmallCount(4, 5));
  EXPECT_FALSE(IsSmallCount(5, 5));
  EXPECT_FALSE(IsSmallCount(1, 0));  // rule off
  EXPECT_EQ(HideFamily(10, {7, 3}, 5), (std::vector<bool>{false, true, true}));
  EXPECT_EQ(HideFamily(3, {3, 0}, 5), (std::vector<bool>{true, true, true}));
  EXPECT_EQ(HideFamily(12, {7, 5}, 5), (std::vector<bool>{false, false, false}));
  EXPECT_EQ(HideFamily(10, {10, 0}, 5), (std::vector<bool>{false, false, false}));
}

TEST(MortalityTest, DeathCohortCountsDeathsOfThePeriod) {
  auto table = MortalityByGroup(TwoGroups(), Dimension::kEthnicity, In2022());
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->total.tally.births, 1500);
  EXPECT_EQ(table->total.tally.infant, 21);
  const MortalityRow& white = RowOf(*table, "White British");
  EXPECT_EQ(white.tally.births, 1000);
  EXPECT_EQ(white.tally.infant, 11);  // with the December 2021 baby's death
  EXPECT_EQ(white.tally.postneonatal, 1);
  EXPECT_TRUE(white.reference);
  ASSERT_TRUE(white.rate95.has_value());
  EXPECT_DOUBLE_EQ(white.rate95->value, 11.0);
  auto expected = stats::CrudeRate(11, 1000, 1000, stats::kConfidence95);
  EXPECT_DOUBLE_EQ(white.rate95->ci.lower, expected->ci.lower);
  EXPECT_DOUBLE_EQ(white.rate998->ci.upper,
                   stats::CrudeRate(11, 1000, 1000, stats::kConfidence998)->ci.upper);
  // Neonatal and post-neonatal are hidden together: 1 post-neonatal death.
  EXPECT_FALSE(white.hidden(DeathMeasure::kInfant));
  EXPECT_TRUE(white.hidden(DeathMeasure::kNeonatal));
  EXPECT_TRUE(white.hidden(DeathMeasure::kPostneonatal));

  const MortalityRow& pakistani = RowOf(*table, "Pakistani");
  EXPECT_DOUBLE_EQ(pakistani.rate95->value, 20.0);
  ASSERT_TRUE(pakistani.ratio.has_value());
  auto ratio = stats::RateRatioExactConditional(10, 500, 11, 1000, stats::kConfidence95);
  EXPECT_DOUBLE_EQ(pakistani.ratio->value, 20.0 / 11.0);
  EXPECT_DOUBLE_EQ(pakistani.ratio->ci.lower, ratio->ci.lower);
  EXPECT_DOUBLE_EQ(pakistani.ratio->ci.upper, ratio->ci.upper);
  EXPECT_EQ(pakistani.ratio->method, stats::CiMethod::kExactConditional);
  // Groups without births are listed; "Not Stated" is left out when empty.
  EXPECT_EQ(RowOf(*table, "Indian").note, "no live births");
  for (const MortalityRow& row : table->rows) EXPECT_NE(row.group.code, "Not Stated");
}

TEST(MortalityTest, BirthCohortCountsDeathsOfTheBabiesBornInThePeriod) {
  MortalityOptions options = In2022();
  options.basis = Basis::kBirthCohort;
  auto table = MortalityByGroup(TwoGroups(), Dimension::kEthnicity, options);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(RowOf(*table, "White British").tally.infant, 10);
  EXPECT_EQ(table->total.tally.infant, 20);
  options.period = {2021, 1};
  auto earlier = MortalityByGroup(TwoGroups(), Dimension::kEthnicity, options);
  ASSERT_TRUE(earlier.ok());
  EXPECT_EQ(earlier->total.tally.births, 1);
  EXPECT_EQ(earlier->total.tally.infant, 1);
}

TEST(MortalityTest, SmallCountsHideRatesUnlessTheRuleIsOff) {
  MortalityOptions options = In2022();
  options.measure = DeathMeasure::kNeonatal;
  auto hidden = MortalityByGroup(TwoGroups(), Dimension::kEthnicity, options);
  ASSERT_TRUE(hidden.ok());
  const MortalityRow& white = RowOf(*hidden, "White British");
  EXPECT_FALSE(white.rate95.has_value());
  EXPECT_EQ(white.note, "fewer than 5: not shown");
  EXPECT_FALSE(RowOf(*hidden, "Pakistani").ratio.has_value());
  options.disclosure_min_count = 0;
  auto shown = MortalityByGroup(TwoGroups(), Dimension::kEthnicity, options);
  ASSERT_TRUE(shown.ok());
  EXPECT_DOUBLE_EQ(RowOf(*shown, "White British").rate95->value, 10.0);
  EXPECT_DOUBLE_EQ(RowOf(*shown, "Pakistani").ratio->value, 12.0 / 10.0);
}

TEST(MortalityTest, NeighbourhoodsAndTheirReference) {
  RecordFrame frame = TwoGroups();
  auto wards = MortalityByGroup(frame, Dimension::kWard, In2022());
  ASSERT_TRUE(wards.ok());
  ASSERT_EQ(wards->rows.size(), 2u);  // no unknown ward
  EXPECT_EQ(wards->rows[0].group.label, "North");
  EXPECT_EQ(wards->rows[0].tally.births, 1000);
  EXPECT_EQ(wards->reference_label, "North");  // most births
  auto deciles = MortalityByGroup(frame, Dimension::kImdDecile, In2022());
  ASSERT_TRUE(deciles.ok());
  EXPECT_EQ(deciles->reference_label, "9");  // least deprived with births
  EXPECT_FALSE(deciles->sii.has_value());
  EXPECT_EQ(deciles->sii_note,
            "no SII: Number of quantiles must be between 5 and 100 (2 with births)");
  auto quintiles = MortalityByGroup(frame, Dimension::kImdQuintile, In2022());
  ASSERT_TRUE(quintiles.ok());
  EXPECT_EQ(quintiles->rows[0].group.code, "1");
  EXPECT_EQ(quintiles->rows[0].tally.births, 1000);  // deciles 1 and 2
  EXPECT_EQ(quintiles->rows[4].tally.births, 500);   // decile 9
}

TEST(MortalityTest, SiiAcrossDeciles) {
  RecordFrame frame = testing::FourLsoas();
  frame.lsoas.clear();
  // One LSOA per decile, 1,000 births each; deaths fall from 10 to 1.
  for (int decile = 1; decile <= 10; ++decile) {
    frame.lsoas.push_back({"E0100000" + std::to_string(decile), "", 0, "E06000016", decile});
    Add(frame, MakeBirth("2022-01-01", decile - 1), 1000 - (11 - decile));
    Add(frame, Died(MakeBirth("2022-01-01", decile - 1), 1), 11 - decile);
  }
  MortalityOptions options = In2022();
  options.disclosure_min_count = 0;
  auto table = MortalityByGroup(frame, Dimension::kImdDecile, options);
  ASSERT_TRUE(table.ok());
  ASSERT_TRUE(table->sii.has_value()) << table->sii_note;
  // Rates 10, 9, …, 1 per 1,000 at midpoints 0.05 … 0.95: a line of slope -10.
  EXPECT_NEAR(table->sii->sii, -10.0, 1e-9);
  EXPECT_NEAR(table->sii->rii, 0.5 / 10.5, 1e-9);
  EXPECT_EQ(table->reference_label, "10 (least deprived)");
}

TEST(MortalityTest, BandsOfGestationAndBirthweight) {
  RecordFrame frame = testing::FourLsoas();
  for (int weeks : {23, 24, 27, 28, 36, 37, 41, 42}) {
    Birth birth = MakeBirth("2022-01-01");
    birth.gestation_weeks = static_cast<uint8_t>(weeks);
    birth.birthweight_grams = static_cast<uint16_t>(weeks * 100);  // 2,300 g … 4,200 g
    Add(frame, birth);
  }
  Grouping gestation(Dimension::kGestation, frame);
  std::vector<std::string> bands;
  for (const Birth& birth : frame.births) {
    bands.push_back(gestation.groups()[static_cast<size_t>(gestation.GroupOf(birth))].code);
  }
  EXPECT_EQ(bands, (std::vector<std::string>{"<24", "24-27", "24-27", "28-31", "32-36", "37-41",
                                             "37-41", "42+"}));
  Grouping weight(Dimension::kBirthweight, frame);
  EXPECT_EQ(weight.groups()[static_cast<size_t>(weight.GroupOf(frame.births[0]))].label,
            "2,000-2,499 g");
  EXPECT_EQ(weight.groups()[static_cast<size_t>(weight.GroupOf(frame.births[1]))].label,
            "2,000-2,499 g");
  EXPECT_EQ(weight.groups()[static_cast<size_t>(weight.GroupOf(frame.births[3]))].label,
            "2,500-2,999 g");
  EXPECT_EQ(weight.groups()[static_cast<size_t>(weight.GroupOf(frame.births[7]))].label,
            "4,000 g and over");
}

TEST(MortalityTest, ReferenceByCodeOrLabelAndErrors) {
  MortalityOptions options = In2022();
  options.reference = "pakistani";
  auto table = MortalityByGroup(TwoGroups(), Dimension::kEthnicity, options);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->reference_label, "Pakistani");
  EXPECT_DOUBLE_EQ(RowOf(*table, "White British").ratio->value, 11.0 / 20.0);
  options.reference = "Martian";
  auto unknown = MortalityByGroup(TwoGroups(), Dimension::kEthnicity, options);
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_NE(unknown.status().message().find("no group 'Martian'"), std::string::npos);
  options.reference = "";
  options.period = {2019, 1};
  auto empty = MortalityByGroup(TwoGroups(), Dimension::kEthnicity, options);
  EXPECT_EQ(empty.status().message(),
            "the store holds no live births in 2019 (records cover 2021-2022)");
  EXPECT_EQ(ParseDimension("postcode").status().message(),
            "unknown breakdown 'postcode': use one of ethnicity, ethnicity-broad, "
            "ethnicity-census, imd, imd-quintile, ward, lsoa, gestation, birthweight or "
            "mother-age");
}

}  // namespace
}  // namespace cradle::inequalities
