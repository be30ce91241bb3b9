#include "web/request_context.h"

#include <algorithm>
#include <cctype>

#include "web/api.h"

namespace cradle::web {
namespace {

// Percent-encodes all but unreserved characters and '/', for a query value.
std::string EncodeQueryValue(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace

std::string SentCsrfToken(const Request& request, const std::string& form_csrf) {
  auto header = request.headers.find("x-csrf-token");
  if (header != request.headers.end()) return header->second;
  return form_csrf;
}

Response LoginRedirect(const Request& request) {
  Response response =
      Response::Text(303, "text/plain; charset=utf-8", "Log in to see this page.\n");
  response.headers.emplace_back("Location", "/login?next=" + EncodeQueryValue(request.target));
  return response;
}

std::optional<Response> RequireRole(const RequestContext& context,
                                    std::initializer_list<accounts::Role> roles,
                                    const Request& request, const PageRenderer& renderer) {
  if (std::find(roles.begin(), roles.end(), context.role()) != roles.end()) return std::nullopt;
  bool api = request.path.rfind("/api/", 0) == 0;
  if (!context.logged_in() && !api && (request.method == "GET" || request.method == "HEAD")) {
    return LoginRedirect(request);
  }
  if (api) return JsonError(403, kForbiddenApi);
  return renderer.RenderError(403, kForbiddenPage);
}

}  // namespace cradle::web
