// The bad-input corpus: malformed extracts, each of which must be refused
// with the exact file, row, column and reason, leaving the store unchanged.
#include <gtest/gtest.h>

#include <map>

#include "imports/importer.h"
#include "imports/testing.h"

namespace cradle::imports {
namespace {

using records::RecordKind;
using testing::BirthRow;

// A births row from the valid default with some columns replaced.
std::string Birth(std::map<std::string, std::string> set) {
  std::map<std::string, std::string> f = {{"birth_id", "b9"},
                                          {"date_of_birth", "2022-05-01"},
                                          {"lsoa21", "E01013600"},
                                          {"ethnic_group", "asian_pakistani"},
                                          {"mother_age_band", "25-29"},
                                          {"gestation_weeks", "39"},
                                          {"birthweight_grams", "3300"},
                                          {"multiplicity", "1"},
                                          {"ivf", "N"},
                                          {"overseas_ivf", "N"},
                                          {"smoking_at_booking", "N"},
                                          {"smoking_at_delivery", "N"},
                                          {"maternal_bmi_band", "18.5-24.9"}};
  for (auto& [column, value] : set) f[column] = value;
  const char* order[] = {"birth_id",          "date_of_birth",      "lsoa21",
                         "ethnic_group",      "mother_age_band",    "gestation_weeks",
                         "birthweight_grams", "multiplicity",       "ivf",
                         "overseas_ivf",      "smoking_at_booking", "smoking_at_delivery",
                         "maternal_bmi_band"};
  std::string row;
  for (const char* column : order) row += f[column] + ",";
  row.back() = '\n';
  return row;
}

struct BadCase {
  std::string name;
  RecordKind kind;
  std::string content;
  std::string expected;  // what follows the file's path in the error
};

std::vector<BadCase> Corpus() {
  const std::string B = testing::kBirthsHeader;
  const std::string D = testing::kDeathsHeader;
  const std::string K = testing::kBookingsHeader;
  const std::string good_b = BirthRow("b10");
  return {
      // The file as a whole.
      {"empty", RecordKind::kBirths, "", ": the file is empty (a header row is required)"},
      {"header_only", RecordKind::kBirths, B,
       ": row 2: the file has a header but no rows; nothing was imported"},
      {"missing_column", RecordKind::kBirths, "birth_id,date_of_birth\nb9,2022-05-01\n",
       ": row 1 (header): not a births file of docs/data-formats.md: missing column 'lsoa21';"},
      {"extra_column", RecordKind::kBirths,
       B.substr(0, B.size() - 1) + ",nhs_number\n" + good_b.substr(0, good_b.size() - 1) + ",123\n",
       ": row 1 (header): not a births file of docs/data-formats.md: unexpected column "
       "'nhs_number'"},
      {"misspelt_column", RecordKind::kBirths,
       "birth_id,date_of_birth,lsoa,ethnic_group,mother_age_band,gestation_weeks,"
       "birthweight_grams,multiplicity,ivf,overseas_ivf,smoking_at_booking,smoking_at_delivery,"
       "maternal_bmi_band\n",
       ": row 1 (header): not a births file of docs/data-formats.md: missing column 'lsoa21'; "
       "unexpected column 'lsoa'"},
      {"repeated_column", RecordKind::kBirths, "birth_id,birth_id\n",
       ": header names column 'birth_id' twice"},
      {"births_file_as_deaths", RecordKind::kDeaths, B + good_b,
       ": row 1 (header): not a deaths file of docs/data-formats.md: missing column "
       "'date_of_death';"},
      // Broken CSV.
      {"too_few_fields", RecordKind::kBirths, B + good_b + "b11,2022-05-01,E01013600\n",
       ": row 3: has 3 fields but the header has 13"},
      {"too_many_fields", RecordKind::kBirths, B + good_b.substr(0, good_b.size() - 1) + ",extra\n",
       ": row 2: has 14 fields but the header has 13"},
      {"unterminated_quote", RecordKind::kBirths, B + good_b + "\"b11,2022-05-01\n",
       ": row 3: malformed CSV (an unterminated quoted field)"},
      {"stray_quote", RecordKind::kBirths, B + good_b + "b\"11" + good_b.substr(3),
       ": row 3: malformed CSV (error parsing data while strict checking enabled): check the "
       "quotes of this row"},
      {"bom_crlf_bad_row", RecordKind::kBirths,
       "\xEF\xBB\xBF" +
           std::string("birth_id,date_of_birth,lsoa21,ethnic_group,mother_age_band,"
                       "gestation_weeks,birthweight_grams,multiplicity,ivf,"
                       "overseas_ivf,smoking_at_booking,smoking_at_delivery,"
                       "maternal_bmi_band\r\n") +
           "b10,2022-05-01,E01013600,asian_pakistani,25-29,39,3300,1,N,N,N,N,18.5-24.9\r\n"
           "b11,2022-05-01,E01013600,asian_pakistani,25-29,39,-5,1,N,N,N,N,18.5-24.9\r\n",
       ": row 3, column 'birthweight_grams': '-5' is outside 200–7000 grams"},
      {"quoted_newline_then_bad", RecordKind::kBookings,
       K + "p10,E01013600,white_british,60,2021-11-01,\"Leicester\nRoyal\"\n"
           "p11,E01013600,white_british,6,2021-11-01,RWE\n",
       ": row 3, column 'gestation_at_booking_days': '6' is outside 14–300 days"},
      {"quoted_comma_then_bad", RecordKind::kBookings,
       K + "p10,E01013600,white_british,60,2021-11-01,\"Leicester, Royal\"\n"
           "p11,E01013600,white_british,60,2021-13-01,RWE\n",
       ": row 3, column 'booking_date': '2021-13-01' is not a date written YYYY-MM-DD"},
      // Births: every field.
      {"huge_field", RecordKind::kBirths, B + Birth({{"birth_id", std::string(10 << 20, 'x')}}),
       ": row 2, column 'birth_id': '" + std::string(40, 'x') + "…' is longer than 64 characters"},
      {"empty_id", RecordKind::kBirths, B + Birth({{"birth_id", ""}}),
       ": row 2, column 'birth_id': is empty; an id is required"},
      {"id_with_space", RecordKind::kBirths, B + Birth({{"birth_id", "b 9"}}),
       ": row 2, column 'birth_id': 'b 9' may contain only letters, digits, '_' and '-'"},
      {"duplicate_id_in_file", RecordKind::kBirths, B + good_b + BirthRow("b10"),
       ": row 3, column 'birth_id': 'b10' appears twice in the file (first at row 2)"},
      {"id_stored_with_other_values", RecordKind::kBirths, B + BirthRow("b1", "2022-05-02"),
       ": row 2, column 'birth_id': 'b1' is already in the store with different values (from "
       "row 2 of an earlier import)"},
      {"date_slashes", RecordKind::kBirths, B + Birth({{"date_of_birth", "01/05/2022"}}),
       ": row 2, column 'date_of_birth': '01/05/2022' is not a date written YYYY-MM-DD"},
      {"date_impossible", RecordKind::kBirths, B + Birth({{"date_of_birth", "2022-02-30"}}),
       ": row 2, column 'date_of_birth': '2022-02-30' is not a date written YYYY-MM-DD"},
      {"date_future", RecordKind::kBirths, B + Birth({{"date_of_birth", "2030-01-01"}}),
       ": row 2, column 'date_of_birth': '2030-01-01' is outside 1990-01-01 to 2026-11-26"},
      {"date_too_old", RecordKind::kBirths, B + Birth({{"date_of_birth", "1989-12-31"}}),
       ": row 2, column 'date_of_birth': '1989-12-31' is outside 1990-01-01 to 2026-11-26"},
      {"date_with_time", RecordKind::kBirths, B + Birth({{"date_of_birth", "2022-05-01T10:00"}}),
       ": row 2, column 'date_of_birth': '2022-05-01T10:00' is not a date written YYYY-MM-DD"},
      {"unknown_lsoa", RecordKind::kBirths, B + Birth({{"lsoa21", "E01999999"}}),
       ": row 2, column 'lsoa21': 'E01999999' is not an LSOA known to the store"},
      {"short_lsoa", RecordKind::kBirths, B + Birth({{"lsoa21", "E0101360"}}),
       ": row 2, column 'lsoa21': 'E0101360' is not a 2021 LSOA code (E01 and six digits)"},
      {"ward_not_lsoa", RecordKind::kBirths, B + Birth({{"lsoa21", "E05010458"}}),
       ": row 2, column 'lsoa21': 'E05010458' is not a 2021 LSOA code (E01 and six digits)"},
      {"unknown_ethnicity", RecordKind::kBirths, B + Birth({{"ethnic_group", "pakistani"}}),
       ": row 2, column 'ethnic_group': 'pakistani' is not an ethnic group code of "
       "docs/data-formats.md (e.g. white_british, asian_pakistani, black_african)"},
      {"empty_ethnicity", RecordKind::kBirths, B + Birth({{"ethnic_group", ""}}),
       ": row 2, column 'ethnic_group': '' is not an ethnic group code of docs/data-formats.md "
       "(e.g. white_british, asian_pakistani, black_african)"},
      {"mother_age_words", RecordKind::kBirths, B + Birth({{"mother_age_band", "25 to 29"}}),
       ": row 2, column 'mother_age_band': '25 to 29' is not one of <20, 20-24, 25-29, 30-34, "
       "35-39, 40+ or unknown"},
      {"gestation_words", RecordKind::kBirths, B + Birth({{"gestation_weeks", "thirty"}}),
       ": row 2, column 'gestation_weeks': 'thirty' is not a whole number"},
      {"gestation_decimal", RecordKind::kBirths, B + Birth({{"gestation_weeks", "39.5"}}),
       ": row 2, column 'gestation_weeks': '39.5' is not a whole number"},
      {"gestation_empty", RecordKind::kBirths, B + Birth({{"gestation_weeks", ""}}),
       ": row 2, column 'gestation_weeks': '' is not a whole number"},
      {"gestation_low", RecordKind::kBirths, B + Birth({{"gestation_weeks", "19"}}),
       ": row 2, column 'gestation_weeks': '19' is outside 20–45 weeks"},
      {"gestation_high", RecordKind::kBirths, B + Birth({{"gestation_weeks", "46"}}),
       ": row 2, column 'gestation_weeks': '46' is outside 20–45 weeks"},
      {"birthweight_negative", RecordKind::kBirths, B + Birth({{"birthweight_grams", "-300"}}),
       ": row 2, column 'birthweight_grams': '-300' is outside 200–7000 grams"},
      {"birthweight_kilograms", RecordKind::kBirths, B + Birth({{"birthweight_grams", "3.3"}}),
       ": row 2, column 'birthweight_grams': '3.3' is not a whole number"},
      {"birthweight_huge", RecordKind::kBirths, B + Birth({{"birthweight_grams", "9000"}}),
       ": row 2, column 'birthweight_grams': '9000' is outside 200–7000 grams"},
      {"multiplicity_zero", RecordKind::kBirths, B + Birth({{"multiplicity", "0"}}),
       ": row 2, column 'multiplicity': '0' is outside 1–8 babies"},
      {"multiplicity_word", RecordKind::kBirths, B + Birth({{"multiplicity", "twin"}}),
       ": row 2, column 'multiplicity': 'twin' is not a whole number"},
      {"flag_word", RecordKind::kBirths, B + Birth({{"ivf", "yes"}}),
       ": row 2, column 'ivf': 'yes' is not one of Y, N or U"},
      {"flag_lowercase", RecordKind::kBirths, B + Birth({{"smoking_at_delivery", "y"}}),
       ": row 2, column 'smoking_at_delivery': 'y' is not one of Y, N or U"},
      {"overseas_without_ivf", RecordKind::kBirths, B + Birth({{"overseas_ivf", "Y"}}),
       ": row 2, column 'overseas_ivf': is Y but ivf is N; overseas IVF requires ivf = Y"},
      {"bmi_band", RecordKind::kBirths, B + Birth({{"maternal_bmi_band", "30+"}}),
       ": row 2, column 'maternal_bmi_band': '30+' is not one of <18.5, 18.5-24.9, 25-29.9, "
       "30-34.9, 35-39.9, 40+ or unknown"},
      {"latin1_ethnicity", RecordKind::kBirths, B + Birth({{"ethnic_group", "caf\xE9"}}),
       ": row 2, column 'ethnic_group': 'caf\\xE9' is not an ethnic group code of "
       "docs/data-formats.md (e.g. white_british, asian_pakistani, black_african)"},
      {"error_after_good_rows", RecordKind::kBirths,
       B + good_b + BirthRow("b11") + Birth({{"birth_id", "b12"}, {"gestation_weeks", "50"}}),
       ": row 4, column 'gestation_weeks': '50' is outside 20–45 weeks"},
      // Deaths.
      {"death_without_birth", RecordKind::kDeaths, D + "b404,2022-05-03,2,8\n",
       ": row 2, column 'birth_id': 'b404' matches no birth in the store; import the births "
       "first"},
      {"death_before_birth", RecordKind::kDeaths, D + "b1,2022-04-30,0,8\n",
       ": row 2, column 'date_of_death': '2022-04-30' is before the date of birth (2022-05-01)"},
      {"age_disagrees", RecordKind::kDeaths, D + "b1,2022-05-11,3,8\n",
       ": row 2, column 'age_at_death_days': '3' disagrees with the dates: 2022-05-11 is 10 days "
       "after the birth (2022-05-01)"},
      {"age_over_a_year", RecordKind::kDeaths, D + "b1,2023-05-01,365,8\n",
       ": row 2, column 'age_at_death_days': '365' is outside 0–364 days (an infant death is "
       "under 1 year)"},
      {"death_after_first_birthday", RecordKind::kDeaths, D + "b1,2023-05-01,364,8\n",
       ": row 2, column 'date_of_death': '2023-05-01' is 365 days after the birth (2022-05-01): "
       "not an infant death"},
      {"age_negative", RecordKind::kDeaths, D + "b1,2022-05-01,-1,8\n",
       ": row 2, column 'age_at_death_days': '-1' is outside 0–364 days (an infant death is "
       "under 1 year)"},
      {"category_eleven", RecordKind::kDeaths, D + "b1,2022-05-03,2,11\n",
       ": row 2, column 'category_of_death': '11' is outside 1–10 (the CDOP categories)"},
      {"category_word", RecordKind::kDeaths, D + "b1,2022-05-03,2,SIDS\n",
       ": row 2, column 'category_of_death': 'SIDS' is not a whole number"},
      {"two_deaths_one_baby", RecordKind::kDeaths, D + "b2,2022-05-03,2,8\nb2,2022-05-03,2,8\n",
       ": row 3, column 'birth_id': 'b2' appears twice in the file (first at row 2)"},
      // Bookings.
      {"booking_too_early", RecordKind::kBookings,
       K + "p10,E01013600,white_british,5,2021-11-01,RWE\n",
       ": row 2, column 'gestation_at_booking_days': '5' is outside 14–300 days"},
      {"booking_too_late", RecordKind::kBookings,
       K + "p10,E01013600,white_british,301,2021-11-01,RWE\n",
       ": row 2, column 'gestation_at_booking_days': '301' is outside 14–300 days"},
      {"provider_empty", RecordKind::kBookings, K + "p10,E01013600,white_british,60,2021-11-01,\n",
       ": row 2, column 'provider': is empty"},
      {"provider_long", RecordKind::kBookings,
       K + "p10,E01013600,white_british,60,2021-11-01," + std::string(101, 'R') + "\n",
       ": row 2, column 'provider': '" + std::string(40, 'R') + "…' is longer than 100 characters"},
      {"provider_not_utf8", RecordKind::kBookings,
       K + "p10,E01013600,white_british,60,2021-11-01,Leic\xE9ster\n",
       ": row 2, column 'provider': 'Leic\\xE9ster' is not valid UTF-8"},
      {"booking_unknown_lsoa", RecordKind::kBookings,
       K + "p10,E01000001,white_british,60,2021-11-01,RWE\n",
       ": row 2, column 'lsoa21': 'E01000001' is not an LSOA known to the store"},
      {"booking_duplicate", RecordKind::kBookings,
       K + "p10,E01013600,white_british,60,2021-11-01,RWE\np10,E01013600,white_british,60,"
           "2021-11-01,RWE\n",
       ": row 3, column 'pregnancy_id': 'p10' appears twice in the file (first at row 2)"},
  };
}

// gtest prints a parameter by name rather than as bytes (one holds 10 MB).
void PrintTo(const BadCase& bad, std::ostream* out) { *out << bad.name; }

class BadInputTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInputTest, RefusedWithFileRowColumnAndStoreUnchanged) {
  const BadCase& bad = GetParam();
  auto store = testing::StoreWithLsoas("bad");
  ASSERT_NE(store, nullptr);
  ImportOptions options;
  options.today = *records::Date::Parse("2026-11-26");
  // What the store already holds: two births and a booking.
  auto seed = testing::WriteFile(
      "seed.csv", std::string(testing::kBirthsHeader) + BirthRow("b1") + BirthRow("b2"));
  ASSERT_TRUE(ImportFile(*store, RecordKind::kBirths, seed, options).ok());
  auto counts = [&] {
    return std::vector<int64_t>{*store->CountRecords(RecordKind::kBirths),
                                *store->CountRecords(RecordKind::kDeaths),
                                *store->CountRecords(RecordKind::kBookings)};
  };
  std::vector<int64_t> before = counts();

  std::string path = testing::WriteFile(bad.name + ".csv", bad.content);
  auto result = ImportFile(*store, bad.kind, path, options);
  ASSERT_FALSE(result.ok()) << bad.name << " was accepted";
  EXPECT_NE(result.status().message().find(path + bad.expected), std::string::npos)
      << bad.name << "\nexpected: " << path + bad.expected
      << "\nactual:   " << result.status().message().substr(0, 600);
  EXPECT_EQ(counts(), before) << bad.name << " changed the store";
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInputTest, ::testing::ValuesIn(Corpus()),
                         [](const ::testing::TestParamInfo<BadCase>& param_info) {
                           return param_info.param.name;
                         });

TEST(BadInputCorpusTest, HasAtLeastFiftyCases) { EXPECT_GE(Corpus().size(), 50u); }

}  // namespace
}  // namespace cradle::imports
