#include "charts/frame.h"

#include <cmath>

namespace cradle::charts {
namespace {

constexpr double kTitleSize = 16;
constexpr double kTitleLine = 20;
constexpr double kNoteSize = 11;
constexpr double kNoteLine = 14;
constexpr double kLegendRow = 20;

}  // namespace

void DrawMarker(SvgWriter& svg, Marker marker, double cx, double cy, double radius,
                std::string_view fill, std::string_view stroke, Attrs attrs,
                std::string_view tooltip) {
  Attrs shape;
  std::string name = "path";
  const double r = radius;
  switch (marker) {
    case Marker::kCircle:
    case Marker::kRing:
      name = "circle";
      shape = {{"cx", Px(cx)}, {"cy", Px(cy)}, {"r", Px(r)}};
      break;
    case Marker::kSquare: {
      double h = r * 0.9;  // equal visual weight to the circle
      shape = {{"d", "M" + Px(cx - h) + " " + Px(cy - h) + "h" + Px(2 * h) + "v" + Px(2 * h) + "h" +
                         Px(-2 * h) + "z"}};
      break;
    }
    case Marker::kDiamond: {
      double h = r * 1.25;
      shape = {{"d", "M" + Px(cx) + " " + Px(cy - h) + "L" + Px(cx + h) + " " + Px(cy) + "L" +
                         Px(cx) + " " + Px(cy + h) + "L" + Px(cx - h) + " " + Px(cy) + "z"}};
      break;
    }
    case Marker::kTriangleUp:
    case Marker::kTriangleDown: {
      double h = r * 1.3;
      double dir = marker == Marker::kTriangleUp ? 1 : -1;
      shape = {{"d", "M" + Px(cx) + " " + Px(cy - dir * h) + "L" + Px(cx + h) + " " +
                         Px(cy + dir * h * 0.75) + "L" + Px(cx - h) + " " +
                         Px(cy + dir * h * 0.75) + "z"}};
      break;
    }
  }
  shape.emplace_back("fill", marker == Marker::kRing ? "#ffffff" : std::string(fill));
  shape.emplace_back("stroke", std::string(stroke));
  shape.emplace_back("stroke-width", marker == Marker::kRing ? "2" : "1");
  shape.insert(shape.end(), attrs.begin(), attrs.end());
  if (tooltip.empty()) {
    svg.Empty(name, shape);
  } else {
    svg.WithTooltip(name, shape, tooltip);
  }
}

double DrawLegend(SvgWriter& svg, const std::vector<LegendItem>& items, double left, double top,
                  double right) {
  if (items.empty()) return 0;
  svg.Open("g", {{"class", "cradle-legend"}});
  double x = left;
  double y = top + kLegendRow / 2;
  for (const LegendItem& item : items) {
    double width = 26 + TextWidth(item.label, 12) + 18;
    if (x + width > right && x > left) {
      x = left;
      y += kLegendRow;
    }
    switch (item.kind) {
      case LegendItem::Kind::kMarker:
        DrawMarker(svg, item.marker, x + 9, y, 5, item.fill, item.stroke);
        break;
      case LegendItem::Kind::kLine:
        svg.Empty("line", {{"x1", Px(x)},
                           {"x2", Px(x + 20)},
                           {"y1", Px(y)},
                           {"y2", Px(y)},
                           {"stroke", item.stroke},
                           {"stroke-width", "2"},
                           {"stroke-dasharray", item.dash.empty() ? "none" : item.dash}});
        break;
      case LegendItem::Kind::kBand:
        svg.Empty("rect", {{"x", Px(x)},
                           {"y", Px(y - 6)},
                           {"width", "20"},
                           {"height", "12"},
                           {"fill", item.fill},
                           {"fill-opacity", ExactNumber(item.opacity)}});
        break;
      case LegendItem::Kind::kSwatch:
        svg.Empty("rect",
                  {{"x", Px(x + 1)},
                   {"y", Px(y - 7)},
                   {"width", "18"},
                   {"height", "14"},
                   {"fill", item.fill},
                   {"stroke", item.stroke.empty() ? std::string(kSecondaryText) : item.stroke}});
        break;
    }
    svg.Text("text", {{"x", Px(x + 26)}, {"y", Px(y + 4)}}, item.label);
    x += width;
  }
  svg.Close("g");
  return y + kLegendRow / 2 - top;
}

std::vector<std::string> WrapText(std::string_view text, double max_width, double font_size) {
  std::vector<std::string> lines;
  std::string line;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t space = text.find(' ', pos);
    if (space == std::string_view::npos) space = text.size();
    std::string_view word = text.substr(pos, space - pos);
    std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (!line.empty() && TextWidth(candidate, font_size) > max_width) {
      lines.push_back(line);
      line = std::string(word);
    } else {
      line = candidate;
    }
    pos = space + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

double MeasureTitle(std::string_view title, double width) {
  return static_cast<double>(WrapText(title, width, kTitleSize).size()) * kTitleLine;
}

double DrawTitle(SvgWriter& svg, std::string_view title, double left, double top, double width) {
  auto lines = WrapText(title, width, kTitleSize);
  for (size_t line_idx = 0; line_idx < lines.size(); ++line_idx) {
    svg.Text("text",
             {{"x", Px(left)},
              {"y", Px(top + kTitleSize + static_cast<double>(line_idx) * kTitleLine)},
              {"font-size", "16"},
              {"font-weight", "bold"},
              {"class", "cradle-title"}},
             lines[line_idx]);
  }
  return static_cast<double>(lines.size()) * kTitleLine;
}

double MeasureNotes(const std::vector<std::string>& notes, double width) {
  double height = 0;
  for (const std::string& note : notes) {
    height += static_cast<double>(WrapText(note, width, kNoteSize).size()) * kNoteLine;
  }
  return height;
}

double DrawNotes(SvgWriter& svg, const std::vector<std::string>& notes, double left, double top,
                 double width) {
  if (notes.empty()) return 0;
  svg.Open("g",
           {{"class", "cradle-notes"}, {"font-size", "11"}, {"fill", std::string(kSecondaryText)}});
  double y = top;
  for (const std::string& note : notes) {
    for (const std::string& line : WrapText(note, width, kNoteSize)) {
      y += kNoteLine;
      svg.Text("text", {{"x", Px(left)}, {"y", Px(y - 3)}}, line);
    }
  }
  svg.Close("g");
  return y - top;
}

}  // namespace cradle::charts
