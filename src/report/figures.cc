#include "report/figures.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "base/strings.h"
#include "geo/area_type.h"
#include "indicators/fingertips_export.h"
#include "opendata/attribution.h"

namespace cradle::report {

std::string Number(std::optional<double> value, int decimals) {
  if (!value) return "-";
  return fmt::format("{:.{}f}", *value, decimals);
}

std::string Interval(const std::optional<stats::Estimate>& estimate, int decimals) {
  if (!estimate) return "";
  return Number(estimate->ci.lower, decimals) + " – " + Number(estimate->ci.upper, decimals);
}

std::string Count(double value) { return WithThousands(static_cast<int64_t>(std::llround(value))); }

charts::Cell NumberCell(std::optional<double> value, int decimals, const std::string& missing) {
  if (!value) return charts::Cell(missing);
  return charts::Cell(Number(value, decimals), *value);
}

charts::Cell EstimateCell(const std::optional<stats::Estimate>& estimate, EstimatePart part,
                          int decimals, const std::string& missing) {
  if (!estimate) return charts::Cell(missing);
  double number = part == EstimatePart::kValue   ? estimate->value
                  : part == EstimatePart::kLower ? estimate->ci.lower
                                                 : estimate->ci.upper;
  return charts::Cell(Number(number, decimals), number);
}

charts::Cell CountCell(double count, bool hidden) {
  return hidden ? charts::Cell("*") : charts::Cell(Count(count), count);
}

charts::Comparison ComparisonOf(const indicators::IndicatorValue& value) {
  std::string label = indicators::ComparedLabel(value);
  if (label == "Better") return charts::Comparison::kBetter;
  if (label == "Similar") return charts::Comparison::kSimilar;
  if (label == "Worse") return charts::Comparison::kWorse;
  if (label == "Higher") return charts::Comparison::kHigher;
  if (label == "Lower") return charts::Comparison::kLower;
  return charts::Comparison::kNotCompared;
}

charts::Bar AreaBar(const indicators::Engine& engine, const indicators::IndicatorValue& value,
                    const std::string& highlight_code) {
  charts::Bar bar;
  bar.label = AreaName(engine, value.area_code);
  if (value.has_value()) {
    bar.value = value.ci95->value;
    bar.lower = value.ci95->ci.lower;
    bar.upper = value.ci95->ci.upper;
  } else {
    bar.missing_text = value.suppressed ? "*" : "-";
  }
  bar.comparison = ComparisonOf(value);
  bar.highlight = value.area_code == highlight_code;
  return bar;
}

charts::LinePoint LinePointOf(const indicators::IndicatorValue& value) {
  if (!value.has_value()) return charts::LinePoint::Missing(value.suppressed ? "*" : "-");
  return charts::LinePoint(value.ci95->value, value.ci95->ci.lower, value.ci95->ci.upper);
}

std::optional<std::string> NearestNeighbour(const indicators::Engine& engine,
                                            const std::vector<geo::Boundary>& upper_tier,
                                            const std::string& area_code) {
  auto self = std::find_if(upper_tier.begin(), upper_tier.end(),
                           [&](const geo::Boundary& one) { return one.code == area_code; });
  if (self == upper_tier.end()) return std::nullopt;
  geo::LonLat centre = geo::Centroid(*self);
  double scale =
      std::cos(centre.second * 3.14159265358979 / 180);  // shrink longitude with latitude
  std::optional<std::string> nearest;
  double best = std::numeric_limits<double>::infinity();
  for (const geo::Boundary& other : upper_tier) {
    if (other.code == area_code) continue;
    if (!engine.FindArea(other.code)) continue;
    geo::LonLat point = geo::Centroid(other);
    double dx = (point.first - centre.first) * scale;
    double dy = point.second - centre.second;
    double distance = dx * dx + dy * dy;
    if (distance < best) {
      best = distance;
      nearest = other.code;
    }
  }
  return nearest;
}

std::string AreaName(const indicators::Engine& engine, const std::string& code) {
  const store::Area* area = engine.FindArea(code);
  return area ? area->name : code;
}

std::vector<std::string> EngineNotes(const indicators::Engine& engine,
                                     const std::vector<indicators::IndicatorValue>& values) {
  std::vector<std::string> notes;
  int rule = engine.catalogue().disclosure_min_count();
  if (rule > 1) {
    notes.push_back("Counts from 1 to " + std::to_string(rule - 1) +
                    " for local areas are not shown (*), nor what would reveal them.");
  }
  for (const std::string& line : engine.Attributions(values)) notes.push_back(line);
  return notes;
}

std::vector<std::string> BoundaryAttributions() {
  return {"Contains OS data © Crown copyright and database right 2024.",
          std::string(opendata::kOnsAttribution)};
}

std::vector<std::string> RecordNotes(const workspace::RecordScope& records,
                                     const std::vector<std::string>& extra) {
  std::vector<std::string> notes;
  if (!records.SyntheticNotice().empty()) notes.push_back(records.SyntheticNotice());
  if (!records.SmallNumberRule().empty()) notes.push_back(records.SmallNumberRule());
  for (const std::string& line : records.Attributions(extra)) notes.push_back(line);
  return notes;
}

charts::DataTable ValuesTable(const indicators::Engine& engine, const std::string& title,
                              const std::vector<indicators::IndicatorValue>& values,
                              bool name_indicator) {
  charts::DataTable table;
  table.title = title;
  table.columns = {name_indicator ? "Indicator" : "Area",
                   "Period",
                   "Value",
                   "Lower 95% CI",
                   "Upper 95% CI",
                   "Lower 99.8% CI",
                   "Upper 99.8% CI",
                   "Count",
                   "Denominator",
                   "England",
                   "Compared with England",
                   "Rank",
                   "Note"};
  for (const indicators::IndicatorValue& value : values) {
    int decimals = value.indicator ? value.indicator->decimals : 1;
    bool shown = value.has_value();
    std::string missing = value.suppressed ? "*" : "-";
    auto part = [&](const std::optional<stats::Estimate>& estimate, EstimatePart which) {
      return shown ? EstimateCell(estimate, which, decimals, missing) : charts::Cell(missing);
    };
    std::string rank =
        value.rank ? std::to_string(*value.rank) + " of " + std::to_string(value.rank_of) : "";
    table.rows.push_back({
        name_indicator && value.indicator ? value.indicator->name
                                          : AreaName(engine, value.area_code),
        value.period.Label(),
        shown ? NumberCell(value.value(), decimals) : charts::Cell(missing),
        part(value.ci95, EstimatePart::kLower),
        part(value.ci95, EstimatePart::kUpper),
        part(value.ci998, EstimatePart::kLower),
        part(value.ci998, EstimatePart::kUpper),
        value.count ? CountCell(*value.count, value.suppressed) : charts::Cell(missing),
        value.denominator ? CountCell(*value.denominator, value.suppressed) : charts::Cell(missing),
        NumberCell(value.comparator_value, decimals),
        indicators::ComparedLabel(value),
        rank,
        indicators::ValueNote(value),
    });
  }
  table.notes = EngineNotes(engine, values);
  return table;
}

}  // namespace cradle::report
