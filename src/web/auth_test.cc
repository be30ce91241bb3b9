// The web app's login, sessions, CSRF and role gates, through WebApp::Handle
// over a real SQLite store (a copy of one holding the bundled open data) with
// a fake clock, and once through the real server on a loopback port.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <thread>

#include "accounts/users.h"
#include "audit/log.h"
#include "opendata/bundled.h"
#include "web/app.h"
#include "web/http_server.h"
#include "web/test_client.h"
#include "web/url.h"

namespace cradle::web {
namespace {

namespace fs = std::filesystem;

constexpr const char* kAdminPassword = "admin passphrase one";
constexpr const char* kAnnPassword = "smith passphrase two";
constexpr const char* kAddress = "192.0.2.10";

// The store every test copies: the bundled open data, loaded once.
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

std::string SetCookieOf(const Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (name == "Set-Cookie") return value;
  }
  return "";
}

std::string HeaderOf(const Response& response, const std::string& wanted) {
  for (const auto& [name, value] : response.headers) {
    if (name == wanted) return value;
  }
  return "";
}

// The value of the first hidden csrf field in a page.
std::string CsrfField(const std::string& html) {
  std::smatch match;
  static const std::regex kField("name=\"csrf\" value=\"([0-9a-f]*)\"");
  return std::regex_search(html, match, kField) ? match[1].str() : "";
}

// "cradle_session=abc; HttpOnly…" -> "abc".
std::string CookieValueOf(const std::string& set_cookie) {
  size_t equals = set_cookie.find('=');
  size_t semicolon = set_cookie.find(';');
  return set_cookie.substr(equals + 1, semicolon - equals - 1);
}

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string source = TemplateStore();
    dir_ = fs::temp_directory_path() /
           ("cradle_web_auth_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "cradle.db").string();
    fs::copy_file(source, db_);
    options_.password_cost = accounts::PasswordCost::Minimum();
    // The users the tests log in as, added as the command line would.
    auto store = store::OpenSqliteStore(db_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    auto log = audit::Log::Open(**store, dir_.string(), clock_);
    ASSERT_TRUE(log.ok());
    accounts::Users users(**store, **log, options_);
    auto cli = audit::Actor::System("cli");
    ASSERT_TRUE(
        users.Add({"ada", "Ada Admin", "admin", "Leicester City Council", kAdminPassword}, cli)
            .ok());
    ASSERT_TRUE(
        users.Add({"ann", "Ann Smith", "practitioner", "Baby Basics", kAnnPassword}, cli).ok());
    MakeApp(false);
  }
  void TearDown() override {
    app_.reset();
    fs::remove_all(dir_);
  }

  void MakeApp(bool secure_cookies) {
    app_.reset();
    workspace::SessionOptions session_options;
    session_options.db_path = db_;
    session_options.quiet = true;
    auto session = workspace::Session::Open(session_options);
    ASSERT_TRUE(session.ok()) << session.status().message();
    AppOptions options;
    options.data_dir = opendata::DefaultDataDir();
    options.audit_head_dir = dir_.string();
    options.clock = &clock_;
    options.accounts = options_;
    options.secure_cookies = secure_cookies;
    auto app = WebApp::Create(std::move(*session), options);
    ASSERT_TRUE(app.ok()) << app.status().message();
    app_ = std::move(*app);
  }

  Response Send(const std::string& method, const std::string& target, const std::string& body = "",
                std::map<std::string, std::string> headers = {}) {
    Request request;
    request.method = method;
    request.target = target;
    auto parsed = ParseTarget(target);
    EXPECT_TRUE(parsed.ok());
    request.path = parsed->path;
    request.query = parsed->query;
    request.body = body;
    if (!body.empty() && !headers.count("content-type")) {
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    request.headers = std::move(headers);
    request.client_address = kAddress;
    return app_->Handle(request);
  }
  Response Get(const std::string& target, const std::string& session = "") {
    return Send("GET", target, "",
                session.empty()
                    ? std::map<std::string, std::string>{}
                    : std::map<std::string, std::string>{{"cookie", "cradle_session=" + session}});
  }
  // A POST from a logged-in user's browser.
  Response Post(const std::string& target, const std::string& session, const std::string& body) {
    return Send("POST", target, body, {{"cookie", "cradle_session=" + session}});
  }

  // Fills in the login form as a browser would; returns the answer.
  Response TryLogin(const std::string& username, const std::string& password,
                    const std::string& next = "/") {
    Response form = Get("/login");
    EXPECT_EQ(form.status, 200);
    std::string login_token = CookieValueOf(SetCookieOf(form));
    EXPECT_EQ(CsrfField(*form.body), login_token);
    return Send(
        "POST", "/login",
        "csrf=" + login_token + "&username=" + username + "&password=" + password + "&next=" + next,
        {{"cookie", "cradle_login=" + login_token}});
  }
  // The session token of a successful login.
  std::string LogIn(const std::string& username, const std::string& password) {
    Response response = TryLogin(username, password);
    EXPECT_EQ(response.status, 303) << *response.body;
    return CookieValueOf(SetCookieOf(response));
  }
  std::string CsrfOf(const std::string& session) { return CsrfField(*Get("/data", session).body); }
  std::vector<store::AuditRow> Audit() {
    auto store = store::OpenSqliteStore(db_);
    EXPECT_TRUE(store.ok());
    auto log = audit::Log::Open(**store, dir_.string(), clock_);
    auto rows = (*log)->Last(1000);
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : std::vector<store::AuditRow>{};
  }

  fs::path dir_;
  std::string db_;
  audit::FakeClock clock_{1'790'000'000};
  accounts::AccountOptions options_;
  std::unique_ptr<WebApp> app_;
};

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

TEST_F(AuthTest, LoginSetsAnHttpOnlyStrictSessionCookieAndGoesWhereTheUserWasGoing) {
  Response response = TryLogin("ada", Encode(kAdminPassword), Encode("/compare?period=2020-22"));
  ASSERT_EQ(response.status, 303) << *response.body;
  EXPECT_EQ(HeaderOf(response, "Location"), "/compare?period=2020-22");
  std::string cookie = SetCookieOf(response);
  EXPECT_TRUE(std::regex_match(cookie, std::regex("cradle_session=[0-9a-f]{64}; HttpOnly; "
                                                  "SameSite=Strict; Path=/")))
      << cookie;
  EXPECT_EQ(cookie.find("Max-Age"), std::string::npos);
  EXPECT_EQ(cookie.find("Expires"), std::string::npos);
}

TEST_F(AuthTest, CookiesAreSecureWhenServedOverTls) {
  MakeApp(true);
  EXPECT_NE(SetCookieOf(Get("/login")).find("; Secure"), std::string::npos);
  Response response = TryLogin("ada", Encode(kAdminPassword));
  ASSERT_EQ(response.status, 303);
  EXPECT_TRUE(
      std::regex_match(SetCookieOf(response), std::regex("cradle_session=[0-9a-f]{64}; HttpOnly; "
                                                         "SameSite=Strict; Path=/; Secure")));
}

TEST_F(AuthTest, AfterLoginOnlyPathsOnThisSiteAreFollowed) {
  for (std::string next : {"//evil.example/x", "https://evil.example/", "/\\evil.example",
                           "javascript:alert(1)", "/ok\r\nSet-Cookie: x=1"}) {
    Response response = TryLogin("ada", Encode(kAdminPassword), Encode(next));
    ASSERT_EQ(response.status, 303) << next;
    EXPECT_EQ(HeaderOf(response, "Location"), "/") << next;
  }
}

TEST_F(AuthTest, AFailedLoginSaysTheSameForEveryCause) {
  auto cli = audit::Actor::System("cli");
  {
    auto store = store::OpenSqliteStore(db_);
    auto log = audit::Log::Open(**store, dir_.string(), clock_);
    accounts::Users users(**store, **log, options_);
    ASSERT_TRUE(users
                    .Add({"dan", "Dan Disabled", "analyst", "Leicester City Council",
                          "disabled passphrase three"},
                         cli)
                    .ok());
    ASSERT_TRUE(users.Disable("dan", cli).ok());
  }
  std::vector<std::pair<std::string, std::string>> attempts = {
      {"ann", "wrong passphrase"},
      {"nobody", "wrong passphrase"},
      {"dan", "disabled passphrase three"}};
  for (const auto& [username, password] : attempts) {
    Response response = TryLogin(username, Encode(password));
    EXPECT_EQ(response.status, 403) << username;
    EXPECT_NE(response.body->find("The username or password is wrong."), std::string::npos)
        << username;
    EXPECT_EQ(SetCookieOf(response).rfind("cradle_session", 0), std::string::npos);
  }
  int failures = 0;
  for (const auto& row : Audit()) failures += row.action == "login_failed";
  EXPECT_EQ(failures, 3);
}

TEST_F(AuthTest, ThrottlingRefusesEvenTheRightPasswordAndSaysSo) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(TryLogin("ann", "wrong+passphrase").status, 403);
  Response response = TryLogin("ann", Encode(kAnnPassword));
  EXPECT_EQ(response.status, 403);
  EXPECT_NE(response.body->find("Too many failed logins: try again in 15 minutes."),
            std::string::npos);
  clock_.Advance(15 * 60);
  EXPECT_EQ(TryLogin("ann", Encode(kAnnPassword)).status, 303);
}

TEST_F(AuthTest, ALoginFormWithoutItsTokenIsRefused) {
  Response form = Get("/login");
  std::string token = CookieValueOf(SetCookieOf(form));
  std::string body = "username=ada&password=" + Encode(kAdminPassword) + "&csrf=" + token;
  // No cookie (another site's form), then a cookie that does not match.
  EXPECT_EQ(Send("POST", "/login", body).status, 403);
  Response other =
      Send("POST", "/login", body, {{"cookie", "cradle_login=" + std::string(64, 'a')}});
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(SetCookieOf(other).rfind("cradle_session", 0), std::string::npos);
}

TEST_F(AuthTest, ASessionEndsWhenIdleOrTooOld) {
  std::string session = LogIn("ada", Encode(kAdminPassword));
  EXPECT_EQ(Get("/admin/users", session).status, 200);
  clock_.Advance(30 * 60);
  Response idle = Get("/admin/users", session);
  EXPECT_EQ(idle.status, 303);
  EXPECT_EQ(HeaderOf(idle, "Location"), "/login?next=/admin/users");

  session = LogIn("ada", Encode(kAdminPassword));
  for (int hour = 0; hour < 24; ++hour) {  // busy, every 29 minutes, for 11.6 hours
    clock_.Advance(29 * 60);
    ASSERT_EQ(Get("/admin/users", session).status, 200) << hour;
  }
  clock_.Advance(29 * 60);  // 12 hours and 5 minutes after login
  EXPECT_EQ(Get("/admin/users", session).status, 303);
  int expiries = 0;
  for (const auto& row : Audit()) expiries += row.action == "session_expired";
  EXPECT_EQ(expiries, 2);
}

TEST_F(AuthTest, PagesShowWhoIsLoggedInAndAreNotKeptByCaches) {
  Response anonymous = Get("/data");
  EXPECT_NE(anonymous.body->find("href=\"/login\""), std::string::npos);
  EXPECT_EQ(anonymous.body->find("Logged in as"), std::string::npos);
  std::string session = LogIn("ann", Encode(kAnnPassword));
  Response page = Get("/data", session);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body->find("Logged in as Ann Smith (practitioner, Baby Basics)"),
            std::string::npos);
  EXPECT_NE(page.body->find("action=\"/logout\""), std::string::npos);
  EXPECT_EQ(CsrfField(*page.body).size(), 64u);
  EXPECT_EQ(HeaderOf(page, "Cache-Control"), "no-store");
  // The page kept for everyone still shows no one.
  EXPECT_EQ(Get("/data").body->find("Logged in as"), std::string::npos);
}

TEST_F(AuthTest, AStateChangeWithoutTheSessionsCsrfTokenIsRefused) {
  std::string session = LogIn("ada", Encode(kAdminPassword));
  std::string add = "username=bob&display_name=Bob&role=analyst&organisation=LCC&password=" +
                    Encode("brown passphrase four");
  EXPECT_EQ(Post("/admin/users", session, add).status, 403);
  EXPECT_EQ(Post("/admin/users", session, add + "&csrf=" + std::string(64, '0')).status, 403);
  EXPECT_EQ(Post("/logout", session, "csrf=").status, 403);
  EXPECT_EQ(Get("/admin/users", session).body->find("bob"), std::string::npos);
  // The header a script would send is as good as the form field.
  Response with_header =
      Send("POST", "/admin/users", add,
           {{"cookie", "cradle_session=" + session}, {"x-csrf-token", CsrfOf(session)}});
  EXPECT_EQ(with_header.status, 303) << *with_header.body;
}

TEST_F(AuthTest, OtherRolesAreRefusedWithNothingLeaked) {
  std::string session = LogIn("ann", Encode(kAnnPassword));
  std::string csrf = CsrfOf(session);
  for (Response response :
       {Get("/admin/users", session),
        Post("/admin/users", session,
             "csrf=" + csrf +
                 "&username=eve&display_name=Eve&role=admin"
                 "&organisation=X&password=eve+passphrase+five"),
        Post("/admin/users/ada/disable", session, "csrf=" + csrf),
        Post("/admin/users/ada/reset", session, "csrf=" + csrf + "&password=taken+over+now")}) {
    EXPECT_EQ(response.status, 403);
    EXPECT_NE(response.body->find("You do not have access to this page."), std::string::npos);
    EXPECT_EQ(response.body->find("Ada"), std::string::npos);
    EXPECT_EQ(response.body->find("ada"), std::string::npos);
    EXPECT_EQ(response.body->find("Leicester City Council"), std::string::npos);
  }
  EXPECT_EQ(TryLogin("ada", Encode(kAdminPassword)).status, 303);  // untouched
  // The public: pages send it to log in; a post is refused.
  EXPECT_EQ(HeaderOf(Get("/admin/users"), "Location"), "/login?next=/admin/users");
  Response post = Send("POST", "/admin/users", "username=eve");
  EXPECT_EQ(post.status, 403);
  EXPECT_EQ(post.body->find("ada"), std::string::npos);
}

TEST_F(AuthTest, AnAdminAddsDisablesAndResetsUsersEachAudited) {
  std::string session = LogIn("ada", Encode(kAdminPassword));
  std::string csrf = CsrfOf(session);
  std::string ann = LogIn("ann", Encode(kAnnPassword));

  Response added = Post("/admin/users", session,
                        "csrf=" + csrf +
                            "&username=bob&display_name=Bob+Brown&role=analyst"
                            "&organisation=Leicester+City+Council&password=" +
                            Encode("brown passphrase four"));
  ASSERT_EQ(added.status, 303) << *added.body;
  Response list = Get(HeaderOf(added, "Location"), session);
  EXPECT_NE(list.body->find("Added bob."), std::string::npos);
  EXPECT_NE(list.body->find("Bob Brown"), std::string::npos);
  EXPECT_EQ(TryLogin("bob", Encode("brown passphrase four")).status, 303);

  // Refused forms say why and come back filled in, without the password.
  Response taken = Post("/admin/users", session,
                        "csrf=" + csrf +
                            "&username=bob&display_name=Bob+Again&role=analyst"
                            "&organisation=LCC&password=" +
                            Encode("another passphrase"));
  EXPECT_EQ(taken.status, 400);
  EXPECT_NE(taken.body->find("Bob Again"), std::string::npos);
  EXPECT_EQ(taken.body->find("another passphrase"), std::string::npos);
  Response weak = Post("/admin/users", session,
                       "csrf=" + csrf +
                           "&username=cat&display_name=Cat&role=analyst"
                           "&organisation=LCC&password=short");
  EXPECT_EQ(weak.status, 400);
  EXPECT_NE(weak.body->find("at least 12 characters"), std::string::npos) << *weak.body;
  Response role = Post("/admin/users", session,
                       "csrf=" + csrf +
                           "&username=cat&display_name=Cat&role=public"
                           "&organisation=LCC&password=" +
                           Encode("kitten passphrase six"));
  EXPECT_EQ(role.status, 400);
  EXPECT_NE(role.body->find("The public role is for visitors"), std::string::npos);

  EXPECT_EQ(Post("/admin/users/bob/disable", session, "csrf=" + csrf).status, 303);
  EXPECT_EQ(TryLogin("bob", Encode("brown passphrase four")).status, 403);
  EXPECT_EQ(Post("/admin/users/bob/disable", session, "csrf=" + csrf).status, 400);
  EXPECT_EQ(Post("/admin/users/nobody/disable", session, "csrf=" + csrf).status, 404);
  EXPECT_EQ(Post("/admin/users/ada/disable", session, "csrf=" + csrf).status, 400);

  EXPECT_EQ(Post("/admin/users/ann/reset", session,
                 "csrf=" + csrf + "&password=" + Encode("fresh passphrase nine"))
                .status,
            303);
  EXPECT_EQ(Get("/admin/users", ann).status, 303);  // her session ended
  EXPECT_EQ(TryLogin("ann", Encode("fresh passphrase nine")).status, 303);

  std::vector<std::string> by_ada;
  for (const auto& row : Audit()) {
    if (row.user == "ada" && row.source == kAddress && row.object_type == "user") {
      by_ada.push_back(row.action + " " + row.object_id);
    }
  }
  EXPECT_EQ(by_ada, (std::vector<std::string>{"create bob", "update bob", "update ann"}));
}

TEST_F(AuthTest, LogoutEndsTheSession) {
  std::string session = LogIn("ada", Encode(kAdminPassword));
  Response out = Post("/logout", session, "csrf=" + CsrfOf(session));
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(HeaderOf(out, "Location"), "/");
  EXPECT_EQ(SetCookieOf(out), "cradle_session=; Max-Age=0; HttpOnly; SameSite=Strict; Path=/");
  EXPECT_EQ(Get("/admin/users", session).status, 303);
  EXPECT_EQ(Audit().back().action, "logout");
}

TEST_F(AuthTest, OverTheRealServerAFormPostLogsIn) {
  ServerOptions server_options;
  server_options.port = 0;
  server_options.stop_on_signals = false;
  HttpServer server(server_options,
                    [this](const Request& request) { return app_->Handle(request); });
  ASSERT_TRUE(server.Listen().ok());
  std::thread thread([&server] { server.Run(); });
  auto form = testing::Fetch(server.port(), "/login");
  std::string token = CookieValueOf(form.headers["set-cookie"]);
  auto login = testing::Fetch(
      server.port(), "/login", "POST",
      "csrf=" + token + "&username=ada&password=" + Encode(kAdminPassword) + "&next=%2Fdata",
      {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "cradle_login=" + token}});
  EXPECT_EQ(login.status, 303) << login.body;
  EXPECT_EQ(login.headers["location"], "/data");
  std::string session = CookieValueOf(login.headers["set-cookie"]);
  auto page = testing::Fetch(server.port(), "/data", "GET", "",
                             {{"Cookie", "theme=dark; cradle_session=" + session}});
  EXPECT_NE(page.body.find("Logged in as Ada Admin"), std::string::npos);
  auto bad = testing::Fetch(server.port(), "/login", "POST", "a=%zz",
                            {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(bad.status, 400);
  server.Stop();
  thread.join();
  bool from_loopback = false;
  for (const auto& row : Audit())
    from_loopback |= row.action == "login" && row.source == "127.0.0.1";
  EXPECT_TRUE(from_loopback);
}

}  // namespace
}  // namespace cradle::web
