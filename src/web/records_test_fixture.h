// A WebApp over a real SQLite store for the tests of the Routes that answer
// for a known user (records_routes_test.cc, directory_admin_routes_test.cc):
// the bundled open data and the directory seed, 120 known synthetic births
// (three of whom died) in three Leicester LSOAs of two wards, and one user of
// each role. Tests log in as a browser would and read the audit log back.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "accounts/users.h"
#include "audit/clock.h"
#include "records/record_types.h"
#include "store/store.h"
#include "web/app.h"

namespace cradle::web::testing {

inline constexpr const char* kTestAddress = "192.0.2.20";
inline constexpr const char* kTestPassword = "a long test passphrase";

// The known records, the same in every test.
struct KnownRecords {
  std::string ward_one;  // E05… holding lsoa_one_a and lsoa_one_b
  std::string ward_two;  // E05… holding lsoa_two
  std::string lsoa_one_a, lsoa_one_b, lsoa_two;
  std::vector<records::BirthRecord> births;
  std::vector<records::DeathRecord> deaths;
};

class RoutesTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // The records every test store holds.
  static const KnownRecords& Known();

  Response Send(const std::string& method, const std::string& target, const std::string& body = "",
                std::map<std::string, std::string> headers = {});
  Response Get(const std::string& target, const std::string& session = "");
  // A POST from a logged-in user's browser; `body` without the csrf field,
  // which is added unless `with_csrf` is false.
  Response Post(const std::string& target, const std::string& session, const std::string& body,
                bool with_csrf = true);
  // The session token of a login as `username` (ada admin, ana analyst, ann
  // practitioner, cid cdop_member).
  std::string LogIn(const std::string& username);
  std::vector<store::AuditRow> Audit();
  std::unique_ptr<store::Store> OpenStore();

  std::filesystem::path dir_;
  std::string db_;
  audit::FakeClock clock_{1'790'000'000};  // 2026-09-21
  std::unique_ptr<WebApp> app_;
  std::map<std::string, std::string> csrf_;  // session token -> its CSRF token
};

// Helpers for reading answers.
std::string HeaderOf(const Response& response, const std::string& name);
std::string UrlEncode(const std::string& text);
// `text` as Mustache puts it in a page (& < > " ' escaped).
std::string HtmlEscaped(const std::string& text);
// How many times `needle` occurs in `text`.
size_t Occurrences(const std::string& text, const std::string& needle);

}  // namespace cradle::web::testing
