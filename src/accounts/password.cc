#include "accounts/password.h"

#include <sodium.h>

#include "audit/crypto.h"

namespace cradle::accounts {

PasswordCost PasswordCost::Interactive() {
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::Minimum() {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost) {
  CRADLE_RETURN_IF_ERROR(audit::InitCrypto());
  char encoded[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(encoded, password.data(), password.size(), cost.ops_limit,
                            cost.mem_limit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Internal("could not hash the password (Argon2id needs " +
                            std::to_string(cost.mem_limit / 1024) + " KiB of memory)");
  }
  return std::string(encoded);
}

bool VerifyPassword(const std::string& encoded_hash, std::string_view password) {
  if (!audit::InitCrypto().ok()) return false;
  return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

bool NeedsRehash(const std::string& encoded_hash, const PasswordCost& cost) {
  // Its argon2id form is used so that an Argon2i hash counts as needing one.
  return crypto_pwhash_argon2id_str_needs_rehash(encoded_hash.c_str(), cost.ops_limit,
                                                 cost.mem_limit) != 0;
}

}  // namespace cradle::accounts
