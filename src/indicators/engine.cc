#include "indicators/engine.h"

#include <algorithm>
#include <set>

#include "base/strings.h"
#include "geo/area_type.h"
#include "stats/proportion.h"
#include "stats/rate.h"

namespace cradle::indicators {
namespace {

std::string JoinYears(const std::set<int>& years) {
  if (years.empty()) return "no years";
  return std::to_string(*years.begin()) + "-" + std::to_string(*years.rbegin());
}

// Local areas are subject to the disclosure rule; England, regions and
// countries are not.
bool IsLocalArea(const std::string& code) {
  auto type = geo::AreaTypeFromCode(code);
  if (!type.ok()) return true;
  switch (*type) {
    case geo::AreaType::kEnglandAndWales:
    case geo::AreaType::kCountry:
    case geo::AreaType::kRegion:
      return false;
    default:
      return true;
  }
}

}  // namespace

Engine::Engine(const Catalogue& catalogue, std::vector<store::Area> areas,
               std::vector<store::Dataset> datasets,
               const std::vector<store::AggregateCount>& counts, EngineOptions options)
    : catalogue_(catalogue),
      areas_(std::move(areas)),
      datasets_(std::move(datasets)),
      cube_(counts),
      options_(options) {
  for (size_t idx = 0; idx < areas_.size(); ++idx) area_index_[areas_[idx].code] = idx;
}

Result<std::unique_ptr<Engine>> Engine::FromStore(store::Store& store, const Catalogue& catalogue,
                                                  EngineOptions options) {
  CRADLE_ASSIGN_OR_RETURN(auto areas, store.Areas());
  CRADLE_ASSIGN_OR_RETURN(auto datasets, store.Datasets());
  CRADLE_ASSIGN_OR_RETURN(auto counts, store.Counts());
  return std::make_unique<Engine>(catalogue, std::move(areas), std::move(datasets), counts,
                                  options);
}

const store::Area* Engine::FindArea(std::string_view code) const {
  auto it = area_index_.find(std::string(code));
  return it == area_index_.end() ? nullptr : &areas_[it->second];
}

const store::Dataset* Engine::FindDataset(std::string_view id) const {
  for (const store::Dataset& dataset : datasets_) {
    if (dataset.id == id) return &dataset;
  }
  return nullptr;
}

Result<const store::Area*> Engine::ResolveArea(std::string_view text) const {
  std::string wanted(Trim(text));
  if (const store::Area* area = FindArea(wanted)) return area;
  std::string lower = ToLower(wanted);
  for (const store::Area& area : areas_) {
    if (ToLower(area.name) == lower) return &area;
  }
  std::string message = "no area '" + wanted + "' in the data. Nearest: ";
  std::vector<const store::Area*> nearest = SearchAreas(wanted, 3);
  for (size_t idx = 0; idx < nearest.size(); ++idx) {
    message += (idx ? ", " : "") + nearest[idx]->name + " (" + nearest[idx]->code + ")";
  }
  message += ". 'cradle areas TEXT' searches by name or code.";
  return Status::NotFound(message);
}

std::vector<const store::Area*> Engine::SearchAreas(std::string_view text, size_t limit) const {
  std::string needle = ToLower(Trim(text));
  std::vector<std::pair<size_t, const store::Area*>> scored;
  for (const store::Area& area : areas_) {
    std::string name = ToLower(area.name);
    std::string code = ToLower(area.code);
    size_t score;
    if (name == needle || code == needle) {
      score = 0;
    } else if (StartsWith(name, needle) || StartsWith(code, needle)) {
      score = 1;
    } else if (name.find(needle) != std::string::npos) {
      score = 2;
    } else {
      continue;
    }
    scored.emplace_back(score, &area);
  }
  if (scored.empty()) {
    for (const store::Area& area : areas_) {
      size_t by_name = EditDistance(needle, ToLower(area.name));
      size_t by_code = EditDistance(needle, ToLower(area.code));
      scored.emplace_back(10 + std::min(by_name, by_code), &area);
    }
  }
  // Equally good matches: larger areas first (an authority before its wards,
  // a ward before its LSOAs), then by name.
  auto level = [](const store::Area& area) {
    if (area.type == "Ward") return 1;
    if (area.type == "MSOA") return 2;
    if (area.type == "LSOA") return 3;
    return 0;
  };
  std::stable_sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    if (level(*a.second) != level(*b.second)) return level(*a.second) < level(*b.second);
    return a.second->name < b.second->name;
  });
  std::vector<const store::Area*> out;
  for (size_t idx = 0; idx < scored.size() && out.size() < limit; ++idx) {
    out.push_back(scored[idx].second);
  }
  return out;
}

std::vector<Period> Engine::Periods(const Indicator& indicator) const {
  std::set<Period> periods;
  for (const std::string& source : indicator.sources) {  // the tables by area
    const std::set<int>& years = cube_.Years(source);
    for (int length : indicator.pooling) {
      for (int first : years) {
        Period period{first, length};
        bool all = true;
        for (int year = first; year <= period.last_year(); ++year) all &= years.count(year) > 0;
        if (all) periods.insert(period);
      }
    }
  }
  return {periods.begin(), periods.end()};
}

Status Engine::CheckPeriod(const Period& period) const {
  std::set<Period> known;
  for (const Indicator& indicator : catalogue_.indicators()) {
    for (const Period& candidate : Periods(indicator)) {
      if (candidate == period) return Status::Ok();
      known.insert(candidate);
    }
  }
  std::string message = "no data for period " + period.Label() + ". Periods in the data: ";
  bool first = true;
  for (const Period& candidate : known) {
    message += (first ? "" : ", ") + candidate.Label();
    first = false;
  }
  return Status::NotFound(message);
}

const std::vector<const store::Dataset*>& Engine::Candidates(const Indicator& indicator,
                                                             const Period& period,
                                                             bool all_people) const {
  CacheKey key{&indicator, nullptr, period.first_year, period.years, all_people};
  auto cached = candidate_cache_.find(key);
  if (cached != candidate_cache_.end()) return cached->second;
  std::vector<const store::Dataset*> candidates;
  for (const std::string& source : all_people ? indicator.sources : indicator.breakdown_sources) {
    const store::Dataset* dataset = FindDataset(source);
    if (dataset == nullptr) continue;
    const std::set<int>& years = cube_.Years(source);
    bool usable = true;
    for (int year = period.first_year; year <= period.last_year(); ++year) {
      usable &= years.count(year) > 0;
    }
    for (const auto* list : {&indicator.numerator, &indicator.denominator}) {
      for (const std::string& measure : *list) {
        usable &= cube_.Measures(source).count(measure) > 0;
      }
    }
    if (usable) candidates.push_back(dataset);
  }
  return candidate_cache_.emplace(key, std::move(candidates)).first->second;
}

Result<const store::Dataset*> Engine::SourceFor(const Indicator& indicator, const Period& period,
                                                const std::string& area_code,
                                                const Breakdown& breakdown) const {
  if (std::find(indicator.pooling.begin(), indicator.pooling.end(), period.years) ==
      indicator.pooling.end()) {
    return Status::NotFound(indicator.name + " is not published for periods of " +
                            std::to_string(period.years) + " year" +
                            (period.years == 1 ? "" : "s"));
  }
  const std::vector<std::string>& sources =
      breakdown.all() ? indicator.sources : indicator.breakdown_sources;
  for (const store::Dataset* dataset : Candidates(indicator, period, breakdown.all())) {
    if (breakdown.all()) {
      if (cube_.Find(dataset->id, area_code, "", "") == nullptr) continue;
    } else if (cube_.Categories(dataset->id).count({breakdown.type, breakdown.category}) == 0) {
      continue;
    }
    return dataset;
  }
  // The explanation is the same for every area of a period: built once.
  CacheKey key{&indicator, nullptr, period.first_year, period.years, breakdown.all()};
  auto cached = unavailable_cache_.find(key);
  if (cached == unavailable_cache_.end()) {
    std::string coverage;
    for (const std::string& source : sources) {
      if (const store::Dataset* dataset = FindDataset(source)) {
        coverage +=
            (coverage.empty() ? "" : "; ") + dataset->title + ": " + JoinYears(cube_.Years(source));
      }
    }
    cached =
        unavailable_cache_
            .emplace(key, "no dataset holds every year of " + period.Label() + " for " +
                              indicator.name + (breakdown.all() ? "" : " by " + breakdown.type) +
                              " in this area (" + (coverage.empty() ? "none loaded" : coverage) +
                              "); years are never pooled across datasets")
            .first;
  }
  return Status::NotFound(cached->second);
}

namespace {

// The sum of one measure over the period's years, or empty with the reason in
// `missing` (if given) when any cell is absent or suppressed.
std::optional<double> PooledMeasure(const Block* block, std::string_view measure,
                                    const Period& period, std::string* missing) {
  const Series* series = block ? block->Find(measure) : nullptr;
  double total = 0;
  for (int year = period.first_year; year <= period.last_year(); ++year) {
    Cell cell = series ? series->Get(year) : Cell{};
    if (!cell.present || !cell.value) {
      if (missing) {
        *missing = std::string(measure) + " for " + std::to_string(year) +
                   (cell.present ? " is suppressed or not published in the source table"
                                 : " is not in the source table");
      }
      return std::nullopt;
    }
    total += *cell.value;
  }
  return total;
}

// The same summed over several measures.
std::optional<double> Pooled(const Block* block, const std::vector<std::string>& measures,
                             const Period& period, std::string* missing) {
  double total = 0;
  for (const std::string& measure : measures) {
    auto part = PooledMeasure(block, measure, period, missing);
    if (!part) return std::nullopt;
    total += *part;
  }
  return total;
}

}  // namespace

const Block* Engine::BlockOf(const std::string& dataset_id, const std::string& area_code,
                             const Breakdown& breakdown) const {
  return cube_.Find(dataset_id, area_code, breakdown.all() ? "" : breakdown.type,
                    breakdown.category);
}

IndicatorValue Engine::ComputeRaw(const Indicator& indicator, const std::string& area_code,
                                  const Period& period, const Breakdown& breakdown) const {
  auto source = SourceFor(indicator, period, area_code, breakdown);
  if (!source.ok()) {
    IndicatorValue value;
    value.indicator = &indicator;
    value.area_code = area_code;
    value.period = period;
    value.breakdown = breakdown;
    value.unavailable = source.status().message();
    return value;
  }
  return ComputeIn((*source)->id, indicator, area_code, period, breakdown);
}

IndicatorValue Engine::ComputeIn(const std::string& dataset_id, const Indicator& indicator,
                                 const std::string& area_code, const Period& period,
                                 const Breakdown& breakdown) const {
  IndicatorValue value;
  value.indicator = &indicator;
  value.area_code = area_code;
  value.period = period;
  value.breakdown = breakdown;
  value.dataset_id = dataset_id;
  std::string missing;
  const Block* block = BlockOf(dataset_id, area_code, breakdown);
  value.count = Pooled(block, indicator.numerator, period, &missing);
  value.denominator = Pooled(block, indicator.denominator, period, &missing);
  if (!value.count || !value.denominator) {
    value.unavailable = "not computed: " + missing;
    return value;
  }
  for (double confidence : {0.95, 0.998}) {
    Result<stats::Estimate> estimate =
        indicator.value_type == ValueType::kCrudeRate
            ? stats::CrudeRate(*value.count, *value.denominator, indicator.multiplier, confidence)
            : stats::WilsonProportion(*value.count, *value.denominator, indicator.multiplier,
                                      confidence);
    if (!estimate.ok()) {
      value.unavailable = "not computed: " + estimate.status().message();
      value.ci95.reset();
      return value;
    }
    (confidence == 0.95 ? value.ci95 : value.ci998) = *estimate;
  }
  int threshold = options_.unreliable_below.value_or(indicator.unreliable_below);
  if (*value.count < threshold) {
    value.value_note =
        "Unreliable: fewer than " + std::to_string(threshold) + " events (ONS small-number rule)";
  }
  return value;
}

bool Engine::IsHidden(const IndicatorValue& value) const {
  const Indicator& indicator = *value.indicator;
  int threshold = options_.disclosure_min_count.value_or(indicator.disclosure_min_count);
  if (threshold <= 1 || !IsLocalArea(value.area_code) || value.dataset_id.empty()) return false;
  const Block* block = BlockOf(value.dataset_id, value.area_code, value.breakdown);
  if (block == nullptr) return false;
  auto is_small = [&](std::string_view measure) {
    auto total = PooledMeasure(block, measure, value.period, nullptr);
    return total && *total >= 1 && *total < threshold;
  };
  // A measure is hidden if its own count is small, or if it is a part of a
  // family any member of which is small: then no part can be recovered from
  // the total and the other parts.
  auto is_hidden = [&](const std::string& measure) {
    if (is_small(measure)) return true;
    for (const std::vector<std::string>& family : catalogue_.disclosure_families()) {
      if (std::find(family.begin() + 1, family.end(), measure) == family.end()) continue;
      if (std::any_of(family.begin(), family.end(), is_small)) return true;
    }
    return false;
  };
  for (const auto* list : {&indicator.numerator, &indicator.denominator}) {
    if (std::any_of(list->begin(), list->end(), is_hidden)) return true;
  }
  return false;
}

void Engine::Compare(IndicatorValue& value) const {
  const Indicator& indicator = *value.indicator;
  if (!value.ci95 || value.suppressed) return;
  if (value.area_code == indicator.comparator_area && value.breakdown.all()) return;
  // England from the value's own dataset, so bases are never mixed; for a
  // breakdown, England's all-groups figure from the same table.
  CacheKey key{&indicator, FindDataset(value.dataset_id), value.period.first_year,
               value.period.years, true};
  auto cached = comparator_cache_.find(key);
  if (cached == comparator_cache_.end()) {
    cached = comparator_cache_
                 .emplace(key, ComputeIn(value.dataset_id, indicator, indicator.comparator_area,
                                         value.period, {}))
                 .first;
  }
  const IndicatorValue& benchmark = cached->second;
  if (!benchmark.ci95) return;
  value.comparator_value = benchmark.ci95->value;
  stats::ComparedValue local{value.ci95->value, value.ci95->ci, value.ci998->ci};
  value.compared =
      stats::CompareSingleOverlappingCi(local, *value.comparator_value, indicator.polarity);
  value.compared_two_level =
      stats::CompareTwoLevels(local, *value.comparator_value, indicator.polarity);
}

const Engine::Ranking& Engine::RankingFor(const Indicator& indicator, const Period& period,
                                          const std::string& dataset_id) const {
  CacheKey key{&indicator, FindDataset(dataset_id), period.first_year, period.years, true};
  auto cached = rank_cache_.find(key);
  if (cached != rank_cache_.end()) return cached->second;
  std::vector<IndicatorValue> computed;
  for (const std::string& code : cube_.Areas(dataset_id)) {
    if (!geo::IsEnglishUpperTier(code)) continue;
    IndicatorValue value = ComputeIn(dataset_id, indicator, code, period, {});
    if (!value.ci95) continue;
    value.suppressed = IsHidden(value);
    computed.push_back(std::move(value));
  }
  // Highest value first; suppressed values are listed last, unranked, so no
  // rank brackets a hidden count. Positions are sorted, not the values
  // themselves (each holds several strings).
  std::vector<size_t> order(computed.size());
  for (size_t idx = 0; idx < order.size(); ++idx) order[idx] = idx;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const IndicatorValue& a = computed[x];
    const IndicatorValue& b = computed[y];
    if (a.suppressed != b.suppressed) return !a.suppressed;
    if (!a.suppressed && a.ci95->value != b.ci95->value) return a.ci95->value > b.ci95->value;
    return a.area_code < b.area_code;
  });
  std::vector<IndicatorValue> ranked;
  ranked.reserve(order.size());
  for (size_t idx : order) ranked.push_back(std::move(computed[idx]));
  int shown = static_cast<int>(std::count_if(
      ranked.begin(), ranked.end(), [](const IndicatorValue& v) { return !v.suppressed; }));
  for (size_t idx = 0; idx < ranked.size(); ++idx) {
    IndicatorValue& value = ranked[idx];
    if (value.suppressed) break;
    // Competition ranking: equal values share a rank ("1224").
    value.rank = (idx > 0 && ranked[idx - 1].ci95->value == value.ci95->value)
                     ? ranked[idx - 1].rank
                     : std::optional<int>(static_cast<int>(idx) + 1);
    value.rank_of = shown;
  }
  Ranking ranking;
  for (size_t idx = 0; idx < ranked.size(); ++idx) ranking.by_area[ranked[idx].area_code] = idx;
  ranking.values = std::move(ranked);
  return rank_cache_.emplace(key, std::move(ranking)).first->second;
}

IndicatorValue Engine::Compute(const Indicator& indicator, const std::string& area_code,
                               const Period& period, const Breakdown& breakdown) const {
  if (breakdown.all() && geo::IsEnglishUpperTier(area_code)) {
    // Upper-tier values are computed once, with their ranks, for the ranking.
    auto source = SourceFor(indicator, period, area_code, breakdown);
    if (source.ok()) {
      const Ranking& ranking = RankingFor(indicator, period, (*source)->id);
      auto it = ranking.by_area.find(area_code);
      if (it != ranking.by_area.end()) {
        IndicatorValue value = ranking.values[it->second];
        Compare(value);
        return value;
      }
    }
  }
  IndicatorValue value = ComputeRaw(indicator, area_code, period, breakdown);
  if (!value.ci95) return value;
  value.suppressed = IsHidden(value);
  Compare(value);
  return value;
}

std::vector<IndicatorValue> Engine::Rank(const Indicator& indicator, const Period& period) const {
  auto source = SourceFor(indicator, period, std::string(geo::kEnglandCode), {});
  if (!source.ok()) return {};
  std::vector<IndicatorValue> out = RankingFor(indicator, period, (*source)->id).values;
  for (IndicatorValue& value : out) Compare(value);
  return out;
}

std::vector<IndicatorValue> Engine::Profile(const std::string& area_code,
                                            const Period& period) const {
  std::vector<IndicatorValue> out;
  for (const Indicator& indicator : catalogue_.indicators()) {
    out.push_back(Compute(indicator, area_code, period));
  }
  return out;
}

std::vector<Breakdown> Engine::Breakdowns(const Indicator& indicator, const Period& period) const {
  std::vector<Breakdown> out;
  for (const std::string& source : indicator.breakdown_sources) {
    for (const auto& [type, category] : cube_.Categories(source)) {
      Breakdown breakdown{type, category};
      if (SourceFor(indicator, period, "", breakdown).ok()) out.push_back(breakdown);
    }
  }
  // Deciles in numeric order (1 = most deprived), other categories as listed.
  std::stable_sort(out.begin(), out.end(), [](const Breakdown& x, const Breakdown& y) {
    auto nx = ParseInt64(x.category), ny = ParseInt64(y.category);
    if (x.type != y.type) return x.type < y.type;
    if (nx && ny) return *nx < *ny;
    return false;
  });
  return out;
}

std::vector<std::string> Engine::Attributions(const std::vector<IndicatorValue>& values) const {
  std::vector<std::string> lines;
  for (const IndicatorValue& value : values) {
    const store::Dataset* dataset = FindDataset(value.dataset_id);
    if (dataset == nullptr || dataset->attribution.empty()) continue;
    if (std::find(lines.begin(), lines.end(), dataset->attribution) == lines.end()) {
      lines.push_back(dataset->attribution);
    }
  }
  return lines;
}

}  // namespace cradle::indicators
