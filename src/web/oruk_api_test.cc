// The ORUK read API: its handler over a real SQLite store holding the bundled
// seed and a synthetic postcode lookup (most tests, with a fixed "today"), and
// the whole app over HTTP for what the server adds (security headers, CORS,
// methods).
#include "web/oruk_api.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "directory/postcodes.h"
#include "directory/seed.h"
#include "opendata/bundled.h"
#include "store/store.h"
#include "web/app.h"
#include "web/http_server.h"
#include "web/test_client.h"
#include "web/url.h"

namespace cradle::web {
namespace {

using nlohmann::json;

const records::Date kToday = *records::Date::Parse("2026-11-27");
const std::string kFixtures = std::string(CRADLE_TESTDATA_DIR) + "/directory/";

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("cradle_oruk_" + name + "_" + std::to_string(::getpid()) + ".db"))
      .string();
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

class OrukApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = TempPath("api");
    RemoveDb(path_);
    auto opened = store::OpenSqliteStore(path_);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
    directory_ = store_->Directory();
    auto seeded = directory::LoadSeedIfEmpty(*directory_, directory::DefaultSeedPath(),
                                             "2026-11-01T09:00:00.000Z");
    ASSERT_TRUE(seeded.ok()) << seeded.status().message();
    auto postcodes = directory::ReadPostcodeCsv(kFixtures + "postcodes.csv");
    ASSERT_TRUE(postcodes.ok()) << postcodes.status().message();
    ASSERT_TRUE(directory_->ReplacePostcodes(*postcodes).ok());
  }
  void TearDown() override {
    directory_.reset();
    store_.reset();
    RemoveDb(path_);
  }

  Response Get(const std::string& target, const std::string& method = "GET") {
    auto parsed = ParseTarget(target);
    EXPECT_TRUE(parsed.ok()) << target;
    Request request{method, target, parsed->path, parsed->query, ""};
    return HandleOruk(*directory_, request, kToday);
  }
  json GetJson(const std::string& target, int expected_status = 200) {
    Response response = Get(target);
    EXPECT_EQ(response.status, expected_status) << target << ": " << *response.body;
    EXPECT_EQ(response.content_type, "application/json") << target;
    return json::parse(*response.body);
  }
  std::string Error(const std::string& target, int expected_status = 400) {
    return GetJson(target, expected_status)["error"].get<std::string>();
  }
  // The id of the first service whose name contains `part`.
  std::string ServiceId(const std::string& part) {
    auto services = directory_->Services();
    for (const store::Service& service : *services) {
      if (service.name.find(part) != std::string::npos) return service.id;
    }
    ADD_FAILURE() << "no service named " << part;
    return "";
  }
  std::string TermId(const std::string& code) {
    auto terms = directory_->TaxonomyTerms();
    for (const store::TaxonomyTerm& term : *terms) {
      if (term.code == code) return term.id;
    }
    ADD_FAILURE() << "no term " << code;
    return "";
  }
  static std::vector<std::string> Names(const json& page) {
    std::vector<std::string> names;
    for (const json& item : page["contents"]) names.push_back(item["name"].get<std::string>());
    return names;
  }

  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::DirectoryStore> directory_;
};

TEST_F(OrukApiTest, MetaNamesTheProfile) {
  json meta = GetJson("/oruk/");
  EXPECT_EQ(meta["version"], "3.0");
  EXPECT_NE(meta["profile"].get<std::string>().find("uk-profile"), std::string::npos);
  EXPECT_NE(meta["openapi_url"].get<std::string>().find("openapi.json"), std::string::npos);
  EXPECT_EQ(GetJson("/oruk"), meta);
}

TEST_F(OrukApiTest, ServicesComeInOruksPageEnvelope) {
  json page = GetJson("/oruk/services");
  for (const char* field :
       {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"}) {
    EXPECT_TRUE(page.contains(field)) << field;
  }
  const int64_t total = page["total_items"];
  EXPECT_EQ(total, static_cast<int64_t>(*directory_->CountServices()));
  EXPECT_EQ(page["size"], total);
  EXPECT_EQ(page["page_number"], 1);
  EXPECT_EQ(page["total_pages"], 1);
  EXPECT_TRUE(page["first_page"]);
  EXPECT_TRUE(page["last_page"]);
  EXPECT_FALSE(page["empty"]);
  const json& first = page["contents"][0];
  EXPECT_EQ(first["status"], "active");
  EXPECT_TRUE(first["x-cradle-example"]);
  // The seed is never assured: every listing is stale.
  EXPECT_TRUE(first["x-cradle-stale"]);
  EXPECT_EQ(first["last_modified"], "2026-11-01T09:00:00.000Z");
  EXPECT_FALSE(first.contains("schedules"));  // lists carry one-to-one fields only
}

TEST_F(OrukApiTest, PaginationEdges) {
  json second = GetJson("/oruk/services?per_page=4&page=2");
  const int64_t total = second["total_items"];
  EXPECT_EQ(second["total_pages"], (total + 3) / 4);
  EXPECT_EQ(second["size"], std::min<int64_t>(4, total - 4));
  EXPECT_FALSE(second["first_page"]);
  json first = GetJson("/oruk/services?per_page=4&page=1");
  EXPECT_NE(Names(first), Names(second));
  json beyond = GetJson("/oruk/services?per_page=4&page=99");
  EXPECT_TRUE(beyond["empty"]);
  EXPECT_EQ(beyond["size"], 0);
  EXPECT_TRUE(beyond["contents"].empty());
  EXPECT_TRUE(beyond["last_page"]);
  EXPECT_EQ(beyond["total_items"], total);
  EXPECT_EQ(Error("/oruk/services?page=0"), "page: '0' is not a whole number from 1 to 1000000");
  EXPECT_EQ(Error("/oruk/services?per_page=101"),
            "per_page: '101' is not a whole number from 1 to 100");
  EXPECT_EQ(Error("/oruk/services?per_page=0"),
            "per_page: '0' is not a whole number from 1 to 100");
  EXPECT_EQ(GetJson("/oruk/services?per_page=100")["size"], total);
}

TEST_F(OrukApiTest, FreeTextSearchIsCaseInsensitive) {
  json page = GetJson("/oruk/services?search=BABY%20basics");
  ASSERT_EQ(page["total_items"], 1);
  EXPECT_NE(Names(page)[0].find("Baby Basics"), std::string::npos);
  // A term's name finds the services tagged with it.
  json breastfeeding = GetJson("/oruk/services?search=breastfeeding");
  EXPECT_GE(breastfeeding["total_items"].get<int>(), 2);
  EXPECT_EQ(GetJson("/oruk/services?search=zzzz")["empty"], true);
}

TEST_F(OrukApiTest, TaxonomyFilters) {
  json sleep = GetJson("/oruk/services?taxonomy_term_id=" + TermId("Leicester:IM:safe-sleep"));
  std::vector<std::string> names = Names(sleep);
  ASSERT_EQ(names.size(), 2u);  // Baby Basics and Step Outside
  // Maternity includes the terms beneath it (stop smoking in pregnancy, …).
  json maternity = GetJson("/oruk/services?taxonomy_term_id=" + TermId("Leicester:IM:maternity"));
  EXPECT_GE(maternity["total_items"].get<int>(), 4);
  const std::string taxonomy = (*directory_->Taxonomies())[0].id;
  EXPECT_EQ(GetJson("/oruk/services?taxonomy_id=" + taxonomy)["total_items"],
            *directory_->CountServices());
  EXPECT_EQ(Error("/oruk/services?taxonomy_term_id=nope"),
            "taxonomy_term_id: 'nope' is not a term of this directory (see /oruk/taxonomy_terms)");
  EXPECT_EQ(Error("/oruk/services?taxonomy_id=nope"),
            "taxonomy_id: 'nope' is not a taxonomy of this directory (see /oruk/taxonomies)");
}

TEST_F(OrukApiTest, AgeFilters) {
  // A baby (0) is admitted by Baby Basics (0-1) but not the stop-smoking
  // service (16+).
  std::vector<std::string> for_baby = Names(GetJson("/oruk/services?age=0&per_page=100"));
  auto has = [](const std::vector<std::string>& names, const std::string& part) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
      return name.find(part) != std::string::npos;
    });
  };
  EXPECT_TRUE(has(for_baby, "Baby Basics"));
  EXPECT_FALSE(has(for_baby, "Stop smoking"));
  std::vector<std::string> at_min_16 = Names(GetJson("/oruk/services?minimum_age=16"));
  EXPECT_TRUE(has(at_min_16, "Stop smoking"));
  EXPECT_FALSE(has(at_min_16, "Baby Basics"));
  std::vector<std::string> at_most_2 = Names(GetJson("/oruk/services?maximum_age=2"));
  EXPECT_TRUE(has(at_most_2, "Baby Basics"));
  EXPECT_TRUE(has(at_most_2, "Bumps to Babies"));
  EXPECT_FALSE(has(at_most_2, "Family hubs"));
  EXPECT_EQ(Error("/oruk/services?age=-1"), "age: '-1' is not a whole number from 0 to 130");
  EXPECT_EQ(Error("/oruk/services?minimum_age=x"),
            "minimum_age: 'x' is not a whole number from 0 to 130");
}

TEST_F(OrukApiTest, StatusActiveByDefault) {
  store::Service closed = **directory_->FindService(ServiceId("Healthy weight"));
  closed.status = "temporarily closed";
  ASSERT_TRUE(directory_->UpdateService(closed, "2026-11-20T10:00:00.000Z").ok());
  const int64_t all = *directory_->CountServices();
  EXPECT_EQ(GetJson("/oruk/services")["total_items"], all - 1);
  EXPECT_EQ(GetJson("/oruk/services?status=temporarily%20closed")["total_items"], 1);
  EXPECT_EQ(GetJson("/oruk/services?status=any")["total_items"], all);
  EXPECT_EQ(Error("/oruk/services?status=open"),
            "status: 'open' is not one of active, inactive, defunct, temporarily closed, any");
}

TEST_F(OrukApiTest, PostcodeProximityIsGreatCircleMetres) {
  // LE1 1AA in the synthetic lookup lies at 52.6340, -1.1320, about 200 m
  // from the seed's city-centre point (52.6357, -1.1329).
  json near = GetJson("/oruk/services?postcode=le11aa&proximity=500");
  ASSERT_GE(near["total_items"].get<int>(), 1);
  for (const json& item : near["contents"]) {
    EXPECT_LE(item["x-cradle-distance-metres"].get<double>(), 500);
  }
  EXPECT_NEAR(near["contents"][0]["x-cradle-distance-metres"].get<double>(), 200, 5);
  json everywhere = GetJson("/oruk/services?postcode=LE1%201AA&per_page=100");
  double previous = 0;
  for (const json& item : everywhere["contents"]) {
    double distance = item["x-cradle-distance-metres"].get<double>();
    EXPECT_GE(distance, previous);
    previous = distance;
  }
  json by_point = GetJson("/oruk/services?lat=52.634&lng=-1.132&proximity=500");
  EXPECT_EQ(by_point["total_items"], near["total_items"]);
}

TEST_F(OrukApiTest, PostcodeErrorsNameTheParameter) {
  EXPECT_EQ(Error("/oruk/services?postcode=LE7%209ZZ"),
            "postcode: LE7 9ZZ is not in the postcode lookup (an admin loads the ONS Postcode "
            "Directory with `cradle directory postcodes FILE`)");
  EXPECT_EQ(Error("/oruk/services?postcode=hello"), "postcode: 'hello' is not a postcode");
  EXPECT_EQ(Error("/oruk/services?proximity=500"),
            "proximity: needs a postcode, or lat and lng, to measure from");
  EXPECT_EQ(Error("/oruk/services?postcode=LE1%201AA&proximity=-3"),
            "proximity: '-3' is not a distance in metres above 0 and at most 100000");
  EXPECT_EQ(Error("/oruk/services?lat=52.6"), "lng: lat and lng come together");
  EXPECT_EQ(Error("/oruk/services?lat=95&lng=0"),
            "lat: '95' is not a number of degrees from -90 to 90");
  EXPECT_EQ(Error("/oruk/services?colour=red").rfind("unknown parameter 'colour'", 0), 0u);
}

TEST_F(OrukApiTest, OneServiceFullyNested) {
  const std::string id = ServiceId("Bumps to Babies");
  json service = GetJson("/oruk/services/" + id);
  EXPECT_EQ(service["id"], id);
  EXPECT_EQ(service["organization"]["name"], "Bumps to Babies");
  EXPECT_FALSE(service["schedules"].empty());
  EXPECT_EQ(service["schedules"][0]["byday"], "TU");
  EXPECT_EQ(service["service_at_locations"].size(), 2u);
  EXPECT_TRUE(service["service_at_locations"][0]["location"]["latitude"].is_number());
  EXPECT_EQ(service["languages"].size(), 3u);
  ASSERT_FALSE(service["attributes"].empty());
  const json& attribute = service["attributes"][0];
  EXPECT_EQ(attribute["link_entity"], "service");
  EXPECT_EQ(attribute["taxonomy_term"]["code"], "Leicester:IM:breastfeeding");
  EXPECT_EQ(attribute["taxonomy_term"]["taxonomy"], "Leicester:IM");
  EXPECT_EQ(attribute["taxonomy_term"]["x-cradle-esd-service-type"], "Breastfeeding support");
  EXPECT_EQ(service["contacts"][0]["phones"][0]["number"], "to be confirmed");
  EXPECT_TRUE(service["x-cradle-stale"]);
  EXPECT_EQ(Error("/oruk/services/00000000-0000-4000-8000-000000000000", 404),
            "there is no service 00000000-0000-4000-8000-000000000000");
}

TEST_F(OrukApiTest, AssuringClearsTheStaleFlag) {
  const std::string id = ServiceId("Baby Basics");
  ASSERT_TRUE(
      directory_->AssureService(id, "2026-06-01", "assurer@example.org", "2026-06-01T09:00:00.000Z")
          .ok());
  json service = GetJson("/oruk/services/" + id);
  EXPECT_FALSE(service["x-cradle-stale"]);
  EXPECT_EQ(service["assured_date"], "2026-06-01");
  EXPECT_EQ(service["assurer_email"], "assurer@example.org");
  // Twelve months on (judged on 2027-06-01) it is stale again.
  auto parsed = ParseTarget("/oruk/services/" + id);
  Request request{"GET", "/oruk/services/" + id, parsed->path, {}, ""};
  Response later = HandleOruk(*directory_, request, *records::Date::Parse("2027-06-01"));
  EXPECT_TRUE(json::parse(*later.body)["x-cradle-stale"]);
}

TEST_F(OrukApiTest, TaxonomiesAndTerms) {
  json taxonomies = GetJson("/oruk/taxonomies");
  ASSERT_EQ(taxonomies["total_items"], 1);
  EXPECT_EQ(taxonomies["contents"][0]["name"], "Leicester:IM");
  const std::string taxonomy_id = taxonomies["contents"][0]["id"];
  EXPECT_EQ(GetJson("/oruk/taxonomies/" + taxonomy_id)["name"], "Leicester:IM");
  json terms = GetJson("/oruk/taxonomy_terms?per_page=100");
  EXPECT_GE(terms["total_items"].get<int>(), 9);
  json early = GetJson("/oruk/taxonomy_terms/" + TermId("Leicester:IM:early-booking"));
  EXPECT_EQ(early["parent_id"], TermId("Leicester:IM:maternity"));
  EXPECT_EQ(early["taxonomy_id"], taxonomy_id);
  EXPECT_EQ(GetJson("/oruk/taxonomy_terms?per_page=2")["size"], 2);
  EXPECT_EQ(Error("/oruk/taxonomy_terms/nope", 404), "there is no taxonomy term nope");
}

TEST_F(OrukApiTest, ServiceAtLocationsOnePerPlace) {
  json page = GetJson("/oruk/service_at_locations?per_page=100");
  int64_t places = 0;
  auto services = directory_->Services();
  for (const store::Service& service : *services) {
    places += static_cast<int64_t>(service.service_at_locations.size());
  }
  EXPECT_EQ(page["total_items"], places);
  const json& first = page["contents"][0];
  EXPECT_TRUE(first.contains("service_id"));
  EXPECT_TRUE(first["location"]["latitude"].is_number());
  json near = GetJson("/oruk/service_at_locations?postcode=LE5%205CC&proximity=1500");
  ASSERT_GE(near["total_items"].get<int>(), 1);
  EXPECT_NE(near["contents"][0]["location"]["name"].get<std::string>().find("east"),
            std::string::npos);
  const std::string id = first["id"];
  json one = GetJson("/oruk/service_at_locations/" + id);
  EXPECT_EQ(one["id"], id);
  EXPECT_TRUE(one["service"].contains("schedules"));
}

TEST_F(OrukApiTest, OnlyGetAndHeadWithCorsEverywhere) {
  Response post = Get("/oruk/services", "POST");
  EXPECT_EQ(post.status, 405);
  bool allow = false, cors = false;
  for (const auto& [name, value] : post.headers) {
    allow = allow || (name == "Allow" && value == "GET, HEAD");
    cors = cors || (name == "Access-Control-Allow-Origin" && value == "*");
  }
  EXPECT_TRUE(allow);
  EXPECT_TRUE(cors);
  EXPECT_EQ(Get("/oruk/services", "DELETE").status, 405);
  EXPECT_EQ(Get("/oruk/services", "HEAD").status, 200);
  EXPECT_EQ(Error("/oruk/organizations", 404).rfind("there is nothing at /oruk/organizations", 0),
            0u);
}

// Through the whole app and a real socket: the security headers every page
// carries hold here too, beside CORS; nothing is cached, so an edit shows at
// once.
TEST(OrukServerTest, HeadersCorsAndNoCache) {
  const std::string path = TempPath("server");
  RemoveDb(path);
  workspace::SessionOptions options;
  options.db_path = path;
  options.quiet = true;
  auto session = workspace::Session::Open(options);
  ASSERT_TRUE(session.ok()) << session.status().message();
  store::Store* store = &(*session)->store();
  auto app = WebApp::Create(std::move(*session), {opendata::DefaultDataDir()});
  ASSERT_TRUE(app.ok()) << app.status().message();
  ServerOptions server_options;
  server_options.port = 0;
  server_options.stop_on_signals = false;
  HttpServer server(server_options,
                    [&](const Request& request) { return (*app)->Handle(request); });
  ASSERT_TRUE(server.Listen().ok());
  std::thread thread([&] { server.Run(); });

  auto response = testing::Fetch(server.port(), "/oruk/services");
  EXPECT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.headers["access-control-allow-origin"], "*");
  EXPECT_EQ(response.headers["content-type"], "application/json");
  EXPECT_NE(response.headers["content-security-policy"].find("default-src 'none'"),
            std::string::npos);
  EXPECT_EQ(response.headers["x-content-type-options"], "nosniff");
  EXPECT_EQ(response.headers["x-frame-options"], "DENY");
  // The seed was loaded into the new store.
  const int64_t seeded = json::parse(response.body)["total_items"];
  EXPECT_GE(seeded, 6);

  auto post = testing::Fetch(server.port(), "/oruk/services", "POST", "{}");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.headers["allow"], "GET, HEAD");
  EXPECT_EQ(post.headers["access-control-allow-origin"], "*");
  EXPECT_EQ(testing::Fetch(server.port(), "/oruk/services?page=0").status, 400);

  // An edit between two identical requests shows in the second.
  auto directory = store->Directory();
  store::Service service = directory->Services()->front();
  service.status = "inactive";
  ASSERT_TRUE(directory->UpdateService(service, "2026-11-27T10:00:00.000Z").ok());
  auto again = testing::Fetch(server.port(), "/oruk/services");
  EXPECT_EQ(json::parse(again.body)["total_items"], seeded - 1);

  server.Stop();
  thread.join();
  directory.reset();
  app->reset();
  RemoveDb(path);
}

}  // namespace
}  // namespace cradle::web
