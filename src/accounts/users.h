// Managing who may log in: adding a user (checked username, role,
// organisation and password policy; the password hashed with Argon2id),
// disabling one (which ends their sessions), giving one a new password
// (which also ends their sessions), and listing them. Each change is one
// transaction with its audit entry, made by `by` (an admin, or the command
// line as audit::Actor::System("cli")).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/user.h"
#include "audit/log.h"
#include "base/result.h"
#include "store/store.h"

namespace cradle::accounts {

struct NewUser {
  std::string username;
  std::string display_name;
  std::string role;  // a role name
  std::string organisation;
  std::string password;
};

class Users {
 public:
  // Keeps references to `store` and `log`, which must outlive it.
  Users(store::Store& store, audit::Log& log, AccountOptions options);

  // InvalidArgument naming the field if one breaks its rule or the username
  // is taken.
  Result<User> Add(const NewUser& user, const audit::Actor& by);
  // NotFound if there is no such user; InvalidArgument if already disabled.
  Status Disable(std::string_view username, const audit::Actor& by);
  // NotFound, or InvalidArgument if the password breaks the policy.
  Status ResetPassword(std::string_view username, std::string_view password,
                       const audit::Actor& by);
  Result<std::vector<User>> List();
  // NotFound if there is no such user.
  Result<User> Find(std::string_view username);

 private:
  std::unique_ptr<store::AccountStore> accounts_;
  audit::Log& log_;
  AccountOptions options_;
};

}  // namespace cradle::accounts
