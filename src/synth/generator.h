// The deterministic synthetic record-level generator: live births, infant
// deaths and antenatal bookings for one area and a run of years, calibrated to
// published figures (calibration.h, docs/synthetic-data.md). The output is
// SYNTHETIC — not real people — and the same calibration, years and seed give
// the same records on every platform (sampling.h says why).
//
// Shape of a run, per year: deliveries are drawn until the year's live births
// equal the target exactly (a twin delivery that would overshoot becomes a
// singleton); each delivery has one booking. Then, per year of death, exactly
// the target number of neonatal and post-neonatal deaths are drawn from the
// babies whose death would fall in that year, each with probability
// proportional to its relative risk (ethnic group × IMD decile × gestation and
// growth). Deaths fall only on babies born in the generated years and on or
// before the last day of the last year.
#pragma once

#include <cstdint>
#include <string_view>

#include "base/result.h"
#include "synth/calibration.h"
#include "synth/records.h"

namespace cradle::synth {

struct YearRange {
  int first = 0;
  int last = 0;
};

// "2015-2024" or "2020". InvalidArgument if the text is neither, or the first
// year is after the last.
Result<YearRange> ParseYearRange(std::string_view text);

struct SynthOptions {
  YearRange years;
  uint64_t seed = 1;
};

// The synthetic records for `options.years` of `calibration`'s area.
// InvalidArgument if a year lies outside the years the calibration covers.
// A year's births and bookings depend only on the calibration, the seed and
// the year, not on which other years are generated.
Result<SyntheticData> GenerateSyntheticData(const Calibration& calibration,
                                            const SynthOptions& options);

}  // namespace cradle::synth
