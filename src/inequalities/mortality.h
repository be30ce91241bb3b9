// Infant, neonatal and post-neonatal mortality from records, by group: each
// group's live births and deaths in a period, its rate per 1,000 live births
// with 95% and 99.8% intervals (stats/rate.h: exact below 10 deaths, Byar's
// from 10), and its rate ratio against a reference group with a 95% interval
// (exact conditional method, stats/rate_ratio.h, chosen because it holds for
// the small counts of local groups, including none). Across deprivation
// deciles or quintiles, the slope and relative indices of inequality
// (stats/sii.h). Small counts are hidden by the disclosure rule.
//
// Two bases, as ONS uses them: deaths in the period over births in the period
// (death cohort, as ONS's area tables and Fingertips count) — the default — or
// the deaths of babies born in the period over those births (birth cohort, as
// ONS's tables by ethnicity and deprivation count). Either way a death belongs
// to the group of its baby's birth record.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indicators/period.h"
#include "inequalities/grouping.h"
#include "inequalities/record_frame.h"
#include "stats/estimate.h"
#include "stats/sii.h"

namespace cradle::inequalities {

enum class DeathMeasure { kInfant, kNeonatal, kPostneonatal };
std::string_view DeathMeasureName(DeathMeasure measure);  // infant, neonatal, postneonatal
Result<DeathMeasure> ParseDeathMeasure(std::string_view name);
// "Infant mortality", "Neonatal mortality", "Post-neonatal mortality".
std::string_view DeathMeasureTitle(DeathMeasure measure);

enum class Basis { kDeathCohort, kBirthCohort };
std::string_view BasisName(Basis basis);  // death-cohort, birth-cohort
Result<Basis> ParseBasis(std::string_view name);

// Births and deaths of one group.
struct Tally {
  int64_t births = 0;
  int64_t infant = 0;
  int64_t neonatal = 0;  // under 28 days
  int64_t postneonatal = 0;
  int64_t Deaths(DeathMeasure measure) const;
};

// Each group's tally (indexed like grouping.groups()) and their total, for
// the years of `period`.
struct Tallies {
  std::vector<Tally> groups;
  Tally total;
};
Tallies TallyByGroup(const RecordFrame& frame, const Grouping& grouping,
                     const indicators::Period& period, Basis basis);

struct MortalityRow {
  Group group;
  Tally tally;
  // Which of births, infant, neonatal, post-neonatal the disclosure rule hides.
  bool births_hidden = false;
  bool deaths_hidden[3] = {false, false, false};  // by DeathMeasure
  std::optional<stats::Estimate> rate95;          // per 1,000 live births
  std::optional<stats::Estimate> rate998;
  std::optional<stats::Estimate> ratio;  // against the reference group, 95%
  bool reference = false;
  std::string note;  // why a rate or ratio is missing
  bool hidden(DeathMeasure measure) const { return deaths_hidden[static_cast<int>(measure)]; }
};

struct MortalityOptions {
  indicators::Period period;
  DeathMeasure measure = DeathMeasure::kInfant;
  Basis basis = Basis::kDeathCohort;
  std::string reference;  // a group's code or label; empty: Grouping::DefaultReference
  int disclosure_min_count = 5;
};

struct MortalityTable {
  Dimension dimension;
  std::string title;  // the grouping's title
  MortalityOptions options;
  std::vector<MortalityRow> rows;  // groups in order; an empty "unknown" group is left out
  MortalityRow total;
  std::string reference_label;
  // Across deprivation deciles or quintiles with births (rates per 1,000,
  // untransformed, weights = births); a note instead when it cannot be had.
  std::optional<stats::SiiEstimate> sii;
  std::string sii_note;
};

// NotFound if `options.reference` names no group; InvalidArgument if the
// period has no births.
Result<MortalityTable> MortalityByGroup(const RecordFrame& frame, Dimension dimension,
                                        const MortalityOptions& options);

}  // namespace cradle::inequalities
