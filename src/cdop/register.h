// The CDOP register as its members use it in the web app: the list of
// reviews, one review, and entering or changing one. Case-level reviews are
// for CDOP members only (DOMAIN.md §6, need to know); everyone else sees the
// disclosure-controlled aggregates of factor_ranking.h. Every read is audited
// before it is shown, and every change in the change's own transaction. A
// review entered here is checked exactly as an imported one is (the same
// parser, the same links to birth and death records).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/user.h"
#include "audit/log.h"
#include "base/result.h"
#include "records/record_types.h"
#include "records/review_record.h"
#include "store/store.h"

namespace cradle::cdop {

bool MaySeeCases(const accounts::User& user);  // an enabled CDOP member

class Register {
 public:
  // Keeps references; each must outlive this.
  Register(store::Store& store, audit::Log& log) : store_(store), log_(log) {}

  // PermissionDenied unless MaySeeCases.
  Result<std::vector<records::ReviewRecord>> List(const accounts::User& user,
                                                  std::string_view source);
  Result<std::optional<records::ReviewRecord>> Find(const accounts::User& user,
                                                    std::string_view source,
                                                    std::string_view review_id);

  // Stores the review in `fields` (reviews.csv's columns, in ReviewColumns()
  // order) as a new review (`is_new`) or over the one with its id. Returns
  // the errors, each naming its column, and stores nothing, if it is not
  // valid; an empty list once stored. NotFound to change a review that does
  // not exist.
  Result<std::vector<records::FieldError>> Save(const accounts::User& user, std::string_view source,
                                                const std::vector<std::string>& fields,
                                                bool is_new);

 private:
  Status Check(const accounts::User& user, std::string_view doing) const;
  Status Audit(const accounts::User& user, std::string_view source, const char* action,
               const std::string& object_id, const std::string& detail);

  store::Store& store_;
  audit::Log& log_;
};

}  // namespace cradle::cdop
