// Login, sessions with idle and absolute expiry (the fake clock moves time),
// CSRF tokens, logout and login throttling.
#include "accounts/sessions.h"

#include "accounts/test_fixture.h"
#include "accounts/token.h"

namespace cradle::accounts {
namespace {

using SessionsTest = AccountsTest;

TEST_F(SessionsTest, LoginGivesTokensThatAuthenticate) {
  AddAnn();
  auto login = sessions_->Login("Ann", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok()) << login.status().ToString();
  EXPECT_TRUE(IsWellFormedToken(login->session_token));
  EXPECT_TRUE(IsWellFormedToken(login->csrf_token));
  EXPECT_NE(login->session_token, login->csrf_token);
  EXPECT_EQ(login->user.username, "ann");
  auto session = sessions_->Authenticate(login->session_token);
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  EXPECT_EQ(session->user.username, "ann");
  EXPECT_EQ(session->user.role, Role::kPractitioner);
  EXPECT_EQ(session->address, "192.0.2.1");
  EXPECT_EQ(session->session_id, TokenHash(login->session_token));
  auto entries = log_->Last(1);
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ((*entries)[0].action, "login");
  EXPECT_EQ((*entries)[0].user, "ann");
  EXPECT_EQ((*entries)[0].role, "practitioner");
  EXPECT_EQ((*entries)[0].organisation, "Baby Basics");
  EXPECT_EQ((*entries)[0].source, "192.0.2.1");
}

TEST_F(SessionsTest, OnlyTheTokensHashIsStored) {
  AddAnn();
  auto login = sessions_->Login("ann", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  auto by_token = store_->Accounts()->FindOpenSession(login->session_token);
  ASSERT_TRUE(by_token.ok());
  EXPECT_FALSE(by_token->has_value());
  auto by_hash = store_->Accounts()->FindOpenSession(TokenHash(login->session_token));
  ASSERT_TRUE(by_hash.ok());
  EXPECT_TRUE(by_hash->has_value());
}

TEST_F(SessionsTest, TheSameAnswerForAnUnknownUserAndAWrongPassword) {
  AddAnn();
  auto unknown = sessions_->Login("nobody", kPassword, "192.0.2.1");
  auto wrong = sessions_->Login("ann", "not the passphrase", "192.0.2.1");
  ASSERT_FALSE(unknown.ok());
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(unknown.status().message(), "the username or password is wrong");
  EXPECT_EQ(unknown.status().message(), wrong.status().message());
  EXPECT_EQ(unknown.status().code(), StatusCode::kPermissionDenied);
  // The log says which it was.
  auto entries = log_->Last(2);
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ((*entries)[0].action, "login_failed");
  EXPECT_EQ((*entries)[0].detail, "unknown username");
  EXPECT_EQ((*entries)[1].detail, "wrong password");
  EXPECT_EQ((*entries)[1].object_id, "ann");
}

TEST_F(SessionsTest, ASessionIdleForThirtyMinutesExpires) {
  AddAnn();
  auto login = sessions_->Login("ann", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  clock_.Advance(29 * 60);
  ASSERT_TRUE(sessions_->Authenticate(login->session_token).ok());  // resets the idle timer
  clock_.Advance(29 * 60);
  ASSERT_TRUE(sessions_->Authenticate(login->session_token).ok());
  clock_.Advance(30 * 60);
  auto expired = sessions_->Authenticate(login->session_token);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.status().message(), "not logged in, or the session has expired: log in again");
  auto entries = log_->Last(1);
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ((*entries)[0].action, "session_expired");
  EXPECT_EQ((*entries)[0].detail, "idle for 30 minutes or more");
  // Ended, so moving back into the window does not revive it.
  EXPECT_FALSE(sessions_->Authenticate(login->session_token).ok());
}

TEST_F(SessionsTest, ASessionEndsAfterTwelveHoursHoweverBusy) {
  AddAnn();
  auto login = sessions_->Login("ann", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  for (int step = 0; step < 47; ++step) {  // every 15 minutes for 11 h 45 min
    clock_.Advance(15 * 60);
    ASSERT_TRUE(sessions_->Authenticate(login->session_token).ok()) << step;
  }
  clock_.Advance(15 * 60);
  auto expired = sessions_->Authenticate(login->session_token);
  ASSERT_FALSE(expired.ok());
  auto entries = log_->Last(1);
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ((*entries)[0].detail, "older than 720 minutes");
}

TEST_F(SessionsTest, CsrfTokenMustMatchTheSession) {
  AddAnn();
  auto first = sessions_->Login("ann", kPassword, "192.0.2.1");
  auto second = sessions_->Login("ann", kPassword, "192.0.2.2");
  ASSERT_TRUE(first.ok() && second.ok());
  auto session = sessions_->Authenticate(first->session_token);
  ASSERT_TRUE(session.ok());
  EXPECT_TRUE(sessions_->CheckCsrf(*session, first->csrf_token).ok());
  Status other = sessions_->CheckCsrf(*session, second->csrf_token);
  EXPECT_EQ(other.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(other.message(),
            "the form's security token does not match this session: reload the page and try "
            "again");
  EXPECT_FALSE(sessions_->CheckCsrf(*session, "").ok());
  EXPECT_FALSE(sessions_->CheckCsrf(*session, first->csrf_token.substr(1)).ok());
}

TEST_F(SessionsTest, LogoutEndsTheSession) {
  AddAnn();
  auto login = sessions_->Login("ann", kPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(sessions_->Logout(login->session_token, "192.0.2.1").ok());
  EXPECT_FALSE(sessions_->Authenticate(login->session_token).ok());
  EXPECT_TRUE(sessions_->Logout(login->session_token, "192.0.2.1").ok());  // already ended
  EXPECT_TRUE(sessions_->Logout("garbage", "192.0.2.1").ok());
  EXPECT_EQ(AuditActions(), (std::vector<std::string>{"create", "login", "logout"}));
}

TEST_F(SessionsTest, FiveFailuresForAUsernameLockItForTheWindow) {
  AddAnn();
  for (int attempt = 0; attempt < 5; ++attempt) {
    clock_.Advance(10);
    EXPECT_EQ(sessions_->Login("ann", "wrong password!", "192.0.2." + std::to_string(attempt))
                  .status()
                  .message(),
              "the username or password is wrong");
  }
  // Even the right password is refused, from any address.
  auto refused = sessions_->Login("ann", kPassword, "198.51.100.7");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(), "too many failed logins: try again in 15 minutes");
  // Refused attempts do not extend the lock: 15 minutes after the first
  // failure it has passed.
  clock_.Advance(15 * 60 - 50);
  EXPECT_FALSE(sessions_->Login("ann", kPassword, "198.51.100.7").ok());
  clock_.Advance(10);
  EXPECT_TRUE(sessions_->Login("ann", kPassword, "198.51.100.7").ok());
}

TEST_F(SessionsTest, UnknownUsernamesAreThrottledTheSameWay) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    (void)sessions_->Login("nobody", "whatever it is", "192.0.2." + std::to_string(attempt));
  }
  EXPECT_EQ(sessions_->Login("nobody", "whatever it is", "192.0.2.9").status().message(),
            "too many failed logins: try again in 15 minutes");
}

TEST_F(SessionsTest, FiveFailuresFromAnAddressLockThatAddress) {
  AddAnn();
  for (int attempt = 0; attempt < 5; ++attempt) {
    (void)sessions_->Login("guess" + std::to_string(attempt), "whatever it is", "203.0.113.5");
  }
  EXPECT_EQ(sessions_->Login("ann", kPassword, "203.0.113.5").status().message(),
            "too many failed logins: try again in 15 minutes");
  EXPECT_TRUE(sessions_->Login("ann", kPassword, "192.0.2.1").ok());
  auto entries = log_->Last(2);
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ((*entries)[0].detail, "refused: too many failures from the address");
}

TEST_F(SessionsTest, ASuccessfulLoginClearsTheUsernamesFailures) {
  AddAnn();
  for (int attempt = 0; attempt < 4; ++attempt) {
    (void)sessions_->Login("ann", "wrong password!", "192.0.2." + std::to_string(attempt));
  }
  ASSERT_TRUE(sessions_->Login("ann", kPassword, "192.0.2.10").ok());
  for (int attempt = 0; attempt < 4; ++attempt) {
    (void)sessions_->Login("ann", "wrong password!", "192.0.2." + std::to_string(20 + attempt));
  }
  EXPECT_TRUE(sessions_->Login("ann", kPassword, "192.0.2.30").ok());
}

TEST_F(SessionsTest, ALoginUpgradesAHashMadeAtAnOlderCost) {
  AddAnn();
  AccountOptions stronger = options_;
  stronger.password_cost = {3, PasswordCost::Minimum().mem_limit};
  Sessions upgraded(*store_, *log_, stronger);
  ASSERT_TRUE(upgraded.Login("ann", kPassword, "192.0.2.1").ok());
  auto row = store_->Accounts()->FindUser("ann");
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_FALSE(NeedsRehash((*row)->password_hash, stronger.password_cost));
  EXPECT_TRUE(VerifyPassword((*row)->password_hash, kPassword));
}

}  // namespace
}  // namespace cradle::accounts
