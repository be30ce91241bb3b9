// Pseudonyms for people in the records: HMAC-SHA-256 of the validated NHS
// number under a 32-byte key held in a file outside the database (DOMAIN.md
// §6: a copy of the database alone cannot re-identify anyone, and a new key
// gives every person a new pseudonym). The key file holds 64 hex digits and
// is created, readable by its owner only, the first time it is needed.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "base/result.h"

namespace cradle::accounts {

// Where the key lives: $CRADLE_PSEUDONYM_KEY, else
// $XDG_CONFIG_HOME/cradle/pseudonym.key, else ~/.config/cradle/pseudonym.key.
// InvalidArgument if none of those variables is set.
Result<std::string> DefaultPseudonymKeyPath();

// The folder of DefaultPseudonymKeyPath(): where the audit log's head files
// are kept too (audit/head_file.h), outside the database.
Result<std::string> DefaultKeyDirectory();

class Pseudonymiser {
 public:
  using Key = std::array<unsigned char, 32>;

  // Reads the key at `path`, creating it (mode 0600, folder 0700) with fresh
  // random bytes if absent. InvalidData if the file is not 64 hex digits or
  // others may read it; IoError if it cannot be read or written.
  static Result<Pseudonymiser> FromKeyFile(const std::string& path);
  explicit Pseudonymiser(const Key& key) : key_(key) {}

  // 64 hex digits for the NHS number in `nhs_number` (ParseNhsNumber's
  // rules; InvalidArgument if it breaks them).
  Result<std::string> Pseudonym(std::string_view nhs_number) const;

 private:
  Key key_;
};

}  // namespace cradle::accounts
