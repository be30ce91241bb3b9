// Password hashing with Argon2id (libsodium's crypto_pwhash_str): the stored
// string carries its own salt and cost, so a hash made at an older cost still
// verifies and can be upgraded at the next login (NeedsRehash).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace cradle::accounts {

// Argon2id's time (passes) and memory (bytes) cost.
struct PasswordCost {
  uint64_t ops_limit;
  size_t mem_limit;

  // libsodium's interactive cost (2 passes, 64 MiB): what Cradle uses.
  static PasswordCost Interactive();
  // libsodium's minimum cost: fast, for tests only.
  static PasswordCost Minimum();
};

// The encoded Argon2id hash of `password` with a fresh salt. Internal if
// libsodium cannot hash (usually: not enough memory for the cost).
Result<std::string> HashPassword(std::string_view password, const PasswordCost& cost);

// True if `password` matches `encoded_hash` (false for a malformed hash).
bool VerifyPassword(const std::string& encoded_hash, std::string_view password);

// True if `encoded_hash` was made at another cost or algorithm than `cost`.
bool NeedsRehash(const std::string& encoded_hash, const PasswordCost& cost);

}  // namespace cradle::accounts
