#include "directory/search.h"

#include <gtest/gtest.h>

namespace cradle::directory {
namespace {

// Leicester clock tower, and points about 1 km and 5 km from it.
constexpr geo::GeoPoint kClockTower{52.6357, -1.1329};

std::vector<TaxonomyTerm> Terms() {
  return {{"t-root", "tax-im", "", "Leicester:IM:pregnancy", "Pregnancy and birth", "", "", ""},
          {"t-sleep", "tax-im", "t-root", "Leicester:IM:safe-sleep", "Safe sleep", "", "", ""},
          {"t-smoke", "tax-im", "t-root", "Leicester:IM:stop-smoking", "Stop smoking in pregnancy",
           "", "", ""},
          {"t-esd", "tax-esd", "", "esdServiceType:x", "Advice", "", "", ""}};
}

Service MakeService(const std::string& id, const std::string& name, std::optional<int> min_age,
                    std::optional<int> max_age, std::vector<std::string> term_ids,
                    std::optional<geo::GeoPoint> where, const std::string& status = "active") {
  Service service;
  service.id = id;
  service.name = name;
  service.description = "About " + name;
  service.status = status;
  service.minimum_age = min_age;
  service.maximum_age = max_age;
  for (const std::string& term : term_ids)
    service.attributes.push_back({"a-" + term, term, "", ""});
  if (where) {
    Location location;
    location.id = "l-" + id;
    location.latitude = where->latitude;
    location.longitude = where->longitude;
    service.service_at_locations.push_back({"sal-" + id, "", location});
  }
  return service;
}

std::vector<Service> Services() {
  return {MakeService("s1", "Baby Basics", 0, 1, {"t-sleep"}, geo::GeoPoint{52.6447, -1.1329}),
          MakeService("s2", "Smoke-free homes", 16, std::nullopt, {"t-smoke", "t-esd"},
                      geo::GeoPoint{52.6807, -1.1329}),
          MakeService("s3", "Old clinic", 0, 5, {"t-sleep"}, kClockTower, "defunct"),
          MakeService("s4", "Healthy weight group", std::nullopt, std::nullopt, {}, std::nullopt)};
}

std::vector<std::string> Ids(const std::vector<ServiceMatch>& matches) {
  std::vector<std::string> ids;
  for (const ServiceMatch& match : matches) ids.push_back(match.service->id);
  return ids;
}

TEST(Search, ActiveOnlyByDefaultOrderedByName) {
  auto services = Services();
  EXPECT_EQ(Ids(SearchServices(services, Terms(), {})),
            (std::vector<std::string>{"s1", "s4", "s2"}));
  ServiceQuery any;
  any.status = "";
  EXPECT_EQ(SearchServices(services, Terms(), any).size(), 4u);
  ServiceQuery defunct;
  defunct.status = "defunct";
  EXPECT_EQ(Ids(SearchServices(services, Terms(), defunct)), std::vector<std::string>{"s3"});
}

TEST(Search, TextMatchesNameDescriptionAndTermsInAnyCase) {
  auto services = Services();
  ServiceQuery query;
  query.text = "BASICS";
  EXPECT_EQ(Ids(SearchServices(services, Terms(), query)), std::vector<std::string>{"s1"});
  query.text = "about smoke";
  EXPECT_EQ(Ids(SearchServices(services, Terms(), query)), std::vector<std::string>{"s2"});
  query.text = "safe sleep";  // a term's name
  EXPECT_EQ(Ids(SearchServices(services, Terms(), query)), std::vector<std::string>{"s1"});
  query.text = "leicester:im:stop-smoking";  // a term's code
  EXPECT_EQ(Ids(SearchServices(services, Terms(), query)), std::vector<std::string>{"s2"});
  query.text = "baby nothing";
  EXPECT_TRUE(SearchServices(services, Terms(), query).empty());
}

TEST(Search, ATermMatchesItselfAndWhatLiesBeneathIt) {
  auto services = Services();
  ServiceQuery query;
  query.taxonomy_term_id = "t-sleep";
  EXPECT_EQ(Ids(SearchServices(services, Terms(), query)), std::vector<std::string>{"s1"});
  query.taxonomy_term_id = "t-root";
  EXPECT_EQ(Ids(SearchServices(services, Terms(), query)), (std::vector<std::string>{"s1", "s2"}));
  query.taxonomy_term_id = "";
  query.taxonomy_id = "tax-esd";
  EXPECT_EQ(Ids(SearchServices(services, Terms(), query)), std::vector<std::string>{"s2"});
}

TEST(Search, AgeOfAChildAdmitsBabiesAtZero) {
  auto services = Services();
  ServiceQuery query;
  query.age = 0;
  EXPECT_EQ(Ids(SearchServices(services, Terms(), query)), (std::vector<std::string>{"s1", "s4"}));
  query.age = 17;
  EXPECT_EQ(Ids(SearchServices(services, Terms(), query)), (std::vector<std::string>{"s4", "s2"}));
}

TEST(Search, OruksMinimumAndMaximumAgeBounds) {
  auto services = Services();
  ServiceQuery query;
  query.minimum_age = 10;  // services whose minimum_age is at least 10
  EXPECT_EQ(Ids(SearchServices(services, Terms(), query)), std::vector<std::string>{"s2"});
  query = {};
  query.maximum_age = 1;  // services whose maximum_age is at most 1
  EXPECT_EQ(Ids(SearchServices(services, Terms(), query)), std::vector<std::string>{"s1"});
}

TEST(Search, NearestFirstAndWithinProximity) {
  auto services = Services();
  ServiceQuery query;
  query.near = kClockTower;
  auto matches = SearchServices(services, Terms(), query);
  EXPECT_EQ(Ids(matches), (std::vector<std::string>{"s1", "s2", "s4"}));
  ASSERT_TRUE(matches[0].distance_metres);
  EXPECT_NEAR(*matches[0].distance_metres, 1'000, 5);  // 0.009 degrees of latitude
  EXPECT_NEAR(*matches[1].distance_metres, 5'003, 5);
  EXPECT_FALSE(matches[2].distance_metres);
  query.proximity_metres = 2'000;
  EXPECT_EQ(Ids(SearchServices(services, Terms(), query)), std::vector<std::string>{"s1"});
}

TEST(Search, ServiceAtLocationsOnePerPlace) {
  auto services = Services();
  Location second;
  second.id = "l-extra";
  second.latitude = kClockTower.latitude;
  second.longitude = kClockTower.longitude;
  services[1].service_at_locations.push_back({"sal-extra", "", second});
  ServiceQuery query;
  query.near = kClockTower;
  auto matches = SearchServiceAtLocations(services, Terms(), query);
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(matches[0].at->id, "sal-extra");
  EXPECT_EQ(matches[1].at->id, "sal-s1");
  EXPECT_EQ(matches[2].at->id, "sal-s2");
  // Searched as services, the nearer place gives the distance.
  auto as_services = SearchServices(services, Terms(), query);
  EXPECT_EQ(as_services[0].service->id, "s2");
  EXPECT_DOUBLE_EQ(*as_services[0].distance_metres, 0);
}

TEST(Paginate, MiddleFirstLastAndBeyond) {
  Page first = Paginate(45, 1, 20);
  EXPECT_EQ(first.total_pages, 3);
  EXPECT_EQ(first.size, 20);
  EXPECT_TRUE(first.first_page);
  EXPECT_FALSE(first.last_page);
  Page last = Paginate(45, 3, 20);
  EXPECT_EQ(last.offset, 40);
  EXPECT_EQ(last.size, 5);
  EXPECT_TRUE(last.last_page);
  EXPECT_FALSE(last.empty);
  Page beyond = Paginate(45, 4, 20);
  EXPECT_EQ(beyond.size, 0);
  EXPECT_TRUE(beyond.empty);
  EXPECT_TRUE(beyond.last_page);
  EXPECT_FALSE(beyond.first_page);
  Page none = Paginate(0, 1, 20);
  EXPECT_EQ(none.total_pages, 0);
  EXPECT_TRUE(none.empty);
  EXPECT_TRUE(none.first_page);
  EXPECT_TRUE(none.last_page);
  Page exact = Paginate(40, 2, 20);
  EXPECT_EQ(exact.size, 20);
  EXPECT_TRUE(exact.last_page);
}

}  // namespace
}  // namespace cradle::directory
