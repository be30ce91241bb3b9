#include "charts/funnel_plot.h"

#include <algorithm>
#include <limits>
#include <set>
#include <tuple>

#include "charts/axis.h"
#include "charts/frame.h"
#include "charts/svg.h"

namespace cradle::charts {

Chart FunnelPlot(const FunnelPlotOptions& options, const std::vector<FunnelPoint>& points,
                 double benchmark, std::vector<FunnelLimit> limits95,
                 std::vector<FunnelLimit> limits998) {
  const std::string id = SafeId(options.id);
  const double margin = 16, left = 72, right_pad = 40;  // room for the last x tick label
  const double width = options.width;
  const double inner_width = width - 2 * margin;
  auto by_x = [](const FunnelLimit& a, const FunnelLimit& b) {
    return a.denominator < b.denominator;
  };
  std::sort(limits95.begin(), limits95.end(), by_x);
  std::sort(limits998.begin(), limits998.end(), by_x);

  double x_lo = std::numeric_limits<double>::infinity(), x_hi = 0;
  double y_lo = benchmark, y_hi = benchmark;
  std::set<Comparison> used;
  std::vector<std::string> missing;
  for (const FunnelPoint& p : points) {
    if (!p.value) {
      missing.push_back(p.label + " (" + p.missing_text + ")");
      continue;
    }
    x_lo = std::min(x_lo, p.denominator);
    x_hi = std::max(x_hi, p.denominator);
    y_lo = std::min(y_lo, *p.value);
    y_hi = std::max(y_hi, *p.value);
    used.insert(p.comparison);
  }
  // The limits fan out at small denominators: cover them only across the
  // points' x range, or a limit at x = 1 would squash the whole plot.
  for (const auto* limits : {&limits95, &limits998}) {
    for (const FunnelLimit& l : *limits) {
      if (x_hi > 0 && (l.denominator > x_hi || l.denominator < x_lo)) continue;
      y_lo = std::min(y_lo, l.lower);
      y_hi = std::max(y_hi, l.upper);
    }
  }
  NiceScale xs = MakeNiceScale(0, x_hi, 6, true);
  NiceScale ys = MakeNiceScale(std::max(0.0, y_lo), y_hi, 6, true);

  std::vector<LegendItem> legend;
  for (Comparison c : kAllComparisons) {
    if (used.count(c)) {
      legend.push_back({LegendItem::Kind::kMarker, std::string(ComparisonLabel(c)),
                        ComparisonMarker(c), std::string(ComparisonFill(c)),
                        std::string(ComparisonStroke(c)), "", 1});
    }
  }
  legend.push_back({LegendItem::Kind::kLine,
                    options.benchmark_label + " " + FormatNumber(benchmark, options.decimals),
                    Marker::kCircle, "", std::string(kBenchmark), "", 1});
  if (!limits95.empty()) {
    legend.push_back({LegendItem::Kind::kLine, "95% limits", Marker::kCircle, "",
                      std::string(kSecondaryText), "5 3", 1});
  }
  if (!limits998.empty()) {
    legend.push_back({LegendItem::Kind::kLine, "99.8% limits", Marker::kCircle, "",
                      std::string(kSecondaryText), "1 3", 1});
  }
  std::vector<std::string> notes = options.notes;
  if (!missing.empty()) {
    std::string list;
    for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
    notes.insert(notes.begin(), "Not plotted (no value or suppressed): " + list + ".");
  }

  const double title_height = MeasureTitle(options.title, inner_width);
  SvgWriter scratch("m", 1, 1, "", "");
  const double legend_height = DrawLegend(scratch, legend, margin, 0, width - margin);
  const double plot_top = margin + title_height + 8 + legend_height + 16;
  const double plot_bottom = plot_top + options.plot_height;
  const double plot_right = width - right_pad;
  const double notes_top = plot_bottom + 48;
  const double height = notes_top + MeasureNotes(notes, inner_width) + margin;

  SvgWriter svg(id, width, height, options.title, options.description);
  DrawTitle(svg, options.title, margin, margin, inner_width);
  DrawLegend(svg, legend, margin, margin + title_height + 8, width - margin);
  LinearMap x{xs.min, xs.max, left, plot_right};
  LinearMap y{ys.min, ys.max, plot_bottom, plot_top};
  DrawYAxis(svg, ys, y, left, plot_right, options.y_title, 18);
  DrawXAxis(svg, xs, x, plot_top, plot_bottom, options.x_title, plot_bottom + 38);

  // Limits are clipped to the plot so the fan at tiny denominators stays
  // inside the axes.
  svg.Open("clipPath", {{"id", id + "-plot"}});
  svg.Empty("rect", {{"x", Px(left)},
                     {"y", Px(plot_top)},
                     {"width", Px(plot_right - left)},
                     {"height", Px(plot_bottom - plot_top)}});
  svg.Close("clipPath");
  svg.Open("g", {{"clip-path", "url(#" + id + "-plot)"}, {"class", "cradle-limits"}});
  for (const auto& [limits, dash, name] :
       {std::tuple{&limits95, "5 3", "95"}, std::tuple{&limits998, "1 3", "99.8"}}) {
    if (limits->empty()) continue;
    std::string lower_d, upper_d;
    for (size_t idx = 0; idx < limits->size(); ++idx) {
      const FunnelLimit& l = (*limits)[idx];
      std::string cmd = idx == 0 ? "M" : "L";
      lower_d += cmd + Px(x(l.denominator)) + " " + Px(y(l.lower));
      upper_d += cmd + Px(x(l.denominator)) + " " + Px(y(l.upper));
    }
    for (const std::string& d : {lower_d, upper_d}) {
      svg.Empty("path", {{"d", d},
                         {"fill", "none"},
                         {"stroke", std::string(kSecondaryText)},
                         {"stroke-width", "1.5"},
                         {"stroke-dasharray", dash},
                         {"class", "cradle-limit"},
                         {"data-limit", name}});
    }
  }
  svg.Close("g");
  svg.Empty("line", {{"x1", Px(left)},
                     {"x2", Px(plot_right)},
                     {"y1", Px(y(benchmark))},
                     {"y2", Px(y(benchmark))},
                     {"stroke", std::string(kBenchmark)},
                     {"stroke-width", "1.5"},
                     {"class", "cradle-benchmark"},
                     {"data-value", ExactNumber(benchmark)}});

  DataTable table;
  table.title = options.title;
  table.columns = {"Area", "Denominator", "Value", "Compared with " + options.benchmark_label};
  // Highlighted points last so they sit on top.
  std::vector<const FunnelPoint*> order;
  for (const FunnelPoint& p : points) order.push_back(&p);
  std::stable_partition(order.begin(), order.end(),
                        [](const FunnelPoint* p) { return !p->highlight; });
  for (const FunnelPoint* p : order) {
    if (!p->value) continue;
    const double px = x(p->denominator), py = y(*p->value);
    DrawMarker(svg, ComparisonMarker(p->comparison), px, py, p->highlight ? 6 : 4.5,
               ComparisonFill(p->comparison),
               p->highlight ? kText : ComparisonStroke(p->comparison),
               {{"class", p->highlight ? "cradle-point cradle-highlight" : "cradle-point"},
                {"data-label", p->label},
                {"data-value", ExactNumber(*p->value)},
                {"data-denominator", ExactNumber(p->denominator)},
                {"data-comparison", std::string(ComparisonLabel(p->comparison))}},
               p->label + ": " + FormatNumber(*p->value, options.decimals) + " (" +
                   FormatNumber(p->denominator, 0) + ") \u2013 " +
                   std::string(ComparisonLabel(p->comparison)));
    if (p->highlight) {
      const bool flip = px > plot_right - 120;
      svg.Text("text",
               {{"x", Px(flip ? px - 10 : px + 10)},
                {"y", Px(py - 8)},
                {"text-anchor", flip ? "end" : "start"},
                {"font-weight", "bold"},
                {"class", "cradle-point-label"}},
               p->label);
    }
  }
  for (const FunnelPoint& p : points) {
    std::vector<Cell> row = {Cell(p.label), Cell(FormatNumber(p.denominator, 0), p.denominator)};
    if (p.value) {
      row.emplace_back(FormatNumber(*p.value, options.decimals), *p.value);
      row.emplace_back(std::string(ComparisonLabel(p.comparison)));
    } else {
      row.insert(row.end(), {Cell(p.missing_text), Cell("Not compared")});
    }
    table.rows.push_back(std::move(row));
  }
  DrawNotes(svg, notes, margin, notes_top, inner_width);
  table.notes = notes;
  return Chart{svg.Finish(), std::move(table)};
}

}  // namespace cradle::charts
