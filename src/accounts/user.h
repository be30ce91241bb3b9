// A person who logs in: username, display name, role, organisation, whether
// the account is disabled, and when it was made and last changed; plus the
// settings of accounts (password cost and policy, session expiry, login
// throttling) and the rules for a username.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "accounts/password.h"
#include "accounts/password_policy.h"
#include "accounts/role.h"
#include "audit/event.h"
#include "base/result.h"
#include "store/account_store.h"

namespace cradle::accounts {

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kPublic;
  std::string organisation;
  bool disabled = false;
  int64_t created_at = 0;  // Unix seconds, UTC
  int64_t updated_at = 0;
};

struct AccountOptions {
  PasswordCost password_cost = PasswordCost::Interactive();
  PasswordPolicy password_policy;
  int64_t idle_timeout_seconds = 30 * 60;        // a session unused this long ends
  int64_t absolute_timeout_seconds = 12 * 3600;  // and any session this old
  int max_failed_logins = 5;                     // per username, and per address, within the window
  int64_t failed_login_window_seconds = 15 * 60;
};

// OK if `username` is 3 to 64 characters of a-z, 0-9, '.', '_' or '-'
// starting with a letter or digit; InvalidArgument saying so otherwise.
Status CheckUsername(std::string_view username);

// The user a stored row describes. InvalidData if its role is unknown.
Result<User> UserFromRow(const store::UserRow& row);

// `user` acting from `source` (a client address or "cli"), for the audit log.
audit::Actor ActorOf(const User& user, std::string source);

}  // namespace cradle::accounts
