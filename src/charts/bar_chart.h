// Horizontal bars, one per area or group in the order given, each coloured by
// its comparison with a benchmark (Fingertips' "compare areas" chart), with
// confidence-interval whiskers, the benchmark as a labelled vertical line and
// the comparison's marker shape beside each label so the chart reads without
// colour. Copes with all ~150 upper-tier authorities: the height grows with
// the bars.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/chart.h"
#include "charts/palette.h"

namespace cradle::charts {

struct Bar {
  std::string label;            // e.g. "Leicester"
  std::optional<double> value;  // empty: no value or suppressed, no bar drawn
  std::optional<double> lower;
  std::optional<double> upper;
  Comparison comparison = Comparison::kNotCompared;
  bool highlight = false;          // e.g. the area the page is about
  std::string missing_text = "-";  // table text when value is empty, e.g. "*"
};

struct BarChartOptions {
  std::string id;
  std::string title;
  std::string description;
  std::string value_title;                  // the value axis, e.g. "Deaths per 1,000 live births"
  std::string category_title = "Area";      // heading of the label column in the table
  std::optional<double> benchmark;          // drawn as a vertical line
  std::string benchmark_label = "England";  // the line is labelled "England 3.7"
  int decimals = 1;
  std::vector<std::string> notes;
  double width = 720;
  double row_height = 20;
};

// Table columns: <category_title>, Value, Lower CI, Upper CI, Compared with
// <benchmark_label>.
Chart BarChart(const BarChartOptions& options, const std::vector<Bar>& bars);

}  // namespace cradle::charts
