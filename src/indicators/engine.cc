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

std::string RankKey(const Indicator& indicator, const Period& period, const std::string& dataset) {
  return indicator.id + "|" + dataset + "|" + period.Label();
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
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->name < b.second->name;
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

Result<const store::Dataset*> Engine::SourceFor(const Indicator& indicator, const Period& period,
                                                const std::string& area_code,
                                                const Breakdown& breakdown) const {
  if (std::find(indicator.pooling.begin(), indicator.pooling.end(), period.years) ==
      indicator.pooling.end()) {
    return Status::NotFound(indicator.name + " is not published for periods of " +
                            std::to_string(period.years) + " year" +
                            (period.years == 1 ? "" : "s"));
  }
  std::string coverage;
  const std::vector<std::string>& sources =
      breakdown.all() ? indicator.sources : indicator.breakdown_sources;
  for (const std::string& source : sources) {
    const store::Dataset* dataset = FindDataset(source);
    if (dataset == nullptr) continue;
    const std::set<int>& years = cube_.Years(source);
    coverage += (coverage.empty() ? "" : "; ") + dataset->title + ": " + JoinYears(years);
    bool all_years = true;
    for (int year = period.first_year; year <= period.last_year(); ++year) {
      all_years &= years.count(year) > 0;
    }
    if (!all_years) continue;
    bool all_measures = true;
    for (const auto* list : {&indicator.numerator, &indicator.denominator}) {
      for (const std::string& measure : *list)
        all_measures &= cube_.Measures(source).count(measure) > 0;
    }
    if (!all_measures) continue;
    if (breakdown.all()) {
      if (cube_.Areas(source).count(area_code) == 0) continue;
    } else if (cube_.Categories(source).count({breakdown.type, breakdown.category}) == 0) {
      continue;
    }
    return dataset;
  }
  return Status::NotFound("no dataset holds every year of " + period.Label() + " for " +
                          indicator.name + (breakdown.all() ? "" : " by " + breakdown.type) +
                          " in this area (" + (coverage.empty() ? "none loaded" : coverage) +
                          "); years are never pooled across datasets");
}

std::optional<double> Engine::Pooled(const std::string& dataset_id, const std::string& area_code,
                                     const Breakdown& breakdown,
                                     const std::vector<std::string>& measures, const Period& period,
                                     std::string* missing) const {
  double total = 0;
  for (const std::string& measure : measures) {
    SeriesKey key{dataset_id, area_code, breakdown.all() ? "" : breakdown.type, breakdown.category,
                  measure};
    for (int year = period.first_year; year <= period.last_year(); ++year) {
      Cell cell = cube_.Get(key, year);
      if (!cell.present || !cell.value) {
        if (missing) {
          *missing = measure + " for " + std::to_string(year) +
                     (cell.present ? " is suppressed or not published in the source table"
                                   : " is not in the source table");
        }
        return std::nullopt;
      }
      total += *cell.value;
    }
  }
  return total;
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
  value.count =
      Pooled(value.dataset_id, area_code, breakdown, indicator.numerator, period, &missing);
  value.denominator =
      Pooled(value.dataset_id, area_code, breakdown, indicator.denominator, period, &missing);
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
  int threshold = options_.disclosure_min_count.value_or(catalogue_.disclosure_min_count());
  if (!IsLocalArea(value.area_code) || value.dataset_id.empty()) return false;
  const Indicator& indicator = *value.indicator;
  if (value.count && *value.count >= 1 && *value.count < indicator.disclosure_min_count &&
      threshold > 1) {
    return true;
  }
  if (threshold <= 1) return false;
  // Measures whose pooled count is small, closed over the families so no part
  // can be recovered from a total and its other parts.
  auto is_small = [&](const std::string& measure) {
    auto total = Pooled(value.dataset_id, value.area_code, value.breakdown, {measure}, value.period,
                        nullptr);
    return total && *total >= 1 && *total < threshold;
  };
  std::set<std::string> hidden;
  for (const std::string& measure : cube_.Measures(value.dataset_id)) {
    if (is_small(measure)) hidden.insert(measure);
  }
  for (const std::vector<std::string>& family : catalogue_.disclosure_families()) {
    bool any = std::any_of(family.begin(), family.end(),
                           [&](const std::string& m) { return hidden.count(m) > 0; });
    if (any) hidden.insert(family.begin() + 1, family.end());
  }
  for (const auto* list : {&indicator.numerator, &indicator.denominator}) {
    for (const std::string& measure : *list) {
      if (hidden.count(measure)) return true;
    }
  }
  return false;
}

void Engine::Compare(IndicatorValue& value) const {
  const Indicator& indicator = *value.indicator;
  if (!value.ci95 || value.suppressed) return;
  if (value.area_code == indicator.comparator_area && value.breakdown.all()) return;
  // England from the value's own dataset, so bases are never mixed; for a
  // breakdown, England's all-groups figure from the same table.
  IndicatorValue benchmark =
      ComputeIn(value.dataset_id, indicator, indicator.comparator_area, value.period, {});
  if (!benchmark.ci95) return;
  value.comparator_value = benchmark.ci95->value;
  stats::ComparedValue local{value.ci95->value, value.ci95->ci, value.ci998->ci};
  value.compared =
      stats::CompareSingleOverlappingCi(local, *value.comparator_value, indicator.polarity);
  value.compared_two_level =
      stats::CompareTwoLevels(local, *value.comparator_value, indicator.polarity);
}

const std::vector<IndicatorValue>& Engine::RankedList(const Indicator& indicator,
                                                      const Period& period,
                                                      const std::string& dataset_id) const {
  std::string key = RankKey(indicator, period, dataset_id);
  auto cached = rank_cache_.find(key);
  if (cached != rank_cache_.end()) return cached->second;
  std::vector<IndicatorValue> ranked;
  for (const std::string& code : cube_.Areas(dataset_id)) {
    if (!geo::IsEnglishUpperTier(code)) continue;
    IndicatorValue value = ComputeIn(dataset_id, indicator, code, period, {});
    if (!value.ci95) continue;
    value.suppressed = IsHidden(value);
    ranked.push_back(std::move(value));
  }
  // Highest value first; suppressed values are listed last, unranked, so no
  // rank brackets a hidden count.
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const IndicatorValue& a, const IndicatorValue& b) {
                     if (a.suppressed != b.suppressed) return !a.suppressed;
                     if (a.suppressed) return a.area_code < b.area_code;
                     if (a.ci95->value != b.ci95->value) return a.ci95->value > b.ci95->value;
                     return a.area_code < b.area_code;
                   });
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
  return rank_cache_.emplace(key, std::move(ranked)).first->second;
}

IndicatorValue Engine::Compute(const Indicator& indicator, const std::string& area_code,
                               const Period& period, const Breakdown& breakdown) const {
  IndicatorValue value = ComputeRaw(indicator, area_code, period, breakdown);
  if (!value.ci95) return value;
  value.suppressed = IsHidden(value);
  Compare(value);
  if (breakdown.all() && geo::IsEnglishUpperTier(area_code) && !value.suppressed) {
    for (const IndicatorValue& ranked : RankedList(indicator, period, value.dataset_id)) {
      if (ranked.area_code == area_code) {
        value.rank = ranked.rank;
        value.rank_of = ranked.rank_of;
        break;
      }
    }
  }
  return value;
}

std::vector<IndicatorValue> Engine::Rank(const Indicator& indicator, const Period& period) const {
  auto source = SourceFor(indicator, period, std::string(geo::kEnglandCode), {});
  if (!source.ok()) return {};
  std::vector<IndicatorValue> out = RankedList(indicator, period, (*source)->id);
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
