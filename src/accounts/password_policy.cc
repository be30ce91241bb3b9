#include "accounts/password_policy.h"

#include <string>

#include "base/strings.h"

namespace cradle::accounts {
namespace {

// Characters (code points) in valid UTF-8.
int CountCharacters(std::string_view text) {
  int count = 0;
  for (unsigned char byte : text) {
    if ((byte & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace

Status CheckPassword(std::string_view password, std::string_view username,
                     const PasswordPolicy& policy) {
  if (static_cast<int>(password.size()) > policy.max_bytes) {
    return Status::InvalidArgument("the password must be at most " +
                                   std::to_string(policy.max_bytes) + " bytes long");
  }
  if (!IsValidUtf8(password)) {
    return Status::InvalidArgument("the password must be text (valid UTF-8)");
  }
  int characters = CountCharacters(password);
  if (characters < policy.min_characters) {
    return Status::InvalidArgument("the password must be at least " +
                                   std::to_string(policy.min_characters) +
                                   " characters long (it has " + std::to_string(characters) + ")");
  }
  if (!password.empty() && password.find_first_not_of(password.front()) == std::string_view::npos) {
    return Status::InvalidArgument("the password must not be one character repeated");
  }
  std::string lower_username = ToLower(Trim(username));
  if (!lower_username.empty() && ToLower(password).find(lower_username) != std::string::npos) {
    return Status::InvalidArgument("the password must not contain the username");
  }
  return Status::Ok();
}

}  // namespace cradle::accounts
