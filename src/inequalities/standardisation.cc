#include "inequalities/standardisation.h"

#include <algorithm>
#include <map>
#include <set>

#include "stats/confidence.h"
#include "stats/isr.h"
#include "stats/rate.h"

namespace cradle::inequalities {
namespace {

struct TableOf {
  const char* dataset_id;
  const char* category_type;
};

TableOf Table(StandardiseBy by) {
  return by == StandardiseBy::kEthnicity
             ? TableOf{"ons_ethnicity_2020_2022", "Ethnic group"}
             : TableOf{"ons_imd_decile_2010_2022", "Deprivation decile (IMD)"};
}

// Deaths that ONS could not link to a birth have no ethnic group.
bool HasGroup(const std::string& category) { return category != "Unlinked deaths"; }

}  // namespace

std::string_view StandardiseByName(StandardiseBy by) {
  return by == StandardiseBy::kEthnicity ? "ethnicity" : "imd";
}

Result<ReferenceTable> EnglandReference(store::Store& store, StandardiseBy by,
                                        std::optional<indicators::Period> period) {
  TableOf table = Table(by);
  CRADLE_ASSIGN_OR_RETURN(auto dataset, store.FindDataset(table.dataset_id));
  if (!dataset) {
    return Status::NotFound(std::string("the store has no table ") + table.dataset_id +
                            ": run `cradle load` first");
  }
  CRADLE_ASSIGN_OR_RETURN(std::vector<store::AggregateCount> counts, store.Counts());
  // year -> category -> tally, England only.
  std::map<int, std::map<std::string, Tally>> by_year;
  std::vector<std::string> order;
  for (const store::AggregateCount& count : counts) {
    if (count.dataset_id != table.dataset_id || count.area_code != "E92000001" ||
        count.category_type != table.category_type || !HasGroup(count.category)) {
      continue;
    }
    if (std::find(order.begin(), order.end(), count.category) == order.end()) {
      order.push_back(count.category);
    }
    Tally& tally = by_year[count.year][count.category];
    auto value = static_cast<int64_t>(count.value.value_or(0));
    if (count.measure == "live_births") tally.births = value;
    if (count.measure == "infant_deaths") tally.infant = value;
    if (count.measure == "neonatal_deaths") tally.neonatal = value;
    if (count.measure == "postneonatal_deaths") tally.postneonatal = value;
  }
  if (by_year.empty()) {
    return Status::NotFound(std::string("the table ") + table.dataset_id +
                            " holds no England rows by group");
  }
  indicators::Period pooled = period.value_or(
      indicators::Period{std::max(by_year.begin()->first, by_year.rbegin()->first - 2),
                         std::min(3, by_year.rbegin()->first - by_year.begin()->first + 1)});
  ReferenceTable reference;
  reference.dataset_id = dataset->id;
  reference.title = dataset->title;
  reference.attribution = dataset->attribution;
  reference.period = pooled;
  for (const std::string& category : order) {
    Tally sum;
    for (int year = pooled.first_year; year <= pooled.last_year(); ++year) {
      auto found = by_year.find(year);
      if (found == by_year.end()) {
        return Status::NotFound(dataset->title + " has no " + std::to_string(year) + "; it holds " +
                                std::to_string(by_year.begin()->first) + "-" +
                                std::to_string(by_year.rbegin()->first));
      }
      const Tally& one = found->second[category];
      sum.births += one.births;
      sum.infant += one.infant;
      sum.neonatal += one.neonatal;
      sum.postneonatal += one.postneonatal;
    }
    reference.groups.emplace_back(category, sum);
  }
  return reference;
}

Result<Standardisation> Standardise(const RecordFrame& frame, const ReferenceTable& reference,
                                    StandardiseBy by, const StandardisationOptions& options) {
  Grouping grouping(by == StandardiseBy::kEthnicity ? Dimension::kEthnicity : Dimension::kImdDecile,
                    frame);
  Tallies local = TallyByGroup(frame, grouping, options.period, options.basis);
  if (local.total.births == 0) {
    return Status::InvalidArgument("the store holds no live births in " + options.period.Label());
  }
  Standardisation result;
  result.by = by;
  result.period = options.period;
  result.measure = options.measure;
  result.basis = options.basis;
  result.reference = reference;

  std::vector<stats::IsrBand> bands;
  int64_t england_births = 0;
  int64_t england_deaths = 0;
  for (const auto& [category, england] : reference.groups) {
    england_births += england.births;
    england_deaths += england.Deaths(options.measure);
  }
  // Rows in the local grouping's order (White British first; deciles 1-10).
  std::set<size_t> matched;
  for (size_t idx = 0; idx < grouping.groups().size(); ++idx) {
    const Group& group = grouping.groups()[idx];
    auto england = std::find_if(reference.groups.begin(), reference.groups.end(),
                                [&](const auto& entry) { return entry.first == group.code; });
    if (england == reference.groups.end() || england->second.births <= 0) continue;
    matched.insert(idx);
    const Tally& tally = local.groups[idx];
    StandardisationRow row;
    row.group = group.label;
    row.births = tally.births;
    row.observed = tally.Deaths(options.measure);
    row.reference_rate = 1000.0 * static_cast<double>(england->second.Deaths(options.measure)) /
                         static_cast<double>(england->second.births);
    row.expected = static_cast<double>(tally.births) * row.reference_rate / 1000.0;
    bands.push_back({static_cast<double>(row.observed), static_cast<double>(row.births),
                     static_cast<double>(england->second.Deaths(options.measure)),
                     static_cast<double>(england->second.births)});
    result.rows.push_back(row);
  }
  for (size_t idx = 0; idx < local.groups.size(); ++idx) {
    if (matched.count(idx)) continue;
    result.births_without_group += local.groups[idx].births;
    result.deaths_without_group += local.groups[idx].Deaths(options.measure);
  }
  CRADLE_ASSIGN_OR_RETURN(stats::IsrTotals totals, stats::SumIsrBands(bands));
  result.observed = static_cast<int64_t>(totals.observed);
  result.expected = totals.expected;
  result.births = local.total.births - result.births_without_group;
  if (result.births <= 0 || totals.expected <= 0) {
    return Status::InvalidArgument("no deaths are expected in " + options.period.Label() +
                                   ": no births fall in a group of the England table");
  }
  result.england_rate =
      1000.0 * static_cast<double>(england_deaths) / static_cast<double>(england_births);
  result.expected_at_england_rate = static_cast<double>(result.births) * result.england_rate / 1000;
  double observed = totals.observed;
  result.ratio95 =
      *stats::IndirectlyStandardisedRatio(observed, totals.expected, 100, stats::kConfidence95);
  result.ratio998 =
      *stats::IndirectlyStandardisedRatio(observed, totals.expected, 100, stats::kConfidence998);
  result.crude_rate95 =
      *stats::CrudeRate(observed, static_cast<double>(result.births), 1000, stats::kConfidence95);
  result.standardised_rate95 = *stats::IndirectlyStandardisedRate(
      observed, totals.expected, result.england_rate / 1000, 1000, stats::kConfidence95);
  double excess = observed - result.expected_at_england_rate;
  if (excess > 0) {
    result.share_explained = (result.expected - result.expected_at_england_rate) / excess;
  }
  return result;
}

}  // namespace cradle::inequalities
