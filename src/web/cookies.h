// The session cookie: reading a cookie from a request, and the Set-Cookie
// values that start and end a session. The cookie is `cradle_session`,
// HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
// it), Path=/, and Secure when the app is served over TLS (`cradle serve
// --secure-cookies`, behind a TLS proxy; the server itself speaks plain HTTP).
// It has no Max-Age or Expires, so it lasts until the browser closes; the
// server enforces idle and absolute expiry (accounts/sessions.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "web/http_message.h"

namespace cradle::web {

inline constexpr const char* kSessionCookie = "cradle_session";
// Before login, a random token in this cookie must match the login form's
// hidden field (a double-submit token), so another site cannot log a
// visitor in to an account of its choosing.
inline constexpr const char* kLoginCookie = "cradle_login";

// The value of cookie `name` in `request`'s Cookie header, if sent.
std::optional<std::string> CookieValue(const Request& request, std::string_view name);

// Set-Cookie values: `name`=`value` with the attributes above, and the one
// that makes the browser forget `name` (Max-Age=0).
std::string SetCookie(std::string_view name, std::string_view value, bool secure);
std::string ClearCookie(std::string_view name, bool secure);

}  // namespace cradle::web
