#include "web/url.h"

namespace cradle::web {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      int high = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
      int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (i + 2 >= text.size() || high < 0 || low < 0) {
        return Status::InvalidArgument("malformed %-escape in '" + std::string(text) + "'");
      }
      c = static_cast<char>(high * 16 + low);
      if (c == '\0') return Status::InvalidArgument("a NUL byte (%00) is not allowed");
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    out.push_back(c);
  }
  return out;
}

Result<Target> ParseTarget(std::string_view target) {
  Target parsed;
  size_t question = target.find('?');
  CRADLE_ASSIGN_OR_RETURN(parsed.path, PercentDecode(target.substr(0, question), false));
  if (question == std::string_view::npos) return parsed;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t equals = pair.find('=');
    CRADLE_ASSIGN_OR_RETURN(std::string name, PercentDecode(pair.substr(0, equals), true));
    std::string value;
    if (equals != std::string_view::npos) {
      CRADLE_ASSIGN_OR_RETURN(value, PercentDecode(pair.substr(equals + 1), true));
    }
    parsed.query[std::move(name)] = std::move(value);
  }
  return parsed;
}

}  // namespace cradle::web
