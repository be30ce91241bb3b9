// The referral pages (casework_routes.h): what the organisation sent and
// received, the referral form (consent required, the NHS number asked again
// because an assessment holds only a pseudonym), and a referral's detail and
// history with the receiving organisation's status buttons. Every rule is
// casework::Referrals' (who may see, send or move what, which moves are
// allowed); these pages only show its answers, naming the field a refusal is
// about. The time to completion is in referral_timing_page.cc.
#include <map>

#include "base/strings.h"
#include "web/casework_routes.h"

namespace cradle::web {

namespace mustache = kainjow::mustache;

namespace {

using FieldError = CaseworkRoutes::FieldError;

constexpr casework::ReferralStatus kStatuses[] = {
    casework::ReferralStatus::kSent, casework::ReferralStatus::kAccepted,
    casework::ReferralStatus::kCompleted, casework::ReferralStatus::kDeclined,
    casework::ReferralStatus::kNotContactable};

std::string StatusWords(std::string_view status) {
  if (status == "sent") return "Sent";
  if (status == "accepted") return "Accepted";
  if (status == "completed") return "Completed";
  if (status == "declined") return "Declined";
  if (status == "not_contactable") return "Not contactable";
  return std::string(status);
}

// The receiving organisation's button for a move to `to`.
std::string MoveLabel(casework::ReferralStatus to) {
  switch (to) {
    case casework::ReferralStatus::kAccepted:
      return "Accept";
    case casework::ReferralStatus::kCompleted:
      return "Mark completed";
    case casework::ReferralStatus::kDeclined:
      return "Decline";
    case casework::ReferralStatus::kNotContactable:
      return "Could not contact the family";
    case casework::ReferralStatus::kSent:
      break;
  }
  return "Mark sent";
}

// Which field a refusal from casework::Referrals::Make is about, by what its
// sentence names, so the summary can link to it.
std::string FieldOf(const std::string& message) {
  if (message.find("consent.how") != std::string::npos) return "consent_how";
  if (message.find("consent") != std::string::npos) return "consent";
  if (message.find("NHS number") != std::string::npos) return "nhs_number";
  if (message.rfind("the reason", 0) == 0) return "reason";
  if (message.find("service") != std::string::npos &&
      message.find("assessment") == std::string::npos) {
    return "service";
  }
  return "";
}

}  // namespace

Response CaseworkRoutes::ReferralList(const casework::Caller& caller) {
  const int64_t now = clock_.Now();
  auto sent = referrals_->Sent(caller, 0, now + 1);
  if (!sent.ok()) return Refusal(sent.status());
  auto received = referrals_->Received(caller, 0, now + 1);
  if (!received.ok()) return Refusal(received.status());
  auto rows = [&](std::vector<store::ReferralRow>& referrals) {
    mustache::data list(mustache::data::type::list);
    // Newest first: the store gives them oldest first.
    for (auto it = referrals.rbegin(); it != referrals.rend(); ++it) {
      mustache::data one;
      one.set("id", std::to_string(it->id));
      one.set("sent", FormatTime(it->created_at));
      one.set("since", DaysBetween(it->created_at, now));
      one.set("service", it->to_service);
      one.set("to", it->to_organisation);
      one.set("from", it->from_organisation);
      one.set("family", ShortPseudonym(it->family_pseudonym));
      one.set("status", it->status);
      one.set("status_words", StatusWords(it->status));
      list.push_back(one);
    }
    return list;
  };
  mustache::data view;
  view.set("organisation", caller.user.organisation);
  view.set("has_sent", !sent->empty());
  view.set("sent", rows(*sent));
  view.set("has_received", !received->empty());
  view.set("received", rows(*received));
  return Page(200, "Referrals", templates_->referral_list->render(view), "/referrals");
}

Response CaseworkRoutes::ReferralForm(const Request& request, const RequestContext& context,
                                      const FormFields& form, int status,
                                      const std::vector<FieldError>& errors) {
  const bool posted = !form.empty();
  auto value = [&](const std::string& name) {
    if (posted) return FormValue(form, name);
    auto found = request.query.find(name);
    return found == request.query.end() ? std::string() : found->second;
  };
  mustache::data view;
  view.set("csrf", context.csrf_token());
  SetErrors(view, errors);
  std::string reason = FormValue(form, "reason");
  std::string assessment(Trim(value("assessment")));
  view.set("has_assessment", !assessment.empty());
  view.set("assessment", assessment);
  if (!posted && !assessment.empty()) {
    // Opened from an assessment: it must be one the caller may see, and its
    // reasons start the referral's.
    auto id = ParseInt64(assessment);
    if (!id || *id <= 0) {
      return renderer_.RenderError(400, "Assessment '" + assessment + "' is not a number.");
    }
    casework::Caller caller{context.session->user, request.client_address};
    auto found = assessments_->Find(caller, *id);
    if (!found.ok()) return Refusal(found.status());
    view.set("assessment_level", std::string(safesleep::RiskLevelName(found->outcome.level)));
    view.set("assessment_date", FormatTime(found->row.created_at));
    for (const safesleep::Reason& why : found->outcome.reasons) {
      if (reason.size() + why.text.size() > 1800) break;  // within casework's 2,000 bytes
      reason += (reason.empty() ? "" : "\n") + why.text;
    }
  }
  view.set("reason", reason);
  view.set("nhs_number", FormValue(form, "nhs_number"));
  view.set("consent", FormValue(form, "consent") == "yes");
  std::string how = FormValue(form, "consent_how");
  view.set("verbal", how == "verbal");
  view.set("written", how == "written");

  auto services = directory_->Services();
  if (!services.ok()) return Refusal(services.status());
  auto organisations = directory_->Organizations();
  if (!organisations.ok()) return Refusal(organisations.status());
  std::map<std::string, std::string> run_by;
  for (const store::Organization& organisation : *organisations) {
    run_by[organisation.id] = organisation.name;
  }
  std::string chosen = value("service");
  mustache::data options(mustache::data::type::list);
  for (const store::Service& service : *services) {
    if (service.status != "active") continue;  // casework refuses the rest
    mustache::data option;
    option.set("value", service.id);
    option.set("label", service.name + " (" + run_by[service.organization_id] + ")");
    option.set("selected", service.id == chosen);
    options.push_back(option);
  }
  view.set("services", options);
  for (auto [key, field] :
       {std::pair{"nhs_error", "nhs_number"}, std::pair{"service_error", "service"},
        std::pair{"reason_error", "reason"}, std::pair{"consent_error", "consent"},
        std::pair{"how_error", "consent_how"}}) {
    std::string message = ErrorFor(errors, field);
    view.set(std::string("has_") + key, !message.empty());
    view.set(key, message);
  }
  return Page(status, "Refer a family", templates_->referral_form->render(view), "/referrals");
}

Response CaseworkRoutes::ReferralPost(const Request& request, const RequestContext& context,
                                      const FormFields& form) {
  std::vector<FieldError> errors;
  casework::NewReferral referral;
  referral.nhs_number = FormValue(form, "nhs_number");
  referral.service_id = FormValue(form, "service");
  referral.reason = FormValue(form, "reason");
  referral.consent.given = FormValue(form, "consent") == "yes";
  referral.consent.how = FormValue(form, "consent_how");
  // What casework would refuse in words about its own fields ("consent.how"),
  // said here about the form's; consent itself is casework's to refuse.
  if (Trim(referral.nhs_number).empty()) {
    errors.push_back({"nhs_number", "NHS number: enter the family's NHS number (10 digits)."});
  } else if (auto checked = pseudonymiser_.Pseudonym(referral.nhs_number); !checked.ok()) {
    errors.push_back({"nhs_number", "NHS number: " + checked.status().message() + "."});
  }
  if (referral.service_id.empty()) {
    errors.push_back({"service", "Service: choose the service to refer the family to."});
  }
  if (Trim(referral.reason).empty()) {
    errors.push_back({"reason", "Reason: say why the family is referred."});
  }
  if (referral.consent.given && referral.consent.how.empty()) {
    errors.push_back({"consent_how", "Consent: say how the family gave it (verbal or written)."});
  }
  if (std::string assessment(Trim(FormValue(form, "assessment"))); !assessment.empty()) {
    referral.assessment_id = ParseInt64(assessment);
    if (!referral.assessment_id || *referral.assessment_id <= 0) {
      errors.push_back({"", "Assessment '" + assessment + "' is not an assessment number."});
    }
  }
  if (!errors.empty()) return ReferralForm(request, context, form, 400, errors);
  casework::Caller caller{context.session->user, request.client_address};
  auto made = referrals_->Make(caller, referral);
  if (!made.ok()) {
    int status = HttpStatus(made.status().code());
    if (status >= 500) return Refusal(made.status());
    std::string message = made.status().message();
    return ReferralForm(request, context, form, status, {{FieldOf(message), Sentence(message)}});
  }
  return Redirect("/referrals/" + std::to_string(made->id));
}

Response CaseworkRoutes::ReferralDetail(const Request& request, const RequestContext& context,
                                        int64_t id, int status, const std::string& error,
                                        const std::string& note) {
  casework::Caller caller{context.session->user, request.client_address};
  auto found = referrals_->Find(caller, id);
  if (!found.ok()) return Refusal(found.status());
  const store::ReferralRow& row = *found;
  const int64_t now = clock_.Now();
  const bool receiver = row.to_organisation == caller.user.organisation;
  const bool referrer = row.from_organisation == caller.user.organisation;

  mustache::data view;
  view.set("csrf", context.csrf_token());
  view.set("id", std::to_string(row.id));
  view.set("service", row.to_service);
  view.set("to", row.to_organisation);
  view.set("from", row.from_organisation);
  view.set("from_user", row.from_user);
  view.set("family", ShortPseudonym(row.family_pseudonym));
  view.set("sent", FormatTime(row.created_at));
  view.set("since", DaysBetween(row.created_at, now));
  view.set("status", row.status);
  view.set("status_words", StatusWords(row.status));
  view.set("reason", row.reason);
  view.set("consent_how", row.consent_how);
  view.set("consent_at", row.consent_at ? FormatTime(*row.consent_at) : "not recorded");
  view.set("has_assessment", row.assessment_id.has_value());
  // The assessment is the referring organisation's: only it gets a link.
  view.set("assessment_link", row.assessment_id.has_value() && referrer);
  view.set("assessment", row.assessment_id ? std::to_string(*row.assessment_id) : "");
  view.set("receiver", receiver);

  mustache::data history(mustache::data::type::list);
  for (const store::ReferralEventRow& event : row.events) {
    mustache::data one;
    one.set("status_words", StatusWords(event.status));
    one.set("at", FormatTime(event.at));
    one.set("by", event.by_user);
    one.set("note", event.note);
    history.push_back(one);
  }
  view.set("history", history);

  // Only the moves casework would allow are offered (it refuses the rest).
  mustache::data moves(mustache::data::type::list);
  bool can_move = false;
  if (receiver) {
    if (auto from = casework::ParseReferralStatus(row.status); from.ok()) {
      for (casework::ReferralStatus to : kStatuses) {
        if (!casework::CheckTransition(*from, to).ok()) continue;
        mustache::data move;
        move.set("to", std::string(casework::ReferralStatusName(to)));
        move.set("label", MoveLabel(to));
        moves.push_back(move);
        can_move = true;
      }
    }
  }
  view.set("can_move", can_move);
  view.set("moves", moves);
  view.set("note", note);
  std::string done;
  if (status == 200) {
    auto asked = request.query.find("done");
    // Only a status's own words, so a link cannot put words on the page.
    if (asked != request.query.end() && casework::ParseReferralStatus(asked->second).ok()) {
      done = "Marked " + ToLower(StatusWords(asked->second)) + ".";
    }
  }
  view.set("has_done", !done.empty());
  view.set("done", done);
  std::vector<FieldError> errors;
  if (!error.empty()) errors.push_back({can_move ? "status-change" : "", error});
  SetErrors(view, errors);
  return Page(status, "Referral " + std::to_string(row.id),
              templates_->referral_detail->render(view), "/referrals");
}

Response CaseworkRoutes::ReferralStatusPost(const Request& request, const RequestContext& context,
                                            int64_t id, const FormFields& form) {
  std::string note = FormValue(form, "note");
  auto to = casework::ParseReferralStatus(FormValue(form, "to"));
  if (!to.ok())
    return ReferralDetail(request, context, id, 400, Sentence(to.status().message()), note);
  casework::Caller caller{context.session->user, request.client_address};
  auto moved = referrals_->Move(caller, id, *to, note);
  if (!moved.ok()) {
    int status = HttpStatus(moved.status().code());
    // A referral the caller may not see at all is refused as any page is.
    if (status >= 500 || moved.status().code() == StatusCode::kNotFound) {
      return Refusal(moved.status());
    }
    return ReferralDetail(request, context, id, status, Sentence(moved.status().message()), note);
  }
  return Redirect("/referrals/" + std::to_string(id) +
                  "?done=" + std::string(casework::ReferralStatusName(*to)));
}

}  // namespace cradle::web
