// Indirect standardisation of a local area's infant deaths against England:
// the deaths expected if each of its ethnic groups (or deprivation deciles)
// had England's rate for that group, E = Σ birthsᵢ × England rateᵢ; the
// standardised mortality ratio O/E × 100 with its interval (stats/isr.h); and
// how much of the gap with England the population's make-up explains.
//
// With E₀ = births × England's crude rate (over the same groups), the excess
// over England is O − E₀. Of it, E − E₀ would be there even at England's
// rates group by group — the make-up of the births (more babies in groups or
// neighbourhoods with high rates everywhere) — and O − E is what remains
// beyond it. The share explained is (E − E₀)/(O − E₀), given when O > E₀.
//
// England's rates come from the bundled ONS tables: Table 18 by ethnicity of
// the baby (birth cohort; "Unlinked deaths", which have no group, are left
// out of both the group rates and the crude rate) and Table 21 by IMD decile
// (ONS ranked 2011 LSOAs by IMD 2019; local births are placed by IMD 2025, the
// nearest available). Years are pooled, by default the latest three the table
// holds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indicators/period.h"
#include "inequalities/mortality.h"
#include "inequalities/record_frame.h"
#include "stats/estimate.h"
#include "store/store.h"

namespace cradle::inequalities {

enum class StandardiseBy { kEthnicity, kDeprivation };
std::string_view StandardiseByName(StandardiseBy by);  // ethnicity, imd

// England's births and deaths by group from a bundled ONS table.
struct ReferenceTable {
  std::string dataset_id;
  std::string title;
  std::string attribution;
  indicators::Period period;
  std::vector<std::pair<std::string, Tally>> groups;  // in the table's order
};

// Reads the reference for `by` from the store's aggregate counts, pooled over
// `period` or, if none is given, the latest three years the table holds.
// NotFound if the table is not loaded or lacks a year.
Result<ReferenceTable> EnglandReference(store::Store& store, StandardiseBy by,
                                        std::optional<indicators::Period> period);

struct StandardisationRow {
  std::string group;
  int64_t births = 0;
  int64_t observed = 0;
  double reference_rate = 0;  // England, per 1,000 live births
  double expected = 0;
};

struct Standardisation {
  StandardiseBy by = StandardiseBy::kEthnicity;
  indicators::Period period;
  DeathMeasure measure = DeathMeasure::kInfant;
  Basis basis = Basis::kDeathCohort;
  ReferenceTable reference;
  std::vector<StandardisationRow> rows;
  int64_t births = 0;
  int64_t observed = 0;                 // O
  double expected = 0;                  // E, at England's group rates
  double england_rate = 0;              // per 1,000, crude over the same groups
  double expected_at_england_rate = 0;  // E₀
  stats::Estimate ratio95;              // O/E × 100
  stats::Estimate ratio998;
  stats::Estimate crude_rate95;           // the area's own, per 1,000
  stats::Estimate standardised_rate95;    // O/E × England's crude rate, per 1,000
  std::optional<double> share_explained;  // (E − E₀)/(O − E₀) when O > E₀
  int64_t births_without_group = 0;       // left out: no reference rate for them
  int64_t deaths_without_group = 0;
};

struct StandardisationOptions {
  indicators::Period period;
  DeathMeasure measure = DeathMeasure::kInfant;
  Basis basis = Basis::kDeathCohort;
};

// InvalidArgument if the period has no births or E is 0.
Result<Standardisation> Standardise(const RecordFrame& frame, const ReferenceTable& reference,
                                    StandardiseBy by, const StandardisationOptions& options);

}  // namespace cradle::inequalities
