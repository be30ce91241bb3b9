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
