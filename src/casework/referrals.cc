#include "casework/referrals.h"

#include <utility>

#include "base/strings.h"

namespace cradle::casework {
namespace {

constexpr const char* kReferralObject = "referral";
constexpr size_t kMaxText = 2000;  // bytes of a reason or note

Status CheckText(std::string_view text, std::string_view what, bool required) {
  std::string_view trimmed = Trim(text);
  if (required && trimmed.empty()) {
    return Status::InvalidArgument(std::string(what) + " must not be empty");
  }
  if (trimmed.size() > kMaxText || !IsValidUtf8(trimmed)) {
    return Status::InvalidArgument(std::string(what) + " must be text of at most " +
                                   std::to_string(kMaxText) + " bytes");
  }
  return Status::Ok();
}

Status CheckConsent(const Consent& consent, int64_t now) {
  if (!consent.given) {
    return Status::InvalidArgument(
        "a referral needs the family's consent: ask them, then record that they gave it and "
        "how (verbal or written)");
  }
  if (consent.how != "verbal" && consent.how != "written") {
    return Status::InvalidArgument("consent.how must be verbal or written, not '" + consent.how +
                                   "'");
  }
  if (consent.at && *consent.at > now) {
    return Status::InvalidArgument("consent.at must not be in the future");
  }
  return Status::Ok();
}

bool MadeBy(const Caller& caller, const store::ReferralRow& row) {
  return row.from_organisation == caller.user.organisation;
}
bool AddressedTo(const Caller& caller, const store::ReferralRow& row) {
  return row.to_organisation == caller.user.organisation;
}

}  // namespace

Referrals::Referrals(store::Store& store, audit::Log& log,
                     const accounts::Pseudonymiser& pseudonymiser)
    : casework_(store.Casework()),
      directory_(store.Directory()),
      log_(log),
      pseudonymiser_(pseudonymiser) {}

Result<store::ReferralRow> Referrals::Make(const Caller& caller, const NewReferral& referral) {
  CRADLE_RETURN_IF_ERROR(CheckPractitioner(caller, "make a referral"));
  const int64_t now = log_.clock().Now();
  CRADLE_RETURN_IF_ERROR(CheckConsent(referral.consent, now));
  CRADLE_RETURN_IF_ERROR(CheckText(referral.reason, "the reason", /*required=*/true));
  CRADLE_ASSIGN_OR_RETURN(std::string pseudonym, pseudonymiser_.Pseudonym(referral.nhs_number));

  CRADLE_ASSIGN_OR_RETURN(auto service, directory_->FindService(referral.service_id));
  if (!service) {
    return Status::NotFound("no service has id '" + referral.service_id + "' in the directory");
  }
  if (service->status != "active") {
    return Status::InvalidArgument("service '" + service->name + "' is " + service->status +
                                   " and takes no referrals");
  }
  CRADLE_ASSIGN_OR_RETURN(auto organizations, directory_->Organizations());
  std::string to_organisation;
  for (const auto& organization : organizations) {
    if (organization.id == service->organization_id) to_organisation = organization.name;
  }
  if (to_organisation.empty()) {
    return Status::NotFound("service '" + service->name +
                            "' names an organisation that is not "
                            "in the directory");
  }
  if (referral.assessment_id) {
    CRADLE_ASSIGN_OR_RETURN(auto assessment, casework_->FindAssessment(*referral.assessment_id));
    if (!assessment) {
      return Status::NotFound("no assessment has id " + std::to_string(*referral.assessment_id));
    }
    if (assessment->organisation != caller.user.organisation) {
      return Status::PermissionDenied("assessment " + std::to_string(assessment->id) +
                                      " was not made by " + caller.user.organisation);
    }
    if (assessment->family_pseudonym != pseudonym) {
      return Status::InvalidArgument("assessment " + std::to_string(assessment->id) +
                                     " is of another family than the one referred");
    }
  }

  store::ReferralRow row;
  row.family_pseudonym = pseudonym;
  row.from_organisation = caller.user.organisation;
  row.from_user_id = caller.user.id;
  row.to_service_id = service->id;
  row.to_organization_id = service->organization_id;
  row.to_organisation = to_organisation;
  row.reason = std::string(Trim(referral.reason));
  row.assessment_id = referral.assessment_id;
  row.consent_recorded = true;
  row.consent_by_user_id = caller.user.id;
  row.consent_at = referral.consent.at.value_or(now);
  row.consent_how = referral.consent.how;
  row.status = std::string(ReferralStatusName(ReferralStatus::kSent));
  row.created_at = now;
  row.updated_at = now;
  row.events.push_back({row.status, now, caller.user.id, "", ""});

  audit::Event event{
      ActorOf(caller), audit::kCreate, kReferralObject, "",
      "to service " + service->id + " (" + to_organisation + "), consent " + row.consent_how +
          (row.assessment_id ? ", from assessment " + std::to_string(*row.assessment_id) : "")};
  CRADLE_ASSIGN_OR_RETURN(store::ReferralRow stored, casework_->AddReferral(row, [&](int64_t id) {
    event.object_id = std::to_string(id);
    return log_.SealNow(event);
  }));
  CRADLE_RETURN_IF_ERROR(log_.RecordHead());
  return stored;
}

Result<store::ReferralRow> Referrals::Move(const Caller& caller, int64_t id, ReferralStatus to,
                                           const std::string& note) {
  CRADLE_RETURN_IF_ERROR(CheckPractitioner(caller, "change a referral's status"));
  CRADLE_RETURN_IF_ERROR(CheckText(note, "the note", /*required=*/false));
  CRADLE_ASSIGN_OR_RETURN(auto row, casework_->FindReferral(id));
  if (!row) return Status::NotFound("no referral has id " + std::to_string(id));
  if (!AddressedTo(caller, *row)) {
    if (MadeBy(caller, *row)) {
      return Status::PermissionDenied("only " + row->to_organisation +
                                      ", which received referral " + std::to_string(id) +
                                      ", can mark it " + std::string(ReferralStatusName(to)));
    }
    return Status::PermissionDenied("referral " + std::to_string(id) +
                                    " was neither made by nor addressed to " +
                                    caller.user.organisation);
  }
  CRADLE_ASSIGN_OR_RETURN(ReferralStatus from, ParseReferralStatus(row->status));
  Status allowed = CheckTransition(from, to);
  if (!allowed.ok()) {
    return Status::InvalidArgument("referral " + std::to_string(id) + ": " + allowed.message());
  }
  store::ReferralEventRow event_row{std::string(ReferralStatusName(to)), log_.clock().Now(),
                                    caller.user.id, "", std::string(Trim(note))};
  audit::Event event{ActorOf(caller), audit::kUpdate, kReferralObject, std::to_string(id),
                     row->status + " -> " + event_row.status};
  CRADLE_RETURN_IF_ERROR(
      casework_->ChangeReferralStatus(id, row->status, event_row, log_.SealNow(event)));
  CRADLE_RETURN_IF_ERROR(log_.RecordHead());
  CRADLE_ASSIGN_OR_RETURN(auto stored, casework_->FindReferral(id));
  if (!stored) return Status::Internal("referral " + std::to_string(id) + " vanished");
  return *stored;
}

Result<store::ReferralRow> Referrals::Find(const Caller& caller, int64_t id) {
  CRADLE_RETURN_IF_ERROR(CheckPractitioner(caller, "see referrals"));
  CRADLE_ASSIGN_OR_RETURN(auto row, casework_->FindReferral(id));
  if (!row) return Status::NotFound("no referral has id " + std::to_string(id));
  if (!MadeBy(caller, *row) && !AddressedTo(caller, *row)) {
    return Status::PermissionDenied("referral " + std::to_string(id) +
                                    " was neither made by nor addressed to " +
                                    caller.user.organisation);
  }
  auto entry =
      log_.Record({ActorOf(caller), audit::kRead, kReferralObject, std::to_string(id), ""});
  if (!entry.ok()) return entry.status();
  return *row;
}

Result<std::vector<store::ReferralRow>> Referrals::Sent(const Caller& caller, int64_t from,
                                                        int64_t to) {
  store::ReferralFilter filter;
  filter.from_organisation = caller.user.organisation;
  filter.sent_from = from;
  filter.sent_to = to;
  return List(caller, filter, "sent");
}

Result<std::vector<store::ReferralRow>> Referrals::Received(const Caller& caller, int64_t from,
                                                            int64_t to) {
  store::ReferralFilter filter;
  filter.to_organisation = caller.user.organisation;
  filter.sent_from = from;
  filter.sent_to = to;
  return List(caller, filter, "received");
}

Result<std::vector<store::ReferralRow>> Referrals::List(const Caller& caller,
                                                        store::ReferralFilter filter,
                                                        const std::string& which) {
  CRADLE_RETURN_IF_ERROR(CheckPractitioner(caller, "see referrals"));
  if (*filter.sent_to <= *filter.sent_from) {
    return Status::InvalidArgument("the period must end after it starts");
  }
  CRADLE_ASSIGN_OR_RETURN(auto rows, casework_->Referrals(filter));
  auto entry = log_.Record({ActorOf(caller), audit::kRead, kReferralObject, "",
                            "list of " + std::to_string(rows.size()) + " " + which + " from " +
                                audit::FormatUtc(*filter.sent_from) + " to " +
                                audit::FormatUtc(*filter.sent_to)});
  if (!entry.ok()) return entry.status();
  return rows;
}

}  // namespace cradle::casework
