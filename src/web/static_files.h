// The web app's static files (stylesheet, script), read into memory once at
// start-up from data/web/static. A request names a file, never a path: only
// names in that folder, of the types listed, are ever served, so no request
// can reach another file (no path traversal by construction).
#pragma once

#include <map>
#include <string>

#include "base/result.h"

namespace cradle::web {

struct StaticFile {
  std::string content_type;
  std::string body;
};

class StaticFiles {
 public:
  // Every .css, .js, .svg, .json, .txt and .ico file directly in `dir`.
  static Result<StaticFiles> Load(const std::string& dir);
  // nullptr for any name not loaded (including anything with a '/').
  const StaticFile* Find(const std::string& name) const;

 private:
  std::map<std::string, StaticFile> files_;
};

}  // namespace cradle::web
