#include "casework/referral_timing.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "base/disclosure.h"
#include "casework/referral_status.h"

namespace cradle::casework {
namespace {

constexpr double kSecondsPerDay = 86400.0;

struct Tally {
  const store::ReferralRow* first = nullptr;  // names the service
  int64_t referred = 0, completed = 0, declined = 0, not_contactable = 0, open = 0;
  int64_t due = 0, completed_within = 0;
  std::vector<double> days;  // to completion
};

// When the referral was completed, if it was.
std::optional<int64_t> CompletedAt(const store::ReferralRow& referral) {
  for (const store::ReferralEventRow& event : referral.events) {
    if (event.status == ReferralStatusName(ReferralStatus::kCompleted)) return event.at;
  }
  return std::nullopt;
}

void Count(const store::ReferralRow& referral, int64_t now, const TimingOptions& options,
           Tally& tally) {
  ++tally.referred;
  const double within_seconds = options.within_days * kSecondsPerDay;
  if (auto done = CompletedAt(referral)) {
    double days = static_cast<double>(*done - referral.created_at) / kSecondsPerDay;
    ++tally.completed;
    ++tally.due;
    tally.days.push_back(days);
    if (days * kSecondsPerDay <= within_seconds) ++tally.completed_within;
  } else if (referral.status == ReferralStatusName(ReferralStatus::kDeclined)) {
    ++tally.declined;
    ++tally.due;
  } else if (referral.status == ReferralStatusName(ReferralStatus::kNotContactable)) {
    ++tally.not_contactable;
    ++tally.due;
  } else {
    ++tally.open;
    if (static_cast<double>(now - referral.created_at) >= within_seconds) ++tally.due;
  }
}

std::optional<int64_t> Shown(int64_t count, bool hidden) {
  return hidden ? std::nullopt : std::optional<int64_t>(count);
}

ServiceTiming Publish(const Tally& tally, const TimingOptions& options) {
  ServiceTiming out;
  out.service_id = tally.first->to_service_id;
  out.service = tally.first->to_service;
  out.organisation = tally.first->to_organisation;
  out.within_days = options.within_days;
  // The outcomes add up to the referrals: hidden together (HideFamily).
  std::vector<bool> hidden = HideFamily(
      tally.referred, {tally.completed, tally.declined, tally.not_contactable, tally.open},
      options.min_count);
  out.referred = Shown(tally.referred, hidden[0]);
  out.completed = Shown(tally.completed, hidden[1]);
  out.declined = Shown(tally.declined, hidden[2]);
  out.not_contactable = Shown(tally.not_contactable, hidden[3]);
  out.open = Shown(tally.open, hidden[4]);
  if (out.completed) {
    out.median_days = Quantile(tally.days, 0.5);
    out.centile_90_days = Quantile(tally.days, 0.9);
  }
  // Those completed within N days and the rest of the due add up to the due.
  std::vector<bool> share_hidden = HideFamily(
      tally.due, {tally.completed_within, tally.due - tally.completed_within}, options.min_count);
  out.due = Shown(tally.due, share_hidden[0]);
  out.completed_within = Shown(tally.completed_within, share_hidden[1]);
  if (out.due && out.completed_within && tally.due > 0) {
    out.share_within = static_cast<double>(tally.completed_within) / static_cast<double>(tally.due);
  }
  return out;
}

}  // namespace

std::optional<double> Quantile(std::vector<double> values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  double h = (static_cast<double>(values.size()) - 1.0) * std::clamp(p, 0.0, 1.0);
  size_t below = static_cast<size_t>(std::floor(h));
  if (below + 1 >= values.size()) return values.back();
  return values[below] + (h - static_cast<double>(below)) * (values[below + 1] - values[below]);
}

Result<std::vector<ServiceTiming>> MeasureTimings(const std::vector<store::ReferralRow>& referrals,
                                                  int64_t now, const TimingOptions& options) {
  if (options.within_days < 1) {
    return Status::InvalidArgument("within_days must be at least 1 (it is " +
                                   std::to_string(options.within_days) + ")");
  }
  if (options.min_count < 0) {
    return Status::InvalidArgument("min_count must not be negative (it is " +
                                   std::to_string(options.min_count) + ")");
  }
  std::map<std::pair<std::string, std::string>, Tally> by_service;  // name, id
  for (const store::ReferralRow& referral : referrals) {
    Tally& tally = by_service[{referral.to_service, referral.to_service_id}];
    if (!tally.first) tally.first = &referral;
    Count(referral, now, options, tally);
  }
  std::vector<ServiceTiming> out;
  for (const auto& [key, tally] : by_service) out.push_back(Publish(tally, options));
  return out;
}

Result<std::vector<ServiceTiming>> ReferralTimings(store::Store& store, int64_t sent_from,
                                                   int64_t sent_to, int64_t now,
                                                   const TimingOptions& options) {
  if (sent_to <= sent_from) return Status::InvalidArgument("the period must end after it starts");
  store::ReferralFilter filter;
  filter.sent_from = sent_from;
  filter.sent_to = sent_to;
  CRADLE_ASSIGN_OR_RETURN(auto referrals, store.Casework()->Referrals(filter));
  return MeasureTimings(referrals, now, options);
}

}  // namespace cradle::casework
