// The clinical and social shape of the synthetic births: mother's age, IVF,
// multiplicity, gestation, birthweight, smoking, BMI, antenatal booking and
// provider; and the relative risk of death that gestation and growth give a
// baby, with the age at death and CDOP category of a death. Every number is a
// documented assumption or published figure (docs/synthetic-data.md §3-5);
// none of it is fitted to real records.
//
// Gestation, birthweight-for-gestation, IVF and multiplicity are drawn
// independently of ethnic group and deprivation, so that the clinical risk
// factors do not distort the ethnic and deprivation gradients taken from the
// ONS England tables (calibration.h).
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "synth/calibration.h"
#include "synth/records.h"
#include "synth/sampling.h"

namespace cradle::synth {

class MaternityModel {
 public:
  // Precomputes the draws for `calibration`'s area (smoking is scaled to its
  // ethnic and deprivation mix; late booking to its share of Black mothers).
  explicit MaternityModel(const Calibration& calibration);

  std::string_view SampleMotherAgeBand(Rng& rng) const;
  Flag SampleIvf(std::string_view mother_age_band, Rng& rng) const;
  // 'Y' only when ivf is 'Y'; 'U' when ivf is 'U'.
  Flag SampleOverseasIvf(Flag ivf, Rng& rng) const;
  int SampleMultiplicity(Flag ivf, Rng& rng) const;
  int SampleGestationWeeks(int multiplicity, Rng& rng) const;
  // Grams from the median for completed `weeks`, ethnic group and
  // multiplicity, and the baby's standard normal deviate `z`; 250-6,500 g.
  int BirthweightGrams(int weeks, size_t ethnic_group, int multiplicity, double z) const;
  Flag SampleSmokingAtBooking(size_t ethnic_group, int imd_decile, Rng& rng) const;
  Flag SampleSmokingAtDelivery(Flag at_booking, Rng& rng) const;
  std::string_view SampleBmiBand(Rng& rng) const;
  // Days of gestation at booking, 35-260 and at least a week before birth
  // (`gestation_at_birth_days`); late (after 70 days) more often for Black
  // mothers (relative risk kBlackLateBookingRatio).
  int SampleBookingGestationDays(size_t ethnic_group, int gestation_at_birth_days, Rng& rng) const;
  std::string_view SampleProvider(Rng& rng) const;

  // Relative risk of a neonatal / post-neonatal death from gestation and from
  // growth (z below the 10th centile), term and normal growth = 1.
  static double NeonatalRisk(int weeks, double z);
  static double PostneonatalRisk(int weeks, double z);
  int SampleNeonatalAge(Rng& rng) const;      // 0-27 days, most in the first week
  int SamplePostneonatalAge(Rng& rng) const;  // 28-364 days, skewed to early
  int SampleCategory(bool neonatal, Rng& rng) const;

  // The probability that a booking is late (after 70 days) for a mother who
  // is Black, or not.
  double LateBookingProbability(bool black) const;

 private:
  Categorical mother_age_;
  Categorical bmi_;
  Categorical gestation_singleton_;
  Categorical gestation_twin_;
  Categorical gestation_triplet_;
  Categorical on_time_booking_;
  Categorical late_booking_band_;
  Categorical provider_;
  Categorical neonatal_age_;
  Categorical postneonatal_age_;
  Categorical neonatal_category_;
  Categorical postneonatal_category_;
  double smoking_scale_ = 1;
  double late_booking_other_ = 0;
};

}  // namespace cradle::synth
