#include "inequalities/mortality.h"

#include <array>

#include "base/disclosure.h"
#include "records/codes.h"
#include "stats/confidence.h"
#include "stats/rate.h"
#include "stats/rate_ratio.h"

namespace cradle::inequalities {
namespace {

constexpr std::array<std::string_view, 3> kMeasureNames = {"infant", "neonatal", "postneonatal"};
constexpr std::array<std::string_view, 2> kBasisNames = {"death-cohort", "birth-cohort"};

bool InPeriod(const records::Date& date, const indicators::Period& period) {
  int year = date.year();
  return year >= period.first_year && year <= period.last_year();
}

void CountDeath(Tally& tally, const Death& death) {
  ++tally.infant;
  ++(death.neonatal() ? tally.neonatal : tally.postneonatal);
}

MortalityRow MakeRow(const Group& group, const Tally& tally, const MortalityOptions& options) {
  MortalityRow row;
  row.group = group;
  row.tally = tally;
  int min = options.disclosure_min_count;
  row.births_hidden = IsSmallCount(tally.births, min);
  std::vector<bool> deaths = HideFamily(tally.infant, {tally.neonatal, tally.postneonatal}, min);
  for (int idx = 0; idx < 3; ++idx) row.deaths_hidden[idx] = deaths[static_cast<size_t>(idx)];
  if (tally.births == 0) {
    row.note = "no live births";
    return row;
  }
  if (row.births_hidden || row.hidden(options.measure)) {
    row.note = "fewer than " + std::to_string(min) + ": not shown";
    return row;
  }
  double deaths_of_measure = static_cast<double>(tally.Deaths(options.measure));
  double births = static_cast<double>(tally.births);
  // Inputs are counts with births > 0, so these cannot fail.
  row.rate95 = *stats::CrudeRate(deaths_of_measure, births, 1000, stats::kConfidence95);
  row.rate998 = *stats::CrudeRate(deaths_of_measure, births, 1000, stats::kConfidence998);
  return row;
}

}  // namespace

int64_t Tally::Deaths(DeathMeasure measure) const {
  switch (measure) {
    case DeathMeasure::kInfant:
      return infant;
    case DeathMeasure::kNeonatal:
      return neonatal;
    case DeathMeasure::kPostneonatal:
      return postneonatal;
  }
  return 0;
}

std::string_view DeathMeasureName(DeathMeasure measure) {
  return kMeasureNames[static_cast<size_t>(measure)];
}

std::string_view DeathMeasureTitle(DeathMeasure measure) {
  switch (measure) {
    case DeathMeasure::kInfant:
      return "Infant mortality";
    case DeathMeasure::kNeonatal:
      return "Neonatal mortality";
    case DeathMeasure::kPostneonatal:
      return "Post-neonatal mortality";
  }
  return "";
}

Result<DeathMeasure> ParseDeathMeasure(std::string_view name) {
  for (size_t idx = 0; idx < kMeasureNames.size(); ++idx) {
    if (kMeasureNames[idx] == name) return static_cast<DeathMeasure>(idx);
  }
  return Status::InvalidArgument("unknown measure '" + std::string(name) + "': use one of " +
                                 records::ListForMessage(kMeasureNames));
}

std::string_view BasisName(Basis basis) { return kBasisNames[static_cast<size_t>(basis)]; }

Result<Basis> ParseBasis(std::string_view name) {
  for (size_t idx = 0; idx < kBasisNames.size(); ++idx) {
    if (kBasisNames[idx] == name) return static_cast<Basis>(idx);
  }
  return Status::InvalidArgument("unknown basis '" + std::string(name) + "': use one of " +
                                 records::ListForMessage(kBasisNames));
}

Tallies TallyByGroup(const RecordFrame& frame, const Grouping& grouping,
                     const indicators::Period& period, Basis basis) {
  Tallies tallies;
  tallies.groups.resize(grouping.groups().size());
  for (const Birth& birth : frame.births) {
    bool born_in_period = InPeriod(birth.date, period);
    bool death_counts =
        birth.death &&
        (basis == Basis::kBirthCohort ? born_in_period : InPeriod(birth.death->date, period));
    if (!born_in_period && !death_counts) continue;
    Tally& tally = tallies.groups[static_cast<size_t>(grouping.GroupOf(birth))];
    if (born_in_period) {
      ++tally.births;
      ++tallies.total.births;
    }
    if (death_counts) {
      CountDeath(tally, *birth.death);
      CountDeath(tallies.total, *birth.death);
    }
  }
  return tallies;
}

Result<MortalityTable> MortalityByGroup(const RecordFrame& frame, Dimension dimension,
                                        const MortalityOptions& options) {
  Grouping grouping(dimension, frame);
  Tallies tallies = TallyByGroup(frame, grouping, options.period, options.basis);
  if (tallies.total.births == 0) {
    return Status::InvalidArgument(
        "the store holds no live births in " + options.period.Label() + " (records cover " +
        (frame.births.empty()
             ? std::string("no years")
             : std::to_string(frame.first_year) + "-" + std::to_string(frame.last_year)) +
        ")");
  }
  // A default reference must have a rate to compare with: groups whose deaths
  // are none or hidden are passed over.
  std::vector<int64_t> births;
  for (const Tally& tally : tallies.groups) {
    int64_t deaths = tally.Deaths(options.measure);
    bool usable = deaths > 0 && !IsSmallCount(deaths, options.disclosure_min_count);
    births.push_back(usable ? tally.births : 0);
  }
  int reference = grouping.DefaultReference(births);
  if (!options.reference.empty()) {
    CRADLE_ASSIGN_OR_RETURN(reference, grouping.Find(options.reference));
  }

  MortalityTable table;
  table.dimension = dimension;
  table.title = std::string(grouping.title());
  table.options = options;
  table.reference_label = grouping.groups()[static_cast<size_t>(reference)].label;
  table.total = MakeRow({"all", "All", false}, tallies.total, options);

  const Tally& ref = tallies.groups[static_cast<size_t>(reference)];
  MortalityRow ref_row = MakeRow(grouping.groups()[static_cast<size_t>(reference)], ref, options);
  for (size_t idx = 0; idx < grouping.groups().size(); ++idx) {
    const Group& group = grouping.groups()[idx];
    const Tally& tally = tallies.groups[idx];
    if (group.unknown && tally.births == 0 && tally.infant == 0) continue;
    MortalityRow row = MakeRow(group, tally, options);
    row.reference = static_cast<int>(idx) == reference;
    if (row.rate95 && !row.reference) {
      if (!ref_row.rate95) {
        row.note = "no ratio: the reference group's rate is not shown";
      } else if (ref.Deaths(options.measure) == 0) {
        row.note = "no ratio: the reference group has no deaths";
      } else {
        row.ratio = *stats::RateRatioExactConditional(
            static_cast<double>(tally.Deaths(options.measure)), static_cast<double>(tally.births),
            static_cast<double>(ref.Deaths(options.measure)), static_cast<double>(ref.births),
            stats::kConfidence95);
      }
    }
    table.rows.push_back(std::move(row));
  }

  if (dimension == Dimension::kImdDecile || dimension == Dimension::kImdQuintile) {
    std::vector<stats::SiiQuantile> quantiles;
    for (size_t idx = 0; idx < grouping.groups().size(); ++idx) {
      const Tally& tally = tallies.groups[idx];
      if (grouping.groups()[idx].unknown || tally.births == 0) continue;
      quantiles.push_back({static_cast<int>(idx) + 1, static_cast<double>(tally.births),
                           1000.0 * static_cast<double>(tally.Deaths(options.measure)) /
                               static_cast<double>(tally.births)});
    }
    auto sii = stats::SiiPointEstimate(quantiles, stats::SiiValueType::kRate, false, 1);
    if (sii.ok()) {
      table.sii = *sii;
    } else {
      table.sii_note = "no SII: " + sii.status().message() + " (" +
                       std::to_string(quantiles.size()) + " with births)";
    }
  }
  return table;
}

}  // namespace cradle::inequalities
