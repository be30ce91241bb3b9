// Referring a family to a service in the directory, and the service's answer.
// A referral names the family by pseudonym only (the NHS number is turned
// into its keyed pseudonym here, never stored or logged), the service and
// the organisation that runs it, the reason, the assessment it came from if
// any, and the family's consent (who recorded it, when, and how). It is
// refused without recorded consent. Its status moves sent → accepted →
// completed, or to declined / not contactable (referral_status.h); only the
// receiving organisation moves it, and each move is time-stamped with who
// made it. The referring organisation sees what it sent, the receiving one
// what was addressed to it, and nobody else anything. Every write and every
// read is one audit entry. Used from one thread at a time, like its Store.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/pseudonym.h"
#include "audit/log.h"
#include "base/result.h"
#include "casework/caller.h"
#include "casework/referral_status.h"
#include "store/store.h"

namespace cradle::casework {

// The family's consent to the referral, as the practitioner recorded it.
struct Consent {
  bool given = false;
  std::string how;            // "verbal" or "written"
  std::optional<int64_t> at;  // when it was given; now if absent
};

struct NewReferral {
  std::string nhs_number;
  std::string service_id;  // a service in the directory
  std::string reason;
  std::optional<int64_t> assessment_id;  // the assessment it came from
  Consent consent;
};

class Referrals {
 public:
  // Keeps references to `store`, `log` and `pseudonymiser`, which must
  // outlive it.
  Referrals(store::Store& store, audit::Log& log, const accounts::Pseudonymiser& pseudonymiser);

  // Sends `referral` from the caller's organisation, dated by the log's clock.
  // PermissionDenied unless the caller is a practitioner (and, for an
  // assessment, of the organisation that made it); InvalidArgument without
  // recorded consent, for a bad NHS number, reason or consent, an
  // assessment of another family, or a service that is not active;
  // NotFound for an unknown service or assessment.
  Result<store::ReferralRow> Make(const Caller& caller, const NewReferral& referral);

  // Moves referral `id` to `to`, with an optional note. PermissionDenied
  // unless the caller's organisation received it; InvalidArgument if the
  // move is not allowed from its status (CheckTransition's message, naming
  // the referral) or the note is too long; NotFound if there is none.
  Result<store::ReferralRow> Move(const Caller& caller, int64_t id, ReferralStatus to,
                                  const std::string& note = "");

  // NotFound if there is none; PermissionDenied unless the caller's
  // organisation made or received it.
  Result<store::ReferralRow> Find(const Caller& caller, int64_t id);
  // Made by the caller's organisation / addressed to it, sent in [from, to),
  // oldest first.
  Result<std::vector<store::ReferralRow>> Sent(const Caller& caller, int64_t from, int64_t to);
  Result<std::vector<store::ReferralRow>> Received(const Caller& caller, int64_t from, int64_t to);

 private:
  Result<std::vector<store::ReferralRow>> List(const Caller& caller, store::ReferralFilter filter,
                                               const std::string& which);

  std::unique_ptr<store::CaseworkStore> casework_;
  std::unique_ptr<store::DirectoryStore> directory_;
  audit::Log& log_;
  const accounts::Pseudonymiser& pseudonymiser_;
};

}  // namespace cradle::casework
