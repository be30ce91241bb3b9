// The time from referral to completion per service (casework_routes.h), for
// practitioners and for those who plan services (analysts, admins): every
// referral sent so far, as casework::ReferralTimings counts it, with the
// records' small-number rule applied. Aggregates only: no family in them.
#include <cstdio>

#include "base/strings.h"
#include "casework/referral_timing.h"
#include "web/app.h"
#include "web/casework_routes.h"

namespace cradle::web {

namespace mustache = kainjow::mustache;

namespace {

std::string Days(double days) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", days);
  return text;
}

// A figure of the timing table, or the reason it is not shown.
std::string Count(const std::optional<int64_t>& count) {
  return count ? WithThousands(*count) : "hidden";
}

}  // namespace

Response CaseworkRoutes::ReferralTiming(const RequestContext& context) {
  casework::TimingOptions options;
  if (data_.session) options.min_count = data_.session->catalogue().disclosure_min_count();
  const int64_t now = clock_.Now();
  auto timings = casework::ReferralTimings(store_, 0, now + 1, now, options);
  if (!timings.ok()) return Refusal(timings.status());
  mustache::data view;
  view.set("max_hidden", std::to_string(options.min_count - 1));
  view.set("within_days", std::to_string(options.within_days));
  view.set("has_rows", !timings->empty());
  mustache::data rows(mustache::data::type::list);
  for (const casework::ServiceTiming& timing : *timings) {
    mustache::data one;
    one.set("service", timing.service);
    one.set("organisation", timing.organisation);
    one.set("referred", Count(timing.referred));
    one.set("completed", Count(timing.completed));
    one.set("declined", Count(timing.declined));
    one.set("not_contactable", Count(timing.not_contactable));
    one.set("open", Count(timing.open));
    // A median of nothing is not a hidden figure: say which it is.
    auto figure = [&](const std::optional<double>& days) {
      if (days) return Days(*days);
      return timing.completed && *timing.completed == 0 ? std::string("none completed")
                                                        : std::string("hidden");
    };
    one.set("median", figure(timing.median_days));
    one.set("centile_90", figure(timing.centile_90_days));
    std::string share = "hidden";
    if (timing.share_within) {
      char text[16];
      std::snprintf(text, sizeof text, "%.0f%%", *timing.share_within * 100);
      share = text;
    } else if (timing.due && *timing.due == 0) {
      share = "none due yet";
    }
    one.set("share", share);
    rows.push_back(one);
  }
  view.set("rows", rows);
  bool practitioner = context.role() == accounts::Role::kPractitioner;
  return Page(200, "Time from referral to completion", templates_->referral_timing->render(view),
              practitioner ? "/referrals/timing" : "");
}

}  // namespace cradle::web
