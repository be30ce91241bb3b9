// The parts around a chart's plot that every chart draws the same way: the
// title, the legend (shape + colour + words, so nothing depends on colour
// alone), the notes under the plot, and the marker shapes themselves.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "charts/palette.h"
#include "charts/svg.h"

namespace cradle::charts {

// Draws `marker` centred at (cx, cy) with half-width `radius`. `attrs` are
// added (class, data-*); `tooltip`, when not empty, becomes a <title> child.
void DrawMarker(SvgWriter& svg, Marker marker, double cx, double cy, double radius,
                std::string_view fill, std::string_view stroke, Attrs attrs = {},
                std::string_view tooltip = {});

struct LegendItem {
  enum class Kind { kMarker, kLine, kBand, kSwatch };
  Kind kind = Kind::kMarker;
  std::string label;
  Marker marker = Marker::kCircle;
  std::string fill;    // marker, band or swatch fill (may be "url(#...)")
  std::string stroke;  // marker outline or line colour
  std::string dash;    // stroke-dasharray for lines, empty for solid
  double opacity = 1;  // band fill-opacity
};

// Lays the items out left to right from (left, top), wrapping at `right`.
// Returns the height used (0 for no items).
double DrawLegend(SvgWriter& svg, const std::vector<LegendItem>& items, double left, double top,
                  double right);

// Splits `text` at spaces into lines no wider than `max_width` at
// `font_size` (a single long word stays whole).
std::vector<std::string> WrapText(std::string_view text, double max_width, double font_size);

// The chart title (bold, 16px), wrapped to `width`, from baseline `top`.
// Returns the height used.
double DrawTitle(SvgWriter& svg, std::string_view title, double left, double top, double width);

// Notes in small grey text, one paragraph each, wrapped to `width`; returns
// the height used. MeasureNotes gives the same height without drawing.
double DrawNotes(SvgWriter& svg, const std::vector<std::string>& notes, double left, double top,
                 double width);
double MeasureNotes(const std::vector<std::string>& notes, double width);
double MeasureTitle(std::string_view title, double width);

}  // namespace cradle::charts
