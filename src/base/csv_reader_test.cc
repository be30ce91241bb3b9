#include "base/csv_reader.h"

#include <csv.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>

namespace cradle {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  // The process id keeps parallel runs of the suite (two build dirs) apart.
  auto path = std::filesystem::temp_directory_path() /
              ("cradle_csv_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

TEST(CsvReaderTest, ReadsQuotedFieldsAndNumbersRowsLikeASpreadsheet) {
  auto path = WriteTemp("quoted.csv",
                        "\xEF\xBB\xBFyear,area_code,area_name\r\n"
                        "2022,\"K04000001, J99000001\",\"ENGLAND, WALES\"\r\n"
                        "2022,E06000016,\"Leicester \"\"City\"\"\"\r\n");
  auto reader = CsvReader::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  CsvReader& csv = **reader;
  EXPECT_EQ(csv.header(), (std::vector<std::string>{"year", "area_code", "area_name"}));
  EXPECT_EQ(csv.ColumnIndex("area_name"), 2u);
  auto first = csv.Next();
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->row_number, 2);
  EXPECT_EQ((*first)->fields[1], "K04000001, J99000001");
  auto second = csv.Next();
  ASSERT_TRUE(second.ok() && second->has_value());
  EXPECT_EQ((*second)->fields[2], "Leicester \"City\"");
  auto end = csv.Next();
  ASSERT_TRUE(end.ok());
  EXPECT_FALSE(end->has_value());
}

TEST(CsvReaderTest, RaggedRowIsAnErrorNamingFileAndRow) {
  auto path = WriteTemp("ragged.csv", "a,b\n1,2\n3\n");
  auto reader = CsvReader::Open(path);
  ASSERT_TRUE(reader.ok());
  ASSERT_TRUE((*reader)->Next().ok());
  auto bad = (*reader)->Next();
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), path + ": row 3: has 1 fields but the header has 2");
}

TEST(CsvReaderTest, UnterminatedQuoteIsAnError) {
  auto path = WriteTemp("unterminated.csv", "a,b\n1,\"2\n");
  auto reader = CsvReader::Open(path);
  ASSERT_TRUE(reader.ok());
  auto bad = (*reader)->Next();
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidData);
}

TEST(CsvReaderTest, MissingFileAndMissingColumn) {
  auto missing = CsvReader::Open("/nonexistent/births.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
  auto reader = CsvReader::Open(WriteTemp("cols.csv", "a,b\n"));
  ASSERT_TRUE(reader.ok());
  auto column = (*reader)->RequireColumn("live_births");
  ASSERT_FALSE(column.ok());
  EXPECT_NE(column.status().message().find("'live_births'"), std::string::npos);
  EXPECT_FALSE(CsvReader::Open(WriteTemp("empty.csv", "")).ok());
  EXPECT_FALSE(CsvReader::Open(WriteTemp("dup.csv", "a,a\n")).ok());
}

TEST(CsvReaderTest, ViewsPointIntoTheBufferAndUnescapeQuotes) {
  auto path = WriteTemp("views.csv", "a,b\n \"x \"\"y\"\"\" , z \t\n\n\n\"1\n2\",\r\n");
  auto reader = CsvReader::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  auto first = (*reader)->NextView();
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->row_number, 2);
  ASSERT_EQ((*first)->fields.size(), 2u);
  EXPECT_EQ((*first)->fields[0], "x \"y\"");
  EXPECT_EQ((*first)->fields[1], "z");
  auto second = (*reader)->NextView();
  ASSERT_TRUE(second.ok() && second->has_value());
  EXPECT_EQ((*second)->row_number, 3);  // blank lines are not rows
  EXPECT_EQ((*second)->fields[0], "1\n2");
  EXPECT_EQ((*second)->fields[1], "");
  auto end = (*reader)->NextView();
  ASSERT_TRUE(end.ok());
  EXPECT_FALSE(end->has_value());
}

// What libcsv (strict mode, as the reader used to call it) makes of `content`:
// the records, then the record at which it stopped with an error, if any.
struct LibcsvParse {
  std::vector<std::vector<std::string>> records;
  std::optional<int64_t> error_row;
  bool unterminated = false;
};

LibcsvParse ParseWithLibcsv(const std::string& content, size_t chunk) {
  struct Sink {
    LibcsvParse out;
    std::vector<std::string> record;
  } sink;
  auto on_field = [](void* data, size_t len, void* self) {
    static_cast<Sink*>(self)->record.emplace_back(static_cast<const char*>(data), len);
  };
  auto on_record = [](int, void* self) {
    auto* target = static_cast<Sink*>(self);
    target->out.records.push_back(std::move(target->record));
    target->record.clear();
  };
  csv_parser parser;
  csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_blk_size(&parser, 1 << 20);  // else a long field is regrown 128 bytes at a time
  size_t start = 0;
  if (content.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
  for (size_t pos = start; pos < content.size(); pos += chunk) {
    size_t len = std::min(chunk, content.size() - pos);
    if (csv_parse(&parser, content.data() + pos, len, on_field, on_record, &sink) != len) {
      sink.out.error_row = static_cast<int64_t>(sink.out.records.size()) + 1;
      csv_free(&parser);
      return sink.out;
    }
  }
  if (csv_fini(&parser, on_field, on_record, &sink) != 0) {
    sink.out.error_row = static_cast<int64_t>(sink.out.records.size()) + 1;
    sink.out.unterminated = true;
  }
  csv_free(&parser);
  return sink.out;
}

// Reads `content` (which starts with a two-column header) with CsvReader and
// checks every row, ragged row and error against libcsv's reading of it.
void ExpectSameAsLibcsv(const std::string& name, const std::string& content, size_t chunk) {
  SCOPED_TRACE(::testing::PrintToString(content.substr(0, 200)));
  LibcsvParse expected = ParseWithLibcsv(content, chunk);
  auto path = WriteTemp(name, content);
  auto reader = CsvReader::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  ASSERT_FALSE(expected.records.empty());
  EXPECT_EQ((*reader)->header(), expected.records[0]);
  for (size_t idx = 1; idx < expected.records.size(); ++idx) {
    const auto row_number = static_cast<int64_t>(idx) + 1;
    auto row = (*reader)->Next();
    if (expected.records[idx].size() == 2) {
      ASSERT_TRUE(row.ok()) << row.status().ToString();
      ASSERT_TRUE(row->has_value());
      EXPECT_EQ((*row)->row_number, row_number);
      EXPECT_EQ((*row)->fields, expected.records[idx]);
    } else {
      ASSERT_FALSE(row.ok());
      EXPECT_EQ(row.status().message(), path + ": row " + std::to_string(row_number) + ": has " +
                                            std::to_string(expected.records[idx].size()) +
                                            " fields but the header has 2");
    }
  }
  auto last = (*reader)->Next();
  if (expected.error_row) {
    ASSERT_FALSE(last.ok());
    EXPECT_EQ(last.status().message(),
              path + ": row " + std::to_string(*expected.error_row) + ": " +
                  (expected.unterminated
                       ? "malformed CSV (an unterminated quoted field)"
                       : "malformed CSV (error parsing data while strict checking enabled): "
                         "check the quotes of this row"));
    last = (*reader)->Next();  // nothing more after a broken CSV
  }
  ASSERT_TRUE(last.ok()) << last.status().ToString();
  EXPECT_FALSE(last->has_value());
  std::filesystem::remove(path);
}

TEST(CsvReaderTest, ReadsEveryRandomInputAsLibcsvDoes) {
  const char kAlphabet[] = {'a', 'b', ' ', '\t', ',', '"', '\r', '\n', '\xE9', '\0'};
  std::mt19937 random(20261126);
  std::uniform_int_distribution<size_t> pick(0, sizeof kAlphabet - 1);
  std::uniform_int_distribution<size_t> length(0, 24);
  for (int trial = 0; trial < 5000; ++trial) {
    std::string content = trial % 2 ? "\xEF\xBB\xBFh1,h2\r\n" : "h1,h2\n";
    size_t size = length(random);
    for (size_t idx = 0; idx < size; ++idx) content += kAlphabet[pick(random)];
    // A new file each time: rewriting one file in place makes ext4 flush it.
    ExpectSameAsLibcsv("random_" + std::to_string(trial) + ".csv", content, 1 << 16);
    if (::testing::Test::HasFailure()) break;
  }
}

TEST(CsvReaderTest, RecordsAcrossBufferRefillsReadAsLibcsvDoes) {
  // About 5 MB of rows with quoted commas, line breaks and doubled quotes, so
  // that records straddle the reader's buffer boundaries; then one field of
  // 3 MB, longer than the buffer.
  std::string content = "h1,h2\r\n";
  std::mt19937 random(7);
  for (int row = 0; content.size() < (5 << 20); ++row) {
    content += "id" + std::to_string(row) + ",";
    switch (random() % 4) {
      case 0:
        content += "plain text\n";
        break;
      case 1:
        content += "\"with, comma\"\r\n";
        break;
      case 2:
        content += " \"line\nbreak and \"\"quotes\"\"\" \n";
        break;
      default:
        content += std::string(random() % 3000, 'x') + "\n";
    }
  }
  content += "big,\"" + std::string(3 << 20, 'y') + "\"\n";
  ExpectSameAsLibcsv("refills.csv", content, 1 << 16);
}

}  // namespace
}  // namespace cradle

#include <sstream>

#include "base/csv_writer.h"

namespace cradle {
namespace {

TEST(CsvWriterTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvField("Leicester"), "Leicester");
  EXPECT_EQ(CsvField("Kingston upon Hull, City of"), "\"Kingston upon Hull, City of\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField(" padded\t"), "\" padded\t\"");  // readers trim unquoted ends
  EXPECT_EQ(CsvField("in between"), "in between");
  std::ostringstream out;
  WriteCsvRow(out, {"a", "b,c", ""});
  EXPECT_EQ(out.str(), "a,\"b,c\",\r\n");
}

TEST(CsvWriterTest, WhatIsWrittenReadsBack) {
  auto path = std::filesystem::temp_directory_path() / "cradle_csv_roundtrip.csv";
  std::vector<std::string> fields = {"x,y", "q\"uote", "line\nbreak", "plain"};
  {
    std::ofstream out(path, std::ios::binary);
    WriteCsvRow(out, {"a", "b", "c", "d"});
    WriteCsvRow(out, fields);
  }
  auto reader = CsvReader::Open(path.string());
  ASSERT_TRUE(reader.ok());
  auto row = (*reader)->Next();
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((*row)->fields, fields);
}

}  // namespace
}  // namespace cradle
