#include "accounts/sessions.h"

#include "accounts/password.h"
#include "accounts/token.h"
#include "base/strings.h"

namespace cradle::accounts {
namespace {

const char kWrongLogin[] = "the username or password is wrong";
const char kNoSession[] = "not logged in, or the session has expired: log in again";

std::string Minutes(int64_t seconds) {
  int64_t minutes = (seconds + 59) / 60;
  return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

}  // namespace

Sessions::Sessions(store::Store& store, audit::Log& log, AccountOptions options)
    : accounts_(store.Accounts()), log_(log), options_(options) {}

Status Sessions::RefuseLogin(const store::LoginAttemptRow& attempt, bool count_it,
                             const std::string& detail, const Status& answer) {
  audit::Event event{audit::Actor::Public(attempt.address), audit::kLoginFailed, "user",
                     attempt.username, detail};
  CRADLE_RETURN_IF_ERROR(accounts_->AddFailedLogin(attempt, count_it, log_.SealNow(event)));
  CRADLE_RETURN_IF_ERROR(log_.RecordHead());
  return answer;
}

Result<LoginResult> Sessions::Login(std::string_view username, std::string_view password,
                                    std::string_view address) {
  const int64_t now = log_.clock().Now();
  store::LoginAttemptRow attempt;
  // Lowercased so that case variants share one throttle; cut so a long
  // string cannot fill the log.
  attempt.username = ToLower(Trim(username)).substr(0, 64);
  attempt.address = std::string(address.substr(0, 64));
  attempt.at = now;
  const int64_t since = now - options_.failed_login_window_seconds + 1;
  CRADLE_ASSIGN_OR_RETURN(int64_t user_failures,
                          accounts_->FailuresForUsername(attempt.username, since));
  CRADLE_ASSIGN_OR_RETURN(int64_t address_failures,
                          accounts_->FailuresFromAddress(attempt.address, since));
  if (user_failures >= options_.max_failed_logins ||
      address_failures >= options_.max_failed_logins) {
    return RefuseLogin(attempt, /*count_it=*/false,
                       user_failures >= options_.max_failed_logins
                           ? "refused: too many failures for the username"
                           : "refused: too many failures from the address",
                       Status::PermissionDenied("too many failed logins: try again in " +
                                                Minutes(options_.failed_login_window_seconds)));
  }
  CRADLE_ASSIGN_OR_RETURN(std::optional<store::UserRow> row, accounts_->FindUser(attempt.username));
  if (!row) {
    if (dummy_hash_.empty()) {
      CRADLE_ASSIGN_OR_RETURN(dummy_hash_,
                              HashPassword("no such user: a dummy", options_.password_cost));
    }
    (void)VerifyPassword(dummy_hash_, password);
    return RefuseLogin(attempt, true, "unknown username", Status::PermissionDenied(kWrongLogin));
  }
  if (!VerifyPassword(row->password_hash, password)) {
    return RefuseLogin(attempt, true, "wrong password", Status::PermissionDenied(kWrongLogin));
  }
  if (row->disabled) {
    return RefuseLogin(attempt, true, "account disabled", Status::PermissionDenied(kWrongLogin));
  }
  CRADLE_ASSIGN_OR_RETURN(User user, UserFromRow(*row));
  if (NeedsRehash(row->password_hash, options_.password_cost)) {
    CRADLE_ASSIGN_OR_RETURN(std::string upgraded, HashPassword(password, options_.password_cost));
    audit::Event event{ActorOf(user, attempt.address), audit::kUpdate, "user", user.username,
                       "password hash upgraded to the current cost"};
    CRADLE_RETURN_IF_ERROR(accounts_->SetPasswordHash(user.id, upgraded, now,
                                                      /*end_sessions=*/false, log_.SealNow(event)));
  }
  LoginResult result;
  CRADLE_ASSIGN_OR_RETURN(result.session_token, NewToken());
  CRADLE_ASSIGN_OR_RETURN(result.csrf_token, NewToken());
  store::SessionRow session;
  session.token_hash = TokenHash(result.session_token);
  session.user_id = user.id;
  session.csrf_token = result.csrf_token;
  session.address = attempt.address;
  session.created_at = now;
  session.last_seen_at = now;
  attempt.succeeded = true;
  audit::Event event{ActorOf(user, attempt.address), audit::kLogin, "session",
                     session.token_hash.substr(0, 16), ""};
  CRADLE_RETURN_IF_ERROR(accounts_->AddSession(session, attempt, log_.SealNow(event)));
  CRADLE_RETURN_IF_ERROR(log_.RecordHead());
  result.user = std::move(user);
  return result;
}

Status Sessions::EndExpired(const store::SessionRow& session, const User& user,
                            const std::string& why) {
  const int64_t now = log_.clock().Now();
  audit::Event event{ActorOf(user, session.address), audit::kSessionExpired, "session",
                     session.token_hash.substr(0, 16), why};
  CRADLE_RETURN_IF_ERROR(accounts_->EndSession(session.token_hash, now, log_.SealNow(event)));
  CRADLE_RETURN_IF_ERROR(log_.RecordHead());
  return Status::PermissionDenied(kNoSession);
}

Result<AuthenticatedSession> Sessions::Authenticate(std::string_view session_token) {
  if (!IsWellFormedToken(session_token)) return Status::PermissionDenied(kNoSession);
  CRADLE_ASSIGN_OR_RETURN(std::optional<store::SessionRow> session,
                          accounts_->FindOpenSession(TokenHash(session_token)));
  if (!session) return Status::PermissionDenied(kNoSession);
  CRADLE_ASSIGN_OR_RETURN(std::optional<store::UserRow> row,
                          accounts_->FindUserById(session->user_id));
  if (!row) return Status::PermissionDenied(kNoSession);
  CRADLE_ASSIGN_OR_RETURN(User user, UserFromRow(*row));
  const int64_t now = log_.clock().Now();
  if (user.disabled) return EndExpired(*session, user, "the account is disabled");
  if (now - session->last_seen_at >= options_.idle_timeout_seconds) {
    return EndExpired(*session, user,
                      "idle for " + Minutes(options_.idle_timeout_seconds) + " or more");
  }
  if (now - session->created_at >= options_.absolute_timeout_seconds) {
    return EndExpired(*session, user, "older than " + Minutes(options_.absolute_timeout_seconds));
  }
  CRADLE_RETURN_IF_ERROR(accounts_->TouchSession(session->token_hash, now));
  return AuthenticatedSession{std::move(user), session->token_hash, session->csrf_token,
                              session->address};
}

Status Sessions::CheckCsrf(const AuthenticatedSession& session, std::string_view csrf_token) const {
  if (TokensEqual(session.csrf_token, csrf_token)) return Status::Ok();
  return Status::PermissionDenied(
      "the form's security token does not match this session: reload the page and try again");
}

Status Sessions::Logout(std::string_view session_token, std::string_view address) {
  if (!IsWellFormedToken(session_token)) return Status::Ok();
  std::string token_hash = TokenHash(session_token);
  CRADLE_ASSIGN_OR_RETURN(std::optional<store::SessionRow> session,
                          accounts_->FindOpenSession(token_hash));
  if (!session) return Status::Ok();
  CRADLE_ASSIGN_OR_RETURN(std::optional<store::UserRow> row,
                          accounts_->FindUserById(session->user_id));
  if (!row) return Status::Ok();
  CRADLE_ASSIGN_OR_RETURN(User user, UserFromRow(*row));
  audit::Event event{ActorOf(user, std::string(address.substr(0, 64))), audit::kLogout, "session",
                     token_hash.substr(0, 16), ""};
  CRADLE_RETURN_IF_ERROR(
      accounts_->EndSession(token_hash, log_.clock().Now(), log_.SealNow(event)));
  return log_.RecordHead();
}

}  // namespace cradle::accounts
