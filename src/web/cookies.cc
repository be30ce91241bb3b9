#include "web/cookies.h"

#include "base/strings.h"

namespace cradle::web {
namespace {

std::string Attributes(bool secure) {
  return std::string("; HttpOnly; SameSite=Strict; Path=/") + (secure ? "; Secure" : "");
}

}  // namespace

std::optional<std::string> CookieValue(const Request& request, std::string_view name) {
  auto header = request.headers.find("cookie");
  if (header == request.headers.end()) return std::nullopt;
  for (const std::string& pair : Split(header->second, ';')) {
    std::string_view trimmed = Trim(pair);
    size_t equals = trimmed.find('=');
    if (equals == std::string_view::npos) continue;
    if (Trim(trimmed.substr(0, equals)) != name) continue;
    std::string_view value = Trim(trimmed.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

std::string SetCookie(std::string_view name, std::string_view value, bool secure) {
  return std::string(name) + "=" + std::string(value) + Attributes(secure);
}

std::string ClearCookie(std::string_view name, bool secure) {
  return std::string(name) + "=; Max-Age=0" + Attributes(secure);
}

}  // namespace cradle::web
