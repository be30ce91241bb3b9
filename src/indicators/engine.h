// Computes indicator values from the store's aggregate counts: any indicator ×
// area × period (a single year or years pooled) × breakdown, with 95% and
// 99.8% intervals, the comparison with England (Better / Similar / Worse,
// polarity aware), the rank among English upper-tier authorities, the ONS
// small-number reliability note and the disclosure rule.
//
// Pooling never crosses datasets: a period is computed from the first of the
// indicator's sources that holds all of its years, so deaths registered
// (2010-17) and deaths occurring (2020-22) are never mixed.
//
// Not thread-safe: rankings and England's values are cached on first use.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "indicators/catalogue.h"
#include "indicators/count_cube.h"
#include "indicators/value.h"
#include "store/store.h"

namespace cradle::indicators {

struct EngineOptions {
  // Counts from 1 to this minus one are hidden for local areas; 0 or 1 turns
  // the rule off. Defaults to the catalogue's.
  std::optional<int> disclosure_min_count;
  // Overrides every indicator's ONS reliability threshold (20 events).
  std::optional<int> unreliable_below;
};

class Engine {
 public:
  Engine(const Catalogue& catalogue, std::vector<store::Area> areas,
         std::vector<store::Dataset> datasets, const std::vector<store::AggregateCount>& counts,
         EngineOptions options = {});

  // Reads areas, datasets and counts from `store`.
  static Result<std::unique_ptr<Engine>> FromStore(store::Store& store, const Catalogue& catalogue,
                                                   EngineOptions options = {});

  const Catalogue& catalogue() const { return catalogue_; }
  const std::vector<store::Area>& areas() const { return areas_; }

  const store::Area* FindArea(std::string_view code) const;
  const store::Dataset* FindDataset(std::string_view id) const;

  // An area by GSS code or exact name (case-insensitive). NotFound with the
  // nearest names and codes.
  Result<const store::Area*> ResolveArea(std::string_view text) const;

  // Areas whose name or code contains `text` (case-insensitive), best first;
  // if none does, the nearest by spelling.
  std::vector<const store::Area*> SearchAreas(std::string_view text, size_t limit = 20) const;

  // The periods an indicator can be computed for, over all its sources.
  std::vector<Period> Periods(const Indicator& indicator) const;

  // Checks a period against every indicator's data: NotFound listing the
  // periods that exist if none has it.
  Status CheckPeriod(const Period& period) const;

  // The value of `indicator` for one area, period and breakdown, with
  // comparison, rank and disclosure applied. A value that cannot be computed
  // (no source holds every year, a suppressed count) comes back with
  // `unavailable` saying why, not as an error.
  IndicatorValue Compute(const Indicator& indicator, const std::string& area_code,
                         const Period& period, const Breakdown& breakdown = {}) const;

  // Every upper-tier authority with data for the period, highest value first.
  // Areas whose value cannot be computed are left out; a suppressed value
  // keeps its rank but shows nothing else.
  std::vector<IndicatorValue> Rank(const Indicator& indicator, const Period& period) const;

  // Every indicator for one area and period, in catalogue order.
  std::vector<IndicatorValue> Profile(const std::string& area_code, const Period& period) const;

  // The breakdowns (e.g. ethnic groups) a dataset holds for the indicator.
  std::vector<Breakdown> Breakdowns(const Indicator& indicator, const Period& period) const;

  // Attribution lines of the datasets behind `values`, without repeats.
  std::vector<std::string> Attributions(const std::vector<IndicatorValue>& values) const;

 private:
  // The dataset that holds every year of `period` for the indicator's
  // measures, or an explanation of why none does.
  Result<const store::Dataset*> SourceFor(const Indicator& indicator, const Period& period,
                                          const std::string& area_code,
                                          const Breakdown& breakdown) const;
  // Count, denominator and both intervals; no comparison, rank or disclosure.
  IndicatorValue ComputeRaw(const Indicator& indicator, const std::string& area_code,
                            const Period& period, const Breakdown& breakdown) const;
  // The same from a given dataset.
  IndicatorValue ComputeIn(const std::string& dataset_id, const Indicator& indicator,
                           const std::string& area_code, const Period& period,
                           const Breakdown& breakdown) const;
  const Block* BlockOf(const std::string& dataset_id, const std::string& area_code,
                       const Breakdown& breakdown) const;
  bool IsHidden(const IndicatorValue& value) const;
  void Compare(IndicatorValue& value) const;
  // Every upper-tier authority's value for the period from one dataset,
  // ranked, cached on first use.
  struct Ranking {
    std::vector<IndicatorValue> values;  // highest first, suppressed last
    std::unordered_map<std::string, size_t> by_area;
  };
  const Ranking& RankingFor(const Indicator& indicator, const Period& period,
                            const std::string& dataset_id) const;

  const Catalogue& catalogue_;
  std::vector<store::Area> areas_;
  std::vector<store::Dataset> datasets_;
  CountCube cube_;
  EngineOptions options_;
  std::map<std::string, size_t> area_index_;
  // The datasets holding every year and measure of an indicator's period,
  // in order of preference (areas are checked per call).
  const std::vector<const store::Dataset*>& Candidates(const Indicator& indicator,
                                                       const Period& period, bool all_people) const;

  // Caches are keyed by indicator, dataset, period and whether for all people.
  using CacheKey = std::tuple<const Indicator*, const store::Dataset*, int, int, bool>;
  mutable std::map<CacheKey, Ranking> rank_cache_;
  mutable std::map<CacheKey, IndicatorValue> comparator_cache_;  // England's value
  mutable std::map<CacheKey, std::vector<const store::Dataset*>> candidate_cache_;
  mutable std::map<CacheKey, std::string> unavailable_cache_;  // why no dataset serves
};

}  // namespace cradle::indicators
