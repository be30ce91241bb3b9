// A Fingertips-style spine chart: one row per indicator showing the area's
// value, the benchmark's (England), and where the area sits in the range of
// all areas — a bar from worst to best with the 25th–75th percentile band
// darker, England on the centre line, and the area as a marker coloured and
// shaped by its comparison. Worst is always on the left, so for a
// low-is-good indicator the highest value is on the left.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/chart.h"
#include "charts/palette.h"

namespace cradle::charts {

struct SpineRow {
  std::string indicator;             // e.g. "Infant mortality rate"
  std::string period;                // e.g. "2020-22"
  std::string unit;                  // e.g. "per 1,000"
  std::optional<double> area_value;  // empty: no value or suppressed
  std::string missing_text = "-";
  double england = 0;
  double lowest = 0;  // the lowest value among the areas compared
  double q25 = 0;
  double q75 = 0;
  double highest = 0;
  Comparison comparison = Comparison::kNotCompared;
  bool low_is_good = true;  // polarity "RAG - Low is good"; false: high is good
  int decimals = 1;
};

struct SpineChartOptions {
  std::string id;
  std::string title;
  std::string description;
  std::string area_name = "Leicester";
  std::string benchmark_name = "England";
  std::vector<std::string> notes;
  double width = 900;
};

// Table columns: Indicator, Period, Unit, <area_name>, <benchmark_name>,
// Worst, 25th percentile, 75th percentile, Best, Compared with
// <benchmark_name>.
Chart SpineChart(const SpineChartOptions& options, const std::vector<SpineRow>& rows);

}  // namespace cradle::charts
