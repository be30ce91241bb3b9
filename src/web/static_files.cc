#include "web/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cradle::web {
namespace {

const char* ContentType(const std::string& extension) {
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".js") return "text/javascript; charset=utf-8";
  if (extension == ".svg") return "image/svg+xml";
  if (extension == ".json") return "application/json";
  if (extension == ".txt") return "text/plain; charset=utf-8";
  if (extension == ".ico") return "image/x-icon";
  return nullptr;
}

}  // namespace

Result<StaticFiles> StaticFiles::Load(const std::string& dir) {
  StaticFiles files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    const char* type = ContentType(entry.path().extension().string());
    if (!type) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) return Status::IoError("cannot read " + entry.path().string());
    files.files_[entry.path().filename().string()] = {type, body.str()};
  }
  if (ec) return Status::IoError("cannot list " + dir + ": " + ec.message());
  return files;
}

const StaticFile* StaticFiles::Find(const std::string& name) const {
  auto found = files_.find(name);
  return found == files_.end() ? nullptr : &found->second;
}

}  // namespace cradle::web
