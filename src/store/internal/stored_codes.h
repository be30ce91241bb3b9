// How the record tables store their values since schema 3: each code list of
// records/codes.h as small numbers (ethnic group, mother's age band, BMI band,
// the Y/N/U flags), dates as days since 1970-01-01 and LSOA codes as the six
// digits after "E01". A birth row takes about half the bytes of its text
// (6M births: 286 MB instead of 565 MB), so an import writes half as much:
// 6M births took 13 s instead of 16 s on a busy 2-core machine.
// The numbers are part of the file format: a list may only grow at its end,
// and a new code needs a migration that adds its stored_code row (the tests
// check that every code of records/codes.h has a number and that the table
// matches these lists).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cradle::store::internal {

enum class CodeList { kEthnicGroup, kMotherAgeBand, kBmiBand, kFlag };

// The stored codes of a list; code i is stored as number i + 1.
std::span<const std::string_view> StoredCodes(CodeList list);
// "ethnic_group", "mother_age_band", "bmi_band", "flag": the list's name in
// the stored_code table.
std::string_view StoredListName(CodeList list);

// The number of `code`, or nothing if the list has no such code.
std::optional<int> StoredNumber(CodeList list, std::string_view code);
// The code of `number`, or "" if the list has no such number.
std::string_view CodeOfNumber(CodeList list, int64_t number);

// "E01013600" is stored as 13600; anything not E01 and six digits has no
// number.
std::optional<int> StoredLsoa(std::string_view code);
std::string LsoaOfNumber(int64_t number);

}  // namespace cradle::store::internal
