// Sources of the colour values:
// - Comparisons: dhsc-govuk/FingertipsNext, frontend/fingertips-frontend/lib/
//   styleHelpers/colours.ts (GovukColours) as used by its benchmark label
//   configuration: Better = Green #00703C, Similar = Yellow #FFDD00, Worse =
//   Red #D4351C, Lower = LightBlue #5694CA, Higher = DarkBlue #003078, Not
//   compared = transparent with a #0B0C0C outline (white here).
// - Sequential: ColorBrewer 2.0 "Blues" (Cynthia Brewer, colorbrewer2.org),
//   rated colour-blind safe and print friendly; lightness rises monotonically
//   so the order also reads in greyscale.
// - Series: Government Analysis Function categorical palette (afcolours R
//   package, af_colours("categorical")), tested for colour-blind readers.
// - SPC: NHSRplotthedots ptd_spc_colours(): common cause #7B7D7D,
//   improvement #289DE0, concern #FAB428, neutral special cause #361475.
#include "charts/palette.h"

#include <algorithm>
#include <cmath>

namespace cradle::charts {

std::string_view ComparisonLabel(Comparison comparison) {
  switch (comparison) {
    case Comparison::kBetter:
      return "Better";
    case Comparison::kSimilar:
      return "Similar";
    case Comparison::kWorse:
      return "Worse";
    case Comparison::kLower:
      return "Lower";
    case Comparison::kHigher:
      return "Higher";
    case Comparison::kNotCompared:
      return "Not compared";
  }
  return "Not compared";
}

std::string_view ComparisonFill(Comparison comparison) {
  switch (comparison) {
    case Comparison::kBetter:
      return "#00703c";
    case Comparison::kSimilar:
      return "#ffdd00";
    case Comparison::kWorse:
      return "#d4351c";
    case Comparison::kLower:
      return "#5694ca";
    case Comparison::kHigher:
      return "#003078";
    case Comparison::kNotCompared:
      return "#ffffff";
  }
  return "#ffffff";
}

std::string_view ComparisonStroke(Comparison comparison) {
  // Yellow and white vanish on white paper without a dark outline.
  switch (comparison) {
    case Comparison::kSimilar:
      return "#594d00";
    case Comparison::kNotCompared:
      return "#0b0c0c";
    default:
      return "#0b0c0c";
  }
}

Marker ComparisonMarker(Comparison comparison) {
  switch (comparison) {
    case Comparison::kBetter:
      return Marker::kCircle;
    case Comparison::kSimilar:
      return Marker::kDiamond;
    case Comparison::kWorse:
      return Marker::kSquare;
    case Comparison::kLower:
      return Marker::kTriangleDown;
    case Comparison::kHigher:
      return Marker::kTriangleUp;
    case Comparison::kNotCompared:
      return Marker::kRing;
  }
  return Marker::kRing;
}

std::string_view SequentialFill(int class_index, int class_count) {
  static constexpr std::string_view kBlues[7][7] = {
      {"#6baed6"},
      {"#bdd7e7", "#3182bd"},
      {"#deebf7", "#9ecae1", "#3182bd"},
      {"#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"},
      {"#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"},
      {"#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"},
      {"#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"},
  };
  int count = std::clamp(class_count, 1, 7);
  int index = std::clamp(class_index, 0, count - 1);
  return kBlues[count - 1][index];
}

std::string_view SeriesColour(int series_index) {
  static constexpr std::string_view kCategorical[] = {"#12436d", "#28a197", "#801650",
                                                      "#f46a25", "#3d3d3d", "#a285d1"};
  return kCategorical[static_cast<size_t>(std::abs(series_index)) % 6];
}

Marker SeriesMarker(int series_index) {
  static constexpr Marker kMarkers[] = {Marker::kCircle,       Marker::kSquare,
                                        Marker::kDiamond,      Marker::kTriangleUp,
                                        Marker::kTriangleDown, Marker::kRing};
  return kMarkers[static_cast<size_t>(std::abs(series_index)) % 6];
}

namespace {

double Channel(std::string_view hex, size_t offset) {
  auto digit = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
  };
  if (hex.size() != 7) return 0;
  double srgb = (digit(hex[offset]) * 16 + digit(hex[offset + 1])) / 255.0;
  return srgb <= 0.04045 ? srgb / 12.92 : std::pow((srgb + 0.055) / 1.055, 2.4);
}

double Luminance(std::string_view hex) {
  return 0.2126 * Channel(hex, 1) + 0.7152 * Channel(hex, 3) + 0.0722 * Channel(hex, 5);
}

}  // namespace

double ContrastRatio(std::string_view colour_a, std::string_view colour_b) {
  double a = Luminance(colour_a), b = Luminance(colour_b);
  return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

std::string_view TextColourOn(std::string_view fill) {
  return ContrastRatio(fill, kText) >= ContrastRatio(fill, "#ffffff") ? kText : "#ffffff";
}

}  // namespace cradle::charts
