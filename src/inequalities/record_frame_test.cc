#include "inequalities/record_frame.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "imports/importer.h"
#include "imports/testing.h"
#include "opendata/bundled.h"
#include "records/codes.h"

namespace cradle::inequalities {
namespace {

std::filesystem::path Scratch(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("cradle_frame_" + std::to_string(::getpid()) + "_" + name);
}

std::string WriteFile(const std::string& name, const std::string& content) {
  std::ofstream(Scratch(name), std::ios::binary) << content;
  return Scratch(name).string();
}

std::string BirthRow(const std::string& id, const std::string& date) {
  return id + "," + date + ",E01013600,asian_pakistani,25-29,39,3300,1,N,N,N,N,18.5-24.9\n";
}

// Records imported as a user would, read back as a frame.
TEST(RecordFrameTest, ReadsRecordsWithTheirNeighbourhoods) {
  std::filesystem::remove(Scratch("store.db"));
  auto opened = store::OpenSqliteStore(Scratch("store.db").string());
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  store::Store& store = **opened;
  ASSERT_TRUE(opendata::LoadBundledOpenData(store, opendata::DefaultDataDir()).ok());
  imports::ImportOptions options;
  options.today = *records::Date::Parse("2026-01-01");
  std::string births = std::string(imports::testing::kBirthsHeader) + BirthRow("b1", "2021-12-30") +
                       BirthRow("SYN1-B2022-00001", "2022-03-01");
  std::string deaths = std::string(imports::testing::kDeathsHeader) + "b1,2022-01-09,10,7\n";
  std::string bookings = std::string(imports::testing::kBookingsHeader) +
                         "p1,E01013606,black_african,84,2021-06-01,RWE\n";
  for (auto [kind, text] : {std::pair{records::RecordKind::kBirths, births},
                            std::pair{records::RecordKind::kDeaths, deaths},
                            std::pair{records::RecordKind::kBookings, bookings}}) {
    std::string name = std::string(records::RecordKindName(kind)) + "_frame.csv";
    auto report = imports::ImportFile(store, kind, WriteFile(name, text), options);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
  }

  auto frame = LoadRecordFrame(store);
  ASSERT_TRUE(frame.ok()) << frame.status().ToString();
  EXPECT_EQ(frame->lsoas.size(), 200u);
  EXPECT_EQ(frame->wards.size(), 21u);
  EXPECT_EQ(frame->local_authorities, std::vector<std::string>{"E06000016"});
  ASSERT_EQ(frame->births.size(), 2u);
  EXPECT_EQ(frame->first_year, 2021);
  EXPECT_EQ(frame->last_year, 2022);
  EXPECT_EQ(frame->synthetic_records, 1);

  // Births come in id order: "SYN1-…" sorts before "b1".
  const Birth& first = frame->births[1];
  ASSERT_TRUE(first.death.has_value());
  EXPECT_EQ(first.death->age_days, 10);
  EXPECT_TRUE(first.death->neonatal());
  EXPECT_EQ(first.death->date.ToString(), "2022-01-09");
  const Lsoa& lsoa = frame->lsoas[static_cast<size_t>(first.lsoa)];
  EXPECT_EQ(lsoa.code, "E01013600");
  EXPECT_EQ(lsoa.name, "Leicester 003A");
  EXPECT_EQ(lsoa.imd_decile, 1);  // IMD 2025 rank 1,320 of 33,755
  EXPECT_EQ(frame->wards[static_cast<size_t>(lsoa.ward)].name, "Abbey");
  EXPECT_EQ(records::EthnicGroups()[first.ethnic_group].code, "asian_pakistani");
  EXPECT_EQ(first.gestation_weeks, 39);
  EXPECT_EQ(first.birthweight_grams, 3300);

  ASSERT_EQ(frame->bookings.size(), 1u);
  const Booking& booking = frame->bookings[0];
  EXPECT_EQ(booking.gestation_days, 84);
  EXPECT_EQ(frame->lsoas[static_cast<size_t>(booking.lsoa)].imd_decile, 5);
  EXPECT_EQ(frame->attributions,
            std::vector<std::string>{"Contains public sector information licensed under the "
                                     "Open Government Licence v3.0."});
}

}  // namespace
}  // namespace cradle::inequalities
