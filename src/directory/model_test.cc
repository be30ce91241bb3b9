#include "directory/model.h"

#include <gtest/gtest.h>

namespace cradle::directory {
namespace {

records::Date Day(const char* text) { return *records::Date::Parse(text); }

Service ValidService() {
  Service service;
  service.id = "7f1d3c1e-4b2a-4c8e-9d0f-0a1b2c3d4e5f";
  service.organization_id = "0d6e5f4a-3b2c-4d1e-8f9a-1b2c3d4e5f60";
  service.name = "Example service";
  service.url = "https://example.org/";
  service.status = "active";
  return service;
}

TEST(Model, StatusesAreOruks) {
  EXPECT_TRUE(IsServiceStatus("temporarily closed"));
  EXPECT_FALSE(IsServiceStatus("open"));
  EXPECT_EQ(ServiceStatuses().size(), 4u);
}

TEST(Model, UuidsAreCanonical) {
  EXPECT_TRUE(IsUuid("7f1d3c1e-4b2a-4c8e-9d0f-0a1b2c3d4e5f"));
  EXPECT_TRUE(IsUuid("7F1D3C1E-4B2A-4C8E-9D0F-0A1B2C3D4E5F"));
  EXPECT_FALSE(IsUuid("7f1d3c1e4b2a4c8e9d0f0a1b2c3d4e5f"));
  EXPECT_FALSE(IsUuid("7f1d3c1e-4b2a-4c8e-9d0f-0a1b2c3d4e5g"));
  EXPECT_FALSE(IsUuid(""));
}

TEST(Model, AValidServiceHasNoProblems) { EXPECT_TRUE(ServiceProblems(ValidService()).empty()); }

TEST(Model, EachBrokenRuleIsNamedByItsField) {
  Service service = ValidService();
  service.id = "baby-basics";
  service.name = " ";
  service.status = "open";
  service.url = "example.org";
  service.minimum_age = 5;
  service.maximum_age = 2;
  service.assured_date = "2026-13-01";
  service.schedules = {
      {"9c1f2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e4f", "WEEKLY", "MO,XX", "9am", "17:00", ""}};
  std::vector<std::string> problems = ServiceProblems(service);
  std::vector<std::string> expected = {
      "id: 'baby-basics' is not a UUID",
      "name: is missing",
      "status: 'open' is not one of active, inactive, defunct, temporarily closed",
      "url: 'example.org' is not an http(s) address (ORUK requires one)",
      "maximum_age: 2 is below minimum_age 5",
      "assured_date: '2026-13-01' is not a date YYYY-MM-DD",
      "schedules[0].byday: 'MO,XX' is not a list of MO, TU, WE, TH, FR, SA, SU",
      "schedules[0].opens_at: '9am' is not a time HH:MM"};
  EXPECT_EQ(problems, expected);
}

TEST(Model, AgesMustBeYearsOfALife) {
  Service service = ValidService();
  service.minimum_age = -1;
  EXPECT_EQ(ServiceProblems(service),
            std::vector<std::string>{"minimum_age: -1 is not an age from 0 to 130 years"});
}

TEST(Model, NeverAssuredIsStale) {
  Service service = ValidService();
  EXPECT_TRUE(IsStale(service, Day("2026-01-01")));
}

TEST(Model, StaleFromTheFirstAnniversaryOfAssurance) {
  Service service = ValidService();
  service.assured_date = "2025-03-01";
  EXPECT_FALSE(IsStale(service, Day("2025-03-01")));
  EXPECT_FALSE(IsStale(service, Day("2026-02-28")));
  EXPECT_TRUE(IsStale(service, Day("2026-03-01")));
  EXPECT_TRUE(IsStale(service, Day("2027-06-01")));
}

TEST(Model, AssuredOnALeapDayRunsTo28February) {
  Service service = ValidService();
  service.assured_date = "2024-02-29";
  EXPECT_FALSE(IsStale(service, Day("2025-02-27")));
  EXPECT_TRUE(IsStale(service, Day("2025-02-28")));
}

TEST(Model, TimestampsAreUtcWithMilliseconds) {
  using namespace std::chrono;
  system_clock::time_point when{milliseconds(1'795'766'108'123)};
  EXPECT_EQ(FormatTimestamp(when), "2026-11-27T07:55:08.123Z");
  EXPECT_EQ(FormatTimestamp(system_clock::time_point{}), "1970-01-01T00:00:00.000Z");
}

}  // namespace
}  // namespace cradle::directory
