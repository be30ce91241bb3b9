// Recording safer-sleep assessments for families known only by pseudonym.
// An assessment is validated against the item bank of its rules version and
// evaluated under that version (safesleep/registry.h); its answers and
// outcome are stored as JSON beside the version, so it reads the same after
// the rules change. The NHS number is turned into its keyed pseudonym here
// and never stored or logged. Every write and every read is one audit entry.
// Practitioners see only their own organisation's assessments.
// Used from one thread at a time, like its Store.
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
#include "safesleep/assessment.h"
#include "safesleep/outcome.h"
#include "safesleep/registry.h"
#include "store/store.h"

namespace cradle::casework {

struct NewAssessment {
  std::string nhs_number;  // the baby's (or, antenatally, the mother's)
  safesleep::Assessment assessment;
  std::optional<int64_t> follows_id;  // the assessment this reassesses
};

// A stored assessment with its outcome read back.
struct RecordedAssessment {
  store::AssessmentRow row;
  safesleep::Outcome outcome;
};

class Assessments {
 public:
  // Keeps references to every argument, which must outlive it.
  Assessments(store::Store& store, audit::Log& log, const safesleep::RulesRegistry& rules,
              const accounts::Pseudonymiser& pseudonymiser);

  // Evaluates and stores `assessment`, dated by the log's clock.
  // PermissionDenied unless the caller is a practitioner (or, for a
  // reassessment, of the organisation that made the earlier one);
  // InvalidArgument for a bad NHS number, or a reassessment of another
  // family; NotFound for an unknown rules version or earlier assessment;
  // InvalidData naming the item for an answer that does not fit.
  Result<RecordedAssessment> Record(const Caller& caller, const NewAssessment& assessment);

  // NotFound if there is none; PermissionDenied if another organisation made it.
  Result<RecordedAssessment> Find(const Caller& caller, int64_t id);

  // The caller's organisation's assessments made in [from, to), oldest first.
  Result<std::vector<store::AssessmentRow>> List(const Caller& caller, int64_t from, int64_t to);

 private:
  std::unique_ptr<store::CaseworkStore> casework_;
  audit::Log& log_;
  const safesleep::RulesRegistry& rules_;
  const accounts::Pseudonymiser& pseudonymiser_;
};

// The outcome stored with `row`. InvalidData if it cannot be read.
Result<safesleep::Outcome> StoredOutcome(const store::AssessmentRow& row);

}  // namespace cradle::casework
