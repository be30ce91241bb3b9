#include "web/web_session_fixture.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cctype>
#include <climits>
#include <cstdio>
#include <regex>

#include "accounts/users.h"
#include "audit/log.h"
#include "opendata/bundled.h"
#include "web/url.h"

namespace cradle::web::session_testing {
namespace {

namespace fs = std::filesystem;

// The store every test copies: the bundled open data, loaded once. The same
// file and lock as auth_test.cc's, so the two build it once between them.
std::string TemplateStore() {
  std::string path = std::string(CRADLE_WEB_TEST_DB) + ".auth-template";
  int lock = ::open((path + ".lock").c_str(), O_CREAT | O_RDWR, 0644);
  EXPECT_GE(lock, 0);
  ::flock(lock, LOCK_EX);
  if (!fs::exists(path)) {
    std::string building = path + ".building";
    fs::remove(building);
    workspace::SessionOptions options;
    options.db_path = building;
    options.quiet = true;
    auto session = workspace::Session::Open(options);
    EXPECT_TRUE(session.ok()) << session.status().message();
    session->reset();
    fs::rename(building, path);
  }
  ::flock(lock, LOCK_UN);
  ::close(lock);
  return path;
}

std::string CookieValueOf(const std::string& set_cookie) {
  size_t equals = set_cookie.find('=');
  size_t semicolon = set_cookie.find(';');
  return set_cookie.substr(equals + 1, semicolon - equals - 1);
}

std::string CsrfField(const std::string& html) {
  std::smatch match;
  static const std::regex kField("name=\"csrf\" value=\"([0-9a-f]*)\"");
  return std::regex_search(html, match, kField) ? match[1].str() : "";
}

accounts::AccountOptions FastAccounts() {
  accounts::AccountOptions options;
  options.password_cost = accounts::PasswordCost::Minimum();
  return options;
}

}  // namespace

std::string HeaderOf(const Response& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

std::string Encode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

void WebSessionTest::SetUp() {
  std::string source = TemplateStore();
  dir_ =
      fs::temp_directory_path() / ("cradle_web_session_" + std::to_string(::getpid()) + "_" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  db_ = (dir_ / "cradle.db").string();
  fs::copy_file(source, db_);
  {
    auto store = store::OpenSqliteStore(db_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    auto log = audit::Log::Open(**store, dir_.string(), clock_);
    ASSERT_TRUE(log.ok()) << log.status().message();
    accounts::Users users(**store, **log, FastAccounts());
    auto cli = audit::Actor::System("cli");
    for (auto [username, role, organisation] :
         {std::tuple{"hana", "practitioner", kHealthVisiting},
          std::tuple{"bea", "practitioner", kBabyBasics},
          std::tuple{"finn", "practitioner", kFamilyHubs}, std::tuple{"ada", "admin", kFamilyHubs},
          std::tuple{"ali", "analyst", kFamilyHubs},
          std::tuple{"cody", "cdop_member", kHealthVisiting}}) {
      auto added = users.Add({username, username, role, organisation, kPassword}, cli);
      ASSERT_TRUE(added.ok()) << added.status().message();
    }
  }
  workspace::SessionOptions session_options;
  session_options.db_path = db_;
  session_options.quiet = true;
  auto session = workspace::Session::Open(session_options);
  ASSERT_TRUE(session.ok()) << session.status().message();
  AppOptions options;
  options.data_dir = opendata::DefaultDataDir();
  options.audit_head_dir = dir_.string();
  options.clock = &clock_;
  options.accounts = FastAccounts();
  options.pseudonym_key_path = (dir_ / "keys" / "pseudonym.key").string();
  auto app = WebApp::Create(std::move(*session), options);
  ASSERT_TRUE(app.ok()) << app.status().message();
  app_ = std::move(*app);
}

void WebSessionTest::TearDown() {
  app_.reset();
  fs::remove_all(dir_);
}

Response WebSessionTest::Send(const std::string& method, const std::string& target,
                              const std::string& body, std::map<std::string, std::string> headers) {
  Request request;
  request.method = method;
  request.target = target;
  auto parsed = ParseTarget(target);
  EXPECT_TRUE(parsed.ok()) << target;
  if (parsed.ok()) {
    request.path = parsed->path;
    request.query = parsed->query;
  }
  request.body = body;
  if (!body.empty() && !headers.count("content-type")) {
    headers["content-type"] = "application/x-www-form-urlencoded";
  }
  request.headers = std::move(headers);
  request.client_address = kClientAddress;
  return app_->Handle(request);
}

Response WebSessionTest::Get(const std::string& target, const std::string& session) {
  std::map<std::string, std::string> headers;
  if (!session.empty()) headers["cookie"] = "cradle_session=" + session;
  return Send("GET", target, "", headers);
}

Response WebSessionTest::Post(const std::string& target, const std::string& session,
                              const std::string& body) {
  return Send("POST", target, body, {{"cookie", "cradle_session=" + session}});
}

std::string WebSessionTest::LogIn(const std::string& username) {
  Response form = Get("/login");
  std::string login_token = CookieValueOf(HeaderOf(form, "Set-Cookie"));
  Response response = Send("POST", "/login",
                           "csrf=" + login_token + "&username=" + username +
                               "&password=" + Encode(kPassword) + "&next=%2F",
                           {{"cookie", "cradle_login=" + login_token}});
  EXPECT_EQ(response.status, 303) << username << ": " << *response.body;
  return CookieValueOf(HeaderOf(response, "Set-Cookie"));
}

std::string WebSessionTest::CsrfOf(const std::string& session) {
  // A page that answers 404 (or 403) without reading a record: its header
  // carries the logout form and so the token.
  return CsrfField(*Get("/assessments/x", session).body);
}

std::vector<store::AuditRow> WebSessionTest::Audit() {
  auto store = store::OpenSqliteStore(db_);
  EXPECT_TRUE(store.ok());
  if (!store.ok()) return {};
  auto log = audit::Log::Open(**store, dir_.string(), clock_);
  EXPECT_TRUE(log.ok());
  if (!log.ok()) return {};
  auto rows = (*log)->Last(100000);
  EXPECT_TRUE(rows.ok());
  return rows.ok() ? *rows : std::vector<store::AuditRow>{};
}

int64_t WebSessionTest::CountAssessments() {
  auto store = store::OpenSqliteStore(db_);
  if (!store.ok()) return -1;
  auto rows = (*store)->Casework()->Assessments("", 0, INT64_MAX);
  return rows.ok() ? static_cast<int64_t>(rows->size()) : -1;
}

int64_t WebSessionTest::CountReferrals() {
  auto store = store::OpenSqliteStore(db_);
  if (!store.ok()) return -1;
  auto rows = (*store)->Casework()->Referrals({});
  return rows.ok() ? static_cast<int64_t>(rows->size()) : -1;
}

}  // namespace cradle::web::session_testing
