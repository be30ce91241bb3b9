#include "web/records_test_fixture.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <regex>

#include "audit/log.h"
#include "opendata/bundled.h"
#include "web/url.h"
#include "workspace/session.h"

namespace cradle::web::testing {
namespace {

namespace fs = std::filesystem;

// Picks two Leicester wards, two LSOAs of the first and one of the second,
// from the areas of the bundled open data.
KnownRecords ChooseAreas(store::Store& store) {
  KnownRecords known;
  auto areas = store.Areas();
  EXPECT_TRUE(areas.ok());
  std::map<std::string, std::string> ward_parent;
  for (const store::Area& area : *areas) {
    if (area.type == "Ward") ward_parent[area.code] = area.parent_code.value_or("");
  }
  std::map<std::string, std::vector<std::string>> lsoas_of_ward;
  for (const store::Area& area : *areas) {
    if (area.type != "LSOA" || !area.parent_code) continue;
    auto parent = ward_parent.find(*area.parent_code);
    if (parent == ward_parent.end() || parent->second != "E06000016") continue;
    lsoas_of_ward[*area.parent_code].push_back(area.code);
  }
  for (const auto& [ward, lsoas] : lsoas_of_ward) {
    if (known.ward_one.empty() && lsoas.size() >= 2) {
      known.ward_one = ward;
      known.lsoa_one_a = lsoas[0];
      known.lsoa_one_b = lsoas[1];
    } else if (known.ward_two.empty() && !lsoas.empty()) {
      known.ward_two = ward;
      known.lsoa_two = lsoas[0];
    }
  }
  EXPECT_FALSE(known.ward_one.empty());
  EXPECT_FALSE(known.ward_two.empty());
  return known;
}

// 120 births over 2021-23: every third in each LSOA, every fourth of
// Pakistani ethnicity; births 3, 8 and 40 died (the last of unknown cause).
void MakeRecords(KnownRecords& known) {
  for (int i = 1; i <= 120; ++i) {
    records::BirthRecord birth;
    char id[32];
    std::snprintf(id, sizeof id, "SYN-T-%04d", i);
    birth.birth_id = id;
    birth.date_of_birth = *records::Date::FromYearMonthDay(2021 + i % 3, 1 + i % 12, 1 + i % 28);
    birth.lsoa21 = i % 3 == 0 ? known.lsoa_one_a : i % 3 == 1 ? known.lsoa_one_b : known.lsoa_two;
    birth.ethnic_group = i % 4 == 0 ? "asian_pakistani" : "white_british";
    birth.mother_age_band = "25-29";
    birth.gestation_weeks = 30 + i % 12;
    birth.birthweight_grams = 2000 + 10 * i;
    birth.maternal_bmi_band = "unknown";
    known.births.push_back(birth);
  }
  for (int i : {3, 8, 40}) {
    const records::BirthRecord& birth = known.births[static_cast<size_t>(i - 1)];
    records::DeathRecord death;
    death.birth_id = birth.birth_id;
    death.date_of_death = birth.date_of_birth + 5 * i;
    death.age_at_death_days = 5 * i;
    if (i != 40) death.category_of_death = i == 3 ? 5 : 9;
    known.deaths.push_back(death);
  }
}

void Import(store::Store& store, const KnownRecords& known) {
  {
    auto import = store.BeginImport(records::RecordKind::kBirths, "test-births.csv", "births-v1");
    ASSERT_TRUE(import.ok()) << import.status().message();
    int64_t row = 2;
    for (const auto& birth : known.births) ASSERT_TRUE((*import)->AddBirth(birth, row++).ok());
    auto count = static_cast<int64_t>(known.births.size());
    ASSERT_TRUE((*import)->Commit({count, count, 0, 0}).ok());
  }
  auto import = store.BeginImport(records::RecordKind::kDeaths, "test-deaths.csv", "deaths-v1");
  ASSERT_TRUE(import.ok()) << import.status().message();
  int64_t row = 2;
  for (const auto& death : known.deaths) ASSERT_TRUE((*import)->AddDeath(death, row++).ok());
  auto count = static_cast<int64_t>(known.deaths.size());
  ASSERT_TRUE((*import)->Commit({count, count, 0, 0}).ok());
}

// The store every test copies, made once (CTest runs tests in parallel
// processes: the first makes it under a file lock, the others wait).
std::string TemplateStore() {
  std::string path = std::string(CRADLE_WEB_TEST_DB) + ".routes-template";
  int lock = ::open((path + ".lock").c_str(), O_CREAT | O_RDWR, 0644);
  EXPECT_GE(lock, 0);
  ::flock(lock, LOCK_EX);
  if (!fs::exists(path)) {
    std::string building = path + ".building";
    fs::remove(building);
    {
      workspace::SessionOptions options;
      options.db_path = building;
      options.quiet = true;
      auto session = workspace::Session::Open(options);  // loads the bundled open data
      EXPECT_TRUE(session.ok()) << session.status().message();
    }
    auto store = store::OpenSqliteStore(building);
    EXPECT_TRUE(store.ok());
    KnownRecords known = ChooseAreas(**store);
    MakeRecords(known);
    Import(**store, known);
    store->reset();
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

}  // namespace

std::string HeaderOf(const Response& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

std::string UrlEncode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out.push_back(static_cast<char>(c));
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

std::string HtmlEscaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

size_t Occurrences(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

const KnownRecords& RoutesTest::Known() {
  static const KnownRecords* known = [] {
    auto* made = new KnownRecords;
    auto store = store::OpenSqliteStore(TemplateStore());
    EXPECT_TRUE(store.ok());
    *made = ChooseAreas(**store);
    MakeRecords(*made);
    return made;
  }();
  return *known;
}

void RoutesTest::SetUp() {
  std::string source = TemplateStore();
  dir_ =
      fs::temp_directory_path() / ("cradle_web_routes_" + std::to_string(::getpid()) + "_" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  db_ = (dir_ / "cradle.db").string();
  fs::copy_file(source, db_);
  accounts::AccountOptions account_options;
  account_options.password_cost = accounts::PasswordCost::Minimum();
  {
    auto store = OpenStore();
    ASSERT_TRUE(store);
    auto log = audit::Log::Open(*store, dir_.string(), clock_);
    ASSERT_TRUE(log.ok());
    accounts::Users users(*store, **log, account_options);
    auto cli = audit::Actor::System("cli");
    for (const accounts::NewUser& user :
         {accounts::NewUser{"ada", "Ada Admin", "admin", "Leicester City Council", kTestPassword},
          accounts::NewUser{"ana", "Ana Analyst", "analyst", "Leicester City Council",
                            kTestPassword},
          accounts::NewUser{"ann", "Ann Smith", "practitioner", "Baby Basics", kTestPassword},
          accounts::NewUser{"cid", "Cid Panel", "cdop_member", "LLR CDOP", kTestPassword}}) {
      auto added = users.Add(user, cli);
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
  options.accounts = account_options;
  auto app = WebApp::Create(std::move(*session), options);
  ASSERT_TRUE(app.ok()) << app.status().message();
  app_ = std::move(*app);
}

void RoutesTest::TearDown() {
  app_.reset();
  fs::remove_all(dir_);
}

std::unique_ptr<store::Store> RoutesTest::OpenStore() {
  auto store = store::OpenSqliteStore(db_);
  EXPECT_TRUE(store.ok()) << store.status().message();
  return store.ok() ? std::move(*store) : nullptr;
}

Response RoutesTest::Send(const std::string& method, const std::string& target,
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
  request.client_address = kTestAddress;
  return app_->Handle(request);
}

Response RoutesTest::Get(const std::string& target, const std::string& session) {
  std::map<std::string, std::string> headers;
  if (!session.empty()) headers["cookie"] = "cradle_session=" + session;
  return Send("GET", target, "", std::move(headers));
}

Response RoutesTest::Post(const std::string& target, const std::string& session,
                          const std::string& body, bool with_csrf) {
  std::string sent = body;
  if (with_csrf) sent = "csrf=" + csrf_[session] + (body.empty() ? "" : "&" + body);
  std::map<std::string, std::string> headers{{"content-type", "application/x-www-form-urlencoded"}};
  if (!session.empty()) headers["cookie"] = "cradle_session=" + session;
  return Send("POST", target, sent, std::move(headers));
}

std::string RoutesTest::LogIn(const std::string& username) {
  Response form = Get("/login");
  EXPECT_EQ(form.status, 200);
  std::string login_token = CookieValueOf(HeaderOf(form, "Set-Cookie"));
  Response response = Send("POST", "/login",
                           "csrf=" + login_token + "&username=" + username +
                               "&password=" + UrlEncode(kTestPassword) + "&next=/",
                           {{"cookie", "cradle_login=" + login_token}});
  EXPECT_EQ(response.status, 303) << *response.body;
  std::string session = CookieValueOf(HeaderOf(response, "Set-Cookie"));
  csrf_[session] = CsrfField(*Get("/data", session).body);
  EXPECT_FALSE(csrf_[session].empty());
  return session;
}

std::vector<store::AuditRow> RoutesTest::Audit() {
  auto store = OpenStore();
  if (!store) return {};
  auto log = audit::Log::Open(*store, dir_.string(), clock_);
  EXPECT_TRUE(log.ok());
  if (!log.ok()) return {};
  auto rows = (*log)->Last(100000);
  EXPECT_TRUE(rows.ok());
  return rows.ok() ? *rows : std::vector<store::AuditRow>{};
}

}  // namespace cradle::web::testing
