// The steering group's additions to the plan: an update to an action (a
// dated narrative that sets its RAG and status) and a progress note on a
// CDOP recommendation (one that may set its status). Both are appended,
// never edited, each with its audit entry in the same transaction. Who may
// add them: analysts, CDOP members and admins (the officers who run the
// plan); a note on a recommendation only CDOP members and admins.
#pragma once

#include <string>

#include "accounts/user.h"
#include "audit/log.h"
#include "base/result.h"
#include "records/date.h"
#include "store/store.h"

namespace cradle::plan {

struct ActionUpdateRequest {
  std::string action_id;
  records::Date on;  // the date it speaks for; not after today
  std::string rag;   // R, A, G or B
  std::string status;
  std::string text;
};

struct RecommendationNoteRequest {
  std::string recommendation_id;
  records::Date on;
  std::string status;
  std::string text;
};

bool MayUpdateActions(const accounts::User& user);
bool MayNoteRecommendations(const accounts::User& user);

class Progress {
 public:
  // Keeps references; each must outlive this.
  Progress(store::Store& store, audit::Log& log) : store_(store), log_(log) {}

  // PermissionDenied for a user who may not; InvalidArgument naming the
  // field for an unknown RAG or status, blue without complete (or complete
  // without blue), an empty or over-long narrative, a date after today;
  // NotFound for an unknown action.
  Result<store::ProgressEntry> UpdateAction(const accounts::User& user, std::string_view source,
                                            const ActionUpdateRequest& request);
  Result<store::ProgressEntry> NoteRecommendation(const accounts::User& user,
                                                  std::string_view source,
                                                  const RecommendationNoteRequest& request);

 private:
  store::Store& store_;
  audit::Log& log_;
};

}  // namespace cradle::plan
