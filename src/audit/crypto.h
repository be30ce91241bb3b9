// libsodium, initialised once before its first use, and the hex digests the
// audit chain and session tokens are written in. Nothing else of libsodium's
// set-up belongs anywhere else.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace cradle::audit {

// Initialises libsodium (once; later calls are free). Internal if it cannot
// be initialised, which leaves no safe way to hash or draw random bytes.
Status InitCrypto();

// Lowercase hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// Lowercase hex of `bytes`.
std::string ToHex(std::string_view bytes);

}  // namespace cradle::audit
