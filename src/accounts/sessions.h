// Logging in and out, and knowing who is logged in: what the web layer calls.
//
//   Login(username, password, address)  -> a session token (for an HttpOnly
//                                          cookie) and the session's CSRF token
//   Authenticate(token)                 -> the user, or "expired"
//   CheckCsrf(session, csrf_token)      -> OK or PermissionDenied
//   Logout(token)
//
// A session ends when unused for the idle timeout (default 30 minutes), when
// older than the absolute timeout (default 12 hours), at logout, and when its
// user is disabled or given a new password. After max_failed_logins failures
// (default 5) for a username, or from an address, within the window (default
// 15 minutes), further attempts are refused until the window has passed.
// An unknown username, a wrong password and a disabled account get the same
// message, so the answer does not say which usernames exist; the audit log
// records which it was. Logins, failed logins, logouts and expiries are
// audited in the same transaction as the change they make.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "accounts/user.h"
#include "audit/log.h"
#include "base/result.h"
#include "store/store.h"

namespace cradle::accounts {

struct LoginResult {
  std::string session_token;  // the secret: only its hash is stored
  std::string csrf_token;
  User user;
};

// The user behind a live session.
struct AuthenticatedSession {
  User user;
  std::string session_id;  // the token's hash: safe to log, useless to replay
  std::string csrf_token;
  std::string address;  // where the session logged in from
};

class Sessions {
 public:
  // Keeps references to `store` and `log`, which must outlive it.
  Sessions(store::Store& store, audit::Log& log, AccountOptions options);

  // PermissionDenied "the username or password is wrong" for an unknown
  // user, a wrong password or a disabled account; PermissionDenied "too many
  // failed logins …" while throttled.
  Result<LoginResult> Login(std::string_view username, std::string_view password,
                            std::string_view address);

  // The session's user, refreshing its idle timer. PermissionDenied if the
  // token is unknown, ended, or expired (an expired session is ended).
  Result<AuthenticatedSession> Authenticate(std::string_view session_token);

  // OK if `csrf_token` is the session's, compared in constant time.
  Status CheckCsrf(const AuthenticatedSession& session, std::string_view csrf_token) const;

  // Ends the session; OK also if it had already ended or never existed.
  Status Logout(std::string_view session_token, std::string_view address);

 private:
  Status RefuseLogin(const store::LoginAttemptRow& attempt, bool count_it,
                     const std::string& detail, const Status& answer);
  Status EndExpired(const store::SessionRow& session, const User& user, const std::string& why);

  std::unique_ptr<store::AccountStore> accounts_;
  audit::Log& log_;
  AccountOptions options_;
  std::string dummy_hash_;  // verified against for unknown users, to take the same time
};

}  // namespace cradle::accounts
