// Test support for inequalities: small record frames built by hand, so each
// expected figure can be worked out on paper.
#pragma once

#include <optional>
#include <string>

#include "inequalities/record_frame.h"

namespace cradle::inequalities::testing {

// Two wards of two LSOAs each: LSOA 0 and 1 in ward 0 (deciles 1 and 2),
// LSOA 2 and 3 in ward 1 (deciles 9 and 10), all in E06000016.
RecordFrame FourLsoas();

// A birth on `date` (YYYY-MM-DD) in `lsoa`, of ethnic group `ethnic` (a
// records code), 40 weeks and 3,400 g to a mother aged 30-34, unless changed.
Birth MakeBirth(const std::string& date, int lsoa = 0, const std::string& ethnic = "white_british");

// `birth` with a death `age_days` days after it.
Birth Died(Birth birth, int age_days);

Booking MakeBooking(const std::string& date, int gestation_days,
                    const std::string& ethnic = "white_british", int lsoa = 0);

// Adds `n` copies of `birth` to the frame and keeps first/last year right.
void Add(RecordFrame& frame, const Birth& birth, int n = 1);

}  // namespace cradle::inequalities::testing
