// Persistence of the action plan and the CDOP's recommendations (DOMAIN.md
// §5): themes with their outcome statements, priorities, working groups,
// logic models, actions and recommendations as the plan file sets them out,
// and the two append-only logs the steering group adds to — action updates
// (a dated narrative with the RAG and status it sets) and recommendation
// progress notes. The logs are refused UPDATE and DELETE by triggers; an
// entry is appended with its audit entry in one transaction, and it becomes
// the action's (or recommendation's) current RAG and status. Which changes
// are allowed, and who may make them, is plan/'s job. Used from one thread at
// a time, like the Store it comes from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "records/date.h"
#include "store/audit_store.h"

namespace cradle::store {

struct PlanTheme {
  std::string id;
  std::string name;
  std::string outcome;  // the theme's outcome statement
};

struct WorkingGroup {
  std::string id;
  std::string name;
  std::string chair;  // a role and organisation, e.g. "Consultant in Public Health (LCC)"
  std::vector<std::string> members;  // the same form, in order
};

struct PlanPriority {
  std::string id;
  std::string theme_id;
  std::string title;
  std::string working_group_id;
};

// One box of a priority's logic model.
struct LogicModelNode {
  std::string id;
  std::string priority_id;
  std::string stage;  // input | activity | output | outcome_short | outcome_medium |
                      // outcome_long | impact
  std::string text;
  std::vector<std::string> contributes_to;  // node ids of later stages
  std::vector<std::string> measures;        // plan/measures.h ids that show it
};

struct PlanAction {
  std::string id;
  std::string priority_id;
  std::string title;
  std::string owner;
  std::string lead_organisation;
  std::optional<records::Date> due;
  std::string status;  // not_started | in_progress | complete | closed
  std::string rag;     // R | A | G | B (blue: complete)
  std::string rag_reason;
  std::vector<std::string> recommendations;  // recommendation ids
  std::vector<std::string> factor_codes;     // contributory factors it addresses
  std::vector<std::string> measures;
};

struct Recommendation {
  std::string id;
  std::string title;
  std::string text;
  std::string owner;
  std::string addressed_to;  // the organisation(s) told to act
  std::optional<records::Date> notified_on;
  std::string status;  // open | in_progress | implemented | closed
  std::vector<std::string> factor_codes;
  std::vector<std::string> measures;
};

struct Plan {
  std::string title;
  std::vector<PlanTheme> themes;
  std::vector<WorkingGroup> working_groups;
  std::vector<PlanPriority> priorities;
  std::vector<LogicModelNode> logic_model;
  std::vector<PlanAction> actions;
  std::vector<Recommendation> recommendations;
};

// An entry of an action's updates log, or a recommendation's notes.
struct ProgressEntry {
  int64_t id = 0;          // assigned by the store
  std::string subject_id;  // the action or recommendation
  records::Date on;        // the date the update speaks for
  std::string author;      // username
  std::string text;
  std::string status;       // the status it sets
  std::string rag;          // the RAG it sets (actions only; "" for notes)
  int64_t recorded_at = 0;  // Unix seconds
};

class PlanStore {
 public:
  virtual ~PlanStore() = default;

  virtual Result<bool> HasPlan() = 0;
  // Stores `plan` in a store without one (InvalidArgument otherwise), with
  // `audit` in the same transaction when given.
  virtual Status LoadPlan(const Plan& plan, const AuditSeal* audit = nullptr) = 0;
  // The plan with each action's and recommendation's current status and RAG.
  virtual Result<Plan> ReadPlan() = 0;

  // Appends to the action's log and makes the entry's status and RAG the
  // action's. NotFound if there is no such action.
  virtual Result<ProgressEntry> AddActionUpdate(const ProgressEntry& update,
                                                const AuditSeal& audit) = 0;
  // Appends to the recommendation's notes and makes the entry's status its.
  virtual Result<ProgressEntry> AddRecommendationNote(const ProgressEntry& note,
                                                      const AuditSeal& audit) = 0;
  // Oldest first; every subject's when `subject_id` is empty.
  virtual Result<std::vector<ProgressEntry>> ActionUpdates(std::string_view subject_id) = 0;
  virtual Result<std::vector<ProgressEntry>> RecommendationNotes(std::string_view subject_id) = 0;
};

}  // namespace cradle::store
