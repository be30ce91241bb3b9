// The web app end to end, in process: a real store (the bundled open data and
// the synthetic Leicester), the app, and the HTTP server on a loopback port.
#include "web/app.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "opendata/bundled.h"
#include "web/http_server.h"
#include "web/test_client.h"
#include "workspace/synthetic_leicester.h"

namespace cradle::web {
namespace {

using nlohmann::json;
using testing::Fetch;

class WebAppTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // CTest runs each test in its own process: the store is filled once, in
    // the build folder, and the others wait for it under a file lock.
    db_path_ = new std::string(CRADLE_WEB_TEST_DB);
    int lock = ::open((*db_path_ + ".lock").c_str(), O_CREAT | O_RDWR, 0644);
    ASSERT_GE(lock, 0);
    ASSERT_EQ(::flock(lock, LOCK_EX), 0);
    workspace::SessionOptions options;
    options.db_path = *db_path_;
    options.quiet = true;
    auto session = workspace::Session::Open(options);
    ASSERT_TRUE(session.ok()) << session.status().message();
    auto empty = workspace::HoldsNoBirths((*session)->store());
    ASSERT_TRUE(empty.ok());
    if (*empty) {
      auto loads = workspace::LoadSyntheticLeicester((*session)->store(), 1);
      ASSERT_TRUE(loads.ok()) << loads.status().message();
      ASSERT_TRUE((*session)->Reload().ok());
    }
    ::flock(lock, LOCK_UN);
    ::close(lock);
    auto app = WebApp::Create(std::move(*session), {opendata::DefaultDataDir()});
    ASSERT_TRUE(app.ok()) << app.status().message();
    app_ = app->release();
    ServerOptions server_options;
    server_options.port = 0;
    server_options.stop_on_signals = false;
    server_ = new HttpServer(server_options,
                             [](const Request& request) { return app_->Handle(request); });
    ASSERT_TRUE(server_->Listen().ok());
    thread_ = new std::thread([] { server_->Run(); });
  }
  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete app_;
    delete db_path_;
  }
  static uint16_t port() { return server_->port(); }
  static json GetJson(const std::string& target, int expected_status = 200) {
    auto response = Fetch(port(), target);
    EXPECT_EQ(response.status, expected_status) << target << ": " << response.body;
    EXPECT_EQ(response.headers["content-type"], "application/json") << target;
    return json::parse(response.body);
  }

  static std::string* db_path_;
  static WebApp* app_;
  static HttpServer* server_;
  static std::thread* thread_;
};

std::string* WebAppTest::db_path_ = nullptr;
WebApp* WebAppTest::app_ = nullptr;
HttpServer* WebAppTest::server_ = nullptr;
std::thread* WebAppTest::thread_ = nullptr;

// ONS, Child and infant mortality in England and Wales 2022, death cohort,
// Table 3: Leicester 2020-2022, 94 infant deaths among 13,006 live births.
TEST_F(WebAppTest, ValuesGiveLeicestersPublishedInfantMortalityWithIntervals) {
  json body = GetJson("/api/v1/values?indicator=infant-mortality&area=E06000016&period=2020-22");
  ASSERT_EQ(body["values"].size(), 1u);
  const json& value = body["values"][0];
  EXPECT_EQ(value["count"], 94);
  EXPECT_EQ(value["denominator"], 13006);
  EXPECT_NEAR(value["value"].get<double>(), 94.0 / 13006 * 1000, 1e-9);
  EXPECT_LT(value["lower_ci_95"].get<double>(), value["value"].get<double>());
  EXPECT_GT(value["upper_ci_95"].get<double>(), value["value"].get<double>());
  EXPECT_LT(value["lower_ci_99_8"].get<double>(), value["lower_ci_95"].get<double>());
  EXPECT_EQ(value["compared_to_england"], "Worse");
  EXPECT_EQ(value["rank"], 3);
  EXPECT_EQ(body["attributions"][0],
            "Source: Office for National Statistics licensed under the Open Government Licence "
            "v3.0.");
}

TEST_F(WebAppTest, ValuesByAreaNameAndDefaults) {
  json by_name = GetJson("/api/v1/values?area=Leicester");
  json by_default = GetJson("/api/v1/values");
  EXPECT_EQ(by_name, by_default);
  EXPECT_EQ(by_default["values"][0]["period"], "2020-22");
}

TEST_F(WebAppTest, BreakdownsByEthnicGroupForEngland) {
  json body = GetJson("/api/v1/values?area=E92000001&period=2020-22&breakdown=Ethnic%20group");
  EXPECT_GT(body["values"].size(), 5u);
  for (const json& value : body["values"]) EXPECT_EQ(value["breakdown"]["type"], "Ethnic group");
}

TEST_F(WebAppTest, BadParametersGet400WithAMessageSayingWhatWasWrong) {
  struct Case {
    std::string target;
    std::string message_start;
  } cases[] = {
      {"/api/v1/values?area=Nowhere", "area: no area 'Nowhere'"},
      {"/api/v1/values?indicator=smoking", "indicator: "},
      {"/api/v1/values?period=2031-33", "period: infant-mortality has no data for 2031-33"},
      {"/api/v1/values?period=banana", "period: "},
      {"/api/v1/values?colour=red", "unknown parameter 'colour'; allowed: indicator, area"},
      {"/api/v1/values?breakdown=Shoe%20size", "breakdown: infant-mortality has no breakdown"},
      {"/api/v1/rankings?region=E06000016", "region: 'E06000016' is not an English region"},
      {"/api/v1/indicators?x=1", "unknown parameter 'x': this takes none"},
  };
  for (const Case& one : cases) {
    json body = GetJson(one.target, 400);
    std::string message = body["error"];
    EXPECT_EQ(message.rfind(one.message_start, 0), 0u) << one.target << ": " << message;
  }
  json missing = GetJson("/api/v1/nothing", 404);
  EXPECT_EQ(missing["error"],
            "no such endpoint: /api/v1/nothing (see /api/v1/openapi.json for what the API offers)");
}

TEST_F(WebAppTest, RankingsAreOrderedAndFilterByRegion) {
  json all = GetJson("/api/v1/rankings?indicator=infant-mortality&period=2020-22");
  json east_midlands = GetJson("/api/v1/rankings?period=2020-22&region=E12000004");
  EXPECT_GT(all["count"].get<int>(), 140);
  EXPECT_LT(east_midlands["count"].get<int>(), 15);
  EXPECT_GT(east_midlands["count"].get<int>(), 5);
  double previous = 1e9;
  for (const json& value : all["values"]) {
    if (value["value"].is_null()) continue;
    EXPECT_LE(value["value"].get<double>(), previous);
    previous = value["value"].get<double>();
  }
}

TEST_F(WebAppTest, ComparisonsGiveEveryIndicatorAgainstEngland) {
  json body = GetJson("/api/v1/comparisons?area=E06000016&period=2020-22");
  json catalogue = GetJson("/api/v1/indicators");
  EXPECT_EQ(body["comparisons"].size(), catalogue["indicators"].size());
}

// Every path the OpenAPI document lists answers, and every endpoint the API
// answers is listed.
TEST_F(WebAppTest, TheOpenApiDocumentDescribesTheApi) {
  json doc = GetJson("/api/v1/openapi.json");
  EXPECT_EQ(doc["openapi"], "3.0.3");
  std::set<std::string> listed;
  for (const auto& [path, item] : doc["paths"].items()) {
    listed.insert(path);
    auto response = Fetch(port(), "/api/v1" + path);
    EXPECT_EQ(response.status, 200) << path;
    for (const json& parameter : item["get"].value("parameters", json::array())) {
      std::string name = parameter["name"];
      std::string example = parameter.value("example", "");
      if (example.empty()) continue;
      EXPECT_EQ(Fetch(port(), "/api/v1" + path + "?" + name + "=" + example).status, 200)
          << path << " " << name;
    }
  }
  for (std::string path :
       {"/areas", "/indicators", "/values", "/comparisons", "/rankings", "/openapi.json"}) {
    EXPECT_TRUE(listed.count(path)) << path;
  }
}

TEST_F(WebAppTest, EveryPageServesItsChartsAndTables) {
  struct PageCase {
    std::string path;
    std::string must_contain;
  } pages[] = {
      {"/", "class=\"cradle-bar\""},
      {"/compare", "class=\"cradle-point\""},
      {"/trends", "class=\"cradle-point\""},
      {"/inequalities", "class=\"cradle-bar\""},
      {"/neighbourhoods", "class=\"cradle-area\""},
      {"/maternity", "class=\"cradle-bar\""},
      {"/data", "/data/overview-headline.csv"},
  };
  for (const PageCase& page : pages) {
    auto response = Fetch(port(), page.path);
    EXPECT_EQ(response.status, 200) << page.path;
    EXPECT_EQ(response.headers["content-type"], "text/html; charset=utf-8");
    EXPECT_NE(response.body.find(page.must_contain), std::string::npos) << page.path;
    EXPECT_NE(response.body.find("<main id=\"main\""), std::string::npos) << page.path;
    EXPECT_EQ(response.body.find("style=\""), std::string::npos) << page.path;
  }
  auto synthetic = Fetch(port(), "/inequalities");
  EXPECT_NE(synthetic.body.find("Synthetic data: not real people"), std::string::npos);
}

TEST_F(WebAppTest, ABadPageParameterGets400InThePage) {
  auto response = Fetch(port(), "/?area=Atlantis");
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find("no area &apos;Atlantis&apos; in the data"), std::string::npos)
      << response.body;
  EXPECT_EQ(Fetch(port(), "/nowhere").status, 404);
}

TEST_F(WebAppTest, TablesDownloadAsCsvAndXlsx) {
  auto csv = Fetch(port(), "/data/overview-headline.csv?area=E06000016&period=2020-22");
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("Area,Period,Value,", 0), 0u) << csv.body.substr(0, 80);
  EXPECT_NE(csv.body.find("Leicester,2020-22,7.2274"), std::string::npos);
  auto xlsx = Fetch(port(), "/data/compare-bars.xlsx");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(Fetch(port(), "/data/overview-headline.pdf").status, 404);
  EXPECT_EQ(Fetch(port(), "/data/overview-nothing.csv").status, 404);
}

TEST_F(WebAppTest, EveryResponseCarriesTheSecurityHeaders) {
  for (std::string target :
       {"/", "/api/v1/values", "/static/cradle.css", "/nowhere", "/api/v1/values?area=x"}) {
    auto response = Fetch(port(), target);
    EXPECT_NE(response.headers["content-security-policy"].find("frame-ancestors 'none'"),
              std::string::npos)
        << target;
    EXPECT_NE(response.headers["content-security-policy"].find("script-src 'self'"),
              std::string::npos);
    EXPECT_EQ(response.headers["x-content-type-options"], "nosniff") << target;
    EXPECT_EQ(response.headers["x-frame-options"], "DENY") << target;
  }
}

TEST_F(WebAppTest, StaticFilesCannotReachOutsideTheirFolder) {
  EXPECT_EQ(Fetch(port(), "/static/cradle.css").status, 200);
  for (std::string target : {"/static/../CMakeLists.txt", "/static/%2e%2e/CMakeLists.txt",
                             "/static/..%2f..%2fCMakeLists.txt", "/static//etc/passwd",
                             "/static/templates/page.mustache", "/static/"}) {
    auto response = Fetch(port(), target);
    EXPECT_EQ(response.status, 404) << target;
    EXPECT_EQ(response.body.find("cradle_module"), std::string::npos);
  }
}

TEST_F(WebAppTest, OnlyReadsAreAllowed) {
  auto response = Fetch(port(), "/api/v1/values", "POST", "{}");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.headers["allow"], "GET, HEAD");
  EXPECT_EQ(Fetch(port(), "/", "DELETE").status, 405);
}

TEST_F(WebAppTest, ARepeatedRequestGetsTheSameResponse) {
  auto first = Fetch(port(), "/compare?period=2020-22");
  auto second = Fetch(port(), "/compare?period=2020-22");
  EXPECT_EQ(first.body, second.body);
  EXPECT_GT(first.body.size(), 10000u);
}

}  // namespace
}  // namespace cradle::web
