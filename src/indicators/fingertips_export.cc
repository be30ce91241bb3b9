#include "indicators/fingertips_export.h"

#include <fmt/format.h>

#include "base/csv_writer.h"
#include "geo/area_type.h"

namespace cradle::indicators {
namespace {

std::string Number(std::optional<double> value) {
  return value ? fmt::format("{}", *value) : std::string();
}

}  // namespace

const std::vector<std::string>& FingertipsColumns() {
  static const std::vector<std::string> kColumns = {"Indicator ID",
                                                    "Indicator Name",
                                                    "Area Code",
                                                    "Area Name",
                                                    "Area Type",
                                                    "Time period",
                                                    "Value",
                                                    "Lower CI 95.0 limit",
                                                    "Upper CI 95.0 limit",
                                                    "Lower CI 99.8 limit",
                                                    "Upper CI 99.8 limit",
                                                    "Count",
                                                    "Denominator",
                                                    "Value note",
                                                    "Compared to England value or percentiles",
                                                    "Source"};
  return kColumns;
}

std::string ValueNote(const IndicatorValue& value) {
  if (value.suppressed) {
    return "Suppressed: a count below " + std::to_string(value.indicator->disclosure_min_count) +
           " could be disclosed (small-number rule)";
  }
  if (!value.ci95) return value.unavailable;
  return value.value_note;
}

std::string ComparedLabel(const IndicatorValue& value) {
  return std::string(stats::ExportLabel(value.compared, value.indicator->polarity));
}

std::vector<std::string> FingertipsRow(const Engine& engine, const IndicatorValue& value) {
  const store::Area* area = engine.FindArea(value.area_code);
  const store::Dataset* dataset = engine.FindDataset(value.dataset_id);
  std::string area_name = area ? area->name : value.area_code;
  if (!value.breakdown.all()) area_name += " (" + value.breakdown.category + ")";
  bool shown = value.has_value();
  auto limit = [&](const std::optional<stats::Estimate>& estimate, bool upper) {
    if (!shown || !estimate) return std::string();
    return Number(upper ? estimate->ci.upper : estimate->ci.lower);
  };
  return {value.indicator->ExportId(),
          value.indicator->name,
          value.area_code,
          area_name,
          std::string(geo::FingertipsAreaType(value.area_code)),
          value.period.Label(),
          shown ? Number(value.ci95->value) : "",
          limit(value.ci95, false),
          limit(value.ci95, true),
          limit(value.ci998, false),
          limit(value.ci998, true),
          shown ? Number(value.count) : "",
          shown ? Number(value.denominator) : "",
          ValueNote(value),
          ComparedLabel(value),
          dataset ? dataset->attribution : ""};
}

void WriteFingertipsCsv(std::ostream& out, const Engine& engine,
                        const std::vector<IndicatorValue>& values) {
  WriteCsvRow(out, FingertipsColumns());
  for (const IndicatorValue& value : values) WriteCsvRow(out, FingertipsRow(engine, value));
}

}  // namespace cradle::indicators
