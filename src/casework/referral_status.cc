#include "casework/referral_status.h"

#include <array>
#include <string>
#include <vector>

namespace cradle::casework {
namespace {

constexpr std::array<ReferralStatus, 5> kAll = {
    ReferralStatus::kSent, ReferralStatus::kAccepted, ReferralStatus::kCompleted,
    ReferralStatus::kDeclined, ReferralStatus::kNotContactable};

// What may follow each status, in the order messages list them.
std::vector<ReferralStatus> Next(ReferralStatus from) {
  switch (from) {
    case ReferralStatus::kSent:
      return {ReferralStatus::kAccepted, ReferralStatus::kDeclined,
              ReferralStatus::kNotContactable};
    case ReferralStatus::kAccepted:
      return {ReferralStatus::kCompleted, ReferralStatus::kDeclined,
              ReferralStatus::kNotContactable};
    default:
      return {};
  }
}

std::string Listed(const std::vector<ReferralStatus>& statuses) {
  std::string out;
  for (size_t idx = 0; idx < statuses.size(); ++idx) {
    if (idx > 0) out += idx + 1 == statuses.size() ? " or " : ", ";
    out += ReferralStatusName(statuses[idx]);
  }
  return out;
}

}  // namespace

std::string_view ReferralStatusName(ReferralStatus status) {
  switch (status) {
    case ReferralStatus::kSent:
      return "sent";
    case ReferralStatus::kAccepted:
      return "accepted";
    case ReferralStatus::kCompleted:
      return "completed";
    case ReferralStatus::kDeclined:
      return "declined";
    case ReferralStatus::kNotContactable:
      return "not_contactable";
  }
  return "sent";
}

Result<ReferralStatus> ParseReferralStatus(std::string_view name) {
  for (ReferralStatus status : kAll) {
    if (ReferralStatusName(status) == name) return status;
  }
  return Status::InvalidArgument("unknown referral status '" + std::string(name) + "': expected " +
                                 Listed(std::vector<ReferralStatus>(kAll.begin(), kAll.end())));
}

bool IsFinal(ReferralStatus status) { return Next(status).empty(); }

Status CheckTransition(ReferralStatus from, ReferralStatus to) {
  std::vector<ReferralStatus> next = Next(from);
  for (ReferralStatus allowed : next) {
    if (allowed == to) return Status::Ok();
  }
  std::string head = std::string(from == ReferralStatus::kAccepted ? "an " : "a ") +
                     std::string(ReferralStatusName(from)) + " referral cannot become " +
                     std::string(ReferralStatusName(to));
  if (next.empty())
    return Status::InvalidArgument(head + ": nothing follows " +
                                   std::string(ReferralStatusName(from)));
  return Status::InvalidArgument(head + ": it can become " + Listed(next));
}

}  // namespace cradle::casework
