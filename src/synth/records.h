// The rows the synthetic generator makes, one struct per file of
// docs/data-formats.md (births.csv, deaths.csv, bookings.csv), holding exactly
// the documented fields; child death reviews are records::ReviewRecord. Every row is SYNTHETIC: ids
// are made up and no row describes a real person.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "records/date.h"
#include "records/review_record.h"

namespace cradle::synth {

// Flags are 'Y', 'N' or 'U' (unknown), as in docs/data-formats.md.
using Flag = char;

struct SynthBirth {
  std::string birth_id;
  records::Date date_of_birth;
  std::string lsoa21;
  size_t ethnic_group = 0;           // index into EthnicGroups()
  std::string_view mother_age_band;  // "<20" … "40+", "unknown"
  int gestation_weeks = 0;           // completed weeks
  int birthweight_grams = 0;
  int multiplicity = 1;  // babies born in the delivery
  Flag ivf = 'N';
  Flag overseas_ivf = 'N';
  Flag smoking_at_booking = 'N';
  Flag smoking_at_delivery = 'N';
  std::string_view maternal_bmi_band;  // "<18.5" … "40+", "unknown"
};

struct SynthDeath {
  std::string birth_id;
  size_t birth_index = 0;  // the baby's row in SyntheticData::births
  records::Date date_of_death;
  int age_at_death_days = 0;
  std::optional<int> category_of_death;  // CDOP 1-10; empty while the review is open
};

struct SynthBooking {
  std::string pregnancy_id;
  std::string lsoa21;
  size_t ethnic_group = 0;  // the mother's; index into EthnicGroups()
  int gestation_at_booking_days = 0;
  records::Date booking_date;
  std::string_view provider;     // ODS code, e.g. "RWE"
  size_t first_birth_index = 0;  // the row in SyntheticData::births of its first baby
};

struct SyntheticData {
  std::string area_code;
  int first_year = 0;
  int last_year = 0;
  uint64_t seed = 0;
  std::vector<SynthBirth> births;              // by date of birth, then id
  std::vector<SynthDeath> deaths;              // by date of death, then birth row
  std::vector<SynthBooking> bookings;          // one per delivery, in the order of births
  std::vector<records::ReviewRecord> reviews;  // one per death, in the order of deaths
};

}  // namespace cradle::synth
