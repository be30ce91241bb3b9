#include "charts/spine_chart.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "charts/frame.h"
#include "charts/svg.h"

namespace cradle::charts {
namespace {

// Fingertips' spine greys: the full range light, the interquartile band dark.
constexpr std::string_view kRangeFill = "#c9c9c9";
constexpr std::string_view kQuartileFill = "#8b8b8b";

}  // namespace

Chart SpineChart(const SpineChartOptions& options, const std::vector<SpineRow>& rows) {
  const std::string id = SafeId(options.id);
  const double margin = 16, row_height = 30;
  const double width = options.width;
  const double inner_width = width - 2 * margin;
  // Columns: indicator (with period) | unit | area | England | worst | spine | best.
  const double value_col = 62;
  const double indicator_width = std::min(260.0, inner_width * 0.3);
  const double unit_x = margin + indicator_width + 8;
  const double unit_width = 112;  // "per 1,000 live births" on two lines at most
  const double area_x = unit_x + unit_width + value_col;  // right-aligned numbers
  const double england_x = area_x + value_col;
  const double worst_x = england_x + value_col;
  const double spine_left = worst_x + 12;
  const double spine_right = width - margin - value_col - 12;
  const double best_x = width - margin;

  std::set<Comparison> used;
  for (const SpineRow& r : rows) {
    if (r.area_value) used.insert(r.comparison);
  }
  std::vector<LegendItem> legend;
  for (Comparison c : kAllComparisons) {
    if (used.count(c)) {
      legend.push_back({LegendItem::Kind::kMarker,
                        std::string(ComparisonLabel(c)) + " than " + options.benchmark_name,
                        ComparisonMarker(c), std::string(ComparisonFill(c)),
                        std::string(ComparisonStroke(c)), "", 1});
    }
  }
  for (LegendItem& item : legend) {
    if (item.label.starts_with("Similar")) item.label = "Similar to " + options.benchmark_name;
    if (item.label.starts_with("Not compared")) item.label = "Not compared";
  }
  legend.push_back({LegendItem::Kind::kSwatch, "Range of areas (worst to best)", Marker::kCircle,
                    std::string(kRangeFill), std::string(kRangeFill), "", 1});
  legend.push_back({LegendItem::Kind::kSwatch, "25th to 75th percentile", Marker::kCircle,
                    std::string(kQuartileFill), std::string(kQuartileFill), "", 1});
  legend.push_back({LegendItem::Kind::kLine, options.benchmark_name, Marker::kCircle, "",
                    std::string(kText), "", 1});

  std::vector<std::string> notes = options.notes;
  std::string missing;
  for (const SpineRow& r : rows) {
    if (!r.area_value)
      missing += (missing.empty() ? "" : ", ") + r.indicator + " (" + r.missing_text + ")";
  }
  if (!missing.empty()) {
    notes.insert(notes.begin(), "No " + options.area_name +
                                    " marker where there is no value or it "
                                    "is suppressed: " +
                                    missing + ".");
  }

  const double title_height = MeasureTitle(options.title, inner_width);
  SvgWriter scratch("m", 1, 1, "", "");
  const double legend_height = DrawLegend(scratch, legend, margin, 0, width - margin);
  const double header_top = margin + title_height + 8 + legend_height + 10;
  const double rows_top = header_top + 24;
  std::vector<std::vector<std::string>> wrapped;
  double rows_height = 0;
  for (const SpineRow& r : rows) {
    wrapped.push_back(WrapText(r.indicator + " " + r.period, indicator_width, 12));
    rows_height += std::max(row_height, 14.0 * static_cast<double>(wrapped.back().size()) + 12);
  }
  const double notes_top = rows_top + rows_height + 8;
  const double height = notes_top + MeasureNotes(notes, inner_width) + margin;

  SvgWriter svg(id, width, height, options.title, options.description);
  DrawTitle(svg, options.title, margin, margin, inner_width);
  DrawLegend(svg, legend, margin, margin + title_height + 8, width - margin);
  svg.Open("g", {{"class", "cradle-spine-header"}, {"font-weight", "bold"}});
  const double hy = header_top + 14;
  svg.Text("text", {{"x", Px(margin)}, {"y", Px(hy)}}, "Indicator");
  svg.Text("text", {{"x", Px(unit_x)}, {"y", Px(hy)}}, "Unit");
  svg.Text("text", {{"x", Px(area_x)}, {"y", Px(hy)}, {"text-anchor", "end"}}, options.area_name);
  svg.Text("text", {{"x", Px(england_x)}, {"y", Px(hy)}, {"text-anchor", "end"}},
           options.benchmark_name);
  svg.Text("text", {{"x", Px(worst_x)}, {"y", Px(hy)}, {"text-anchor", "end"}}, "Worst");
  svg.Text("text",
           {{"x", Px((spine_left + spine_right) / 2)}, {"y", Px(hy)}, {"text-anchor", "middle"}},
           "Range");
  svg.Text("text", {{"x", Px(best_x)}, {"y", Px(hy)}, {"text-anchor", "end"}}, "Best");
  svg.Close("g");

  DataTable table;
  table.title = options.title;
  table.columns = {"Indicator",
                   "Period",
                   "Unit",
                   options.area_name,
                   options.benchmark_name,
                   "Worst",
                   "25th percentile",
                   "75th percentile",
                   "Best",
                   "Compared with " + options.benchmark_name};
  double top = rows_top;
  const double centre = (spine_left + spine_right) / 2;
  for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
    const SpineRow& r = rows[row_idx];
    const double h = std::max(row_height, 14.0 * static_cast<double>(wrapped[row_idx].size()) + 12);
    const double mid = top + h / 2;
    if (row_idx % 2 == 0) {
      svg.Empty("rect", {{"x", Px(margin - 4)},
                         {"y", Px(top)},
                         {"width", Px(inner_width + 8)},
                         {"height", Px(h)},
                         {"fill", "#f3f2f1"}});
    }
    const auto& lines = wrapped[row_idx];
    for (size_t line_idx = 0; line_idx < lines.size(); ++line_idx) {
      svg.Text("text",
               {{"x", Px(margin)},
                {"y", Px(mid + 4 +
                         14 * (static_cast<double>(line_idx) -
                               (static_cast<double>(lines.size()) - 1) / 2))}},
               lines[line_idx]);
    }
    // Fingertips scales each row so England sits at the centre and the
    // farther extreme touches its end; worst is on the left.
    const double worst = r.low_is_good ? r.highest : r.lowest;
    const double best = r.low_is_good ? r.lowest : r.highest;
    double reach = std::max(std::abs(r.highest - r.england), std::abs(r.england - r.lowest));
    if (reach <= 0) reach = 1;
    const double half = (spine_right - spine_left) / 2;
    auto sx = [&](double v) {
      double offset = (v - r.england) / reach * half;
      return centre + (r.low_is_good ? -offset : offset);
    };
    std::vector<std::string> unit_lines = WrapText(r.unit, unit_width - 8, 11);
    if (unit_lines.size() > 2) unit_lines.resize(2);
    double unit_y = mid + 4 - 6.5 * (static_cast<double>(unit_lines.size()) - 1);
    for (const std::string& line : unit_lines) {
      svg.Text("text",
               {{"x", Px(unit_x)},
                {"y", Px(unit_y)},
                {"font-size", "11"},
                {"fill", std::string(kSecondaryText)}},
               line);
      unit_y += 13;
    }
    svg.Text(
        "text",
        {{"x", Px(area_x)}, {"y", Px(mid + 4)}, {"text-anchor", "end"}, {"font-weight", "bold"}},
        r.area_value ? FormatNumber(*r.area_value, r.decimals) : r.missing_text);
    svg.Text("text", {{"x", Px(england_x)}, {"y", Px(mid + 4)}, {"text-anchor", "end"}},
             FormatNumber(r.england, r.decimals));
    svg.Text("text", {{"x", Px(worst_x)}, {"y", Px(mid + 4)}, {"text-anchor", "end"}},
             FormatNumber(worst, r.decimals));
    svg.Text("text", {{"x", Px(best_x)}, {"y", Px(mid + 4)}, {"text-anchor", "end"}},
             FormatNumber(best, r.decimals));
    const double x_worst = sx(worst), x_best = sx(best);
    const double x_q_lo = sx(r.low_is_good ? r.q75 : r.q25),
                 x_q_hi = sx(r.low_is_good ? r.q25 : r.q75);
    svg.Empty("rect", {{"x", Px(std::min(x_worst, x_best))},
                       {"y", Px(mid - 8)},
                       {"width", Px(std::abs(x_best - x_worst))},
                       {"height", "16"},
                       {"fill", std::string(kRangeFill)},
                       {"class", "cradle-spine-range"}});
    svg.Empty("rect", {{"x", Px(std::min(x_q_lo, x_q_hi))},
                       {"y", Px(mid - 8)},
                       {"width", Px(std::abs(x_q_hi - x_q_lo))},
                       {"height", "16"},
                       {"fill", std::string(kQuartileFill)},
                       {"class", "cradle-spine-quartiles"}});
    svg.Empty("line", {{"x1", Px(centre)},
                       {"x2", Px(centre)},
                       {"y1", Px(mid - 12)},
                       {"y2", Px(mid + 12)},
                       {"stroke", std::string(kText)},
                       {"stroke-width", "2"},
                       {"class", "cradle-benchmark"}});
    std::vector<Cell> cells = {Cell(r.indicator), Cell(r.period), Cell(r.unit)};
    if (r.area_value) {
      DrawMarker(svg, ComparisonMarker(r.comparison), sx(*r.area_value), mid, 6,
                 ComparisonFill(r.comparison), ComparisonStroke(r.comparison),
                 {{"class", "cradle-point"},
                  {"data-series", options.area_name},
                  {"data-label", r.indicator},
                  {"data-value", ExactNumber(*r.area_value)},
                  {"data-england", ExactNumber(r.england)},
                  {"data-comparison", std::string(ComparisonLabel(r.comparison))}},
                 r.indicator + " " + r.period + ": " + options.area_name + " " +
                     FormatNumber(*r.area_value, r.decimals) + ", " + options.benchmark_name + " " +
                     FormatNumber(r.england, r.decimals) + " \u2013 " +
                     std::string(ComparisonLabel(r.comparison)));
      cells.emplace_back(FormatNumber(*r.area_value, r.decimals), *r.area_value);
    } else {
      cells.emplace_back(r.missing_text);
    }
    cells.emplace_back(FormatNumber(r.england, r.decimals), r.england);
    for (double v : {worst, r.q25, r.q75, best}) cells.emplace_back(FormatNumber(v, r.decimals), v);
    cells.emplace_back(r.area_value ? std::string(ComparisonLabel(r.comparison)) : "Not compared");
    table.rows.push_back(std::move(cells));
    top += h;
  }
  DrawNotes(svg, notes, margin, notes_top, inner_width);
  table.notes = notes;
  return Chart{svg.Finish(), std::move(table)};
}

}  // namespace cradle::charts
