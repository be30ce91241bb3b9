#include "web/pages.h"

#include <algorithm>

#include "charts/spine_chart.h"
#include "web/page_parts.h"

namespace cradle::web {

std::span<const PageSpec> Pages() {
  static const PageSpec kPages[] = {
      {"", "Overview", BuildOverview},
      {"compare", "Compare areas", BuildCompare},
      {"trends", "Trends", BuildTrends},
      {"inequalities", "Inequalities", BuildInequalities},
      {"neighbourhoods", "Neighbourhoods", BuildNeighbourhoods},
      {"maternity", "Maternity", BuildMaternity},
      {"data", "Data", BuildData},
  };
  return kPages;
}

std::string SpineChartFor(const AppData& data, const std::string& area_code,
                          const indicators::Period& period,
                          const std::vector<indicators::IndicatorValue>& profile) {
  const indicators::Engine& engine = data.session->engine();
  std::vector<charts::SpineRow> rows;
  for (const indicators::IndicatorValue& value : profile) {
    if (!value.indicator || !value.comparator_value) continue;
    std::vector<double> values;
    for (const auto& ranked : engine.Rank(*value.indicator, period)) {
      if (ranked.has_value()) values.push_back(ranked.ci95->value);
    }
    if (values.size() < 4) continue;
    std::sort(values.begin(), values.end());
    auto quantile = [&](double q) {
      double position = q * static_cast<double>(values.size() - 1);
      size_t below = static_cast<size_t>(position);
      size_t above = std::min(below + 1, values.size() - 1);
      return values[below] +
             (position - static_cast<double>(below)) * (values[above] - values[below]);
    };
    charts::SpineRow row;
    row.indicator = value.indicator->name;
    row.period = value.period.Label();
    row.unit = value.indicator->unit;
    row.area_value = value.value();
    row.missing_text = value.suppressed ? "*" : "-";
    row.england = *value.comparator_value;
    row.lowest = values.front();
    row.q25 = quantile(0.25);
    row.q75 = quantile(0.75);
    row.highest = values.back();
    row.comparison = ComparisonOf(value);
    row.low_is_good = value.indicator->polarity != stats::Polarity::kHighIsGood;
    row.decimals = value.indicator->decimals;
    rows.push_back(row);
  }
  if (rows.empty()) return "";
  charts::SpineChartOptions options;
  options.id = "overview-spine";
  options.title = "Where " + AreaName(engine, area_code) + " stands among upper-tier authorities";
  options.description = "Spine chart: each indicator's value against the range of all areas";
  options.area_name = AreaName(engine, area_code);
  options.notes = EngineNotes(engine, profile);
  return charts::SpineChart(options, rows).svg;
}

}  // namespace cradle::web
