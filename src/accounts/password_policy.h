// What a new password must be, with a message that says which rule it broke
// (the password itself is never echoed): at least 12 characters, at most
// 1,024 bytes, valid UTF-8, not one character repeated, and not containing
// the username. Length matters more than character classes (NCSC guidance),
// so there is no rule about digits or symbols.
#pragma once

#include <string_view>

#include "base/status.h"

namespace cradle::accounts {

struct PasswordPolicy {
  int min_characters = 12;
  int max_bytes = 1024;  // Argon2 copes; this only bounds the work a request can ask for
};

// OK, or InvalidArgument naming the rule `password` breaks.
Status CheckPassword(std::string_view password, std::string_view username,
                     const PasswordPolicy& policy = {});

}  // namespace cradle::accounts
