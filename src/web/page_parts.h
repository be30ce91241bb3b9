// What the page builders share: the figures as reports print them
// (report/figures.h), the area and period choices, an area's nearest
// neighbour among the app's boundaries, and the spine chart of a profile.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/bar_chart.h"
#include "charts/line_chart.h"
#include "charts/palette.h"
#include "indicators/engine.h"
#include "report/figures.h"
#include "stats/estimate.h"
#include "web/app.h"
#include "web/page.h"
#include "web/params.h"

namespace cradle::web {
using report::AreaBar;
using report::AreaName;
using report::BoundaryAttributions;
using report::ComparisonOf;
using report::Count;
using report::CountCell;
using report::EngineNotes;
using report::EstimateCell;
using report::EstimatePart;
using report::Interval;
using report::LinePointOf;
using report::NearestNeighbour;
using report::Number;
using report::NumberCell;
using report::RecordNotes;
using report::ValuesTable;

// Every English upper-tier authority in the data, by name.
Choice AreaChoice(const indicators::Engine& engine, const std::string& selected);
// The indicator's periods of `years` years (all lengths when 0), latest first.
Choice PeriodChoice(const indicators::Engine& engine, const indicators::Indicator& indicator,
                    const std::string& selected, int years = 3);

// A Fingertips-style spine chart of a profile: each indicator's value against
// the lowest, quartiles and highest of the upper-tier authorities ("" when no
// indicator has the figures).
std::string SpineChartFor(const AppData& data, const std::string& area_code,
                          const indicators::Period& period,
                          const std::vector<indicators::IndicatorValue>& profile);

// The nearest upper-tier authority with data among the app's boundaries.
std::optional<std::string> NearestNeighbour(const AppData& data, const std::string& area_code);

}  // namespace cradle::web
