// The web app's accounts: who a request comes from (Resolve), the login and
// logout forms, the admin's user pages, and the account part of every page's
// header. The session lives in the cookie `cradle_session` (cookies.h); every
// POST here carries the session's CSRF token (the login form a pre-session
// one), and the accounts layer audits each login, logout and user change.
//
//   GET  /login[?next=/path]        the form      POST /login    log in, 303 to next
//   POST /logout                    log out, 303 to /
//   GET  /admin/users               the list and the add form (admin only)
//   POST /admin/users               add           POST /admin/users/{name}/disable
//   POST /admin/users/{name}/reset  a new password
//
// Not thread-safe: the caller serialises calls, as it does for the store.
#pragma once

#include <memory>
#include <string>

#include "accounts/sessions.h"
#include "accounts/users.h"
#include "audit/clock.h"
#include "audit/log.h"
#include "base/result.h"
#include "store/store.h"
#include "web/form.h"
#include "web/http_message.h"
#include "web/page_renderer.h"
#include "web/request_context.h"

namespace cradle::web {

struct AccountRoutesOptions {
  std::string template_dir;    // login.mustache, admin_users.mustache
  std::string head_directory;  // where the audit log's head file goes
  accounts::AccountOptions accounts;
  bool secure_cookies = false;  // mark cookies Secure (served over TLS)
};

class AccountRoutes {
 public:
  // Keeps references to `store`, `clock` and `renderer`, which must outlive
  // it. InvalidData naming a template that does not parse.
  static Result<std::unique_ptr<AccountRoutes>> Create(store::Store& store,
                                                       const audit::Clock& clock,
                                                       const PageRenderer& renderer,
                                                       AccountRoutesOptions options);
  ~AccountRoutes();

  // True for the paths this unit answers.
  static bool Handles(const std::string& path);

  // The user behind the request's session cookie; the public if there is
  // none, or it is unknown, ended or expired (ending it if expired).
  RequestContext Resolve(const Request& request);

  // OK if `context` is a logged-in user and `request` carries their session's
  // CSRF token (header or the form's `csrf` field); PermissionDenied, with
  // the sentence for the 403 page, otherwise.
  Status CheckCsrf(const RequestContext& context, const Request& request,
                   const FormFields& form) const;

  // The audit log the accounts layer writes to, for the other parts of the
  // app (routes.h) to write to as well.
  audit::Log& log() { return *log_; }

  // Answers a request for one of its paths (Handles).
  Response Handle(const Request& request);

  // `response` with its header's account part made `context`'s, and kept
  // from caches, if `context` is a logged-in user and the page has one.
  Response Personalise(Response response, const RequestContext& context) const;

 private:
  AccountRoutes(const PageRenderer& renderer, AccountRoutesOptions options);
  Response LoginPage(const Request& request, const RequestContext& context);
  Response LoginPost(const Request& request, const FormFields& form);
  Response LogoutPost(const Request& request, const RequestContext& context);
  Response AdminUsers(const Request& request, const RequestContext& context, const FormFields& form,
                      int status, const std::string& message);
  Response AdminPost(const Request& request, const RequestContext& context, const FormFields& form);
  Response LoginForm(int status, const std::string& message, const std::string& username,
                     const std::string& next);
  Response Page(int status, const std::string& title, const std::string& content,
                const RequestContext& context) const;

  struct Templates;
  const PageRenderer& renderer_;
  AccountRoutesOptions options_;
  std::unique_ptr<audit::Log> log_;
  std::unique_ptr<accounts::Users> users_;
  std::unique_ptr<accounts::Sessions> sessions_;
  std::unique_ptr<Templates> templates_;
};

}  // namespace cradle::web
