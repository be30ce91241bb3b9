// Leicester's calibration against the figures printed in the bundled tables
// (read here by eye from data/open/, not from the code under test).
#include "synth/calibration.h"

#include <gtest/gtest.h>

#include <numeric>

#include "synth/testing.h"

namespace cradle::synth {
namespace {

using testing::Leicester;

TEST(CalibrationTest, CoversLeicester2010To2024) {
  const Calibration& calibration = Leicester();
  EXPECT_EQ(calibration.area_code, "E06000016");
  EXPECT_EQ(calibration.area_name, "Leicester");
  EXPECT_EQ(calibration.first_year(), 2010);
  EXPECT_EQ(calibration.last_year(), 2024);
  EXPECT_EQ(calibration.Target(2009), nullptr);
  EXPECT_EQ(calibration.Target(2025), nullptr);
}

TEST(CalibrationTest, PublishedLiveBirthsAreTakenAsPrinted) {
  const std::pair<int, int64_t> published[] = {
      {2010, 5299}, {2011, 5324}, {2012, 5273}, {2013, 5096}, {2014, 5264}, {2015, 5156},
      {2016, 5150}, {2020, 4458}, {2021, 4172}, {2022, 4376}, {2023, 4492}};
  for (const auto& [year, births] : published) {
    EXPECT_EQ(Leicester().Target(year)->live_births, births) << year;
  }
}

TEST(CalibrationTest, UnpublishedLiveBirthsAreInterpolatedOrDerived) {
  // 2017-19 on a straight line from 5,150 (2016) to 4,458 (2020): steps of 173.
  EXPECT_EQ(Leicester().Target(2017)->live_births, 4977);
  EXPECT_EQ(Leicester().Target(2018)->live_births, 4804);
  EXPECT_EQ(Leicester().Target(2019)->live_births, 4631);
  // 105 / 7.9 per 1,000 = 13,291 births in 2022-24, less 4,376 and 4,492.
  EXPECT_EQ(Leicester().Target(2024)->live_births, 4423);
}

TEST(CalibrationTest, DeathsArePublishedOrDerivedFromThe2022To24Headline) {
  const std::tuple<int, int64_t, int64_t> published[] = {
      {2010, 29, 21}, {2011, 40, 28}, {2012, 42, 28}, {2013, 25, 15},
      {2014, 17, 12}, {2015, 29, 24}, {2016, 34, 27}, {2017, 28, 20},
      {2020, 24, 19}, {2021, 37, 25}, {2022, 33, 28}};
  for (const auto& [year, infant, neonatal] : published) {
    EXPECT_EQ(Leicester().Target(year)->infant_deaths, infant) << year;
    EXPECT_EQ(Leicester().Target(year)->neonatal_deaths, neonatal) << year;
  }
  const int64_t deaths_2022_to_24 = Leicester().Target(2022)->infant_deaths +
                                    Leicester().Target(2023)->infant_deaths +
                                    Leicester().Target(2024)->infant_deaths;
  EXPECT_EQ(deaths_2022_to_24, 105);
  // 72 deaths in 2023-24 shared by births 4,492 : 4,423 -> 36 and 36.
  EXPECT_EQ(Leicester().Target(2023)->infant_deaths, 36);
  EXPECT_EQ(Leicester().Target(2024)->infant_deaths, 36);
  // 2018-19: rates between 2014-16 (80 / 15,570 = 5.14) and 2020-22 (94 / 13,006 = 7.23).
  EXPECT_EQ(Leicester().Target(2018)->infant_deaths, 30);  // 6.18 x 4,804
  EXPECT_EQ(Leicester().Target(2019)->infant_deaths, 30);  // 6.53 x 4,631
  // Neonatal at the 2020-22 share, 72 of 94.
  EXPECT_EQ(Leicester().Target(2023)->neonatal_deaths, 28);
  for (const YearTarget& target : Leicester().years) {
    EXPECT_FALSE(target.births_source.empty()) << target.year;
    EXPECT_FALSE(target.deaths_source.empty()) << target.year;
    EXPECT_LE(target.neonatal_deaths, target.infant_deaths) << target.year;
  }
}

TEST(CalibrationTest, LsoasAreLeicesters200WithPopulationAndDecile) {
  const Calibration& calibration = Leicester();
  ASSERT_EQ(calibration.lsoas.size(), 200u);
  int64_t population = 0;
  for (const LsoaWeight& lsoa : calibration.lsoas) {
    population += lsoa.population;
    EXPECT_EQ(lsoa.code.substr(0, 3), "E01");
    EXPECT_GE(lsoa.imd_decile, 1);
    EXPECT_LE(lsoa.imd_decile, 10);
  }
  EXPECT_EQ(population, 372495);
  EXPECT_EQ(calibration.lsoas.front().code, "E01013606");
  EXPECT_EQ(calibration.lsoas.front().population, 1968);
  EXPECT_EQ(calibration.lsoas.front().imd_decile, 5);
}

TEST(CalibrationTest, EthnicMixFollowsCensus2021BroadGroups) {
  const Calibration& calibration = Leicester();
  EXPECT_NEAR(
      std::accumulate(calibration.ethnic_share.begin(), calibration.ethnic_share.end(), 0.0), 1.0,
      1e-12);
  double asian = 0, white = 0, black = 0;
  for (size_t group = 0; group < kEthnicGroupCount; ++group) {
    const std::string_view broad = EthnicGroups()[group].broad_group;
    if (broad == "Asian") asian += calibration.ethnic_share[group];
    if (broad == "White") white += calibration.ethnic_share[group];
    if (broad == "Black") black += calibration.ethnic_share[group];
  }
  // Census shares scaled by 0.99 for the 1% of births whose group is not stated.
  EXPECT_NEAR(asian, 0.434 * 0.99, 1e-9);
  EXPECT_NEAR(white, 0.409 * 0.99, 1e-9);
  EXPECT_NEAR(black, 0.078 * 0.99, 1e-9);
  EXPECT_NEAR(calibration.ethnic_share[*EthnicGroupIndex("white_british")], 0.332 * 0.99, 1e-9);
}

TEST(CalibrationTest, GradientsAreEnglandRatesOver2020To22) {
  const Calibration& calibration = Leicester();
  const double england = 6546.0 / 1755996.0;  // all infant deaths / births, 2020-22
  auto ratio = [&](std::string_view code) {
    return calibration.ethnic_mortality_ratio[*EthnicGroupIndex(code)];
  };
  EXPECT_NEAR(ratio("white_british"), (3048.0 / 1020635.0) / england, 1e-9);
  EXPECT_NEAR(ratio("asian_pakistani"), (557.0 / 81411.0) / england, 1e-9);
  EXPECT_NEAR(ratio("black_african"), (401.0 / 65411.0) / england, 1e-9);
  EXPECT_EQ(ratio("asian_chinese"), ratio("asian_other"));  // Chinese sits with Other Asian
  const double england_imd = (2100.0 + 2209 + 2238) / (585195.0 + 595948 + 576589);
  EXPECT_NEAR(calibration.imd_mortality_ratio[0],
              ((427.0 + 422 + 471) / (78017.0 + 76361 + 76729)) / england_imd, 1e-9);
  EXPECT_NEAR(calibration.imd_mortality_ratio[9],
              ((100.0 + 113 + 93) / (42052.0 + 45657 + 41895)) / england_imd, 1e-9);
}

TEST(CalibrationTest, OnlyLeicesterIsBundled) {
  Result<Calibration> other = LoadCalibration("E08000025", CRADLE_DATA_DIR);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(other.status().message(),
            "only Leicester's calibration (E06000016) is bundled; cannot generate synthetic data "
            "for 'E08000025'");
}

TEST(CalibrationTest, AMissingDataDirectoryIsAnIoError) {
  Result<Calibration> missing = LoadCalibration(kLeicesterCode, "/nonexistent/cradle-data");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace cradle::synth
