// The parts of the web app that answer for a known user, outside the
// response cache: forms that change the store and pages of record-level
// data. The app does what they all need before Handle is called: it resolves
// who is asking (the public, or a logged-in user), and for a POST it reads
// the form and refuses it (403) unless the user is logged in and the form
// carries the session's CSRF token. A Routes then checks the role its path
// needs (RequireRole), answers, and audits what it reads or writes. Its
// answers are never cached and are given the user's page header.
//
// Also the small responses every such part uses, written once; templates
// load with LoadTemplate (page_renderer.h).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "accounts/pseudonym.h"
#include "audit/clock.h"
#include "audit/log.h"
#include "base/result.h"
#include "store/store.h"
#include "web/form.h"
#include "web/http_message.h"
#include "web/page_renderer.h"
#include "web/request_context.h"

namespace cradle::web {

struct AppData;  // app.h

// What a Routes may use; all outlive it. Calls are serialised by the app.
struct RouteDeps {
  const AppData& data;  // the records, boundaries and indicator engine
  store::Store& store;
  audit::Log& log;
  const audit::Clock& clock;
  const PageRenderer& renderer;
  const accounts::Pseudonymiser& pseudonymiser;
  std::string data_dir;  // holds web/templates, safesleep/, directory/
};

class Routes {
 public:
  virtual ~Routes() = default;
  // True for the paths this part answers (every method).
  virtual bool Handles(std::string_view path) const = 0;
  // `form` is the POSTed form, its CSRF token already checked; empty for
  // GET and HEAD. Methods other than GET, HEAD and POST never arrive.
  virtual Response Handle(const Request& request, const RequestContext& context,
                          const FormFields& form) = 0;
};

// GET or HEAD.
bool Reads(const Request& request);
// The date (UTC) of the clock's now: what "today" and "overdue" mean.
records::Date TodayOf(const audit::Clock& clock);
// 303 See Other to `location` (a path on this site).
Response Redirect(const std::string& location);
// 405 with the Allow header.
Response NotAllowed(const std::string& method, const std::string& allow);

}  // namespace cradle::web
