// Early antenatal booking: the share of pregnancies booked within 10 weeks
// (0-70 days of gestation, NICE QS22 and the maternity measures of DOMAIN.md)
// with Wilson 95% intervals (stats/proportion.h), overall and by group; and
// the relative risk of booking late (after 70 days) against a reference
// group or against everyone else, with Katz's log interval
// (stats/rate_ratio.h RiskRatioLog). Bookings are counted by the year of
// their booking date. Small counts are hidden by the disclosure rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indicators/period.h"
#include "inequalities/grouping.h"
#include "inequalities/record_frame.h"
#include "stats/estimate.h"

namespace cradle::inequalities {

inline constexpr int kEarlyBookingDays = 70;  // 10 weeks + 0 days

struct BookingRow {
  Group group;
  int64_t bookings = 0;
  int64_t early = 0;  // within 10 weeks
  int64_t late = 0;
  bool bookings_hidden = false;
  bool early_hidden = false;                          // hides late too: they add up to bookings
  std::optional<stats::Estimate> early_percent;       // Wilson 95%, as a percentage
  std::optional<stats::Estimate> late_relative_risk;  // 95%
  bool reference = false;
  std::string note;
};

struct BookingOptions {
  indicators::Period period;
  // A group's code or label; "others" compares each group with all other
  // bookings; empty: the grouping's usual reference.
  std::string reference = "others";
  int disclosure_min_count = 5;
};

struct BookingTable {
  Dimension dimension;
  std::string title;
  BookingOptions options;
  std::string reference_label;  // "all other bookings" or the group's label
  std::vector<BookingRow> rows;
  BookingRow total;
};

// InvalidArgument for a breakdown bookings do not carry (gestation,
// birthweight, mother's age) or a period without bookings; NotFound for an
// unknown reference group.
Result<BookingTable> BookingByGroup(const RecordFrame& frame, Dimension dimension,
                                    const BookingOptions& options);

}  // namespace cradle::inequalities
