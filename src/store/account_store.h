// Persistence of accounts (src/accounts/ gives them their rules): users and
// their organisations, login sessions and login attempts, as plain rows.
// Every write is one transaction, and every security-relevant write (a user
// added, disabled or given a new password, a login, a failed login, a
// logout) appends its audit entry in that same transaction: either both are
// stored or neither. Times are Unix seconds (UTC).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/audit_store.h"

namespace cradle::store {

struct UserRow {
  int64_t id = 0;  // assigned by the store
  std::string username;
  std::string display_name;
  std::string role;          // a role name (accounts/role.h)
  std::string organisation;  // the organisation's name
  bool disabled = false;
  std::string password_hash;  // libsodium's encoded Argon2id string
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// A login session. Only a hash of the session token is stored, so a copy of
// the database does not let anyone act as a logged-in user.
struct SessionRow {
  std::string token_hash;  // hex SHA-256 of the token
  int64_t user_id = 0;
  std::string csrf_token;
  std::string address;
  int64_t created_at = 0;
  int64_t last_seen_at = 0;
  std::optional<int64_t> ended_at;
};

struct LoginAttemptRow {
  std::string username;  // as typed, even when no such user exists
  std::string address;
  int64_t at = 0;
  bool succeeded = false;
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // Stores `user` (its organisation is added if new) and the audit entry.
  // InvalidArgument if the username is taken. Returns the stored row.
  virtual Result<UserRow> AddUser(const UserRow& user, const AuditSeal& audit) = 0;
  virtual Result<std::optional<UserRow>> FindUser(std::string_view username) = 0;
  virtual Result<std::optional<UserRow>> FindUserById(int64_t id) = 0;
  // Every user, by username.
  virtual Result<std::vector<UserRow>> Users() = 0;
  // Every organisation's name, sorted.
  virtual Result<std::vector<std::string>> Organisations() = 0;

  // Marks the user disabled and ends their open sessions at `now`.
  virtual Status DisableUser(int64_t user_id, int64_t now, const AuditSeal& audit) = 0;
  // Replaces the password hash; ends the user's open sessions if asked.
  virtual Status SetPasswordHash(int64_t user_id, const std::string& password_hash, int64_t now,
                                 bool end_sessions, const AuditSeal& audit) = 0;

  // A successful login: the new session and the attempt.
  virtual Status AddSession(const SessionRow& session, const LoginAttemptRow& attempt,
                            const AuditSeal& audit) = 0;
  // A refused login; `attempt` counts towards throttling only if `count_it`.
  virtual Status AddFailedLogin(const LoginAttemptRow& attempt, bool count_it,
                                const AuditSeal& audit) = 0;
  // Failed attempts at or after `since` for `username` that came after that
  // username's last successful login.
  virtual Result<int64_t> FailuresForUsername(std::string_view username, int64_t since) = 0;
  // Failed attempts at or after `since` from `address`.
  virtual Result<int64_t> FailuresFromAddress(std::string_view address, int64_t since) = 0;

  // The open (not ended) session with this token hash, if any.
  virtual Result<std::optional<SessionRow>> FindOpenSession(std::string_view token_hash) = 0;
  virtual Status TouchSession(std::string_view token_hash, int64_t now) = 0;
  // Ends an open session (logout or expiry) with its audit entry.
  virtual Status EndSession(std::string_view token_hash, int64_t now, const AuditSeal& audit) = 0;
};

}  // namespace cradle::store
