// For tests only: a user as the layers above accounts take one, without a
// store behind it (they check the role; only the accounts tests need users
// that can log in).
#pragma once

#include <string>

#include "accounts/user.h"

namespace cradle::accounts::testing {

inline User UserWith(std::string username, Role role) {
  User user;
  user.id = 1;
  user.username = std::move(username);
  user.display_name = user.username;
  user.role = role;
  return user;
}

}  // namespace cradle::accounts::testing
