// The measures that show whether the plan works, computed from what the
// store holds (DOMAIN.md §4, §5): maternity measures from the birth and
// booking records, infant mortality from the death records, casework counts
// (safer-sleep assessments, safe sleep spaces delivered) and the share of
// completed child death reviews with a given modifiable factor. Each is a
// series by year with its polarity, so a page can say whether the needle
// moves: Fingertips' recent-trend test on the five latest years, worded
// "improving" or "getting worse" by polarity. A measure with no source in
// Cradle yet (breastfeeding at 6-8 weeks) says so rather than showing
// nothing.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "stats/estimate.h"
#include "stats/polarity.h"
#include "stats/trend.h"
#include "store/store.h"

namespace cradle::plan {

struct MeasureDefinition {
  std::string_view id;
  std::string_view name;
  std::string_view unit;  // "%", "per 1,000 live births", "count"
  stats::Polarity polarity;
  std::string_view source;  // where it comes from, or why there is none yet
  bool available = true;
};

std::span<const MeasureDefinition> MeasureDefinitions();
const MeasureDefinition* FindMeasure(std::string_view id);

struct MeasurePoint {
  std::string period;  // "2023", or "2023/24" for reviews
  int64_t count = 0;
  int64_t denominator = 0;  // 0 for a count measure
  std::optional<stats::Estimate> value;
  // The small-number rule hides a count from 1 to min_count - 1: count is
  // then 0 and value empty; the denominator stays.
  bool hidden = false;
};

struct MeasureSeries {
  const MeasureDefinition* definition = nullptr;
  std::vector<MeasurePoint> points;  // oldest first
  stats::TrendMarker trend = stats::TrendMarker::kCannotBeCalculated;
  std::string needle;  // "Improving", "Getting worse", "No significant change", "Not enough data",
                       // "No data in Cradle yet"
  bool synthetic = false;  // made from synthetic records
};

// Every measure's series from `store`, in MeasureDefinitions() order. The
// needle is read from every count; then each point whose count is from 1 to
// `min_count` - 1 is hidden (min_count 1 or less hides nothing), as every
// public page, download and report needs.
Result<std::vector<MeasureSeries>> ComputeMeasures(store::Store& store, int min_count);

}  // namespace cradle::plan
