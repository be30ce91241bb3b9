// The same calibration, years and seed give byte-identical files; another
// seed gives other files; a year's births do not depend on the other years.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "synth/generator.h"
#include "synth/testing.h"
#include "synth/writer.h"

namespace cradle::synth {
namespace {

using testing::Leicester;
using testing::ReadWholeFile;
using testing::ScratchDir;

struct Files {
  std::string births, deaths, bookings;
};

Files Generate(const std::string& name, YearRange years, uint64_t seed) {
  Result<SyntheticData> data = GenerateSyntheticData(Leicester(), {years, seed});
  EXPECT_TRUE(data.ok()) << data.status().ToString();
  if (!data.ok()) return {};
  const std::string dir = ScratchDir(name);
  Status written = WriteSyntheticData(*data, dir);
  EXPECT_TRUE(written.ok()) << written.ToString();
  return {ReadWholeFile(dir + "/births.csv"), ReadWholeFile(dir + "/deaths.csv"),
          ReadWholeFile(dir + "/bookings.csv")};
}

TEST(DeterminismTest, SameSeedGivesByteIdenticalFiles) {
  const Files first = Generate("same_a", {2015, 2024}, 1);
  const Files second = Generate("same_b", {2015, 2024}, 1);
  EXPECT_GT(first.births.size(), 1000000u);
  EXPECT_EQ(first.births, second.births);
  EXPECT_EQ(first.deaths, second.deaths);
  EXPECT_EQ(first.bookings, second.bookings);
}

TEST(DeterminismTest, AnotherSeedGivesOtherFiles) {
  const Files one = Generate("seed_1", {2022, 2024}, 1);
  const Files two = Generate("seed_2", {2022, 2024}, 2);
  EXPECT_NE(one.births, two.births);
  EXPECT_NE(one.deaths, two.deaths);
  EXPECT_NE(one.bookings, two.bookings);
  // The seed is in every id, so two seeds' records never share one.
  EXPECT_NE(one.births.find("SYN1-B2022-00001,"), std::string::npos);
  EXPECT_NE(two.births.find("SYN2-B2022-00001,"), std::string::npos);
}

TEST(DeterminismTest, AYearsBirthsDoNotDependOnTheOtherYears) {
  Result<SyntheticData> all = GenerateSyntheticData(Leicester(), {{2015, 2024}, 7});
  Result<SyntheticData> one = GenerateSyntheticData(Leicester(), {{2020, 2020}, 7});
  ASSERT_TRUE(all.ok() && one.ok());
  size_t offset = 0;
  while (all->births[offset].birth_id != "SYN7-B2020-00001") ++offset;
  ASSERT_EQ(one->births.size(), 4458u);
  for (size_t idx = 0; idx < one->births.size(); ++idx) {
    const SynthBirth& a = all->births[offset + idx];
    const SynthBirth& b = one->births[idx];
    ASSERT_EQ(a.birth_id, b.birth_id);
    ASSERT_EQ(a.date_of_birth, b.date_of_birth);
    ASSERT_EQ(a.lsoa21, b.lsoa21);
    ASSERT_EQ(a.birthweight_grams, b.birthweight_grams);
  }
}

TEST(DeterminismTest, YearsOutsideTheCalibrationAreRefused) {
  Result<SyntheticData> data = GenerateSyntheticData(Leicester(), {{2009, 2024}, 1});
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(data.status().message(),
            "years 2009-2024 are outside the years Leicester's synthetic calibration covers "
            "(2010-2024)");
}

TEST(DeterminismTest, AnOutputDirectoryThatIsAFileIsAnIoError) {
  const std::string dir = ScratchDir("not_a_dir");
  const std::string file = dir + "/plain_file";
  { std::ofstream(file) << "x"; }
  Result<SyntheticData> data = GenerateSyntheticData(Leicester(), {{2024, 2024}, 1});
  ASSERT_TRUE(data.ok());
  Status written = WriteSyntheticData(*data, file);
  EXPECT_EQ(written.code(), StatusCode::kIoError);
  EXPECT_EQ(written.message().rfind("cannot create the output directory " + file, 0), 0u)
      << written.message();
}

TEST(DeterminismTest, ParsesYearRanges) {
  Result<YearRange> range = ParseYearRange("2015-2024");
  ASSERT_TRUE(range.ok());
  EXPECT_EQ(range->first, 2015);
  EXPECT_EQ(range->last, 2024);
  Result<YearRange> single = ParseYearRange("2020");
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(single->first, 2020);
  EXPECT_EQ(single->last, 2020);
  for (const char* bad : {"", "15-24", "2015-", "2015-2024-2025", "20x5", "2015/2024", "+2015"}) {
    Result<YearRange> parsed = ParseYearRange(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.status().message(),
              "years must be YYYY-YYYY (e.g. 2015-2024) or YYYY; got '" + std::string(bad) + "'");
  }
  Result<YearRange> backwards = ParseYearRange("2024-2015");
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.status().message(), "years must run forwards; got 2024-2015");
}

}  // namespace
}  // namespace cradle::synth
