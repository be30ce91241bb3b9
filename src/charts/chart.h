// What every chart in charts/ returns: a standalone SVG document and the data
// table behind it, which pages show under the chart and offer as CSV/xlsx. A
// chart is never only a picture: everything drawn is also in the table.
#pragma once

#include <string>

#include "charts/data_table.h"

namespace cradle::charts {

struct Chart {
  std::string svg;  // a complete <svg> document (no XML declaration)
  DataTable table;
};

}  // namespace cradle::charts
