// The fields of a form a browser posts (application/x-www-form-urlencoded,
// WHATWG URL 5.1), decoded as the query string is (url.h). The body is
// already limited to 64 KB by the server. A form is refused, with a sentence
// for the 400 page, when its type is another, an escape is malformed, a value
// is not UTF-8, or a field is sent twice (so no one can smuggle a second
// value past a check that read the first).
#pragma once

#include <map>
#include <string>

#include "base/result.h"
#include "web/http_message.h"

namespace cradle::web {

using FormFields = std::map<std::string, std::string>;

// The fields of `request`'s body. InvalidArgument naming the problem (and
// the field, if one is at fault).
Result<FormFields> ParseForm(const Request& request);

// The value of `name`, or "" if the form has no such field.
std::string FormValue(const FormFields& form, const std::string& name);

}  // namespace cradle::web
