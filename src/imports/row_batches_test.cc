#include "imports/row_batches.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unordered_set>

#include "imports/testing.h"

namespace cradle::imports {
namespace {

using records::RecordKind;
using testing::BirthRow;

std::unique_ptr<RowBatchReader> ReaderFor(const std::string& path,
                                          const std::unordered_set<std::string>& lsoas,
                                          RowBatchReader::Options options) {
  auto csv = CsvReader::Open(path);
  EXPECT_TRUE(csv.ok()) << csv.status().ToString();
  auto parser = records::RowParser::ForHeader(RecordKind::kBirths, (*csv)->header(), path);
  EXPECT_TRUE(parser.ok()) << parser.status().ToString();
  return std::make_unique<RowBatchReader>(
      std::move(*csv), std::move(*parser),
      records::ParseContext{&lsoas, *records::Date::Parse("2026-11-26")}, options);
}

TEST(RowBatchReaderTest, HandsOnEveryRowInFileOrder) {
  const std::unordered_set<std::string> lsoas = {"E01013600"};
  auto path = testing::WriteFile(
      "batches.csv", std::string(testing::kBirthsHeader) + BirthRow("b1") +
                         "b2,2022-05-01,E01013600,asian_pakistani,25-29,52,3300,1,N,N,N,N,"
                         "18.5-24.9\n" +
                         "b3,2022-05-01\n" + BirthRow("b4") + BirthRow("b5") + "\"b6\n");
  auto reader = ReaderFor(path, lsoas, {.rows_per_batch = 2, .batches_ahead = 1});
  std::vector<std::string> seen;
  int64_t bytes_read = 0;
  while (std::unique_ptr<RowBatch> batch = reader->Next()) {
    ASSERT_TRUE(batch->status.ok()) << batch->status.ToString();
    EXPECT_LE(batch->rows.size(), 2u);
    for (const RowBatch::Row& row : batch->rows) {
      std::string what = std::to_string(row.row_number) + ":";
      switch (row.entry) {
        case RowBatch::Entry::kRecord:
          EXPECT_EQ(batch->record_rows[row.index], row.row_number);
          what += batch->births[row.index].birth_id;
          break;
        case RowBatch::Entry::kFieldErrors:
        case RowBatch::Entry::kBrokenCsv:
          for (uint32_t idx = 0; idx < row.error_count; ++idx) {
            what += " " + batch->errors[row.index + idx].reason;
          }
          break;
      }
      seen.push_back(what);
    }
    bytes_read = batch->bytes_read;
    reader->Recycle(std::move(batch));
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"2:b1", "3: '52' is outside 20–45 weeks",
                                            "4: has 2 fields but the header has 13", "5:b4", "6:b5",
                                            "7: malformed CSV (an unterminated quoted field)"}));
  EXPECT_EQ(bytes_read, static_cast<int64_t>(std::filesystem::file_size(path)));
}

TEST(RowBatchReaderTest, StopsWhenTheConsumerGivesUpEarly) {
  const std::unordered_set<std::string> lsoas = {"E01013600"};
  std::string content = testing::kBirthsHeader;
  for (int idx = 0; idx < 20000; ++idx) content += BirthRow("b" + std::to_string(idx));
  auto path = testing::WriteFile("early.csv", content);
  auto reader = ReaderFor(path, lsoas, {.rows_per_batch = 100, .batches_ahead = 2});
  std::unique_ptr<RowBatch> first = reader->Next();
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->births.size(), 100u);
  reader.reset();  // the reading thread is waiting for room: must wake and end
}

}  // namespace
}  // namespace cradle::imports
