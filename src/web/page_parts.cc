#include "web/page_parts.h"

#include <algorithm>

#include "geo/area_type.h"

namespace cradle::web {
Choice AreaChoice(const indicators::Engine& engine, const std::string& selected) {
  Choice choice{"area", "Area", {}, selected};
  std::vector<const store::Area*> areas;
  for (const store::Area& area : engine.areas()) {
    if (geo::IsEnglishUpperTier(area.code)) areas.push_back(&area);
  }
  std::sort(areas.begin(), areas.end(),
            [](const store::Area* a, const store::Area* b) { return a->name < b->name; });
  for (const store::Area* area : areas) choice.options.emplace_back(area->code, area->name);
  return choice;
}

Choice PeriodChoice(const indicators::Engine& engine, const indicators::Indicator& indicator,
                    const std::string& selected, int years) {
  Choice choice{"period", "Period", {}, selected};
  std::vector<indicators::Period> periods = engine.Periods(indicator);
  for (auto it = periods.rbegin(); it != periods.rend(); ++it) {
    if (years == 0 || it->years == years) choice.options.emplace_back(it->Label(), it->Label());
  }
  return choice;
}

std::optional<std::string> NearestNeighbour(const AppData& data, const std::string& area_code) {
  return report::NearestNeighbour(data.session->engine(), data.upper_tier, area_code);
}

}  // namespace cradle::web
