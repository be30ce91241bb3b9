// What the reviews say: the modifiable factors the panel recorded, ranked by
// how many completed reviews they appear in, as a share of completed reviews
// with a Wilson 95% interval — overall, by category of death and by the year
// the panel completed the review (April to March, as NCMD reports) — and the
// two flags (sudden unexpected death, assisted conception overseas) beside
// them. A factor or flag whose share has risen over the five most recent
// years, by Fingertips' recent-trend test for proportions (stats/trend.h), is
// marked rising.
//
// Under a small-number rule (min_count > 1, for anyone without the CDOP
// role) a count from 1 to min_count-1 and its share are hidden, and the
// categories of death are shown only where that hides nothing: categories
// with few completed reviews are pooled into "Other categories" until every
// shown group, the pool included, is empty or at least min_count.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "records/review_record.h"
#include "stats/estimate.h"
#include "stats/trend.h"

namespace cradle::cdop {

struct FactorShare {
  std::string code;  // a factor code, or "FLAG.SUDDEN_UNEXPECTED" / "FLAG.OVERSEAS_IVF"
  std::string name;
  char domain = 0;                         // 'A'..'D'; 0 for a flag
  int64_t reviews_with = 0;                // completed reviews where it is modifiable (flag: Y)
  bool hidden = false;                     // small count: reviews_with and percent not shown
  std::optional<stats::Estimate> percent;  // of the group's completed reviews
  int rank = 0;                            // 1 the most frequent; ties share a rank
  stats::TrendMarker trend = stats::TrendMarker::kCannotBeCalculated;  // overall only

  bool Rising() const { return trend == stats::TrendMarker::kIncreasing; }
};

struct FactorGroup {
  std::string label;  // "All completed reviews", "8 Perinatal/neonatal event", "2023/24"
  int64_t reviews = 0;
  bool reviews_hidden = false;
  int64_t with_modifiable = 0;  // reviews whose judgement is "modifiable factors identified"
  std::optional<stats::Estimate> modifiable_percent;
  std::vector<FactorShare> factors;  // modifiable factors found, most frequent first
  std::vector<FactorShare> flags;    // sudden unexpected, overseas IVF
};

struct FactorRanking {
  FactorGroup overall;
  std::vector<FactorGroup> by_category;  // by category code; pooled last
  std::vector<FactorGroup> by_year;      // oldest first
  int64_t open_reviews = 0;              // notified, panel not yet held
  bool open_reviews_hidden = false;      // from 1 to min_count - 1: not shown
  std::optional<records::Date> first_panel, last_panel;
  int min_count = 1;
  bool synthetic = false;  // every review id is synthetic
};

struct RankingOptions {
  int min_count = 1;  // the small-number rule; 1 (or less): nothing hidden
  double confidence = 0.95;
};

// The open reviews as a published line gives them: "25", or "fewer than 5"
// under the small-number rule.
std::string OpenReviewsText(const FactorRanking& ranking);

// "2023/24" for a date from 1 April 2023 to 31 March 2024.
std::string FinancialYear(const records::Date& date);

FactorRanking RankFactors(const std::vector<records::ReviewRecord>& reviews,
                          const RankingOptions& options);

}  // namespace cradle::cdop
