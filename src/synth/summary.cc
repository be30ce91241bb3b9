#include "synth/summary.h"

#include <unordered_map>

#include "synth/ethnic_groups.h"

namespace cradle::synth {

double Tally::RatePer1000() const {
  return births == 0 ? 0.0 : 1000.0 * static_cast<double>(deaths) / static_cast<double>(births);
}

double SynthSummary::NeonatalShare() const {
  return total.infant_deaths == 0 ? 0.0
                                  : static_cast<double>(total.neonatal_deaths) /
                                        static_cast<double>(total.infant_deaths);
}

double SynthSummary::BookedWithin10WeeksShare() const {
  return total.bookings == 0 ? 0.0
                             : static_cast<double>(total.booked_within_10_weeks) /
                                   static_cast<double>(total.bookings);
}

SynthSummary Summarise(const SyntheticData& data, const Calibration& calibration) {
  SynthSummary summary;
  for (int year = data.first_year; year <= data.last_year; ++year) {
    summary.years.push_back({year, 0, 0, 0, 0, 0});
  }
  auto year_of = [&](records::Date date) -> YearSummary& {
    return summary.years[static_cast<size_t>(date.year() - data.first_year)];
  };
  std::unordered_map<std::string, int> decile_of;
  for (const LsoaWeight& lsoa : calibration.lsoas) decile_of[lsoa.code] = lsoa.imd_decile;

  std::vector<bool> died(data.births.size(), false);
  for (const SynthDeath& death : data.deaths) {
    died[death.birth_index] = true;
    YearSummary& year = year_of(death.date_of_death);
    ++year.infant_deaths;
    if (death.age_at_death_days <= 27) ++year.neonatal_deaths;
  }
  for (size_t idx = 0; idx < data.births.size(); ++idx) {
    const SynthBirth& birth = data.births[idx];
    const int64_t death = died[idx] ? 1 : 0;
    ++year_of(birth.date_of_birth).live_births;
    const EthnicGroupInfo& group = EthnicGroups()[birth.ethnic_group];
    for (Tally* tally : {&summary.by_broad_ethnic_group[std::string(group.broad_group)],
                         &summary.by_ons_table_group[std::string(group.ons_group)],
                         &summary.by_imd_quintile[(decile_of.at(birth.lsoa21) - 1) / 2],
                         birth.gestation_weeks < 37 ? &summary.preterm : &summary.term,
                         birth.birthweight_grams < 2500 ? &summary.low_birthweight
                                                        : &summary.normal_birthweight}) {
      ++tally->births;
      tally->deaths += death;
    }
    if (birth.gestation_weeks >= 37 && birth.birthweight_grams < 2500) {
      ++summary.term_low_birthweight;
    }
  }
  int64_t black = 0, black_late = 0, other = 0, other_late = 0;
  for (const SynthBooking& booking : data.bookings) {
    const bool late = booking.gestation_at_booking_days > 70;
    YearSummary& year = year_of(data.births[booking.first_birth_index].date_of_birth);
    ++year.bookings;
    if (!late) ++year.booked_within_10_weeks;
    (IsBlack(booking.ethnic_group) ? black : other) += 1;
    (IsBlack(booking.ethnic_group) ? black_late : other_late) += late ? 1 : 0;
  }
  for (const YearSummary& year : summary.years) {
    summary.total.live_births += year.live_births;
    summary.total.infant_deaths += year.infant_deaths;
    summary.total.neonatal_deaths += year.neonatal_deaths;
    summary.total.bookings += year.bookings;
    summary.total.booked_within_10_weeks += year.booked_within_10_weeks;
  }
  if (black > 0 && other_late > 0) {
    summary.black_late_booking_ratio =
        (static_cast<double>(black_late) / static_cast<double>(black)) /
        (static_cast<double>(other_late) / static_cast<double>(other));
  }
  return summary;
}

}  // namespace cradle::synth
