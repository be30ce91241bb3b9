#include "records/field_reader.h"

#include <algorithm>
#include <array>

#include "base/strings.h"
#include "geo/area_type.h"
#include "records/codes.h"

namespace cradle::records {
namespace {

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

const Date kEarliest = *Date::Parse("1990-01-01");

}  // namespace

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

Result<std::vector<size_t>> MapHeader(const std::vector<std::string>& columns,
                                      const std::vector<std::string>& header,
                                      const std::string& file, std::string_view what) {
  std::vector<size_t> index;
  std::vector<std::string> missing, unexpected;
  for (const std::string& column : columns) {
    size_t found = header.size();
    for (size_t idx = 0; idx < header.size(); ++idx) {
      if (header[idx] == column) found = idx;
    }
    if (found == header.size()) missing.push_back(column);
    index.push_back(found);
  }
  for (const std::string& name : header) {
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
      unexpected.push_back(name);
    }
  }
  if (missing.empty() && unexpected.empty()) return index;
  std::string message =
      file + ": row 1 (header): not a " + std::string(what) + " file of docs/data-formats.md:";
  for (const std::string& name : missing) message += " missing column '" + name + "';";
  for (const std::string& name : unexpected) message += " unexpected column '" + name + "';";
  message.pop_back();
  return Status::InvalidData(message);
}

void FieldReader::Fail(size_t column, std::string reason) {
  errors_->push_back({row_, names_[column], std::move(reason)});
}

std::optional<std::string> FieldReader::Id(size_t column) {
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

std::optional<Date> FieldReader::DateField(size_t column, const Date& latest) {
  std::string_view text = Raw(column);
  auto date = Date::Parse(text);
  if (!date) {
    Fail(column, Shown(text) + " is not a date written YYYY-MM-DD");
    return std::nullopt;
  }
  if (*date < kEarliest || *date > latest) {
    Fail(column, Shown(text) + " is outside 1990-01-01 to " + latest.ToString());
    return std::nullopt;
  }
  return date;
}

std::optional<int> FieldReader::Integer(size_t column, int low, int high, std::string_view unit) {
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

std::optional<std::string> FieldReader::Code(size_t column,
                                             std::span<const std::string_view> allowed) {
  std::string_view text = Raw(column);
  if (!IsOneOf(text, allowed)) {
    Fail(column, Shown(text) + " is not one of " + ListForMessage(allowed));
    return std::nullopt;
  }
  return std::string(text);
}

std::optional<char> FieldReader::Flag(size_t column) {
  std::string_view text = Raw(column);
  if (text.size() == 1 && (text[0] == 'Y' || text[0] == 'N' || text[0] == 'U')) return text[0];
  Fail(column, Shown(text) + " is not one of " + ListForMessage(Flags()));
  return std::nullopt;
}

std::optional<std::string> FieldReader::Ethnicity(size_t column) {
  std::string_view text = Raw(column);
  if (FindEthnicGroup(text) == nullptr) {
    Fail(column, Shown(text) +
                     " is not an ethnic group code of docs/data-formats.md "
                     "(e.g. white_british, asian_pakistani, black_african)");
    return std::nullopt;
  }
  return std::string(text);
}

std::optional<std::string> FieldReader::Lsoa(size_t column, const ParseContext& context) {
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

std::optional<std::string> FieldReader::Text(size_t column, size_t max_length) {
  if (Trim(Raw(column)).empty()) {
    Fail(column, "is empty");
    return std::nullopt;
  }
  return OptionalText(column, max_length);
}

std::optional<std::string> FieldReader::OptionalText(size_t column, size_t max_length) {
  std::string_view text = Raw(column);
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

}  // namespace cradle::records
