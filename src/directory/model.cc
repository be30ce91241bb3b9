#include "directory/model.h"

#include <cctype>
#include <cstdio>

#include "base/strings.h"

namespace cradle::directory {
namespace {

constexpr int kOldestAge = 130;

bool IsHexDigit(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// HH:MM or HH:MM:SS on a 24-hour clock.
bool IsClockTime(std::string_view text) {
  if (text.size() != 5 && text.size() != 8) return false;
  auto two = [&](size_t at, int high) {
    if (!std::isdigit(static_cast<unsigned char>(text[at])) ||
        !std::isdigit(static_cast<unsigned char>(text[at + 1]))) {
      return false;
    }
    return (text[at] - '0') * 10 + (text[at + 1] - '0') <= high;
  };
  if (!two(0, 23) || text[2] != ':' || !two(3, 59)) return false;
  return text.size() == 5 || (text[5] == ':' && two(6, 59));
}

bool IsByDay(std::string_view text) {
  static const char* const kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  for (const std::string& day : Split(text, ',')) {
    bool known = false;
    for (const char* one : kDays) known = known || day == one;
    if (!known) return false;
  }
  return true;
}

bool LooksLikeEmail(std::string_view text) {
  size_t at = text.find('@');
  return at != std::string_view::npos && at > 0 && text.find('.', at) != std::string_view::npos &&
         text.find(' ') == std::string_view::npos;
}

bool LooksLikeUrl(std::string_view text) {
  return StartsWith(text, "https://") || StartsWith(text, "http://");
}

void CheckId(std::vector<std::string>& problems, const std::string& path, const std::string& id) {
  if (id.empty()) {
    problems.push_back(path + ": is missing");
  } else if (!IsUuid(id)) {
    problems.push_back(path + ": '" + id + "' is not a UUID");
  }
}

void CheckAge(std::vector<std::string>& problems, const char* field, std::optional<int> age) {
  if (age && (*age < 0 || *age > kOldestAge)) {
    problems.push_back(std::string(field) + ": " + std::to_string(*age) +
                       " is not an age from 0 to " + std::to_string(kOldestAge) + " years");
  }
}

void CheckLocation(std::vector<std::string>& problems, const std::string& path,
                   const Location& location) {
  CheckId(problems, path + ".id", location.id);
  if (location.latitude.has_value() != location.longitude.has_value()) {
    problems.push_back(path + ": latitude and longitude come together or not at all");
  }
  if (location.latitude && (*location.latitude < -90 || *location.latitude > 90)) {
    problems.push_back(path + ".latitude: " + std::to_string(*location.latitude) +
                       " is not from -90 to 90");
  }
  if (location.longitude && (*location.longitude < -180 || *location.longitude > 180)) {
    problems.push_back(path + ".longitude: " + std::to_string(*location.longitude) +
                       " is not from -180 to 180");
  }
}

}  // namespace

const std::vector<std::string>& ServiceStatuses() {
  static const std::vector<std::string> kStatuses = {"active", "inactive", "defunct",
                                                     "temporarily closed"};
  return kStatuses;
}

bool IsServiceStatus(std::string_view status) {
  for (const std::string& one : ServiceStatuses()) {
    if (one == status) return true;
  }
  return false;
}

bool IsUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash_place = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_place ? text[i] != '-' : !IsHexDigit(text[i])) return false;
  }
  return true;
}

std::vector<std::string> ServiceProblems(const Service& service) {
  std::vector<std::string> problems;
  CheckId(problems, "id", service.id);
  CheckId(problems, "organization_id", service.organization_id);
  if (Trim(service.name).empty()) problems.push_back("name: is missing");
  if (!IsServiceStatus(service.status)) {
    std::string list;
    for (const std::string& one : ServiceStatuses()) list += (list.empty() ? "" : ", ") + one;
    problems.push_back("status: '" + service.status + "' is not one of " + list);
  }
  if (!LooksLikeUrl(service.url)) {
    problems.push_back("url: '" + service.url + "' is not an http(s) address (ORUK requires one)");
  }
  if (!service.email.empty() && !LooksLikeEmail(service.email)) {
    problems.push_back("email: '" + service.email + "' is not an email address");
  }
  CheckAge(problems, "minimum_age", service.minimum_age);
  CheckAge(problems, "maximum_age", service.maximum_age);
  if (service.minimum_age && service.maximum_age && *service.minimum_age > *service.maximum_age) {
    problems.push_back("maximum_age: " + std::to_string(*service.maximum_age) +
                       " is below minimum_age " + std::to_string(*service.minimum_age));
  }
  if (!service.assured_date.empty() && !records::Date::Parse(service.assured_date)) {
    problems.push_back("assured_date: '" + service.assured_date + "' is not a date YYYY-MM-DD");
  }
  if (!service.assurer_email.empty() && !LooksLikeEmail(service.assurer_email)) {
    problems.push_back("assurer_email: '" + service.assurer_email + "' is not an email address");
  }
  for (size_t i = 0; i < service.schedules.size(); ++i) {
    const store::Schedule& schedule = service.schedules[i];
    const std::string path = "schedules[" + std::to_string(i) + "]";
    CheckId(problems, path + ".id", schedule.id);
    if (!schedule.byday.empty() && !IsByDay(schedule.byday)) {
      problems.push_back(path + ".byday: '" + schedule.byday +
                         "' is not a list of MO, TU, WE, TH, FR, SA, SU");
    }
    for (const auto& [field, value] :
         {std::pair{"opens_at", &schedule.opens_at}, std::pair{"closes_at", &schedule.closes_at}}) {
      if (!value->empty() && !IsClockTime(*value)) {
        problems.push_back(path + "." + field + ": '" + *value + "' is not a time HH:MM");
      }
    }
  }
  for (size_t i = 0; i < service.service_at_locations.size(); ++i) {
    const std::string path = "service_at_locations[" + std::to_string(i) + "]";
    CheckId(problems, path + ".id", service.service_at_locations[i].id);
    CheckLocation(problems, path + ".location", service.service_at_locations[i].location);
  }
  for (size_t i = 0; i < service.attributes.size(); ++i) {
    const std::string path = "attributes[" + std::to_string(i) + "]";
    CheckId(problems, path + ".id", service.attributes[i].id);
    CheckId(problems, path + ".taxonomy_term_id", service.attributes[i].taxonomy_term_id);
  }
  for (size_t i = 0; i < service.contacts.size(); ++i) {
    const std::string path = "contacts[" + std::to_string(i) + "]";
    CheckId(problems, path + ".id", service.contacts[i].id);
    for (size_t j = 0; j < service.contacts[i].phones.size(); ++j) {
      CheckId(problems, path + ".phones[" + std::to_string(j) + "].id",
              service.contacts[i].phones[j].id);
    }
  }
  for (size_t i = 0; i < service.languages.size(); ++i) {
    CheckId(problems, "languages[" + std::to_string(i) + "].id", service.languages[i].id);
  }
  for (size_t i = 0; i < service.service_areas.size(); ++i) {
    CheckId(problems, "service_areas[" + std::to_string(i) + "].id", service.service_areas[i].id);
  }
  for (size_t i = 0; i < service.cost_options.size(); ++i) {
    CheckId(problems, "cost_options[" + std::to_string(i) + "].id", service.cost_options[i].id);
  }
  return problems;
}

std::vector<std::string> OrganizationProblems(const Organization& organization) {
  std::vector<std::string> problems;
  CheckId(problems, "id", organization.id);
  if (Trim(organization.name).empty()) problems.push_back("name: is missing");
  if (!organization.email.empty() && !LooksLikeEmail(organization.email)) {
    problems.push_back("email: '" + organization.email + "' is not an email address");
  }
  return problems;
}

std::vector<std::string> TaxonomyTermProblems(const TaxonomyTerm& term) {
  std::vector<std::string> problems;
  CheckId(problems, "id", term.id);
  CheckId(problems, "taxonomy_id", term.taxonomy_id);
  if (!term.parent_id.empty()) CheckId(problems, "parent_id", term.parent_id);
  if (Trim(term.name).empty()) problems.push_back("name: is missing");
  return problems;
}

bool IsStale(const Service& service, records::Date today) {
  auto assured = records::Date::Parse(service.assured_date);
  if (!assured) return true;
  auto anniversary =
      records::Date::FromYearMonthDay(assured->year() + 1, assured->month(), assured->day());
  if (!anniversary) {  // 29 February: the year runs out on the 28th
    anniversary = records::Date::FromYearMonthDay(assured->year() + 1, assured->month(), 28);
  }
  return !anniversary || today >= *anniversary;
}

std::string FormatTimestamp(std::chrono::system_clock::time_point when) {
  const auto millis =
      std::chrono::floor<std::chrono::milliseconds>(when).time_since_epoch().count();
  const int64_t day_millis = 86'400'000;
  int64_t days = millis / day_millis;
  int64_t in_day = millis % day_millis;
  if (in_day < 0) {
    in_day += day_millis;
    --days;
  }
  char clock[32];
  std::snprintf(clock, sizeof(clock), "T%02d:%02d:%02d.%03dZ", static_cast<int>(in_day / 3'600'000),
                static_cast<int>(in_day / 60'000 % 60), static_cast<int>(in_day / 1000 % 60),
                static_cast<int>(in_day % 1000));
  return records::Date::FromDays(static_cast<int>(days)).ToString() + clock;
}

std::string NowTimestamp() { return FormatTimestamp(std::chrono::system_clock::now()); }

}  // namespace cradle::directory
