#include "web/form.h"

#include "base/strings.h"
#include "web/url.h"

namespace cradle::web {

Result<FormFields> ParseForm(const Request& request) {
  auto type = request.headers.find("content-type");
  std::string media_type = type == request.headers.end()
                               ? ""
                               : ToLower(Trim(type->second.substr(0, type->second.find(';'))));
  if (media_type != "application/x-www-form-urlencoded") {
    return Status::InvalidArgument(
        "the form must be sent as application/x-www-form-urlencoded, not '" +
        (media_type.empty() ? std::string("no type") : media_type) + "'");
  }
  FormFields fields;
  std::string_view body = request.body;
  while (!body.empty()) {
    size_t amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    size_t equals = pair.find('=');
    auto name = PercentDecode(pair.substr(0, equals), true);
    if (!name.ok())
      return Status::InvalidArgument("a form field's name: " + name.status().message());
    std::string value;
    if (equals != std::string_view::npos) {
      auto decoded = PercentDecode(pair.substr(equals + 1), true);
      if (!decoded.ok()) {
        // Not the decoder's message: it would repeat the value, maybe a password.
        return Status::InvalidArgument("the form field '" + *name +
                                       "' has a malformed %-escape or a NUL byte");
      }
      value = std::move(*decoded);
    }
    if (!IsValidUtf8(*name) || !IsValidUtf8(value)) {
      return Status::InvalidArgument("the form field '" + (IsValidUtf8(*name) ? *name : "?") +
                                     "' is not UTF-8 text");
    }
    if (!fields.emplace(*name, std::move(value)).second) {
      return Status::InvalidArgument("the form field '" + *name + "' is sent more than once");
    }
  }
  return fields;
}

std::string FormValue(const FormFields& form, const std::string& name) {
  auto found = form.find(name);
  return found == form.end() ? "" : found->second;
}

}  // namespace cradle::web
