// A referral's status and the only ways it may change (issue 6; DOMAIN.md
// §2.4): sent → accepted → completed, or declined / not contactable from
// sent or accepted. Completed, declined and not contactable are final.
#pragma once

#include <optional>
#include <string_view>

#include "base/result.h"

namespace cradle::casework {

enum class ReferralStatus { kSent, kAccepted, kCompleted, kDeclined, kNotContactable };

// "sent", "accepted", "completed", "declined", "not_contactable".
std::string_view ReferralStatusName(ReferralStatus status);
// The status named `name` (as ReferralStatusName gives it); InvalidArgument
// listing the statuses otherwise.
Result<ReferralStatus> ParseReferralStatus(std::string_view name);

// True for completed, declined and not contactable.
bool IsFinal(ReferralStatus status);

// OK if a referral may go from `from` to `to`; InvalidArgument otherwise,
// saying what may follow `from`, e.g.
//   a completed referral cannot become accepted: nothing follows completed
//   a sent referral cannot become completed: it can become accepted, declined or
//   not_contactable
Status CheckTransition(ReferralStatus from, ReferralStatus to);

}  // namespace cradle::casework
