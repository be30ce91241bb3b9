// Every field of the written files against the rules of docs/data-formats.md,
// read back with the same CSV reader an importer uses.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <unordered_set>

#include "base/csv_reader.h"
#include "base/strings.h"
#include "records/codes.h"
#include "records/date.h"
#include "records/row_parser.h"
#include "synth/generator.h"
#include "synth/testing.h"
#include "synth/writer.h"

namespace cradle::synth {
namespace {

using testing::Leicester;
using testing::Leicester2015To2024Seed1;

// A written file read back: its header and rows, fields looked up by name.
struct Rows {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

Rows ReadAll(const std::string& path) {
  Rows out;
  Result<std::unique_ptr<CsvReader>> opened = CsvReader::Open(path);
  EXPECT_TRUE(opened.ok()) << opened.status().ToString();
  if (!opened.ok()) return out;
  CsvReader& csv = **opened;
  out.header = csv.header();
  while (true) {
    Result<std::optional<CsvRow>> row = csv.Next();
    EXPECT_TRUE(row.ok()) << row.status().ToString();
    if (!row.ok() || !*row) break;
    out.rows.push_back(std::move((*row)->fields));
  }
  return out;
}

std::vector<std::string> Header(const std::string& path) {
  Result<std::unique_ptr<CsvReader>> opened = CsvReader::Open(path);
  EXPECT_TRUE(opened.ok()) << opened.status().ToString();
  return opened.ok() ? (*opened)->header() : std::vector<std::string>{};
}

// Reads row fields by column name.
class Fields {
 public:
  explicit Fields(const Rows& rows) : rows_(rows) {}
  void Select(const std::vector<std::string>* row) { row_ = row; }
  const std::string& at(std::string_view name) const {
    for (size_t idx = 0; idx < rows_.header.size(); ++idx) {
      if (rows_.header[idx] == name) return (*row_)[idx];
    }
    static const std::string kMissing = "<missing column>";
    return kMissing;
  }

 private:
  const Rows& rows_;
  const std::vector<std::string>* row_ = nullptr;
};

bool IsId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

// The day of a strict "YYYY-MM-DD" date from 1990-01-01 to today, or nullopt.
std::optional<records::Date> ParseDate(const std::string& text) {
  std::optional<records::Date> date = records::Date::Parse(text);  // refuses e.g. 2023-02-30
  if (!date) return std::nullopt;
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  if (*date < records::Date::FirstOfYear(1990) ||
      date->DaysSinceEpoch() > today.time_since_epoch().count()) {
    return std::nullopt;
  }
  return date;
}

bool InRange(const std::string& text, int64_t low, int64_t high) {
  std::optional<int64_t> value = ParseInt64(text);
  return value && *value >= low && *value <= high && std::to_string(*value) == text;
}

bool IsFlag(const std::string& text) { return text == "Y" || text == "N" || text == "U"; }

// The files of 2020-2024 (two leap years, the last year cut off at its end),
// seed 1: every row is read back, so half the full run keeps the sanitizer
// build quick; the in-memory tests below cover all ten years.
class SchemaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(testing::ScratchDir("schema"));
    Result<SyntheticData> data = GenerateSyntheticData(Leicester(), {{2020, 2024}, 1});
    ASSERT_TRUE(data.ok()) << data.status().ToString();
    data_ = new SyntheticData(std::move(*data));
    Status written = WriteSyntheticData(*data_, *dir_);
    ASSERT_TRUE(written.ok()) << written.ToString();
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete data_;
  }
  static const SyntheticData& Data() { return *data_; }
  static std::string Path(std::string_view file) { return *dir_ + "/" + std::string(file); }
  static std::string* dir_;
  static SyntheticData* data_;
};
std::string* SchemaTest::dir_ = nullptr;
SyntheticData* SchemaTest::data_ = nullptr;

TEST_F(SchemaTest, HeadersAreTheDocumentedColumnsInOrder) {
  EXPECT_EQ(Header(Path(kBirthsFile)),
            (std::vector<std::string>{"birth_id", "date_of_birth", "lsoa21", "ethnic_group",
                                      "mother_age_band", "gestation_weeks", "birthweight_grams",
                                      "multiplicity", "ivf", "overseas_ivf", "smoking_at_booking",
                                      "smoking_at_delivery", "maternal_bmi_band"}));
  EXPECT_EQ(Header(Path(kDeathsFile)),
            (std::vector<std::string>{"birth_id", "date_of_death", "age_at_death_days",
                                      "category_of_death"}));
  EXPECT_EQ(Header(Path(kBookingsFile)),
            (std::vector<std::string>{"pregnancy_id", "lsoa21", "ethnic_group",
                                      "gestation_at_booking_days", "booking_date", "provider"}));
}

TEST_F(SchemaTest, EveryBirthFollowsTheRules) {
  std::set<std::string> lsoas, codes;
  for (const LsoaWeight& lsoa : Leicester().lsoas) lsoas.insert(lsoa.code);
  for (const EthnicGroupInfo& group : EthnicGroups()) codes.insert(std::string(group.code));
  const std::set<std::string> age_bands = {"<20",   "20-24", "25-29",  "30-34",
                                           "35-39", "40+",   "unknown"};
  const std::set<std::string> bmi_bands = {"<18.5",   "18.5-24.9", "25-29.9", "30-34.9",
                                           "35-39.9", "40+",       "unknown"};
  const Rows births = ReadAll(Path(kBirthsFile));
  ASSERT_EQ(births.rows.size(), Data().births.size());
  std::set<std::string> ids;
  const records::Date first = records::Date::FirstOfYear(2020),
                      after_last = records::Date::FirstOfYear(2025);
  Fields row(births);
  for (const auto& fields : births.rows) {
    row.Select(&fields);
    const std::string& id = row.at("birth_id");
    ASSERT_TRUE(IsId(id)) << id;
    ASSERT_TRUE(ids.insert(id).second) << "repeated " << id;
    std::optional<records::Date> born = ParseDate(row.at("date_of_birth"));
    ASSERT_TRUE(born) << id << " " << row.at("date_of_birth");
    ASSERT_TRUE(*born >= first && *born < after_last) << id;
    ASSERT_TRUE(lsoas.count(row.at("lsoa21"))) << id;
    ASSERT_TRUE(codes.count(row.at("ethnic_group"))) << id;
    ASSERT_TRUE(age_bands.count(row.at("mother_age_band"))) << id;
    ASSERT_TRUE(InRange(row.at("gestation_weeks"), 20, 45)) << id;
    ASSERT_TRUE(InRange(row.at("birthweight_grams"), 200, 7000)) << id;
    ASSERT_TRUE(InRange(row.at("multiplicity"), 1, 8)) << id;
    for (const char* flag : {"ivf", "overseas_ivf", "smoking_at_booking", "smoking_at_delivery"}) {
      ASSERT_TRUE(IsFlag(row.at(flag))) << id << " " << flag;
    }
    if (row.at("overseas_ivf") == "Y") {
      ASSERT_EQ(row.at("ivf"), "Y") << id;
    }
    ASSERT_TRUE(bmi_bands.count(row.at("maternal_bmi_band"))) << id;
  }
}

TEST_F(SchemaTest, EveryDeathFollowsTheRules) {
  std::map<std::string, records::Date> born;
  const Rows births = ReadAll(Path(kBirthsFile));
  Fields birth(births);
  for (const auto& fields : births.rows) {
    birth.Select(&fields);
    born[birth.at("birth_id")] = *ParseDate(birth.at("date_of_birth"));
  }
  const Rows deaths = ReadAll(Path(kDeathsFile));
  ASSERT_FALSE(deaths.rows.empty());
  std::set<std::string> ids;
  int with_category = 0;
  Fields row(deaths);
  for (const auto& fields : deaths.rows) {
    row.Select(&fields);
    const std::string& id = row.at("birth_id");
    ASSERT_TRUE(born.count(id)) << "death of unknown baby " << id;
    ASSERT_TRUE(ids.insert(id).second) << "second death of " << id;
    std::optional<records::Date> died = ParseDate(row.at("date_of_death"));
    ASSERT_TRUE(died) << id;
    ASSERT_TRUE(InRange(row.at("age_at_death_days"), 0, 364)) << id;
    ASSERT_EQ(*died - born[id], *ParseInt64(row.at("age_at_death_days"))) << id;
    ASSERT_LT(*died, records::Date::FirstOfYear(2025)) << id;  // before the end of the last year
    // Before the first birthday: the same date a year on.
    const records::Date birth_date = born[id];
    const bool leap_day = birth_date.month() == 2 && birth_date.day() == 29;
    const std::optional<records::Date> birthday = records::Date::FromYearMonthDay(
        birth_date.year() + 1, leap_day ? 3 : birth_date.month(), leap_day ? 1 : birth_date.day());
    ASSERT_TRUE(birthday) << id;
    ASSERT_LT(*died, *birthday) << id;
    if (!row.at("category_of_death").empty()) {
      ASSERT_TRUE(InRange(row.at("category_of_death"), 1, 10)) << id;
      ++with_category;
    }
  }
  EXPECT_GT(with_category, static_cast<int>(deaths.rows.size()) * 8 / 10);
  EXPECT_LT(with_category, static_cast<int>(deaths.rows.size()));  // some reviews still open
}

TEST_F(SchemaTest, EveryBookingFollowsTheRules) {
  std::set<std::string> lsoas, codes, birth_ids;
  for (const LsoaWeight& lsoa : Leicester().lsoas) lsoas.insert(lsoa.code);
  for (const EthnicGroupInfo& group : EthnicGroups()) codes.insert(std::string(group.code));
  for (const SynthBirth& birth : Data().births) birth_ids.insert(birth.birth_id);
  const Rows bookings = ReadAll(Path(kBookingsFile));
  ASSERT_EQ(bookings.rows.size(), Data().bookings.size());
  std::set<std::string> ids;
  Fields row(bookings);
  for (const auto& fields : bookings.rows) {
    row.Select(&fields);
    const std::string& id = row.at("pregnancy_id");
    ASSERT_TRUE(IsId(id)) << id;
    ASSERT_TRUE(ids.insert(id).second) << "repeated " << id;
    ASSERT_FALSE(birth_ids.count(id)) << "pregnancy id equals a birth id: " << id;
    ASSERT_TRUE(lsoas.count(row.at("lsoa21"))) << id;
    ASSERT_TRUE(codes.count(row.at("ethnic_group"))) << id;
    ASSERT_TRUE(InRange(row.at("gestation_at_booking_days"), 14, 300)) << id;
    ASSERT_TRUE(ParseDate(row.at("booking_date"))) << id;
    const std::string& provider = row.at("provider");
    ASSERT_TRUE(!provider.empty() && provider.size() <= 100) << id;
  }
}

TEST(RecordsTest, BookingsComeBeforeTheirBirths) {
  const SyntheticData& data = Leicester2015To2024Seed1();
  for (const SynthBooking& booking : data.bookings) {
    const SynthBirth& birth = data.births[booking.first_birth_index];
    const int gestation_at_birth = static_cast<int>(birth.date_of_birth - booking.booking_date) +
                                   booking.gestation_at_booking_days;
    ASSERT_LT(booking.booking_date, birth.date_of_birth) << booking.pregnancy_id;
    // The booking's gestation plus the days to the birth is the gestation at
    // birth: completed weeks plus 0-6 days.
    ASSERT_EQ(gestation_at_birth / 7, birth.gestation_weeks) << booking.pregnancy_id;
    ASSERT_EQ(booking.lsoa21, birth.lsoa21);
    ASSERT_EQ(booking.ethnic_group, birth.ethnic_group);
  }
}

TEST(RecordsTest, TwinsShareTheirDeliveryAndEachDeliveryHasOneBooking) {
  const SyntheticData& data = Leicester2015To2024Seed1();
  size_t deliveries = 0;
  for (size_t idx = 0; idx < data.births.size(); idx += data.births[idx].multiplicity) {
    const SynthBirth& first = data.births[idx];
    for (int baby = 1; baby < first.multiplicity; ++baby) {
      const SynthBirth& sibling = data.births[idx + static_cast<size_t>(baby)];
      ASSERT_EQ(sibling.multiplicity, first.multiplicity) << sibling.birth_id;
      ASSERT_EQ(sibling.date_of_birth, first.date_of_birth) << sibling.birth_id;
      ASSERT_EQ(sibling.gestation_weeks, first.gestation_weeks) << sibling.birth_id;
    }
    ASSERT_EQ(data.bookings[deliveries].first_birth_index, idx);
    ++deliveries;
  }
  EXPECT_EQ(deliveries, data.bookings.size());
}

}  // namespace
}  // namespace cradle::synth

namespace cradle::synth {
namespace {

// The importer's own row parser (records/) accepts every written row: the
// generator and the importer read docs/data-formats.md the same way.
TEST_F(SchemaTest, TheRecordsRowParserAcceptsEveryRow) {
  std::unordered_set<std::string> lsoas;
  for (const LsoaWeight& lsoa : Leicester().lsoas) lsoas.insert(lsoa.code);
  const records::ParseContext context{&lsoas, *records::Date::Parse("2025-01-01")};
  const std::pair<records::RecordKind, std::string_view> files[] = {
      {records::RecordKind::kBirths, kBirthsFile},
      {records::RecordKind::kDeaths, kDeathsFile},
      {records::RecordKind::kBookings, kBookingsFile}};
  for (const auto& [kind, file] : files) {
    const Rows rows = ReadAll(Path(file));
    Result<records::RowParser> parser =
        records::RowParser::ForHeader(kind, rows.header, Path(file));
    ASSERT_TRUE(parser.ok()) << parser.status().ToString();
    std::vector<records::FieldError> errors;
    int64_t row_number = 1;
    for (const std::vector<std::string>& fields : rows.rows) {
      ++row_number;
      const bool parsed =
          kind == records::RecordKind::kBirths
              ? parser->ParseBirth(row_number, fields, context, &errors).has_value()
          : kind == records::RecordKind::kDeaths
              ? parser->ParseDeath(row_number, fields, context, &errors).has_value()
              : parser->ParseBooking(row_number, fields, context, &errors).has_value();
      ASSERT_TRUE(parsed) << records::FormatFieldError(std::string(file), errors.front());
    }
    EXPECT_TRUE(errors.empty());
  }
}

}  // namespace
}  // namespace cradle::synth
