// The web app end to end, in process: a real store (the bundled open data and
// the synthetic Leicester), the app, and the HTTP server on a loopback port.
#include "web/app.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>

#include "inequalities/record_frame.h"
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
  for (std::string path : {"/areas", "/indicators", "/values", "/comparisons", "/rankings",
                           "/hotspots", "/openapi.json", "/cdop/factors", "/plan"}) {
    EXPECT_TRUE(listed.count(path)) << path;
  }
}

// The start of every tag of `html` that contains `text`.
std::vector<size_t> TagsWith(const std::string& html, const std::string& text) {
  std::vector<size_t> tags;
  for (size_t at = html.find(text); at != std::string::npos; at = html.find(text, at + 1)) {
    tags.push_back(html.rfind('<', at));
  }
  return tags;
}

// The value of attribute `name` of the tag starting at `tag`, or "".
std::string AttrOf(const std::string& html, size_t tag, const std::string& name) {
  const size_t end = html.find('>', tag);
  const size_t at = html.find(" " + name + "=\"", tag);
  if (at == std::string::npos || at > end) return "";
  const size_t value = at + name.size() + 3;
  return html.substr(value, html.find('"', value) - value);
}

// Births and infant deaths of the babies born in `period` (birth cohort), by
// LSOA or ward code, counted here from the loaded records, not by the scan.
struct PlaceCounts {
  std::map<std::string, int64_t> births, deaths;
};
PlaceCounts CountFromRecords(const workspace::RecordScope& records, const std::string& level,
                             int first_year, int last_year) {
  const inequalities::RecordFrame& frame = records.frame;
  PlaceCounts counts;
  for (const inequalities::Birth& birth : frame.births) {
    if (birth.lsoa < 0 || birth.date.year() < first_year || birth.date.year() > last_year) {
      continue;
    }
    const inequalities::Lsoa& lsoa = frame.lsoas[static_cast<size_t>(birth.lsoa)];
    if (lsoa.local_authority != "E06000016") continue;
    if (level == "ward" && lsoa.ward < 0) continue;
    std::string code =
        level == "lsoa" ? lsoa.code : frame.wards[static_cast<size_t>(lsoa.ward)].code;
    ++counts.births[code];
    if (birth.death) ++counts.deaths[code];
  }
  return counts;
}

TEST_F(WebAppTest, HotspotsListClustersMostLikelyFirst) {
  json body = GetJson("/api/v1/hotspots?area=E06000016&level=lsoa");
  EXPECT_EQ(body["area"], "E06000016");
  EXPECT_EQ(body["level"], "lsoa");
  EXPECT_EQ(body["replications"], 999);
  const json& clusters = body["clusters"];
  ASSERT_FALSE(clusters.empty());
  double previous = 1e300;
  for (const json& cluster : clusters) {
    EXPECT_EQ(cluster["centre"].get<std::string>().rfind("E01", 0), 0u) << cluster;
    EXPECT_FALSE(cluster["centre_name"].get<std::string>().empty());
    EXPECT_GT(cluster["p_value"].get<double>(), 0);
    EXPECT_LE(cluster["p_value"].get<double>(), 1);
    EXPECT_EQ(cluster["high_or_low"], "high");
    if (cluster["suppressed"].get<bool>()) {
      EXPECT_TRUE(cluster["observed"].is_null());
      EXPECT_TRUE(cluster["llr"].is_null());
      continue;
    }
    EXPECT_LE(cluster["llr"].get<double>(), previous) << cluster;
    previous = cluster["llr"].get<double>();
  }
  // No LSOA is in two clusters.
  std::set<std::string> seen;
  for (const json& cluster : clusters) {
    for (const json& member : cluster["members"]) {
      EXPECT_TRUE(seen.insert(member.get<std::string>()).second) << member;
    }
  }
  // The same request, the same answer (the seed is fixed).
  EXPECT_EQ(GetJson("/api/v1/hotspots"), body);
}

TEST_F(WebAppTest, EachClusterAddsUpItsAreasDeathsAndBirths) {
  const workspace::RecordScope& records = *app_->data().records;
  for (std::string level : {"lsoa", "ward"}) {
    for (auto [period, first, last] :
         {std::tuple<std::string, int, int>{"", records.frame.first_year, records.frame.last_year},
          {"2020-22", 2020, 2022}}) {
      std::string target = "/api/v1/hotspots?level=" + level;
      if (!period.empty()) target += "&period=" + period;
      json body = GetJson(target);
      PlaceCounts counts = CountFromRecords(records, level, first, last);
      int64_t total_births = 0, total_deaths = 0;
      for (const auto& [code, births] : counts.births) total_births += births;
      for (const auto& [code, deaths] : counts.deaths) total_deaths += deaths;
      EXPECT_EQ(body["total_cases"], total_deaths) << target;
      EXPECT_EQ(body["total_population"].get<double>(), static_cast<double>(total_births));
      ASSERT_FALSE(body["clusters"].empty()) << target;
      for (const json& cluster : body["clusters"]) {
        int64_t births = 0, deaths = 0;
        for (const json& member : cluster["members"]) {
          births += counts.births[member.get<std::string>()];
          deaths += counts.deaths[member.get<std::string>()];
        }
        EXPECT_EQ(cluster["population"].get<double>(), static_cast<double>(births)) << target;
        EXPECT_NEAR(cluster["expected"].get<double>(),
                    static_cast<double>(total_deaths) * births / total_births, 1e-9)
            << target;
        if (cluster["suppressed"].get<bool>()) {
          EXPECT_GE(deaths, 1) << target;
          EXPECT_LE(deaths, 4) << target;
        } else {
          EXPECT_EQ(cluster["observed"], deaths) << target << " " << cluster["centre"];
        }
      }
    }
  }
}

TEST_F(WebAppTest, HotspotsAsGeoJson) {
  json body = GetJson("/api/v1/hotspots?format=geojson");
  json clusters = GetJson("/api/v1/hotspots")["clusters"];
  EXPECT_EQ(body["type"], "FeatureCollection");
  EXPECT_FALSE(body.contains("coordinate_system"));  // WGS 84, as RFC 7946 has it
  ASSERT_EQ(body["features"].size(), 2 * clusters.size());
  const json& members = body["features"][0];
  EXPECT_EQ(members["properties"]["kind"], "members");
  EXPECT_EQ(members["properties"]["members"], clusters[0]["members"]);
  for (const json& position : members["geometry"]["coordinates"]) {
    EXPECT_NEAR(position[0].get<double>(), -1.13, 0.1);  // Leicester's longitude
    EXPECT_NEAR(position[1].get<double>(), 52.63, 0.1);
  }
  EXPECT_EQ(body["features"][1]["geometry"]["type"], "Polygon");
}

TEST_F(WebAppTest, HotspotsSayWhatParameterIsWrong) {
  struct Case {
    std::string query;
    std::string message;
  } cases[] = {
      {"level=msoa", "level: 'msoa' is not one of lsoa, ward"},
      {"format=kml", "format: 'kml' is not one of json, geojson"},
      {"area=E10000018",
       "area: the LSOA lookup covers Leicester (E06000016), not Leicestershire (E10000018)"},
      {"period=2031", "period: the records hold births from "},
      {"colour=red", "unknown parameter 'colour'; allowed: area, level, period, format"},
  };
  for (const Case& one : cases) {
    json body = GetJson("/api/v1/hotspots?" + one.query, 400);
    std::string message = body["error"];
    EXPECT_EQ(message.rfind(one.message, 0), 0u) << one.query << ": " << message;
  }
}

// The Neighbourhoods page draws the clusters the API gives: each shown
// cluster's LSOAs outlined and marked, the table beside it, the finding in
// words, and no inline style.
TEST_F(WebAppTest, TheNeighbourhoodsPageMarksTheClusters) {
  json clusters = GetJson("/api/v1/hotspots")["clusters"];
  auto page = Fetch(port(), "/neighbourhoods");
  ASSERT_EQ(page.status, 200);
  const std::string& html = page.body;
  EXPECT_NE(html.find("<section id=\"neighbourhoods-clusters\""), std::string::npos);
  EXPECT_NE(html.find("Where infant deaths cluster, "), std::string::npos);
  EXPECT_EQ(html.find("style=\""), std::string::npos);
  EXPECT_NE(html.find("Synthetic data: not real people"), std::string::npos);
  const bool significant = clusters[0]["p_value"].get<double>() < 0.05;
  EXPECT_NE(html.find(significant ? "It is statistically significant (p = "
                                  : "There is no statistically significant cluster"),
            std::string::npos);
  // Outlines: the most likely cluster first, its members as the API lists them.
  std::vector<std::pair<std::string, std::string>> outlines;  // label, codes
  for (size_t at : TagsWith(html, "class=\"cradle-outline\"")) {
    outlines.emplace_back(AttrOf(html, at, "data-label"), AttrOf(html, at, "data-codes"));
  }
  ASSERT_FALSE(outlines.empty());
  auto codes_of = [](const json& cluster) {
    std::set<std::string> codes;
    for (const json& member : cluster["members"]) codes.insert(member.get<std::string>());
    return codes;
  };
  auto split = [](const std::string& text) {
    std::set<std::string> codes;
    std::istringstream in(text);
    for (std::string code; in >> code;) codes.insert(code);
    return codes;
  };
  EXPECT_EQ(outlines[0].first.rfind("Cluster 1 (most likely), p = ", 0), 0u);
  EXPECT_EQ(split(outlines[0].second), codes_of(clusters[0]));
  size_t shown = 1;
  for (size_t idx = 1; idx < clusters.size(); ++idx) {
    if (clusters[idx]["p_value"].get<double>() >= 0.05) continue;
    ASSERT_LT(shown, outlines.size());
    EXPECT_EQ(split(outlines[shown].second), codes_of(clusters[idx]));
    ++shown;
  }
  EXPECT_EQ(outlines.size(), shown);
  // Every area of the most likely cluster is marked as in outline 1.
  std::set<std::string> marked;
  for (size_t at : TagsWith(html, "class=\"cradle-area\"")) {
    if (split(AttrOf(html, at, "data-outline")).count("1")) {
      marked.insert(AttrOf(html, at, "data-code"));
    }
  }
  EXPECT_EQ(marked, codes_of(clusters[0]));
  // The table, open under the map, and its download.
  EXPECT_NE(html.find("<th scope=\"col\">Deaths observed</th>"), std::string::npos);
  auto csv = Fetch(port(), "/data/neighbourhoods-clusters.csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.rfind("Cluster,Centre,Centre code,Areas,Radius (km),Live births,Deaths "
                           "observed,Deaths expected,",
                           0),
            0u)
      << csv.body.substr(0, 120);
  EXPECT_EQ(Fetch(port(), "/data/neighbourhoods-clusters.xlsx").status, 200);
  // The list of the most likely cluster's LSOAs, one row each.
  const size_t list = html.find("<section id=\"neighbourhoods-cluster-areas\"");
  ASSERT_NE(list, std::string::npos);
  const std::string rows = html.substr(list, html.find("</section>", list) - list);
  std::set<std::string> listed;
  const std::string first_cluster = "<tr><td class=\"num\">1</td><td class=\"num\">";
  for (size_t at = rows.find(first_cluster); at != std::string::npos;
       at = rows.find(first_cluster, at + 1)) {
    const size_t code = rows.find("<td>", at) + 4;
    listed.insert(rows.substr(code, rows.find('<', code) - code));
  }
  EXPECT_EQ(listed, codes_of(clusters[0]));
  EXPECT_EQ(Fetch(port(), "/data/neighbourhoods-cluster-areas.csv").status, 200);
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
