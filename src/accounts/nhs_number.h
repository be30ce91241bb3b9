// The NHS number: ten digits, the last a Modulus 11 check digit (NHS Data
// Dictionary). Typed with or without spaces ("943 476 5919"). Messages never
// repeat the number, since they may be logged.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace cradle::accounts {

// The ten digits of `text` (spaces removed). InvalidArgument if it is not
// ten digits or its check digit is wrong.
Result<std::string> ParseNhsNumber(std::string_view text);

}  // namespace cradle::accounts
