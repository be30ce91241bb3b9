#include "records/record_types.h"

namespace cradle::records {

std::string_view RecordKindName(RecordKind kind) {
  switch (kind) {
    case RecordKind::kBirths:
      return "births";
    case RecordKind::kDeaths:
      return "deaths";
    case RecordKind::kBookings:
      return "bookings";
  }
  return "records";
}

std::string FormatFieldError(const std::string& file, const FieldError& error) {
  std::string out = file + ": row " + std::to_string(error.row);
  if (!error.column.empty()) out += ", column '" + error.column + "'";
  return out + ": " + error.reason;
}

}  // namespace cradle::records
