#include "accounts/users.h"

#include "base/strings.h"

namespace cradle::accounts {
namespace {

Status CheckName(std::string_view value, std::string_view what) {
  std::string_view trimmed = Trim(value);
  if (trimmed.empty()) return Status::InvalidArgument(std::string(what) + " must not be empty");
  if (trimmed.size() > 200 || !IsValidUtf8(trimmed)) {
    return Status::InvalidArgument(std::string(what) + " must be text of at most 200 bytes");
  }
  for (char c : trimmed) {
    if (static_cast<unsigned char>(c) < 0x20) {
      return Status::InvalidArgument(std::string(what) + " must not contain control characters");
    }
  }
  return Status::Ok();
}

}  // namespace

Users::Users(store::Store& store, audit::Log& log, AccountOptions options)
    : accounts_(store.Accounts()), log_(log), options_(options) {}

Result<User> Users::Add(const NewUser& user, const audit::Actor& by) {
  CRADLE_RETURN_IF_ERROR(CheckUsername(user.username));
  CRADLE_RETURN_IF_ERROR(CheckName(user.display_name, "the display name"));
  CRADLE_RETURN_IF_ERROR(CheckName(user.organisation, "the organisation"));
  CRADLE_ASSIGN_OR_RETURN(Role role, ParseRole(user.role));
  if (role == Role::kPublic) {
    return Status::InvalidArgument(
        "the public role is for visitors, who do not log in: choose practitioner, analyst, "
        "cdop_member or admin");
  }
  CRADLE_RETURN_IF_ERROR(CheckPassword(user.password, user.username, options_.password_policy));
  CRADLE_ASSIGN_OR_RETURN(std::string hash, HashPassword(user.password, options_.password_cost));
  int64_t now = log_.clock().Now();
  store::UserRow row;
  row.username = user.username;
  row.display_name = std::string(Trim(user.display_name));
  row.role = std::string(RoleName(role));
  row.organisation = std::string(Trim(user.organisation));
  row.password_hash = hash;
  row.created_at = now;
  row.updated_at = now;
  audit::Event event{by, audit::kCreate, "user", user.username,
                     "role " + row.role + ", organisation " + row.organisation};
  CRADLE_ASSIGN_OR_RETURN(store::UserRow stored, accounts_->AddUser(row, log_.SealNow(event)));
  CRADLE_RETURN_IF_ERROR(log_.RecordHead());
  return UserFromRow(stored);
}

Status Users::Disable(std::string_view username, const audit::Actor& by) {
  CRADLE_ASSIGN_OR_RETURN(User user, Find(username));
  if (user.disabled) {
    return Status::InvalidArgument("user " + user.username + " is already disabled");
  }
  audit::Event event{by, audit::kUpdate, "user", user.username, "disabled; sessions ended"};
  CRADLE_RETURN_IF_ERROR(accounts_->DisableUser(user.id, log_.clock().Now(), log_.SealNow(event)));
  return log_.RecordHead();
}

Status Users::ResetPassword(std::string_view username, std::string_view password,
                            const audit::Actor& by) {
  CRADLE_ASSIGN_OR_RETURN(User user, Find(username));
  CRADLE_RETURN_IF_ERROR(CheckPassword(password, user.username, options_.password_policy));
  CRADLE_ASSIGN_OR_RETURN(std::string hash, HashPassword(password, options_.password_cost));
  audit::Event event{by, audit::kUpdate, "user", user.username, "password reset; sessions ended"};
  CRADLE_RETURN_IF_ERROR(accounts_->SetPasswordHash(user.id, hash, log_.clock().Now(),
                                                    /*end_sessions=*/true, log_.SealNow(event)));
  return log_.RecordHead();
}

Result<std::vector<User>> Users::List() {
  CRADLE_ASSIGN_OR_RETURN(std::vector<store::UserRow> rows, accounts_->Users());
  std::vector<User> users;
  for (const store::UserRow& row : rows) {
    CRADLE_ASSIGN_OR_RETURN(User user, UserFromRow(row));
    users.push_back(std::move(user));
  }
  return users;
}

Result<User> Users::Find(std::string_view username) {
  CRADLE_ASSIGN_OR_RETURN(std::optional<store::UserRow> row,
                          accounts_->FindUser(ToLower(Trim(username))));
  if (!row) return Status::NotFound("no user is named '" + std::string(username) + "'");
  return UserFromRow(*row);
}

}  // namespace cradle::accounts
