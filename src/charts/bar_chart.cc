#include "charts/bar_chart.h"

#include <algorithm>
#include <limits>
#include <set>

#include "charts/axis.h"
#include "charts/frame.h"
#include "charts/svg.h"

namespace cradle::charts {
namespace {

// Shortens `label` to fit `max_width`, ending it with an ellipsis; the full
// label stays in the tooltip and the table.
std::string Fit(const std::string& label, double max_width) {
  if (TextWidth(label, 12) <= max_width) return label;
  std::string cut = label;
  while (!cut.empty() && TextWidth(cut + "\u2026", 12) > max_width) {
    cut.pop_back();
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
    if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();
  }
  return cut + "\u2026";
}

}  // namespace

Chart BarChart(const BarChartOptions& options, const std::vector<Bar>& bars) {
  const std::string id = SafeId(options.id);
  const double margin = 16;
  const double width = options.width;
  const double inner_width = width - 2 * margin;

  double lo = 0, hi = -std::numeric_limits<double>::infinity();
  double widest_label = 0;
  std::set<Comparison> used;
  bool any_interval = false;
  std::vector<std::string> missing;
  for (const Bar& bar : bars) {
    widest_label = std::max(widest_label, TextWidth(bar.label, 12));
    if (!bar.value) {
      missing.push_back(bar.label + " (" + bar.missing_text + ")");
      continue;
    }
    used.insert(bar.comparison);
    for (auto v : {bar.value, bar.lower, bar.upper}) {
      if (v) {
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
      }
    }
    any_interval |= bar.lower && bar.upper;
  }
  if (options.benchmark) hi = std::max(hi, *options.benchmark);
  if (hi < lo) hi = lo;
  NiceScale scale = MakeNiceScale(lo, hi, 6, /*include_zero=*/true);

  // Columns: label | comparison marker | plot | value text.
  const double label_width = std::min(widest_label, 210.0);
  const double marker_x = margin + label_width + 14;
  const double plot_left = marker_x + 14;
  const double value_width = 44;
  const double plot_right = width - margin - value_width;
  LinearMap x{scale.min, scale.max, plot_left, plot_right};

  std::vector<LegendItem> legend;
  for (Comparison c : kAllComparisons) {
    if (!used.count(c)) continue;
    legend.push_back({LegendItem::Kind::kMarker, std::string(ComparisonLabel(c)),
                      ComparisonMarker(c), std::string(ComparisonFill(c)),
                      std::string(ComparisonStroke(c)), "", 1});
  }
  if (options.benchmark) {
    legend.push_back(
        {LegendItem::Kind::kLine,
         options.benchmark_label + " " + FormatNumber(*options.benchmark, options.decimals),
         Marker::kCircle, "", std::string(kBenchmark), "6 3", 1});
  }
  if (any_interval) {
    legend.push_back({LegendItem::Kind::kLine, "95% confidence interval", Marker::kCircle, "",
                      std::string(kText), "", 1});
  }
  std::vector<std::string> notes = options.notes;
  if (!missing.empty()) {
    std::string list;
    for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
    notes.insert(notes.begin(),
                 "No bar where there is no value or it is suppressed: " + list + ".");
  }

  const double title_height = MeasureTitle(options.title, inner_width);
  SvgWriter scratch("m", 1, 1, "", "");
  const double legend_height = DrawLegend(scratch, legend, margin, 0, width - margin);
  // Long charts repeat the axis above the bars so the scale is in view.
  const bool axis_above = bars.size() > 25;
  const double plot_top = margin + title_height + 8 + legend_height + (axis_above ? 44 : 24);
  const double row = options.row_height;
  const double plot_bottom = plot_top + row * static_cast<double>(std::max<size_t>(bars.size(), 1));
  const double notes_top = plot_bottom + 44;
  const double height = notes_top + MeasureNotes(notes, inner_width) + margin;

  SvgWriter svg(id, width, height, options.title, options.description);
  DrawTitle(svg, options.title, margin, margin, inner_width);
  DrawLegend(svg, legend, margin, margin + title_height + 8, width - margin);
  DrawXAxis(svg, scale, x, plot_top, plot_bottom, options.value_title, plot_bottom + 36);
  if (axis_above) {
    NiceScale labels_only = scale;
    DrawXAxis(svg, labels_only, x, plot_top, plot_top, "", 0, /*labels_above=*/true);
  }

  DataTable table;
  table.title = options.title;
  table.columns = {options.category_title, "Value", "Lower CI", "Upper CI",
                   "Compared with " + options.benchmark_label};
  for (size_t bar_idx = 0; bar_idx < bars.size(); ++bar_idx) {
    const Bar& bar = bars[bar_idx];
    const double top = plot_top + row * static_cast<double>(bar_idx);
    const double mid = top + row / 2;
    svg.Open("g", {{"class", bar.highlight ? "cradle-row cradle-highlight" : "cradle-row"}});
    Attrs label = {{"x", Px(margin + label_width)}, {"y", Px(mid + 4)}, {"text-anchor", "end"}};
    if (bar.highlight) label.emplace_back("font-weight", "bold");
    svg.Text("text", label, Fit(bar.label, label_width));

    std::vector<Cell> cells = {Cell(bar.label)};
    if (bar.value) {
      const std::string fill(ComparisonFill(bar.comparison));
      DrawMarker(svg, ComparisonMarker(bar.comparison), marker_x, mid, 4.5, fill,
                 ComparisonStroke(bar.comparison), {{"class", "cradle-comparison"}});
      const double x0 = x(std::min(0.0, *bar.value));
      const double x1 = x(std::max(0.0, *bar.value));
      Attrs rect = {{"x", Px(x0)},
                    {"y", Px(top + row * 0.15)},
                    {"width", Px(std::max(x1 - x0, 0.5))},
                    {"height", Px(row * 0.7)},
                    {"fill", fill},
                    {"stroke", bar.highlight ? std::string(kText)
                                             : std::string(ComparisonStroke(bar.comparison))},
                    {"stroke-width", bar.highlight ? "2.5" : "0.5"},
                    {"class", "cradle-bar"},
                    {"data-label", bar.label},
                    {"data-value", ExactNumber(*bar.value)},
                    {"data-comparison", std::string(ComparisonLabel(bar.comparison))}};
      if (bar.lower) rect.emplace_back("data-lower", ExactNumber(*bar.lower));
      if (bar.upper) rect.emplace_back("data-upper", ExactNumber(*bar.upper));
      svg.WithTooltip(
          "rect", rect,
          bar.label + ": " +
              FormatValueWithInterval(*bar.value, bar.lower, bar.upper, options.decimals) +
              " \u2013 " + std::string(ComparisonLabel(bar.comparison)));
      if (bar.lower && bar.upper) {
        const double wl = x(*bar.lower), wu = x(*bar.upper);
        const double cap = row * 0.22;
        svg.Empty("path", {{"d", "M" + Px(wl) + " " + Px(mid) + "H" + Px(wu) + "M" + Px(wl) + " " +
                                     Px(mid - cap) + "V" + Px(mid + cap) + "M" + Px(wu) + " " +
                                     Px(mid - cap) + "V" + Px(mid + cap)},
                           {"stroke", std::string(kText)},
                           {"stroke-width", "1.2"},
                           {"fill", "none"},
                           {"class", "cradle-ci"}});
      }
      svg.Text("text", {{"x", Px(width - margin)}, {"y", Px(mid + 4)}, {"text-anchor", "end"}},
               FormatNumber(*bar.value, options.decimals));
      cells.emplace_back(FormatNumber(*bar.value, options.decimals), *bar.value);
      for (auto limit : {bar.lower, bar.upper}) {
        cells.push_back(limit ? Cell(FormatNumber(*limit, options.decimals), *limit) : Cell(""));
      }
      cells.emplace_back(std::string(ComparisonLabel(bar.comparison)));
    } else {
      svg.Text("text",
               {{"x", Px(width - margin)},
                {"y", Px(mid + 4)},
                {"text-anchor", "end"},
                {"fill", std::string(kSecondaryText)}},
               bar.missing_text);
      cells.insert(cells.end(), {Cell(bar.missing_text), Cell(""), Cell(""), Cell("Not compared")});
    }
    svg.Close("g");
    table.rows.push_back(std::move(cells));
  }
  if (options.benchmark) {
    const double bx = x(*options.benchmark);
    svg.Empty("line", {{"x1", Px(bx)},
                       {"x2", Px(bx)},
                       {"y1", Px(plot_top - (axis_above ? 20 : 4))},
                       {"y2", Px(plot_bottom)},
                       {"stroke", std::string(kBenchmark)},
                       {"stroke-width", "2"},
                       {"stroke-dasharray", "6 3"},
                       {"class", "cradle-benchmark"},
                       {"data-value", ExactNumber(*options.benchmark)}});
    const bool flip = bx > plot_right - 90;  // keep the label inside the chart
    svg.Text("text",
             {{"x", Px(flip ? bx - 4 : bx + 4)},
              {"y", Px(plot_top - (axis_above ? 24 : 8))},
              {"text-anchor", flip ? "end" : "start"},
              {"font-weight", "bold"},
              {"class", "cradle-benchmark-label"}},
             options.benchmark_label + " " + FormatNumber(*options.benchmark, options.decimals));
  }
  DrawNotes(svg, notes, margin, notes_top, inner_width);
  table.notes = notes;
  if (options.benchmark) {
    table.notes.push_back(options.benchmark_label + ": " +
                          FormatNumber(*options.benchmark, options.decimals));
  }
  return Chart{svg.Finish(), std::move(table)};
}

}  // namespace cradle::charts
