// Series of values over periods ("2010-12", "2011-13", ...): a line per
// series with its confidence interval as a translucent ribbon, an optional
// benchmark series (e.g. England) drawn dashed, and missing or suppressed
// values drawn as gaps, never as zero. Plain data in; no statistics here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/chart.h"

namespace cradle::charts {

struct LinePoint {
  std::optional<double> value;  // empty: no value or suppressed, drawn as a gap
  std::optional<double> lower;  // confidence limits, both or neither
  std::optional<double> upper;
  std::string missing_text = "-";  // shown in the table when value is empty, e.g. "*"

  LinePoint() = default;
  LinePoint(double v) : value(v) {}  // NOLINT: a bare number reads naturally
  LinePoint(double v, double lo, double hi) : value(v), lower(lo), upper(hi) {}
  // No value; `shown` is what the table prints, e.g. "*" for suppressed.
  static LinePoint Missing(std::string shown) {
    LinePoint point;
    point.missing_text = std::move(shown);
    return point;
  }
};

struct LineSeries {
  std::string name;               // e.g. "Leicester"
  std::vector<LinePoint> points;  // one per period, in the order of the periods
  bool benchmark = false;         // dashed, drawn under the other series
};

struct LineChartOptions {
  std::string id;  // prefix for the ids in the SVG, unique on the page
  std::string title;
  std::string description;  // for screen readers: what the chart shows
  std::string x_title = "Period";
  std::string y_title;  // e.g. "Infant deaths per 1,000 live births"
  int decimals = 1;
  bool y_from_zero = true;         // rates read honestly from a zero baseline
  std::vector<std::string> notes;  // sources, method, small-number rules
  double width = 720;
  double plot_height = 280;
};

// Draws every series over `periods`. A series with fewer points than periods
// has the rest drawn as gaps (and listed as missing in the table); extra
// points are ignored. Table columns: Series, Period, Value, Lower CI, Upper CI.
Chart LineChart(const LineChartOptions& options, const std::vector<std::string>& periods,
                const std::vector<LineSeries>& series);

}  // namespace cradle::charts
