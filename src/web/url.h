// Splits a request target into its percent-decoded path and query
// parameters. Boost 1.74 (Debian 12) has no Boost.URL and Beast parses only
// the request line, so this small decoder is ours: it refuses what it cannot
// decode (a bad %-escape, a NUL) rather than guess.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/result.h"

namespace cradle::web {

struct Target {
  std::string path;
  std::map<std::string, std::string> query;
};

// "%41" -> "A"; in a query also "+" -> " ". InvalidArgument on a malformed
// escape or a decoded NUL byte.
Result<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// "/a%20b?x=1&y=2" -> {"/a b", {x:1, y:2}}.
Result<Target> ParseTarget(std::string_view target);

}  // namespace cradle::web
