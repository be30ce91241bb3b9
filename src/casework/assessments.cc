#include "casework/assessments.h"

#include <utility>

namespace cradle::casework {
namespace {

constexpr const char* kAssessmentObject = "safer_sleep_assessment";

Status CheckVisible(const Caller& caller, const store::AssessmentRow& row) {
  if (row.organisation != caller.user.organisation) {
    return Status::PermissionDenied("assessment " + std::to_string(row.id) + " was not made by " +
                                    caller.user.organisation);
  }
  return Status::Ok();
}

}  // namespace

Result<safesleep::Outcome> StoredOutcome(const store::AssessmentRow& row) {
  nlohmann::json json =
      nlohmann::json::parse(row.outcome_json, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    return Status::InvalidData("assessment " + std::to_string(row.id) +
                               " has an outcome that is not JSON");
  }
  return safesleep::OutcomeFromJson(json);
}

Assessments::Assessments(store::Store& store, audit::Log& log,
                         const safesleep::RulesRegistry& rules,
                         const accounts::Pseudonymiser& pseudonymiser)
    : casework_(store.Casework()), log_(log), rules_(rules), pseudonymiser_(pseudonymiser) {}

Result<RecordedAssessment> Assessments::Record(const Caller& caller,
                                               const NewAssessment& assessment) {
  CRADLE_RETURN_IF_ERROR(CheckPractitioner(caller, "record a safer-sleep assessment"));
  CRADLE_ASSIGN_OR_RETURN(std::string pseudonym, pseudonymiser_.Pseudonym(assessment.nhs_number));
  if (assessment.follows_id) {
    CRADLE_ASSIGN_OR_RETURN(auto earlier, casework_->FindAssessment(*assessment.follows_id));
    if (!earlier) {
      return Status::NotFound("no assessment has id " + std::to_string(*assessment.follows_id) +
                              " to reassess");
    }
    CRADLE_RETURN_IF_ERROR(CheckVisible(caller, *earlier));
    if (earlier->family_pseudonym != pseudonym) {
      return Status::InvalidArgument("assessment " + std::to_string(earlier->id) +
                                     " is of another family: a reassessment follows an "
                                     "assessment of the same family");
    }
  }
  CRADLE_ASSIGN_OR_RETURN(safesleep::Outcome outcome, rules_.Assess(assessment.assessment));
  safesleep::Assessment kept = assessment.assessment;
  kept.rules_version = outcome.rules_version;  // the version it was evaluated under

  store::AssessmentRow row;
  row.family_pseudonym = pseudonym;
  row.organisation = caller.user.organisation;
  row.practitioner_id = caller.user.id;
  row.touchpoint = kept.touchpoint;
  row.rules_version = outcome.rules_version;
  row.level = std::string(safesleep::RiskLevelName(outcome.level));
  row.answers_json = safesleep::AssessmentToJson(kept).dump();
  row.outcome_json = safesleep::OutcomeToJson(outcome).dump();
  row.follows_id = assessment.follows_id;
  row.created_at = log_.clock().Now();

  std::string detail = "level " + row.level + ", rules version " + row.rules_version +
                       (row.touchpoint.empty() ? "" : ", touchpoint " + row.touchpoint) +
                       (row.follows_id ? ", reassesses " + std::to_string(*row.follows_id) : "");
  audit::Event event{ActorOf(caller), audit::kCreate, kAssessmentObject, "", detail};
  CRADLE_ASSIGN_OR_RETURN(store::AssessmentRow stored,
                          casework_->AddAssessment(row, [&](int64_t id) {
                            event.object_id = std::to_string(id);
                            return log_.SealNow(event);
                          }));
  CRADLE_RETURN_IF_ERROR(log_.RecordHead());
  return RecordedAssessment{std::move(stored), std::move(outcome)};
}

Result<RecordedAssessment> Assessments::Find(const Caller& caller, int64_t id) {
  CRADLE_RETURN_IF_ERROR(CheckPractitioner(caller, "see safer-sleep assessments"));
  CRADLE_ASSIGN_OR_RETURN(auto row, casework_->FindAssessment(id));
  if (!row) return Status::NotFound("no assessment has id " + std::to_string(id));
  CRADLE_RETURN_IF_ERROR(CheckVisible(caller, *row));
  CRADLE_ASSIGN_OR_RETURN(safesleep::Outcome outcome, StoredOutcome(*row));
  auto entry =
      log_.Record({ActorOf(caller), audit::kRead, kAssessmentObject, std::to_string(id), ""});
  if (!entry.ok()) return entry.status();
  return RecordedAssessment{std::move(*row), std::move(outcome)};
}

Result<std::vector<store::AssessmentRow>> Assessments::List(const Caller& caller, int64_t from,
                                                            int64_t to) {
  CRADLE_RETURN_IF_ERROR(CheckPractitioner(caller, "see safer-sleep assessments"));
  if (to <= from) {
    return Status::InvalidArgument("the period must end after it starts");
  }
  CRADLE_ASSIGN_OR_RETURN(auto rows, casework_->Assessments(caller.user.organisation, from, to));
  auto entry = log_.Record({ActorOf(caller), audit::kRead, kAssessmentObject, "",
                            "list of " + std::to_string(rows.size()) + " from " +
                                audit::FormatUtc(from) + " to " + audit::FormatUtc(to)});
  if (!entry.ok()) return entry.status();
  return rows;
}

}  // namespace cradle::casework
