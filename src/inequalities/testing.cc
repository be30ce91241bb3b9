#include "inequalities/testing.h"

#include <algorithm>

#include "records/codes.h"

namespace cradle::inequalities::testing {
namespace {

uint8_t EthnicIndex(const std::string& code) {
  auto groups = records::EthnicGroups();
  for (size_t idx = 0; idx < groups.size(); ++idx) {
    if (groups[idx].code == code) return static_cast<uint8_t>(idx);
  }
  return 0;
}

}  // namespace

RecordFrame FourLsoas() {
  RecordFrame frame;
  frame.wards = {{"E05000001", "North"}, {"E05000002", "South"}};
  frame.lsoas = {{"E01000001", "North A", 0, "E06000016", 1},
                 {"E01000002", "North B", 0, "E06000016", 2},
                 {"E01000003", "South A", 1, "E06000016", 9},
                 {"E01000004", "South B", 1, "E06000016", 10}};
  frame.local_authorities = {"E06000016"};
  return frame;
}

Birth MakeBirth(const std::string& date, int lsoa, const std::string& ethnic) {
  Birth birth;
  birth.date = *records::Date::Parse(date);
  birth.lsoa = lsoa;
  birth.ethnic_group = EthnicIndex(ethnic);
  auto bands = records::MotherAgeBands();
  birth.mother_age =
      static_cast<uint8_t>(std::find(bands.begin(), bands.end(), "30-34") - bands.begin());
  birth.gestation_weeks = 40;
  birth.birthweight_grams = 3400;
  return birth;
}

Birth Died(Birth birth, int age_days) {
  birth.death = Death{records::Date::FromDays(birth.date.DaysSinceEpoch() + age_days), age_days};
  return birth;
}

Booking MakeBooking(const std::string& date, int gestation_days, const std::string& ethnic,
                    int lsoa) {
  return Booking{*records::Date::Parse(date), lsoa, EthnicIndex(ethnic), gestation_days};
}

void Add(RecordFrame& frame, const Birth& birth, int n) {
  for (int idx = 0; idx < n; ++idx) frame.births.push_back(birth);
  int year = birth.date.year();
  frame.first_year = frame.first_year == 0 ? year : std::min(frame.first_year, year);
  frame.last_year = std::max(frame.last_year, year);
}

}  // namespace cradle::inequalities::testing
