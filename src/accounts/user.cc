#include "accounts/user.h"

#include <string>

namespace cradle::accounts {

Status CheckUsername(std::string_view username) {
  bool ok = username.size() >= 3 && username.size() <= 64;
  for (size_t idx = 0; ok && idx < username.size(); ++idx) {
    char c = username[idx];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    ok = alnum || (idx > 0 && (c == '.' || c == '_' || c == '-'));
  }
  if (ok) return Status::Ok();
  return Status::InvalidArgument(
      "a username is 3 to 64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or "
      "digit: '" +
      std::string(username.substr(0, 64)) + "' is not");
}

Result<User> UserFromRow(const store::UserRow& row) {
  auto role = ParseRole(row.role);
  if (!role.ok()) {
    return Status::InvalidData("user " + row.username + " has an unknown role '" + row.role + "'");
  }
  return User{row.id,           row.username, row.display_name, *role,
              row.organisation, row.disabled, row.created_at,   row.updated_at};
}

audit::Actor ActorOf(const User& user, std::string source) {
  return {user.username, std::string(RoleName(user.role)), user.organisation, std::move(source)};
}

}  // namespace cradle::accounts
