// The record-level data of the store, held compactly in memory for analysis:
// each live birth with its neighbourhood, ethnic group, mother's age band,
// gestation, birthweight and (if the baby died in infancy) the death; each
// antenatal booking; and the neighbourhoods themselves — Leicester's LSOAs
// with their ward and IMD 2025 decile from the bundled open data. Analyses
// (mortality by group, standardisation, booking, SPC) all read from here, so
// the store is scanned once per command.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "records/date.h"
#include "store/store.h"

namespace cradle::inequalities {

struct Ward {
  std::string code;  // E05…
  std::string name;
};

struct Lsoa {
  std::string code;  // E01…
  std::string name;
  int ward = -1;                // index into RecordFrame::wards, -1 if unknown
  std::string local_authority;  // the ward's parent, e.g. E06000016
  int imd_decile = 0;           // 1 (most deprived) to 10; 0 if unknown
};

struct Death {
  records::Date date;
  int age_days = 0;
  bool neonatal() const { return age_days < 28; }
};

struct Birth {
  records::Date date;
  int lsoa = -1;             // index into RecordFrame::lsoas, -1 if not a known LSOA
  uint8_t ethnic_group = 0;  // index into records::EthnicGroups()
  uint8_t mother_age = 0;    // index into records::MotherAgeBands()
  uint8_t gestation_weeks = 0;
  uint16_t birthweight_grams = 0;
  std::optional<Death> death;
};

struct Booking {
  records::Date date;
  int lsoa = -1;
  uint8_t ethnic_group = 0;
  int gestation_days = 0;
};

struct RecordFrame {
  std::vector<Ward> wards;
  std::vector<Lsoa> lsoas;
  std::vector<Birth> births;
  std::vector<Booking> bookings;
  int64_t synthetic_records = 0;               // records whose ids mark them synthetic
  std::vector<std::string> local_authorities;  // of the LSOAs that have records
  // Earliest and latest year of birth; 0 without births.
  int first_year = 0;
  int last_year = 0;
  // Attribution lines of the open data used (the deprivation deciles).
  std::vector<std::string> attributions;
};

// Reads every birth, death and booking, and the LSOAs, wards and deprivation
// deciles of the bundled open data, from `store`. A death whose birth is not
// stored cannot happen (imports refuse it); a stored code that is no longer a
// known code is an Internal error naming it.
Result<RecordFrame> LoadRecordFrame(store::Store& store);

}  // namespace cradle::inequalities
