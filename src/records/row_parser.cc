#include "records/row_parser.h"

#include "records/codes.h"
#include "records/field_reader.h"

namespace cradle::records {
namespace {

enum BirthColumn : size_t {
  kBirthId,
  kDateOfBirth,
  kBirthLsoa,
  kBirthEthnicity,
  kMotherAge,
  kGestation,
  kBirthweight,
  kMultiplicity,
  kIvf,
  kOverseasIvf,
  kSmokingBooking,
  kSmokingDelivery,
  kBmi
};
enum DeathColumn : size_t { kDeathBirthId, kDateOfDeath, kAgeAtDeath, kCategory };
enum BookingColumn : size_t {
  kPregnancyId,
  kBookingLsoa,
  kBookingEthnicity,
  kBookingGestation,
  kBookingDate,
  kProvider
};

}  // namespace

const std::vector<std::string>& RowParser::Columns(RecordKind kind) {
  static const std::vector<std::string> kBirths = {
      "birth_id",          "date_of_birth",      "lsoa21",
      "ethnic_group",      "mother_age_band",    "gestation_weeks",
      "birthweight_grams", "multiplicity",       "ivf",
      "overseas_ivf",      "smoking_at_booking", "smoking_at_delivery",
      "maternal_bmi_band"};
  static const std::vector<std::string> kDeaths = {"birth_id", "date_of_death", "age_at_death_days",
                                                   "category_of_death"};
  static const std::vector<std::string> kBookings = {"pregnancy_id", "lsoa21",
                                                     "ethnic_group", "gestation_at_booking_days",
                                                     "booking_date", "provider"};
  switch (kind) {
    case RecordKind::kBirths:
      return kBirths;
    case RecordKind::kDeaths:
      return kDeaths;
    case RecordKind::kBookings:
      return kBookings;
  }
  return kBirths;
}

Result<RowParser> RowParser::ForHeader(RecordKind kind, const std::vector<std::string>& header,
                                       const std::string& file) {
  RowParser parser;
  parser.kind_ = kind;
  CRADLE_ASSIGN_OR_RETURN(parser.index_,
                          MapHeader(Columns(kind), header, file, RecordKindName(kind)));
  return parser;
}

std::optional<BirthRecord> RowParser::ParseBirth(int64_t row,
                                                 std::span<const std::string_view> fields,
                                                 const ParseContext& context,
                                                 std::vector<FieldError>* errors) const {
  FieldReader f(row, fields, index_, Columns(RecordKind::kBirths), errors);
  BirthRecord birth;
  auto id = f.Id(kBirthId);
  auto date = f.DateField(kDateOfBirth, context.today);
  auto lsoa = f.Lsoa(kBirthLsoa, context);
  auto ethnicity = f.Ethnicity(kBirthEthnicity);
  auto age = f.Code(kMotherAge, MotherAgeBands());
  auto gestation = f.Integer(kGestation, 20, 45, " weeks");
  auto weight = f.Integer(kBirthweight, 200, 7000, " grams");
  auto multiplicity = f.Integer(kMultiplicity, 1, 8, " babies");
  auto ivf = f.Flag(kIvf);
  auto overseas = f.Flag(kOverseasIvf);
  auto smoking_booking = f.Flag(kSmokingBooking);
  auto smoking_delivery = f.Flag(kSmokingDelivery);
  auto bmi = f.Code(kBmi, BmiBands());
  if (ivf && overseas && *overseas == 'Y' && *ivf != 'Y') {
    f.Fail(kOverseasIvf,
           "is Y but ivf is " + std::string(1, *ivf) + "; overseas IVF requires ivf = Y");
  }
  if (!f.ok()) return std::nullopt;
  birth.birth_id = std::move(*id);
  birth.date_of_birth = *date;
  birth.lsoa21 = std::move(*lsoa);
  birth.ethnic_group = std::move(*ethnicity);
  birth.mother_age_band = std::move(*age);
  birth.gestation_weeks = *gestation;
  birth.birthweight_grams = *weight;
  birth.multiplicity = *multiplicity;
  birth.ivf = *ivf;
  birth.overseas_ivf = *overseas;
  birth.smoking_at_booking = *smoking_booking;
  birth.smoking_at_delivery = *smoking_delivery;
  birth.maternal_bmi_band = std::move(*bmi);
  return birth;
}

std::optional<DeathRecord> RowParser::ParseDeath(int64_t row,
                                                 std::span<const std::string_view> fields,
                                                 const ParseContext& context,
                                                 std::vector<FieldError>* errors) const {
  FieldReader f(row, fields, index_, Columns(RecordKind::kDeaths), errors);
  DeathRecord death;
  auto id = f.Id(kDeathBirthId);
  auto date = f.DateField(kDateOfDeath, context.today);
  auto age = f.Integer(kAgeAtDeath, 0, 364, " days (an infant death is under 1 year)");
  std::optional<int> category;
  if (!f.Raw(kCategory).empty()) {
    category = f.Integer(kCategory, 1, 10, " (the CDOP categories)");
  }
  if (!f.ok()) return std::nullopt;
  death.birth_id = std::move(*id);
  death.date_of_death = *date;
  death.age_at_death_days = *age;
  death.category_of_death = category;
  return death;
}

std::optional<BookingRecord> RowParser::ParseBooking(int64_t row,
                                                     std::span<const std::string_view> fields,
                                                     const ParseContext& context,
                                                     std::vector<FieldError>* errors) const {
  FieldReader f(row, fields, index_, Columns(RecordKind::kBookings), errors);
  BookingRecord booking;
  auto id = f.Id(kPregnancyId);
  auto lsoa = f.Lsoa(kBookingLsoa, context);
  auto ethnicity = f.Ethnicity(kBookingEthnicity);
  auto gestation = f.Integer(kBookingGestation, 14, 300, " days");
  auto date = f.DateField(kBookingDate, context.today);
  auto provider = f.Text(kProvider, 100);
  if (!f.ok()) return std::nullopt;
  booking.pregnancy_id = std::move(*id);
  booking.lsoa21 = std::move(*lsoa);
  booking.ethnic_group = std::move(*ethnicity);
  booking.gestation_at_booking_days = *gestation;
  booking.booking_date = *date;
  booking.provider = std::move(*provider);
  return booking;
}

namespace {

std::vector<std::string_view> Views(const std::vector<std::string>& fields) {
  return std::vector<std::string_view>(fields.begin(), fields.end());
}

}  // namespace

std::optional<BirthRecord> RowParser::ParseBirth(int64_t row,
                                                 const std::vector<std::string>& fields,
                                                 const ParseContext& context,
                                                 std::vector<FieldError>* errors) const {
  return ParseBirth(row, Views(fields), context, errors);
}

std::optional<DeathRecord> RowParser::ParseDeath(int64_t row,
                                                 const std::vector<std::string>& fields,
                                                 const ParseContext& context,
                                                 std::vector<FieldError>* errors) const {
  return ParseDeath(row, Views(fields), context, errors);
}

std::optional<BookingRecord> RowParser::ParseBooking(int64_t row,
                                                     const std::vector<std::string>& fields,
                                                     const ParseContext& context,
                                                     std::vector<FieldError>* errors) const {
  return ParseBooking(row, Views(fields), context, errors);
}

}  // namespace cradle::records
