// Figures as Cradle prints them, in reports and pages alike: numbers,
// intervals and counts; a value's comparison as the charts colour it; an
// area's value as a bar or a point of a line; the nearest upper-tier
// neighbour of an area; the notes every figure from the indicator engine or
// the records must carry; the table of indicator values behind a chart.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "charts/bar_chart.h"
#include "charts/data_table.h"
#include "charts/line_chart.h"
#include "charts/palette.h"
#include "geo/boundaries.h"
#include "indicators/engine.h"
#include "stats/estimate.h"
#include "workspace/record_scope.h"

namespace cradle::report {

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

// The upper-tier authority whose boundary centroid is nearest the area's
// (Leicestershire for Leicester): the "county neighbour" beside which the
// pages show an area. Empty if the area has no boundary.
std::optional<std::string> NearestNeighbour(const indicators::Engine& engine,
                                            const std::vector<geo::Boundary>& upper_tier,
                                            const std::string& area_code);

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

}  // namespace cradle::report
