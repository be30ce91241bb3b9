// Test support for imports: a fresh SQLite store with Leicester's LSOAs, and
// files written from text.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace cradle::imports::testing {

// A new store (unique per call) holding the bundled LSOA lookup.
std::unique_ptr<store::Store> StoreWithLsoas(const std::string& name);

// Writes `content` to a temporary file named `name`; returns its path.
std::string WriteFile(const std::string& name, const std::string& content);

inline constexpr const char* kBirthsHeader =
    "birth_id,date_of_birth,lsoa21,ethnic_group,mother_age_band,gestation_weeks,"
    "birthweight_grams,multiplicity,ivf,overseas_ivf,smoking_at_booking,smoking_at_delivery,"
    "maternal_bmi_band\n";
inline constexpr const char* kDeathsHeader =
    "birth_id,date_of_death,age_at_death_days,category_of_death\n";
inline constexpr const char* kBookingsHeader =
    "pregnancy_id,lsoa21,ethnic_group,gestation_at_booking_days,booking_date,provider\n";

// A valid births row for `id` born on `date`.
std::string BirthRow(const std::string& id, const std::string& date = "2022-05-01");

}  // namespace cradle::imports::testing
