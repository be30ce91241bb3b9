// The seed loader against the bundled seed and broken copies of it, and the
// bundled seed loaded into a real SQLite store.
#include "directory/seed.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "directory/search.h"
#include "store/store.h"

namespace cradle::directory {
namespace {

using nlohmann::json;

json Seed() {
  auto read = ReadDirectoryFile(DefaultSeedPath());
  EXPECT_TRUE(read.ok()) << read.status().message();
  std::ifstream in(DefaultSeedPath());
  return json::parse(in);
}

std::string Problems(const json& document) {
  auto parsed = ParseDirectoryJson(document.dump(), "seed.json");
  EXPECT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidData);
  return parsed.status().message();
}

TEST(Seed, TheBundledSeedIsValidAndMarkedAsExamples) {
  auto contents = ReadDirectoryFile(DefaultSeedPath());
  ASSERT_TRUE(contents.ok()) << contents.status().message();
  EXPECT_GE(contents->services.size(), 6u);
  std::vector<std::string> names;
  for (const Service& service : contents->services) {
    EXPECT_TRUE(service.example) << service.name;
    EXPECT_NE(service.description.find("Example entry to be confirmed"), std::string::npos);
    EXPECT_NE(service.email.find("@example.org"), std::string::npos) << service.email;
    for (const Contact& contact : service.contacts) {
      for (const store::Phone& phone : contact.phones) EXPECT_EQ(phone.number, "to be confirmed");
    }
    for (const ServiceAtLocation& at : service.service_at_locations) {
      // Within about 10 km of Leicester's centre.
      ASSERT_TRUE(at.location.latitude && at.location.longitude);
      EXPECT_LT(geo::GreatCircleMetres({52.6357, -1.1329},
                                       {*at.location.latitude, *at.location.longitude}),
                10'000);
    }
    names.push_back(service.name);
  }
  for (const char* named : {"Baby Basics", "Bumps to Babies", "Step Outside", "Stop smoking",
                            "Family hubs", "Healthy weight"}) {
    EXPECT_TRUE(std::any_of(names.begin(), names.end(), [&](const std::string& name) {
      return name.find(named) != std::string::npos;
    })) << named;
  }
  std::vector<std::string> codes;
  for (const TaxonomyTerm& term : contents->taxonomy_terms) codes.push_back(term.code);
  for (const char* code :
       {"Leicester:IM:safe-sleep", "Leicester:IM:stop-smoking-in-pregnancy",
        "Leicester:IM:breastfeeding", "Leicester:IM:healthy-weight", "Leicester:IM:maternity",
        "Leicester:IM:housing", "Leicester:IM:domestic-abuse", "Leicester:IM:money-and-debt",
        "Leicester:IM:interpreting"}) {
    EXPECT_NE(std::find(codes.begin(), codes.end(), code), codes.end()) << code;
  }
}

TEST(Seed, ProblemsNameTheFileAndJsonPath) {
  json seed = Seed();
  seed["services"][2]["status"] = "open";
  seed["services"][0]["minimum_age"] = "zero";
  seed["services"][1].erase("name");
  seed["services"][3]["service_at_locations"][0]["location"]["latitude"] = 123.0;
  EXPECT_EQ(Problems(seed),
            "seed.json: $.services[0].minimum_age: must be a whole number, not \"zero\"\n"
            "seed.json: $.services[1].name: is missing\n"
            "seed.json: $.services[2].status: 'open' is not one of active, inactive, defunct, "
            "temporarily closed\n"
            "seed.json: $.services[3].service_at_locations[0].location.latitude: 123.000000 is "
            "not from -90 to 90");
}

TEST(Seed, ReferencesMustResolveWithinTheFile) {
  json seed = Seed();
  seed["services"][0]["attributes"][0]["taxonomy_term_id"] = "00000000-0000-4000-8000-000000000000";
  seed["services"][1]["organization_id"] = "00000000-0000-4000-8000-000000000001";
  seed["taxonomy_terms"][1]["parent_id"] = "00000000-0000-4000-8000-000000000002";
  EXPECT_EQ(Problems(seed),
            "seed.json: $.taxonomy_terms[1].parent_id: '00000000-0000-4000-8000-000000000002' is "
            "not a term in this file\n"
            "seed.json: $.services[0].attributes[0].taxonomy_term_id: "
            "'00000000-0000-4000-8000-000000000000' is not a term in this file\n"
            "seed.json: $.services[1].organization_id: '00000000-0000-4000-8000-000000000001' is "
            "not an organization in this file");
}

TEST(Seed, WrongShapesAreNamed) {
  EXPECT_EQ(Problems(json::array()), "seed.json: $: must be an object");
  EXPECT_EQ(Problems(json{{"services", json::object()}}),
            "seed.json: $.services: must be an array");
  EXPECT_EQ(Problems(json{{"services", json::array({1})}}),
            "seed.json: $.services[0]: must be an object");
  auto malformed = ParseDirectoryJson("{\"services\": [", "seed.json");
  ASSERT_FALSE(malformed.ok());
  EXPECT_EQ(malformed.status().message().rfind("seed.json: not valid JSON: ", 0), 0u)
      << malformed.status().message();
  auto missing = ReadDirectoryFile("/nonexistent/seed.json");
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
}

class SeedStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("cradle_seed_test_" + std::to_string(::getpid()) + ".db"))
                .string();
    std::filesystem::remove(path_);
    auto opened = store::OpenSqliteStore(path_);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  std::string path_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(SeedStoreTest, LoadsIntoAnEmptyDirectoryOnce) {
  auto directory = store_->Directory();
  auto first = LoadSeedIfEmpty(*directory, DefaultSeedPath(), "2026-11-27T08:00:00.000Z");
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_TRUE(first->loaded);
  EXPECT_GE(first->services, 6);
  auto second = LoadSeedIfEmpty(*directory, DefaultSeedPath(), "2026-11-28T08:00:00.000Z");
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->loaded);
  auto services = directory->Services();
  ASSERT_TRUE(services.ok());
  EXPECT_EQ(static_cast<int64_t>(services->size()), first->services);
  for (const Service& service : *services) {
    EXPECT_EQ(service.last_modified, "2026-11-27T08:00:00.000Z");
    EXPECT_TRUE(IsStale(service, *records::Date::Parse("2026-11-27")));  // never assured
  }
  // Baby Basics is found by the safe-sleep term, for a baby, near the centre.
  auto terms = directory->TaxonomyTerms();
  ASSERT_TRUE(terms.ok());
  ServiceQuery query;
  for (const TaxonomyTerm& term : *terms) {
    if (term.code == "Leicester:IM:safe-sleep") query.taxonomy_term_id = term.id;
  }
  query.age = 0;
  query.near = geo::GeoPoint{52.6357, -1.1329};
  query.proximity_metres = 1'000;
  auto matches = SearchServices(*services, *terms, query);
  ASSERT_FALSE(matches.empty());
  EXPECT_NE(matches[0].service->name.find("Baby Basics"), std::string::npos);
}

TEST_F(SeedStoreTest, ABrokenFileStoresNothing) {
  const std::string bad = path_ + ".seed.json";
  json seed = Seed();
  seed["services"][4]["status"] = "closed";
  std::ofstream(bad) << seed.dump();
  auto directory = store_->Directory();
  auto loaded = LoadDirectoryFile(*directory, bad, "2026-11-27T08:00:00.000Z");
  EXPECT_EQ(loaded.status().code(), StatusCode::kInvalidData);
  EXPECT_NE(loaded.status().message().find(bad + ": $.services[4].status: 'closed'"),
            std::string::npos)
      << loaded.status().message();
  EXPECT_EQ(*directory->CountServices(), 0);
  EXPECT_TRUE(directory->Taxonomies()->empty());
  std::filesystem::remove(bad);
}

}  // namespace
}  // namespace cradle::directory
