#include "base/csv_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace cradle {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  auto path = std::filesystem::temp_directory_path() / ("cradle_csv_" + name);
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
