// What the page builders share: numbers as the pages print them, a value's
// comparison as the charts colour it, the area and period choices, the
// nearest neighbour of an area, and the notes under figures from the
// indicator engine or the records.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/bar_chart.h"
#include "charts/line_chart.h"
#include "charts/palette.h"
#include "indicators/engine.h"
#include "stats/estimate.h"
#include "web/app.h"
#include "web/page.h"
#include "web/params.h"

namespace cradle::web {

// 7.2; "-" when empty.
std::string Number(std::optional<double> value, int decimals);
// "5.8 – 8.8"; "" when empty.
std::string Interval(const std::optional<stats::Estimate>& estimate, int decimals);
// 13,006
std::string Count(double value);
charts::Cell NumberCell(std::optional<double> value, int decimals,
                        const std::string& missing = "-");

// One part of an estimate as a table cell; `missing` when there is none.
enum class EstimatePart { kValue, kLower, kUpper };
charts::Cell EstimateCell(const std::optional<stats::Estimate>& estimate, EstimatePart part,
                          int decimals, const std::string& missing = "-");
// A count as a cell with thousands separators; "*" when the small-number rule
// hides it.
charts::Cell CountCell(double count, bool hidden);

charts::Comparison ComparisonOf(const indicators::IndicatorValue& value);

// An area's value as a bar (with its 95% interval and comparison) and as a
// point of a line; "*" in the table when suppressed.
charts::Bar AreaBar(const indicators::Engine& engine, const indicators::IndicatorValue& value,
                    const std::string& highlight_code);
charts::LinePoint LinePointOf(const indicators::IndicatorValue& value);

// Every English upper-tier authority in the data, by name.
Choice AreaChoice(const indicators::Engine& engine, const std::string& selected);
// The indicator's periods of `years` years (all lengths when 0), latest first.
Choice PeriodChoice(const indicators::Engine& engine, const indicators::Indicator& indicator,
                    const std::string& selected, int years = 3);

// The upper-tier authority whose boundary centroid is nearest the area's
// (Leicestershire for Leicester): the "county neighbour" beside which the
// pages show an area. Empty if the area has no boundary.
std::optional<std::string> NearestNeighbour(const AppData& data, const std::string& area_code);

// The name of an area code, or the code.
std::string AreaName(const indicators::Engine& engine, const std::string& code);

// Notes under figures from the engine: the attributions of the values'
// datasets and the small-number rule.
std::vector<std::string> EngineNotes(const indicators::Engine& engine,
                                     const std::vector<indicators::IndicatorValue>& values);
// The attribution lines of the bundled boundaries (OS and ONS), for maps and
// anything placed by them.
std::vector<std::string> BoundaryAttributions();
// Notes under figures from the records: the synthetic-data notice, the
// small-number rule and the attributions.
std::vector<std::string> RecordNotes(const workspace::RecordScope& records,
                                     const std::vector<std::string>& extra = {});

// The rows of a table of indicator values (area, value, CIs, count,
// denominator, England, compared, rank).
charts::DataTable ValuesTable(const indicators::Engine& engine, const std::string& title,
                              const std::vector<indicators::IndicatorValue>& values,
                              bool name_indicator);

// A Fingertips-style spine chart of a profile: each indicator's value against
// the lowest, quartiles and highest of the upper-tier authorities ("" when no
// indicator has the figures).
std::string SpineChartFor(const AppData& data, const std::string& area_code,
                          const indicators::Period& period,
                          const std::vector<indicators::IndicatorValue>& profile);

}  // namespace cradle::web
