#include "charts/choropleth.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <numbers>

#include "charts/frame.h"
#include "charts/palette.h"
#include "charts/svg.h"

namespace cradle::charts {
namespace {

constexpr std::string_view kNotShown = "Not shown (no value or suppressed)";

// Equirectangular projection with x scaled by cos(mid-latitude), fitted into
// a box with y flipped: distortion-free enough at city and county scale, and
// needs no projection library.
struct Projection {
  double min_lon = 0, max_lat = 0, kx = 1, scale = 1, left = 0, top = 0;
  double X(double lon) const { return left + (lon - min_lon) * kx * scale; }
  double Y(double lat) const { return top + (max_lat - lat) * scale; }
};

// Outline `index`'s line: solid for the first, then dash rhythms that tell
// apart without colour (cycling after four).
std::string_view OutlineDash(size_t index) {
  static constexpr std::string_view kDashes[] = {"", "7 4", "2 3", "9 3 2 3"};
  return kDashes[index % std::size(kDashes)];
}

// The attributes of outline `index`'s line; `halo` is the wider white line
// drawn under it so it shows on the darkest fill as on the lightest.
Attrs OutlineStroke(size_t index, bool halo) {
  Attrs attrs = {{"fill", "none"},
                 {"stroke", halo ? std::string("#ffffff") : std::string(kText)},
                 {"stroke-width", halo ? "5" : "2.5"},
                 {"stroke-linejoin", "round"},
                 {"stroke-linecap", "round"}};
  if (!halo && !OutlineDash(index).empty()) {
    attrs.emplace_back("stroke-dasharray", std::string(OutlineDash(index)));
  }
  return attrs;
}

// The path round the outside of a group of areas: every ring edge that only
// one member has (an edge two neighbours share appears once in each, so it is
// inside the group), drawn in ring order so runs of outer edges stay one line
// and dashes flow along them. Boundaries that do not share their vertices
// exactly (not topologically clean) still work: their common edges are drawn.
std::string OutlinePath(const std::vector<const geo::Boundary*>& members, const Projection& proj) {
  using Edge = std::pair<geo::LonLat, geo::LonLat>;
  auto key = [](const geo::LonLat& a, const geo::LonLat& b) {
    return a < b ? Edge{a, b} : Edge{b, a};
  };
  std::map<Edge, int> uses;
  for (const geo::Boundary* member : members) {
    for (const geo::Ring& ring : member->rings) {
      for (size_t idx = 0; idx + 1 < ring.size(); ++idx) ++uses[key(ring[idx], ring[idx + 1])];
    }
  }
  std::string d;
  for (const geo::Boundary* member : members) {
    for (const geo::Ring& ring : member->rings) {
      if (ring.size() < 2) continue;
      const size_t edges = ring.size() - 1;  // the ring is closed
      auto outer = [&](size_t edge) {
        edge %= edges;
        return uses[key(ring[edge], ring[edge + 1])] % 2 == 1;
      };
      // Start just after an inner edge, so a run that wraps past the ring's
      // first vertex stays one line.
      size_t start = 0;
      for (size_t edge = 0; edge < edges; ++edge) {
        if (!outer(edge + edges - 1) && outer(edge)) {
          start = edge;
          break;
        }
      }
      bool drawing = false;
      for (size_t step = 0; step < edges; ++step) {
        const size_t edge = (start + step) % edges;
        if (!outer(edge)) {
          drawing = false;
          continue;
        }
        if (!drawing) d += "M" + Px(proj.X(ring[edge].first)) + " " + Px(proj.Y(ring[edge].second));
        d += "L" + Px(proj.X(ring[edge + 1].first)) + " " + Px(proj.Y(ring[edge + 1].second));
        drawing = true;
      }
    }
  }
  return d;
}

}  // namespace

int Classification::ClassOf(double value) const {
  return static_cast<int>(std::upper_bound(breaks.begin(), breaks.end(), value) - breaks.begin());
}

Classification QuantileClasses(std::vector<double> values, int count, int decimals) {
  Classification classes;
  values.erase(
      std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
      values.end());
  if (values.empty() || count < 1) return classes;
  std::sort(values.begin(), values.end());
  auto quantile = [&](double p) {
    double h = (static_cast<double>(values.size()) - 1) * p;
    size_t lo = static_cast<size_t>(std::floor(h));
    size_t hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
  };
  for (int k = 1; k < count; ++k) {
    double b = quantile(static_cast<double>(k) / count);
    if (b > values.front() && (classes.breaks.empty() || b > classes.breaks.back())) {
      classes.breaks.push_back(b);
    }
  }
  std::vector<double> edges = {values.front()};
  edges.insert(edges.end(), classes.breaks.begin(), classes.breaks.end());
  edges.push_back(values.back());
  for (size_t idx = 0; idx + 1 < edges.size(); ++idx) {
    classes.labels.push_back(FormatNumber(edges[idx], decimals) + " \u2013 " +
                             FormatNumber(edges[idx + 1], decimals));
  }
  return classes;
}

Classification FixedBreakClasses(std::vector<double> breaks, int decimals) {
  std::sort(breaks.begin(), breaks.end());
  breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
  Classification classes;
  classes.breaks = breaks;
  if (breaks.empty()) {
    classes.labels = {"All values"};
    return classes;
  }
  classes.labels.push_back("Under " + FormatNumber(breaks.front(), decimals));
  for (size_t idx = 0; idx + 1 < breaks.size(); ++idx) {
    classes.labels.push_back(FormatNumber(breaks[idx], decimals) + " \u2013 " +
                             FormatNumber(breaks[idx + 1], decimals));
  }
  classes.labels.push_back(FormatNumber(breaks.back(), decimals) + " and over");
  return classes;
}

Chart Choropleth(const ChoroplethOptions& options, const std::vector<MapArea>& areas,
                 const std::vector<geo::Boundary>& boundaries,
                 const std::vector<std::string>& class_labels) {
  const std::string id = SafeId(options.id);
  const double margin = 16, legend_width = 210;
  const double width = options.width;
  const double inner_width = width - 2 * margin;
  const int class_count = static_cast<int>(class_labels.size());

  std::map<std::string, const MapArea*> by_code;
  for (const MapArea& area : areas) by_code[area.code] = &area;
  std::map<std::string, bool> has_boundary;
  for (const geo::Boundary& b : boundaries) has_boundary[b.code] = true;
  // Each area's outlines, as 1-based numbers and as labels.
  std::map<std::string, std::string> outline_numbers, outline_labels;
  for (size_t idx = 0; idx < options.outlines.size(); ++idx) {
    for (const std::string& code : options.outlines[idx].codes) {
      std::string& numbers = outline_numbers[code];
      std::string& labels = outline_labels[code];
      numbers += (numbers.empty() ? "" : " ") + std::to_string(idx + 1);
      labels += (labels.empty() ? "" : "; ") + options.outlines[idx].label;
    }
  }

  double min_lon = std::numeric_limits<double>::infinity(), max_lon = -min_lon;
  double min_lat = min_lon, max_lat = -min_lon;
  for (const geo::Boundary& b : boundaries) {
    for (const geo::Ring& ring : b.rings) {
      for (const auto& [lon, lat] : ring) {
        min_lon = std::min(min_lon, lon);
        max_lon = std::max(max_lon, lon);
        min_lat = std::min(min_lat, lat);
        max_lat = std::max(max_lat, lat);
      }
    }
  }
  if (min_lon > max_lon) min_lon = max_lon = min_lat = max_lat = 0;
  Projection proj;
  proj.min_lon = min_lon;
  proj.max_lat = max_lat;
  proj.kx = std::cos((min_lat + max_lat) / 2 * std::numbers::pi / 180);
  const double map_width_available = inner_width - legend_width - 16;
  const double span_x = std::max((max_lon - min_lon) * proj.kx, 1e-9);
  const double span_y = std::max(max_lat - min_lat, 1e-9);
  proj.scale = std::min(map_width_available / span_x, options.max_map_height / span_y);
  const double map_width = span_x * proj.scale, map_height = span_y * proj.scale;

  std::vector<std::string> notes = options.notes;
  std::string no_boundary;
  for (const MapArea& area : areas) {
    if (!has_boundary.count(area.code)) {
      no_boundary += (no_boundary.empty() ? "" : ", ") + area.name + " (" + area.code + ")";
    }
  }
  if (!no_boundary.empty())
    notes.insert(notes.begin(), "No boundary to draw for: " + no_boundary + ".");

  const double title_height = MeasureTitle(options.title, inner_width);
  const double map_top = margin + title_height + 12;
  const double legend_rows = class_count + 2 + 1.5 * static_cast<double>(options.outlines.size());
  const double body_height = std::max(map_height, 22 + legend_rows * 22);
  const double notes_top = map_top + body_height + 8;
  const double height = notes_top + MeasureNotes(notes, inner_width) + margin;
  proj.left = margin;
  proj.top = map_top;
  const bool number_areas = options.number_areas.value_or(boundaries.size() <= 60);

  SvgWriter svg(id, width, height, options.title, options.description);
  DrawTitle(svg, options.title, margin, margin, inner_width);
  // The "not shown" hatch: grey diagonal lines, distinct from every class.
  svg.Open("defs");
  svg.Open("pattern", {{"id", id + "-not-shown"},
                       {"patternUnits", "userSpaceOnUse"},
                       {"width", "6"},
                       {"height", "6"},
                       {"patternTransform", "rotate(45)"}});
  svg.Empty("rect", {{"width", "6"}, {"height", "6"}, {"fill", std::string(kNoDataFill)}});
  svg.Empty("line", {{"x1", "0"},
                     {"y1", "0"},
                     {"x2", "0"},
                     {"y2", "6"},
                     {"stroke", std::string(kNoDataHatch)},
                     {"stroke-width", "2"}});
  svg.Close("pattern");
  svg.Close("defs");
  const std::string not_shown_fill = "url(#" + id + "-not-shown)";

  DataTable table;
  table.title = options.title;
  table.columns = {"Code", "Area", "Value", "Class"};
  if (!options.outlines.empty()) table.columns.push_back("Outline");
  std::vector<int> class_sizes(static_cast<size_t>(std::max(class_count, 0)), 0);
  int not_shown_count = 0;
  svg.Open("g", {{"class", "cradle-map"}, {"stroke", "#ffffff"}, {"stroke-width", "0.75"}});
  std::vector<std::tuple<double, double, std::string, std::string>> numbers;
  for (const geo::Boundary& b : boundaries) {
    auto it = by_code.find(b.code);
    const MapArea* area = it == by_code.end() ? nullptr : it->second;
    const bool shown =
        area && area->value && area->class_index >= 0 && area->class_index < class_count;
    std::string d;
    for (const geo::Ring& ring : b.rings) {
      for (size_t idx = 0; idx < ring.size(); ++idx) {
        d += (idx == 0 ? "M" : "L") + Px(proj.X(ring[idx].first)) + " " +
             Px(proj.Y(ring[idx].second));
      }
      d += "Z";
    }
    std::string name = area && !area->name.empty() ? area->name : b.name;
    std::string fill, class_label, tooltip;
    if (shown) {
      fill = std::string(SequentialFill(area->class_index, class_count));
      class_label = class_labels[static_cast<size_t>(area->class_index)];
      ++class_sizes[static_cast<size_t>(area->class_index)];
      tooltip = name + " (" + b.code + "): " + area->shown + " \u2013 class " +
                std::to_string(area->class_index + 1) + ", " + class_label;
    } else {
      fill = not_shown_fill;
      class_label = "Not shown";
      ++not_shown_count;
      tooltip = name + " (" + b.code + "): " + (area && !area->shown.empty() ? area->shown : "-") +
                " \u2013 not shown";
    }
    Attrs attrs = {{"d", d},
                   {"fill", fill},
                   {"fill-rule", "evenodd"},
                   {"class", "cradle-area"},
                   {"data-code", b.code},
                   {"data-name", name},
                   {"data-value", area && area->value ? ExactNumber(*area->value) : ""},
                   {"data-class", class_label},
                   {"data-class-index", shown ? std::to_string(area->class_index + 1) : ""}};
    if (!options.outlines.empty()) {
      // Which outlines the area is in, for scripts and tests: "1", "2 3", "".
      attrs.emplace_back("data-outline", outline_numbers[b.code]);
      if (!outline_labels[b.code].empty()) tooltip += " \u2013 in " + outline_labels[b.code];
    }
    svg.WithTooltip("path", attrs, tooltip);
    if (number_areas && shown) {
      auto [lon, lat] = geo::Centroid(b);
      numbers.emplace_back(proj.X(lon), proj.Y(lat), std::to_string(area->class_index + 1),
                           std::string(TextColourOn(fill)));
    }
  }
  svg.Close("g");
  if (!options.outlines.empty()) {
    // Over the fills (no neighbour hides a line) and under the class numbers.
    std::map<std::string, const geo::Boundary*> boundary_of;
    for (const geo::Boundary& b : boundaries) boundary_of[b.code] = &b;
    svg.Open("g", {{"class", "cradle-outlines"}});
    for (size_t idx = 0; idx < options.outlines.size(); ++idx) {
      const MapOutline& outline = options.outlines[idx];
      std::vector<const geo::Boundary*> members;
      for (const std::string& code : outline.codes) {
        if (auto found = boundary_of.find(code); found != boundary_of.end()) {
          members.push_back(found->second);
        }
      }
      std::string d = OutlinePath(members, proj);
      if (d.empty()) continue;
      Attrs halo = OutlineStroke(idx, true);
      halo.insert(halo.begin(), {{"d", d}, {"class", "cradle-outline-halo"}});
      svg.Empty("path", halo);
      std::string codes;
      for (const geo::Boundary* member : members) {
        codes += (codes.empty() ? "" : " ") + member->code;
      }
      Attrs line = OutlineStroke(idx, false);
      line.insert(line.begin(), {{"d", d},
                                 {"class", "cradle-outline"},
                                 {"data-outline", std::to_string(idx + 1)},
                                 {"data-label", outline.label},
                                 {"data-codes", codes}});
      svg.WithTooltip("path", line,
                      outline.label + ": " + std::to_string(members.size()) +
                          (members.size() == 1 ? " area" : " areas"));
    }
    svg.Close("g");
  }
  if (!numbers.empty()) {
    // Numbers after all areas so no neighbour paints over them.
    svg.Open("g",
             {{"class", "cradle-area-labels"}, {"font-size", "11"}, {"text-anchor", "middle"}});
    for (const auto& [nx, ny, text, colour] : numbers) {
      svg.Text("text", {{"x", Px(nx)}, {"y", Px(ny + 4)}, {"fill", colour}}, text);
    }
    svg.Close("g");
  }
  for (const MapArea& area : areas) {
    bool shown = area.value && area.class_index >= 0 && area.class_index < class_count;
    std::vector<Cell> row = {Cell(area.code), Cell(area.name)};
    row.push_back(area.value ? Cell(area.shown, *area.value) : Cell(area.shown));
    row.emplace_back(shown ? std::to_string(area.class_index + 1) + ": " +
                                 class_labels[static_cast<size_t>(area.class_index)]
                           : std::string("Not shown"));
    if (!options.outlines.empty()) row.emplace_back(outline_labels[area.code]);
    table.rows.push_back(std::move(row));
  }

  // Legend: a column right of the map, one swatch per class with its number
  // and range, then "not shown".
  const double legend_left =
      margin + map_width + 16 + std::max(0.0, map_width_available - map_width);
  svg.Open("g", {{"class", "cradle-legend"}});
  auto title_lines = WrapText(options.legend_title, legend_width, 12);
  double ly = map_top;
  for (const std::string& line : title_lines) {
    ly += 15;
    svg.Text("text", {{"x", Px(legend_left)}, {"y", Px(ly)}, {"font-weight", "bold"}}, line);
  }
  ly += 8;
  for (int class_idx = 0; class_idx < class_count; ++class_idx) {
    std::string fill(SequentialFill(class_idx, class_count));
    svg.Empty("rect", {{"x", Px(legend_left)},
                       {"y", Px(ly)},
                       {"width", "26"},
                       {"height", "18"},
                       {"fill", fill},
                       {"stroke", std::string(kSecondaryText)},
                       {"stroke-width", "0.5"}});
    svg.Text("text",
             {{"x", Px(legend_left + 13)},
              {"y", Px(ly + 13)},
              {"text-anchor", "middle"},
              {"font-size", "11"},
              {"fill", std::string(TextColourOn(fill))}},
             std::to_string(class_idx + 1));
    svg.Text("text", {{"x", Px(legend_left + 34)}, {"y", Px(ly + 13)}},
             class_labels[static_cast<size_t>(class_idx)] + " (" +
                 std::to_string(class_sizes[static_cast<size_t>(class_idx)]) + ")");
    ly += 22;
  }
  // A legend entry's label right of its swatch, wrapped to the legend's
  // width; the next entry starts below the taller of the two.
  auto label_beside_swatch = [&](const std::string& label) {
    auto lines = WrapText(label, legend_width - 34, 12);
    for (size_t line_idx = 0; line_idx < lines.size(); ++line_idx) {
      svg.Text(
          "text",
          {{"x", Px(legend_left + 34)}, {"y", Px(ly + 13 + 15 * static_cast<double>(line_idx))}},
          lines[line_idx]);
    }
    ly += std::max(22.0, 15 * static_cast<double>(lines.size()) + 7);
  };
  if (not_shown_count > 0) {
    svg.Empty("rect", {{"x", Px(legend_left)},
                       {"y", Px(ly)},
                       {"width", "26"},
                       {"height", "18"},
                       {"fill", not_shown_fill},
                       {"stroke", std::string(kSecondaryText)},
                       {"stroke-width", "0.5"}});
    label_beside_swatch(std::string(kNotShown) + " (" + std::to_string(not_shown_count) + ")");
  }
  for (size_t idx = 0; idx < options.outlines.size(); ++idx) {
    // A short stretch of the outline's line beside its label.
    std::string sample = "M" + Px(legend_left + 1) + " " + Px(ly + 9) + "L" + Px(legend_left + 25) +
                         " " + Px(ly + 9);
    for (bool halo : {true, false}) {
      Attrs attrs = OutlineStroke(idx, halo);
      attrs.insert(attrs.begin(), {"d", sample});
      svg.Empty("path", attrs);
    }
    label_beside_swatch(options.outlines[idx].label);
  }
  svg.Close("g");
  DrawNotes(svg, notes, margin, notes_top, inner_width);
  table.notes = notes;
  return Chart{svg.Finish(), std::move(table)};
}

}  // namespace cradle::charts
