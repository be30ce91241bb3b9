#include "audit/crypto.h"

#include <sodium.h>

#include <vector>

namespace cradle::audit {

Status InitCrypto() {
  static const int result = sodium_init();  // thread-safe once, per C++11
  if (result < 0) return Status::Internal("libsodium could not be initialised");
  return Status::Ok();
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return ToHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

std::string ToHex(std::string_view bytes) {
  std::vector<char> hex(bytes.size() * 2 + 1);
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  return std::string(hex.data(), bytes.size() * 2);
}

}  // namespace cradle::audit
