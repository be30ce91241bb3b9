// The indicator catalogue: each indicator's definition as data
// (data/indicators.json), not code — id, name, numerator and denominator
// measures, multiplier, CI method (from the value type), polarity, pooling,
// disclosure rule, comparator and the datasets it may be computed from. See
// docs/indicators.md for the file's fields.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "stats/benchmark_comparison.h"

namespace cradle::indicators {

enum class ValueType {
  kCrudeRate,   // CIs: exact Poisson below 10 events, Byar from 10
  kProportion,  // CIs: Wilson score
};

struct Indicator {
  std::string id;             // e.g. infant-mortality
  std::string fingertips_id;  // e.g. 92196; empty where Fingertips has no same indicator
  std::string name;
  std::string definition;
  std::vector<std::string> numerator;    // measures summed
  std::vector<std::string> denominator;  // measures summed
  double multiplier = 1;
  std::string unit;  // e.g. "per 1,000 live births"
  ValueType value_type = ValueType::kCrudeRate;
  stats::Polarity polarity = stats::Polarity::kLowIsGood;
  std::vector<int> pooling;          // period lengths in years, e.g. {1, 3}
  std::vector<std::string> sources;  // dataset ids by area, in order of preference
  // Datasets by category (ethnic group, deprivation decile), used only for
  // breakdowns; their all-groups rows serve as the breakdowns' comparator.
  std::vector<std::string> breakdown_sources;
  std::string comparator_area;   // GSS code, England by default
  int unreliable_below = 20;     // ONS: rates from fewer than 20 events are unreliable
  int disclosure_min_count = 5;  // counts 1 to min-1 are suppressed for local areas
  int decimals = 1;

  // The id Fingertips exports use where there is one, else Cradle's own.
  const std::string& ExportId() const { return fingertips_id.empty() ? id : fingertips_id; }
  std::string_view CiMethodLabel() const;  // "Byar's method (exact below 10)" / "Wilson score"
};

class Catalogue {
 public:
  // Reads and validates the catalogue file. InvalidData naming the file, the
  // indicator and the field for anything missing or malformed.
  static Result<Catalogue> Load(const std::string& path);

  const std::vector<Indicator>& indicators() const { return indicators_; }

  // Lists of measures where the first is the sum of the rest (infant deaths =
  // neonatal + post-neonatal): the disclosure rule hides a family's parts
  // together so no hidden count is recovered by subtraction.
  const std::vector<std::vector<std::string>>& disclosure_families() const {
    return disclosure_families_;
  }
  int disclosure_min_count() const { return disclosure_min_count_; }

  // By Cradle id or Fingertips id. NotFound listing the nearest ids.
  Result<const Indicator*> Find(std::string_view id) const;

 private:
  std::vector<Indicator> indicators_;
  std::vector<std::vector<std::string>> disclosure_families_;
  int disclosure_min_count_ = 5;
};

// data/indicators.json under the compiled-in data directory.
std::string DefaultCataloguePath();

}  // namespace cradle::indicators
