// The practitioners' pages of issue 6 (docs/referrals.md): safer-sleep
// assessments and referrals, laid out for a tablet. Only practitioners reach
// them (RequireRole), and every read and write goes through
// casework::Assessments and casework::Referrals, which audit it and keep each
// organisation to its own families; the aggregate timings are open to
// analysts and admins too. Forms are checked on the server: a refused form
// comes back with the user's answers kept and a message naming the field,
// and nothing of it is stored.
//
//   GET  /assessments                         the organisation's, newest first
//   GET  /assessments/new[?touchpoint=&follows=]  the touchpoint, then the form
//   POST /assessments/new                     record; 303 to /assessments/{id}
//   GET  /assessments/{id}                    level, reasons, actions, referral links
//   GET  /referrals                           sent by and received by the organisation
//   GET  /referrals/new[?assessment=&service=]  the form; POST sends, 303 to /referrals/{id}
//   GET  /referrals/{id}                      detail, history, the receiver's status buttons
//   POST /referrals/{id}/status               to=accepted|completed|declined|not_contactable
//   GET  /referrals/timing                    days to completion per service (aggregate)
//
// Not thread-safe: the app serialises calls (routes.h).
#pragma once

#include <cstdint>
#include <kainjow/mustache.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "casework/assessments.h"
#include "casework/caller.h"
#include "casework/referrals.h"
#include "safesleep/registry.h"
#include "store/directory_store.h"
#include "web/routes.h"

namespace cradle::web {

class CaseworkRoutes : public Routes {
 public:
  // One problem with a posted form: the id of the element it is about (a
  // link in the summary goes there; "" for the form as a whole) and the
  // sentence to show.
  struct FieldError {
    std::string field;
    std::string message;
  };

  // Loads the safer-sleep rules from deps.data_dir/safesleep and the
  // assessment_* and referral_* templates. The rules' or templates' error
  // (naming the file) if one cannot be read.
  static Result<std::unique_ptr<CaseworkRoutes>> Create(const RouteDeps& deps);
  ~CaseworkRoutes() override;

  bool Handles(std::string_view path) const override;
  Response Handle(const Request& request, const RequestContext& context,
                  const FormFields& form) override;

 private:
  struct Templates;
  explicit CaseworkRoutes(const RouteDeps& deps);

  // assessment_pages.cc, assessment_form.cc
  Response AssessmentList(const casework::Caller& caller);
  Response AssessmentForm(const Request& request, const RequestContext& context,
                          const FormFields& form, int status,
                          const std::vector<FieldError>& errors);
  Response AssessmentPost(const Request& request, const RequestContext& context,
                          const FormFields& form);
  Response AssessmentOutcome(const casework::Caller& caller, int64_t id);

  // referral_pages.cc, referral_timing_page.cc
  Response ReferralList(const casework::Caller& caller);
  Response ReferralForm(const Request& request, const RequestContext& context,
                        const FormFields& form, int status, const std::vector<FieldError>& errors);
  Response ReferralPost(const Request& request, const RequestContext& context,
                        const FormFields& form);
  Response ReferralDetail(const Request& request, const RequestContext& context, int64_t id,
                          int status, const std::string& error, const std::string& note);
  Response ReferralStatusPost(const Request& request, const RequestContext& context, int64_t id,
                              const FormFields& form);
  Response ReferralTiming(const RequestContext& context);

  // casework_routes.cc: what the pages share.
  // A page in the site frame under `title`, with the casework pages' links.
  Response Page(int status, const std::string& title, const std::string& content,
                std::string_view current) const;  // current "": no casework links
  // The error page for a refusal from casework/: its sentence for a 4xx; for
  // anything else a plain apology, since a store failure's words (SQLite's)
  // are not for the page.
  Response Refusal(const Status& status) const;
  // "27 Nov 2026 08:00 UTC": times are stored and shown in UTC.
  static std::string FormatTime(int64_t unix_seconds);
  // "under a day", "1 day", "12 days": whole days from `from` to `to`.
  static std::string DaysBetween(int64_t from, int64_t to);
  // A status message as a sentence: first letter capitalised, a full stop.
  static std::string Sentence(std::string message);
  // The first 8 hex digits of a family's pseudonym: enough to tell families
  // apart on a list, useless for finding anyone.
  static std::string ShortPseudonym(const std::string& pseudonym);
  // Sets the error summary of a refused form in `view`, as the templates
  // take it: has_errors, errors [{message, field, has_field}].
  static void SetErrors(kainjow::mustache::data& view, const std::vector<FieldError>& errors);
  // The message for `field` among `errors`, or "".
  static std::string ErrorFor(const std::vector<FieldError>& errors, std::string_view field);

  const AppData& data_;
  store::Store& store_;
  const audit::Clock& clock_;
  const PageRenderer& renderer_;
  const accounts::Pseudonymiser& pseudonymiser_;
  safesleep::RulesRegistry rules_;
  std::unique_ptr<store::DirectoryStore> directory_;
  std::unique_ptr<casework::Assessments> assessments_;
  std::unique_ptr<casework::Referrals> referrals_;
  std::unique_ptr<Templates> templates_;
};

// The compiled templates (data/web/templates), for the casework page files.
struct CaseworkRoutes::Templates {
  std::unique_ptr<kainjow::mustache::mustache> assessment_list;
  std::unique_ptr<kainjow::mustache::mustache> assessment_touchpoint;
  std::unique_ptr<kainjow::mustache::mustache> assessment_form;
  std::unique_ptr<kainjow::mustache::mustache> assessment_outcome;
  std::unique_ptr<kainjow::mustache::mustache> referral_list;
  std::unique_ptr<kainjow::mustache::mustache> referral_form;
  std::unique_ptr<kainjow::mustache::mustache> referral_detail;
  std::unique_ptr<kainjow::mustache::mustache> referral_timing;
};

}  // namespace cradle::web
