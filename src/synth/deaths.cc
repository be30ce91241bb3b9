#include "synth/deaths.h"

#include <algorithm>
#include <cassert>

#include "synth/sampling.h"

namespace cradle::synth {
namespace {

// Random streams of the death draws, one per year and purpose (the birth
// stream is 1, in generator.cc).
constexpr uint64_t kNeonatalSelectionStream = 2;
constexpr uint64_t kPostneonatalSelectionStream = 3;
constexpr uint64_t kDeathDetailStream = 4;

// Share of reviews still open at the extract date (the end of the last year),
// by how long before it the baby died: CDOP reviews usually close 6-12 months
// after a death (assumption; DOMAIN.md §1.1 timelines).
double OpenReviewProbability(int days_before_extract) {
  if (days_before_extract < 183) return 0.70;
  if (days_before_extract < 365) return 0.30;
  if (days_before_extract < 730) return 0.05;
  return 0;
}

enum class Period { kNeonatal, kPostneonatal };

// Draws `target` deaths of `period` dated in `year` into `dead` / `deaths`.
Status DrawYear(int year, Period period, int64_t target, uint64_t seed,
                const std::vector<SynthBirth>& births,
                const std::vector<DeathPropensity>& propensities, std::vector<bool>& dead,
                std::vector<SynthDeath>& deaths) {
  const records::Date first_day = records::Date::FirstOfYear(year),
                      next_year = records::Date::FirstOfYear(year + 1);
  std::vector<size_t> candidates;
  std::vector<double> weights;
  for (size_t idx = 0; idx < births.size(); ++idx) {
    if (dead[idx]) continue;
    const DeathPropensity& propensity = propensities[idx];
    const int age =
        period == Period::kNeonatal ? propensity.neonatal_age : propensity.postneonatal_age;
    const records::Date death_day = births[idx].date_of_birth + age;
    if (death_day < first_day || death_day >= next_year) continue;
    candidates.push_back(idx);
    weights.push_back(period == Period::kNeonatal ? propensity.neonatal_weight
                                                  : propensity.postneonatal_weight);
  }
  if (static_cast<int64_t>(candidates.size()) < target) {
    return Status::Internal("the synthetic calibration asks for " + std::to_string(target) +
                            " deaths in " + std::to_string(year) + " but only " +
                            std::to_string(candidates.size()) + " babies could die then");
  }
  const uint64_t stream =
      period == Period::kNeonatal ? kNeonatalSelectionStream : kPostneonatalSelectionStream;
  Rng rng(DeriveSeed(seed, stream, static_cast<uint64_t>(year)));
  for (size_t pick :
       WeightedSampleWithoutReplacement(std::move(weights), static_cast<size_t>(target), rng)) {
    const size_t idx = candidates[pick];
    dead[idx] = true;
    const DeathPropensity& propensity = propensities[idx];
    SynthDeath death;
    death.birth_id = births[idx].birth_id;
    death.birth_index = idx;
    death.age_at_death_days =
        period == Period::kNeonatal ? propensity.neonatal_age : propensity.postneonatal_age;
    death.date_of_death = births[idx].date_of_birth + death.age_at_death_days;
    deaths.push_back(std::move(death));
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<SynthDeath>> SelectDeaths(const Calibration& calibration, int first_year,
                                             int last_year, uint64_t seed,
                                             const MaternityModel& model,
                                             const std::vector<SynthBirth>& births,
                                             const std::vector<DeathPropensity>& propensities) {
  assert(propensities.size() == births.size());
  std::vector<bool> dead(births.size(), false);
  std::vector<SynthDeath> deaths;
  // All neonatal deaths first: a baby whose neonatal death is drawn cannot
  // also be drawn for a later post-neonatal one.
  for (int year = first_year; year <= last_year; ++year) {
    const YearTarget& target = *calibration.Target(year);
    CRADLE_RETURN_IF_ERROR(DrawYear(year, Period::kNeonatal, target.neonatal_deaths, seed, births,
                                    propensities, dead, deaths));
  }
  for (int year = first_year; year <= last_year; ++year) {
    const YearTarget& target = *calibration.Target(year);
    CRADLE_RETURN_IF_ERROR(DrawYear(year, Period::kPostneonatal,
                                    target.infant_deaths - target.neonatal_deaths, seed, births,
                                    propensities, dead, deaths));
  }
  std::sort(deaths.begin(), deaths.end(), [](const SynthDeath& a, const SynthDeath& b) {
    return a.date_of_death != b.date_of_death ? a.date_of_death < b.date_of_death
                                              : a.birth_index < b.birth_index;
  });

  // Categories, year by year in the sorted order, each year from its own stream.
  const records::Date extract_day = records::Date::FirstOfYear(last_year + 1) - 1;
  size_t next = 0;
  for (int year = first_year; year <= last_year; ++year) {
    Rng rng(DeriveSeed(seed, kDeathDetailStream, static_cast<uint64_t>(year)));
    for (; next < deaths.size() && deaths[next].date_of_death.year() == year; ++next) {
      SynthDeath& death = deaths[next];
      const int category = model.SampleCategory(death.age_at_death_days <= 27, rng);
      const bool open = rng.Bernoulli(OpenReviewProbability(extract_day - death.date_of_death));
      if (!open) death.category_of_death = category;
    }
  }
  return deaths;
}

}  // namespace cradle::synth
