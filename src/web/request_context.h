// Who is asking: the user behind a request's session cookie, resolved once
// per request, or the public (no cookie, or a session that has ended). What a
// handler asks of it: the role, the CSRF token its forms must carry, and
// whether the request may go on (RequireRole, CheckCsrfOf).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>

#include "accounts/role.h"
#include "accounts/sessions.h"
#include "web/http_message.h"
#include "web/page_renderer.h"

namespace cradle::web {

struct RequestContext {
  std::optional<accounts::AuthenticatedSession> session;  // empty: the public
  std::string session_token;  // the cookie's value, when the session is live

  bool logged_in() const { return session.has_value(); }
  accounts::Role role() const { return session ? session->user.role : accounts::Role::kPublic; }
  // "" for the public, who post no forms but the login form.
  std::string csrf_token() const { return session ? session->csrf_token : ""; }
};

// The CSRF token a state-changing request carries: the X-CSRF-Token header
// (scripts), else the form field `csrf` of `form_csrf` (forms). Empty if none.
std::string SentCsrfToken(const Request& request, const std::string& form_csrf);

// nullopt if `context`'s user has one of `roles`; otherwise the refusal,
// which says nothing of what is behind it: for a page the public asks for
// with GET, 303 to the login page and back again; else 403, as JSON
// {"error": …} for paths under /api/ and as a page (from `renderer`) for the
// rest. The account header of the page is the caller's to add.
std::optional<Response> RequireRole(const RequestContext& context,
                                    std::initializer_list<accounts::Role> roles,
                                    const Request& request, const PageRenderer& renderer);

// 303 to /login?next=<the request's target>.
Response LoginRedirect(const Request& request);

inline constexpr const char* kForbiddenPage = "You do not have access to this page.";
inline constexpr const char* kForbiddenApi = "you do not have access to this";

}  // namespace cradle::web
