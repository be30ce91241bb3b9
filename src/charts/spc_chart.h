// A statistical process control chart (XmR, individuals) in the NHS "Making
// Data Count" style: points over time coloured by their variation type, the
// mean and the 3-sigma process limits (which may change at a rebase), optional
// 2-sigma near limits, and the variation and assurance icons drawn as simple
// labelled symbols. The caller (stats/) decides limits and point types; this
// only draws them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/chart.h"

namespace cradle::charts {

enum class SpcPointType {
  kCommonCause,  // grey
  kImprovement,  // special cause, improving: blue
  kConcern,      // special cause, concerning: orange
  kNeither,      // special cause where no direction is better: purple
};

struct SpcPoint {
  std::string label;                 // e.g. "2023 Q1" or "Apr 2024"
  std::optional<double> value;       // empty: no value or suppressed, a gap
  double mean = 0;                   // the limits in force at this point
  double upper_limit = 0;            // mean + 3 sigma
  double lower_limit = 0;            // mean - 3 sigma
  std::optional<double> upper_near;  // mean + 2 sigma, when shown
  std::optional<double> lower_near;
  SpcPointType type = SpcPointType::kCommonCause;
  std::string missing_text = "-";
};

// A Making Data Count icon, simplified: a circle in the type's colour with a
// letter ("H", "L", "P" pass, "F" fail, "?" hit and miss, "" none) and the
// words, e.g. "Special cause variation – concerning (high)".
struct SpcIcon {
  SpcPointType colour = SpcPointType::kCommonCause;
  std::string letter;
  std::string text;
};

struct SpcChartOptions {
  std::string id;
  std::string title;
  std::string description;
  std::string x_title = "Period";
  std::string y_title;
  std::optional<double> target;  // drawn as a red dashed line
  std::optional<SpcIcon> variation_icon;
  std::optional<SpcIcon> assurance_icon;
  int decimals = 1;
  std::vector<std::string> notes;
  double width = 720;
  double plot_height = 280;
};

// "Common cause variation", "Special cause – improvement", ...
std::string_view SpcPointTypeLabel(SpcPointType type);

// Table columns: Period, Value, Mean, Lower process limit, Upper process
// limit, Variation.
Chart SpcChart(const SpcChartOptions& options, const std::vector<SpcPoint>& points);

}  // namespace cradle::charts
