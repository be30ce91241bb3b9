// New ids for directory entries an admin creates. Open Referral UK asks for
// UUIDs; the seed's are version 5 (derived from names), but an entry made by
// hand has no name to derive from that is sure to stay unique, so it gets a
// version 4 UUID (RFC 9562 5.4): 122 bits from libsodium's CSPRNG, with the
// version and variant bits set.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "base/result.h"

namespace cradle::directory {

// A fresh random UUID, lower-case 8-4-4-4-12 ("0f8e…-…-4…-[89ab]…-…").
// Internal if libsodium cannot be initialised.
Result<std::string> NewUuidV4();

// The UUID text of 16 bytes with the version (4) and variant (10xx) bits set;
// NewUuidV4 without the randomness, so the bit layout can be tested.
std::string UuidV4FromBytes(std::array<uint8_t, 16> bytes);

}  // namespace cradle::directory
