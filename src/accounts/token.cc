#include "accounts/token.h"

#include <sodium.h>

#include "audit/crypto.h"

namespace cradle::accounts {

Result<std::string> NewToken() {
  CRADLE_RETURN_IF_ERROR(audit::InitCrypto());
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  std::string hex = audit::ToHex(std::string_view(reinterpret_cast<char*>(bytes), sizeof bytes));
  sodium_memzero(bytes, sizeof bytes);
  return hex;
}

std::string TokenHash(std::string_view token) { return audit::Sha256Hex(token); }

bool TokensEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool IsWellFormedToken(std::string_view token) {
  if (token.size() != 64) return false;
  for (char c : token) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace cradle::accounts
