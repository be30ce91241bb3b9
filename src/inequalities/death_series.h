// Infant deaths month by month or quarter by quarter, as a statistical
// process control (XmR) chart with the four "Making Data Count" rules
// (stats/spc.h): is this month's count within the usual variation, or a
// special cause? Deaths are counted by date of death; fewer deaths is
// improvement.
//
// By default the series covers the years in which every death can be in the
// records: from the second year of births (a death in the first year may be
// of a baby born before the records begin) to the last. The chart follows
// NHS England's Making Data Count tool (MakingDataCountToolOptions); the
// NHSRplotthedots settings are an option. docs/methods.md gives both.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "inequalities/mortality.h"
#include "inequalities/record_frame.h"
#include "stats/spc.h"

namespace cradle::inequalities {

enum class SeriesInterval { kMonth, kQuarter };
Result<SeriesInterval> ParseSeriesInterval(std::string_view name);  // month, quarter

enum class SpcRules { kMakingDataCount, kNhsrPlotTheDots };
Result<SpcRules> ParseSpcRules(std::string_view name);  // mdc, nhsrplotthedots
std::string_view SpcRulesName(SpcRules rules);

struct SeriesPoint {
  std::string label;  // "2023-04" or "2023 Q2"
  int64_t deaths = 0;
  bool hidden = false;  // by the disclosure rule
};

struct DeathSpcOptions {
  DeathMeasure measure = DeathMeasure::kInfant;
  SeriesInterval interval = SeriesInterval::kMonth;
  std::optional<int> first_year;  // default: the second year of births
  std::optional<int> last_year;   // default: the last year of births
  SpcRules rules = SpcRules::kMakingDataCount;
  int disclosure_min_count = 5;
};

struct DeathSpc {
  DeathSpcOptions options;
  int first_year = 0;
  int last_year = 0;
  std::vector<SeriesPoint> points;
  stats::SpcChart chart;
  std::vector<std::string> notes;
};

// InvalidArgument if the store has no births, the years are outside the
// records or run backwards, or the chart cannot be drawn (e.g. too few points
// under the Making Data Count rules, with the reason).
Result<DeathSpc> DeathsSpc(const RecordFrame& frame, const DeathSpcOptions& options);

}  // namespace cradle::inequalities
