#include "records/row_parser.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace cradle::records {
namespace {

ParseContext Context() {
  static const std::unordered_set<std::string> kLsoas = {"E01013600", "E01013601"};
  return {&kLsoas, *Date::Parse("2026-01-01")};
}

std::vector<std::string> GoodBirth() {
  return {"b1", "2022-05-01", "E01013600", "asian_pakistani", "25-29", "39", "3300", "1", "N",
          "N",  "N",          "N",         "18.5-24.9"};
}

TEST(RowParserTest, HeaderMustHaveEveryColumnAndNoOther) {
  std::vector<std::string> header = RowParser::Columns(RecordKind::kBirths);
  std::reverse(header.begin(), header.end());  // order is free
  EXPECT_TRUE(RowParser::ForHeader(RecordKind::kBirths, header, "births.csv").ok());
  header.pop_back();
  header.push_back("birthweight");
  auto bad = RowParser::ForHeader(RecordKind::kBirths, header, "births.csv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "births.csv: row 1 (header): not a births file of docs/data-formats.md: missing "
            "column 'birth_id'; unexpected column 'birthweight'");
}

TEST(RowParserTest, ParsesAGoodBirth) {
  auto parser = RowParser::ForHeader(RecordKind::kBirths, RowParser::Columns(RecordKind::kBirths),
                                     "births.csv");
  ASSERT_TRUE(parser.ok());
  std::vector<FieldError> errors;
  auto birth = parser->ParseBirth(2, GoodBirth(), Context(), &errors);
  ASSERT_TRUE(birth.has_value());
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(birth->gestation_weeks, 39);
  EXPECT_EQ(birth->date_of_birth.ToString(), "2022-05-01");
}

TEST(RowParserTest, ReportsEveryBadFieldOfARow) {
  auto parser = RowParser::ForHeader(RecordKind::kBirths, RowParser::Columns(RecordKind::kBirths),
                                     "births.csv");
  ASSERT_TRUE(parser.ok());
  std::vector<std::string> fields = GoodBirth();
  fields[5] = "52";
  fields[6] = "-300";
  fields[2] = "E01999999";
  fields[9] = "Y";  // overseas IVF without IVF
  std::vector<FieldError> errors;
  EXPECT_FALSE(parser->ParseBirth(7, fields, Context(), &errors).has_value());
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(FormatFieldError("births.csv", errors[0]),
            "births.csv: row 7, column 'lsoa21': 'E01999999' is not an LSOA known to the store");
  EXPECT_EQ(FormatFieldError("births.csv", errors[1]),
            "births.csv: row 7, column 'gestation_weeks': '52' is outside 20–45 weeks");
  EXPECT_EQ(FormatFieldError("births.csv", errors[2]),
            "births.csv: row 7, column 'birthweight_grams': '-300' is outside 200–7000 grams");
  EXPECT_EQ(FormatFieldError("births.csv", errors[3]),
            "births.csv: row 7, column 'overseas_ivf': is Y but ivf is N; overseas IVF requires "
            "ivf = Y");
}

TEST(RowParserTest, AnLsoaSetStandsInForTheKnownCodes) {
  auto parser = RowParser::ForHeader(RecordKind::kBirths, RowParser::Columns(RecordKind::kBirths),
                                     "births.csv");
  ASSERT_TRUE(parser.ok());
  const std::unordered_set<std::string> codes = {"E01013601"};
  const LsoaSet lsoa_set(codes);
  ParseContext context = Context();  // knows E01013600 as a string
  context.lsoa_set = &lsoa_set;      // knows only E01013601, and wins
  std::vector<FieldError> errors;
  EXPECT_FALSE(parser->ParseBirth(2, GoodBirth(), context, &errors).has_value());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].reason, "'E01013600' is not an LSOA known to the store");
  std::vector<std::string> fields = GoodBirth();
  fields[2] = "E01013601";
  errors.clear();
  EXPECT_TRUE(parser->ParseBirth(2, fields, context, &errors).has_value());
  EXPECT_TRUE(errors.empty());
}

TEST(RowParserTest, LongAndNonUtf8ValuesAreShownSafely) {
  auto parser = RowParser::ForHeader(RecordKind::kBookings,
                                     RowParser::Columns(RecordKind::kBookings), "bookings.csv");
  ASSERT_TRUE(parser.ok());
  std::vector<FieldError> errors;
  std::vector<std::string> fields = {"p1", "E01013601",  "black_african",
                                     "80", "2022-01-10", "Leic\xE9ster"};
  EXPECT_FALSE(parser->ParseBooking(3, fields, Context(), &errors).has_value());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].reason, "'Leic\\xE9ster' is not valid UTF-8");
  errors.clear();
  fields[5] = "RWE";
  fields[0] = std::string(100, 'x');
  EXPECT_FALSE(parser->ParseBooking(3, fields, Context(), &errors).has_value());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].reason, "'" + std::string(40, 'x') + "…' is longer than 64 characters");
}

}  // namespace
}  // namespace cradle::records
