#include "plan/progress.h"

#include <algorithm>

#include "base/strings.h"
#include "plan/plan_file.h"

namespace cradle::plan {
namespace {

constexpr size_t kMaxText = 4000;

Status CheckText(const std::string& text, const records::Date& on, const records::Date& today) {
  if (Trim(text).empty()) return Status::InvalidArgument("the update: write what has happened");
  if (text.size() > kMaxText) {
    return Status::InvalidArgument("the update is longer than " + std::to_string(kMaxText) +
                                   " characters");
  }
  if (!IsValidUtf8(text)) return Status::InvalidArgument("the update is not valid UTF-8");
  if (on > today) {
    return Status::InvalidArgument("the date " + on.ToString() + " is after today (" +
                                   today.ToString() + ")");
  }
  return Status::Ok();
}

records::Date TodayOf(const audit::Log& log) {
  return records::Date::FromDays(static_cast<int>(log.clock().Now() / 86400));
}

}  // namespace

bool MayUpdateActions(const accounts::User& user) {
  using accounts::Role;
  return !user.disabled && (user.role == Role::kAnalyst || user.role == Role::kCdopMember ||
                            user.role == Role::kAdmin);
}

bool MayNoteRecommendations(const accounts::User& user) {
  using accounts::Role;
  return !user.disabled && (user.role == Role::kCdopMember || user.role == Role::kAdmin);
}

Result<store::ProgressEntry> Progress::UpdateAction(const accounts::User& user,
                                                    std::string_view source,
                                                    const ActionUpdateRequest& request) {
  if (!MayUpdateActions(user)) {
    return Status::PermissionDenied(
        "only analysts, CDOP members and admins can update an "
        "action: " +
        user.username + " is " + std::string(accounts::RoleName(user.role)));
  }
  if (!OneOf(request.rag, kRags)) {
    return Status::InvalidArgument("the RAG rating: choose red, amber, green or blue (complete)");
  }
  if (!OneOf(request.status, kActionStatuses)) {
    return Status::InvalidArgument(
        "the status: choose not started, in progress, complete or "
        "closed");
  }
  if ((request.rag == "B") != (request.status == "complete")) {
    return Status::InvalidArgument(
        "the RAG rating: blue means complete, so choose blue exactly when the status is complete");
  }
  CRADLE_RETURN_IF_ERROR(CheckText(request.text, request.on, TodayOf(log_)));
  store::ProgressEntry entry;
  entry.subject_id = request.action_id;
  entry.on = request.on;
  entry.author = user.username;
  entry.text = std::string(Trim(request.text));
  entry.status = request.status;
  entry.rag = request.rag;
  entry.recorded_at = log_.clock().Now();
  audit::Event event{accounts::ActorOf(user, std::string(source)), audit::kUpdate, "plan_action",
                     request.action_id, "RAG " + request.rag + ", " + request.status};
  CRADLE_ASSIGN_OR_RETURN(store::ProgressEntry stored,
                          store_.Plan()->AddActionUpdate(entry, log_.SealNow(event)));
  CRADLE_RETURN_IF_ERROR(log_.RecordHead());
  return stored;
}

Result<store::ProgressEntry> Progress::NoteRecommendation(
    const accounts::User& user, std::string_view source, const RecommendationNoteRequest& request) {
  if (!MayNoteRecommendations(user)) {
    return Status::PermissionDenied(
        "only CDOP members and admins can add progress to a recommendation: " + user.username +
        " is " + std::string(accounts::RoleName(user.role)));
  }
  if (!OneOf(request.status, kRecommendationStatuses)) {
    return Status::InvalidArgument("the status: choose open, in progress, implemented or closed");
  }
  CRADLE_RETURN_IF_ERROR(CheckText(request.text, request.on, TodayOf(log_)));
  store::ProgressEntry entry;
  entry.subject_id = request.recommendation_id;
  entry.on = request.on;
  entry.author = user.username;
  entry.text = std::string(Trim(request.text));
  entry.status = request.status;
  entry.recorded_at = log_.clock().Now();
  audit::Event event{accounts::ActorOf(user, std::string(source)), audit::kUpdate, "recommendation",
                     request.recommendation_id, "status " + request.status};
  CRADLE_ASSIGN_OR_RETURN(store::ProgressEntry stored,
                          store_.Plan()->AddRecommendationNote(entry, log_.SealNow(event)));
  CRADLE_RETURN_IF_ERROR(log_.RecordHead());
  return stored;
}

}  // namespace cradle::plan
