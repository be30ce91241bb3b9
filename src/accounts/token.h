// Session and CSRF tokens: 256 random bits from libsodium, written as 64 hex
// digits. Only the SHA-256 of a session token is stored, and tokens are
// compared in constant time so a response's timing says nothing about how
// much of a guess was right.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace cradle::accounts {

// A fresh 256-bit random token in hex. Internal if libsodium cannot start.
Result<std::string> NewToken();

// The hex SHA-256 under which a session token is stored.
std::string TokenHash(std::string_view token);

// True if `a` and `b` are equal, in time that depends only on their length.
bool TokensEqual(std::string_view a, std::string_view b);

// True if `token` has the form NewToken gives (64 lowercase hex digits).
bool IsWellFormedToken(std::string_view token);

}  // namespace cradle::accounts
