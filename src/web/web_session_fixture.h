// For the web tests only: a WebApp over a real SQLite store (a copy of one
// holding the bundled open data, built once and shared with auth_test.cc)
// with a fake clock, a pseudonym key of its own, and users of every role at
// three organisations, driven as a browser would: log in through the login
// form, then GET and POST with the session cookie and the CSRF token.
// Synthetic people only.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "accounts/user.h"
#include "audit/clock.h"
#include "store/store.h"
#include "web/app.h"
#include "web/http_message.h"

namespace cradle::web::session_testing {

// The organisations, as their users' accounts spell them. The receiving one
// is the directory organisation that runs Baby Basics in
// data/directory/seed.json: referrals are addressed to it by name.
inline constexpr const char* kHealthVisiting = "Leicester Health Visiting";
inline constexpr const char* kBabyBasics = "Baby Basics Leicester";
inline constexpr const char* kFamilyHubs = "Leicester City Council";
// Every user's password.
inline constexpr const char* kPassword = "a long test passphrase";
inline constexpr const char* kClientAddress = "192.0.2.20";

class WebSessionTest : public ::testing::Test {
 protected:
  // Users: hana (practitioner, kHealthVisiting), bea (practitioner,
  // kBabyBasics), finn (practitioner, kFamilyHubs), ada (admin), ali
  // (analyst), cody (cdop_member).
  void SetUp() override;
  void TearDown() override;

  Response Send(const std::string& method, const std::string& target, const std::string& body = "",
                std::map<std::string, std::string> headers = {});
  // As the public (no session) when `session` is empty.
  Response Get(const std::string& target, const std::string& session = "");
  // A form post with the session's cookie; the caller puts the csrf field in.
  Response Post(const std::string& target, const std::string& session, const std::string& body);
  // Logs `username` in through the login form; the session token.
  std::string LogIn(const std::string& username);
  // The session's CSRF token, from the logout form of a page's header.
  std::string CsrfOf(const std::string& session);

  // The audit log's entries, oldest first.
  std::vector<store::AuditRow> Audit();
  // Rows stored, read past the app: assessments, referrals, referral events.
  int64_t CountAssessments();
  int64_t CountReferrals();

  std::filesystem::path dir_;
  std::string db_;
  audit::FakeClock clock_{1'790'000'000};
  std::unique_ptr<WebApp> app_;
};

// The value of a header, or "".
std::string HeaderOf(const Response& response, const std::string& name);
// Percent-encodes all but letters and digits, for a form body.
std::string Encode(const std::string& text);

}  // namespace cradle::web::session_testing
