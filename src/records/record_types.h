// The record-level data Cradle holds, one struct per extract
// (docs/data-formats.md). Codes are kept as the text of the format; the code
// lists are in codes.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "records/date.h"

namespace cradle::records {

enum class RecordKind { kBirths, kDeaths, kBookings };
std::string_view RecordKindName(RecordKind kind);  // births, deaths, bookings

struct BirthRecord {
  std::string birth_id;
  Date date_of_birth;
  std::string lsoa21;
  std::string ethnic_group;
  std::string mother_age_band;
  int gestation_weeks = 0;
  int birthweight_grams = 0;
  int multiplicity = 1;
  char ivf = 'U';  // Y, N or U
  char overseas_ivf = 'U';
  char smoking_at_booking = 'U';
  char smoking_at_delivery = 'U';
  std::string maternal_bmi_band;
  bool operator==(const BirthRecord&) const = default;
};

struct DeathRecord {
  std::string birth_id;
  Date date_of_death;
  int age_at_death_days = 0;
  std::optional<int> category_of_death;
  bool operator==(const DeathRecord&) const = default;
};

struct BookingRecord {
  std::string pregnancy_id;
  std::string lsoa21;
  std::string ethnic_group;
  int gestation_at_booking_days = 0;
  Date booking_date;
  std::string provider;
  bool operator==(const BookingRecord&) const = default;
};

// Ids that begin with this are synthetic records (`cradle synth`), never real
// people; every output built from them says so.
inline constexpr std::string_view kSyntheticIdPrefix = "SYN";
inline bool IsSyntheticId(std::string_view id) { return id.starts_with(kSyntheticIdPrefix); }

// One reason a field of a row was refused.
struct FieldError {
  int64_t row = 0;     // as a spreadsheet numbers it: the header is row 1
  std::string column;  // the column's name, or "" for the whole row
  std::string reason;  // a sentence naming the value and the rule
};

// "FILE: row N, column 'C': reason" (or "FILE: row N: reason").
std::string FormatFieldError(const std::string& file, const FieldError& error);

}  // namespace cradle::records
