#include "cdop/register.h"

#include "imports/review_import.h"
#include "records/review_parser.h"

namespace cradle::cdop {

constexpr const char* kObjectType = "cdop_review";

bool MaySeeCases(const accounts::User& user) {
  return !user.disabled && user.role == accounts::Role::kCdopMember;
}

Status Register::Check(const accounts::User& user, std::string_view doing) const {
  if (MaySeeCases(user)) return Status::Ok();
  return Status::PermissionDenied("only CDOP members can " + std::string(doing) + ": " +
                                  user.username + " is " +
                                  std::string(accounts::RoleName(user.role)));
}

Status Register::Audit(const accounts::User& user, std::string_view source, const char* action,
                       const std::string& object_id, const std::string& detail) {
  return log_
      .Record(
          {accounts::ActorOf(user, std::string(source)), action, kObjectType, object_id, detail})
      .status();
}

Result<std::vector<records::ReviewRecord>> Register::List(const accounts::User& user,
                                                          std::string_view source) {
  CRADLE_RETURN_IF_ERROR(Check(user, "see the register of child death reviews"));
  CRADLE_ASSIGN_OR_RETURN(auto reviews, store_.Reviews()->Reviews());
  // Read only once the log holds the read.
  CRADLE_RETURN_IF_ERROR(
      Audit(user, source, audit::kRead, "", std::to_string(reviews.size()) + " reviews listed"));
  return reviews;
}

Result<std::optional<records::ReviewRecord>> Register::Find(const accounts::User& user,
                                                            std::string_view source,
                                                            std::string_view review_id) {
  CRADLE_RETURN_IF_ERROR(Check(user, "see a child death review"));
  CRADLE_ASSIGN_OR_RETURN(auto review, store_.Reviews()->FindReview(review_id));
  if (review) CRADLE_RETURN_IF_ERROR(Audit(user, source, audit::kRead, review->review_id, ""));
  return review;
}

Result<std::vector<records::FieldError>> Register::Save(const accounts::User& user,
                                                        std::string_view source,
                                                        const std::vector<std::string>& fields,
                                                        bool is_new) {
  CRADLE_RETURN_IF_ERROR(
      Check(user, is_new ? "enter a child death review" : "change a child death review"));
  CRADLE_ASSIGN_OR_RETURN(auto parser,
                          records::ReviewParser::ForHeader(records::ReviewColumns(), "form"));
  const records::Date today = records::Date::FromDays(static_cast<int>(log_.clock().Now() / 86400));
  std::vector<records::FieldError> errors;
  std::optional<records::ReviewRecord> review = parser.Parse(0, fields, today, &errors);
  if (!review) return errors;
  auto reviews = store_.Reviews();
  CRADLE_ASSIGN_OR_RETURN(auto held, reviews->FindReview(review->review_id));
  if (is_new && held) {
    errors.push_back({0, "review_id", "'" + review->review_id + "' is already in the register"});
  }
  if (!is_new && !held) return Status::NotFound("no review has id '" + review->review_id + "'");
  if (!review->birth_id.empty()) {
    CRADLE_ASSIGN_OR_RETURN(auto other, reviews->ReviewOfBirth(review->birth_id));
    if (other && *other != review->review_id) {
      errors.push_back(
          {0, "birth_id",
           "'" + review->birth_id + "' is already reviewed in the register as '" + *other + "'"});
    }
    CRADLE_ASSIGN_OR_RETURN(imports::ReviewLinks links, imports::ReadReviewLinks(store_));
    imports::CheckReviewLink(0, *review, links, errors);
  }
  if (!errors.empty()) return errors;
  if (!is_new && *held == *review) return errors;  // nothing changed: nothing to audit
  audit::Event event{accounts::ActorOf(user, std::string(source)),
                     is_new ? audit::kCreate : audit::kUpdate, kObjectType, review->review_id,
                     review->Reviewed() ? "panel " + review->panel_on->ToString() : "open"};
  store::AuditSeal seal = log_.SealNow(event);
  CRADLE_RETURN_IF_ERROR(reviews->PutReviews({*review}, &seal).status());
  CRADLE_RETURN_IF_ERROR(log_.RecordHead());
  return errors;
}

}  // namespace cradle::cdop
