// A funnel plot: each area's rate (y) against its denominator (x, e.g. live
// births), coloured and shaped by its comparison, with the benchmark line and
// the 95% and 99.8% control limits drawn from curves the caller computed
// (stats/ computes them; charts draws them). One highlighted point is
// labelled with its name.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/chart.h"
#include "charts/palette.h"

namespace cradle::charts {

struct FunnelPoint {
  std::string label;            // e.g. "Leicester"
  double denominator = 0;       // x, e.g. live births
  std::optional<double> value;  // y; empty: no value or suppressed, not drawn
  Comparison comparison = Comparison::kNotCompared;
  bool highlight = false;
  std::string missing_text = "-";
};

// One x of a control-limit curve with its lower and upper limits.
struct FunnelLimit {
  double denominator = 0;
  double lower = 0;
  double upper = 0;
};

struct FunnelPlotOptions {
  std::string id;
  std::string title;
  std::string description;
  std::string x_title;  // e.g. "Live births 2020-22"
  std::string y_title;  // e.g. "Deaths per 1,000 live births"
  std::string benchmark_label = "England";
  int decimals = 1;
  std::vector<std::string> notes;
  double width = 720;
  double plot_height = 360;
};

// Limits are drawn as given (sorted by denominator here); points outside the
// axes' range are still drawn because the range covers every point and limit.
// Table columns: Area, Denominator, Value, Compared with <benchmark_label>.
Chart FunnelPlot(const FunnelPlotOptions& options, const std::vector<FunnelPoint>& points,
                 double benchmark, std::vector<FunnelLimit> limits95,
                 std::vector<FunnelLimit> limits998);

}  // namespace cradle::charts
