// How long families wait: for each service, the time from a referral being
// sent to it being completed (the safe sleep space delivered, for Baby
// Basics), so a promise such as "no wait" is a figure. Per service: referrals
// sent, completed, declined, not contactable and still open; the median and
// 90th centile of days to completion over the completed ones; and the share
// completed within N days (default 7) of those whose answer is known (done,
// or open for at least N days: a referral sent yesterday has not failed yet).
// Aggregates only, for any tier, with the small-number rule of the records
// (base/disclosure.h) applied to each service's counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/store.h"

namespace cradle::casework {

struct TimingOptions {
  int within_days = 7;  // the N of "completed within N days"
  int min_count = 5;    // counts from 1 to min_count - 1 are hidden; 0 or 1 shows all
};

// A count or figure is nullopt when the small-number rule hides it (or, for
// the median, centile and share, when there is nothing to compute it from).
struct ServiceTiming {
  std::string service_id;
  std::string service;       // its name
  std::string organisation;  // who runs it
  std::optional<int64_t> referred;
  std::optional<int64_t> completed;
  std::optional<int64_t> declined;
  std::optional<int64_t> not_contactable;
  std::optional<int64_t> open;        // sent or accepted
  std::optional<double> median_days;  // sent to completed, completed referrals
  std::optional<double> centile_90_days;
  int within_days = 7;
  std::optional<int64_t> due;               // completed, closed, or open >= within_days
  std::optional<int64_t> completed_within;  // of `due`, completed within within_days
  std::optional<double> share_within;       // completed_within / due, 0 to 1
};

// The p-th quantile (0 <= p <= 1) of `values` by linear interpolation between
// order statistics (Hyndman & Fan 1996 definition 7, as R's quantile() and
// Excel's PERCENTILE.INC). nullopt for no values.
std::optional<double> Quantile(std::vector<double> values, double p);

// The timings of `referrals` as they stood at `now`, one per service, ordered
// by service name then id. InvalidArgument if within_days < 1 or min_count < 0.
Result<std::vector<ServiceTiming>> MeasureTimings(const std::vector<store::ReferralRow>& referrals,
                                                  int64_t now, const TimingOptions& options);

// MeasureTimings of every referral sent in [sent_from, sent_to).
Result<std::vector<ServiceTiming>> ReferralTimings(store::Store& store, int64_t sent_from,
                                                   int64_t sent_to, int64_t now,
                                                   const TimingOptions& options);

}  // namespace cradle::casework
