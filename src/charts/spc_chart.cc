#include "charts/spc_chart.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <set>

#include "charts/axis.h"
#include "charts/frame.h"
#include "charts/palette.h"
#include "charts/svg.h"

namespace cradle::charts {
namespace {

std::string_view TypeColour(SpcPointType type) {
  switch (type) {
    case SpcPointType::kCommonCause:
      return kSpcCommonCause;
    case SpcPointType::kImprovement:
      return kSpcImprovement;
    case SpcPointType::kConcern:
      return kSpcConcern;
    case SpcPointType::kNeither:
      return kSpcNeither;
  }
  return kSpcCommonCause;
}

// Shapes as well as colours: improvement and concern differ without colour.
Marker TypeMarker(SpcPointType type) {
  switch (type) {
    case SpcPointType::kCommonCause:
      return Marker::kCircle;
    case SpcPointType::kImprovement:
      return Marker::kSquare;
    case SpcPointType::kConcern:
      return Marker::kDiamond;
    case SpcPointType::kNeither:
      return Marker::kTriangleUp;
  }
  return Marker::kCircle;
}

// The SPC lines change at a rebase: each run of points with the same limits
// is its own segment, not a line interpolated across the rebase.
std::vector<std::string> StepPaths(const std::vector<SpcPoint>& points,
                                   const std::function<double(size_t)>& x, const LinearMap& y,
                                   const std::function<std::optional<double>(const SpcPoint&)>& at,
                                   double half_band) {
  std::vector<std::string> paths;
  std::string d;
  // A plain double and a flag, not std::optional: GCC 12 at -O3 warns falsely
  // that an optional's value may be used uninitialised here.
  double previous = 0;
  bool has_previous = false;
  for (size_t idx = 0; idx < points.size(); ++idx) {
    std::optional<double> v = at(points[idx]);
    if (!v) {
      if (!d.empty()) paths.push_back(d);
      d.clear();
      has_previous = false;
      continue;
    }
    if (has_previous && previous != *v && !d.empty()) {
      paths.push_back(d);
      d.clear();
    }
    if (d.empty()) d = "M" + Px(x(idx) - half_band) + " " + Px(y(*v));
    d += "L" + Px(x(idx) + half_band) + " " + Px(y(*v));
    previous = *v;
    has_previous = true;
  }
  if (!d.empty()) paths.push_back(d);
  return paths;
}

}  // namespace

std::string_view SpcPointTypeLabel(SpcPointType type) {
  switch (type) {
    case SpcPointType::kCommonCause:
      return "Common cause variation";
    case SpcPointType::kImprovement:
      return "Special cause \u2013 improvement";
    case SpcPointType::kConcern:
      return "Special cause \u2013 concern";
    case SpcPointType::kNeither:
      return "Special cause \u2013 neither improvement nor concern";
  }
  return "Common cause variation";
}

Chart SpcChart(const SpcChartOptions& options, const std::vector<SpcPoint>& points) {
  const std::string id = SafeId(options.id);
  const double margin = 16, left = 72, right_pad = 24;
  const double width = options.width;
  const double inner_width = width - 2 * margin;
  const double plot_right = width - right_pad;

  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  std::set<SpcPointType> used;
  std::vector<std::string> labels, missing;
  bool any_near = false;
  for (const SpcPoint& p : points) {
    labels.push_back(p.label);
    for (auto v : {std::optional<double>(p.mean), std::optional<double>(p.upper_limit),
                   std::optional<double>(p.lower_limit), p.value, p.upper_near, p.lower_near}) {
      if (v) {
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
      }
    }
    any_near |= p.upper_near || p.lower_near;
    if (p.value) {
      used.insert(p.type);
    } else {
      missing.push_back(p.label + " (" + p.missing_text + ")");
    }
  }
  if (options.target) {
    lo = std::min(lo, *options.target);
    hi = std::max(hi, *options.target);
  }
  if (lo > hi) lo = hi = 0;
  NiceScale scale = MakeNiceScale(lo, hi, 6, false);

  std::vector<LegendItem> legend;
  for (SpcPointType type : {SpcPointType::kCommonCause, SpcPointType::kImprovement,
                            SpcPointType::kConcern, SpcPointType::kNeither}) {
    if (used.count(type)) {
      legend.push_back({LegendItem::Kind::kMarker, std::string(SpcPointTypeLabel(type)),
                        TypeMarker(type), std::string(TypeColour(type)),
                        std::string(TypeColour(type)), "", 1});
    }
  }
  legend.push_back(
      {LegendItem::Kind::kLine, "Mean", Marker::kCircle, "", std::string(kText), "", 1});
  legend.push_back({LegendItem::Kind::kLine, "Process limits (3\u03c3)", Marker::kCircle, "",
                    std::string(kSecondaryText), "5 3", 1});
  if (any_near) {
    legend.push_back({LegendItem::Kind::kLine, "Near limits (2\u03c3)", Marker::kCircle, "",
                      std::string(kSecondaryText), "1 3", 1});
  }
  if (options.target) {
    legend.push_back({LegendItem::Kind::kLine,
                      "Target " + FormatNumber(*options.target, options.decimals), Marker::kCircle,
                      "", "#de1b1b", "8 3", 1});
  }
  std::vector<std::string> notes = options.notes;
  if (!missing.empty()) {
    std::string list;
    for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
    notes.insert(notes.begin(),
                 "Gaps are periods with no value or a suppressed value, not zero: " + list + ".");
  }

  const double title_height = MeasureTitle(options.title, inner_width);
  const bool icons = options.variation_icon || options.assurance_icon;
  const double icons_height = icons ? 40 : 0;
  SvgWriter scratch("m", 1, 1, "", "");
  const double legend_height = DrawLegend(scratch, legend, margin, 0, width - margin);
  const double icons_top = margin + title_height + 8;
  const double legend_top = icons_top + icons_height;
  const double plot_top = legend_top + legend_height + 16;
  const double plot_bottom = plot_top + options.plot_height;
  const double notes_top = plot_bottom + 48;
  const double height = notes_top + MeasureNotes(notes, inner_width) + margin;

  SvgWriter svg(id, width, height, options.title, options.description);
  DrawTitle(svg, options.title, margin, margin, inner_width);
  if (icons) {
    double ix = margin;
    for (const auto* icon : {&options.variation_icon, &options.assurance_icon}) {
      if (!*icon) continue;
      const std::string colour(TypeColour((*icon)->colour));
      svg.Open("g", {{"class", "cradle-spc-icon"}, {"data-text", (*icon)->text}});
      svg.WithTooltip("circle",
                      {{"cx", Px(ix + 15)},
                       {"cy", Px(icons_top + 17)},
                       {"r", "15"},
                       {"fill", "#ffffff"},
                       {"stroke", colour},
                       {"stroke-width", "4"}},
                      (*icon)->text);
      svg.Text("text",
               {{"x", Px(ix + 15)},
                {"y", Px(icons_top + 23)},
                {"text-anchor", "middle"},
                {"font-size", "16"},
                {"font-weight", "bold"},
                {"fill", std::string(kText)}},
               (*icon)->letter);
      auto lines = WrapText((*icon)->text, inner_width / 2 - 48, 12);
      for (size_t line_idx = 0; line_idx < lines.size() && line_idx < 2; ++line_idx) {
        svg.Text("text",
                 {{"x", Px(ix + 38)},
                  {"y", Px(icons_top + (lines.size() == 1 ? 21 : 14) +
                           14 * static_cast<double>(line_idx))}},
                 lines[line_idx]);
      }
      svg.Close("g");
      ix += inner_width / 2;
    }
  }
  DrawLegend(svg, legend, margin, legend_top, width - margin);

  LinearMap y{scale.min, scale.max, plot_bottom, plot_top};
  DrawYAxis(svg, scale, y, left, plot_right, options.y_title, 18);
  const double band = (plot_right - left) / std::max<double>(1, static_cast<double>(points.size()));
  auto x = [&](size_t idx) { return left + band * (static_cast<double>(idx) + 0.5); };
  DrawCategoryAxis(svg, labels, x, left, plot_right, plot_bottom, options.x_title,
                   plot_bottom + 38);

  struct LineSpec {
    std::function<std::optional<double>(const SpcPoint&)> at;
    std::string stroke, dash, cls;
  };
  const std::vector<LineSpec> specs = {
      {[](const SpcPoint& p) { return std::optional<double>(p.upper_limit); },
       std::string(kSecondaryText), "5 3", "cradle-ucl"},
      {[](const SpcPoint& p) { return std::optional<double>(p.lower_limit); },
       std::string(kSecondaryText), "5 3", "cradle-lcl"},
      {[](const SpcPoint& p) { return p.upper_near; }, std::string(kSecondaryText), "1 3",
       "cradle-near"},
      {[](const SpcPoint& p) { return p.lower_near; }, std::string(kSecondaryText), "1 3",
       "cradle-near"},
      {[](const SpcPoint& p) { return std::optional<double>(p.mean); }, std::string(kText), "",
       "cradle-mean"},
  };
  for (const LineSpec& spec : specs) {
    for (const std::string& d : StepPaths(points, x, y, spec.at, band / 2)) {
      Attrs attrs = {{"d", d},
                     {"fill", "none"},
                     {"stroke", spec.stroke},
                     {"stroke-width", "1.5"},
                     {"class", spec.cls}};
      if (!spec.dash.empty()) attrs.emplace_back("stroke-dasharray", spec.dash);
      svg.Empty("path", attrs);
    }
  }
  if (options.target) {
    svg.Empty("line", {{"x1", Px(left)},
                       {"x2", Px(plot_right)},
                       {"y1", Px(y(*options.target))},
                       {"y2", Px(y(*options.target))},
                       {"stroke", "#de1b1b"},
                       {"stroke-width", "1.5"},
                       {"stroke-dasharray", "8 3"},
                       {"class", "cradle-target"}});
  }
  // The value line in grey, broken at gaps, under the coloured points.
  std::string d;
  for (size_t idx = 0; idx < points.size(); ++idx) {
    if (!points[idx].value) continue;
    bool joined = idx > 0 && points[idx - 1].value;
    d += (joined ? "L" : "M") + Px(x(idx)) + " " + Px(y(*points[idx].value));
  }
  if (!d.empty()) {
    svg.Empty("path", {{"d", d},
                       {"fill", "none"},
                       {"stroke", std::string(kSpcCommonCause)},
                       {"stroke-width", "2"},
                       {"class", "cradle-line"}});
  }
  DataTable table;
  table.title = options.title;
  table.columns = {"Period",   "Value", "Mean", "Lower process limit", "Upper process limit",
                   "Variation"};
  for (size_t idx = 0; idx < points.size(); ++idx) {
    const SpcPoint& p = points[idx];
    std::vector<Cell> row = {Cell(p.label)};
    if (p.value) {
      const std::string colour(TypeColour(p.type));
      DrawMarker(svg, TypeMarker(p.type), x(idx), y(*p.value), 4.5, colour, colour,
                 {{"class", "cradle-point"},
                  {"data-label", p.label},
                  {"data-value", ExactNumber(*p.value)},
                  {"data-type", std::string(SpcPointTypeLabel(p.type))},
                  {"data-mean", ExactNumber(p.mean)},
                  {"data-ucl", ExactNumber(p.upper_limit)},
                  {"data-lcl", ExactNumber(p.lower_limit)}},
                 p.label + ": " + FormatNumber(*p.value, options.decimals) + " \u2013 " +
                     std::string(SpcPointTypeLabel(p.type)));
      row.emplace_back(FormatNumber(*p.value, options.decimals), *p.value);
    } else {
      row.emplace_back(p.missing_text);
    }
    row.emplace_back(FormatNumber(p.mean, options.decimals), p.mean);
    row.emplace_back(FormatNumber(p.lower_limit, options.decimals), p.lower_limit);
    row.emplace_back(FormatNumber(p.upper_limit, options.decimals), p.upper_limit);
    row.emplace_back(p.value ? std::string(SpcPointTypeLabel(p.type)) : std::string());
    table.rows.push_back(std::move(row));
  }
  DrawNotes(svg, notes, margin, notes_top, inner_width);
  table.notes = notes;
  for (const auto* icon : {&options.variation_icon, &options.assurance_icon}) {
    if (*icon) table.notes.push_back((*icon)->text);
  }
  return Chart{svg.Finish(), std::move(table)};
}

}  // namespace cradle::charts
