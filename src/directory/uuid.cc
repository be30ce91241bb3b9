#include "directory/uuid.h"

#include <sodium.h>

namespace cradle::directory {

std::string UuidV4FromBytes(std::array<uint8_t, 16> bytes) {
  bytes[6] = static_cast<uint8_t>((bytes[6] & 0x0f) | 0x40);  // version 4
  bytes[8] = static_cast<uint8_t>((bytes[8] & 0x3f) | 0x80);  // variant 10 (RFC 9562)
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  text.reserve(36);
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text.push_back('-');
    text.push_back(kHex[bytes[i] >> 4]);
    text.push_back(kHex[bytes[i] & 0x0f]);
  }
  return text;
}

Result<std::string> NewUuidV4() {
  // sodium_init is idempotent and thread-safe; -1 means no usable entropy
  // source, and an id from a broken generator could collide.
  if (sodium_init() < 0) return Status::Internal("cannot initialise libsodium for a new id");
  std::array<uint8_t, 16> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  return UuidV4FromBytes(bytes);
}

}  // namespace cradle::directory
