#include "records/row_parser.h"

#include <algorithm>
#include <array>

#include "base/strings.h"
#include "geo/area_type.h"
#include "records/codes.h"

namespace cradle::records {
namespace {

// A value as an error message shows it: quoted, bytes that are not printable
// ASCII written as \xNN, and cut at 40 characters (a field can be megabytes).
std::string Shown(std::string_view value) {
  std::string out = "'";
  size_t shown = 0;
  for (unsigned char c : value) {
    if (shown == 40) {
      out += "…";
      break;
    }
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      static const char* kHex = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
    ++shown;
  }
  return out + "'";
}

// The characters an id may hold: letters, digits, '_' and '-'.
constexpr std::array<bool, 256> kIdChar = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[c] = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               c == '_' || c == '-';
  }
  return table;
}();

// The value of 1 to 9 ASCII digits, else nothing: the common case of a
// whole-number field, without the general parser's trimming and sign.
std::optional<int64_t> PlainDigits(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Reads one row's fields, collecting errors; each Get* returns nullopt on error.
class Fields {
 public:
  Fields(int64_t row, std::span<const std::string_view> fields, const std::vector<size_t>& index,
         const std::vector<std::string>& names, std::vector<FieldError>* errors)
      : row_(row), fields_(fields), index_(index), names_(names), errors_(errors) {}

  bool ok() const { return errors_->size() == errors_at_start_; }

  std::string_view Raw(size_t column) const { return fields_[index_[column]]; }

  void Fail(size_t column, std::string reason) {
    errors_->push_back({row_, names_[column], std::move(reason)});
  }

  std::optional<std::string> Id(size_t column) {
    std::string_view text = Raw(column);
    if (text.empty() || text.size() > 64) {
      Fail(column, text.empty() ? "is empty; an id is required"
                                : Shown(text) + " is longer than 64 characters");
      return std::nullopt;
    }
    for (unsigned char c : text) {
      if (!kIdChar[c]) {
        Fail(column, Shown(text) + " may contain only letters, digits, '_' and '-'");
        return std::nullopt;
      }
    }
    return std::string(text);
  }

  std::optional<Date> DateField(size_t column, const Date& latest) {
    std::string_view text = Raw(column);
    auto date = Date::Parse(text);
    if (!date) {
      Fail(column, Shown(text) + " is not a date written YYYY-MM-DD");
      return std::nullopt;
    }
    if (*date < earliest_ || *date > latest) {
      Fail(column, Shown(text) + " is outside 1990-01-01 to " + latest.ToString());
      return std::nullopt;
    }
    return date;
  }

  std::optional<int> Integer(size_t column, int low, int high, std::string_view unit) {
    std::string_view text = Raw(column);
    std::optional<int64_t> value = PlainDigits(text);
    // Anything but plain digits (a sign, say) goes the general way, which
    // accepts exactly what it always did.
    if (!value) value = ParseInt64(text);
    if (!value || Trim(text).size() != text.size()) {
      Fail(column, Shown(text) + " is not a whole number");
      return std::nullopt;
    }
    if (*value < low || *value > high) {
      Fail(column, Shown(text) + " is outside " + std::to_string(low) + "–" + std::to_string(high) +
                       std::string(unit));
      return std::nullopt;
    }
    return static_cast<int>(*value);
  }

  std::optional<std::string> Code(size_t column, std::span<const std::string_view> allowed) {
    std::string_view text = Raw(column);
    if (!IsOneOf(text, allowed)) {
      Fail(column, Shown(text) + " is not one of " + ListForMessage(allowed));
      return std::nullopt;
    }
    return std::string(text);
  }

  std::optional<char> Flag(size_t column) {
    std::string_view text = Raw(column);
    if (text.size() == 1 && (text[0] == 'Y' || text[0] == 'N' || text[0] == 'U')) return text[0];
    Fail(column, Shown(text) + " is not one of " + ListForMessage(Flags()));
    return std::nullopt;
  }

  std::optional<std::string> Ethnicity(size_t column) {
    std::string_view text = Raw(column);
    if (FindEthnicGroup(text) == nullptr) {
      Fail(column, Shown(text) +
                       " is not an ethnic group code of docs/data-formats.md "
                       "(e.g. white_british, asian_pakistani, black_african)");
      return std::nullopt;
    }
    return std::string(text);
  }

  std::optional<std::string> Lsoa(size_t column, const ParseContext& context) {
    std::string_view text = Raw(column);
    if (!geo::IsGssCode(text) || text.substr(0, 3) != "E01") {
      Fail(column, Shown(text) + " is not a 2021 LSOA code (E01 and six digits)");
      return std::nullopt;
    }
    const bool known = context.lsoa_set      ? context.lsoa_set->Contains(text)
                       : context.known_lsoas ? context.known_lsoas->count(std::string(text)) > 0
                                             : true;
    if (!known) {
      Fail(column, Shown(text) + " is not an LSOA known to the store");
      return std::nullopt;
    }
    return std::string(text);
  }

  std::optional<std::string> Text(size_t column, size_t max_length) {
    std::string_view text = Raw(column);
    if (Trim(text).empty()) {
      Fail(column, "is empty");
      return std::nullopt;
    }
    if (!IsValidUtf8(text)) {
      Fail(column, Shown(text) + " is not valid UTF-8");
      return std::nullopt;
    }
    if (text.size() > max_length) {
      Fail(column, Shown(text) + " is longer than " + std::to_string(max_length) + " characters");
      return std::nullopt;
    }
    return std::string(Trim(text));
  }

 private:
  int64_t row_;
  std::span<const std::string_view> fields_;
  const std::vector<size_t>& index_;
  const std::vector<std::string>& names_;
  std::vector<FieldError>* errors_;
  size_t errors_at_start_ = errors_->size();
  static inline const Date earliest_ = *Date::Parse("1990-01-01");
};

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
  const std::vector<std::string>& columns = Columns(kind);
  RowParser parser;
  parser.kind_ = kind;
  std::vector<std::string> missing, unexpected;
  for (const std::string& column : columns) {
    size_t found = header.size();
    for (size_t idx = 0; idx < header.size(); ++idx) {
      if (header[idx] == column) found = idx;
    }
    if (found == header.size()) missing.push_back(column);
    parser.index_.push_back(found);
  }
  for (const std::string& name : header) {
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
      unexpected.push_back(name);
    }
  }
  if (missing.empty() && unexpected.empty()) return parser;
  std::string message = file + ": row 1 (header): not a " + std::string(RecordKindName(kind)) +
                        " file of docs/data-formats.md:";
  for (const std::string& name : missing) message += " missing column '" + name + "';";
  for (const std::string& name : unexpected) message += " unexpected column '" + name + "';";
  message.pop_back();
  return Status::InvalidData(message);
}

std::optional<BirthRecord> RowParser::ParseBirth(int64_t row,
                                                 std::span<const std::string_view> fields,
                                                 const ParseContext& context,
                                                 std::vector<FieldError>* errors) const {
  Fields f(row, fields, index_, Columns(RecordKind::kBirths), errors);
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
  Fields f(row, fields, index_, Columns(RecordKind::kDeaths), errors);
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
  Fields f(row, fields, index_, Columns(RecordKind::kBookings), errors);
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
