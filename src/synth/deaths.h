// Chooses the synthetic infant deaths among generated births (see the run
// shape in generator.h). Internal to synth/: the generator calls it once.
#pragma once

#include <vector>

#include "base/result.h"
#include "synth/calibration.h"
#include "synth/maternity_model.h"
#include "synth/records.h"

namespace cradle::synth {

// What a baby's death would be if it died, drawn when the baby is born.
struct DeathPropensity {
  double neonatal_weight = 0;      // relative risk of a neonatal death
  double postneonatal_weight = 0;  // relative risk of a post-neonatal death
  int neonatal_age = 0;            // 0-27 days
  int postneonatal_age = 0;        // 28-364 days
};

// For each year of `years`, the year's target neonatal deaths drawn without
// replacement from babies whose neonatal death would fall in that year, then
// the target post-neonatal deaths from those whose post-neonatal death would
// (excluding babies already chosen), each with probability proportional to its
// weight; then each death's CDOP category, left empty for some recent deaths
// whose review would still be open at the end of the last year. Sorted by date
// of death, then birth row. Internal if a year has fewer candidates than its
// target (the calibration asks for more deaths than births).
// REQUIRES: propensities.size() == births.size().
Result<std::vector<SynthDeath>> SelectDeaths(const Calibration& calibration, int first_year,
                                             int last_year, uint64_t seed,
                                             const MaternityModel& model,
                                             const std::vector<SynthBirth>& births,
                                             const std::vector<DeathPropensity>& propensities);

}  // namespace cradle::synth
