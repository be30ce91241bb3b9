#include "web/params.h"

#include <algorithm>

#include "base/strings.h"

namespace cradle::web {
namespace {

const std::string* Find(const Query& query, const std::string& name) {
  auto found = query.find(name);
  return found == query.end() ? nullptr : &found->second;
}

}  // namespace

Status CheckParameterNames(const Query& query, std::initializer_list<std::string_view> allowed) {
  for (const auto& [name, value] : query) {
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string list;
    for (std::string_view one : allowed) list += (list.empty() ? "" : ", ") + std::string(one);
    return Status::InvalidArgument("unknown parameter '" + name + "'" +
                                   (list.empty() ? ": this takes none" : "; allowed: " + list));
  }
  return Status::Ok();
}

Result<const indicators::Indicator*> IndicatorParam(const indicators::Engine& engine,
                                                    const Query& query) {
  const std::string* text = Find(query, "indicator");
  auto found = engine.catalogue().Find(text ? *text : std::string(kDefaultIndicator));
  if (!found.ok()) return Status::InvalidArgument("indicator: " + found.status().message());
  return *found;
}

Result<const store::Area*> AreaParam(const indicators::Engine& engine, const Query& query) {
  const std::string* text = Find(query, "area");
  auto found = engine.ResolveArea(text ? *text : std::string(kDefaultArea));
  if (!found.ok()) return Status::InvalidArgument("area: " + found.status().message());
  return *found;
}

Result<indicators::Period> PeriodParam(const indicators::Engine& engine,
                                       const indicators::Indicator& indicator, const Query& query) {
  std::vector<indicators::Period> periods = engine.Periods(indicator);
  const std::string* text = Find(query, "period");
  if (!text) {
    for (auto it = periods.rbegin(); it != periods.rend(); ++it) {
      if (it->years == 3) return *it;
    }
    if (periods.empty()) return Status::InvalidArgument("period: no data for " + indicator.id);
    return periods.back();
  }
  auto period = indicators::Period::Parse(*text);
  if (!period.ok()) return Status::InvalidArgument("period: " + period.status().message());
  if (std::find_if(periods.begin(), periods.end(), [&](const indicators::Period& one) {
        return one.first_year == period->first_year && one.years == period->years;
      }) == periods.end()) {
    std::string list;
    for (const auto& one : periods) list += (list.empty() ? "" : ", ") + one.Label();
    return Status::InvalidArgument("period: " + indicator.id + " has no data for " + *text +
                                   "; periods with data: " + list);
  }
  return *period;
}

Result<int> IntParam(const Query& query, const std::string& name, int low, int high, int fallback) {
  const std::string* text = Find(query, name);
  if (!text) return fallback;
  auto value = ParseInt64(*text);
  if (!value || *value < low || *value > high) {
    return Status::InvalidArgument(name + ": '" + *text + "' is not a whole number from " +
                                   std::to_string(low) + " to " + std::to_string(high));
  }
  return static_cast<int>(*value);
}

}  // namespace cradle::web
