#include "imports/importer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "imports/testing.h"

namespace cradle::imports {
namespace {

using records::RecordKind;
using testing::BirthRow;

ImportOptions Options() {
  ImportOptions options;
  options.today = *records::Date::Parse("2026-11-26");
  return options;
}

TEST(ImporterTest, BirthsDeathsAndBookingsLand) {
  auto store = testing::StoreWithLsoas("good");
  ASSERT_NE(store, nullptr);
  auto births =
      testing::WriteFile("good_births.csv", std::string(testing::kBirthsHeader) + BirthRow("b1") +
                                                BirthRow("b2") + BirthRow("b3", "2022-12-31"));
  auto report = ImportFile(*store, RecordKind::kBirths, births, Options());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->counts.rows_read, 3);
  EXPECT_EQ(report->counts.inserted, 3);
  auto deaths = testing::WriteFile("good_deaths.csv", std::string(testing::kDeathsHeader) +
                                                          "b1,2022-05-03,2,8\n"
                                                          "b3,2023-02-01,32,\n");
  auto death_report = ImportFile(*store, RecordKind::kDeaths, deaths, Options());
  ASSERT_TRUE(death_report.ok()) << death_report.status().ToString();
  EXPECT_EQ(death_report->counts.inserted, 2);
  auto bookings = testing::WriteFile(
      "good_bookings.csv", std::string(testing::kBookingsHeader) +
                               "p1,E01013601,black_african,85,2021-10-01,RWE\n"
                               "p2,E01013600,white_british,60,2021-11-01,\"Leicester, Royal\"\n");
  ASSERT_TRUE(ImportFile(*store, RecordKind::kBookings, bookings, Options()).ok());
  EXPECT_EQ(*store->CountRecords(RecordKind::kBirths), 3);
  EXPECT_EQ(*store->CountRecords(RecordKind::kDeaths), 2);
  EXPECT_EQ(*store->CountRecords(RecordKind::kBookings), 2);
  std::vector<records::DeathRecord> read;
  ASSERT_TRUE(store->ForEachDeath([&](const records::DeathRecord& d) { read.push_back(d); }).ok());
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].category_of_death, 8);
  EXPECT_FALSE(read[1].category_of_death.has_value());
}

TEST(ImporterTest, ImportingTheSameFileTwiceChangesNothing) {
  auto store = testing::StoreWithLsoas("twice");
  ASSERT_NE(store, nullptr);
  auto births = testing::WriteFile(
      "twice.csv", std::string(testing::kBirthsHeader) + BirthRow("b1") + BirthRow("b2"));
  ASSERT_TRUE(ImportFile(*store, RecordKind::kBirths, births, Options()).ok());
  auto again = ImportFile(*store, RecordKind::kBirths, births, Options());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->counts.inserted, 0);
  EXPECT_EQ(again->counts.unchanged, 2);
  EXPECT_EQ(*store->CountRecords(RecordKind::kBirths), 2);
}

TEST(ImporterTest, ChangedValuesForAStoredIdAreAConflict) {
  auto store = testing::StoreWithLsoas("conflict");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(
      ImportFile(*store, RecordKind::kBirths,
                 testing::WriteFile("c1.csv", std::string(testing::kBirthsHeader) + BirthRow("b1")),
                 Options())
          .ok());
  auto changed = testing::WriteFile(
      "c2.csv", std::string(testing::kBirthsHeader) + BirthRow("b1", "2022-05-02"));
  auto result = ImportFile(*store, RecordKind::kBirths, changed, Options());
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find(
                changed + ": row 2, column 'birth_id': 'b1' is already in the store with "
                          "different values (from row 2 of an earlier import)"),
            std::string::npos)
      << result.status().message();
}

TEST(ImporterTest, SkipInvalidLandsValidRowsAndWritesRejects) {
  auto store = testing::StoreWithLsoas("skip");
  ASSERT_NE(store, nullptr);
  auto births = testing::WriteFile(
      "skip.csv",
      std::string(testing::kBirthsHeader) + BirthRow("b1") +
          "b2,2022-05-01,E01013600,asian_pakistani,25-29,52,3300,1,N,N,N,N,18.5-24.9\n" +
          BirthRow("b3") + "b4,2022-05-01\n" + BirthRow("b1"));
  ImportOptions options = Options();
  options.skip_invalid = true;
  options.rejects_path = testing::WriteFile("skip_rejects.csv", "");
  auto report = ImportFile(*store, RecordKind::kBirths, births, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->counts.inserted, 2);
  EXPECT_EQ(report->counts.rejected, 3);
  EXPECT_EQ(*store->CountRecords(RecordKind::kBirths), 2);
  std::ifstream in(options.rejects_path);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "file,row,column,reason\r\n" + births +
                            ",3,gestation_weeks,'52' is outside 20–45 weeks\r\n" + births +
                            ",5,,has 2 fields but the header has 13\r\n" + births +
                            ",6,birth_id,'b1' appears twice in the file (first at row 2)\r\n");
}

TEST(ImporterTest, ProgressIsReported) {
  auto store = testing::StoreWithLsoas("progress");
  ASSERT_NE(store, nullptr);
  auto births =
      testing::WriteFile("progress.csv", std::string(testing::kBirthsHeader) + BirthRow("b1"));
  ImportOptions options = Options();
  Progress last;
  options.on_progress = [&](const Progress& progress) { last = progress; };
  ASSERT_TRUE(ImportFile(*store, RecordKind::kBirths, births, options).ok());
  EXPECT_EQ(last.rows, 1);
  EXPECT_EQ(last.bytes_read, last.bytes_total);
  EXPECT_GT(last.bytes_total, 0);
}

}  // namespace
}  // namespace cradle::imports
