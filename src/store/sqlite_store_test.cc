#include <gtest/gtest.h>

#include <filesystem>

#include "store/store.h"

namespace cradle::store {
namespace {

std::string FreshPath(const std::string& name) {
  auto path = std::filesystem::temp_directory_path() / ("cradle_store_" + name + ".db");
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  return path.string();
}

DatasetImport SmallImport() {
  DatasetImport import;
  import.dataset = {
      "test_ds",     "Test table", "deaths occurring in the year", "ONS", "data/test.csv", "OGL v3",
      "Source: ONS", "abc"};
  import.areas = {{"E92000001", "England", "Country", "K04000001"},
                  { "E06000016",
                    "Leicester",
                    "Unitary Authority",
                    "E12000004" }};
  import.counts = {{"test_ds", 2022, "E06000016", "", "", "infant_deaths", 33.0, ""},
                   {"test_ds", 2022, "E06000016", "", "", "live_births", 4376.0, ""},
                   { "test_ds",
                     2022,
                     "E92000001",
                     "",
                     "",
                     "infant_deaths",
                     std::nullopt,
                     "[x]" }};
  return import;
}

TEST(SqliteStoreTest, ImportsAndReadsBack) {
  auto store = OpenSqliteStore(FreshPath("roundtrip"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE((*store)->ReplaceDataset(SmallImport()).ok());
  auto counts = (*store)->Counts();
  ASSERT_TRUE(counts.ok());
  ASSERT_EQ(counts->size(), 3u);
  EXPECT_EQ((*counts)[0].area_code, "E06000016");
  EXPECT_EQ((*counts)[0].measure, "infant_deaths");
  EXPECT_EQ((*counts)[0].value, 33.0);
  EXPECT_FALSE((*counts)[2].value.has_value());
  EXPECT_EQ((*counts)[2].flag, "[x]");
  auto areas = (*store)->Areas();
  ASSERT_TRUE(areas.ok());
  ASSERT_EQ(areas->size(), 2u);
  EXPECT_EQ((*areas)[0].parent_code, "E12000004");
  auto dataset = (*store)->FindDataset("test_ds");
  ASSERT_TRUE(dataset.ok() && dataset->has_value());
  EXPECT_EQ((*dataset)->basis, "deaths occurring in the year");
}

TEST(SqliteStoreTest, ReplacingADatasetIsIdempotent) {
  auto store = OpenSqliteStore(FreshPath("idempotent"));
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->ReplaceDataset(SmallImport()).ok());
  ASSERT_TRUE((*store)->ReplaceDataset(SmallImport()).ok());
  EXPECT_EQ((*store)->Counts()->size(), 3u);
}

TEST(SqliteStoreTest, AFailingImportChangesNothing) {
  auto store = OpenSqliteStore(FreshPath("atomic"));
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->ReplaceDataset(SmallImport()).ok());
  DatasetImport bad = SmallImport();
  bad.counts[0].value = 99.0;           // would change a value...
  bad.counts.push_back(bad.counts[1]);  // ...but a duplicate key fails the whole import
  Status status = (*store)->ReplaceDataset(bad);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kInvalidData);
  EXPECT_NE(status.message().find("two values for live_births in E06000016, 2022"),
            std::string::npos);
  auto counts = (*store)->Counts();
  ASSERT_EQ(counts->size(), 3u);
  EXPECT_EQ((*counts)[0].value, 33.0);
}

TEST(SqliteStoreTest, UnknownAreaIsRejected) {
  auto store = OpenSqliteStore(FreshPath("unknown_area"));
  ASSERT_TRUE(store.ok());
  DatasetImport bad = SmallImport();
  bad.counts.push_back({"test_ds", 2022, "E06999999", "", "", "live_births", 1.0, ""});
  Status status = (*store)->ReplaceDataset(bad);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(),
            "dataset test_ds has counts for area E06999999, which is not a known area");
  EXPECT_TRUE((*store)->Counts()->empty());
  EXPECT_TRUE((*store)->Areas()->empty());
}

records::BirthRecord Birth(int number) {
  records::BirthRecord birth;
  birth.birth_id = "b" + std::to_string(number);
  birth.date_of_birth = *records::Date::Parse("2022-05-01");
  birth.lsoa21 = "E01013600";
  birth.ethnic_group = "asian_pakistani";
  birth.mother_age_band = "25-29";
  birth.gestation_weeks = 39;
  birth.birthweight_grams = 3000 + number % 500;
  birth.ivf = 'N';
  birth.overseas_ivf = 'N';
  birth.smoking_at_booking = 'N';
  birth.smoking_at_delivery = 'U';
  birth.maternal_bmi_band = "18.5-24.9";
  return birth;
}

// Adds `births` as rows 2, 3, … of one import and commits; the outcomes.
std::vector<InsertResult> ImportBirths(Store& store,
                                       const std::vector<records::BirthRecord>& births) {
  auto import = store.BeginImport(records::RecordKind::kBirths, "births.csv", "test");
  EXPECT_TRUE(import.ok()) << import.status().ToString();
  std::vector<int64_t> rows;
  for (size_t idx = 0; idx < births.size(); ++idx) rows.push_back(static_cast<int64_t>(idx) + 2);
  std::vector<InsertResult> results(births.size());
  EXPECT_TRUE((*import)->AddBirths(births, rows, results).ok());
  EXPECT_TRUE((*import)->Commit({}).ok());
  return results;
}

// Batches big enough for the many-row INSERT statements tell every outcome
// apart just as single rows do, wherever in a statement the clash is.
TEST(SqliteStoreTest, BatchesOfBirthsTellEveryOutcomeApart) {
  auto store = OpenSqliteStore(FreshPath("batches"));
  ASSERT_TRUE(store.ok());
  std::vector<records::BirthRecord> first;
  for (int number = 0; number < 600; ++number) first.push_back(Birth(number));
  for (const InsertResult& result : ImportBirths(**store, first)) {
    EXPECT_EQ(result.outcome, InsertOutcome::kInserted);
  }
  std::vector<records::BirthRecord> second = first;  // rows 2-601: stored already
  second[5].birthweight_grams = 4444;                // row 7: stored with other values
  second[590].smoking_at_delivery = 'Y';             // row 592
  for (int number = 600; number < 1300; ++number) second.push_back(Birth(number));
  second.push_back(Birth(700));  // row 1302: first at row 702, in an earlier statement
  second[1000] = Birth(1001);    // row 1002: b1001 is again at row 1003, the same statement
  std::vector<InsertResult> results = ImportBirths(**store, second);
  ASSERT_EQ(results.size(), second.size());
  auto outcome_at = [&](int row) { return results[static_cast<size_t>(row - 2)]; };
  EXPECT_EQ(outcome_at(2).outcome, InsertOutcome::kUnchanged);
  EXPECT_EQ(outcome_at(7).outcome, InsertOutcome::kConflict);
  EXPECT_EQ(outcome_at(7).first_row, 7);
  EXPECT_EQ(outcome_at(592).outcome, InsertOutcome::kConflict);
  EXPECT_EQ(outcome_at(601).outcome, InsertOutcome::kUnchanged);
  EXPECT_EQ(outcome_at(602).outcome, InsertOutcome::kInserted);
  EXPECT_EQ(outcome_at(1002).outcome, InsertOutcome::kInserted);
  EXPECT_EQ(outcome_at(1003).outcome, InsertOutcome::kDuplicateInImport);
  EXPECT_EQ(outcome_at(1003).first_row, 1002);
  EXPECT_EQ(outcome_at(1302).outcome, InsertOutcome::kDuplicateInImport);
  EXPECT_EQ(outcome_at(1302).first_row, 702);
  int inserted = 0;
  for (const InsertResult& result : results) inserted += result.outcome == InsertOutcome::kInserted;
  EXPECT_EQ(inserted, 699);  // b600-b1299 but b1000
  EXPECT_EQ(*(*store)->CountRecords(records::RecordKind::kBirths), 1299);
}

TEST(SqliteStoreTest, RefusesAFileThatIsNotAStore) {
  std::string path = FreshPath("garbage");
  {
    FILE* f = std::fopen(path.c_str(), "wb");
    std::fputs("this is not a database, just some text long enough to matter...........", f);
    std::fclose(f);
  }
  auto store = OpenSqliteStore(path);
  EXPECT_FALSE(store.ok());
}

}  // namespace
}  // namespace cradle::store
