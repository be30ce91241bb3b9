// A choropleth map of areas (wards, LSOAs, local authorities) from their
// boundaries: each area filled by its value class from a sequential ramp
// (ColorBrewer Blues), optionally numbered by class so the map reads without
// colour, and areas with no value or a suppressed one hatched grey as "not
// shown" — never coloured as if they were low. Also the helpers that make
// quantile or fixed-break classes. The caller decides the classes; the map
// only draws them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/chart.h"
#include "geo/boundaries.h"

namespace cradle::charts {

struct MapArea {
  std::string code;  // joins to geo::Boundary::code, e.g. "E05010458"
  std::string name;  // e.g. "Abbey"
  std::optional<double> value;
  int class_index = -1;  // 0-based into the class labels; -1 (or out of range): not shown
  std::string shown;     // value as displayed, e.g. "7.2", or "*" when suppressed
};

// Classes over a value range. A value equal to a break belongs to the class
// above it.
struct Classification {
  std::vector<double> breaks;       // ascending, one fewer than the classes
  std::vector<std::string> labels;  // one per class, e.g. "3.1 – 4.5"
  int ClassOf(double value) const;
};

// Quantile classes: breaks at the k/count quantiles of `values` (linear
// interpolation, R type 7); equal breaks are merged, so there may be fewer
// classes than asked when values repeat. Labels run from the smallest to the
// largest value. No values: no classes.
Classification QuantileClasses(std::vector<double> values, int count, int decimals);

// Classes at fixed breaks (sorted here): "Under b1", "b1 – b2", ...,
// "b_n and over".
Classification FixedBreakClasses(std::vector<double> breaks, int decimals);

// Areas drawn around on top of the fills, e.g. the members of a cluster: one
// line round the outside of the group (edges two members share are left out,
// so a block of areas reads as one place), each group in its own line pattern
// (solid, dashed, dotted, ...) so groups tell apart without colour, and named
// in the legend and in the table's Outline column.
struct MapOutline {
  std::string label;               // e.g. "Cluster 1 (most likely)"
  std::vector<std::string> codes;  // the areas, joined to geo::Boundary::code
};

struct ChoroplethOptions {
  std::string id;
  std::string title;
  std::string description;
  std::string legend_title;  // e.g. "Infant deaths per 1,000 live births"
  // Class numbers drawn on the areas: unset = when there are 60 areas or
  // fewer (wards yes, 200 LSOAs no).
  std::optional<bool> number_areas;
  std::vector<std::string> notes;  // must include the OS and ONS attribution lines
  std::vector<MapOutline> outlines;
  double width = 720;
  double max_map_height = 560;
};

// Draws every boundary in `boundaries`, in that order, filled by the class of
// the MapArea with the same code; a boundary with no MapArea is "not shown".
// A MapArea with no boundary is listed in the notes. Table columns: Code,
// Area, Value, Class, and Outline (the labels of the outlines an area is in)
// when there are outlines.
Chart Choropleth(const ChoroplethOptions& options, const std::vector<MapArea>& areas,
                 const std::vector<geo::Boundary>& boundaries,
                 const std::vector<std::string>& class_labels);

}  // namespace cradle::charts
