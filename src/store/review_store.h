// Persistence of the CDOP register: child death reviews (records/
// review_record.h) with their factors and the recommendations they led to.
// A review is kept whole: storing one replaces every part of it, in one
// transaction with its audit entry when the caller gives one, so a review is
// never half-written and an edit is never stored without its entry. Which
// reviews are valid, and who may read or change them, is records/'s and
// cdop/'s job. Used from one thread at a time, like the Store it comes from.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "records/review_record.h"
#include "store/audit_store.h"

namespace cradle::store {

struct ReviewPutCounts {
  int64_t inserted = 0;   // review ids the store did not hold
  int64_t updated = 0;    // held, and now replaced by a different review
  int64_t unchanged = 0;  // held exactly as given
};

class ReviewStore {
 public:
  virtual ~ReviewStore() = default;

  // Stores every review in one transaction (all or none): a new id is added,
  // a held one replaced. `audit`, when given, is appended in the same
  // transaction, but only if something changed.
  virtual Result<ReviewPutCounts> PutReviews(const std::vector<records::ReviewRecord>& reviews,
                                             const AuditSeal* audit = nullptr) = 0;
  virtual Result<std::optional<records::ReviewRecord>> FindReview(std::string_view review_id) = 0;
  // Every review, by date of death then id.
  virtual Result<std::vector<records::ReviewRecord>> Reviews() = 0;
  // The review (if any) that links to `birth_id`.
  virtual Result<std::optional<std::string>> ReviewOfBirth(std::string_view birth_id) = 0;
};

}  // namespace cradle::store
