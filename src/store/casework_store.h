// Persistence of practitioners' casework (src/casework/ gives it its rules):
// safer-sleep assessments, referrals to services in the directory and each
// referral's status history, as plain rows. Families appear only by
// pseudonym (accounts/pseudonym.h), never by NHS number. Every write is one
// transaction that appends its audit entry in the same transaction, so a
// write is never stored without its entry, nor the entry without the write.
// This layer refuses only what would break the tables' references or a
// status changed under the caller; which changes are allowed, and who may
// make them, is casework/'s job. Times are Unix seconds (UTC). Used from one
// thread at a time, like the Store it comes from.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/audit_store.h"

namespace cradle::store {

// The audit seal of a new row, given the id the store assigned it (the
// entry names the object it made).
using SealForId = std::function<AuditSeal(int64_t id)>;

struct AssessmentRow {
  int64_t id = 0;                // assigned by the store
  std::string family_pseudonym;  // 64 hex digits
  std::string organisation;      // the practitioner's organisation at the time
  int64_t practitioner_id = 0;   // user_account id
  std::string practitioner;      // username (read only: from the user's row)
  std::string touchpoint;        // a touchpoint id of the rules, or ""
  std::string rules_version;     // the version the outcome was evaluated under
  std::string level;             // universal | increased | high
  std::string answers_json;
  std::string outcome_json;
  std::optional<int64_t> follows_id;  // the assessment this one reassesses
  int64_t created_at = 0;
};

// One change of a referral's status, as it happened.
struct ReferralEventRow {
  std::string status;  // sent | accepted | completed | declined | not_contactable
  int64_t at = 0;
  int64_t by_user_id = 0;
  std::string by_user;  // username (read only)
  std::string note;
};

struct ReferralRow {
  int64_t id = 0;  // assigned by the store
  std::string family_pseudonym;
  std::string from_organisation;  // the referrer's organisation at the time
  int64_t from_user_id = 0;
  std::string from_user;  // username (read only)
  std::string to_service_id;
  std::string to_service;          // the service's name (read only)
  std::string to_organization_id;  // the directory organisation that runs it
  std::string to_organisation;     // its name: whose users receive the referral
  std::string reason;
  std::optional<int64_t> assessment_id;  // the assessment it came from, if any
  bool consent_recorded = false;
  std::optional<int64_t> consent_by_user_id;
  std::optional<int64_t> consent_at;
  std::string consent_how;  // verbal | written, "" when not recorded
  std::string status;       // the latest event's status
  int64_t created_at = 0;   // when it was sent
  int64_t updated_at = 0;
  std::vector<ReferralEventRow> events;  // oldest first; the first is "sent"
};

// Which referrals to read; an empty field does not filter.
struct ReferralFilter {
  std::string from_organisation;
  std::string to_organisation;
  std::string to_service_id;
  std::optional<int64_t> sent_from;  // created_at >= sent_from
  std::optional<int64_t> sent_to;    // created_at < sent_to
};

class CaseworkStore {
 public:
  virtual ~CaseworkStore() = default;

  // Stores `assessment` with its audit entry; returns it with its id.
  // NotFound if the practitioner or the assessment it follows is unknown.
  virtual Result<AssessmentRow> AddAssessment(const AssessmentRow& assessment,
                                              const SealForId& audit) = 0;
  virtual Result<std::optional<AssessmentRow>> FindAssessment(int64_t id) = 0;
  // Assessments made by `organisation` (every one when empty) created in
  // [from, to), oldest first.
  virtual Result<std::vector<AssessmentRow>> Assessments(std::string_view organisation,
                                                         int64_t from, int64_t to) = 0;

  // Stores `referral`, its first event (`referral.events[0]`, REQUIRES one
  // event) and the audit entry; returns it with its id. NotFound if a user,
  // the service, its organisation or the assessment is unknown.
  virtual Result<ReferralRow> AddReferral(const ReferralRow& referral, const SealForId& audit) = 0;

  // Appends `event` and makes its status the referral's, but only if the
  // referral's status is still `expected_status` (InvalidArgument naming both
  // otherwise: someone changed it first). NotFound if there is no such
  // referral.
  virtual Status ChangeReferralStatus(int64_t referral_id, std::string_view expected_status,
                                      const ReferralEventRow& event, const AuditSeal& audit) = 0;

  // With its events.
  virtual Result<std::optional<ReferralRow>> FindReferral(int64_t id) = 0;
  // With their events, oldest first.
  virtual Result<std::vector<ReferralRow>> Referrals(const ReferralFilter& filter) = 0;
};

}  // namespace cradle::store
