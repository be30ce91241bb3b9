// The downloads read back as they were meant: the CSV through the repository's
// own CsvReader (the dialect analysts' tools share), the xlsx through unzip, so
// a test fails if a number turns into text, a note is lost or a quote breaks a
// row.
#include "web/downloads.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "base/csv_reader.h"

namespace cradle::web {
namespace {

using charts::Cell;
using charts::DataTable;

DataTable InfantMortality() {
  DataTable table;
  table.title = "Infant mortality rate, 2020-22";
  table.columns = {"Area code",           "Area name",           "Value",
                   "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Count"};
  table.rows = {
      {"E06000016", "Leicester", Cell("7.2", 7.234567891234), Cell("5.9", 5.91), Cell("8.8", 8.75),
       Cell("109", 109)},
      {"E06000018", "Nottingham", Cell("5.0", 5.0), Cell("3.9", 3.9), Cell("6.3", 6.25),
       Cell("71", 71)},
      {"E06000053", "Isles of Scilly", "*", "", "", "*"},
      {"E92000001", "England", Cell("3.9", 3.9), Cell("3.8", 3.8), Cell("4.0", 4.0),
       Cell("7,123", 7123)},
  };
  table.notes = {
      "Source: Office for National Statistics (ONS), licensed under the Open "
      "Government Licence v3.0.",
      "* Counts of 1 to 4 are not shown."};
  return table;
}

std::string TempDir() {
  std::string pattern = ::testing::TempDir() + "downloads-XXXXXX";
  char* made = mkdtemp(pattern.data());
  EXPECT_NE(made, nullptr);
  return pattern;
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::vector<std::vector<std::string>> ReadCsv(const std::string& csv,
                                              std::vector<std::string>* header) {
  std::string dir = TempDir();
  std::string path = dir + "/table.csv";
  WriteFile(path, csv);
  auto reader = CsvReader::Open(path);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  std::vector<std::vector<std::string>> rows;
  if (!reader.ok()) return rows;
  *header = (*reader)->header();
  while (true) {
    auto row = (*reader)->Next();
    EXPECT_TRUE(row.ok()) << row.status().ToString();
    if (!row.ok() || !row->has_value()) break;
    rows.push_back((**row).fields);
  }
  std::filesystem::remove_all(dir);
  return rows;
}

// One member of a zip file, by the system's unzip; "" if it is not there.
std::string Unzip(const std::string& zip_path, const std::string& member, int* exit_status) {
  std::string command = "unzip -p '" + zip_path + "' '" + member + "' 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  if (!pipe) return out;
  std::array<char, 4096> buffer;
  size_t got;
  while ((got = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0)
    out.append(buffer.data(), got);
  *exit_status = pclose(pipe.release());
  return out;
}

struct Xlsx {
  std::string sheet;
  std::string strings;
  std::string workbook;
  std::string styles;
  int test_status = -1;  // unzip -t: 0 if every member's CRC checks
};

Xlsx OpenXlsx(const std::string& bytes) {
  std::string dir = TempDir();
  std::string path = dir + "/table.xlsx";
  WriteFile(path, bytes);
  Xlsx xlsx;
  int status = 0;
  xlsx.sheet = Unzip(path, "xl/worksheets/sheet1.xml", &status);
  EXPECT_EQ(status, 0) << "unzip found no xl/worksheets/sheet1.xml";
  xlsx.strings = Unzip(path, "xl/sharedStrings.xml", &status);
  EXPECT_EQ(status, 0) << "unzip found no xl/sharedStrings.xml";
  xlsx.workbook = Unzip(path, "xl/workbook.xml", &status);
  xlsx.styles = Unzip(path, "xl/styles.xml", &status);
  xlsx.test_status = std::system(("unzip -tqq '" + path + "' >/dev/null 2>&1").c_str());
  std::filesystem::remove_all(dir);
  return xlsx;
}

TEST(TableCsv, HeaderThenRowsWithNotesColumn) {
  std::string csv = TableCsv(InfantMortality());
  std::string first_line = csv.substr(0, csv.find("\r\n"));
  EXPECT_EQ(first_line,
            "Area code,Area name,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Count,Notes");
  // RFC 4180 line ends; the notes' own line feed is inside quotes.
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
}

TEST(TableCsv, NumbersAtFullPrecisionTextAsShown) {
  std::vector<std::string> header;
  auto rows = ReadCsv(TableCsv(InfantMortality()), &header);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0][2], "7.234567891234");  // not the "7.2" shown
  EXPECT_EQ(std::stod(rows[0][2]), 7.234567891234);
  EXPECT_EQ(rows[0][5], "109");  // a whole number has no ".0"
  EXPECT_EQ(rows[1][2], "5");
  EXPECT_EQ(rows[3][5], "7123");  // no thousands separator in a number
  EXPECT_EQ(rows[2][2], "*");     // suppressed: its text
  EXPECT_EQ(rows[2][3], "");      // missing: empty
}

TEST(TableCsv, ShortestTextReadsBackToTheSameDouble) {
  DataTable table;
  table.columns = {"x"};
  const std::vector<double> values = {0.1 + 0.2,           1.0 / 3.0, 1e-12,
                                      123456789.123456789, -4.25,     5e300};
  for (double v : values) table.rows.push_back({Cell("shown", v)});
  std::vector<std::string> header;
  auto rows = ReadCsv(TableCsv(table), &header);
  ASSERT_EQ(rows.size(), values.size());
  for (size_t idx = 0; idx < values.size(); ++idx) {
    EXPECT_EQ(std::strtod(rows[idx][0].c_str(), nullptr), values[idx]) << rows[idx][0];
  }
  EXPECT_EQ(rows[0][0], "0.30000000000000004");
}

TEST(TableCsv, RoundTripsAwkwardTextThroughCsvReader) {
  DataTable table;
  table.title = "Awkward";
  table.columns = {"Name, with comma", "Quote \"q\"", "Lines"};
  table.rows = {
      {"Leicester, City of", "He said \"no\"", "one\ntwo"},
      {" padded ", "\ttab", "crlf\r\nline"},
      {"Ynys Môn", "", "\"\""},
  };
  std::vector<std::string> header;
  auto rows = ReadCsv(TableCsv(table), &header);
  EXPECT_EQ(header, table.columns);  // no notes, no notes column
  ASSERT_EQ(rows.size(), table.rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    ASSERT_EQ(rows[r].size(), table.rows[r].size());
    for (size_t c = 0; c < rows[r].size(); ++c) EXPECT_EQ(rows[r][c], table.rows[r][c].text);
  }
  std::string csv = TableCsv(table);
  EXPECT_NE(csv.find("\"Leicester, City of\""), std::string::npos);
  EXPECT_NE(csv.find("\"He said \"\"no\"\"\""), std::string::npos);
}

TEST(TableCsv, EveryRowCarriesEveryNote) {
  DataTable table = InfantMortality();
  std::vector<std::string> header;
  auto rows = ReadCsv(TableCsv(table), &header);
  ASSERT_EQ(header.back(), "Notes");
  const std::string expected = table.notes[0] + "\n" + table.notes[1];
  for (const auto& row : rows) EXPECT_EQ(row.back(), expected);
}

TEST(TableCsv, NotesTravelEvenWithoutRows) {
  DataTable table = InfantMortality();
  table.rows.clear();
  std::vector<std::string> header;
  auto rows = ReadCsv(TableCsv(table), &header);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "");
  EXPECT_NE(rows[0].back().find("Open Government Licence"), std::string::npos);
}

TEST(TableCsv, NotesColumnDoesNotClashWithATableColumn) {
  DataTable table;
  table.columns = {"Area", "Notes"};
  table.rows = {{"Leicester", "provisional"}};
  table.notes = {"Source: ONS"};
  std::vector<std::string> header;  // CsvReader refuses a repeated column name
  auto rows = ReadCsv(TableCsv(table), &header);
  EXPECT_EQ(header, (std::vector<std::string>{"Area", "Notes", "Table notes"}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][1], "provisional");
  EXPECT_EQ(rows[0][2], "Source: ONS");
}

TEST(TableCsv, ShortRowsArePaddedToTheHeader) {
  DataTable table;
  table.columns = {"a", "b", "c"};
  table.rows = {{"1"}};
  table.notes = {"n"};
  std::vector<std::string> header;
  auto rows = ReadCsv(TableCsv(table), &header);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"1", "", "", "n"}));
}

TEST(SheetName, ExcelRules) {
  EXPECT_EQ(SheetName("Infant mortality rate, 2020-22"), "Infant mortality rate, 2020-22");
  EXPECT_EQ(SheetName("Deaths [by] cause: a/b\\c*d?"), "Deaths  by  cause  a b c d");
  EXPECT_EQ(SheetName("A title that is much longer than thirty-one characters"),
            "A title that is much longer tha");
  EXPECT_EQ(SheetName(std::string(40, 'x')).size(), 31u);
  // 31 code points, not 31 bytes: "ô" is two bytes and one character.
  std::string accented = "Ynys Môn " + std::string(30, 'z');
  EXPECT_EQ(SheetName(accented), "Ynys Môn " + std::string(22, 'z'));
  EXPECT_EQ(SheetName("'quoted'"), "quoted");
  EXPECT_EQ(SheetName(""), "Data");
  EXPECT_EQ(SheetName("[]:*?"), "Data");
  EXPECT_EQ(SheetName("History"), "Data");
}

TEST(TableXlsx, IsAZipWithTheSheetAndSharedStrings) {
  auto xlsx = TableXlsx(InfantMortality());
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  ASSERT_GT(xlsx->size(), 4u);
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
  Xlsx book = OpenXlsx(*xlsx);
  EXPECT_EQ(book.test_status, 0) << "unzip -t found a damaged member";
  EXPECT_NE(book.workbook.find("name=\"Infant mortality rate, 2020-22\""), std::string::npos)
      << book.workbook;
}

TEST(TableXlsx, NumbersAreNumericCellsAtFullValue) {
  auto xlsx = TableXlsx(InfantMortality());
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  Xlsx book = OpenXlsx(*xlsx);
  // Row 3 is Leicester (title in row 1, headings in row 2). A numeric cell has
  // no t="s" attribute and its value in <v>.
  EXPECT_NE(book.sheet.find("<c r=\"C3\" s=\""), std::string::npos) << book.sheet;
  EXPECT_NE(book.sheet.find("><v>7.234567891234</v></c>"), std::string::npos) << book.sheet;
  EXPECT_NE(book.sheet.find("<v>109</v>"), std::string::npos);
  EXPECT_NE(book.sheet.find("<v>7123</v>"), std::string::npos);
  EXPECT_EQ(book.sheet.find("<c r=\"C3\" s=\"1\" t=\"s\""), std::string::npos);
  // Text cells, the suppressed "*" among them, are shared strings.
  EXPECT_NE(book.sheet.find("<c r=\"A3\" s="), std::string::npos);
  EXPECT_NE(book.sheet.find("t=\"s\""), std::string::npos);
  // The shown decimals become the number format; the thousands separator too.
  EXPECT_NE(book.styles.find("formatCode=\"0.0\""), std::string::npos) << book.styles;
  EXPECT_NE(book.styles.find("formatCode=\"#,##0\""), std::string::npos) << book.styles;
}

TEST(TableXlsx, StringsTitleHeadingsAndNotesInSharedStrings) {
  DataTable table = InfantMortality();
  table.rows.push_back({"E0", "Brighton & Hove <\"x\">", "", "", "", ""});
  auto xlsx = TableXlsx(table);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  Xlsx book = OpenXlsx(*xlsx);
  for (const char* text :
       {"Infant mortality rate, 2020-22", "Area code", "Upper CI 95.0 limit", "Leicester",
        "E06000016", "Isles of Scilly", "* Counts of 1 to 4 are not shown.",
        "Brighton &amp; Hove &lt;\"x\"&gt;"}) {
    EXPECT_NE(book.strings.find(std::string(">") + text + "</t>"), std::string::npos)
        << text << " not in\n"
        << book.strings;
  }
  EXPECT_NE(book.strings.find("Open Government Licence v3.0."), std::string::npos);
  // The notes sit one empty row below the last row of data (row 7 here: title,
  // headings, five rows), in column A.
  EXPECT_NE(book.sheet.find("<c r=\"A9\""), std::string::npos) << book.sheet;
  EXPECT_NE(book.sheet.find("<c r=\"A10\""), std::string::npos);
  EXPECT_EQ(book.sheet.find("<row r=\"8\""), std::string::npos);
}

TEST(TableXlsx, HeadingsFrozenColumnsSized) {
  auto xlsx = TableXlsx(InfantMortality());
  ASSERT_TRUE(xlsx.ok());
  Xlsx book = OpenXlsx(*xlsx);
  EXPECT_NE(book.sheet.find("ySplit=\"2\""), std::string::npos) << book.sheet;
  EXPECT_NE(book.sheet.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(book.sheet.find("<cols>"), std::string::npos);
  EXPECT_NE(book.sheet.find("customWidth=\"1\""), std::string::npos);
  // The title and the heading row are bold: a font with <b/> in the styles.
  EXPECT_NE(book.styles.find("<b/>"), std::string::npos);
}

TEST(TableXlsx, OverlongCellIsAnErrorWithLibxlsxwritersReason) {
  DataTable table;
  table.title = "Too long";
  table.columns = {"text"};
  table.rows = {{std::string(40000, 'a')}};
  auto xlsx = TableXlsx(table);
  ASSERT_FALSE(xlsx.ok());
  EXPECT_EQ(xlsx.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(xlsx.status().message().find("row 1, column 1"), std::string::npos)
      << xlsx.status().message();
  EXPECT_NE(xlsx.status().message().find("32,767"), std::string::npos) << xlsx.status().message();
}

// TMPDIR is process-wide; these tests set it and put it back.
class TmpdirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* old = std::getenv("TMPDIR");
    had_ = old != nullptr;
    if (had_) old_ = old;
  }
  void TearDown() override {
    if (had_) {
      setenv("TMPDIR", old_.c_str(), 1);
    } else {
      unsetenv("TMPDIR");
    }
  }
  bool had_ = false;
  std::string old_;
};

TEST_F(TmpdirTest, TemporaryFileIsRemoved) {
  std::string dir = TempDir();
  setenv("TMPDIR", dir.c_str(), 1);
  ASSERT_TRUE(TableXlsx(InfantMortality()).ok());
  DataTable bad;
  bad.rows = {{std::string(40000, 'a')}};
  bad.columns = {"a"};
  ASSERT_FALSE(TableXlsx(bad).ok());
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

TEST_F(TmpdirTest, UnwritableTemporaryDirectoryIsAnIoError) {
  setenv("TMPDIR", "/nonexistent/cradle-downloads-test", 1);
  auto xlsx = TableXlsx(InfantMortality());
  ASSERT_FALSE(xlsx.ok());
  EXPECT_EQ(xlsx.status().code(), StatusCode::kIoError);
  EXPECT_NE(xlsx.status().message().find("/nonexistent/cradle-downloads-test"), std::string::npos);
}

}  // namespace
}  // namespace cradle::web
