#include "charts/line_chart.h"

#include <algorithm>
#include <limits>

#include "charts/axis.h"
#include "charts/frame.h"
#include "charts/palette.h"
#include "charts/svg.h"

namespace cradle::charts {
namespace {

const LinePoint* PointAt(const LineSeries& series, size_t period_idx) {
  return period_idx < series.points.size() ? &series.points[period_idx] : nullptr;
}

bool HasValue(const LinePoint* point) { return point && point->value.has_value(); }

}  // namespace

Chart LineChart(const LineChartOptions& options, const std::vector<std::string>& periods,
                const std::vector<LineSeries>& series) {
  const std::string id = SafeId(options.id);
  const double left = 72, right_pad = 24, margin = 16;
  const double width = options.width;
  const double plot_right = width - right_pad;

  // The value range covers values and limits alike so no ribbon is clipped.
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  std::vector<std::string> gaps;
  for (const LineSeries& s : series) {
    for (size_t period_idx = 0; period_idx < periods.size(); ++period_idx) {
      const LinePoint* point = PointAt(s, period_idx);
      if (!HasValue(point)) {
        gaps.push_back(s.name + " " + periods[period_idx] + " (" +
                       (point ? point->missing_text : std::string("-")) + ")");
        continue;
      }
      for (auto v : {point->value, point->lower, point->upper}) {
        if (v) {
          lo = std::min(lo, *v);
          hi = std::max(hi, *v);
        }
      }
    }
  }
  if (lo > hi) lo = hi = 0;
  NiceScale scale = MakeNiceScale(lo, hi, 6, options.y_from_zero);

  // Legend items: one per series (marker + line), then the CI ribbon.
  std::vector<LegendItem> legend;
  bool any_interval = false;
  for (size_t series_idx = 0; series_idx < series.size(); ++series_idx) {
    const LineSeries& s = series[series_idx];
    LegendItem item;
    item.label = s.name;
    if (s.benchmark) {
      item.kind = LegendItem::Kind::kLine;
      item.stroke = std::string(kBenchmark);
      item.dash = "6 4";
    } else {
      item.marker = SeriesMarker(static_cast<int>(series_idx));
      item.fill = item.stroke = std::string(SeriesColour(static_cast<int>(series_idx)));
    }
    legend.push_back(item);
    for (const LinePoint& p : s.points) any_interval |= p.lower.has_value() && p.upper.has_value();
  }
  if (any_interval) {
    legend.push_back({LegendItem::Kind::kBand, "95% confidence interval", Marker::kCircle,
                      std::string(SeriesColour(0)), "", "", 0.18});
  }

  std::vector<std::string> notes = options.notes;
  if (!gaps.empty()) {
    std::string list;
    for (const std::string& gap : gaps) list += (list.empty() ? "" : ", ") + gap;
    notes.insert(notes.begin(),
                 "Gaps are periods with no value or a suppressed value, not zero: " + list + ".");
  }

  const double inner_width = width - 2 * margin;
  const double title_height = MeasureTitle(options.title, inner_width);
  // Draw the legend once into a scratch writer to learn its height.
  SvgWriter scratch("m", 1, 1, "", "");
  double legend_height = series.size() > 1 || any_interval
                             ? DrawLegend(scratch, legend, margin, 0, width - margin)
                             : 0;
  const double plot_top = margin + title_height + 8 + legend_height + 16;
  const double plot_bottom = plot_top + options.plot_height;
  const double notes_top = plot_bottom + 48;
  const double height = notes_top + MeasureNotes(notes, inner_width) + margin;

  SvgWriter svg(id, width, height, options.title, options.description);
  DrawTitle(svg, options.title, margin, margin, inner_width);
  if (legend_height > 0) DrawLegend(svg, legend, margin, margin + title_height + 8, width - margin);

  LinearMap y{scale.min, scale.max, plot_bottom, plot_top};
  DrawYAxis(svg, scale, y, left, plot_right, options.y_title, 18);
  const double band =
      (plot_right - left) / std::max<double>(1, static_cast<double>(periods.size()));
  auto x = [&](size_t period_idx) { return left + band * (static_cast<double>(period_idx) + 0.5); };
  DrawCategoryAxis(svg, periods, x, left, plot_right, plot_bottom, options.x_title,
                   plot_bottom + 38);

  // Benchmarks first so the local series draw on top of them.
  std::vector<size_t> order(series.size());
  for (size_t series_idx = 0; series_idx < series.size(); ++series_idx)
    order[series_idx] = series_idx;
  std::stable_partition(order.begin(), order.end(),
                        [&](size_t series_idx) { return series[series_idx].benchmark; });

  DataTable table;
  table.title = options.title;
  table.columns = {"Series", "Period", "Value", "Lower CI", "Upper CI"};
  for (const LineSeries& s : series) {
    for (size_t period_idx = 0; period_idx < periods.size(); ++period_idx) {
      const LinePoint* point = PointAt(s, period_idx);
      std::vector<Cell> row = {Cell(s.name), Cell(periods[period_idx])};
      if (HasValue(point)) {
        row.emplace_back(FormatNumber(*point->value, options.decimals), *point->value);
        for (auto limit : {point->lower, point->upper}) {
          row.push_back(limit ? Cell(FormatNumber(*limit, options.decimals), *limit) : Cell(""));
        }
      } else {
        std::string shown = point ? point->missing_text : "-";
        row.insert(row.end(), {Cell(shown), Cell(""), Cell("")});
      }
      table.rows.push_back(std::move(row));
    }
  }
  table.notes = notes;

  for (size_t series_idx : order) {
    const LineSeries& s = series[series_idx];
    const std::string colour = s.benchmark
                                   ? std::string(kBenchmark)
                                   : std::string(SeriesColour(static_cast<int>(series_idx)));
    svg.Open("g", {{"class", "cradle-series"}, {"data-series", s.name}});
    // Ribbon and line are split into runs of consecutive values: a gap
    // breaks both, so nothing is interpolated across a missing period.
    size_t period_idx = 0;
    while (period_idx < periods.size()) {
      if (!HasValue(PointAt(s, period_idx))) {
        ++period_idx;
        continue;
      }
      size_t run_end = period_idx;
      while (run_end < periods.size() && HasValue(PointAt(s, run_end))) ++run_end;
      std::string line_d, upper_d, lower_d;
      bool ribbon = !s.benchmark;
      for (size_t idx = period_idx; idx < run_end; ++idx) {
        const LinePoint& p = *PointAt(s, idx);
        line_d += (idx == period_idx ? "M" : "L") + Px(x(idx)) + " " + Px(y(*p.value));
        ribbon = ribbon && p.lower && p.upper;
      }
      if (ribbon) {
        std::string d;
        for (size_t idx = period_idx; idx < run_end; ++idx) {
          d += (idx == period_idx ? "M" : "L") + Px(x(idx)) + " " + Px(y(*PointAt(s, idx)->upper));
        }
        for (size_t idx = run_end; idx-- > period_idx;) {
          d += "L" + Px(x(idx)) + " " + Px(y(*PointAt(s, idx)->lower));
        }
        if (run_end - period_idx == 1) {  // a lone point: a whisker instead
          svg.Empty("line", {{"x1", Px(x(period_idx))},
                             {"x2", Px(x(period_idx))},
                             {"y1", Px(y(*PointAt(s, period_idx)->lower))},
                             {"y2", Px(y(*PointAt(s, period_idx)->upper))},
                             {"stroke", colour},
                             {"stroke-width", "2"},
                             {"stroke-opacity", "0.4"},
                             {"class", "cradle-ci"}});
        } else {
          svg.Empty("path", {{"d", d + "z"},
                             {"fill", colour},
                             {"fill-opacity", "0.18"},
                             {"stroke", "none"},
                             {"class", "cradle-ci"}});
        }
      }
      Attrs line = {{"d", line_d},
                    {"fill", "none"},
                    {"stroke", colour},
                    {"stroke-width", s.benchmark ? "2" : "2.5"},
                    {"class", "cradle-line"}};
      if (s.benchmark) line.emplace_back("stroke-dasharray", "6 4");
      svg.Empty("path", line);
      period_idx = run_end;
    }
    for (size_t idx = 0; idx < periods.size(); ++idx) {
      const LinePoint* p = PointAt(s, idx);
      if (!HasValue(p)) continue;
      Attrs attrs = {{"class", "cradle-point"},
                     {"data-series", s.name},
                     {"data-label", periods[idx]},
                     {"data-value", ExactNumber(*p->value)}};
      if (p->lower) attrs.emplace_back("data-lower", ExactNumber(*p->lower));
      if (p->upper) attrs.emplace_back("data-upper", ExactNumber(*p->upper));
      std::string tooltip =
          s.name + " " + periods[idx] + ": " +
          FormatValueWithInterval(*p->value, p->lower, p->upper, options.decimals);
      Marker marker = s.benchmark ? Marker::kCircle : SeriesMarker(static_cast<int>(series_idx));
      DrawMarker(svg, marker, x(idx), y(*p->value), s.benchmark ? 3 : 4.5,
                 s.benchmark ? "#ffffff" : colour, colour, attrs, tooltip);
    }
    svg.Close("g");
  }
  DrawNotes(svg, notes, margin, notes_top, inner_width);
  return Chart{svg.Finish(), std::move(table)};
}

}  // namespace cradle::charts
